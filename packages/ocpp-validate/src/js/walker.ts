/**
 * The error-collecting path of the js backend: a small interpreter over the schema tables that
 * scripts/gen-js-types.mjs generates from the schema files (SCHEMAS in tables.generated.ts, one per
 * global message index, `$ref`s already resolved). It reproduces ajv 8 with the draft-04 (1.6) or
 * draft-06 (2.x) meta-schema (strict:false, strictNumbers:true) + ajv-formats 3 (full) with the
 * decimal multipleOf: the same issues in ajv's order, so that with allErrors the list is ajv's and
 * without it the one issue is ajv's first. Messages are this project's own
 * (crates/core/SEMANTICS.md, "Messages"; ./messages.ts), identical to the Rust core's.
 *
 * ajv's order (its generated code): per schema node, the type-less keywords (enum) run after the
 * type check when the node's type has no keyword of its own (string enums), else the type check
 * guards the type's keywords; then by type group: number (maximum, minimum, multipleOf: applied to
 * any finite number, whatever the `type`), string (maxLength, format), array (maxItems, minItems,
 * then items), object (required, additionalProperties over `for…in`, properties in schema order).
 * An open object (no additionalProperties: 2.x CustomDataType) never reads its other members, so
 * their depth costs nothing here (no recursion per input level: JSON.parse built them already).
 *
 * Tolerances (SEMANTICS.md, "Tolerances") are decided where an issue is found: a tolerated issue
 * goes to its own list, in the same order, and never stops the walk.
 * The boolean verdict comes from typia (generated/equals.ts); this only runs on invalid input.
 */
import type { OcppErrorCode, ToleratedIssue, ValidationIssue } from "../types.js";
import { ERRATA, FRACTIONAL_INTEGERS, OFFSETLESS_TIMESTAMPS, OVERLONG_STRINGS, UNKNOWN_PROPERTIES, toleranceName } from "../tolerances.js";
import { isDateTime, ucs2length } from "./date-time.js";
import { isMultipleOf } from "./multiple-of.js";
import { isUri } from "./uri.js";
import {
  dateTimeMessage,
  enumMessage,
  maxItemsMessage,
  maxLengthMessage,
  maximumMessage,
  minItemsMessage,
  minimumMessage,
  multipleOfMessage,
  requiredMessage,
  typeMessage,
  unknownPropertyMessage,
  uriMessage,
} from "./messages.js";
import { SCHEMAS, type SchemaNode } from "./tables.generated.js";
import { PROTOCOL_INFO, PROTOCOLS } from "../protocols.generated.js";

/** OCPP-J 1.6 §4.2.3's codes per keyword (SEMANTICS.md, "Error codes"). */
export const OCPP_ERROR_CODE: Readonly<Record<string, OcppErrorCode>> = {
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
};

/**
 * OCPP-J 2.0.1's codes (also 2.1's): 1.6's FormationViolation is split into FormatViolation (not
 * JSON) and ProtocolError (JSON that does not fit the PDU: an unknown member), and
 * "Occurrence" is spelt right.
 */
export const OCPP2_ERROR_CODE: Readonly<Record<string, OcppErrorCode>> = {
  parse: "FormatViolation" as string as OcppErrorCode,
  additionalProperties: "ProtocolError" as string as OcppErrorCode,
  type: "TypeConstraintViolation",
  required: "OccurrenceConstraintViolation" as string as OcppErrorCode,
  minItems: "OccurrenceConstraintViolation" as string as OcppErrorCode,
  maxItems: "OccurrenceConstraintViolation" as string as OcppErrorCode,
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
  multipleOf: "PropertyConstraintViolation",
  minimum: "PropertyConstraintViolation",
  maximum: "PropertyConstraintViolation",
};

/** The error code table of each protocol, by protocol index (PROTOCOLS order). */
export const OCPP_ERROR_CODES: ReadonlyArray<Readonly<Record<string, OcppErrorCode>>> = PROTOCOLS.map((p) =>
  p === "ocpp1.6" ? OCPP_ERROR_CODE : OCPP2_ERROR_CODE,
);

/** The first global message index of each protocol after the first (ascending). */
const FIRSTS: readonly number[] = PROTOCOLS.slice(1).map((p) => PROTOCOL_INFO[p].first);

/** The protocol index of a global message index (the caller checked it names a message). */
export function protocolOfMessage(message: number): number {
  let p = 0;
  while (p < FIRSTS.length && message >= FIRSTS[p]!) p++;
  return p;
}

/** The units the 1.6 errata sheet adds to UnitOfMeasure (SEMANTICS.md, `errata`). */
const ERRATA_UNITS: ReadonlySet<unknown> = new Set(["Celsius", "Hertz"]);

function issue(instancePath: string, keyword: string, message: string, codes: Readonly<Record<string, OcppErrorCode>>): ValidationIssue {
  return { instancePath, keyword, message, ocppErrorCode: codes[keyword] ?? codes["parse"]! };
}

/** JSON Pointer segment escaping (RFC 6901), as ajv writes instancePath. */
function seg(key: string | number): string {
  return typeof key === "number" ? `/${key}` : "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Thrown internally to stop the walk once nothing more can be collected. */
const STOP = Symbol("stop");

/** What a walk collects. */
export interface Collected {
  issues: ValidationIssue[];
  tolerated: ToleratedIssue[];
}

/**
 * `all`: every issue, else only the first one not tolerated (the tolerated ones are still all
 * collected, so the walk goes on when tolerances may accept more). `verdict`: only whether some
 * issue is not tolerated (stops there, builds no message).
 */
class Collector implements Collected {
  readonly issues: ValidationIssue[] = [];
  readonly tolerated: ToleratedIssue[] = [];
  constructor(
    private readonly all: boolean,
    private readonly tolerate: number,
    private readonly verdict: boolean,
    private readonly codes: Readonly<Record<string, OcppErrorCode>>,
  ) {}
  /** `tolerance`: the bit of the tolerance that accepts this issue, 0 for none. The message is built only when kept. */
  add(path: string, keyword: string, tolerance: number, message: () => string): void {
    if ((tolerance & this.tolerate) !== 0) {
      if (!this.verdict) this.tolerated.push({ ...issue(path, keyword, message(), this.codes), tolerance: toleranceName(tolerance) });
      return;
    }
    if (this.verdict) throw STOP;
    if (this.all || this.issues.length === 0) this.issues.push(issue(path, keyword, message(), this.codes));
    if (!this.all && this.tolerate === 0) throw STOP;
  }
}

type ObjectNode = Extract<SchemaNode, { k: "object" }>;
const knownKeys = new WeakMap<ObjectNode, ReadonlySet<string>>();
function known(node: ObjectNode): ReadonlySet<string> {
  let set = knownKeys.get(node);
  if (set === undefined) {
    set = new Set(node.props.map(([key]) => key));
    knownKeys.set(node, set);
  }
  return set;
}

/** additionalProperties:false without properties on a non-object schema: every key of an object value is additional. */
function noProps(v: unknown, path: string, out: Collector): void {
  if (isPlainObject(v)) for (const key in v) out.add(path, "additionalProperties", UNKNOWN_PROPERTIES, () => unknownPropertyMessage(key));
}

function walk(node: SchemaNode, v: unknown, path: string, out: Collector): void {
  switch (node.k) {
    case "object": {
      if (!isPlainObject(v)) {
        out.add(path, "type", 0, () => typeMessage("object", v));
        return;
      }
      for (const r of node.required) {
        if (v[r] === undefined) out.add(path, "required", 0, () => requiredMessage(r));
      }
      // ajv: `for (const key in data)` with additionalProperties:false; an open object never looks at its other members
      if (!node.open) {
        const props = known(node);
        for (const key in v) {
          if (!props.has(key)) out.add(path, "additionalProperties", UNKNOWN_PROPERTIES, () => unknownPropertyMessage(key));
        }
      }
      for (const [key, sub] of node.props) {
        const value = v[key];
        if (value !== undefined) walk(sub, value, path + seg(key), out);
      }
      return;
    }
    case "array": {
      if (!Array.isArray(v)) {
        out.add(path, "type", 0, () => typeMessage("array", v));
        return;
      }
      const n = v.length;
      if (node.maxItems !== undefined && n > node.maxItems) {
        const max = node.maxItems;
        out.add(path, "maxItems", 0, () => maxItemsMessage(n, max));
      }
      if (node.minItems !== undefined && n < node.minItems) {
        const min = node.minItems;
        out.add(path, "minItems", 0, () => minItemsMessage(n, min));
      }
      for (let i = 0; i < n; i++) walk(node.items, v[i], path + seg(i), out);
      return;
    }
    case "string": {
      if (typeof v !== "string") out.add(path, "type", 0, () => typeMessage("string", v));
      else {
        const max = node.maxLength;
        if (max !== undefined && v.length > max) {
          const length = ucs2length(v);
          if (length > max) out.add(path, "maxLength", OVERLONG_STRINGS, () => maxLengthMessage(length, max));
        }
        if (node.format === "date-time") {
          if (!isDateTime(v)) out.add(path, "format", isDateTime(`${v}Z`) ? OFFSETLESS_TIMESTAMPS : 0, () => dateTimeMessage(v));
        } else if (node.format === "uri" && !isUri(v)) out.add(path, "format", 0, () => uriMessage(v));
      }
      if (node.noProps) noProps(v, path, out);
      return;
    }
    case "enum": {
      const isString = typeof v === "string";
      if (!isString) out.add(path, "type", 0, () => typeMessage("string", v));
      if (!isString || !node.values.includes(v)) {
        out.add(path, "enum", node.uom && ERRATA_UNITS.has(v) ? ERRATA : 0, () => enumMessage(v, node.values));
      }
      // reported at the value's own path, once per key (`for…in`)
      if (node.noProps) noProps(v, path, out);
      return;
    }
    case "integer":
    case "number": {
      const finite = typeof v === "number" && Number.isFinite(v);
      if (node.k === "integer" ? !Number.isInteger(v) : !finite) {
        out.add(path, "type", node.k === "integer" && finite ? FRACTIONAL_INTEGERS : 0, () => typeMessage(node.k, v));
      }
      // the number group runs on any finite number, after (and whatever) the type check said
      if (finite) {
        const { maximum, minimum, multipleOf } = node;
        if (maximum !== undefined && v > maximum) out.add(path, "maximum", 0, () => maximumMessage(v, maximum));
        if (minimum !== undefined && v < minimum) out.add(path, "minimum", 0, () => minimumMessage(v, minimum));
        if (multipleOf !== undefined && !isMultipleOf(v, multipleOf)) out.add(path, "multipleOf", 0, () => multipleOfMessage(v, multipleOf));
      }
      return;
    }
    case "boolean": {
      if (typeof v !== "boolean") out.add(path, "type", 0, () => typeMessage("boolean", v));
      return;
    }
    case "any":
      return;
  }
}

function schemaOf(message: number): SchemaNode {
  const schema = SCHEMAS[message];
  if (schema === undefined) throw new RangeError(`ocpp-validate: no message with index ${message}`);
  return schema;
}

/**
 * ajv-shaped issues for an already-parsed value (none = valid), with the deviations `tolerate`
 * (a mask) accepts apart. Without allErrors, at most one issue: the first one not tolerated.
 */
export function collectIssues(value: unknown, message: number, allErrors: boolean, tolerate = 0): Collected {
  const out = new Collector(allErrors, tolerate, false, OCPP_ERROR_CODES[protocolOfMessage(message)]!);
  try {
    walk(schemaOf(message), value, "", out);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return out;
}

/** Whether every issue of the value is one `tolerate` accepts (builds no message, stops at the first that is not). */
export function allTolerated(value: unknown, message: number, tolerate: number): boolean {
  try {
    walk(schemaOf(message), value, "", new Collector(false, tolerate, true, OCPP_ERROR_CODE));
    return true;
  } catch (e) {
    if (e !== STOP) throw e;
    return false;
  }
}

/** The `parse` issue of a text that is not JSON, in the error code of protocol index `protocol`. */
export function parseIssue(message: string, protocol = 0): ValidationIssue {
  return issue("", "parse", message, OCPP_ERROR_CODES[protocol] ?? OCPP_ERROR_CODE);
}
