/** @returns {string[]} the vector file names (sorted) */
export function vectorFileNames(): string[];
/** @param {string} file @returns {VectorFile} */
export function readVectorFile(file: string): VectorFile;
/** @param {VectorCase} c @returns {string | Uint8Array} */
export function caseInput(c: VectorCase): string | Uint8Array;
/**
 * Every case of every vector file, with its decoded input.
 * @returns {LoadedCase[]}
 */
export function loadVectors(): LoadedCase[];
/**
 * @typedef {{ instancePath: string, keyword: string }} VectorIssue
 * @typedef {{ name: string, input?: string, inputBase64?: string, valid: boolean, errors: VectorIssue[] }} VectorCase
 * @typedef {{ description: string, cases: VectorCase[] }} VectorFile
 * @typedef {VectorCase & { file: string, data: string | Uint8Array }} LoadedCase  `data`: the input text, or the raw bytes for inputBase64
 */
export const vectorsDir: string;
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
