// Completion in the project configuration file (.skill-lens.yaml), from its schema
// (data/skill-lens.schema.json): its keys, the kinds of document, the diagnostic codes under
// `severity` and `ignore`, a severity, and the loaded frameworks' ids. It works in any editor
// that talks to the server, with no YAML extension beside it.
import { CompletionItem, CompletionItemKind, CompletionList, MarkupKind, type Position } from 'vscode-languageserver-types';
import schema from '../../../../data/skill-lens.schema.json';
import type { LineIndex } from '../../documents/lineIndex';
import { siblingKeys, yamlSpot } from '../../yaml/cursor';

type Described = { description?: string };

const KEYS = schema.properties as Record<string, Described>;
const KINDS = schema.properties.documentKinds.properties as Record<string, Described>;
const CODES: readonly string[] = schema.properties.severity.propertyNames.enum;
const SEVERITIES: readonly string[] = schema.properties.severity.additionalProperties.enum;

/** What to offer at a position of a configuration file's text; frameworks: the loaded ones' ids and names. */
export function configCompletions(lines: LineIndex, position: Position, frameworks: readonly { id: string; name: string }[]): CompletionList {
  const text = lines.line(position.line);
  const ctx = { lines, line: position.line, text, before: text.slice(0, position.character) };
  const spot = yamlSpot(ctx, 0);
  if (!spot) return { isIncomplete: false, items: [] };
  const range = { start: { line: position.line, character: spot.start }, end: { line: position.line, character: Math.max(spot.start, position.character) } };
  const item = (label: string, kind: CompletionItemKind, detail?: string, doc?: string, insert = label): CompletionItem => ({
    label,
    kind,
    ...(detail ? { detail } : {}),
    ...(doc ? { documentation: { kind: MarkupKind.PlainText, value: doc } } : {}),
    textEdit: { range, newText: insert },
  });
  const [top] = spot.path;
  if (spot.valueKey !== undefined) {
    if (spot.path.length === 0 && spot.valueKey === 'framework') return list(frameworks.map((f) => item(f.id, CompletionItemKind.Value, f.name)));
    if (top === 'severity' && spot.path.length === 1) return list(SEVERITIES.map((s) => item(s, CompletionItemKind.EnumMember)));
    return list([]);
  }
  const taken = siblingKeys(ctx, spot);
  const keys = (names: readonly string[], described: Record<string, Described> | undefined, kind: CompletionItemKind) =>
    list(names.filter((k) => !taken.has(k.toLowerCase())).map((k) => item(k, kind, undefined, described?.[k]?.description, `${k}: `)));
  if (spot.path.length === 0) return keys(Object.keys(KEYS), KEYS, CompletionItemKind.Property);
  if (spot.path.length === 1 && (top === 'severity' || top === 'ignore')) return keys(CODES, undefined, CompletionItemKind.EnumMember);
  if (spot.path.length === 1 && top === 'documentKinds') return keys(Object.keys(KINDS), KINDS, CompletionItemKind.Property);
  return list([]);
}

function list(items: CompletionItem[]): CompletionList {
  return { isIncomplete: false, items };
}
