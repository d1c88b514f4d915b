// The grade a document gives in its body, where real adverts give it: a `Grade: G7` line (any
// emphasis, `Grade HEO`, `Grade: SEO (Senior Executive Officer)`), a line that is a grade with its
// long name, or the gov.uk summary list pasted as HTML (`<dt …>Grade</dt> <dd …>G7</dd>`).
import type { Framework } from '../framework/framework';
import type { BlockMap } from './blockMap';
import { LineSpan, type Located } from './model';
import { ROLE_LABELS } from './bodyRole';

export interface BodyGrade {
  located: Located;
  /** Whether the framework knows the grade; one of another pay scheme (`Band 6`, `PO3`) is not. */
  known: boolean;
}

/** How far down the grade is looked for: a summary list can sit below a long introduction. */
const TOP_LINES = 150;
const GRADE_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:civil service\s+|pay\s+)?grade(?:\*\*|__)?(?:\s*[:\u2013\u2014-]\s*|\s+)(?:\*\*|__)?\s*(.+?)\s*$/i;
const SUMMARY_LIST = /<dt\b[^>]*>\s*(?:civil service\s+|pay\s+)?grade\s*<\/dt>\s*<dd\b[^>]*>\s*([^<]*?)\s*<\/dd>/i;
/** `SEO (Senior Executive Officer)` on a line of its own. */
const GRADE_WITH_NAME = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z0-9]{1,6})\s*\(([^()]{3,40})\)(?:\*\*|__)?\s*$/;
/** A title heading or a role line ending in a bracketed grade id: `# Senior DevOps engineer (SEO)`. */
const TITLE_OR_ROLE_WITH_GRADE = new RegExp(`^(?:\\s{0,3}#{1,2}\\s.*|\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?:${ROLE_LABELS})(?:\\*\\*|__)?\\s*:.*)\\(\\s*([A-Za-z0-9]{1,6})\\s*\\)\\s*(?:\\*\\*|__)?\\s*$`, 'i');
/** Grades of other pay schemes, which are not civil service grades: `Band 6`, `PO3`, `Pay band 5`, `AfC band 7`. */
const OTHER_SCHEME = /^(?:(?:afc\s+|pay\s+|nhs\s+|agenda for change\s+)?band\s*\d+[a-z]?|po\s*\d+|so\s*\d+|aps\s*\d+|el\s*\d+|ex-?\d+|cs-?\d+|level\s*\d+)\b/i;

/** The grade from the body's first lines, as the block map reads them; undefined when there is none. */
export function findBodyGrade(blocks: BlockMap, framework: Framework): BodyGrade | undefined {
  const lines = blocks.read;
  const startLine = blocks.bodyStart;
  const end = Math.min(lines.lineCount, startLine + TOP_LINES);
  for (let n = startLine; n < end; n++) {
    const text = lines.line(n);
    // The top of the document ends where code starts (the block map's code).
    if (blocks.isCode(n)) break;
    if (text.length > 2000) continue;
    const labelled = GRADE_LINE.exec(text);
    if (labelled && !/^<dt/i.test(text.trim())) {
      const found = gradeIn(framework, text, text.length - labelled[1].length - trailingSpace(text), labelled[1], n);
      if (found) return found;
    }
    // `Plymouth or Durham · Grade: SEO · £48,000`: a labelled grade among the parts of a line.
    if (!labelled && /\bgrade\b/i.test(text)) {
      let from = 0;
      for (const part of text.split(/[\u00b7\u2022|]/)) {
        const start = from;
        from += part.length + 1;
        const inPart = GRADE_LINE.exec(part);
        if (!inPart) continue;
        const found = gradeIn(framework, text, start + part.length - inPart[1].length - trailingSpace(part), inPart[1], n);
        if (found) return found;
      }
    }
    // `# Senior DevOps engineer (SEO)`, `Current role: Data engineer (HEO)`: a grade in brackets
    // ending the title or a role line.
    const bracketed = TITLE_OR_ROLE_WITH_GRADE.exec(text);
    if (bracketed && framework.findGrade(bracketed[1])) {
      const at = text.lastIndexOf(bracketed[1]);
      return { located: new LineSpan(bracketed[1], n, at, at + bracketed[1].length), known: true };
    }
    const named = GRADE_WITH_NAME.exec(text);
    if (named) {
      const grade = framework.findGrade(named[1]);
      if (grade && framework.findGrade(named[2]) === grade) {
        const at = text.indexOf(named[1]);
        return { located: new LineSpan(named[1], n, at, at + named[1].length), known: true };
      }
    }
    if (/<dt\b/i.test(text)) {
      // The list's row may run over several lines: read a few together.
      const upTo = Math.min(lines.lineCount, n + 6);
      const from = lines.starts[n];
      const to = upTo < lines.lineCount ? lines.starts[upTo] : lines.text.length;
      const chunk = lines.text.slice(from, to);
      const row = SUMMARY_LIST.exec(chunk);
      if (row && row[1]) {
        const offset = from + row.index + row[0].lastIndexOf(row[1], row[0].length - 5);
        const at = lines.position(offset);
        const found = gradeIn(framework, lines.line(at.line), at.character, row[1], at.line);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function trailingSpace(text: string): number {
  return text.length - text.trimEnd().length;
}

/**
 * The grade in a value (`G7`, `Grade 7`, `SEO (Senior Executive Officer)`, `Senior Executive
 * Officer`, `HEO or SEO`): the first words that name one, located in the line. A value that names
 * another scheme's grade is returned as unknown; prose (`see below`) is not a grade at all.
 */
function gradeIn(framework: Framework, line: string, offset: number, value: string, n: number): BodyGrade | undefined {
  const clean = value.replace(/[*_`]+$/g, '').replace(/\.$/, '').trim();
  const bracket = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(clean);
  const candidates = [clean, ...(bracket ? [bracket[1], bracket[2]] : []), ...clean.split(/\s*(?:,|\/|\bor\b|\band\b|\bto\b|\u2013|-|\u00b7|\u2022|\|)\s*/)];
  for (const candidate of candidates) {
    const text = candidate.trim();
    if (!text || !framework.findGrade(text)) continue;
    const at = line.indexOf(text, offset);
    if (at >= 0) return { located: new LineSpan(text, n, at, at + text.length), known: true };
  }
  const other = OTHER_SCHEME.exec(clean);
  if (other && framework.grades.length) {
    const at = line.indexOf(other[0], offset);
    if (at >= 0) return { located: new LineSpan(other[0], n, at, at + other[0].length), known: false };
  }
  return undefined;
}
