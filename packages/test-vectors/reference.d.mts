/**
 * The exact ajv configuration of the reference.
 * @param {{ allErrors?: boolean }} [options]
 * @returns {import("ajv").default}
 */
export function createAjv({ allErrors }?: {
    allErrors?: boolean;
}): import("ajv").default;
/**
 * A compiled ajv validate function with the reference configuration.
 * @param {{ allErrors?: boolean }} [options]
 */
export function compileReference({ allErrors }?: {
    allErrors?: boolean;
}): Ajv04.ValidateFunction<unknown>;
/**
 * Validate an already-parsed value.
 * @param {unknown} value
 * @param {{ allErrors?: boolean }} [options]
 * @returns {ReferenceResult}
 */
export function referenceValidateValue(value: unknown, { allErrors }?: {
    allErrors?: boolean;
}): ReferenceResult;
/**
 * Decode and parse JSON text the way the reference does.
 * @param {string | Uint8Array} input
 * @returns {{ ok: true, value: unknown } | { ok: false, message: string }}
 */
export function referenceParse(input: string | Uint8Array): {
    ok: true;
    value: unknown;
} | {
    ok: false;
    message: string;
};
/**
 * The reference verdict for JSON text (string) or raw bytes (Uint8Array).
 * @param {string | Uint8Array} input
 * @param {{ allErrors?: boolean }} [options]  allErrors defaults to true
 * @returns {ReferenceResult}
 */
export function referenceValidate(input: string | Uint8Array, { allErrors }?: {
    allErrors?: boolean;
}): ReferenceResult;
/**
 * Compare two issues by (instancePath, keyword), code-unit order (the order vectors use).
 * @param {{instancePath: string, keyword: string}} a
 * @param {{instancePath: string, keyword: string}} b
 */
export function compareIssues(a: {
    instancePath: string;
    keyword: string;
}, b: {
    instancePath: string;
    keyword: string;
}): 1 | -1 | 0;
/**
 * The sorted (instancePath, keyword) multiset of a list of issues (the vectors' `errors` format).
 * @param {ReadonlyArray<{instancePath: string, keyword: string}>} issues
 * @returns {{instancePath: string, keyword: string}[]}
 */
/**
 * The OCPP-J 1.6 CallError code of each keyword, as the contract states it (the spec's spelling,
 * "Occurence"): what every backend's `ocppErrorCode` is checked against.
 */
export const OCPP_ERROR_CODE: Readonly<Record<string, "FormationViolation" | "PropertyConstraintViolation" | "OccurenceConstraintViolation" | "TypeConstraintViolation">>;
export function issueMultiset(issues: ReadonlyArray<{
    instancePath: string;
    keyword: string;
}>): {
    instancePath: string;
    keyword: string;
}[];
/** Absolute path of the StopTransaction.req JSON schema. */
export const schemaPath: string;
/** The parsed schema (fresh copy per import; do not mutate). */
export const schema: any;
export type ReferenceIssue = {
    instancePath: string;
    keyword: string;
    message: string;
};
export type ReferenceResult = {
    valid: boolean;
    errors: ReferenceIssue[];
};
import Ajv04 from "ajv-draft-04";
