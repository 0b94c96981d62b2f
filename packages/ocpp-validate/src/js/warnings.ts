/**
 * Warnings (crates/core/SEMANTICS.md, "Warnings"): what JSON.parse hides in a text it accepted.
 * JSON.parse itself cannot tell (it rounds the integer, drops the earlier value, keeps the lone
 * surrogate), so the text is read again, but only when cheap tests on the text and the parsed
 * tree say a warning is possible:
 *   unsafeInteger   a number in the tree beyond ±(2^53-1) (every such literal parses to one);
 *   loneSurrogate   a `\u` escape in the text, then a `\uD800`–`\uDFFF` one;
 *   duplicateKey    more possible key ends in the text (a `:` after `"` or whitespace: every key
 *                   has one) than keys in the tree.
 * A payload that passes them (nearly every one) costs a walk of the tree and two searches of the
 * text, about a third of its JSON.parse. The scan itself is iterative (a stack of open
 * containers): any nesting depth works.
 */
import type { ValidationWarning } from "../types.js";
import { showString } from "./messages.js";

const MAYBE_LONE = /\\u[dD][89a-fA-F]/;
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_ALL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Number.MAX_SAFE_INTEGER's digits: a plain integer literal with more digits, or as many and larger, may be rounded. */
const MAX_SAFE = "9007199254740991";
const SHOWN_LITERAL = 40;

/**
 * The keys of every object in a parsed tree (JSON.parse makes each an own, enumerable one), or -1
 * when the tree holds a number beyond ±(2^53-1).
 */
function keysOrUnsafe(root: unknown): number {
  const unsafe = (v: unknown) => typeof v === "number" && (v > Number.MAX_SAFE_INTEGER || v < -Number.MAX_SAFE_INTEGER);
  if (unsafe(root)) return -1;
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === "object" && item !== null) stack.push(item);
        else if (unsafe(item)) return -1;
      }
    } else if (typeof v === "object" && v !== null) {
      for (const k in v) {
        n++;
        const item: unknown = (v as Record<string, unknown>)[k];
        if (typeof item === "object" && item !== null) stack.push(item);
        else if (unsafe(item)) return -1;
      }
    }
  }
  return n;
}

/** `:` preceded by `"` or whitespace: at least one per key of the text (inside strings it may add some). */
function keyEnds(text: string): number {
  let n = 0;
  for (let i = text.indexOf(":"); i >= 0; i = text.indexOf(":", i + 1)) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x22 || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) n++;
  }
  return n;
}

/**
 * The warnings of a JSON text JSON.parse accepted (`value` is what it returned), in document order.
 * Paths are relative to the text's root.
 */
export function textWarnings(text: string, value: unknown): ValidationWarning[] {
  const keys = keysOrUnsafe(value);
  if (keys >= 0 && !(text.indexOf("\\u") >= 0 && MAYBE_LONE.test(text)) && keyEnds(text) <= keys) return [];
  return scanWarnings(text);
}

/** `String.prototype.toWellFormed`. */
const wellFormed = (s: string) => s.replace(LONE_ALL, "\ufffd");
const segment = (key: string) => "/" + wellFormed(key).replace(/~/g, "~0").replace(/\//g, "~1");

interface Open {
  object: boolean;
  /** Path segments before this container's member segment. */
  depth: number;
  index: number;
  keys: Set<string> | null;
}

/** The end (after the closing quote) of the string whose opening quote is at `i`, in a valid JSON text. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; ; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c === 0x5c) j++;
    else if (Number.isNaN(c)) return j;
  }
}

/** The decoded value of the string token `text.slice(start, end)`. */
function decode(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/** Whether the string token `text.slice(start, end)` has a `\uD800`–`\uDFFF` escape (escaped backslashes are skipped). */
function hasSurrogateEscape(text: string, start: number, end: number): boolean {
  for (let j = text.indexOf("\\", start); j >= 0 && j < end; j = text.indexOf("\\", j)) {
    if (text.charCodeAt(j + 1) === 0x75) {
      const d = text.charCodeAt(j + 2) | 0x20;
      const e = text.charCodeAt(j + 3) | 0x20;
      if (d === 0x64 && (e === 0x38 || e === 0x39 || (e >= 0x61 && e <= 0x66))) return true;
      j += 6;
    } else j += 2;
  }
  return false;
}

function loneSurrogate(text: string, start: number, end: number, path: () => string, out: ValidationWarning[], decoded?: string): void {
  // Only escapes count: the bytes the other backends read have no raw lone surrogate (see SEMANTICS.md).
  if (!hasSurrogateEscape(text, start, end)) return;
  const m = LONE.exec(decoded ?? decode(text, start, end));
  if (m === null) return;
  out.push({
    instancePath: path(),
    warning: "loneSurrogate",
    message: `lone surrogate \\u${m[0].charCodeAt(0).toString(16).padStart(4, "0")}: not a Unicode character; UTF-8 encoders replace it with U+FFFD`,
  });
}

function unsafeInteger(literal: string, path: string, out: ValidationWarning[]): void {
  const digits = literal.charCodeAt(0) === 0x2d ? literal.slice(1) : literal;
  if (digits.length < MAX_SAFE.length || (digits.length === MAX_SAFE.length && digits <= MAX_SAFE) || !/^\d+$/.test(digits)) return;
  const shown = literal.length > SHOWN_LITERAL ? `${literal.slice(0, SHOWN_LITERAL)}…` : literal;
  out.push({ instancePath: path, warning: "unsafeInteger", message: `${shown} is beyond ±(2^53-1): JSON.parse reads it as ${String(Number(literal))}` });
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNumberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;

/** Every warning of a valid JSON text, in document order. */
export function scanWarnings(text: string): ValidationWarning[] {
  const out: ValidationWarning[] = [];
  const segments: string[] = [];
  const stack: Open[] = [];
  const n = text.length;
  const skipWs = (i: number) => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
    return i;
  };
  /** `"key":` at `i` in the innermost (object) container: its warnings and path segment; returns where the value starts. */
  const member = (i: number): number => {
    const end = stringEnd(text, i);
    const key = decode(text, i, end);
    const top = stack[stack.length - 1]!;
    segments.length = top.depth;
    segments.push(segment(key));
    const path = () => segments.join("");
    loneSurrogate(text, i, end, path, out, key);
    const keys = (top.keys ??= new Set());
    if (keys.has(key)) out.push({ instancePath: path(), warning: "duplicateKey", message: `duplicate key ${showString(key)}: JSON.parse keeps only the last value` });
    else keys.add(key);
    return skipWs(skipWs(end) + 1);
  };
  let i = skipWs(0);
  for (;;) {
    // a value starts at i
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = stringEnd(text, i);
      loneSurrogate(text, i, end, () => segments.join(""), out);
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      const object = c === 0x7b;
      const j = skipWs(i + 1);
      if (text.charCodeAt(j) === (object ? 0x7d : 0x5d)) i = j + 1;
      else {
        stack.push({ object, depth: segments.length, index: 0, keys: null });
        if (object) i = member(j);
        else {
          segments.push("/0");
          i = j;
        }
        continue;
      }
    } else if (c === 0x74 || c === 0x6e) i += 4;
    else if (c === 0x66) i += 5;
    else if (isNumberChar(c)) {
      let end = i + 1;
      while (end < n && isNumberChar(text.charCodeAt(end))) end++;
      if (end - i >= MAX_SAFE.length) unsafeInteger(text.slice(i, end), segments.join(""), out);
      i = end;
    } else return out;
    // a value ended: close containers until one goes on with `,`
    for (;;) {
      i = skipWs(i);
      const top = stack[stack.length - 1];
      if (top === undefined) return out;
      segments.length = top.depth;
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i = skipWs(i + 1);
        if (top.object) i = member(i);
        else segments.push(`/${++top.index}`);
        break;
      }
      if (d === 0x7d || d === 0x5d) {
        stack.pop();
        i++;
        continue;
      }
      return out;
    }
  }
}
