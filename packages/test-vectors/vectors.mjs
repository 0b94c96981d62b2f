// @ts-check
/**
 * Loader for the shared test vectors (vectors/*.json), for the TS test suites of every backend.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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
export const DEFAULT_VECTOR_MESSAGE = "StopTransaction";

/** The protocol of a case without a `protocol` field. @type {Protocol} */
export const DEFAULT_VECTOR_PROTOCOL = "ocpp1.6";

/** The message of a case without a `message` field, per protocol (2.x cases always have one). @type {Readonly<Record<Protocol, string>>} */
const DEFAULT_MESSAGES = Object.freeze({ "ocpp1.6": DEFAULT_VECTOR_MESSAGE, "ocpp2.0.1": "TransactionEventRequest", "ocpp2.1": "TransactionEventRequest" });

export const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), "vectors");

/** Files whose cases are OCPP-J frames (read with loadFrameVectors), not payloads. */
export const FRAME_VECTOR_FILES = Object.freeze(["frames.json", "frames-2.x.json"]);

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
 * Every case of every payload vector file (1.6's and vectors/ocpp2.0.1.json, vectors/ocpp2.1.json),
 * with its decoded input, protocol and message (defaults filled in). Validate each with the case's
 * protocol: a 2.x message name means nothing to a 1.6 validator.
 * @param {{ message?: string } & ProtocolFilter} [options]  message: only the cases of that message
 *   (within `protocol` when given: names repeat across protocols)
 * @returns {LoadedCase[]}
 */
export function loadVectors({ message, protocol } = {}) {
  /** @type {LoadedCase[]} */
  const all = [];
  for (const file of vectorFileNames()) {
    for (const c of readVectorFile(file).cases) {
      const p = c.protocol ?? DEFAULT_VECTOR_PROTOCOL;
      if (protocol !== undefined && p !== protocol) continue;
      const m = c.message ?? DEFAULT_MESSAGES[p];
      if (message === undefined || m === message) all.push({ ...c, protocol: p, message: m, file, data: caseInput(c) });
    }
  }
  return all;
}

/**
 * Every frame case (vectors/frames.json for 1.6, vectors/frames-2.x.json for 2.0.1 and 2.1):
 * `expected` is the reference result with allErrors, `expectedFirst` without, both computed with
 * the case's protocol and `responseTo` (null when absent).
 * @param {ProtocolFilter} [options]
 * @returns {LoadedFrameCase[]}
 */
export function loadFrameVectors({ protocol } = {}) {
  /** @type {LoadedFrameCase[]} */
  const all = [];
  for (const file of FRAME_VECTOR_FILES) {
    const { cases } = /** @type {{ cases: FrameVectorCase[] }} */ (JSON.parse(readFileSync(join(vectorsDir, file), "utf8")));
    for (const c of cases) {
      const p = c.protocol ?? DEFAULT_VECTOR_PROTOCOL;
      if (protocol === undefined || p === protocol) all.push({ ...c, protocol: p, responseTo: c.responseTo ?? null, file, data: caseInput(c) });
    }
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
    protocol: c.protocol ?? DEFAULT_VECTOR_PROTOCOL,
    message: c.message ?? DEFAULT_MESSAGES[c.protocol ?? DEFAULT_VECTOR_PROTOCOL],
    tolerate: c.tolerate ?? [],
    allErrors: c.allErrors ?? false,
    data: caseInput(c),
  }));
}
