// @ts-check
/**
 * THE reference for OCPP-J frames (crates/core/SEMANTICS.md, "Frames"), written the plain way:
 * decode + JSON.parse the whole frame, check the envelope in a fixed order, and validate the payload
 * with the payload reference (reference.mjs). Every backend must give exactly this result.
 *   CALL            [2,"<uniqueId>","<action>",{payload}]
 *   CALLRESULT      [3,"<uniqueId>",{payload}]                 (validated against <responseTo>Response when given)
 *   CALLERROR       [4,"<uniqueId>","<errorCode>","<errorDescription>",{errorDetails}]
 *   CALLRESULTERROR [5,"<uniqueId>","<errorCode>","<errorDescription>",{errorDetails}]   (2.1 only)
 *   SEND            [6,"<uniqueId>","<action>",{payload}]      (2.1 only; validated, never answered)
 * OCPP 1.6 by default; `protocol: "ocpp2.0.1" | "ocpp2.1"` applies the 2.x codes and descriptions
 * (the issue-15 contract, "Frames in 2.x").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OCPP_ERROR_CODE, OCPP_ERROR_CODES, PROTOCOL_MESSAGE_NAMES, REQUEST_NAMES, checkProtocol, referenceParse, referenceValidateValue, issueMultiset, schemaDir } from "./reference.mjs";
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

/** @typedef {import("./reference.mjs").Protocol} Protocol */

const DIRECTIONS = JSON.parse(readFileSync(join(schemaDir, "..", "directions.json"), "utf8"));

/**
 * A 2.x protocol's actions → the message a CALL / SEND of it carries: `<Action>Request`, or a stem
 * with neither suffix (2.1's NotifyPeriodicEventStream, a SEND-only message) for itself.
 * @param {Protocol} protocol @returns {Map<string, string>}
 */
function requestMessages2x(protocol) {
  /** @type {Map<string, string>} */
  const out = new Map();
  for (const m of PROTOCOL_MESSAGE_NAMES[protocol]) {
    if (m.endsWith("Response")) continue;
    out.set(m.endsWith("Request") ? m.slice(0, -"Request".length) : m, m);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Per protocol: every action → its request message, the station-initiated actions (validated),
 * the CSMS-initiated ones (NotSupported).
 * @type {Record<Protocol, { requests: Map<string, string>, station: readonly string[], stationSet: Set<string>, csms: readonly string[] }>}
 */
const PROTOCOL_ACTIONS = /** @type {any} */ ({});
for (const protocol of /** @type {Protocol[]} */ (["ocpp1.6", "ocpp2.0.1", "ocpp2.1"])) {
  const requests = protocol === "ocpp1.6" ? new Map(ACTIONS.map((a) => [a, a])) : requestMessages2x(protocol);
  const station = Object.freeze([...(protocol === "ocpp1.6" ? DIRECTIONS[protocol].chargePoint : DIRECTIONS[protocol].chargingStation)].sort());
  const stationSet = new Set(station);
  PROTOCOL_ACTIONS[protocol] = { requests, station, stationSet, csms: Object.freeze([...requests.keys()].filter((a) => !stationSet.has(a))) };
}

/** Every action of the protocol, sorted. @param {Protocol} [protocol] @returns {readonly string[]} */
export const actionsFor = (protocol = "ocpp1.6") => Object.freeze([...PROTOCOL_ACTIONS[checkProtocol(protocol)].requests.keys()]);
/** The actions the Charge Point / Charging Station sends (validated), sorted. @param {Protocol} [protocol] */
export const stationActionsFor = (protocol = "ocpp1.6") => PROTOCOL_ACTIONS[checkProtocol(protocol)].station;
/** The actions only the Central System / CSMS sends (NotSupported), sorted. @param {Protocol} [protocol] */
export const csmsActionsFor = (protocol = "ocpp1.6") => PROTOCOL_ACTIONS[checkProtocol(protocol)].csms;
/**
 * The message a CALL (or SEND) of `action` is validated against (1.6 the action; 2.x `<Action>Request`,
 * NotifyPeriodicEventStream itself), null for an action the protocol does not define.
 * @param {string} action @param {Protocol} [protocol] @returns {string | null}
 */
export const requestMessageFor = (action, protocol = "ocpp1.6") => PROTOCOL_ACTIONS[checkProtocol(protocol)].requests.get(action) ?? null;

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

/**
 * The descriptions of a 2.x protocol: 1.6's except the message types, the versions and the CSMS.
 * @param {"ocpp2.0.1" | "ocpp2.1"} protocol
 */
const descriptions2x = (protocol) =>
  Object.freeze({
    ...DESCRIPTIONS,
    TYPE_UNSUPPORTED: protocol === "ocpp2.1"
      ? "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)"
      : "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)",
    CALLRESULTERROR_WRONG_LENGTH: "A CALLRESULTERROR frame has exactly 5 elements",
    SEND_WRONG_LENGTH: "A SEND frame has exactly 4 elements",
    NOT_IMPLEMENTED: `Action is not an OCPP ${protocol.slice(4)} action`,
    NOT_SUPPORTED_SUFFIX: " is sent by a CSMS, not to it",
    PAYLOAD_PREFIX: "Payload is not a valid TransactionEventRequest: ",
  });

/** The description texts of each protocol (1.6's are DESCRIPTIONS). */
export const PROTOCOL_DESCRIPTIONS = Object.freeze({ "ocpp1.6": DESCRIPTIONS, "ocpp2.0.1": descriptions2x("ocpp2.0.1"), "ocpp2.1": descriptions2x("ocpp2.1") });

/**
 * The CallError codes of frame-level faults per protocol: 2.0.1's RPC framework codes replace
 * 1.6's ProtocolError / FormationViolation.
 * @type {Readonly<Record<Protocol, { notJson: string, envelope: string, typeUnsupported: string }>>}
 */
export const FRAME_ERROR_CODES = Object.freeze({
  "ocpp1.6": Object.freeze({ notJson: "FormationViolation", envelope: "ProtocolError", typeUnsupported: "ProtocolError" }),
  "ocpp2.0.1": Object.freeze({ notJson: "FormatViolation", envelope: "RpcFrameworkError", typeUnsupported: "MessageTypeNotSupported" }),
  "ocpp2.1": Object.freeze({ notJson: "FormatViolation", envelope: "RpcFrameworkError", typeUnsupported: "MessageTypeNotSupported" }),
});

/**
 * `Payload is not a valid <Action>.req: ` (1.6) / `Payload is not a valid <Action>Request: ` (2.x;
 * 2.1's NotifyPeriodicEventStream: its own name).
 * @param {string} action @param {Protocol} [protocol]
 */
export const payloadPrefix = (action, protocol = "ocpp1.6") =>
  checkProtocol(protocol) === "ocpp1.6" ? `Payload is not a valid ${action}.req: ` : `Payload is not a valid ${requestMessageFor(action, protocol) ?? `${action}Request`}: `;

/** `<Action> is sent by a Central System, not to it` (1.6) / `<Action> is sent by a CSMS, not to it` (2.x) @param {string} action @param {Protocol} [protocol] */
export const notSupportedDescription = (action, protocol = "ocpp1.6") => action + PROTOCOL_DESCRIPTIONS[checkProtocol(protocol)].NOT_SUPPORTED_SUFFIX;

/**
 * @typedef {{ instancePath: string, keyword: string }} FrameIssue
 * @typedef {{ errorCode: string, errorDescription: string, frame: string }} FrameCallError
 * @typedef {{ kind: "call" | "callresult" | "callerror" | "callresulterror" | "send" | "invalid", uniqueId: string | null, action: string | null,
 *   payloadRange: [number, number] | null, valid: boolean, errors: FrameIssue[], tolerated: [],
 *   warnings: import("./warnings-reference.mjs").ReferenceWarning[], callError: FrameCallError | null }} FrameResult
 * @typedef {{ allErrors?: boolean, responseTo?: string | null, protocol?: Protocol }} FrameOptions
 *   responseTo: the action (one of actionsFor(protocol)) of the pending CALL a CALLRESULT answers;
 *   protocol: default "ocpp1.6"
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
 * `Payload is not a valid <action>.req: <issue>; <issue>…[; and N more]` (at most 8 issues listed;
 * 2.x: `<Action>Request`, see payloadPrefix).
 * @param {FrameIssue[]} issues
 * @param {string} [action]  defaults to StopTransaction (1.6) / TransactionEvent (2.x)
 * @param {Protocol} [protocol]
 */
export function payloadDescription(issues, action, protocol = "ocpp1.6") {
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${i.instancePath === "" ? "(root)" : i.instancePath} ${i.keyword}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? `; and ${issues.length - MAX_REPORTED_ISSUES} more` : "";
  return payloadPrefix(action ?? (checkProtocol(protocol) === "ocpp1.6" ? "StopTransaction" : "TransactionEvent"), protocol) + listed.join("; ") + more;
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
function payloadIssues(payload, message, allErrors, /** @type {Protocol} */ protocol) {
  const r = referenceValidateValue(payload, { message, allErrors: true, protocol });
  const sorted = issueMultiset(r.errors);
  return allErrors ? sorted : sorted.slice(0, 1);
}

/**
 * @param {string | Uint8Array} input  a whole WebSocket message
 * @param {FrameOptions} [options]  allErrors defaults to true; responseTo (an action of the protocol)
 *   validates a CALLRESULT's payload against `<responseTo>Response`; unknown names throw a TypeError;
 *   protocol defaults to "ocpp1.6"
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input, { allErrors = true, responseTo = null, protocol = "ocpp1.6" } = {}) {
  checkProtocol(protocol);
  const { requests, stationSet } = PROTOCOL_ACTIONS[protocol];
  const D = PROTOCOL_DESCRIPTIONS[protocol];
  const C = FRAME_ERROR_CODES[protocol];
  const is2x = protocol !== "ocpp1.6";
  if (responseTo !== null && responseTo !== undefined) {
    const response = typeof responseTo === "string" && requests.has(responseTo) ? `${responseTo}Response` : null;
    if (response === null || !PROTOCOL_MESSAGE_NAMES[protocol].includes(response)) {
      const shown = typeof responseTo === "string" ? JSON.stringify(responseTo) : String(responseTo);
      const known = [...requests.keys()].filter((a) => PROTOCOL_MESSAGE_NAMES[protocol].includes(`${a}Response`));
      throw new TypeError(is2x
        ? `unknown OCPP ${protocol.slice(4)} action ${shown} for responseTo (or one without a response); known actions: ${known.join(", ")}`
        : `unknown OCPP 1.6 request ${shown} for responseTo; known requests: ${known.join(", ")}`);
    }
  }
  // 1. UTF-8 + JSON text
  const parsed = referenceParse(input);
  if (!parsed.ok) return invalid(readableId(input), C.notJson, D.NOT_JSON, [{ instancePath: "", keyword: "parse" }]);
  const frame = parsed.value;
  // 2. array, message type
  if (!Array.isArray(frame)) return invalid(null, C.envelope, D.NOT_ARRAY);
  const type = frame[0];
  if (typeof type !== "number") return invalid(null, C.envelope, D.TYPE_NOT_NUMBER);
  const types = protocol === "ocpp2.1" ? [2, 3, 4, 5, 6] : [2, 3, 4];
  if (!types.includes(type)) return invalid(null, C.typeUnsupported, D.TYPE_UNSUPPORTED);
  // 3. uniqueId (every kind)
  const id = frame[1];
  const text = () => (typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input));
  if (typeof id !== "string") {
    return invalid(typeof id === "number" ? numberId(text()) : null, C.envelope, D.ID_NOT_STRING);
  }
  const uniqueId = id.toWellFormed();
  if (codePoints(id) > MAX_UNIQUE_ID_LEN) return invalid(uniqueId, C.envelope, D.ID_TOO_LONG);

  if (type === 3) {
    // 5. CALLRESULT
    if (frame.length !== 3) return invalid(uniqueId, C.envelope, D.CALLRESULT_WRONG_LENGTH);
    const payloadRange = lastElementRange(text(), 3);
    const base = { kind: /** @type {const} */ ("callresult"), uniqueId, action: null, payloadRange };
    const extra = { tolerated: /** @type {[]} */ ([]), warnings: payloadWarnings(text(), payloadRange) };
    if (responseTo === null || responseTo === undefined) return { ...base, valid: true, errors: [], ...extra, callError: null };
    const errors = payloadIssues(frame[2], `${responseTo}Response`, allErrors, protocol);
    return { ...base, valid: errors.length === 0, errors, ...extra, callError: null };
  }
  if (type === 4 || type === 5) {
    // 6. CALLERROR, and 2.1's CALLRESULTERROR of the same shape
    const kind = type === 4 ? /** @type {const} */ ("callerror") : /** @type {const} */ ("callresulterror");
    if (frame.length !== 5) return invalid(uniqueId, C.envelope, type === 4 ? D.CALLERROR_WRONG_LENGTH : /** @type {any} */ (D).CALLRESULTERROR_WRONG_LENGTH);
    if (typeof frame[2] !== "string") return invalid(uniqueId, C.envelope, D.ERROR_CODE_NOT_STRING);
    if (typeof frame[3] !== "string") return invalid(uniqueId, C.envelope, D.ERROR_DESCRIPTION_NOT_STRING);
    const details = frame[4];
    if (typeof details !== "object" || details === null || Array.isArray(details)) {
      return invalid(uniqueId, C.envelope, D.ERROR_DETAILS_NOT_OBJECT);
    }
    return {
      kind, uniqueId, action: null, payloadRange: lastElementRange(text(), 5), valid: true, errors: [], tolerated: [], warnings: [], callError: null,
    };
  }
  // 4. CALL, and 2.1's SEND of the same shape
  const action = frame[2];
  if (typeof action !== "string") return invalid(uniqueId, C.envelope, D.ACTION_NOT_STRING);
  if (frame.length !== 4) return invalid(uniqueId, C.envelope, type === 6 ? /** @type {any} */ (D).SEND_WRONG_LENGTH : D.WRONG_LENGTH);
  const payloadRange = lastElementRange(text(), 4);
  const kind = type === 6 ? /** @type {const} */ ("send") : /** @type {const} */ ("call");
  const base = { kind, uniqueId, action: action.toWellFormed(), payloadRange };
  const extra = { tolerated: /** @type {[]} */ ([]), warnings: payloadWarnings(text(), payloadRange) };
  // A SEND is never answered: what would be a CallError of a CALL is only `valid: false` there.
  const answer = (/** @type {FrameCallError} */ e) => (kind === "send" ? null : e);
  const message = requests.get(action);
  if (message === undefined) {
    return { ...base, valid: false, errors: [], ...extra, callError: answer(callError(uniqueId, "NotImplemented", D.NOT_IMPLEMENTED)) };
  }
  if (!stationSet.has(action)) {
    return { ...base, valid: false, errors: [], ...extra, callError: answer(callError(uniqueId, "NotSupported", notSupportedDescription(action, protocol))) };
  }
  const errors = payloadIssues(frame[3], message, allErrors, protocol);
  if (errors.length === 0) return { ...base, valid: true, errors: [], ...extra, callError: null };
  const code = (is2x ? OCPP_ERROR_CODES[protocol] : OCPP_ERROR_CODE)[errors[0].keyword] ?? C.notJson;
  return { ...base, valid: false, errors, ...extra, callError: answer(callError(uniqueId, code, payloadDescription(errors, action, protocol), errors)) };
}
