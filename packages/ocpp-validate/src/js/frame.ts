/**
 * OCPP-J frames on the js backend: JSON.parse + the envelope checks of crates/core/SEMANTICS.md
 * ("Frames") + the js payload validator. Must give exactly the core's results (shared vectors).
 */
import type { CallErrorCode, FrameValidationResult, JsonInput, OcppErrorCode, ValidationIssue } from "../types.js";
import { ucs2length } from "./date-time.js";

export const MAX_UNIQUE_ID_LEN = 36;
export const MAX_REPORTED_ISSUES = 8;
export const UNKNOWN_UNIQUE_ID = "-1";

/** The core's fixed descriptions (crates/core/src/frame.rs), word for word. */
export const FRAME_DESCRIPTIONS = {
  NOT_JSON: "Frame is not a valid UTF-8 JSON text",
  NOT_ARRAY: "Frame is not a JSON array",
  TYPE_NOT_NUMBER: "Message type id is not a number",
  TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)",
  ID_NOT_STRING: "Unique id is not a string",
  ID_TOO_LONG: "Unique id is longer than 36 characters",
  ACTION_NOT_STRING: "Action is not a string",
  WRONG_LENGTH: "A CALL frame has exactly 4 elements",
  NOT_IMPLEMENTED: "Only StopTransaction is implemented",
  PAYLOAD_PREFIX: "Payload is not a valid StopTransaction.req: ",
} as const;

type Parsed = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

export interface FrameDeps {
  parse(input: JsonInput): Parsed;
  validateValue(value: unknown, allErrors: boolean): ValidationIssue[];
  utf8Length(text: string, end: number): number;
}

/** `[4,"<uniqueId>","<code>","<description>",{details}]`; details name at most 8 issues. */
function answer(uniqueId: string | null, errorCode: CallErrorCode, errorDescription: string, issues: ValidationIssue[] = []) {
  const details = issues.length
    ? { issues: issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({ instancePath: i.instancePath, keyword: i.keyword })) }
    : {};
  return { errorCode, errorDescription, frame: JSON.stringify([4, uniqueId ?? UNKNOWN_UNIQUE_ID, errorCode, errorDescription, details]) };
}

function invalid(uniqueId: string | null, code: CallErrorCode, description: string, errors: ValidationIssue[] = []): FrameValidationResult {
  return { kind: "invalid", uniqueId, action: null, payloadRange: null, valid: false, errors, callError: answer(uniqueId, code, description) };
}

function payloadDescription(issues: ValidationIssue[]): string {
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${i.instancePath === "" ? "(root)" : i.instancePath} ${i.keyword}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? `; and ${issues.length - MAX_REPORTED_ISSUES} more` : "";
  return FRAME_DESCRIPTIONS.PAYLOAD_PREFIX + listed.join("; ") + more;
}

/** Code-unit order of (instancePath, keyword), as the core sorts. */
function byPathThenKeyword(a: ValidationIssue, b: ValidationIssue): number {
  if (a.instancePath !== b.instancePath) return a.instancePath < b.instancePath ? -1 : 1;
  if (a.keyword !== b.keyword) return a.keyword < b.keyword ? -1 : 1;
  return 0;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `String.prototype.toWellFormed` (ES2024; not in every browser this package supports). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\ufffd");
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Index range of the 4th element of a text already known to be a valid 4-element JSON array.
 * Works on UTF-16 units and on UTF-8 bytes alike: every structural character is ASCII.
 */
function fourthElement(at: (i: number) => number, n: number): [number, number] {
  let i = 0;
  while (i < n && isWs(at(i))) i++;
  i++; // [
  for (let element = 0; element < 3; element++) {
    while (i < n && isWs(at(i))) i++;
    let depth = 0;
    for (; i < n; i++) {
      const c = at(i);
      if (c === 0x22) {
        for (i++; i < n && at(i) !== 0x22; i++) if (at(i) === 0x5c) i++;
      } else if (c === 0x5b || c === 0x7b) depth++;
      else if (c === 0x5d || c === 0x7d) depth--;
      else if (depth === 0 && c === 0x2c) break;
    }
    i++; // ,
  }
  while (i < n && isWs(at(i))) i++;
  let end = n;
  while (end > i && isWs(at(end - 1))) end--;
  end--; // ]
  while (end > i && isWs(at(end - 1))) end--;
  return [i, end];
}

export function createFrameValidator(deps: FrameDeps): (input: JsonInput, allErrors: boolean) => FrameValidationResult {
  return (input, allErrors) => {
    const parsed = deps.parse(input);
    if (!parsed.ok) return invalid(null, "FormationViolation", FRAME_DESCRIPTIONS.NOT_JSON, [parsed.issue]);
    const frame = parsed.value;
    if (!Array.isArray(frame)) return invalid(null, "ProtocolError", FRAME_DESCRIPTIONS.NOT_ARRAY);
    const [type, id, action, payload] = frame as unknown[];
    if (typeof type !== "number") return invalid(null, "ProtocolError", FRAME_DESCRIPTIONS.TYPE_NOT_NUMBER);
    if (type === 3 || type === 4) {
      const uniqueId = typeof id === "string" ? wellFormed(id) : null;
      return { kind: type === 3 ? "callresult" : "callerror", uniqueId, action: null, payloadRange: null, valid: false, errors: [], callError: null };
    }
    if (type !== 2) return invalid(null, "ProtocolError", FRAME_DESCRIPTIONS.TYPE_UNSUPPORTED);
    if (typeof id !== "string") return invalid(null, "ProtocolError", FRAME_DESCRIPTIONS.ID_NOT_STRING);
    const uniqueId = wellFormed(id);
    if (id.length > MAX_UNIQUE_ID_LEN && ucs2length(id) > MAX_UNIQUE_ID_LEN) return invalid(uniqueId, "ProtocolError", FRAME_DESCRIPTIONS.ID_TOO_LONG);
    if (typeof action !== "string") return invalid(uniqueId, "ProtocolError", FRAME_DESCRIPTIONS.ACTION_NOT_STRING);
    if (frame.length !== 4) return invalid(uniqueId, "ProtocolError", FRAME_DESCRIPTIONS.WRONG_LENGTH);

    let payloadRange: [number, number];
    if (typeof input === "string") {
      const [start, end] = fourthElement((i) => input.charCodeAt(i), input.length);
      payloadRange = [deps.utf8Length(input, start), deps.utf8Length(input, end)];
    } else {
      payloadRange = fourthElement((i) => input[i]!, input.length);
    }
    const call = { kind: "call" as const, uniqueId, action: wellFormed(action), payloadRange };
    if (action !== "StopTransaction") {
      return { ...call, valid: false, errors: [], callError: answer(uniqueId, "NotImplemented", FRAME_DESCRIPTIONS.NOT_IMPLEMENTED) };
    }
    const issues = deps.validateValue(payload, true);
    if (issues.length === 0) return { ...call, valid: true, errors: [], callError: null };
    let errors: ValidationIssue[];
    if (allErrors) errors = issues.sort(byPathThenKeyword);
    else {
      // The first of the (stably) sorted list without sorting: a hostile payload can carry ~10^5 issues.
      let first = issues[0]!;
      for (const issue of issues) if (byPathThenKeyword(issue, first) < 0) first = issue;
      errors = [first];
    }
    const code: OcppErrorCode = errors[0]!.ocppErrorCode;
    return { ...call, valid: false, errors, callError: answer(uniqueId, code, payloadDescription(errors), errors) };
  };
}
