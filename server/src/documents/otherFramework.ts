// Whether a document without a `framework:` in its front matter says it is written against
// another framework than the one in use: an advert assessed on SFIA skills, a company's SFIA
// levels page, an Australian role description under its state's capability framework. Such a
// document's names and levels are that framework's, and a title that happens to be a DDaT role
// level (`# Senior Data Engineer`) is no DDaT role.
import { afterLine, type Fence } from '../markdown/fence';
import { HEADING } from '../markdown/heading';
import type { LineIndex } from './lineIndex';
import { LineSpan } from './model';

export interface OtherFramework {
  /** The id of the framework Skill Lens reads it with, when it can have it (`sfia`). */
  id?: string;
  /** As messages name it: `SFIA`. */
  name: string;
  /** Where the document says so. */
  located: LineSpan;
}

/** Frameworks of other countries' public services, named in full (Skill Lens has none of them),
 *  each after a word it holds that is rare in text: a long advert is searched at every
 *  keystroke, and indexOf finds a rare word in a megabyte in tens of microseconds. */
const NAMED: readonly (readonly [string, string])[] = [
  ['NSW', 'NSW Public Sector Capability Framework'],
  ['APS', 'Integrated Leadership System'],
  ['APS', 'APS Work Level Standards'],
];
/** SFIA, by the name everyone uses for it (its long name comes with it). */
const SFIA = /\bSFIA\b/g;
/** A sentence that says the document is SFIA's: `This is the SFIA description for…`, `assessed against these SFIA skills`, SFIA's levels of responsibility. */
const SFIA_SENTENCE = /\b(?:this is|these are|here is|here are)\s+(?:the|our)\s+SFIA\b|\bSFIA\s+(?:\d+\s+)?descriptions?\b|\bassessed\s+against\s+(?:the\s+(?:following\s+)?|these\s+)?SFIA\b|\b(?:levels?\s+of\s+responsibility|responsibility\s+levels?)\b/i;
/** A skill given with its SFIA code: `Software design (SWDN)`, or a code in a table's cell (`| PROG |`);
 *  or a level by SFIA's names for its levels (`Level 5 – Ensure, advise`, `level 3 (Apply)`). */
const SFIA_CODE = /[A-Za-z][^\n()|]{2,60}\s\((?!SFIA\))([A-Z]{4})\)|\|\s*(?!SFIA\b)([A-Z]{4})\s*(?=\|)|\b[Ll]evel\s*[1-7]\s*[(:\u2013\u2014-]?\s*(?:[Ff]ollow|[Aa]ssist|[Aa]pply|[Ee]nable|[Ee]nsure|[Ii]nitiate|[Ss]et strategy)\b/g;

/** Where the body (from `startLine`) says which other framework it is written against, if it does. */
export function findOtherFramework(lines: LineIndex, startLine: number): OtherFramework | undefined {
  if (startLine >= lines.lineCount) return undefined;
  const from = lines.starts[startLine];
  for (const [rare, name] of NAMED) {
    const at = lines.text.includes(rare, from) ? lines.text.indexOf(name, from) : -1;
    if (at >= 0) return { name: `the ${name}`, located: spanAt(lines, at, name.length) };
  }
  return lines.text.includes('SFIA', from) ? sfia(lines, startLine) : undefined;
}

/**
 * SFIA, when a heading names it, a sentence says the document is SFIA's, or a skill is given
 * with its SFIA code (or a level by SFIA's name for it) in a document that names SFIA. A document that names SFIA in passing
 * (`some know their skills through SFIA`) is not SFIA's.
 */
function sfia(lines: LineIndex, startLine: number): OtherFramework | undefined {
  const text = lines.text;
  const from = lines.starts[startLine];
  SFIA.lastIndex = from;
  let first: LineSpan | undefined;
  // The fence open before line `read` (the lines above an occurrence are read once, in order).
  let fence: Fence | undefined;
  let read = startLine;
  for (let m = SFIA.exec(text); m; m = SFIA.exec(text)) {
    const line = lines.lineOf(m.index);
    for (; read < line; read++) fence = afterLine(fence, lines.line(read));
    // SFIA in code, or on a fence's own line, is no sentence of the document.
    if (fence || afterLine(undefined, lines.line(line))) continue;
    const at = spanAt(lines, m.index, m[0].length);
    first ??= at;
    const lineText = lines.line(line);
    if (HEADING.test(lineText) || SFIA_SENTENCE.test(lineText)) return { id: 'sfia', name: 'SFIA', located: at };
  }
  if (!first) return undefined;
  SFIA_CODE.lastIndex = from;
  return SFIA_CODE.test(text) ? { id: 'sfia', name: 'SFIA', located: first } : undefined;
}

function spanAt(lines: LineIndex, offset: number, length: number): LineSpan {
  const line = lines.lineOf(offset);
  const start = offset - lines.starts[line];
  return new LineSpan(lines.text.slice(offset, offset + length), line, start, start + length);
}
