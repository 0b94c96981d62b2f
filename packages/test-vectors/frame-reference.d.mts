/** @param {FrameIssue[]} issues */
export function payloadDescription(issues: FrameIssue[]): string;
/**
 * @param {string | Uint8Array} input
 * @param {{ allErrors?: boolean }} [options]
 * @returns {FrameResult}
 */
export function referenceValidateFrame(input: string | Uint8Array, { allErrors }?: {
    allErrors?: boolean;
}): FrameResult;
export const MAX_UNIQUE_ID_LEN: 36;
export const MAX_REPORTED_ISSUES: 8;
export const UNKNOWN_UNIQUE_ID: "-1";
export const DESCRIPTIONS: Readonly<{
    NOT_JSON: "Frame is not a valid UTF-8 JSON text";
    NOT_ARRAY: "Frame is not a JSON array";
    TYPE_NOT_NUMBER: "Message type id is not a number";
    TYPE_UNSUPPORTED: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)";
    ID_NOT_STRING: "Unique id is not a string";
    ID_TOO_LONG: "Unique id is longer than 36 characters";
    ACTION_NOT_STRING: "Action is not a string";
    WRONG_LENGTH: "A CALL frame has exactly 4 elements";
    NOT_IMPLEMENTED: "Only StopTransaction is implemented";
    PAYLOAD_PREFIX: "Payload is not a valid StopTransaction.req: ";
}>;
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
    callError: FrameCallError | null;
};
