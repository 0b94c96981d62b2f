/**
 * A copy of a schema with every `{"$ref": "#/definitions/X"}` replaced by X (resolved the same way,
 * once per definition), `definitions` dropped. The 2.x files have no cycles and no siblings beside a
 * `$ref`; anything else throws, so a future file cannot be walked wrongly in silence.
 * @param {any} root
 * @returns {any}
 */
export function resolveRefs(root: any): any;
/**
 * The schema of `message` (frozen) from schemas.mjs, `$ref`s resolved (1.6: the schema itself); a
 * TypeError naming it and listing the known names for anything else.
 * @param {unknown} message
 * @param {import("./protocols.mjs").Protocol} [protocol]  default "ocpp1.6"
 * @returns {any}
 */
export function messageSchema(message: unknown, protocol?: import("./protocols.mjs").Protocol): any;
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
export function typeOf(node: any): "object" | "array" | "string" | "integer" | "number" | "boolean" | "any";
/**
 * Every schema node below the root (and the root itself first), depth first in schema order.
 * @param {any} root
 * @returns {SchemaSite[]}
 */
export function sites(root: any): SchemaSite[];
/**
 * A canonical valid value for a leaf node (same every call).
 * @param {any} node
 * @param {string} [name] property name (for readable values)
 */
export function canonicalLeaf(node: any, name?: string): any;
/**
 * A valid value of `node`: `"minimal"` has only required properties and empty arrays; `"full"` has
 * every property and `items` items per array.
 * @param {any} node
 * @param {"minimal" | "full"} [mode]
 * @param {number} [items]
 * @param {string} [name]
 * @returns {any}
 */
export function valueOf(node: any, mode?: "minimal" | "full", items?: number, name?: string): any;
/**
 * Makes sure every container on `path` exists in `value` (creating minimal objects / one-item arrays
 * along the way, as the schema says), and returns the container holding the last segment.
 * @param {any} root the root schema
 * @param {any} value the root value (modified)
 * @param {readonly Segment[]} path
 * @returns {{ parent: any, key: Segment, node: any }}
 */
export function ensurePath(root: any, value: any, path: readonly Segment[]): {
    parent: any;
    key: Segment;
    node: any;
};
export function definitionName(node: any): string | undefined;
export function isOpenObject(node: any): boolean;
export function boundsOf(node: any): [number, number];
export function itemBoundsOf(node: any): [number, number];
export function propertiesOf(node: any): [string, any][];
export function requiredOf(node: any): string[];
export function pointer(path: readonly Segment[]): string;
export function isEmptyObject(node: any): boolean;
export function isSampledValue(node: any): boolean;
export function copy<T>(v: T): T;
/**
 * a property name, or an array index
 */
export type Segment = string | number;
/**
 * node: the schema node; path: a concrete instance path (array items at index 0); schemaPath: the
 * property names with "[]" for items; required: listed in the parent's `required` (array items: true);
 * arrayDepth: how many arrays enclose the node
 */
export type SchemaSite = {
    node: any;
    path: Segment[];
    schemaPath: string[];
    required: boolean;
    arrayDepth: number;
};
