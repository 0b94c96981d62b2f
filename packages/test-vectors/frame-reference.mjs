// @ts-check
/**
 * THE reference for OCPP-J CALL frames (crates/core/SEMANTICS.md, "Frames"), written the plain
 * way: decode + JSON.parse the whole frame, check the envelope in a fixed order, and validate the
 * 4th element with the payload reference. Every backend must give exactly this result.
 */
import { OCPP_ERROR_CODE, referenceParse, referenceValidateValue, issueMultiset } from "./reference.mjs";

export const MAX_UNIQUE_ID_LEN = 36;
export const MAX_REPORTED_ISSUES = 8;
export const UNKNOWN_UNIQUE_ID = "-1";

export const DESCRIPTIONS = Object.freeze({
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
});

/**
 * @typedef {{ instancePath: string, keyword: string }} FrameIssue
 * @typedef {{ errorCode: string, errorDescription: string, frame: string }} FrameCallError
 * @typedef {{ kind: "call" | "callresult" | "callerror" | "invalid", uniqueId: string | null, action: string | null,
 *   payloadRange: [number, number] | null, valid: boolean, errors: FrameIssue[], callError: FrameCallError | null }} FrameResult
 */

/** ajv's ucs2length: code points, a lone surrogate counting as one. @param {string} s */
function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** @param {unknown} v @returns {string | null} */
const wellFormed = (v) => (typeof v === "string" ? v.toWellFormed() : null);

/** @param {string | null} uniqueId @param {string} errorCode @param {string} errorDescription @param {FrameIssue[]} issues @returns {FrameCallError} */
function callError(uniqueId, errorCode, errorDescription, issues = []) {
  const details = issues.length
    ? { issues: issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({ instancePath: i.instancePath, keyword: i.keyword })) }
    : {};
  return { errorCode, errorDescription, frame: JSON.stringify([4, uniqueId ?? UNKNOWN_UNIQUE_ID, errorCode, errorDescription, details]) };
}

/** @param {string | null} uniqueId @param {string} code @param {string} description @param {FrameIssue[]} [errors] @returns {FrameResult} */
const invalid = (uniqueId, code, description, errors = []) => ({
  kind: "invalid", uniqueId, action: null, payloadRange: null, valid: false, errors, callError: callError(uniqueId, code, description),
});

/** @param {FrameIssue[]} issues */
export function payloadDescription(issues) {
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${i.instancePath === "" ? "(root)" : i.instancePath} ${i.keyword}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? `; and ${issues.length - MAX_REPORTED_ISSUES} more` : "";
  return DESCRIPTIONS.PAYLOAD_PREFIX + listed.join("; ") + more;
}

/**
 * UTF-8 byte range of the 4th element of a 4-element array text, found without a hand-written
 * scanner: the first top-level comma after which `null]` completes a 4-element array is the
 * third one; the payload runs from there to the final `]`.
 * @param {string} text
 * @returns {[number, number]}
 */
function payloadRange(text) {
  const isWs = (/** @type {string} */ c) => c === " " || c === "\t" || c === "\n" || c === "\r";
  let end = text.length;
  while (isWs(text[end - 1] ?? "")) end--;
  end--; // the closing ]
  while (isWs(text[end - 1] ?? "")) end--;
  for (let comma = text.indexOf(","); comma >= 0; comma = text.indexOf(",", comma + 1)) {
    let prefix;
    try {
      prefix = JSON.parse(text.slice(0, comma + 1) + "null]");
    } catch {
      continue;
    }
    if (!Array.isArray(prefix) || prefix.length !== 4) continue;
    let start = comma + 1;
    while (isWs(text[start] ?? "")) start++;
    const bytes = (/** @type {number} */ i) => Buffer.byteLength(text.slice(0, i), "utf8");
    return [bytes(start), bytes(end)];
  }
  throw new Error("frame reference: no payload found in a 4-element array");
}

/**
 * @param {string | Uint8Array} input
 * @param {{ allErrors?: boolean }} [options]
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input, { allErrors = true } = {}) {
  const parsed = referenceParse(input);
  if (!parsed.ok) return invalid(null, "FormationViolation", DESCRIPTIONS.NOT_JSON, [{ instancePath: "", keyword: "parse" }]);
  const frame = parsed.value;
  if (!Array.isArray(frame)) return invalid(null, "ProtocolError", DESCRIPTIONS.NOT_ARRAY);
  const [type, id, action, payload] = frame;
  if (typeof type !== "number") return invalid(null, "ProtocolError", DESCRIPTIONS.TYPE_NOT_NUMBER);
  if (type === 3 || type === 4) {
    return { kind: type === 3 ? "callresult" : "callerror", uniqueId: wellFormed(id), action: null, payloadRange: null, valid: false, errors: [], callError: null };
  }
  if (type !== 2) return invalid(null, "ProtocolError", DESCRIPTIONS.TYPE_UNSUPPORTED);
  if (typeof id !== "string") return invalid(null, "ProtocolError", DESCRIPTIONS.ID_NOT_STRING);
  const uniqueId = id.toWellFormed();
  if (codePoints(id) > MAX_UNIQUE_ID_LEN) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ID_TOO_LONG);
  if (typeof action !== "string") return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ACTION_NOT_STRING);
  if (frame.length !== 4) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.WRONG_LENGTH);
  const text = typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input);
  const base = { kind: /** @type {const} */ ("call"), uniqueId, action: action.toWellFormed(), payloadRange: payloadRange(text) };
  if (action !== "StopTransaction") {
    return { ...base, valid: false, errors: [], callError: callError(uniqueId, "NotImplemented", DESCRIPTIONS.NOT_IMPLEMENTED) };
  }
  const r = referenceValidateValue(payload, { allErrors: true });
  if (r.valid) return { ...base, valid: true, errors: [], callError: null };
  const sorted = issueMultiset(r.errors);
  const errors = allErrors ? sorted : sorted.slice(0, 1);
  const code = OCPP_ERROR_CODE[errors[0]?.keyword ?? ""] ?? "FormationViolation";
  return { ...base, valid: false, errors, callError: callError(uniqueId, code, payloadDescription(errors), errors) };
}
