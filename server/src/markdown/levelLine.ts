// The gov.uk `Level: working` line (and the labels reviews use for it: `Assessed: working`,
// `Expected level: practitioner`), written once for the parser, hover and completion.

/** The label before the level: `Level`, `Skill level`, `Assessed`, `Expected level`, `Required level`… */
const LABEL = '(?:(?:skill|required|expected|current|target|assessed)\\s+)?level|assessed|expected|self[- ]assessment|rating';
const LEAD = `\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?:${LABEL})(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?`;

/** A whole line: group 1 is everything before the level, group 2 the level. */
export const LEVEL_LINE = new RegExp(`^(${LEAD})(.*?)(?:\\*\\*|__)?\\s*$`, 'i');

/** The line up to the cursor while a level is typed: group 1 is what is typed of it so far. */
export const LEVEL_LINE_BEFORE = new RegExp(`^${LEAD}([A-Za-z0-9/]*(?: [A-Za-z0-9/]+)?)$`, 'i');

/** Whether a line's first non-space character can start a level line (`L`, `S`, `R`, `E`, `C`, `T`, `A`, a list marker or emphasis). */
export function mayBeLevelLine(c: number): boolean {
  const lower = c | 32;
  return lower === 108 || lower === 115 || lower === 114 || lower === 101 || lower === 99 || lower === 116 || lower === 97 || c === 45 || c === 42 || c === 43 || c === 95;
}
