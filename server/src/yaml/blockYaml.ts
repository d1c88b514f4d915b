// A fast reader for the block-style YAML people write in front matter and pathway files:
// mappings, sequences, plain scalars (over several lines too) and one-line quoted scalars.
// It walks the text line by line and hands the tree to the same builder as js-yaml's event
// stream, at a fraction of the cost. Anything else (flow collections, anchors, tags, block
// scalars, tabs, several documents) and anything that looks wrong makes it give up, and the
// caller parses with js-yaml instead, which also words the syntax errors. So this reader never
// accepts what js-yaml rejects, and where it accepts, it builds the tree js-yaml's events build
// (a differential test holds it to that on thousands of mutated documents).

export interface YamlSink {
  /** A scalar's decoded value; start < 0 for an empty (null) value. */
  scalar(start: number, end: number, value: string, plain: boolean): void;
  open(kind: 'map' | 'seq', start: number): void;
  close(): void;
}

/** Thrown to give up; caught in readBlockYaml. */
const GIVE_UP = new Error('not block YAML this reader handles');

// Tabs, lone carriage returns, a byte-order mark, characters YAML does not allow or may read as
// line breaks, and any surrogate (js-yaml checks their pairing; this reader leaves that to it).
const UNSUPPORTED = /[\t\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uD800-\uDFFF\uFEFF\uFFFE\uFFFF]|\r(?!\n)/;

/** Collections nested deeper than this go to js-yaml, which enforces its own limit. */
const MAX_DEPTH = 40;
/** YAML's limit on an implicit key. */
const MAX_KEY = 1024;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;
const BACKSLASH = 92;

/** Characters that cannot start a plain scalar here (some can in YAML; js-yaml decides those). */
function isIndicator(c: number): boolean {
  switch (c) {
    case 45: // -
    case 63: // ?
    case 58: // :
    case 44: // ,
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 35: // #
    case 38: // &
    case 42: // *
    case 33: // !
    case 124: // |
    case 62: // >
    case 39: // '
    case 34: // "
    case 37: // %
    case 64: // @
    case 96: // `
      return true;
    default:
      return false;
  }
}

/**
 * Reads `source` into `sink`; false (and a sink to throw away) when js-yaml must do it.
 * `depth` is how deep in a larger document the source sits (a pathway topic read on its own
 * sits two collections down), so that the depth limit falls where it would for the whole.
 */
export function readBlockYaml(source: string, sink: YamlSink, depth = 0): boolean {
  if (UNSUPPORTED.test(source)) return false;
  try {
    new Reader(source, sink, depth).document();
    return true;
  } catch (e) {
    if (e === GIVE_UP) return false;
    throw e;
  }
}

class Reader {
  /** Start of the current line. */
  private line = 0;
  /** Of the current content line (set by peek): indentation, first non-space, end without the line break. */
  private indent = 0;
  private content = 0;
  private end = 0;
  /** Blank lines nextNonBlank passed. */
  private blanks = 0;
  // The searches of nextColon and nextHash: from where, and what they found.
  private colonFrom = Infinity;
  private colonAt = -1;
  private hashFrom = Infinity;
  private hashAt = -1;

  constructor(
    private readonly src: string,
    private readonly sink: YamlSink,
    private depth: number,
  ) {}

  document(): void {
    if (this.peek() < 0) return;
    if (this.isMarker()) {
      // `---` on the first line: the document follows.
      if (this.src.charCodeAt(this.content + 3) === HASH || this.trimmedEnd(this.content + 3, this.end) !== this.content + 3) throw GIVE_UP;
      this.nextLine();
      if (this.peek() < 0) throw GIVE_UP;
    }
    if (this.isSequenceMarker(this.content)) this.sequence(this.indent);
    else if (this.keyColon(this.content) >= 0) this.mapping(this.indent, this.content);
    else throw GIVE_UP; // a document that is a lone scalar
    if (this.peek() >= 0) throw GIVE_UP; // more after the root: `...`, another document, or an error
  }

  // ---- lines ---------------------------------------------------------------------------------

  private nextLine(): void {
    const nl = this.src.indexOf('\n', this.line);
    this.line = nl < 0 ? this.src.length : nl + 1;
  }

  /**
   * Moves to the next line with content (skipping blank and comment lines) and returns its
   * indentation, or -1 at the end of the text.
   */
  private peek(): number {
    for (;;) {
      const indent = this.nextNonBlank();
      if (indent < 0 || this.src.charCodeAt(this.content) !== HASH) return indent;
      this.nextLine();
    }
  }

  /**
   * Moves to the next line that is not blank (a comment counts as content), sets indent,
   * content and end, and returns its indentation, or -1 at the end of the text; `blanks`
   * counts the blank lines passed.
   */
  private nextNonBlank(): number {
    const src = this.src;
    this.blanks = 0;
    while (this.line < src.length) {
      let i = this.line;
      while (src.charCodeAt(i) === SPACE) i++;
      const nl = src.indexOf('\n', i);
      let end = nl < 0 ? src.length : nl;
      if (end > i && src.charCodeAt(end - 1) === 13) end--;
      if (i < end) {
        this.indent = i - this.line;
        this.content = i;
        this.end = end;
        return this.indent;
      }
      this.blanks++;
      this.line = nl < 0 ? src.length : nl + 1;
    }
    return -1;
  }

  /** `---` or `...` at the start of a line. */
  private isMarker(): boolean {
    if (this.indent !== 0) return false;
    const s = this.src.slice(this.content, this.content + 3);
    if (s !== '---' && s !== '...') return false;
    const next = this.src.charCodeAt(this.content + 3);
    return this.content + 3 >= this.end || next === SPACE;
  }

  private isSequenceMarker(at: number): boolean {
    return this.src.charCodeAt(at) === DASH && (at + 1 >= this.end || this.src.charCodeAt(at + 1) === SPACE);
  }

  private skipSpaces(at: number): number {
    while (at < this.end && this.src.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** `end` moved back over trailing spaces. */
  private trimmedEnd(start: number, end: number): number {
    while (end > start && this.src.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  // ---- collections ---------------------------------------------------------------------------

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  /** A block node on the current content line, which is indented more than its parent. */
  private node(parentIndent: number): void {
    if (this.isSequenceMarker(this.content)) this.sequence(this.indent);
    else if (this.keyColon(this.content) >= 0) this.mapping(this.indent, this.content);
    else this.inlineValue(this.content, parentIndent);
  }

  private mapping(indent: number, firstKey: number): void {
    this.enter();
    this.sink.open('map', firstKey);
    let key = firstKey;
    for (;;) {
      const colon = this.key(key);
      const value = this.skipSpaces(colon + 1);
      if (value >= this.end || this.src.charCodeAt(value) === HASH) {
        // `key:` alone: the value is on the lines below, or empty.
        this.nextLine();
        const next = this.peek();
        if (next > indent) this.node(indent);
        else if (next === indent && this.isSequenceMarker(this.content)) this.sequence(indent);
        else this.sink.scalar(-1, -1, '', true);
      } else {
        this.inlineValue(value, indent);
      }
      const next = this.peek();
      if (next < indent) break;
      if (next > indent || this.isSequenceMarker(this.content)) throw GIVE_UP;
      if (this.keyColon(this.content) < 0) throw GIVE_UP;
      key = this.content;
    }
    this.sink.close();
    this.depth--;
  }

  private sequence(indent: number): void {
    this.enter();
    this.sink.open('seq', this.content);
    for (;;) {
      const item = this.skipSpaces(this.content + 1);
      if (item >= this.end || this.src.charCodeAt(item) === HASH) {
        // `-` alone: the item is on the lines below, or empty.
        this.nextLine();
        if (this.peek() > indent) this.node(indent);
        else this.sink.scalar(-1, -1, '', true);
      } else if (this.isSequenceMarker(item)) {
        throw GIVE_UP; // `- - x`
      } else {
        // `- key: value` opens a mapping whose keys line up with this first one.
        if (this.keyColon(item) >= 0) this.mapping(item - this.line, item);
        else this.inlineValue(item, indent);
      }
      const next = this.peek();
      if (next < indent) break;
      if (next > indent) throw GIVE_UP;
      if (!this.isSequenceMarker(this.content)) break; // the parent mapping's next key, or an error it finds
    }
    this.sink.close();
    this.depth--;
  }

  // ---- keys ----------------------------------------------------------------------------------

  /** The colon of a plain `key: ` starting at `at` on the current line, or -1 if it is no key. */
  private keyColon(at: number): number {
    const src = this.src;
    const first = src.charCodeAt(at);
    if (first === DQUOTE || first === SQUOTE) {
      const close = this.quoteEnd(at);
      if (close < 0) return -1;
      const colon = this.skipSpaces(close + 1);
      return src.charCodeAt(colon) === COLON && (colon + 1 >= this.end || src.charCodeAt(colon + 1) === SPACE) ? colon : -1;
    }
    if (isIndicator(first)) throw GIVE_UP;
    const colon = this.nextColon(at);
    if (colon >= this.end || this.nextHash(at) < colon) return -1; // no colon, or a comment first
    if (colon - at > MAX_KEY) throw GIVE_UP;
    return colon;
  }

  /**
   * The next `:` at or after `from` that ends a key (followed by a space or the line's end).
   * Found with indexOf and remembered, so that the text is searched once however often asked.
   */
  private nextColon(from: number): number {
    if (from >= this.colonFrom && from <= this.colonAt) return this.colonAt;
    const src = this.src;
    let i = from;
    for (;;) {
      i = src.indexOf(':', i);
      if (i < 0) {
        i = Infinity;
        break;
      }
      const next = src.charCodeAt(i + 1);
      if (i + 1 >= src.length || next === SPACE || next === 10 || next === 13) break;
      i++;
    }
    this.colonFrom = from;
    this.colonAt = i;
    return i;
  }

  /** The next `#` at or after `from` that starts a comment (has a space before it). */
  private nextHash(from: number): number {
    if (from >= this.hashFrom && from <= this.hashAt) return this.hashAt;
    const k = this.src.indexOf(' #', from - 1);
    this.hashFrom = from;
    this.hashAt = k < 0 ? Infinity : k + 1;
    return this.hashAt;
  }

  /** Emits the key at `at` and returns its colon. */
  private key(at: number): number {
    const src = this.src;
    const first = src.charCodeAt(at);
    if (first === DQUOTE || first === SQUOTE) {
      const close = this.quoteEnd(at);
      this.sink.scalar(at + 1, close, this.quotedValue(at, close), false);
      return this.skipSpaces(close + 1);
    }
    const colon = this.keyColon(at);
    const end = this.trimmedEnd(at, colon);
    this.sink.scalar(at, end, src.slice(at, end), true);
    return colon;
  }

  // ---- scalars -------------------------------------------------------------------------------

  /** A value starting at `at` on the current line, owned by a collection at `parentIndent`. */
  private inlineValue(at: number, parentIndent: number): void {
    const c = this.src.charCodeAt(at);
    if (c === DQUOTE || c === SQUOTE) {
      const close = this.quoteEnd(at);
      if (close < 0) throw GIVE_UP; // continues on the next line
      const after = this.skipSpaces(close + 1);
      // Only a comment may follow, and it needs a space before it.
      if (after < this.end && !(this.src.charCodeAt(after) === HASH && after > close + 1)) throw GIVE_UP;
      this.sink.scalar(at + 1, close, this.quotedValue(at, close), false);
      this.nextLine();
      return;
    }
    if (isIndicator(c)) throw GIVE_UP;
    this.plainScalar(at, parentIndent);
  }

  /**
   * The end of the current line's text from `at`, before a comment; gives up where YAML would
   * read `: ` as a mapping or where a comment follows with more lines to come.
   */
  private plainLineEnd(at: number): { end: number; comment: boolean } {
    const hash = this.nextHash(at);
    const colon = this.nextColon(at);
    if (colon < this.end && colon < hash) throw GIVE_UP;
    const comment = hash < this.end;
    return { end: this.trimmedEnd(at, comment ? hash : this.end), comment };
  }

  private plainScalar(at: number, parentIndent: number): void {
    const src = this.src;
    const first = this.plainLineEnd(at);
    let end = first.end;
    let value = src.slice(at, end);
    this.nextLine();
    if (!first.comment) {
      // Following lines indented more than the owner continue the scalar, folded into spaces
      // (a blank line between them becomes a line break).
      for (;;) {
        const mark = this.line;
        const indent = this.nextNonBlank();
        const blanks = this.blanks;
        if (indent <= parentIndent || src.charCodeAt(this.content) === HASH) {
          this.line = mark;
          break;
        }
        if (isIndicator(src.charCodeAt(this.content))) throw GIVE_UP;
        const more = this.plainLineEnd(this.content);
        value += (blanks ? '\n'.repeat(blanks) : ' ') + src.slice(this.content, more.end);
        end = more.end;
        this.nextLine();
        if (more.comment) break;
      }
    }
    this.sink.scalar(at, end, value, true);
  }

  /** The closing quote of a quoted scalar opening at `at`, on the current line, or -1. */
  private quoteEnd(at: number): number {
    const src = this.src;
    const quote = src.charCodeAt(at);
    for (let i = at + 1; i < this.end; i++) {
      const c = src.charCodeAt(i);
      if (quote === DQUOTE && c === BACKSLASH) i++;
      else if (c === quote) {
        if (quote === SQUOTE && src.charCodeAt(i + 1) === SQUOTE && i + 1 < this.end) i++;
        else return i;
      }
    }
    return -1;
  }

  private quotedValue(open: number, close: number): string {
    const src = this.src;
    const text = src.slice(open + 1, close);
    if (src.charCodeAt(open) === SQUOTE) return text.includes("''") ? text.replace(/''/g, "'") : text;
    return text.includes('\\') ? unescapeDoubleQuoted(text) : text;
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};

const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function unescapeDoubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++i];
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const digits = HEX_ESCAPES[e];
    const hex = digits ? text.slice(i + 1, i + 1 + digits) : '';
    if (!digits || hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) throw GIVE_UP;
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw GIVE_UP;
    out += String.fromCodePoint(code);
    i += digits;
  }
  return out;
}
