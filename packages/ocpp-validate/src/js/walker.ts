/**
 * The error-collecting path of the js backend: a small interpreter over the schema table that
 * scripts/gen-js-types.mjs generates from the schema file (SCHEMA in types.generated.ts).
 * It reproduces ajv-draft-04 (strict:false, strictNumbers:true) + ajv-formats 3 (full) issue lists:
 * same (instancePath, keyword) multiset with allErrors, one issue of that set without.
 * The boolean verdict comes from typia (generated/equals.ts); this only runs on invalid input.
 */
import type { OcppErrorCode, ValidationIssue } from "../types.js";
import { isDateTime, ucs2length } from "./date-time.js";
import { SCHEMA, type SchemaNode } from "./types.generated.js";

export const OCPP_ERROR_CODE: Readonly<Record<string, OcppErrorCode>> = {
  parse: "FormationViolation",
  additionalProperties: "FormationViolation",
  type: "TypeConstraintViolation",
  required: "OccurenceConstraintViolation",
  enum: "PropertyConstraintViolation",
  maxLength: "PropertyConstraintViolation",
  format: "PropertyConstraintViolation",
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
      for (const key in v) {
        if (!Object.prototype.hasOwnProperty.call(node.props, key)) {
          out.add(path, "additionalProperties", `must NOT have additional properties: '${key}'`);
        }
      }
      for (const key in node.props) {
        const sub = v[key];
        if (sub !== undefined) walk(node.props[key]!, sub, path + seg(key), out);
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
      if (typeof v !== "string") {
        out.add(path, "type", "must be string");
        return;
      }
      if (node.maxLength !== undefined && v.length > node.maxLength && ucs2length(v) > node.maxLength) {
        out.add(path, "maxLength", `must NOT have more than ${node.maxLength} characters`);
      }
      if (node.format === "date-time" && !isDateTime(v)) {
        out.add(path, "format", 'must match format "date-time"');
      }
      return;
    }
    case "integer": {
      if (typeof v !== "number" || !Number.isInteger(v)) out.add(path, "type", "must be integer");
      return;
    }
    case "enum": {
      const isString = typeof v === "string";
      if (!isString) out.add(path, "type", "must be string");
      if (!isString || !node.values.includes(v)) out.add(path, "enum", "must be equal to one of the allowed values");
      if (node.noProps && isPlainObject(v)) {
        // additionalProperties:false without properties: every key is additional (reported at the value's path).
        for (const key in v) out.add(path, "additionalProperties", `must NOT have additional properties: '${key}'`);
      }
      return;
    }
  }
}

/** ajv-shaped issues for an already-parsed value (empty = valid). */
export function collectIssues(value: unknown, allErrors: boolean): ValidationIssue[] {
  const out = new Collector(allErrors);
  try {
    walk(SCHEMA, value, "", out);
  } catch (e) {
    if (e !== STOP) throw e;
  }
  return out.issues;
}

export function parseIssue(message: string): ValidationIssue {
  return issue("", "parse", message);
}
