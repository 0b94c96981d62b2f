/**
 * `Payload is not a valid <action>.req: <issue>; <issue>…[; and N more]` (at most 8 issues listed;
 * 2.x: `<Action>Request`, see payloadPrefix).
 * @param {FrameIssue[]} issues
 * @param {string} [action]  defaults to StopTransaction (1.6) / TransactionEvent (2.x)
 * @param {Protocol} [protocol]
 */
export function payloadDescription(issues: FrameIssue[], action?: string, protocol?: Protocol): string;
/**
 * @param {string | Uint8Array} input  a whole WebSocket message
 * @param {FrameOptions} [options]  allErrors defaults to true; responseTo (an action of the protocol)
 *   validates a CALLRESULT's payload against `<responseTo>Response`; unknown names throw a TypeError;
 *   protocol defaults to "ocpp1.6"
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input: string | Uint8Array, { allErrors, responseTo, protocol }?: FrameOptions): FrameResult;
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
export function actionsFor(protocol?: Protocol): readonly string[];
export function stationActionsFor(protocol?: Protocol): readonly string[];
export function csmsActionsFor(protocol?: Protocol): readonly string[];
export function requestMessageFor(action: string, protocol?: Protocol): string | null;
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
/** The description texts of each protocol (1.6's are DESCRIPTIONS). */
export const PROTOCOL_DESCRIPTIONS: Readonly<{
    "ocpp1.6": Readonly<{
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
    "ocpp2.0.1": Readonly<{
        TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)" | "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)";
        CALLRESULTERROR_WRONG_LENGTH: "A CALLRESULTERROR frame has exactly 5 elements";
        SEND_WRONG_LENGTH: "A SEND frame has exactly 4 elements";
        NOT_IMPLEMENTED: `Action is not an OCPP ${string} action`;
        NOT_SUPPORTED_SUFFIX: " is sent by a CSMS, not to it";
        PAYLOAD_PREFIX: "Payload is not a valid TransactionEventRequest: ";
        NOT_JSON: "Frame is not a valid UTF-8 JSON text";
        NOT_ARRAY: "Frame is not a JSON array";
        TYPE_NOT_NUMBER: "Message type id is not a number";
        ID_NOT_STRING: "Unique id is not a string";
        ID_TOO_LONG: "Unique id is longer than 36 characters";
        ACTION_NOT_STRING: "Action is not a string";
        WRONG_LENGTH: "A CALL frame has exactly 4 elements";
        CALLRESULT_WRONG_LENGTH: "A CALLRESULT frame has exactly 3 elements";
        CALLERROR_WRONG_LENGTH: "A CALLERROR frame has exactly 5 elements";
        ERROR_CODE_NOT_STRING: "Error code is not a string";
        ERROR_DESCRIPTION_NOT_STRING: "Error description is not a string";
        ERROR_DETAILS_NOT_OBJECT: "Error details is not an object";
    }>;
    "ocpp2.1": Readonly<{
        TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)" | "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)";
        CALLRESULTERROR_WRONG_LENGTH: "A CALLRESULTERROR frame has exactly 5 elements";
        SEND_WRONG_LENGTH: "A SEND frame has exactly 4 elements";
        NOT_IMPLEMENTED: `Action is not an OCPP ${string} action`;
        NOT_SUPPORTED_SUFFIX: " is sent by a CSMS, not to it";
        PAYLOAD_PREFIX: "Payload is not a valid TransactionEventRequest: ";
        NOT_JSON: "Frame is not a valid UTF-8 JSON text";
        NOT_ARRAY: "Frame is not a JSON array";
        TYPE_NOT_NUMBER: "Message type id is not a number";
        ID_NOT_STRING: "Unique id is not a string";
        ID_TOO_LONG: "Unique id is longer than 36 characters";
        ACTION_NOT_STRING: "Action is not a string";
        WRONG_LENGTH: "A CALL frame has exactly 4 elements";
        CALLRESULT_WRONG_LENGTH: "A CALLRESULT frame has exactly 3 elements";
        CALLERROR_WRONG_LENGTH: "A CALLERROR frame has exactly 5 elements";
        ERROR_CODE_NOT_STRING: "Error code is not a string";
        ERROR_DESCRIPTION_NOT_STRING: "Error description is not a string";
        ERROR_DETAILS_NOT_OBJECT: "Error details is not an object";
    }>;
}>;
/**
 * The CallError codes of frame-level faults per protocol: 2.0.1's RPC framework codes replace
 * 1.6's ProtocolError / FormationViolation.
 * @type {Readonly<Record<Protocol, { notJson: string, envelope: string, typeUnsupported: string }>>}
 */
export const FRAME_ERROR_CODES: Readonly<Record<Protocol, {
    notJson: string;
    envelope: string;
    typeUnsupported: string;
}>>;
export function payloadPrefix(action: string, protocol?: Protocol): string;
export function notSupportedDescription(action: string, protocol?: Protocol): string;
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
    kind: "call" | "callresult" | "callerror" | "callresulterror" | "send" | "invalid";
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
 * responseTo: the action (one of actionsFor(protocol)) of the pending CALL a CALLRESULT answers;
 * protocol: default "ocpp1.6"
 */
export type FrameOptions = {
    allErrors?: boolean;
    responseTo?: string | null;
    protocol?: Protocol;
};
export type Protocol = import("./reference.mjs").Protocol;
