/**
 * The pure-TypeScript backend ("js"): typia-generated boolean validators (generated/equals.ts, one
 * per message) for the verdict, and the schema-table walker (walker.ts) for ajv-shaped issues.
 * Every call names its message by index into MESSAGE_NAMES (../messages.generated.ts).
 */
import type { Backend, MessageIndex } from "../backend.js";
import type { JsonInput, ValidationIssue } from "../types.js";
import { MESSAGE_NAMES } from "../messages.generated.js";
import { equals as EQUALS } from "./generated/equals.js";
import { collectIssues, parseIssue } from "./walker.js";
import { syntaxErrorOffset } from "./json-error.js";
import { createFrameValidator } from "./frame.js";

export { OCPP_ERROR_CODE } from "./walker.js";
export { isDateTime, ucs2length } from "./date-time.js";
export { isMultipleOf } from "./multiple-of.js";
export { syntaxErrorOffset } from "./json-error.js";

export const JS_BACKEND_VERSION = "0.1.0 (js: typia 12.2.1 generated)";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Byte offset of the first invalid UTF-8 sequence (WHATWG decoder rules), or -1. */
export function invalidUtf8Offset(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    const start = i;
    i++;
    for (let k = 0; k < need; k++, i++) {
      if (i >= n) return start;
      const d = b[i]!;
      if (d < lo || d > hi) return start;
      lo = 0x80;
      hi = 0xbf;
    }
  }
  return -1;
}

/** UTF-8 byte length of text.slice(0, end). */
function utf8Length(text: string, end: number): number {
  let bytes = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** "unexpected 'x' at byte N" / "unexpected end of input" for text that JSON.parse rejected. */
function parseMessage(text: string): string {
  const at = syntaxErrorOffset(text);
  if (at < 0) return "invalid JSON";
  if (at >= text.length) return "unexpected end of input";
  const cp = text.codePointAt(at)!;
  const ch = cp < 0x20 || cp === 0x7f ? `\\u${cp.toString(16).padStart(4, "0")}` : String.fromCodePoint(cp);
  return `unexpected '${ch}' at byte ${utf8Length(text, at)}`;
}

type Parsed = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

function parse(input: JsonInput): Parsed {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = decoder.decode(input);
    } catch {
      const at = invalidUtf8Offset(input);
      return { ok: false, issue: parseIssue(`invalid UTF-8 at byte ${at < 0 ? 0 : at}`) };
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, issue: parseIssue(parseMessage(text)) };
  }
}

if (EQUALS.length !== MESSAGE_NAMES.length) {
  throw new Error(`ocpp-validate js backend: ${EQUALS.length} generated validators for ${MESSAGE_NAMES.length} messages (regenerate: npm run gen:js)`);
}

/** The generated validator of a message index; a bad index is a caller's bug, not a verdict. */
function validatorOf(message: MessageIndex): (input: unknown) => boolean {
  const f = EQUALS[message];
  if (f === undefined) throw new RangeError(`ocpp-validate: no message with index ${String(message)} (0..${EQUALS.length - 1})`);
  return f;
}

/** Verdict for an already-parsed value (typia-generated). */
export function isValidValue(value: unknown, message: MessageIndex): boolean {
  return validatorOf(message)(value);
}

/** ajv-shaped issues for an already-parsed value; empty = valid; allErrors=false returns at most one (ajv's first). */
export function validateValue(value: unknown, message: MessageIndex, allErrors: boolean): ValidationIssue[] {
  if (validatorOf(message)(value)) return [];
  const issues = collectIssues(value, message, allErrors);
  // Unreachable for JSON values (tests check typia and the walker agree); keeps "invalid => one issue or more".
  return issues.length ? issues : [{ instancePath: "", keyword: "type", message: "must be object", ocppErrorCode: "TypeConstraintViolation" }];
}

function isValidText(input: JsonInput, check: (input: unknown) => boolean): boolean {
  let value: unknown;
  try {
    value = JSON.parse(typeof input === "string" ? input : decoder.decode(input));
  } catch {
    return false;
  }
  return check(value);
}

export function createJsBackend(): Backend {
  return {
    name: "js",
    version: () => JS_BACKEND_VERSION,
    messageNames: () => MESSAGE_NAMES,
    isValid(input: JsonInput, message: MessageIndex): boolean {
      return isValidText(input, validatorOf(message));
    },
    validate(input: JsonInput, message: MessageIndex, allErrors: boolean): ValidationIssue[] {
      validatorOf(message); // a bad index throws whatever the input
      const p = parse(input);
      if (!p.ok) return [p.issue];
      return validateValue(p.value, message, allErrors);
    },
    isValidBatch(inputs: ReadonlyArray<JsonInput>, message: MessageIndex): Uint8Array {
      const check = validatorOf(message);
      const out = new Uint8Array(inputs.length);
      for (let i = 0; i < inputs.length; i++) out[i] = isValidText(inputs[i]!, check) ? 1 : 0;
      return out;
    },
    validateFrame: createFrameValidator({ parse, validateValue, utf8Length }),
  };
}
