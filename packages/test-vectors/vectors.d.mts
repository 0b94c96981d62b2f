/** @returns {string[]} the payload vector file names (sorted; frame and diagnostics files excluded) */
export function vectorFileNames(): string[];
/** @returns {string[]} every vector file name (sorted) */
export function allVectorFileNames(): string[];
/** @param {string} file @returns {VectorFile} */
export function readVectorFile(file: string): VectorFile;
/** @param {VectorCase | FrameVectorCase | DiagnosticCase} c @returns {string | Uint8Array} */
export function caseInput(c: VectorCase | FrameVectorCase | DiagnosticCase): string | Uint8Array;
/**
 * Every case of every payload vector file (1.6's and vectors/ocpp2.0.1.json, vectors/ocpp2.1.json),
 * with its decoded input, protocol and message (defaults filled in). Validate each with the case's
 * protocol: a 2.x message name means nothing to a 1.6 validator.
 * @param {{ message?: string } & ProtocolFilter} [options]  message: only the cases of that message
 *   (within `protocol` when given: names repeat across protocols)
 * @returns {LoadedCase[]}
 */
export function loadVectors({ message, protocol }?: {
    message?: string;
} & ProtocolFilter): LoadedCase[];
/**
 * Every frame case (vectors/frames.json for 1.6, vectors/frames-2.x.json for 2.0.1 and 2.1):
 * `expected` is the reference result with allErrors, `expectedFirst` without, both computed with
 * the case's protocol and `responseTo` (null when absent).
 * @param {ProtocolFilter} [options]
 * @returns {LoadedFrameCase[]}
 */
export function loadFrameVectors({ protocol }?: ProtocolFilter): LoadedFrameCase[];
/**
 * The cases of vectors/diagnostics.json with defaults filled in (message StopTransaction, tolerate [],
 * allErrors false): validate `data` with those options and compare the whole result to `expect`.
 * @returns {LoadedDiagnosticCase[]}
 */
export function loadDiagnostics(): LoadedDiagnosticCase[];
/**
 * @typedef {"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1"} Protocol
 * @typedef {{ instancePath: string, keyword: string }} VectorIssue
 * @typedef {{ instancePath: string, warning: string }} VectorWarning
 * @typedef {{ name: string, protocol?: Protocol, message?: string, input?: string, inputBase64?: string, valid: boolean, errors: VectorIssue[], first: VectorIssue | null, warnings: VectorWarning[] }} VectorCase
 *   protocol: absent = "ocpp1.6"; message: the message (of that protocol) the payload is validated
 *   against (absent = StopTransaction; 2.x cases always name it); first: the one issue without allErrors
 * @typedef {{ description: string, cases: VectorCase[] }} VectorFile
 * @typedef {Omit<VectorCase, "message" | "protocol"> & { protocol: Protocol, message: string, file: string, data: string | Uint8Array }} LoadedCase
 *   `protocol` and `message`: the case's, defaults filled in; `data`: the input text, or the raw bytes for inputBase64
 * @typedef {import("./frame-reference.mjs").FrameResult} FrameResult
 * @typedef {{ name: string, protocol?: Protocol, responseTo?: string, input?: string, inputBase64?: string, expected: FrameResult, expectedFirst: FrameResult }} FrameVectorCase
 *   protocol: absent = "ocpp1.6" (every frames-2.x.json case has it); responseTo: the ACTION whose
 *   CALL a CALLRESULT answers (pass it as the validator's responseTo; `<responseTo>Response` applies); absent = none
 * @typedef {Omit<FrameVectorCase, "responseTo" | "protocol"> & { protocol: Protocol, responseTo: string | null, file: string, data: string | Uint8Array }} LoadedFrameCase
 * @typedef {{ protocol?: Protocol }} ProtocolFilter  only the cases of that protocol (absent: every protocol)
 * @typedef {{ instancePath: string, keyword: string, message: string }} DiagnosticIssue
 * @typedef {DiagnosticIssue & { tolerance: string }} DiagnosticTolerated
 * @typedef {{ instancePath: string, warning: string, message: string }} DiagnosticWarning
 * @typedef {{ valid: boolean, errors: DiagnosticIssue[], tolerated: DiagnosticTolerated[], warnings: DiagnosticWarning[] }} DiagnosticResult
 * @typedef {{ name: string, protocol?: Protocol, message?: string, input?: string, inputBase64?: string, tolerate?: string[], allErrors?: boolean, expect: DiagnosticResult }} DiagnosticCase
 * @typedef {Omit<DiagnosticCase, "protocol" | "message" | "tolerate" | "allErrors"> & { protocol: Protocol, message: string, tolerate: string[], allErrors: boolean, data: string | Uint8Array }} LoadedDiagnosticCase
 */
/** The message of a payload case without a `message` field. */
export const DEFAULT_VECTOR_MESSAGE: "StopTransaction";
/** The protocol of a case without a `protocol` field. @type {Protocol} */
export const DEFAULT_VECTOR_PROTOCOL: Protocol;
export const vectorsDir: string;
/** Files whose cases are OCPP-J frames (read with loadFrameVectors), not payloads. */
export const FRAME_VECTOR_FILES: readonly string[];
/** The hand-written file of exact messages, tolerated deviations and warnings (loadDiagnostics). */
export const DIAGNOSTICS_FILE: "diagnostics.json";
export type Protocol = "ocpp1.6" | "ocpp2.0.1" | "ocpp2.1";
export type VectorIssue = {
    instancePath: string;
    keyword: string;
};
export type VectorWarning = {
    instancePath: string;
    warning: string;
};
/**
 * protocol: absent = "ocpp1.6"; message: the message (of that protocol) the payload is validated
 * against (absent = StopTransaction; 2.x cases always name it); first: the one issue without allErrors
 */
export type VectorCase = {
    name: string;
    protocol?: Protocol;
    message?: string;
    input?: string;
    inputBase64?: string;
    valid: boolean;
    errors: VectorIssue[];
    first: VectorIssue | null;
    warnings: VectorWarning[];
};
export type VectorFile = {
    description: string;
    cases: VectorCase[];
};
/**
 * `protocol` and `message`: the case's, defaults filled in; `data`: the input text, or the raw bytes for inputBase64
 */
export type LoadedCase = Omit<VectorCase, "message" | "protocol"> & {
    protocol: Protocol;
    message: string;
    file: string;
    data: string | Uint8Array;
};
export type FrameResult = import("./frame-reference.mjs").FrameResult;
/**
 * protocol: absent = "ocpp1.6" (every frames-2.x.json case has it); responseTo: the ACTION whose
 * CALL a CALLRESULT answers (pass it as the validator's responseTo; `<responseTo>Response` applies); absent = none
 */
export type FrameVectorCase = {
    name: string;
    protocol?: Protocol;
    responseTo?: string;
    input?: string;
    inputBase64?: string;
    expected: FrameResult;
    expectedFirst: FrameResult;
};
export type LoadedFrameCase = Omit<FrameVectorCase, "responseTo" | "protocol"> & {
    protocol: Protocol;
    responseTo: string | null;
    file: string;
    data: string | Uint8Array;
};
/**
 * only the cases of that protocol (absent: every protocol)
 */
export type ProtocolFilter = {
    protocol?: Protocol;
};
export type DiagnosticIssue = {
    instancePath: string;
    keyword: string;
    message: string;
};
export type DiagnosticTolerated = DiagnosticIssue & {
    tolerance: string;
};
export type DiagnosticWarning = {
    instancePath: string;
    warning: string;
    message: string;
};
export type DiagnosticResult = {
    valid: boolean;
    errors: DiagnosticIssue[];
    tolerated: DiagnosticTolerated[];
    warnings: DiagnosticWarning[];
};
export type DiagnosticCase = {
    name: string;
    protocol?: Protocol;
    message?: string;
    input?: string;
    inputBase64?: string;
    tolerate?: string[];
    allErrors?: boolean;
    expect: DiagnosticResult;
};
export type LoadedDiagnosticCase = Omit<DiagnosticCase, "protocol" | "message" | "tolerate" | "allErrors"> & {
    protocol: Protocol;
    message: string;
    tolerate: string[];
    allErrors: boolean;
    data: string | Uint8Array;
};
