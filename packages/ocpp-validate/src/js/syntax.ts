/**
 * The first JSON syntax or UTF-8 error of a text, found and worded exactly as the Rust core finds
 * and words it (crates/core/src/engine.rs `run_inner`/`value`/`skip_value`, text.rs `scan_string`,
 * `check_escape`, `utf8_char`; messages in SEMANTICS.md, "Messages"): one left-to-right pass over the
 * UTF-8 bytes that stops at the first byte that cannot continue the text. The verdict is still
 * JSON.parse's; this only words the `parse` issue of a text it rejected, so it runs on the error
 * path only. Iterative (a stack of open containers): any nesting depth works.
 *
 * String input is read as its UTF-8 encoding (lone surrogates as U+FFFD), the bytes the native and
 * wasm backends receive for it, so byte offsets and messages agree on every backend.
 */

const encoder = new TextEncoder();

/** Thrown inside the scanner with the finished message. */
class Found {
  constructor(readonly message: string) {}
}

const END = "unexpected end of input";
const fail = (message: string): never => {
  throw new Found(message);
};

const isWs = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
const isHex = (b: number | undefined) => b !== undefined && ((b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66));

/** Offset after the well-formed UTF-8 scalar starting at `i` (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), or -1. */
export function utf8CharEnd(src: Uint8Array, i: number): number {
  const b0 = src[i]!;
  let len: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) len = 2;
  else if (b0 === 0xe0) (len = 3), (lo = 0xa0);
  else if ((b0 >= 0xe1 && b0 <= 0xec) || b0 === 0xee || b0 === 0xef) len = 3;
  else if (b0 === 0xed) (len = 3), (hi = 0x9f);
  else if (b0 === 0xf0) (len = 4), (lo = 0x90);
  else if (b0 >= 0xf1 && b0 <= 0xf3) len = 4;
  else if (b0 === 0xf4) (len = 4), (hi = 0x8f);
  else return -1;
  const b1 = src[i + 1];
  if (b1 === undefined || b1 < lo || b1 > hi) return -1;
  for (let k = 2; k < len; k++) {
    const b = src[i + k];
    if (b === undefined || (b & 0xc0) !== 0x80) return -1;
  }
  return i + len;
}

/** The core's `unexpected(at, byte)`: a stray byte that does not start a UTF-8 character is a UTF-8 error. */
function unexpected(src: Uint8Array, at: number): never {
  const b = src[at];
  if (b === undefined) return fail(END);
  if (b >= 0x80 && utf8CharEnd(src, at) < 0) return fail(`invalid UTF-8 at byte ${at}`);
  if (b >= 0x21 && b <= 0x7e) return fail(`unexpected '${String.fromCharCode(b)}' at byte ${at}`);
  return fail(`unexpected byte 0x${b.toString(16).padStart(2, "0")} at byte ${at}`);
}

/**
 * Scans a string whose opening quote is just before `i`; returns the offset after its closing
 * quote, or throws the error. Exported for the frame validator (a readable uniqueId).
 */
export function scanString(src: Uint8Array, i: number): number {
  const n = src.length;
  for (;;) {
    if (i >= n) return fail(END);
    const b = src[i]!;
    if (b === 0x22) return i + 1;
    if (b === 0x5c) {
      const e = src[i + 1];
      if (e === undefined) return fail(END);
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      if (e !== 0x75) return fail(`invalid escape sequence at byte ${i}`);
      for (let k = 2; k < 6; k++) {
        const h = src[i + k];
        if (h === undefined) return fail(END);
        if (!isHex(h)) return fail(`invalid escape sequence at byte ${i}`);
      }
      i += 6;
    } else if (b < 0x20) return fail(`unescaped control character in string at byte ${i}`);
    else if (b >= 0x80) {
      const next = utf8CharEnd(src, i);
      if (next < 0) return fail(`invalid UTF-8 at byte ${i}`);
      i = next;
    } else i++;
  }
}

/** The core's `digits1`: at least one digit at `i`. */
function digits1(src: Uint8Array, i: number): number {
  const b = src[i];
  if (b === undefined) return fail(END);
  if (!isDigit(b)) return fail(`invalid number at byte ${i}`);
  i++;
  while (isDigit(src[i])) i++;
  return i;
}

/** The core's `scan_number` at `i` (a `-` or a digit): the offset after the number. */
function scanNumber(src: Uint8Array, i: number): number {
  if (src[i] === 0x2d) i++;
  const b = src[i];
  if (b === undefined) return fail(END);
  if (b === 0x30) i++;
  else if (b >= 0x31 && b <= 0x39) {
    i++;
    while (isDigit(src[i])) i++;
  } else return fail(`invalid number at byte ${i}`);
  if (src[i] === 0x2e) i = digits1(src, i + 1);
  if (src[i] === 0x65 || src[i] === 0x45) {
    i++;
    if (src[i] === 0x2b || src[i] === 0x2d) i++;
    i = digits1(src, i);
  }
  return i;
}

function literal(src: Uint8Array, i: number, word: string): number {
  for (let k = 0; k < word.length; k++) {
    const b = src[i + k];
    if (b === undefined) return fail(END);
    if (b !== word.charCodeAt(k)) return unexpected(src, i + k);
  }
  return i + word.length;
}

function skipWs(src: Uint8Array, i: number): number {
  while (isWs(src[i])) i++;
  return i;
}

/** In an object: a key, `:` and the whitespace after it; returns where the value starts. */
function keyColon(src: Uint8Array, i: number): number {
  if (src[i] !== 0x22) return unexpected(src, i);
  i = skipWs(src, scanString(src, i + 1));
  if (src[i] !== 0x3a) return unexpected(src, i);
  return skipWs(src, i + 1);
}

function scan(src: Uint8Array): void {
  if (src[0] === 0xef && src[1] === 0xbb && src[2] === 0xbf) fail("byte order mark at byte 0: JSON text must not start with U+FEFF");
  // 1 = object, 0 = array, per open container
  const stack: number[] = [];
  let i = skipWs(src, 0);
  for (;;) {
    // a value starts at i
    const b = src[i];
    if (b === undefined) fail(END);
    else if (b === 0x22) i = scanString(src, i + 1);
    else if (b === 0x2d || isDigit(b)) i = scanNumber(src, i);
    else if (b === 0x74) i = literal(src, i, "true");
    else if (b === 0x66) i = literal(src, i, "false");
    else if (b === 0x6e) i = literal(src, i, "null");
    else if (b === 0x7b || b === 0x5b) {
      const object = b === 0x7b;
      i = skipWs(src, i + 1);
      if (src[i] === (object ? 0x7d : 0x5d)) i++;
      else {
        stack.push(object ? 1 : 0);
        if (object) i = keyColon(src, i);
        continue;
      }
    } else unexpected(src, i);
    // a value ended: close containers until one goes on with `,`
    for (;;) {
      i = skipWs(src, i);
      if (stack.length === 0) {
        if (i < src.length) unexpected(src, i);
        return;
      }
      const object = stack[stack.length - 1] === 1;
      const c = src[i];
      if (c === undefined) fail(END);
      if (c === 0x2c) {
        i = skipWs(src, i + 1);
        if (object) i = keyColon(src, i);
        break;
      }
      if (c === (object ? 0x7d : 0x5d)) {
        stack.pop();
        i++;
        continue;
      }
      unexpected(src, i);
    }
  }
}

/** The message of the first syntax or UTF-8 error of the text, or null when it is a JSON text. */
export function syntaxError(input: string | Uint8Array): string | null {
  try {
    scan(typeof input === "string" ? encoder.encode(input) : input);
    return null;
  } catch (e) {
    if (e instanceof Found) return e.message;
    throw e;
  }
}
