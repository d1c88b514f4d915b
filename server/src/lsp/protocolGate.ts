// The protocol's rules about when a message may come and what its params must hold, applied to
// every message before any handler sees it (whatever the transport: stdio, IPC, socket):
// - before `initialize`, requests are answered with ServerNotInitialized and notifications are
//   dropped (except `exit`);
// - a second `initialize` is an error;
// - after `shutdown`, requests are answered with InvalidRequest and notifications are dropped
//   (except `exit`), so a document opened then is never checked;
// - requests and notifications the server handles are checked for the params it reads: a
//   malformed request is answered with InvalidParams, a malformed notification is ignored, each
//   with one log line.
import { ErrorCodes, Message, MessageStrategy, NotificationMessage, RequestMessage, ResponseError } from 'vscode-languageserver/node';

/** The method a refused request is passed on as: its handler answers with the refusal. */
export const REFUSED_METHOD = 'skillLens/refused';

/** An answer decided by the gate; only the gate makes these (a client cannot send one). */
export class Refusal {
  constructor(
    readonly code: number,
    readonly message: string,
  ) {}

  /** What the REFUSED_METHOD handler answers with for the params it was given. */
  static answer(params: unknown): ResponseError<void> {
    if (params instanceof Refusal) return new ResponseError(params.code, params.message);
    return new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${REFUSED_METHOD}`);
  }
}

type Phase = 'before-initialize' | 'running' | 'shut-down';

export interface ProtocolGate extends MessageStrategy {
  readonly phase: Phase;
}

/** A message strategy for createConnection; `log` writes one line. */
export function protocolGate(log: (line: string) => void): ProtocolGate {
  let phase: Phase = 'before-initialize';

  function refuse(message: RequestMessage, next: (message: Message) => void, code: number, reason: string): void {
    next({ ...message, method: REFUSED_METHOD, params: new Refusal(code, reason) } as RequestMessage);
  }

  return {
    get phase() {
      return phase;
    },
    handleMessage(message: Message, next: (message: Message) => void): void {
      if (Message.isRequest(message)) {
        const method = message.method;
        if (phase === 'before-initialize' && method !== 'initialize') {
          return refuse(message, next, ServerNotInitialized, `The server is not initialized: ${method} must follow initialize.`);
        }
        if (phase === 'running' && method === 'initialize') {
          return refuse(message, next, ErrorCodes.InvalidRequest, 'The server is already initialized.');
        }
        if (phase === 'shut-down') {
          return refuse(message, next, ErrorCodes.InvalidRequest, `The server is shut down: ${method} is not answered; only exit is expected.`);
        }
        const problem = checkRequest(method, message.params);
        if (problem) {
          log(`Refused ${method}: ${problem}.`);
          return refuse(message, next, ErrorCodes.InvalidParams, `Invalid params for ${method}: ${problem}.`);
        }
        next(message);
        if (method === 'initialize') phase = 'running';
        else if (method === 'shutdown') phase = 'shut-down';
        return;
      }
      if (Message.isNotification(message)) {
        const method = message.method;
        if (method === 'exit') return next(message);
        if (phase !== 'running') {
          log(`Ignored ${method}: ${phase === 'shut-down' ? 'the server is shut down' : 'the server is not initialized yet'}.`);
          return;
        }
        const problem = checkNotification(message);
        if (problem) {
          log(`Ignored ${method}: ${problem}.`);
          return;
        }
      }
      next(message);
    },
  };
}

/** LSP's ServerNotInitialized error code. */
export const ServerNotInitialized = -32002;

// ---------------------------------------------------------------------------------------------
// Params: what each handler reads, so that a handler never meets a value of the wrong shape.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUinteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2 ** 31 - 1;
const isInteger = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);

/** A URI as the server can use it: a string with a scheme (`file:`, `untitled:`). */
export function isUri(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 32_768 && /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(v);
}

function isPosition(v: unknown): boolean {
  return isObj(v) && isUinteger(v.line) && isUinteger(v.character);
}

function isRange(v: unknown): boolean {
  return isObj(v) && isPosition(v.start) && isPosition(v.end);
}

/** `textDocument: { uri }`, the document a request or notification is about. */
function documentProblem(params: Obj): string | undefined {
  if (!isObj(params.textDocument)) return 'no textDocument';
  if (!isUri(params.textDocument.uri)) return 'textDocument.uri is not a URI';
  return undefined;
}

function checkRequest(method: string, params: unknown): string | undefined {
  switch (method) {
    case 'initialize':
      return isObj(params) && isObj(params.capabilities) ? undefined : 'no capabilities';
    case 'textDocument/hover':
    case 'textDocument/completion':
    case 'textDocument/definition':
      if (!isObj(params)) return 'no params';
      return documentProblem(params) ?? (isPosition(params.position) ? undefined : 'no valid position');
    case 'textDocument/codeAction': {
      if (!isObj(params)) return 'no params';
      const problem = documentProblem(params);
      if (problem) return problem;
      if (!isRange(params.range)) return 'no valid range';
      const context = params.context;
      if (!isObj(context) || !Array.isArray(context.diagnostics)) return 'no context.diagnostics list';
      if (!context.diagnostics.every((d) => isObj(d) && isRange(d.range))) return 'a diagnostic without a valid range';
      return undefined;
    }
    case 'textDocument/documentSymbol':
      if (!isObj(params)) return 'no params';
      return documentProblem(params);
    default:
      return undefined;
  }
}

function checkNotification(message: NotificationMessage): string | undefined {
  const params = message.params;
  switch (message.method) {
    case 'textDocument/didOpen': {
      if (!isObj(params) || !isObj(params.textDocument)) return 'no textDocument';
      const doc = params.textDocument;
      if (!isUri(doc.uri)) return `textDocument.uri ${JSON.stringify(doc.uri)?.slice(0, 100)} is not a URI`;
      if (typeof doc.text !== 'string') return 'textDocument.text is not a string';
      if (!isInteger(doc.version)) return 'textDocument.version is not an integer';
      if (typeof doc.languageId !== 'string') return 'textDocument.languageId is not a string';
      return undefined;
    }
    case 'textDocument/didChange': {
      if (!isObj(params)) return 'no params';
      const problem = documentProblem(params);
      if (problem) return problem;
      if (!isInteger((params.textDocument as Obj).version)) return 'textDocument.version is not an integer';
      if (!Array.isArray(params.contentChanges)) return 'no contentChanges list';
      for (const change of params.contentChanges) {
        if (!isObj(change)) return 'a content change that is not an object';
        if (typeof change.text !== 'string') return 'a content change without text';
        if ('range' in change && !isRange(change.range)) return 'a content change with an invalid range';
        if (change.rangeLength !== undefined && !isUinteger(change.rangeLength)) return 'a content change with an invalid rangeLength';
      }
      return undefined;
    }
    case 'textDocument/didClose':
    case 'textDocument/didSave':
      if (!isObj(params)) return 'no params';
      return documentProblem(params);
    case 'workspace/didChangeWatchedFiles':
      if (!isObj(params) || !Array.isArray(params.changes)) return 'no list of changes';
      if (!params.changes.every((c) => isObj(c) && isUri(c.uri) && (c.type === 1 || c.type === 2 || c.type === 3))) return 'a change without a URI and a type of 1, 2 or 3';
      return undefined;
    case 'workspace/didChangeConfiguration':
      return isObj(params) ? undefined : 'no params';
    default:
      return undefined;
  }
}
