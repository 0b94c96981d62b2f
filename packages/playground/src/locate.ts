/**
 * Maps validation issues back to character ranges of the text the user sees.
 *
 * The locator is deliberately tolerant: it never throws, skips what it cannot read and, when a
 * pointer cannot be followed to the end (broken or truncated JSON), returns the deepest value it
 * did reach with `exact: false`, so there is always something sensible to highlight.
 */
import { utf16IndexOfByte, type ValidationIssue } from "ocpp-validate";

// Re-exported so the locator's tests exercise the mapping the page actually uses.
export { utf16IndexOfByte };

/** Half-open range of UTF-16 code units: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Located {
  value: Span;
  /** The member name (quotes included) when the target is an object member. */
  key?: Span;
  exact: boolean;
}

export interface Highlight extends Span {
  /** Index of the issue in the list it came from, to link the mark and the issue row. */
  issue: number;
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

class Scanner {
  constructor(readonly s: string) {}

  ws(i: number): number {
    while (i < this.s.length && isWs(this.s.charCodeAt(i))) i++;
    return i;
  }

  /** `i` is at an opening quote; returns the index after the closing quote (or the end of text). */
  skipString(i: number): number {
    const s = this.s;
    for (i++; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) return i + 1;
      else if (c === 10) return i; // an unterminated string must not swallow the following lines
    }
    return s.length;
  }

  readString(i: number): { end: number; value: string } {
    const end = this.skipString(i);
    const raw = this.s.slice(i, end);
    try {
      return { end, value: JSON.parse(raw) as string };
    } catch {
      return { end, value: raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined) };
    }
  }

  /** `i` is at the first character of a value; returns the index just after it. */
  skipValue(i: number): number {
    const s = this.s;
    const c = s[i];
    if (c === '"') return this.skipString(i);
    if (c === "{" || c === "[") {
      let depth = 0;
      for (; i < s.length; i++) {
        const d = s[i];
        if (d === '"') {
          i = this.skipString(i) - 1;
        } else if (d === "{" || d === "[") depth++;
        else if (d === "}" || d === "]") {
          depth--;
          if (depth === 0) return i + 1;
        }
      }
      return s.length;
    }
    // number / literal / garbage: up to the next structural character or whitespace
    while (i < s.length && !",]}:".includes(s[i]!) && !isWs(s.charCodeAt(i))) i++;
    return i;
  }
}

/**
 * Follows a JSON Pointer through `text` (offset by `base` when the text is one line of a bigger
 * document). Like JSON.parse, the last of duplicate keys wins.
 */
export function locatePointer(text: string, pointer: string, base = 0): Located {
  const sc = new Scanner(text);
  const segments = pointerSegments(pointer);
  let i = sc.ws(0);
  let key: Span | undefined;
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]!;
    const here: Span = { start: i, end: Math.max(i + 1, sc.skipValue(i)) };
    const next = child(sc, i, seg);
    if (!next) return shift({ value: clamp(here, text.length), key, exact: false }, base);
    i = next.value;
    key = next.key;
  }
  const value = clamp({ start: i, end: Math.max(i + 1, sc.skipValue(i)) }, text.length);
  return shift({ value, key, exact: true }, base);
}

/** Where `seg` of the object or array starting at `i` begins, or null when it is not there. */
function child(sc: Scanner, i: number, seg: string): { value: number; key?: Span } | null {
  const s = sc.s;
  if (s[i] === "{") {
    let found: { value: number; key: Span } | null = null;
    let j = sc.ws(i + 1);
    while (j < s.length && s[j] === '"') {
      const name = sc.readString(j);
      const keySpan = { start: j, end: name.end };
      j = sc.ws(name.end);
      if (s[j] === ":") j = sc.ws(j + 1);
      if (name.value === seg) found = { value: j, key: keySpan };
      j = sc.ws(sc.skipValue(j));
      if (s[j] !== ",") break;
      j = sc.ws(j + 1);
    }
    return found;
  }
  if (s[i] === "[") {
    if (!/^(0|[1-9]\d*)$/.test(seg)) return null;
    const index = Number(seg);
    let j = sc.ws(i + 1);
    for (let n = 0; j < s.length && s[j] !== "]"; n++) {
      if (n === index) return { value: j };
      j = sc.ws(sc.skipValue(j));
      if (s[j] !== ",") return null;
      j = sc.ws(j + 1);
    }
  }
  return null;
}

function clamp(span: Span, length: number): Span {
  const start = Math.min(span.start, Math.max(0, length - 1));
  return { start, end: Math.min(Math.max(span.end, start + 1), length) };
}

function shift(l: Located, base: number): Located {
  if (base === 0) return l;
  const by = (x: Span): Span => ({ start: x.start + base, end: x.end + base });
  return { value: by(l.value), key: l.key && by(l.key), exact: l.exact };
}

/** The range an issue points at: the member name for additional or missing properties, else the value. */
export function issueSpan(text: string, issue: ValidationIssue, base = 0): Span {
  if (issue.keyword === "parse") {
    // "unexpected ',' at byte 42", "invalid UTF-8 at byte 3", "unexpected end of input"
    const byte = /at byte (\d+)/.exec(issue.message);
    const position = /position (\d+)/.exec(issue.message); // JSON.parse's own wording
    let at = byte ? utf16IndexOfByte(text, Number(byte[1])) : position ? Number(position[1]) : text.trimEnd().length;
    at = Math.min(at, text.length);
    // At the end there is no character to mark: mark the last one instead.
    const start = at >= text.length ? Math.max(0, text.length - 1) : at;
    return { start: start + base, end: Math.min(start + 1, text.length) + base };
  }
  if (issue.keyword === "additionalProperties") {
    // `has unknown property "<key as JSON.stringify writes it>"`; a key cut to 40 units ends in `…`
    // and is not searched for (the object is marked instead).
    const quoted = /has unknown property ("(?:[^"\\]|\\.)*")$/s.exec(issue.message)?.[1];
    const name = quoted === undefined || quoted.endsWith('…"') ? undefined : (JSON.parse(quoted) as string);
    if (name !== undefined) {
      const member = locatePointer(text, `${issue.instancePath}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`, base);
      if (member.exact && member.key) return { start: member.key.start, end: member.value.end };
    }
  }
  const located = locatePointer(text, issue.instancePath, base);
  if (issue.keyword === "required") {
    // The property is missing, so there is nothing to mark but the object: its opening brace.
    return { start: located.value.start, end: located.value.start + 1 };
  }
  return located.value;
}

/** 1-based line and column of a UTF-16 index, for "line 3, col 17" labels. */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    last = i;
  }
  return { line, column: index - last };
}
