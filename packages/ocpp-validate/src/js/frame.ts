/**
 * OCPP-J frames on the js backend: JSON.parse + the envelope checks of crates/core/SEMANTICS.md
 * ("Frames": CALL, CALLRESULT, CALLERROR; 2.1 adds CALLRESULTERROR and SEND) in the codes and
 * descriptions of the frame's protocol + the js payload validator. Must give exactly the core's
 * results (crates/core/src/frame.rs; shared vectors, packages/test-vectors/frame-reference.mjs).
 */
import type { MessageIndex, ToleranceMask } from "../backend.js";
import type { CallErrorCode, FrameValidationResult, JsonInput, OcppErrorCode, ToleratedIssue, ValidationIssue, ValidationWarning } from "../types.js";
import { PROTOCOL_INFO, PROTOCOLS } from "../protocols.generated.js";
import { ucs2length } from "./date-time.js";
import { scanString } from "./syntax.js";
import { textWarnings } from "./warnings.js";

export const MAX_UNIQUE_ID_LEN = 36;
export const MAX_REPORTED_ISSUES = 8;
export const UNKNOWN_UNIQUE_ID = "-1";

/** The fixed descriptions (SEMANTICS.md "Frames"; crates/core/src/frame.rs), word for word. */
export const FRAME_DESCRIPTIONS = {
  NOT_JSON: "Frame is not a valid UTF-8 JSON text",
  NOT_ARRAY: "Frame is not a JSON array",
  TYPE_NOT_NUMBER: "Message type id is not a number",
  TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)",
  TYPE_UNSUPPORTED_2_1: "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)",
  ID_NOT_STRING: "Unique id is not a string",
  ID_TOO_LONG: "Unique id is longer than 36 characters",
  ACTION_NOT_STRING: "Action is not a string",
  WRONG_LENGTH: "A CALL frame has exactly 4 elements",
  CALLRESULT_WRONG_LENGTH: "A CALLRESULT frame has exactly 3 elements",
  CALLERROR_WRONG_LENGTH: "A CALLERROR frame has exactly 5 elements",
  CALLRESULTERROR_WRONG_LENGTH: "A CALLRESULTERROR frame has exactly 5 elements",
  SEND_WRONG_LENGTH: "A SEND frame has exactly 4 elements",
  ERROR_CODE_NOT_STRING: "Error code is not a string",
  ERROR_DESCRIPTION_NOT_STRING: "Error description is not a string",
  ERROR_DETAILS_NOT_OBJECT: "Error details is not an object",
  NOT_IMPLEMENTED: "Action is not an OCPP 1.6 action",
} as const;

/** `Action is not an OCPP <version> action`. */
export const notImplementedDescription = (version: string): string => `Action is not an OCPP ${version} action`;
/** NotSupported: `<Action> is sent by a Central System, not to it` (1.6), `<Action> is sent by a CSMS, not to it` (2.x). */
export const notSupportedDescription = (action: string, is2x = false): string => `${action} is sent by ${is2x ? "a CSMS" : "a Central System"}, not to it`;
/** `Payload is not a valid <Action>.req: ` (1.6); 2.x names the request message: `Payload is not a valid <Action>Request: `. */
export const payloadPrefix = (action: string, requestMessage?: string): string =>
  requestMessage === undefined ? `Payload is not a valid ${action}.req: ` : `Payload is not a valid ${requestMessage}: `;

/** What differs between the protocols' frames (SEMANTICS.md "Frames"; the issue-15 contract, "Frames in 2.x"). */
interface Rules {
  readonly protocol: number;
  readonly is2x: boolean;
  /** 2.1's CALLRESULTERROR (5) and SEND (6). */
  readonly has21Types: boolean;
  /** A frame that is not JSON text. */
  readonly notJson: CallErrorCode;
  /** A frame that is not a well-formed RPC message: 1.6 ProtocolError, 2.x RpcFrameworkError. */
  readonly framing: CallErrorCode;
  /** A message type id that is a number the protocol does not have. */
  readonly typeUnsupported: CallErrorCode;
  readonly typeUnsupportedDescription: string;
  readonly notImplemented: string;
  /** Every action of the protocol → the global index of the message its CALL carries. */
  readonly requests: ReadonlyMap<string, number>;
  /** The actions the station initiates (validated; the others are NotSupported). */
  readonly station: ReadonlySet<string>;
}

const code = (c: string) => c as CallErrorCode;

const RULES: readonly Rules[] = PROTOCOLS.map((p, index) => {
  const info = PROTOCOL_INFO[p];
  const is2x = p !== "ocpp1.6";
  const local = new Map<string, number>((info.messageNames as readonly string[]).map((name, i) => [name, i]));
  const requestNames = info.requestNames as readonly string[];
  return {
    protocol: index,
    is2x,
    has21Types: p === "ocpp2.1",
    notJson: code(is2x ? "FormatViolation" : "FormationViolation"),
    framing: code(is2x ? "RpcFrameworkError" : "ProtocolError"),
    typeUnsupported: code(is2x ? "MessageTypeNotSupported" : "ProtocolError"),
    typeUnsupportedDescription: p === "ocpp2.1" ? FRAME_DESCRIPTIONS.TYPE_UNSUPPORTED_2_1 : FRAME_DESCRIPTIONS.TYPE_UNSUPPORTED,
    notImplemented: notImplementedDescription(info.version),
    requests: new Map((info.actions as readonly string[]).map((a, i) => [a, info.first + local.get(requestNames[i]!)!])),
    station: new Set(info.stationActions as readonly string[]),
  };
});

/** Global request message index → global index of its response message (-1: a response, or a SEND-only message). */
const RESPONSE_INDEX: readonly number[] = (() => {
  const out: number[] = [];
  for (const p of PROTOCOLS) {
    const info = PROTOCOL_INFO[p];
    const names = info.messageNames as readonly string[];
    for (let i = 0; i < names.length; i++) out.push(-1);
    const local = new Map<string, number>(names.map((name, i) => [name, i]));
    (info.requestNames as readonly string[]).forEach((request, i) => {
      const response = (info.responseNames as readonly (string | null)[])[i];
      if (response !== null && response !== undefined) out[info.first + local.get(request)!] = info.first + local.get(response)!;
    });
  }
  return out;
})();

/** The global message index → its name, for payload descriptions. */
const NAME_OF: readonly string[] = PROTOCOLS.flatMap((p) => PROTOCOL_INFO[p].messageNames as readonly string[]);

type Parsed = { ok: true; value: unknown; text: string } | { ok: false; issue: ValidationIssue };

export interface FrameDeps {
  /** `protocol`: whose error code a `parse` issue carries. */
  parse(input: JsonInput, protocol: number): Parsed;
  validateValue(value: unknown, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): { errors: ValidationIssue[]; tolerated: ToleratedIssue[] };
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
  return { kind: "invalid", uniqueId, action: null, payloadRange: null, valid: false, errors, tolerated: [], warnings: [], callError: answer(uniqueId, code, description) };
}

function payloadDescription(prefix: string, issues: ValidationIssue[]): string {
  const listed = issues.slice(0, MAX_REPORTED_ISSUES).map((i) => `${i.instancePath === "" ? "(root)" : i.instancePath} ${i.keyword}`);
  const more = issues.length > MAX_REPORTED_ISSUES ? `; and ${issues.length - MAX_REPORTED_ISSUES} more` : "";
  return prefix + listed.join("; ") + more;
}

/** Code-unit order of (instancePath, keyword), as the core sorts. */
function byPathThenKeyword(a: ValidationIssue, b: ValidationIssue): number {
  if (a.instancePath !== b.instancePath) return a.instancePath < b.instancePath ? -1 : 1;
  if (a.keyword !== b.keyword) return a.keyword < b.keyword ? -1 : 1;
  return 0;
}

/** All issues sorted, or only the first of the (stably) sorted list, found without sorting: a hostile payload can carry ~10^5 issues. */
function sortedIssues(issues: ValidationIssue[], allErrors: boolean): ValidationIssue[] {
  if (allErrors || issues.length === 0) return issues.sort(byPathThenKeyword);
  let first = issues[0]!;
  for (const issue of issues) if (byPathThenKeyword(issue, first) < 0) first = issue;
  return [first];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `String.prototype.toWellFormed` (ES2024; not in every browser this package supports). */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, "\ufffd");
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Index range of the last element of a text already known to be a valid JSON array of `count`
 * elements (every frame kind's payload is its last element), whitespace excluded. Works on UTF-16
 * units and on UTF-8 bytes alike: every structural character is ASCII.
 */
function lastElement(at: (i: number) => number, n: number, count: number): [number, number] {
  let i = 0;
  while (i < n && isWs(at(i))) i++;
  i++; // [
  for (let element = 0; element < count - 1; element++) {
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

const isJsonObject = (v: unknown): boolean => typeof v === "object" && v !== null && !Array.isArray(v);

const encoder = new TextEncoder();
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const isNumberStart = (c: number) => c === 0x2d || (c >= 0x30 && c <= 0x39);
const isNumberChar = (c: number) => (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e || c === 0x65 || c === 0x45;

/** The end of the JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`) starting at `i`, or -1. */
function numberEnd(b: Uint8Array, i: number): number {
  const digit = (k: number) => b[k] !== undefined && b[k]! >= 0x30 && b[k]! <= 0x39;
  const digits = (k: number) => {
    while (digit(k)) k++;
    return k;
  };
  if (b[i] === 0x2d) i++;
  if (b[i] === 0x30) i++;
  else if (digit(i)) i = digits(i);
  else return -1;
  if (b[i] === 0x2e) {
    if (!digit(i + 1)) return -1;
    i = digits(i + 1);
  }
  if (b[i] === 0x65 || b[i] === 0x45) {
    i++;
    if (b[i] === 0x2b || b[i] === 0x2d) i++;
    if (!digit(i)) return -1;
    i = digits(i);
  }
  return i;
}

/**
 * The uniqueId of a frame that is not JSON, when its start still reads `[`, a number, `,` and a
 * complete, well-formed string of at most 36 code points (SEMANTICS.md, Frames step 3).
 */
function readableId(input: JsonInput): string | null {
  const b = typeof input === "string" ? encoder.encode(input) : input;
  const ws = (i: number) => {
    while (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d) i++;
    return i;
  };
  let i = ws(0);
  if (b[i] !== 0x5b) return null;
  i = ws(i + 1);
  const end = numberEnd(b, i);
  if (end < 0) return null;
  i = ws(end);
  if (b[i] !== 0x2c) return null;
  i = ws(i + 1);
  if (b[i] !== 0x22) return null;
  let close: number;
  try {
    close = scanString(b, i + 1);
  } catch {
    return null;
  }
  const id = JSON.parse(utf8.decode(b.subarray(i, close))) as string;
  return id.length > MAX_UNIQUE_ID_LEN && ucs2length(id) > MAX_UNIQUE_ID_LEN ? null : wellFormed(id);
}

/**
 * A uniqueId written as a number (`[2,1234,…]`), as written, when at most 36 characters: what the
 * answer echoes so that the charger can match it. `text` is a valid JSON array whose first element is
 * a number.
 */
function numberId(text: string): string | null {
  const ws = (i: number) => {
    while (isWs(text.charCodeAt(i))) i++;
    return i;
  };
  let i = ws(ws(0) + 1);
  while (isNumberChar(text.charCodeAt(i))) i++;
  i = ws(ws(i) + 1);
  if (!isNumberStart(text.charCodeAt(i))) return null;
  let end = i;
  while (isNumberChar(text.charCodeAt(end))) end++;
  return end - i <= MAX_UNIQUE_ID_LEN ? text.slice(i, end) : null;
}

/** `protocol`: the protocol index (PROTOCOLS order: 0 ocpp1.6, 1 ocpp2.0.1, 2 ocpp2.1), 0 when omitted. */
export type FrameValidate = (input: JsonInput, allErrors: boolean, responseTo: MessageIndex, tolerate: ToleranceMask, protocol?: number) => FrameValidationResult;

export function createFrameValidator(deps: FrameDeps): FrameValidate {
  /**
   * The payload (the frame's last element): its UTF-8 byte range and, unless `value` is omitted
   * (a CALLERROR's details have none), its warnings, read off its text (`text` is the decoded frame).
   */
  const payload = (input: JsonInput, text: string, count: number, ...value: [unknown?]): { payloadRange: [number, number]; warnings: ValidationWarning[] } => {
    const [start, end] = lastElement((i) => text.charCodeAt(i), text.length, count);
    const warnings = value.length === 0 ? [] : textWarnings(text.slice(start, end), value[0]);
    if (typeof input === "string") return { payloadRange: [deps.utf8Length(text, start), deps.utf8Length(text, end)], warnings };
    return { payloadRange: lastElement((i) => input[i]!, input.length, count), warnings };
  };

  return (input, allErrors, responseTo, tolerate, protocol = 0) => {
    const rules = RULES[protocol];
    if (rules === undefined) throw new RangeError(`ocpp-validate: no protocol with index ${String(protocol)} (0..${RULES.length - 1})`);
    let responseIndex = -1;
    if (responseTo !== -1) {
      responseIndex = RESPONSE_INDEX[responseTo] ?? -1;
      if (responseIndex < 0) throw new RangeError(`ocpp-validate: responseTo ${String(responseTo)} is not the index of a request message with a response (or -1)`);
    }
    const framing = rules.framing;
    // 1. UTF-8 JSON text
    const parsed = deps.parse(input, protocol);
    if (!parsed.ok) return invalid(readableId(input), rules.notJson, FRAME_DESCRIPTIONS.NOT_JSON, [parsed.issue]);
    const frame = parsed.value;
    const text = parsed.text;
    // 2. array, message type
    if (!Array.isArray(frame)) return invalid(null, framing, FRAME_DESCRIPTIONS.NOT_ARRAY);
    const type: unknown = frame[0];
    if (typeof type !== "number") return invalid(null, framing, FRAME_DESCRIPTIONS.TYPE_NOT_NUMBER);
    if (type !== 2 && type !== 3 && type !== 4 && !(rules.has21Types && (type === 5 || type === 6))) {
      return invalid(null, rules.typeUnsupported, rules.typeUnsupportedDescription);
    }
    // 3. uniqueId, every kind
    const id: unknown = frame[1];
    if (typeof id !== "string") return invalid(typeof id === "number" ? numberId(text) : null, framing, FRAME_DESCRIPTIONS.ID_NOT_STRING);
    const uniqueId = wellFormed(id);
    if (id.length > MAX_UNIQUE_ID_LEN && ucs2length(id) > MAX_UNIQUE_ID_LEN) return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.ID_TOO_LONG);

    if (type === 3) {
      // 5. CALLRESULT: never answered
      if (frame.length !== 3) return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.CALLRESULT_WRONG_LENGTH);
      const base = { kind: "callresult" as const, uniqueId, action: null, ...payload(input, text, 3, frame[2]), callError: null };
      if (responseIndex < 0) return { ...base, valid: true, errors: [], tolerated: [] };
      const found = deps.validateValue(frame[2], responseIndex, true, tolerate);
      const errors = sortedIssues([...found.errors], allErrors);
      return { ...base, valid: errors.length === 0, errors, tolerated: [...found.tolerated] };
    }
    if (type === 4 || type === 5) {
      // 6. CALLERROR (and 2.1's CALLRESULTERROR, of the same shape): well-formed or a framing error; never answered
      if (frame.length !== 5) return invalid(uniqueId, framing, type === 4 ? FRAME_DESCRIPTIONS.CALLERROR_WRONG_LENGTH : FRAME_DESCRIPTIONS.CALLRESULTERROR_WRONG_LENGTH);
      if (typeof frame[2] !== "string") return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.ERROR_CODE_NOT_STRING);
      if (typeof frame[3] !== "string") return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.ERROR_DESCRIPTION_NOT_STRING);
      if (!isJsonObject(frame[4])) return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.ERROR_DETAILS_NOT_OBJECT);
      const payloadRange = payload(input, text, 5).payloadRange;
      const kind = (type === 4 ? "callerror" : "callresulterror") as FrameValidationResult["kind"]; // until types.ts lists "callresulterror"
      return { kind, uniqueId, action: null, payloadRange, valid: true, errors: [], tolerated: [], warnings: [], callError: null } as FrameValidationResult;
    }
    // 4. CALL (and 2.1's SEND, of the same shape, never answered)
    const send = type === 6;
    const action: unknown = frame[2];
    if (typeof action !== "string") return invalid(uniqueId, framing, FRAME_DESCRIPTIONS.ACTION_NOT_STRING);
    if (frame.length !== 4) return invalid(uniqueId, framing, send ? FRAME_DESCRIPTIONS.SEND_WRONG_LENGTH : FRAME_DESCRIPTIONS.WRONG_LENGTH);
    // a SEND has a CALL's fields; typed as a call until types.ts (the facade's) lists "send"
    const kind = (send ? "send" : "call") as "call";
    const call = { kind, uniqueId, action: wellFormed(action), ...payload(input, text, 4, frame[3]) };
    const message = rules.requests.get(action);
    if (message === undefined || !rules.station.has(action)) {
      // Nothing may answer a SEND: the caller sees the action and decides.
      if (send) return { ...call, valid: false, errors: [], tolerated: [], callError: null };
      const callError = message !== undefined
        ? answer(uniqueId, "NotSupported", notSupportedDescription(action, rules.is2x))
        : answer(uniqueId, "NotImplemented", rules.notImplemented);
      return { ...call, valid: false, errors: [], tolerated: [], callError };
    }
    const found = deps.validateValue(frame[3], message, true, tolerate);
    const tolerated = [...found.tolerated];
    const errors = sortedIssues([...found.errors], allErrors);
    if (errors.length === 0) return { ...call, valid: true, errors: [], tolerated, callError: null };
    if (send) return { ...call, valid: false, errors, tolerated, callError: null };
    const first: OcppErrorCode = errors[0]!.ocppErrorCode;
    const prefix = rules.is2x ? payloadPrefix(action, NAME_OF[message]) : payloadPrefix(action);
    return { ...call, valid: false, errors, tolerated, callError: answer(uniqueId, first, payloadDescription(prefix, errors), errors) };
  };
}
