// @ts-check
/**
 * THE reference for OCPP-J 1.6 frames (crates/core/SEMANTICS.md, "Frames"), written the plain way:
 * decode + JSON.parse the whole frame, check the envelope in a fixed order, and validate the payload
 * with the payload reference (reference.mjs). Every backend must give exactly this result.
 *   CALL        [2,"<uniqueId>","<action>",{payload}]
 *   CALLRESULT  [3,"<uniqueId>",{payload}]                 (validated against <responseTo>Response when given)
 *   CALLERROR   [4,"<uniqueId>","<errorCode>","<errorDescription>",{errorDetails}]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OCPP_ERROR_CODE, REQUEST_NAMES, referenceParse, referenceValidateValue, issueMultiset, schemaDir } from "./reference.mjs";
import { referenceWarnings } from "./warnings-reference.mjs";

export const MAX_UNIQUE_ID_LEN = 36;
export const MAX_REPORTED_ISSUES = 8;
export const UNKNOWN_UNIQUE_ID = "-1";

/** The 28 OCPP 1.6 actions (request message names), sorted. */
export const ACTIONS = REQUEST_NAMES;
const ACTION_SET = new Set(ACTIONS);

/**
 * The actions a Charge Point sends to a Central System (validated against `<Action>.json`), sorted:
 * protocol data, read from the one list the core and the TS generator read too
 * (crates/core/schemas/directions.json); the rules applied to it here are written independently.
 */
export const CHARGE_POINT_ACTIONS = Object.freeze(
  [.../** @type {string[]} */ (JSON.parse(readFileSync(join(schemaDir, "..", "directions.json"), "utf8"))["ocpp1.6"].chargePoint)].sort(),
);
const CP_ACTION_SET = new Set(CHARGE_POINT_ACTIONS);

/** The 18 actions only a Central System sends (answered NotSupported), sorted. */
export const CENTRAL_SYSTEM_ACTIONS = Object.freeze(ACTIONS.filter((a) => !CP_ACTION_SET.has(a)));

export const DESCRIPTIONS = Object.freeze({
  NOT_JSON: "Frame is not a valid UTF-8 JSON text",
  NOT_ARRAY: "Frame is not a JSON array",
  TYPE_NOT_NUMBER: "Message type id is not a number",
  TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)",
  ID_NOT_STRING: "Unique id is not a string",
  ID_TOO_LONG: "Unique id is longer than 36 characters",
  ACTION_NOT_STRING: "Action is not a string",
  WRONG_LENGTH: "A CALL frame has exactly 4 elements",
  CALLRESULT_WRONG_LENGTH: "A CALLRESULT frame has exactly 3 elements",
  CALLERROR_WRONG_LENGTH: "A CALLERROR frame has exactly 5 elements",
  ERROR_CODE_NOT_STRING: "Error code is not a string",
  ERROR_DESCRIPTION_NOT_STRING: "Error description is not a string",
  ERROR_DETAILS_NOT_OBJECT: "Error details is not an object",
  NOT_IMPLEMENTED: "Action is not an OCPP 1.6 action",
  /** NotSupported: `<Action>` + this */
  NOT_SUPPORTED_SUFFIX: " is sent by a Central System, not to it",
  /** The StopTransaction payload prefix (kept for callers of the single-message API; see payloadPrefix). */
  PAYLOAD_PREFIX: "Payload is not a valid StopTransaction.req: ",
});

/** `Payload is not a valid <Action>.req: ` @param {string} action */
export const payloadPrefix = (action) => `Payload is not a valid ${action}.req: `;

/** `<Action> is sent by a Central System, not to it` @param {string} action */
export const notSupportedDescription = (action) => action + DESCRIPTIONS.NOT_SUPPORTED_SUFFIX;

/**
 * @typedef {{ instancePath: string, keyword: string }} FrameIssue
 * @typedef {{ errorCode: string, errorDescription: string, frame: string }} FrameCallError
 * @typedef {{ kind: "call" | "callresult" | "callerror" | "invalid", uniqueId: string | null, action: string | null,
 *   payloadRange: [number, number] | null, valid: boolean, errors: FrameIssue[], tolerated: [],
 *   warnings: import("./warnings-reference.mjs").ReferenceWarning[], callError: FrameCallError | null }} FrameResult
 * @typedef {{ allErrors?: boolean, responseTo?: string | null }} FrameOptions
 *   responseTo: the request message name (one of ACTIONS) of the pending CALL a CALLRESULT answers
 */

/** ajv's ucs2length: code points, a lone surrogate counting as one. @param {string} s */
function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** @param {string | null} uniqueId @param {string} errorCode @param {string} errorDescription @param {FrameIssue[]} issues @returns {FrameCallError} */
function callError(uniqueId, errorCode, errorDescription, issues = []) {
  const details = issues.length
    ? { issues: issues.slice(0, MAX_REPORTED_ISSUES).map((i) => ({ instancePath: i.instancePath, keyword: i.keyword })) }
    : {};
  return { errorCode, errorDescription, frame: JSON.stringify([4, uniqueId ?? UNKNOWN_UNIQUE_ID, errorCode, errorDescription, details]) };
}

/** @param {string | null} uniqueId @param {string} code @param {string} description @param {FrameIssue[]} [errors] @returns {FrameResult} */
const invalid = (uniqueId, code, description, errors = []) => ({
  kind: "invalid", uniqueId, action: null, payloadRange: null, valid: false, errors, tolerated: [], warnings: [],
  callError: callError(uniqueId, code, description),
});

const WS = "[ \\t\\n\\r]*";
const NUMBER = "-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?";
const STRING = '"(?:[^"\\\\\\u0000-\\u001f]|\\\\["\\\\/bfnrt]|\\\\u[0-9a-fA-F]{4})*"';
/** `[`, a number, `,` and a complete string: the uniqueId of a frame that is not JSON (Frames step 3). */
const READABLE_ID = new RegExp(`^${WS}\\[${WS}${NUMBER}${WS},${WS}(${STRING})`);
/** The 2nd element written as a number: echoed as written (the 1st is known to be a number). */
const NUMBER_ID = new RegExp(`^${WS}\\[${WS}${NUMBER}${WS},${WS}(${NUMBER})${WS}[,\\]]`);

/**
 * The longest prefix of the input that is valid UTF-8 (all of a string), as text: the lossy decoding
 * re-encodes to the input's bytes exactly up to the first invalid sequence.
 * @param {string | Uint8Array} input
 */
function validPrefix(input) {
  if (typeof input === "string") return input;
  const again = Buffer.from(new TextDecoder("utf-8", { ignoreBOM: true }).decode(input), "utf8");
  let same = 0;
  while (same < input.length && same < again.length && input[same] === again[same]) same++;
  for (let end = same; end >= 0; end--) {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input.subarray(0, end));
    } catch {
      // `same` may stop inside a character whose first bytes matched: step back to its start.
    }
  }
  return "";
}

/** @param {string | Uint8Array} input @returns {string | null} */
function readableId(input) {
  const m = READABLE_ID.exec(validPrefix(input));
  if (!m) return null;
  const id = /** @type {string} */ (JSON.parse(m[1]));
  return codePoints(id) <= MAX_UNIQUE_ID_LEN ? id.toWellFormed() : null;
}

/** @param {string} text @returns {string | null} */
function numberId(text) {
  const m = NUMBER_ID.exec(text);
  return m && m[1].length <= MAX_UNIQUE_ID_LEN ? m[1] : null;
}

/**
 * The warnings of a frame's payload (UTF-8 byte range of the text).
 * @param {string} text @param {[number, number]} range
 */
function payloadWarnings(text, range) {
  return referenceWarnings(Buffer.from(text, "utf8").subarray(range[0], range[1]).toString("utf8"));
}

/**
 * `Payload is not a valid <action>.req: <issue>; <issue>…[; and N more]` (at most 8 issues listed).
 * @param {FrameIssue[]} issues
 * @param {string} [action]  defaults to StopTransaction
 */
export function payloadDescription(issues, action = "StopTransaction") {
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${i.instancePath === "" ? "(root)" : i.instancePath} ${i.keyword}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? `; and ${issues.length - MAX_REPORTED_ISSUES} more` : "";
  return payloadPrefix(action) + listed.join("; ") + more;
}

/**
 * UTF-8 byte range of the LAST element of an `n`-element array text (the payload of every frame
 * kind), found without a hand-written scanner: the first top-level comma after which `null]`
 * completes an n-element array is the one before the last element; the element runs from there
 * (whitespace skipped) to the final `]` (whitespace skipped).
 * @param {string} text
 * @param {number} n
 * @returns {[number, number]}
 */
function lastElementRange(text, n) {
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
    if (!Array.isArray(prefix) || prefix.length !== n) continue;
    let start = comma + 1;
    while (isWs(text[start] ?? "")) start++;
    const bytes = (/** @type {number} */ i) => Buffer.byteLength(text.slice(0, i), "utf8");
    return [bytes(start), bytes(end)];
  }
  throw new Error(`frame reference: no last element found in a ${n}-element array`);
}

/**
 * The payload's issues, sorted by (instancePath, keyword); only the first without allErrors.
 * @param {unknown} payload @param {string} message @param {boolean} allErrors
 */
function payloadIssues(payload, message, allErrors) {
  const r = referenceValidateValue(payload, { message, allErrors: true });
  const sorted = issueMultiset(r.errors);
  return allErrors ? sorted : sorted.slice(0, 1);
}

/**
 * @param {string | Uint8Array} input  a whole WebSocket message
 * @param {FrameOptions} [options]  allErrors defaults to true; responseTo (a request name) validates a
 *   CALLRESULT's payload against `<responseTo>Response`; unknown names throw a TypeError
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input, { allErrors = true, responseTo = null } = {}) {
  if (responseTo !== null && responseTo !== undefined && !(typeof responseTo === "string" && ACTION_SET.has(responseTo))) {
    const shown = typeof responseTo === "string" ? JSON.stringify(responseTo) : String(responseTo);
    throw new TypeError(`unknown OCPP 1.6 request ${shown} for responseTo; known requests: ${ACTIONS.join(", ")}`);
  }
  // 1. UTF-8 + JSON text
  const parsed = referenceParse(input);
  if (!parsed.ok) return invalid(readableId(input), "FormationViolation", DESCRIPTIONS.NOT_JSON, [{ instancePath: "", keyword: "parse" }]);
  const frame = parsed.value;
  // 2. array, message type
  if (!Array.isArray(frame)) return invalid(null, "ProtocolError", DESCRIPTIONS.NOT_ARRAY);
  const type = frame[0];
  if (typeof type !== "number") return invalid(null, "ProtocolError", DESCRIPTIONS.TYPE_NOT_NUMBER);
  if (type !== 2 && type !== 3 && type !== 4) return invalid(null, "ProtocolError", DESCRIPTIONS.TYPE_UNSUPPORTED);
  // 3. uniqueId (every kind)
  const id = frame[1];
  const text = () => (typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input));
  if (typeof id !== "string") {
    return invalid(typeof id === "number" ? numberId(text()) : null, "ProtocolError", DESCRIPTIONS.ID_NOT_STRING);
  }
  const uniqueId = id.toWellFormed();
  if (codePoints(id) > MAX_UNIQUE_ID_LEN) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ID_TOO_LONG);

  if (type === 3) {
    // 5. CALLRESULT
    if (frame.length !== 3) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.CALLRESULT_WRONG_LENGTH);
    const payloadRange = lastElementRange(text(), 3);
    const base = { kind: /** @type {const} */ ("callresult"), uniqueId, action: null, payloadRange };
    const extra = { tolerated: /** @type {[]} */ ([]), warnings: payloadWarnings(text(), payloadRange) };
    if (responseTo === null || responseTo === undefined) return { ...base, valid: true, errors: [], ...extra, callError: null };
    const errors = payloadIssues(frame[2], `${responseTo}Response`, allErrors);
    return { ...base, valid: errors.length === 0, errors, ...extra, callError: null };
  }
  if (type === 4) {
    // 6. CALLERROR
    if (frame.length !== 5) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.CALLERROR_WRONG_LENGTH);
    if (typeof frame[2] !== "string") return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ERROR_CODE_NOT_STRING);
    if (typeof frame[3] !== "string") return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ERROR_DESCRIPTION_NOT_STRING);
    const details = frame[4];
    if (typeof details !== "object" || details === null || Array.isArray(details)) {
      return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ERROR_DETAILS_NOT_OBJECT);
    }
    return {
      kind: "callerror", uniqueId, action: null, payloadRange: lastElementRange(text(), 5), valid: true, errors: [], tolerated: [], warnings: [], callError: null,
    };
  }
  // 4. CALL
  const action = frame[2];
  if (typeof action !== "string") return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.ACTION_NOT_STRING);
  if (frame.length !== 4) return invalid(uniqueId, "ProtocolError", DESCRIPTIONS.WRONG_LENGTH);
  const payloadRange = lastElementRange(text(), 4);
  const base = { kind: /** @type {const} */ ("call"), uniqueId, action: action.toWellFormed(), payloadRange };
  const extra = { tolerated: /** @type {[]} */ ([]), warnings: payloadWarnings(text(), payloadRange) };
  if (!ACTION_SET.has(action)) {
    return { ...base, valid: false, errors: [], ...extra, callError: callError(uniqueId, "NotImplemented", DESCRIPTIONS.NOT_IMPLEMENTED) };
  }
  if (!CP_ACTION_SET.has(action)) {
    return { ...base, valid: false, errors: [], ...extra, callError: callError(uniqueId, "NotSupported", notSupportedDescription(action)) };
  }
  const errors = payloadIssues(frame[3], action, allErrors);
  if (errors.length === 0) return { ...base, valid: true, errors: [], ...extra, callError: null };
  const code = OCPP_ERROR_CODE[errors[0].keyword] ?? "FormationViolation";
  return { ...base, valid: false, errors, ...extra, callError: callError(uniqueId, code, payloadDescription(errors, action), errors) };
}
