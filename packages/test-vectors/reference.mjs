// @ts-check
/**
 * THE reference that defines "valid" for ocpp-validate:
 *   bytes --(UTF-8, fatal, BOM kept)--> text --JSON.parse--> value --ajv-draft-04 + ajv-formats 3 (full)--> verdict
 * against crates/core/schemas/ocpp1.6/StopTransaction.json (the single source of truth).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";

/** @typedef {{ instancePath: string, keyword: string, message: string }} ReferenceIssue */
/** @typedef {{ valid: boolean, errors: ReferenceIssue[] }} ReferenceResult */

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the StopTransaction.req JSON schema. */
export const schemaPath = resolve(here, "../../crates/core/schemas/ocpp1.6/StopTransaction.json");

/** The parsed schema (fresh copy per import; do not mutate). */
export const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

/**
 * The exact ajv configuration of the reference.
 * @param {{ allErrors?: boolean }} [options]
 * @returns {import("ajv").default}
 */
export function createAjv({ allErrors = false } = {}) {
  // ajv-draft-04 and ajv-formats are CJS with `default` export interop.
  const AjvCtor = /** @type {any} */ (Ajv04).default ?? Ajv04;
  const add = /** @type {any} */ (addFormats).default ?? addFormats;
  const ajv = new AjvCtor({ strict: false, strictNumbers: true, allErrors });
  add(ajv, { mode: "full" });
  return ajv;
}

/**
 * A compiled ajv validate function with the reference configuration.
 * @param {{ allErrors?: boolean }} [options]
 */
export function compileReference({ allErrors = false } = {}) {
  return createAjv({ allErrors }).compile(schema);
}

const validateAll = compileReference({ allErrors: true });
const validateFirst = compileReference({ allErrors: false });

/**
 * Validate an already-parsed value.
 * @param {unknown} value
 * @param {{ allErrors?: boolean }} [options]
 * @returns {ReferenceResult}
 */
export function referenceValidateValue(value, { allErrors = true } = {}) {
  const fn = allErrors ? validateAll : validateFirst;
  if (fn(value)) return { valid: true, errors: [] };
  const errors = (fn.errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    message: e.message ?? "",
  }));
  return { valid: false, errors };
}

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decode and parse JSON text the way the reference does.
 * @param {string | Uint8Array} input
 * @returns {{ ok: true, value: unknown } | { ok: false, message: string }}
 */
export function referenceParse(input) {
  let text;
  if (typeof input === "string") {
    text = input;
  } else {
    try {
      text = decoder.decode(input);
    } catch {
      return { ok: false, message: "invalid UTF-8" };
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: /** @type {Error} */ (e).message };
  }
}

/**
 * The reference verdict for JSON text (string) or raw bytes (Uint8Array).
 * @param {string | Uint8Array} input
 * @param {{ allErrors?: boolean }} [options]  allErrors defaults to true
 * @returns {ReferenceResult}
 */
export function referenceValidate(input, { allErrors = true } = {}) {
  const parsed = referenceParse(input);
  if (parsed.ok === false) {
    return { valid: false, errors: [{ instancePath: "", keyword: "parse", message: parsed.message }] };
  }
  return referenceValidateValue(parsed.value, { allErrors });
}

/**
 * Compare two issues by (instancePath, keyword), code-unit order (the order vectors use).
 * @param {{instancePath: string, keyword: string}} a
 * @param {{instancePath: string, keyword: string}} b
 */
export function compareIssues(a, b) {
  if (a.instancePath !== b.instancePath) return a.instancePath < b.instancePath ? -1 : 1;
  if (a.keyword !== b.keyword) return a.keyword < b.keyword ? -1 : 1;
  return 0;
}

/**
 * The OCPP-J 1.6 CallError code of each keyword, as the contract states it (the spec's spelling,
 * "Occurence"): what every backend's `ocppErrorCode` is checked against.
 * @type {Readonly<Record<string, "FormationViolation" | "PropertyConstraintViolation" | "OccurenceConstraintViolation" | "TypeConstraintViolation">>}
 */
export const OCPP_ERROR_CODE = Object.freeze({
  parse: "FormationViolation",
  additionalProperties: "FormationViolation",
  type: "TypeConstraintViolation",
  required: "OccurenceConstraintViolation",
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
});

/**
 * The sorted (instancePath, keyword) multiset of a list of issues (the vectors' `errors` format).
 * @param {ReadonlyArray<{instancePath: string, keyword: string}>} issues
 * @returns {{instancePath: string, keyword: string}[]}
 */
export function issueMultiset(issues) {
  return issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword })).sort(compareIssues);
}
