/**
 * `Payload is not a valid <action>.req: <issue>; <issue>…[; and N more]` (at most 8 issues listed).
 * @param {FrameIssue[]} issues
 * @param {string} [action]  defaults to StopTransaction
 */
export function payloadDescription(issues: FrameIssue[], action?: string): string;
/**
 * @param {string | Uint8Array} input  a whole WebSocket message
 * @param {FrameOptions} [options]  allErrors defaults to true; responseTo (a request name) validates a
 *   CALLRESULT's payload against `<responseTo>Response`; unknown names throw a TypeError
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input: string | Uint8Array, { allErrors, responseTo }?: FrameOptions): FrameResult;
export const MAX_UNIQUE_ID_LEN: 36;
export const MAX_REPORTED_ISSUES: 8;
export const UNKNOWN_UNIQUE_ID: "-1";
/** The 28 OCPP 1.6 actions (request message names), sorted. */
export const ACTIONS: readonly string[];
/**
 * The actions a Charge Point sends to a Central System (validated against `<Action>.json`), sorted:
 * protocol data, read from the one list the core and the TS generator read too
 * (crates/core/schemas/directions.json); the rules applied to it here are written independently.
 */
export const CHARGE_POINT_ACTIONS: readonly string[];
/** The 18 actions only a Central System sends (answered NotSupported), sorted. */
export const CENTRAL_SYSTEM_ACTIONS: readonly string[];
export const DESCRIPTIONS: Readonly<{
    NOT_JSON: "Frame is not a valid UTF-8 JSON text";
    NOT_ARRAY: "Frame is not a JSON array";
    TYPE_NOT_NUMBER: "Message type id is not a number";
    TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)";
    ID_NOT_STRING: "Unique id is not a string";
    ID_TOO_LONG: "Unique id is longer than 36 characters";
    ACTION_NOT_STRING: "Action is not a string";
    WRONG_LENGTH: "A CALL frame has exactly 4 elements";
    CALLRESULT_WRONG_LENGTH: "A CALLRESULT frame has exactly 3 elements";
    CALLERROR_WRONG_LENGTH: "A CALLERROR frame has exactly 5 elements";
    ERROR_CODE_NOT_STRING: "Error code is not a string";
    ERROR_DESCRIPTION_NOT_STRING: "Error description is not a string";
    ERROR_DETAILS_NOT_OBJECT: "Error details is not an object";
    NOT_IMPLEMENTED: "Action is not an OCPP 1.6 action";
    /** NotSupported: `<Action>` + this */
    NOT_SUPPORTED_SUFFIX: " is sent by a Central System, not to it";
    /** The StopTransaction payload prefix (kept for callers of the single-message API; see payloadPrefix). */
    PAYLOAD_PREFIX: "Payload is not a valid StopTransaction.req: ";
}>;
export function payloadPrefix(action: string): string;
export function notSupportedDescription(action: string): string;
export type FrameIssue = {
    instancePath: string;
    keyword: string;
};
export type FrameCallError = {
    errorCode: string;
    errorDescription: string;
    frame: string;
};
export type FrameResult = {
    kind: "call" | "callresult" | "callerror" | "invalid";
    uniqueId: string | null;
    action: string | null;
    payloadRange: [number, number] | null;
    valid: boolean;
    errors: FrameIssue[];
    tolerated: [];
    warnings: import("./warnings-reference.mjs").ReferenceWarning[];
    callError: FrameCallError | null;
};
/**
 * responseTo: the request message name (one of ACTIONS) of the pending CALL a CALLRESULT answers
 */
export type FrameOptions = {
    allErrors?: boolean;
    responseTo?: string | null;
};
