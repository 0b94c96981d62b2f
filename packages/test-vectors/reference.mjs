// @ts-check
/**
 * THE reference that defines "valid" for ocpp-validate:
 *   bytes --(UTF-8, fatal, BOM kept)--> text --JSON.parse--> value --ajv-draft-04 + ajv-formats 3 (full)--> verdict
 * against crates/core/schemas/ocpp1.6/<message>.json (the single source of truth; 56 official schemas,
 * message name = file stem: `BootNotification` is the request, `BootNotificationResponse` the response).
 *
 * One deliberate difference from stock ajv: `multipleOf` is decided in exact decimal arithmetic on the
 * shortest decimal form of the number (`String(x)`), see `isDecimalMultiple`. Stock ajv divides in
 * floating point and rejects 0.3 as a multiple of 0.1.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import { _, str } from "ajv";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";

/** @typedef {{ instancePath: string, keyword: string, message: string }} ReferenceIssue */
/** @typedef {{ instancePath: string, keyword: string, tolerance: string }} ReferenceTolerated */
/** @typedef {{ valid: boolean, errors: ReferenceIssue[], tolerated: ReferenceTolerated[] }} ReferenceResult */
/** @typedef {{ message?: string, allErrors?: boolean, tolerate?: readonly string[] }} ReferenceOptions */

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of the folder holding the 56 OCPP 1.6 JSON schemas. */
export const schemaDir = resolve(here, "../../crates/core/schemas/ocpp1.6");

/** The message validated when no `message` option is given. */
export const DEFAULT_MESSAGE = "StopTransaction";

/**
 * Every OCPP 1.6 message name (schema file stem), sorted in plain code-unit order (`[...].sort()`).
 * @type {readonly string[]}
 */
export const MESSAGE_NAMES = Object.freeze(
  readdirSync(schemaDir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort(),
);
const MESSAGE_SET = new Set(MESSAGE_NAMES);

/** The 28 request names (messages whose name does not end in `Response`), sorted. */
export const REQUEST_NAMES = Object.freeze(MESSAGE_NAMES.filter((m) => !m.endsWith("Response")));

/**
 * Throws a TypeError naming `message` and listing the known names unless it is one of MESSAGE_NAMES.
 * @param {unknown} message
 * @returns {string}
 */
export function checkMessageName(message) {
  if (typeof message === "string" && MESSAGE_SET.has(message)) return message;
  const shown = typeof message === "string" ? JSON.stringify(message) : String(message);
  throw new TypeError(`unknown OCPP 1.6 message ${shown}; known messages: ${MESSAGE_NAMES.join(", ")}`);
}

/**
 * Absolute path of the JSON schema of `message`.
 * @param {string} [message]
 */
export function schemaPathFor(message = DEFAULT_MESSAGE) {
  return resolve(schemaDir, `${checkMessageName(message)}.json`);
}

/** @param {any} v */
function deepFreeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze(v[k]);
  }
  return v;
}

/** @type {Map<string, any>} parsed schema texts handed to ajv (private, never exposed) */
const ajvSchemas = new Map();
/** @type {Map<string, any>} frozen copies handed out by schemaFor */
const frozenSchemas = new Map();
/** @param {string} message */
function ajvSchema(message) {
  let s = ajvSchemas.get(message);
  if (!s) ajvSchemas.set(message, (s = JSON.parse(readFileSync(schemaPathFor(message), "utf8"))));
  return s;
}

/**
 * The parsed JSON schema of `message` (cached and deep-frozen: read it, do not mutate it).
 * @param {string} [message]
 * @returns {any}
 */
export function schemaFor(message = DEFAULT_MESSAGE) {
  checkMessageName(message);
  let s = frozenSchemas.get(message);
  if (!s) frozenSchemas.set(message, (s = deepFreeze(JSON.parse(readFileSync(schemaPathFor(message), "utf8")))));
  return s;
}

/** Absolute path of the StopTransaction.req JSON schema (the default message). */
export const schemaPath = schemaPathFor(DEFAULT_MESSAGE);

/** The parsed StopTransaction.req schema (the default message; frozen, do not mutate). */
export const schema = schemaFor(DEFAULT_MESSAGE);

// ---------------------------------------------------------------------------------------------
// multipleOf in exact decimal arithmetic
// ---------------------------------------------------------------------------------------------

/**
 * The exact decimal value of a JS number's shortest form (`String(x)`, e.g. "0.3", "1e+21", "1e-7",
 * "1.5e+300"): `{ digits, exp }` with |x| = digits × 10^exp. Null for NaN / ±Infinity.
 * @param {number} x
 * @returns {{ digits: bigint, exp: number } | null}
 */
export function decimalOf(x) {
  if (!Number.isFinite(x)) return null;
  const m = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new Error(`decimalOf: unexpected number form ${String(x)}`);
  const frac = m[2] ?? "";
  return { digits: BigInt(m[1] + frac), exp: Number(m[3] ?? 0) - frac.length };
}

/**
 * The reference's `multipleOf`: x is a multiple of m when the shortest decimal form of x is an exact
 * decimal multiple of the shortest decimal form of m (0.3 is a multiple of 0.1; 0.30000000000000004,
 * 1e-7 and 5e-324 are not; 1e21 is). m must be a finite number > 0; a non-finite x is never a multiple.
 * @param {number} x
 * @param {number} m
 */
export function isDecimalMultiple(x, m) {
  const a = decimalOf(x);
  const b = decimalOf(m);
  if (!a || !b || b.digits === 0n) return false;
  if (a.digits === 0n) return true;
  const e = Math.min(a.exp, b.exp);
  const X = a.digits * 10n ** BigInt(a.exp - e);
  const M = b.digits * 10n ** BigInt(b.exp - e);
  return X % M === 0n;
}

/**
 * ajv keyword definition replacing the built-in `multipleOf`: same name, type (`number`: only numbers
 * reach it; with strictNumbers only finite ones), schema type and error (`must be multiple of <m>`,
 * params `{multipleOf: m}`), decided by isDecimalMultiple.
 * @type {import("ajv").CodeKeywordDefinition}
 */
export const decimalMultipleOfKeyword = {
  keyword: "multipleOf",
  type: "number",
  schemaType: "number",
  error: {
    message: ({ schemaCode }) => str`must be multiple of ${schemaCode}`,
    params: ({ schemaCode }) => _`{multipleOf: ${schemaCode}}`,
  },
  code(cxt) {
    const { gen, data, schema: m } = cxt;
    if (!(typeof m === "number" && Number.isFinite(m) && m > 0)) throw new Error(`multipleOf must be a number > 0, got ${m}`);
    const fn = gen.scopeValue("func", { ref: isDecimalMultiple });
    cxt.fail(_`!${fn}(${data}, ${m})`);
  },
};

// ---------------------------------------------------------------------------------------------
// ajv
// ---------------------------------------------------------------------------------------------

/** @returns {import("ajv").default} */
function newAjv(/** @type {boolean} */ allErrors) {
  // ajv-draft-04 and ajv-formats are CJS with `default` export interop.
  const AjvCtor = /** @type {any} */ (Ajv04).default ?? Ajv04;
  const add = /** @type {any} */ (addFormats).default ?? addFormats;
  // verbose: errors carry `data` and `parentSchema`, which the tolerance definitions read.
  const ajv = new AjvCtor({ strict: false, strictNumbers: true, allErrors, verbose: true });
  add(ajv, { mode: "full" });
  return ajv;
}

/**
 * The exact ajv configuration of the reference (a fresh instance): ajv-draft-04 with
 * `strict: false, strictNumbers: true`, ajv-formats 3 in full mode, and the decimal `multipleOf`.
 * @param {{ allErrors?: boolean }} [options]
 * @returns {import("ajv").default}
 */
export function createAjv({ allErrors = false } = {}) {
  const ajv = newAjv(allErrors);
  ajv.removeKeyword("multipleOf");
  ajv.addKeyword(decimalMultipleOfKeyword);
  return ajv;
}

/**
 * Stock ajv with the same options but ajv's own floating-point `multipleOf` (for comparisons only;
 * NOT the reference).
 * @param {{ allErrors?: boolean }} [options]
 * @returns {import("ajv").default}
 */
export function createStockAjv({ allErrors = false } = {}) {
  return newAjv(allErrors);
}

/**
 * A compiled ajv validate function with the reference configuration (a fresh ajv instance).
 * @param {ReferenceOptions} [options]
 */
export function compileReference({ allErrors = false, message = DEFAULT_MESSAGE } = {}) {
  return createAjv({ allErrors }).compile(ajvSchema(checkMessageName(message)));
}

/** One ajv instance per allErrors mode; every schema compiled once, on first use. */
const instances = {
  all: { ajv: /** @type {import("ajv").default | null} */ (null), fns: new Map() },
  first: { ajv: /** @type {import("ajv").default | null} */ (null), fns: new Map() },
};

/**
 * The reference's compiled validate function for `message` (shared; compiled once per mode).
 * @param {ReferenceOptions} [options]
 * @returns {import("ajv").ValidateFunction}
 */
export function referenceValidatorFor({ message = DEFAULT_MESSAGE, allErrors = true } = {}) {
  checkMessageName(message);
  const slot = allErrors ? instances.all : instances.first;
  let fn = slot.fns.get(message);
  if (!fn) {
    slot.ajv ??= createAjv({ allErrors });
    fn = slot.ajv.compile(ajvSchema(message));
    slot.fns.set(message, fn);
  }
  return fn;
}

/**
 * Validate an already-parsed value against `message` (default StopTransaction).
 * @param {unknown} value
 * @param {ReferenceOptions} [options]  allErrors defaults to true
 * @returns {ReferenceResult}
 */
export function referenceValidateValue(value, { message = DEFAULT_MESSAGE, allErrors = true, tolerate = [] } = {}) {
  const tolerances = checkTolerances(tolerate);
  // Strict without allErrors is ajv's own first-error mode; with tolerances the first issue that is
  // not tolerated comes from ajv's allErrors list, which is in the same (evaluation) order.
  const fn = referenceValidatorFor({ message, allErrors: allErrors || tolerances.size > 0 });
  if (fn(value)) return { valid: true, errors: [], tolerated: [] };
  /** @type {ReferenceIssue[]} */
  const errors = [];
  /** @type {ReferenceTolerated[]} */
  const tolerated = [];
  for (const e of fn.errors ?? []) {
    const tolerance = toleranceOf(e);
    if (tolerance !== null && tolerances.has(tolerance)) tolerated.push({ instancePath: e.instancePath, keyword: e.keyword, tolerance });
    else errors.push({ instancePath: e.instancePath, keyword: e.keyword, message: e.message ?? "" });
  }
  return { valid: errors.length === 0, errors: allErrors ? errors : errors.slice(0, 1), tolerated };
}

/** The tolerance names in bit order (SEMANTICS.md, Tolerances). */
export const TOLERANCES = Object.freeze(["errata", "offsetlessTimestamps", "fractionalIntegers", "overlongStrings", "unknownProperties"]);

/** @param {readonly string[]} tolerate */
function checkTolerances(tolerate) {
  for (const t of tolerate) {
    if (!TOLERANCES.includes(t)) throw new TypeError(`unknown tolerance ${JSON.stringify(t)}; known: ${TOLERANCES.join(", ")}`);
  }
  return new Set(tolerate);
}

const isDateTime = /** @type {(s: string) => boolean} */ (/** @type {any} */ (fullFormats)["date-time"].validate);

/**
 * Which tolerance would accept an ajv error, by the definitions in SEMANTICS.md ("Tolerances"),
 * read off the error itself (ajv's `verbose` data and parentSchema), independently of any backend.
 * @param {import("ajv").ErrorObject} e
 * @returns {string | null}
 */
function toleranceOf(e) {
  switch (e.keyword) {
    case "enum": {
      const allowed = /** @type {unknown[]} */ (e.parentSchema?.enum ?? []);
      return allowed.includes("Celcius") && (e.data === "Celsius" || e.data === "Hertz") ? "errata" : null;
    }
    case "format":
      return e.params.format === "date-time" && typeof e.data === "string" && isDateTime(e.data + "Z") ? "offsetlessTimestamps" : null;
    case "type":
      return e.params.type === "integer" && typeof e.data === "number" && Number.isFinite(e.data) ? "fractionalIntegers" : null;
    case "maxLength":
      return "overlongStrings";
    case "additionalProperties":
      return "unknownProperties";
    default:
      return null;
  }
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
 * The reference verdict for JSON text (string) or raw bytes (Uint8Array) against `message`.
 * @param {string | Uint8Array} input
 * @param {ReferenceOptions} [options]  message defaults to StopTransaction, allErrors to true
 * @returns {ReferenceResult}
 */
export function referenceValidate(input, { message = DEFAULT_MESSAGE, allErrors = true, tolerate = [] } = {}) {
  checkMessageName(message);
  checkTolerances(tolerate);
  const parsed = referenceParse(input);
  if (parsed.ok === false) {
    return { valid: false, errors: [{ instancePath: "", keyword: "parse", message: parsed.message }], tolerated: [] };
  }
  return referenceValidateValue(parsed.value, { message, allErrors, tolerate });
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
 * "Occurence"): what every backend's `ocppErrorCode` is checked against. `multipleOf` is a value
 * constraint like `enum`/`maxLength`/`format`: PropertyConstraintViolation.
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
  multipleOf: "PropertyConstraintViolation",
});

/**
 * The sorted (instancePath, keyword) multiset of a list of issues (the vectors' `errors` format).
 * @param {ReadonlyArray<{instancePath: string, keyword: string}>} issues
 * @returns {{instancePath: string, keyword: string}[]}
 */
export function issueMultiset(issues) {
  return issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword })).sort(compareIssues);
}
