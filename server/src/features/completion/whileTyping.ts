// Completion that stays usable while a value is typed. VS Code closes its list when a character
// that is not part of a word is typed (the space after `Level:`, `Information security:`, `|` or
// `grade:`) unless that character is a trigger character. So the space is one, and it is
// answered only where a value is expected or a name is being typed; elsewhere (prose, list
// items) the answer is an empty list, decided from the line alone before any parsing.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Framework } from '../../framework/framework';
import { skillFullName } from '../../framework/model';
import { caches } from '../../caches';

export const SPACE_TRIGGER = ' ';

/** The cursor follows a separator after which a value comes: `:`, `|`, `(`, an en or em dash, or ` - `. */
const AFTER_SEPARATOR = /(?:[:|(\u2013\u2014]|\S[ \t]+-)[ \t]+$/;
/** `**Information security:** ` or `**Level:** `: a bold label ending in a colon; group 2 is its text. */
const BOLD_LABEL = /(\*\*|__)([^*_]+?):\1[ \t]+$/;
/** The labels of a gov.uk level line, written bold (`**Level:** `). */
const LEVEL_LABEL = /^(?:(?:skill|required|expected|current|target|assessed)\s+)?level$|^(?:assessed|expected|rating)$/i;
/** What leads a line before a name: indentation, list marker, task box, heading, bold. */
const LINE_LEAD = /^\s*(?:(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?|#{1,6}\s+)?(?:\*\*|__)?/;
/** Longer than any name a framework may have (framework files cap names at 90 characters). */
const MAX_NAME = 90;

/**
 * Cheap test on the text before the cursor: whether a space typed there may want a list at
 * all. False for most spaces typed in prose, so those cost no parse of the document.
 */
export function spaceMayWantList(before: string, someLabelStartsWith?: (typed: string) => boolean): boolean {
  if (!/[ \t]$/.test(before)) return false;
  if (AFTER_SEPARATOR.test(before) || BOLD_LABEL.test(before)) return true;
  // A name being typed: the words since the last separator (or the line's lead).
  const cut = Math.max(before.lastIndexOf('|'), before.lastIndexOf(':'), before.lastIndexOf('**'), before.lastIndexOf('__'), before.lastIndexOf('('));
  const segment = cut >= 0 ? before.slice(cut + 1).replace(/^[*_]/, '') : before.replace(LINE_LEAD, '');
  const typed = segment.trim();
  if (!(typed.length > 0 && typed.length <= MAX_NAME && /\p{L}/u.test(typed) && !/[.!?;]/.test(typed))) return false;
  // Only the start of some name of several words (a skill, a role level, a statement) keeps a list open.
  return !someLabelStartsWith || someLabelStartsWith(normalise(`${typed} `));
}

/**
 * Whether some name a list of the framework may offer starts with `typed` (normalised, ending in
 * a space): skill names, role levels, level and grade names, ladder statements. From the
 * framework alone, so a space in prose is answered without reading the document.
 */
export function frameworkLabelStartsWith(framework: Framework, typed: string): boolean {
  let labels = spacedLabels.get(framework);
  if (!labels) {
    const all = [
      ...framework.skills.map((s) => skillFullName(s)),
      ...framework.roleLevels.map((r) => r.level.name),
      ...framework.levels.map((l) => l.name),
      ...framework.grades.map((g) => g.name ?? ''),
      ...framework.skills.flatMap((s) => Object.values(s.levels ?? {}).flatMap((l) => l?.statements ?? [])),
    ];
    // Sorted, so that the labels starting with what is typed follow the first not below it.
    labels = [...new Set(all.map(normalise).filter((l) => l.includes(' ')))].sort();
    spacedLabels.set(framework, labels);
  }
  let low = 0;
  let high = labels.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (labels[mid] < typed) low = mid + 1;
    else high = mid;
  }
  return low < labels.length && labels[low].startsWith(typed);
}
const spacedLabels = caches.weak<Framework, string[]>();

/**
 * The answer to a typed space, from the list the position would get when asked: the whole list
 * right after a separator (`Level: `), or while what is typed in an item's range is the start
 * of one of the labels (`Information ` keeps the names open); otherwise nothing, so a space in
 * prose never pops a list up.
 */
export function answerToSpace(items: CompletionItem[], before: string, cursor: number, isSkill: (name: string) => boolean = () => false): CompletionItem[] {
  if (!items.length || !spaceMayWantList(before)) return [];
  // A bold label is a separator when it names a skill or a level (`**Collaboration:** ` starts prose).
  const label = BOLD_LABEL.exec(before)?.[2].trim();
  const afterSeparator = AFTER_SEPARATOR.test(before) || (!!label && (LEVEL_LABEL.test(label) || isSkill(label)));
  const wanted = (item: CompletionItem): boolean => {
    const edit = item.textEdit;
    if (!edit || !('range' in edit) || edit.range.start.character > cursor) return false;
    const typed = normalise(before.slice(edit.range.start.character));
    // Nothing typed yet in the item's place: a value right after its separator.
    if (!typed.trim()) return afterSeparator;
    // Some words typed: the start of a longer label (a skill or role name of several words).
    return normalise(typeof item.label === 'string' ? item.label : '').startsWith(typed);
  };
  return items.some(wanted) ? items : [];
}

/** Lower case, bold markers gone, runs of spaces as one, leading spaces dropped (a trailing one kept). */
function normalise(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\s+/g, ' ').replace(/^ /, '').toLowerCase();
}

/**
 * Items for a table cell asked for right after its `|` (the `|` trigger, nothing typed): each
 * inserts the space a table cell starts with, and filters on it, so that typing ` Trou` before
 * accepting still matches and accepting keeps `| ` (`| Troubleshooting…`, not `|Troubleshooting…`).
 */
export function withCellSpace(items: CompletionItem[]): CompletionItem[] {
  for (const item of items) {
    const edit = item.textEdit;
    if (!edit || !('range' in edit)) continue;
    edit.newText = ` ${edit.newText}`;
    item.filterText = ` ${item.filterText ?? (typeof item.label === 'string' ? item.label : '')}`;
  }
  return items;
}

/** The text of the position's line before it (empty for a position outside the text). */
export function textBefore(line: string | undefined, character: number): string {
  return line === undefined ? '' : line.slice(0, Math.max(0, Math.min(Number.isFinite(character) ? Math.floor(character) : 0, line.length)));
}
