// @ts-check
/**
 * Small helpers to walk the OCPP 1.6 JSON schemas (the subset of draft-04 they use: type object /
 * array / string / integer / number / boolean, properties, required, additionalProperties, items,
 * enum, maxLength, format date-time / uri, multipleOf). Shared by generate.mjs, payloads.mjs and
 * arbitraries.mjs. Browser-safe (no node: imports): the schemas come from schemas.mjs.
 */
import { SCHEMAS, SCHEMA_NAMES } from "./schemas.mjs";

/**
 * The schema of `message` (frozen) from schemas.mjs; a TypeError naming it and listing the known
 * names for anything else.
 * @param {unknown} message
 * @returns {any}
 */
export function messageSchema(message) {
  if (typeof message === "string" && Object.hasOwn(SCHEMAS, message)) return SCHEMAS[message];
  const shown = typeof message === "string" ? JSON.stringify(message) : String(message);
  throw new TypeError(`unknown OCPP 1.6 message ${shown}; known messages: ${SCHEMA_NAMES.join(", ")}`);
}

/**
 * @typedef {string | number} Segment  a property name, or an array index
 * @typedef {{ node: any, path: Segment[], schemaPath: string[], required: boolean, arrayDepth: number }} SchemaSite
 *   node: the schema node; path: a concrete instance path (array items at index 0); schemaPath: the
 *   property names with "[]" for items; required: listed in the parent's `required` (array items: true);
 *   arrayDepth: how many arrays enclose the node
 */

/** @param {any} node @returns {"object" | "array" | "string" | "integer" | "number" | "boolean"} */
export function typeOf(node) {
  const t = node?.type;
  if (t === "object" || t === "array" || t === "string" || t === "integer" || t === "number" || t === "boolean") return t;
  throw new Error(`schema node without a supported type: ${JSON.stringify(node)}`);
}

/** @param {any} node @returns {[string, any][]} the node's properties in schema order */
export const propertiesOf = (node) => Object.entries(node?.properties ?? {});

/** @param {any} node @returns {string[]} */
export const requiredOf = (node) => /** @type {string[]} */ (node?.required ?? []);

/** JSON pointer of a path (as ajv's instancePath). @param {readonly Segment[]} path */
export const pointer = (path) => path.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");

/**
 * Every schema node below the root (and the root itself first), depth first in schema order.
 * @param {any} root
 * @returns {SchemaSite[]}
 */
export function sites(root) {
  /** @type {SchemaSite[]} */
  const out = [];
  /** @param {any} node @param {Segment[]} path @param {string[]} schemaPath @param {boolean} required @param {number} arrayDepth */
  const go = (node, path, schemaPath, required, arrayDepth) => {
    out.push({ node, path, schemaPath, required, arrayDepth });
    const t = typeOf(node);
    if (t === "object") {
      const req = requiredOf(node);
      for (const [k, v] of propertiesOf(node)) go(v, [...path, k], [...schemaPath, k], req.includes(k), arrayDepth);
    } else if (t === "array" && node.items) {
      go(node.items, [...path, 0], [...schemaPath, "[]"], true, arrayDepth + 1);
    }
  };
  go(root, [], [], true, 0);
  return out;
}

/** @param {any} node the node holds only an object with no properties (`{}` is its only valid value) */
export const isEmptyObject = (node) => typeOf(node) === "object" && propertiesOf(node).length === 0;

/** @param {any} node a sampled value object (value + measurand + unit + ...) */
export const isSampledValue = (node) => typeOf(node) === "object" && !!node.properties?.value && !!node.properties?.measurand && !!node.properties?.unit;

/**
 * A canonical valid value for a leaf node (same every call).
 * @param {any} node
 * @param {string} [name] property name (for readable values)
 */
export function canonicalLeaf(node, name = "") {
  const t = typeOf(node);
  if (t === "string") {
    if (node.enum) return node.enum[0];
    if (node.format === "date-time") return "2024-05-17T14:32:05Z";
    if (node.format === "uri") return "ftp://example.com/files/a.bin";
    const base = /idtag/i.test(name) ? "04A1B2C3D4" : name ? name.slice(0, 12) : "x";
    return node.maxLength !== undefined ? base.slice(0, node.maxLength) : base;
  }
  if (t === "integer") return 1;
  if (t === "number") return node.multipleOf !== undefined ? 16.5 : 1.5;
  if (t === "boolean") return true;
  if (t === "array") return [];
  return {};
}

/**
 * A valid value of `node`: `"minimal"` has only required properties and empty arrays; `"full"` has
 * every property and `items` items per array.
 * @param {any} node
 * @param {"minimal" | "full"} [mode]
 * @param {number} [items]
 * @param {string} [name]
 * @returns {any}
 */
export function valueOf(node, mode = "full", items = 2, name = "") {
  const t = typeOf(node);
  if (t === "object") {
    /** @type {Record<string, any>} */
    const o = {};
    const req = requiredOf(node);
    for (const [k, v] of propertiesOf(node)) if (mode === "full" || req.includes(k)) o[k] = valueOf(v, mode, items, k);
    return o;
  }
  if (t === "array") {
    if (mode === "minimal" || !node.items) return [];
    return Array.from({ length: items }, (_, i) => varyLeaf(valueOf(node.items, mode, items, name), node.items, i));
  }
  return canonicalLeaf(node, name);
}

/** The i-th variation of a leaf value (enum values and strings differ between array items). */
function varyLeaf(/** @type {any} */ v, /** @type {any} */ node, /** @type {number} */ i) {
  if (i === 0 || typeof v !== "string") return v;
  if (node.enum) return node.enum[i % node.enum.length];
  if (node.format) return v;
  const s = v + i;
  return node.maxLength !== undefined && s.length > node.maxLength ? s.slice(0, node.maxLength) : s;
}

/**
 * Deep copy of a JSON value.
 * @template T @param {T} v @returns {T}
 */
export const copy = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/**
 * Makes sure every container on `path` exists in `value` (creating minimal objects / one-item arrays
 * along the way, as the schema says), and returns the container holding the last segment.
 * @param {any} root the root schema
 * @param {any} value the root value (modified)
 * @param {readonly Segment[]} path
 * @returns {{ parent: any, key: Segment, node: any }}
 */
export function ensurePath(root, value, path) {
  let node = root;
  let cur = value;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const child = typeOf(node) === "array" ? node.items : node.properties[seg];
    if (i === path.length - 1) return { parent: cur, key: seg, node: child };
    if (cur[seg] === undefined || cur[seg] === null || typeof cur[seg] !== "object") cur[seg] = valueOf(child, "minimal");
    if (Array.isArray(cur[seg])) {
      const idx = /** @type {number} */ (path[i + 1]);
      while (cur[seg].length <= idx) cur[seg].push(valueOf(child.items, "minimal"));
    }
    cur = cur[seg];
    node = child;
  }
  throw new Error("ensurePath: empty path");
}
