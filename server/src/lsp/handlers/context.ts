// What every handler of the server shares: the connection, the language service, the guard that
// turns a bug into an empty answer and a log line, and how findings are published.
import type { Connection, InitializeParams } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService } from '../../languageService';
import type { ServerHost } from '../server';

export interface ServerContext {
  connection: Connection;
  service: LanguageService;
  guard: <T>(what: string, fallback: T, fn: () => T) => T;
  host: ServerHost;
  /** Sends a document's findings (at most as many as an editor is sent). */
  publish: (uri: string, diagnostics: Diagnostic[]) => void;
  /** What the client said of itself at initialize. */
  client?: InitializeParams;
}
