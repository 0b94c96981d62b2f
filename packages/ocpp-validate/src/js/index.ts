/**
 * The pure-TypeScript backend ("js"): typia-generated boolean validators (generated/equals.ts, one
 * per message) for the verdict, and the schema-table walker (walker.ts) for ajv-shaped issues and
 * tolerances. Every call names its message by global index into ALL_MESSAGE_NAMES
 * (../protocols.generated.ts: 1.6, then 2.0.1, then 2.1) and its tolerances by mask (../tolerances.ts).
 */
import type { Backend, BackendResult, MessageIndex, ToleranceMask } from "../backend.js";
import type { JsonInput, ToleratedIssue, ValidationIssue } from "../types.js";
import { ALL_MESSAGE_NAMES } from "../protocols.generated.js";
import { TOLERANCES } from "../tolerances.js";
import { equals as EQUALS } from "./generated/equals.js";
import { allTolerated, collectIssues, parseIssue, protocolOfMessage } from "./walker.js";
import { syntaxError } from "./syntax.js";
import { textWarnings } from "./warnings.js";
import { createFrameValidator } from "./frame.js";
import { typeMessage } from "./messages.js";

export { OCPP_ERROR_CODE, OCPP2_ERROR_CODE, OCPP_ERROR_CODES, protocolOfMessage } from "./walker.js";
export { isDateTime, ucs2length } from "./date-time.js";
export { isMultipleOf } from "./multiple-of.js";
export { syntaxError } from "./syntax.js";
export { scanWarnings, textWarnings } from "./warnings.js";
export { dateTimeReason, show, showString, suggestion } from "./messages.js";

export const JS_BACKEND_VERSION = "0.1.0 (js: typia 12.2.1 generated)";

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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

export type Parsed = { ok: true; value: unknown; text: string } | { ok: false; issue: ValidationIssue };

/** The issue of a text JSON.parse (or the UTF-8 decoder) rejected, worded as the core words it, in the protocol's code. */
function rejected(input: JsonInput, protocol: number): Parsed {
  // Unreachable while syntax.ts and JSON.parse agree (the tests check they do); keeps "invalid => one issue".
  return { ok: false, issue: parseIssue(syntaxError(input) ?? "invalid JSON", protocol) };
}

/** `protocol`: the protocol index whose error code a `parse` issue carries. */
function parse(input: JsonInput, protocol: number): Parsed {
  let text: string;
  if (typeof input === "string") text = input;
  else {
    try {
      text = decoder.decode(input);
    } catch {
      return rejected(input, protocol);
    }
  }
  try {
    return { ok: true, value: JSON.parse(text), text };
  } catch {
    return rejected(input, protocol);
  }
}

if (EQUALS.length !== ALL_MESSAGE_NAMES.length) {
  throw new Error(`ocpp-validate js backend: ${EQUALS.length} generated validators for ${ALL_MESSAGE_NAMES.length} messages (regenerate: npm run gen:js)`);
}

/** The generated validator of a message index; a bad index is a caller's bug, not a verdict. */
function validatorOf(message: MessageIndex): (input: unknown) => boolean {
  const f = EQUALS[message];
  if (f === undefined) throw new RangeError(`ocpp-validate: no message with index ${String(message)} (0..${EQUALS.length - 1})`);
  return f;
}

/** Verdict for an already-parsed value (typia-generated), tolerant when `tolerate` is not 0. */
export function isValidValue(value: unknown, message: MessageIndex, tolerate: ToleranceMask = 0): boolean {
  if (validatorOf(message)(value)) return true;
  return tolerate !== 0 && allTolerated(value, message, tolerate);
}

export interface ValueResult {
  valid: boolean;
  errors: ValidationIssue[];
  tolerated: ToleratedIssue[];
}

const VALID: ValueResult = Object.freeze({ valid: true, errors: [], tolerated: [] }) as unknown as ValueResult;

/**
 * ajv-shaped issues for an already-parsed value; allErrors=false returns at most one (ajv's first
 * among those the tolerances do not accept). The returned object may be shared: do not mutate it.
 */
export function validateValue(value: unknown, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask = 0): ValueResult {
  if (validatorOf(message)(value)) return VALID;
  const { issues, tolerated } = collectIssues(value, message, allErrors, tolerate);
  // typia and the walker agree on JSON values (the tests check it); this keeps "invalid => one issue or more" for anything else.
  if (issues.length === 0 && tolerated.length === 0) {
    return { valid: false, errors: [{ instancePath: "", keyword: "type", message: typeMessage("object", value), ocppErrorCode: "TypeConstraintViolation" }], tolerated };
  }
  return { valid: issues.length === 0, errors: issues, tolerated };
}

function isValidText(input: JsonInput, check: (input: unknown) => boolean, message: MessageIndex, tolerate: ToleranceMask): boolean {
  let value: unknown;
  try {
    value = JSON.parse(typeof input === "string" ? input : decoder.decode(input));
  } catch {
    return false;
  }
  return check(value) || (tolerate !== 0 && allTolerated(value, message, tolerate));
}

export function createJsBackend(): Backend {
  return {
    name: "js",
    version: () => JS_BACKEND_VERSION,
    messageNames: () => ALL_MESSAGE_NAMES,
    toleranceNames: () => TOLERANCES,
    isValid(input: JsonInput, message: MessageIndex, tolerate: ToleranceMask): boolean {
      return isValidText(input, validatorOf(message), message, tolerate);
    },
    validate(input: JsonInput, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): BackendResult {
      validatorOf(message); // a bad index throws whatever the input
      const p = parse(input, protocolOfMessage(message));
      if (!p.ok) return { valid: false, errors: [p.issue], tolerated: [], warnings: [] };
      const { valid, errors, tolerated } = validateValue(p.value, message, allErrors, tolerate);
      return { valid, errors: [...errors], tolerated: [...tolerated], warnings: textWarnings(p.text, p.value) };
    },
    isValidBatch(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Uint8Array {
      const check = validatorOf(message);
      const out = new Uint8Array(inputs.length);
      for (let i = 0; i < inputs.length; i++) out[i] = isValidText(inputs[i]!, check, message, tolerate) ? 1 : 0;
      return out;
    },
    validateFrame: createFrameValidator({ parse, validateValue, utf8Length }),
  };
}
