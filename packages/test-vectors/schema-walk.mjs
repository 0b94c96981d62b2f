// @ts-check
/**
 * Small helpers to walk the OCPP JSON schemas (the subset of draft-04 / draft-06 they use: type
 * object / array / string / integer / number / boolean, properties, required, additionalProperties,
 * items, enum, maxLength, format date-time / uri, multipleOf; 2.x adds `$ref` to local definitions,
 * minimum / maximum, minItems / maxItems, additionalItems, default, open objects (CustomDataType: no
 * `additionalProperties: false`) and one node without `type` (DataTransfer `data`: any JSON)).
 * Shared by generate.mjs, payloads.mjs and arbitraries.mjs. Browser-safe (no node: imports): the
 * schemas come from schemas.mjs.
 *
 * Walkers never see a `$ref`: messageSchema resolves them into one tree in which every use of a
 * definition is the SAME (frozen) object, so identity tells two uses of one definition apart from
 * two look-alike nodes, and definitionName(node) gives the name back.
 */
import { SCHEMAS, PROTOCOL_SCHEMAS } from "./schemas.mjs";
import { checkMessageOf, checkProtocol, DEFAULT_PROTOCOL } from "./protocols.mjs";

/** @type {WeakMap<object, string>} resolved definition node → its name in `definitions` */
const DEFINITION_NAMES = new WeakMap();
/** @type {Map<string, any>} */
const RESOLVED = new Map();

/** The `definitions` name a resolved node came from (undefined for inline nodes). @param {any} node @returns {string | undefined} */
export const definitionName = (node) => (node && typeof node === "object" ? DEFINITION_NAMES.get(node) : undefined);

/**
 * A copy of a schema with every `{"$ref": "#/definitions/X"}` replaced by X (resolved the same way,
 * once per definition), `definitions` dropped. The 2.x files have no cycles and no siblings beside a
 * `$ref`; anything else throws, so a future file cannot be walked wrongly in silence.
 * @param {any} root
 * @returns {any}
 */
export function resolveRefs(root) {
  const defs = root.definitions ?? {};
  /** @type {Map<string, any>} */
  const done = new Map();
  /** @type {Set<string>} */
  const active = new Set();
  /** @param {any} node @returns {any} */
  const go = (node) => {
    if (!node || typeof node !== "object" || Array.isArray(node)) return node;
    if (node.$ref !== undefined) {
      const m = /^#\/definitions\/([^/]+)$/.exec(node.$ref);
      if (!m || !Object.hasOwn(defs, m[1])) throw new Error(`resolveRefs: unsupported $ref ${JSON.stringify(node.$ref)}`);
      if (Object.keys(node).some((k) => k !== "$ref" && k !== "description")) throw new Error(`resolveRefs: keywords beside $ref ${JSON.stringify(node)}`);
      const name = m[1];
      let r = done.get(name);
      if (r) return r;
      if (active.has(name)) throw new Error(`resolveRefs: cyclic $ref ${name}`);
      active.add(name);
      r = go(defs[name]);
      active.delete(name);
      DEFINITION_NAMES.set(r, name);
      done.set(name, r);
      return r;
    }
    /** @type {Record<string, any>} */
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "definitions") continue;
      if (k === "properties") out[k] = Object.freeze(Object.fromEntries(Object.entries(v).map(([n, x]) => [n, go(x)])));
      else if (k === "items" || k === "additionalItems") out[k] = go(v);
      else out[k] = v;
    }
    return Object.freeze(out);
  };
  return go(root);
}

/**
 * The schema of `message` (frozen) from schemas.mjs, `$ref`s resolved (1.6: the schema itself); a
 * TypeError naming it and listing the known names for anything else.
 * @param {unknown} message
 * @param {import("./protocols.mjs").Protocol} [protocol]  default "ocpp1.6"
 * @returns {any}
 */
export function messageSchema(message, protocol = DEFAULT_PROTOCOL) {
  checkProtocol(protocol);
  const m = checkMessageOf(protocol, message);
  if (protocol === "ocpp1.6") return SCHEMAS[m];
  const key = `${protocol}/${m}`;
  let r = RESOLVED.get(key);
  if (!r) RESOLVED.set(key, (r = resolveRefs(PROTOCOL_SCHEMAS[protocol][m])));
  return r;
}

/**
 * @typedef {string | number} Segment  a property name, or an array index
 * @typedef {{ node: any, path: Segment[], schemaPath: string[], required: boolean, arrayDepth: number }} SchemaSite
 *   node: the schema node; path: a concrete instance path (array items at index 0); schemaPath: the
 *   property names with "[]" for items; required: listed in the parent's `required` (array items: true);
 *   arrayDepth: how many arrays enclose the node
 */

/**
 * A node's type; `"any"` for a node with no `type` and no other assertion (DataTransfer `data`:
 * every JSON value is valid there).
 * @param {any} node @returns {"object" | "array" | "string" | "integer" | "number" | "boolean" | "any"}
 */
export function typeOf(node) {
  const t = node?.type;
  if (t === "object" || t === "array" || t === "string" || t === "integer" || t === "number" || t === "boolean") return t;
  if (node && typeof node === "object" && t === undefined && Object.keys(node).every((k) => k === "description" || k === "javaType" || k === "default")) return "any";
  throw new Error(`schema node without a supported type: ${JSON.stringify(node)}`);
}

/** An object node that accepts members beyond its properties (no `additionalProperties: false`: CustomDataType). @param {any} node */
export const isOpenObject = (node) => typeOf(node) === "object" && node.additionalProperties !== false;

/**
 * The value range of a number node: `[minimum, maximum]` as JS numbers, ±Infinity when absent.
 * @param {any} node @returns {[number, number]}
 */
export const boundsOf = (node) => [node?.minimum ?? -Infinity, node?.maximum ?? Infinity];

/** minItems (0 when absent) and maxItems (Infinity when absent) of an array node. @param {any} node @returns {[number, number]} */
export const itemBoundsOf = (node) => [node?.minItems ?? 0, node?.maxItems ?? Infinity];

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
    // a node of type "any" (DataTransfer data) is a leaf
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
  if (t === "integer") return clampInto(1, node, true);
  if (t === "number") return clampInto(node.multipleOf !== undefined ? 16.5 : 1.5, node, false);
  if (t === "boolean") return true;
  if (t === "array") return [];
  if (t === "any") return name ? name.slice(0, 12) : "x";
  return {};
}

/** v moved into the node's [minimum, maximum] (integers: the nearest integer inside). @param {number} v @param {any} node @param {boolean} integer */
function clampInto(v, node, integer) {
  const [lo, hi] = boundsOf(node);
  if (v > hi) v = integer ? Math.floor(hi) : hi;
  if (v < lo) v = integer ? Math.ceil(lo) : lo;
  return v;
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
    if (!node.items) return [];
    const [lo, hi] = itemBoundsOf(node);
    const n = mode === "minimal" ? lo : Math.min(Math.max(items, lo), hi);
    return Array.from({ length: n }, (_, i) => varyLeaf(valueOf(node.items, mode, items, name), node.items, i));
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
