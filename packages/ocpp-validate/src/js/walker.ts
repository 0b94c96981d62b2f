/**
 * The error-collecting path of the js backend: a small interpreter over the schema tables that
 * scripts/gen-js-types.mjs generates from the schema files (SCHEMAS in types.generated.ts, one per
 * message index). It reproduces ajv-draft-04 (strict:false, strictNumbers:true) + ajv-formats 3 (full)
 * with the decimal multipleOf: the same issues in ajv's order, so that with allErrors the list is
 * ajv's and without it the one issue is ajv's first.
 *
 * ajv's order (its generated code): per schema node, the type-less keywords (enum) run after the
 * type check when the node's type has no keyword of its own (string enums), else the type check
 * guards the type's keywords; then by type group: number (multipleOf), string (maxLength, format),
 * array (items), object (required, additionalProperties over `for…in`, properties in schema order).
 * The boolean verdict comes from typia (generated/equals.ts); this only runs on invalid input.
 */
import type { OcppErrorCode, ValidationIssue } from "../types.js";
import { isDateTime, ucs2length } from "./date-time.js";
import { isMultipleOf } from "./multiple-of.js";
import { isUri } from "./uri.js";
import { SCHEMAS, type SchemaNode } from "./types.generated.js";

export const OCPP_ERROR_CODE: Readonly<Record<string, OcppErrorCode>> = {
  parse: "FormationViolation",
  additionalProperties: "FormationViolation",
  type: "TypeConstraintViolation",
  required: "OccurenceConstraintViolation",
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
  multipleOf: "PropertyConstraintViolation",
};

function issue(instancePath: string, keyword: string, message: string): ValidationIssue {
  return { instancePath, keyword, message, ocppErrorCode: OCPP_ERROR_CODE[keyword] ?? "FormationViolation" };
}

/** JSON Pointer segment escaping (RFC 6901), as ajv writes instancePath. */
function seg(key: string | number): string {
  return typeof key === "number" ? `/${key}` : "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Thrown internally to stop at the first issue when allErrors is false. */
const STOP = Symbol("stop");

class Collector {
  readonly issues: ValidationIssue[] = [];
  constructor(private readonly all: boolean) {}
  add(path: string, keyword: string, message: string): void {
    this.issues.push(issue(path, keyword, message));
    if (!this.all) throw STOP;
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
  if (isPlainObject(v)) for (const key in v) out.add(path, "additionalProperties", `must NOT have additional properties: '${key}'`);
}

function walk(node: SchemaNode, v: unknown, path: string, out: Collector): void {
  switch (node.k) {
    case "object": {
      if (!isPlainObject(v)) {
        out.add(path, "type", "must be object");
        return;
      }
      for (const r of node.required) {
        if (v[r] === undefined) out.add(path, "required", `must have required property '${r}'`);
      }
      // ajv: `for (const key in data)` with additionalProperties:false
      const props = known(node);
      for (const key in v) {
        if (!props.has(key)) out.add(path, "additionalProperties", `must NOT have additional properties: '${key}'`);
      }
      for (const [key, sub] of node.props) {
        const value = v[key];
        if (value !== undefined) walk(sub, value, path + seg(key), out);
      }
      return;
    }
    case "array": {
      if (!Array.isArray(v)) {
        out.add(path, "type", "must be array");
        return;
      }
      for (let i = 0; i < v.length; i++) walk(node.items, v[i], path + seg(i), out);
      return;
    }
    case "string": {
      if (typeof v !== "string") out.add(path, "type", "must be string");
      else {
        if (node.maxLength !== undefined && v.length > node.maxLength && ucs2length(v) > node.maxLength) {
          out.add(path, "maxLength", `must NOT have more than ${node.maxLength} characters`);
        }
        if (node.format === "date-time" && !isDateTime(v)) out.add(path, "format", 'must match format "date-time"');
        else if (node.format === "uri" && !isUri(v)) out.add(path, "format", 'must match format "uri"');
      }
      if (node.noProps) noProps(v, path, out);
      return;
    }
    case "enum": {
      const isString = typeof v === "string";
      if (!isString) out.add(path, "type", "must be string");
      if (!isString || !node.values.includes(v)) out.add(path, "enum", "must be equal to one of the allowed values");
      // reported at the value's own path, once per key (`for…in`)
      if (node.noProps) noProps(v, path, out);
      return;
    }
    case "integer": {
      if (typeof v !== "number" || !Number.isInteger(v)) out.add(path, "type", "must be integer");
      return;
    }
    case "number": {
      if (typeof v !== "number" || !Number.isFinite(v)) out.add(path, "type", "must be number");
      else if (node.multipleOf !== undefined && !isMultipleOf(v, node.multipleOf)) out.add(path, "multipleOf", `must be multiple of ${node.multipleOf}`);
      return;
    }
    case "boolean": {
      if (typeof v !== "boolean") out.add(path, "type", "must be boolean");
      return;
    }
  }
}

/** ajv-shaped issues for an already-parsed value (empty = valid). */
export function collectIssues(value: unknown, message: number, allErrors: boolean): ValidationIssue[] {
  const schema = SCHEMAS[message];
  if (schema === undefined) throw new RangeError(`ocpp-validate: no message with index ${message}`);
  const out = new Collector(allErrors);
  try {
    walk(schema, value, "", out);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return out.issues;
}

export function parseIssue(message: string): ValidationIssue {
  return issue("", "parse", message);
}
