/**
 * The protocol, or a TypeError naming it and listing the known ones.
 * @param {unknown} protocol
 * @returns {Protocol}
 */
export function checkProtocol(protocol: unknown): Protocol;
/**
 * Throws a TypeError naming `message` and listing the protocol's names unless it is one of them.
 * @param {unknown} message
 * @param {Protocol} [protocol]
 * @returns {string}
 */
export function checkMessageName(message: unknown, protocol?: Protocol): string;
/**
 * Absolute path of the JSON schema of `message`.
 * @param {string} [message]
 * @param {Protocol} [protocol]
 */
export function schemaPathFor(message?: string, protocol?: Protocol): string;
/**
 * The parsed JSON schema of `message` (cached and deep-frozen: read it, do not mutate it), as the
 * file has it (2.x: `$ref`s unresolved).
 * @param {string} [message]
 * @param {Protocol} [protocol]
 * @returns {any}
 */
export function schemaFor(message?: string, protocol?: Protocol): any;
/**
 * The exact decimal value of a JS number's shortest form (`String(x)`, e.g. "0.3", "1e+21", "1e-7",
 * "1.5e+300"): `{ digits, exp }` with |x| = digits × 10^exp. Null for NaN / ±Infinity.
 * @param {number} x
 * @returns {{ digits: bigint, exp: number } | null}
 */
export function decimalOf(x: number): {
    digits: bigint;
    exp: number;
} | null;
/**
 * The reference's `multipleOf`: x is a multiple of m when the shortest decimal form of x is an exact
 * decimal multiple of the shortest decimal form of m (0.3 is a multiple of 0.1; 0.30000000000000004,
 * 1e-7 and 5e-324 are not; 1e21 is). m must be a finite number > 0; a non-finite x is never a multiple.
 * @param {number} x
 * @param {number} m
 */
export function isDecimalMultiple(x: number, m: number): boolean;
/**
 * The exact ajv configuration of the reference (a fresh instance): `strict: false, strictNumbers: true`,
 * ajv-formats 3 in full mode, and the decimal `multipleOf`; ajv-draft-04 for OCPP 1.6 (default), ajv 8's
 * `Ajv` with the draft-06 meta-schema for 2.x.
 * @param {{ allErrors?: boolean, protocol?: Protocol }} [options]
 * @returns {import("ajv").default}
 */
export function createAjv({ allErrors, protocol }?: {
    allErrors?: boolean;
    protocol?: Protocol;
}): import("ajv").default;
/**
 * Stock ajv with the same options but ajv's own floating-point `multipleOf` (for comparisons only;
 * NOT the reference).
 * @param {{ allErrors?: boolean, protocol?: Protocol }} [options]
 * @returns {import("ajv").default}
 */
export function createStockAjv({ allErrors, protocol }?: {
    allErrors?: boolean;
    protocol?: Protocol;
}): import("ajv").default;
/**
 * A compiled ajv validate function with the reference configuration (a fresh ajv instance).
 * @param {ReferenceOptions} [options]
 */
export function compileReference({ allErrors, message, protocol }?: ReferenceOptions): Ajv.ValidateFunction<unknown>;
/**
 * The reference's compiled validate function for `message` (shared; compiled once per mode).
 * @param {ReferenceOptions} [options]
 * @returns {import("ajv").ValidateFunction}
 */
export function referenceValidatorFor({ message, allErrors, protocol }?: ReferenceOptions): import("ajv").ValidateFunction;
/**
 * Validate an already-parsed value against `message` (default: the protocol's default message).
 * @param {unknown} value
 * @param {ReferenceOptions} [options]  allErrors defaults to true
 * @returns {ReferenceResult}
 */
export function referenceValidateValue(value: unknown, { message, allErrors, tolerate, protocol }?: ReferenceOptions): ReferenceResult;
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
 * The reference verdict for JSON text (string) or raw bytes (Uint8Array) against `message`.
 * @param {string | Uint8Array} input
 * @param {ReferenceOptions} [options]  protocol defaults to ocpp1.6, message to the protocol's default
 *   (StopTransaction / TransactionEventRequest), allErrors to true
 * @returns {ReferenceResult}
 */
export function referenceValidate(input: string | Uint8Array, { message, allErrors, tolerate, protocol }?: ReferenceOptions): ReferenceResult;
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
}): 0 | 1 | -1;
/**
 * The `ocppErrorCode` of an issue of `keyword` in `protocol` (a TypeError for a keyword outside the table).
 * @param {string} keyword
 * @param {Protocol} [protocol]
 * @returns {string}
 */
export function ocppErrorCode(keyword: string, protocol?: Protocol): string;
/**
 * The sorted (instancePath, keyword) multiset of a list of issues (the vectors' `errors` format).
 * @param {ReadonlyArray<{instancePath: string, keyword: string}>} issues
 * @returns {{instancePath: string, keyword: string}[]}
 */
export function issueMultiset(issues: ReadonlyArray<{
    instancePath: string;
    keyword: string;
}>): {
    instancePath: string;
    keyword: string;
}[];
/** Absolute path of the folder holding the 56 OCPP 1.6 JSON schemas. */
export const schemaDir: string;
/** The protocols, in protocol-index order. @type {readonly Protocol[]} */
export const PROTOCOLS: readonly Protocol[];
/** @type {Protocol} */
export const DEFAULT_PROTOCOL: Protocol;
export function schemaDirOf(protocol?: Protocol): string;
/** The message validated when no `message` option is given (OCPP 1.6). */
export const DEFAULT_MESSAGE: "StopTransaction";
/** The message validated when no `message` option is given, per protocol. @type {Readonly<Record<Protocol, string>>} */
export const DEFAULT_MESSAGES: Readonly<Record<Protocol, string>>;
/** Every message name (schema file stem) per protocol, sorted in plain code-unit order. @type {Readonly<Record<Protocol, readonly string[]>>} */
export const PROTOCOL_MESSAGE_NAMES: Readonly<Record<Protocol, readonly string[]>>;
/**
 * Every OCPP 1.6 message name (schema file stem), sorted in plain code-unit order (`[...].sort()`).
 * @type {readonly string[]}
 */
export const MESSAGE_NAMES: readonly string[];
/** The 28 request names (messages whose name does not end in `Response`), sorted. */
export const REQUEST_NAMES: readonly string[];
/** Absolute path of the StopTransaction.req JSON schema (the default message). */
export const schemaPath: string;
/** The parsed StopTransaction.req schema (the default message; frozen, do not mutate). */
export const schema: any;
/**
 * ajv keyword definition replacing the built-in `multipleOf`: same name, type (`number`: only numbers
 * reach it; with strictNumbers only finite ones), schema type and error (`must be multiple of <m>`,
 * params `{multipleOf: m}`), decided by isDecimalMultiple.
 * @type {import("ajv").CodeKeywordDefinition}
 */
export const decimalMultipleOfKeyword: import("ajv").CodeKeywordDefinition;
/** The tolerance names in bit order (SEMANTICS.md, Tolerances). */
export const TOLERANCES: readonly string[];
/**
 * The OCPP-J 1.6 CallError code of each keyword, as the contract states it (the spec's spelling,
 * "Occurence"): what every backend's `ocppErrorCode` is checked against. `multipleOf` is a value
 * constraint like `enum`/`maxLength`/`format`: PropertyConstraintViolation. The 2.x keywords are
 * listed too (no 1.6 schema uses them): bounds are value constraints, item counts occurrences.
 * @type {Readonly<Record<string, "FormationViolation" | "PropertyConstraintViolation" | "OccurenceConstraintViolation" | "TypeConstraintViolation">>}
 */
export const OCPP_ERROR_CODE: Readonly<Record<string, "FormationViolation" | "PropertyConstraintViolation" | "OccurenceConstraintViolation" | "TypeConstraintViolation">>;
/**
 * The OCPP-J 2.0.1 (and 2.1) code of each keyword: 2.0.1 splits 1.6's FormationViolation into
 * FormatViolation (not JSON) and ProtocolError (JSON that does not fit the PDU: an unknown member),
 * and spells OccurrenceConstraintViolation with two r's.
 * @type {Readonly<Record<string, "FormatViolation" | "ProtocolError" | "PropertyConstraintViolation" | "OccurrenceConstraintViolation" | "TypeConstraintViolation">>}
 */
export const OCPP2_ERROR_CODE: Readonly<Record<string, "FormatViolation" | "ProtocolError" | "PropertyConstraintViolation" | "OccurrenceConstraintViolation" | "TypeConstraintViolation">>;
/** The keyword → code table of each protocol. @type {Readonly<Record<Protocol, Readonly<Record<string, string>>>>} */
export const OCPP_ERROR_CODES: Readonly<Record<Protocol, Readonly<Record<string, string>>>>;
export type ReferenceIssue = {
    instancePath: string;
    keyword: string;
    message: string;
};
export type ReferenceTolerated = {
    instancePath: string;
    keyword: string;
    tolerance: string;
};
export type ReferenceResult = {
    valid: boolean;
    errors: ReferenceIssue[];
    tolerated: ReferenceTolerated[];
};
export type Protocol = "ocpp1.6" | "ocpp2.0.1" | "ocpp2.1";
/**
 * protocol defaults to "ocpp1.6"; message to the protocol's default (StopTransaction, TransactionEventRequest)
 */
export type ReferenceOptions = {
    message?: string;
    allErrors?: boolean;
    tolerate?: readonly string[];
    protocol?: Protocol;
};
import Ajv from "ajv";
