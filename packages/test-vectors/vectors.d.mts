/** @returns {string[]} the payload vector file names (sorted; frame and diagnostics files excluded) */
export function vectorFileNames(): string[];
/** @returns {string[]} every vector file name (sorted) */
export function allVectorFileNames(): string[];
/** @param {string} file @returns {VectorFile} */
export function readVectorFile(file: string): VectorFile;
/** @param {VectorCase | FrameVectorCase | DiagnosticCase} c @returns {string | Uint8Array} */
export function caseInput(c: VectorCase | FrameVectorCase | DiagnosticCase): string | Uint8Array;
/**
 * Every case of every payload vector file, with its decoded input and its message (default filled in).
 * @param {{ message?: string }} [options]  message: only the cases of that message
 * @returns {LoadedCase[]}
 */
export function loadVectors({ message }?: {
    message?: string;
}): LoadedCase[];
/**
 * Every frame case (vectors/frames.json): `expected` is the reference result with allErrors,
 * `expectedFirst` without, both computed with the case's `responseTo` (null when absent).
 * @returns {LoadedFrameCase[]}
 */
export function loadFrameVectors(): LoadedFrameCase[];
/**
 * The cases of vectors/diagnostics.json with defaults filled in (message StopTransaction, tolerate [],
 * allErrors false): validate `data` with those options and compare the whole result to `expect`.
 * @returns {LoadedDiagnosticCase[]}
 */
export function loadDiagnostics(): LoadedDiagnosticCase[];
/**
 * @typedef {{ instancePath: string, keyword: string }} VectorIssue
 * @typedef {{ name: string, message?: string, input?: string, inputBase64?: string, valid: boolean, errors: VectorIssue[] }} VectorCase
 *   message: the OCPP 1.6 message the payload is validated against (absent = StopTransaction)
 * @typedef {{ description: string, cases: VectorCase[] }} VectorFile
 * @typedef {Omit<VectorCase, "message"> & { message: string, file: string, data: string | Uint8Array }} LoadedCase
 *   `message`: the case's message with the default filled in; `data`: the input text, or the raw bytes for inputBase64
 * @typedef {import("./frame-reference.mjs").FrameResult} FrameResult
 * @typedef {{ name: string, responseTo?: string, input?: string, inputBase64?: string, expected: FrameResult, expectedFirst: FrameResult }} FrameVectorCase
 *   responseTo: the request a CALLRESULT answers (pass it as the validator's responseTo); absent = none
 * @typedef {Omit<FrameVectorCase, "responseTo"> & { responseTo: string | null, file: string, data: string | Uint8Array }} LoadedFrameCase
 * @typedef {{ instancePath: string, keyword: string, message: string }} DiagnosticIssue
 * @typedef {DiagnosticIssue & { tolerance: string }} DiagnosticTolerated
 * @typedef {{ instancePath: string, warning: string, message: string }} DiagnosticWarning
 * @typedef {{ valid: boolean, errors: DiagnosticIssue[], tolerated: DiagnosticTolerated[], warnings: DiagnosticWarning[] }} DiagnosticResult
 * @typedef {{ name: string, message?: string, input?: string, inputBase64?: string, tolerate?: string[], allErrors?: boolean, expect: DiagnosticResult }} DiagnosticCase
 * @typedef {Omit<DiagnosticCase, "message" | "tolerate" | "allErrors"> & { message: string, tolerate: string[], allErrors: boolean, data: string | Uint8Array }} LoadedDiagnosticCase
 */
/** The message of a payload case without a `message` field. */
export const DEFAULT_VECTOR_MESSAGE: "StopTransaction";
export const vectorsDir: string;
/** Files whose cases are OCPP-J frames (read with loadFrameVectors), not payloads. */
export const FRAME_VECTOR_FILES: readonly string[];
/** The hand-written file of exact messages, tolerated deviations and warnings (loadDiagnostics). */
export const DIAGNOSTICS_FILE: "diagnostics.json";
export type VectorIssue = {
    instancePath: string;
    keyword: string;
};
/**
 * message: the OCPP 1.6 message the payload is validated against (absent = StopTransaction)
 */
export type VectorCase = {
    name: string;
    message?: string;
    input?: string;
    inputBase64?: string;
    valid: boolean;
    errors: VectorIssue[];
};
export type VectorFile = {
    description: string;
    cases: VectorCase[];
};
/**
 * `message`: the case's message with the default filled in; `data`: the input text, or the raw bytes for inputBase64
 */
export type LoadedCase = Omit<VectorCase, "message"> & {
    message: string;
    file: string;
    data: string | Uint8Array;
};
export type FrameResult = import("./frame-reference.mjs").FrameResult;
/**
 * responseTo: the request a CALLRESULT answers (pass it as the validator's responseTo); absent = none
 */
export type FrameVectorCase = {
    name: string;
    responseTo?: string;
    input?: string;
    inputBase64?: string;
    expected: FrameResult;
    expectedFirst: FrameResult;
};
export type LoadedFrameCase = Omit<FrameVectorCase, "responseTo"> & {
    responseTo: string | null;
    file: string;
    data: string | Uint8Array;
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
    message?: string;
    input?: string;
    inputBase64?: string;
    tolerate?: string[];
    allErrors?: boolean;
    expect: DiagnosticResult;
};
export type LoadedDiagnosticCase = Omit<DiagnosticCase, "message" | "tolerate" | "allErrors"> & {
    message: string;
    tolerate: string[];
    allErrors: boolean;
    data: string | Uint8Array;
};
