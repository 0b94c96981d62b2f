/** @returns {string[]} the payload vector file names (sorted; frame files excluded) */
export function vectorFileNames(): string[];
/** @returns {string[]} every vector file name (sorted) */
export function allVectorFileNames(): string[];
/** @param {string} file @returns {VectorFile} */
export function readVectorFile(file: string): VectorFile;
/** @param {VectorCase | FrameVectorCase} c @returns {string | Uint8Array} */
export function caseInput(c: VectorCase | FrameVectorCase): string | Uint8Array;
/**
 * Every case of every vector file, with its decoded input.
 * @returns {LoadedCase[]}
 */
export function loadVectors(): LoadedCase[];
/**
 * Every frame case (vectors/frames.json): `expected` is the reference result with allErrors,
 * `expectedFirst` without.
 * @returns {LoadedFrameCase[]}
 */
export function loadFrameVectors(): LoadedFrameCase[];
/**
 * @typedef {{ instancePath: string, keyword: string }} VectorIssue
 * @typedef {{ name: string, input?: string, inputBase64?: string, valid: boolean, errors: VectorIssue[] }} VectorCase
 * @typedef {{ description: string, cases: VectorCase[] }} VectorFile
 * @typedef {VectorCase & { file: string, data: string | Uint8Array }} LoadedCase  `data`: the input text, or the raw bytes for inputBase64
 * @typedef {import("./frame-reference.mjs").FrameResult} FrameResult
 * @typedef {{ name: string, input?: string, inputBase64?: string, expected: FrameResult, expectedFirst: FrameResult }} FrameVectorCase
 * @typedef {FrameVectorCase & { file: string, data: string | Uint8Array }} LoadedFrameCase
 */
export const vectorsDir: string;
/** Files whose cases are OCPP-J frames (read with loadFrameVectors), not payloads. */
export const FRAME_VECTOR_FILES: readonly string[];
export type VectorIssue = {
    instancePath: string;
    keyword: string;
};
export type VectorCase = {
    name: string;
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
 * `data`: the input text, or the raw bytes for inputBase64
 */
export type LoadedCase = VectorCase & {
    file: string;
    data: string | Uint8Array;
};
export type FrameResult = import("./frame-reference.mjs").FrameResult;
export type FrameVectorCase = {
    name: string;
    input?: string;
    inputBase64?: string;
    expected: FrameResult;
    expectedFirst: FrameResult;
};
export type LoadedFrameCase = FrameVectorCase & {
    file: string;
    data: string | Uint8Array;
};
