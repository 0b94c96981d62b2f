// @ts-check
/**
 * THE reference that defines "valid" for ocpp-validate:
 *   bytes --(UTF-8, fatal, BOM kept)--> text --JSON.parse--> value --ajv + ajv-formats 3 (full)--> verdict
 * against crates/core/schemas/<protocol>/<message>.json (the single source of truth; the OCA's files,
 * message name = file stem). OCPP 1.6 (default): ajv-draft-04, 56 schemas (`BootNotification` is the
 * request, `BootNotificationResponse` the response). OCPP 2.0.1 / 2.1: ajv 8's draft-07 class with the
 * draft-06 meta-schema added (the files say draft-06), 128 / 181 schemas (`BootNotificationRequest`).
 *
 * One deliberate difference from stock ajv: `multipleOf` is decided in exact decimal arithmetic on the
 * shortest decimal form of the number (`String(x)`), see `isDecimalMultiple`. Stock ajv divides in
 * floating point and rejects 0.3 as a multiple of 0.1.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";
import Ajv, { _, str } from "ajv";
import Ajv04 from "ajv-draft-04";
import { createRequire } from "node:module";
import addFormats from "ajv-formats";
import { fullFormats } from "ajv-formats/dist/formats.js";

/** @typedef {{ instancePath: string, keyword: string, message: string }} ReferenceIssue */
/** @typedef {{ instancePath: string, keyword: string, tolerance: string }} ReferenceTolerated */
/** @typedef {{ valid: boolean, errors: ReferenceIssue[], tolerated: ReferenceTolerated[] }} ReferenceResult */
/** @typedef {"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1"} Protocol */
/** @typedef {{ message?: string, allErrors?: boolean, tolerate?: readonly string[], protocol?: Protocol }} ReferenceOptions
 *   protocol defaults to "ocpp1.6"; message to the protocol's default (StopTransaction, TransactionEventRequest) */

const here = dirname(fileURLToPath(import.meta.url));
// require, not an import attribute: every tool that reads this file (bundlers, linters) knows it
const draft06MetaSchema = createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json");

/** Absolute path of the folder holding the 56 OCPP 1.6 JSON schemas. */
export const schemaDir = resolve(here, "../../crates/core/schemas/ocpp1.6");

/** The protocols, in protocol-index order. @type {readonly Protocol[]} */
export const PROTOCOLS = Object.freeze(/** @type {Protocol[]} */ (["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]));
/** @type {Protocol} */
export const DEFAULT_PROTOCOL = "ocpp1.6";

/**
 * The protocol, or a TypeError naming it and listing the known ones.
 * @param {unknown} protocol
 * @returns {Protocol}
 */
export function checkProtocol(protocol) {
  if (typeof protocol === "string" && /** @type {readonly string[]} */ (PROTOCOLS).includes(protocol)) return /** @type {Protocol} */ (protocol);
  const shown = typeof protocol === "string" ? JSON.stringify(protocol) : String(protocol);
  throw new TypeError(`unknown OCPP protocol ${shown}; known protocols: ${PROTOCOLS.join(", ")}`);
}

/** Absolute path of the folder holding a protocol's schema files. @param {Protocol} [protocol] */
export const schemaDirOf = (protocol = DEFAULT_PROTOCOL) => resolve(here, "../../crates/core/schemas", checkProtocol(protocol));

/** The message validated when no `message` option is given (OCPP 1.6). */
export const DEFAULT_MESSAGE = "StopTransaction";

/** The message validated when no `message` option is given, per protocol. @type {Readonly<Record<Protocol, string>>} */
export const DEFAULT_MESSAGES = Object.freeze({ "ocpp1.6": DEFAULT_MESSAGE, "ocpp2.0.1": "TransactionEventRequest", "ocpp2.1": "TransactionEventRequest" });

/** @param {Protocol} protocol */
const stemsOf = (protocol) =>
  Object.freeze(
    readdirSync(schemaDirOf(protocol))
      .filter((f) => f.endsWith(".json"))
      .map((f) => f.slice(0, -".json".length))
      .sort(),
  );

/** Every message name (schema file stem) per protocol, sorted in plain code-unit order. @type {Readonly<Record<Protocol, readonly string[]>>} */
export const PROTOCOL_MESSAGE_NAMES = Object.freeze({ "ocpp1.6": stemsOf("ocpp1.6"), "ocpp2.0.1": stemsOf("ocpp2.0.1"), "ocpp2.1": stemsOf("ocpp2.1") });
const MESSAGE_SETS = { "ocpp1.6": new Set(PROTOCOL_MESSAGE_NAMES["ocpp1.6"]), "ocpp2.0.1": new Set(PROTOCOL_MESSAGE_NAMES["ocpp2.0.1"]), "ocpp2.1": new Set(PROTOCOL_MESSAGE_NAMES["ocpp2.1"]) };

/**
 * Every OCPP 1.6 message name (schema file stem), sorted in plain code-unit order (`[...].sort()`).
 * @type {readonly string[]}
 */
export const MESSAGE_NAMES = PROTOCOL_MESSAGE_NAMES["ocpp1.6"];

/** The 28 request names (messages whose name does not end in `Response`), sorted. */
export const REQUEST_NAMES = Object.freeze(MESSAGE_NAMES.filter((m) => !m.endsWith("Response")));

/**
 * Throws a TypeError naming `message` and listing the protocol's names unless it is one of them.
 * @param {unknown} message
 * @param {Protocol} [protocol]
 * @returns {string}
 */
export function checkMessageName(message, protocol = DEFAULT_PROTOCOL) {
  checkProtocol(protocol);
  if (typeof message === "string" && MESSAGE_SETS[protocol].has(message)) return message;
  const shown = typeof message === "string" ? JSON.stringify(message) : String(message);
  throw new TypeError(`unknown OCPP ${protocol.slice(4)} message ${shown}; known messages: ${PROTOCOL_MESSAGE_NAMES[protocol].join(", ")}`);
}

/**
 * Absolute path of the JSON schema of `message`.
 * @param {string} [message]
 * @param {Protocol} [protocol]
 */
export function schemaPathFor(message, protocol = DEFAULT_PROTOCOL) {
  return resolve(schemaDirOf(protocol), `${checkMessageName(message ?? DEFAULT_MESSAGES[protocol], protocol)}.json`);
}

/** @param {any} v */
function deepFreeze(v) {
  if (v && typeof v === "object" && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const k of Object.keys(v)) deepFreeze(v[k]);
  }
  return v;
}

/** @type {Map<string, any>} parsed schema texts handed to ajv (private, never exposed), by protocol + message */
const ajvSchemas = new Map();
/** @type {Map<string, any>} frozen copies handed out by schemaFor */
const frozenSchemas = new Map();
/** @param {string} message @param {Protocol} protocol */
function ajvSchema(message, protocol) {
  const key = `${protocol}/${message}`;
  let s = ajvSchemas.get(key);
  if (!s) ajvSchemas.set(key, (s = JSON.parse(readFileSync(schemaPathFor(message, protocol), "utf8"))));
  return s;
}

/**
 * The parsed JSON schema of `message` (cached and deep-frozen: read it, do not mutate it), as the
 * file has it (2.x: `$ref`s unresolved).
 * @param {string} [message]
 * @param {Protocol} [protocol]
 * @returns {any}
 */
export function schemaFor(message, protocol = DEFAULT_PROTOCOL) {
  const m = checkMessageName(message ?? DEFAULT_MESSAGES[checkProtocol(protocol)], protocol);
  const key = `${protocol}/${m}`;
  let s = frozenSchemas.get(key);
  if (!s) frozenSchemas.set(key, (s = deepFreeze(JSON.parse(readFileSync(schemaPathFor(m, protocol), "utf8")))));
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
function newAjv(/** @type {boolean} */ allErrors, /** @type {Protocol} */ protocol = DEFAULT_PROTOCOL) {
  // ajv-draft-04 and ajv-formats are CJS with `default` export interop.
  const add = /** @type {any} */ (addFormats).default ?? addFormats;
  // verbose: errors carry `data` and `parentSchema`, which the tolerance definitions read.
  const options = { strict: false, strictNumbers: true, allErrors, verbose: true };
  /** @type {import("ajv").default} */
  let ajv;
  if (checkProtocol(protocol) === "ocpp1.6") {
    const AjvCtor = /** @type {any} */ (Ajv04).default ?? Ajv04;
    ajv = new AjvCtor(options);
  } else {
    // The 2.x files declare draft-06; ajv 8's default class is draft-07 and only needs the
    // draft-06 meta-schema to accept them (the keywords they use mean the same in both).
    const AjvCtor = /** @type {any} */ (Ajv).default ?? Ajv;
    ajv = new AjvCtor(options);
    ajv.addMetaSchema(/** @type {any} */ (draft06MetaSchema));
  }
  add(ajv, { mode: "full" });
  return ajv;
}

/**
 * The exact ajv configuration of the reference (a fresh instance): `strict: false, strictNumbers: true`,
 * ajv-formats 3 in full mode, and the decimal `multipleOf`; ajv-draft-04 for OCPP 1.6 (default), ajv 8's
 * `Ajv` with the draft-06 meta-schema for 2.x.
 * @param {{ allErrors?: boolean, protocol?: Protocol }} [options]
 * @returns {import("ajv").default}
 */
export function createAjv({ allErrors = false, protocol = DEFAULT_PROTOCOL } = {}) {
  const ajv = newAjv(allErrors, protocol);
  ajv.removeKeyword("multipleOf");
  ajv.addKeyword(decimalMultipleOfKeyword);
  return ajv;
}

/**
 * Stock ajv with the same options but ajv's own floating-point `multipleOf` (for comparisons only;
 * NOT the reference).
 * @param {{ allErrors?: boolean, protocol?: Protocol }} [options]
 * @returns {import("ajv").default}
 */
export function createStockAjv({ allErrors = false, protocol = DEFAULT_PROTOCOL } = {}) {
  return newAjv(allErrors, protocol);
}

/**
 * A compiled ajv validate function with the reference configuration (a fresh ajv instance).
 * @param {ReferenceOptions} [options]
 */
export function compileReference({ allErrors = false, message, protocol = DEFAULT_PROTOCOL } = {}) {
  const m = checkMessageName(message ?? DEFAULT_MESSAGES[checkProtocol(protocol)], protocol);
  return createAjv({ allErrors, protocol }).compile(ajvSchema(m, protocol));
}

/**
 * One ajv instance per protocol and allErrors mode; every schema compiled once, on first use (the 2.x
 * files of one protocol have distinct `$id`s, so they share an instance).
 * @type {Map<string, { ajv: import("ajv").default | null, fns: Map<string, import("ajv").ValidateFunction> }>}
 */
const instances = new Map();

/**
 * The reference's compiled validate function for `message` (shared; compiled once per mode).
 * @param {ReferenceOptions} [options]
 * @returns {import("ajv").ValidateFunction}
 */
export function referenceValidatorFor({ message, allErrors = true, protocol = DEFAULT_PROTOCOL } = {}) {
  const m = checkMessageName(message ?? DEFAULT_MESSAGES[checkProtocol(protocol)], protocol);
  const slotKey = `${protocol}/${allErrors ? "all" : "first"}`;
  let slot = instances.get(slotKey);
  if (!slot) instances.set(slotKey, (slot = { ajv: null, fns: new Map() }));
  let fn = slot.fns.get(m);
  if (!fn) {
    slot.ajv ??= createAjv({ allErrors, protocol });
    fn = slot.ajv.compile(ajvSchema(m, protocol));
    slot.fns.set(m, fn);
  }
  return fn;
}

/**
 * Validate an already-parsed value against `message` (default: the protocol's default message).
 * @param {unknown} value
 * @param {ReferenceOptions} [options]  allErrors defaults to true
 * @returns {ReferenceResult}
 */
export function referenceValidateValue(value, { message, allErrors = true, tolerate = [], protocol = DEFAULT_PROTOCOL } = {}) {
  const tolerances = checkTolerances(tolerate);
  // Strict without allErrors is ajv's own first-error mode; with tolerances the first issue that is
  // not tolerated comes from ajv's allErrors list, which is in the same (evaluation) order.
  const fn = referenceValidatorFor({ message, protocol, allErrors: allErrors || tolerances.size > 0 });
  if (fn(value)) return { valid: true, errors: [], tolerated: [] };
  /** @type {ReferenceIssue[]} */
  const errors = [];
  /** @type {ReferenceTolerated[]} */
  const tolerated = [];
  for (const e of fn.errors ?? []) {
    const tolerance = toleranceOf(e, protocol);
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
 * @param {Protocol} protocol
 * @returns {string | null}
 */
function toleranceOf(e, protocol) {
  switch (e.keyword) {
    case "enum": {
      // The errata sheet is 1.6's; on 2.x `errata` tolerates nothing (the contract says so even
      // should a 2.x enum ever list "Celcius").
      if (protocol !== "ocpp1.6") return null;
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
 * @param {ReferenceOptions} [options]  protocol defaults to ocpp1.6, message to the protocol's default
 *   (StopTransaction / TransactionEventRequest), allErrors to true
 * @returns {ReferenceResult}
 */
export function referenceValidate(input, { message, allErrors = true, tolerate = [], protocol = DEFAULT_PROTOCOL } = {}) {
  const m = checkMessageName(message ?? DEFAULT_MESSAGES[checkProtocol(protocol)], protocol);
  checkTolerances(tolerate);
  const parsed = referenceParse(input);
  if (parsed.ok === false) {
    return { valid: false, errors: [{ instancePath: "", keyword: "parse", message: parsed.message }], tolerated: [] };
  }
  return referenceValidateValue(parsed.value, { message: m, allErrors, tolerate, protocol });
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
 * constraint like `enum`/`maxLength`/`format`: PropertyConstraintViolation. The 2.x keywords are
 * listed too (no 1.6 schema uses them): bounds are value constraints, item counts occurrences.
 * @type {Readonly<Record<string, "FormationViolation" | "PropertyConstraintViolation" | "OccurenceConstraintViolation" | "TypeConstraintViolation">>}
 */
export const OCPP_ERROR_CODE = Object.freeze({
  parse: "FormationViolation",
  additionalProperties: "FormationViolation",
  type: "TypeConstraintViolation",
  required: "OccurenceConstraintViolation",
  minItems: "OccurenceConstraintViolation",
  maxItems: "OccurenceConstraintViolation",
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
  multipleOf: "PropertyConstraintViolation",
  minimum: "PropertyConstraintViolation",
  maximum: "PropertyConstraintViolation",
});

/**
 * The OCPP-J 2.0.1 (and 2.1) code of each keyword: 2.0.1 splits 1.6's FormationViolation into
 * FormatViolation (not JSON) and ProtocolError (JSON that does not fit the PDU: an unknown member),
 * and spells OccurrenceConstraintViolation with two r's.
 * @type {Readonly<Record<string, "FormatViolation" | "ProtocolError" | "PropertyConstraintViolation" | "OccurrenceConstraintViolation" | "TypeConstraintViolation">>}
 */
export const OCPP2_ERROR_CODE = Object.freeze({
  parse: "FormatViolation",
  additionalProperties: "ProtocolError",
  type: "TypeConstraintViolation",
  required: "OccurrenceConstraintViolation",
  minItems: "OccurrenceConstraintViolation",
  maxItems: "OccurrenceConstraintViolation",
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
  multipleOf: "PropertyConstraintViolation",
  minimum: "PropertyConstraintViolation",
  maximum: "PropertyConstraintViolation",
});

/** The keyword → code table of each protocol. @type {Readonly<Record<Protocol, Readonly<Record<string, string>>>>} */
export const OCPP_ERROR_CODES = Object.freeze({ "ocpp1.6": OCPP_ERROR_CODE, "ocpp2.0.1": OCPP2_ERROR_CODE, "ocpp2.1": OCPP2_ERROR_CODE });

/**
 * The `ocppErrorCode` of an issue of `keyword` in `protocol` (a TypeError for a keyword outside the table).
 * @param {string} keyword
 * @param {Protocol} [protocol]
 * @returns {string}
 */
export function ocppErrorCode(keyword, protocol = DEFAULT_PROTOCOL) {
  const table = OCPP_ERROR_CODES[checkProtocol(protocol)];
  if (!Object.hasOwn(table, keyword)) throw new TypeError(`no OCPP error code for keyword ${JSON.stringify(keyword)}`);
  return table[keyword];
}

/**
 * The sorted (instancePath, keyword) multiset of a list of issues (the vectors' `errors` format).
 * @param {ReadonlyArray<{instancePath: string, keyword: string}>} issues
 * @returns {{instancePath: string, keyword: string}[]}
 */
export function issueMultiset(issues) {
  return issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword })).sort(compareIssues);
}
