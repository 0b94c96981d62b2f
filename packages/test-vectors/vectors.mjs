// @ts-check
/**
 * Loader for the shared test vectors (vectors/*.json), for the TS test suites of every backend.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
export const DEFAULT_VECTOR_MESSAGE = "StopTransaction";

export const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), "vectors");

/** Files whose cases are OCPP-J frames (read with loadFrameVectors), not payloads. */
export const FRAME_VECTOR_FILES = Object.freeze(["frames.json"]);

/** The hand-written file of exact messages, tolerated deviations and warnings (loadDiagnostics). */
export const DIAGNOSTICS_FILE = "diagnostics.json";

/** @returns {string[]} the payload vector file names (sorted; frame and diagnostics files excluded) */
export function vectorFileNames() {
  return allVectorFileNames().filter((f) => !FRAME_VECTOR_FILES.includes(f) && f !== DIAGNOSTICS_FILE);
}

/** @returns {string[]} every vector file name (sorted) */
export function allVectorFileNames() {
  return readdirSync(vectorsDir).filter((f) => f.endsWith(".json")).sort();
}

/** @param {string} file @returns {VectorFile} */
export function readVectorFile(file) {
  return JSON.parse(readFileSync(join(vectorsDir, file), "utf8"));
}

/** @param {VectorCase | FrameVectorCase | DiagnosticCase} c @returns {string | Uint8Array} */
export function caseInput(c) {
  if (c.inputBase64 !== undefined) return new Uint8Array(Buffer.from(c.inputBase64, "base64"));
  if (c.input === undefined) throw new Error(`vector case '${c.name}' has neither input nor inputBase64`);
  return c.input;
}

/**
 * Every case of every payload vector file, with its decoded input and its message (default filled in).
 * @param {{ message?: string }} [options]  message: only the cases of that message
 * @returns {LoadedCase[]}
 */
export function loadVectors({ message } = {}) {
  /** @type {LoadedCase[]} */
  const all = [];
  for (const file of vectorFileNames()) {
    for (const c of readVectorFile(file).cases) {
      const m = c.message ?? DEFAULT_VECTOR_MESSAGE;
      if (message === undefined || m === message) all.push({ ...c, message: m, file, data: caseInput(c) });
    }
  }
  return all;
}

/**
 * Every frame case (vectors/frames.json): `expected` is the reference result with allErrors,
 * `expectedFirst` without, both computed with the case's `responseTo` (null when absent).
 * @returns {LoadedFrameCase[]}
 */
export function loadFrameVectors() {
  /** @type {LoadedFrameCase[]} */
  const all = [];
  for (const file of FRAME_VECTOR_FILES) {
    const { cases } = /** @type {{ cases: FrameVectorCase[] }} */ (JSON.parse(readFileSync(join(vectorsDir, file), "utf8")));
    for (const c of cases) all.push({ ...c, responseTo: c.responseTo ?? null, file, data: caseInput(c) });
  }
  return all;
}

/**
 * The cases of vectors/diagnostics.json with defaults filled in (message StopTransaction, tolerate [],
 * allErrors false): validate `data` with those options and compare the whole result to `expect`.
 * @returns {LoadedDiagnosticCase[]}
 */
export function loadDiagnostics() {
  const { cases } = /** @type {{ cases: DiagnosticCase[] }} */ (JSON.parse(readFileSync(join(vectorsDir, DIAGNOSTICS_FILE), "utf8")));
  return cases.map((c) => ({
    ...c,
    message: c.message ?? DEFAULT_VECTOR_MESSAGE,
    tolerate: c.tolerate ?? [],
    allErrors: c.allErrors ?? false,
    data: caseInput(c),
  }));
}
