// A project file's text and size as a message gives them: a message never carries more of a
// file than a short, escaped excerpt (a file may be a link to a secret, or hold terminal escapes).

/** "50.0 MB, over the limit of 1 MB". */
export function tooLarge(bytes: number, maxBytes: number): string {
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1);
  return `${mb(bytes)} MB, over the limit of ${mb(maxBytes)} MB`;
}

// C0 and C1 controls and DEL (a terminal acts on them: ESC starts a sequence that can write the
// clipboard or erase a line), line and paragraph separators, and the bidirectional overrides and
// isolates, which reorder what is shown.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text with its control characters written as escapes (`\x1b`, `\u2028`); other text as it is. */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/**
 * A short piece of a file's text fit to quote in a message: in double quotes, at most `max`
 * characters (then "…"), quotes, backslashes and control characters escaped.
 */
export function excerpt(text: string, max = 40): string {
  const chars = Array.from(text);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return `"${escapeControls(cut.replace(/["\\]/g, '\\$&'))}"`;
}

/** Text of a message cut to at most `max` characters, its control characters escaped. */
export function shortened(text: string, max: number): string {
  const chars = Array.from(text);
  return escapeControls(chars.length > max ? `${chars.slice(0, max).join('')}…` : text);
}
