#!/usr/bin/env node
// Generates src/js/types.generated.ts from crates/core/schemas/ocpp1.6/StopTransaction.json (the single source of truth):
//   1. TypeScript interfaces with typia tags whose checks follow ajv (draft-04, strictNumbers, ajv-formats 3 full):
//        integer   -> number & AjvInteger            (Number.isInteger: finite and integral)
//        maxLength -> string & AjvMaxLength_<n>      (code points, as ajv's ucs2length)
//        date-time -> string & AjvDateTime           (exact port of ajv-formats getDateTime(true))
//      The tags' validate expressions call `__ocpp_maxLengthOk` / `__ocpp_isDateTime`, which the typia input
//      file (src/js/typia-input/validators.ts) imports from ../date-time.js, so typia's generated code calls them.
//   2. SCHEMA: a compact table of the same schema for the error walker (src/js/walker.ts), which reproduces
//      ajv's allErrors issue list exactly.
// Usage: node scripts/gen-js-types.mjs [--schema <path>] [--out <path>]
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const schemaPath = resolve(opt("--schema", resolve(here, "../../../crates/core/schemas/ocpp1.6/StopTransaction.json")));
const outPath = resolve(opt("--out", resolve(here, "../src/js/types.generated.ts")));
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

/** Nice OCPP names for nested types, keyed by JSON-pointer-like schema path; anything else gets a derived name. */
const NAMES = {
  "": schema.title ?? "Root",
  "/transactionData/items": "MeterValue",
  "/transactionData/items/sampledValue/items": "SampledValue",
  "/reason": "Reason",
  "/transactionData/items/sampledValue/items/context": "ReadingContext",
  "/transactionData/items/sampledValue/items/format": "ValueFormat",
  "/transactionData/items/sampledValue/items/measurand": "Measurand",
  "/transactionData/items/sampledValue/items/phase": "Phase",
  "/transactionData/items/sampledValue/items/location": "Location",
  "/transactionData/items/sampledValue/items/unit": "UnitOfMeasure",
};
const pascal = (s) => s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c) => c.toUpperCase());
const nameFor = (path) => NAMES[path] ?? pascal(path.replace(/\/items/g, "Item")) ;

const IGNORED = new Set(["$schema", "id", "title", "description"]);
const decls = []; // TypeScript declarations, in order
const maxLengths = new Set();

/** Converts a schema node into (a) a TS type expression and (b) a walker table node. */
function convert(node, path) {
  for (const k of Object.keys(node)) {
    if (!IGNORED.has(k) && !["type", "properties", "required", "additionalProperties", "items", "enum", "maxLength", "format"].includes(k)) {
      throw new Error(`gen-js-types: unsupported keyword '${k}' at ${path || "/"}`);
    }
  }
  if (node.enum) {
    if (node.type !== "string" || !node.enum.every((v) => typeof v === "string")) throw new Error(`unsupported enum at ${path}`);
    if (node.additionalProperties !== undefined && node.additionalProperties !== false) throw new Error(`unsupported enum additionalProperties at ${path}`);
    const name = nameFor(path);
    decls.push(`export type ${name} =\n${node.enum.map((v) => `  | ${JSON.stringify(v)}`).join("\n")};`);
    // ajv applies additionalProperties:false (no properties) to object values of this string enum.
    return { ts: name, table: { k: "enum", values: node.enum, noProps: node.additionalProperties === false } };
  }
  switch (node.type) {
    case "object": {
      if (node.additionalProperties !== false) throw new Error(`only additionalProperties:false objects are supported (${path})`);
      const name = nameFor(path);
      const required = node.required ?? [];
      const props = {};
      const lines = [];
      for (const [key, sub] of Object.entries(node.properties ?? {})) {
        const c = convert(sub, `${path}/${key}`);
        props[key] = c.table;
        const opt = required.includes(key) ? "" : "?";
        lines.push(`  ${JSON.stringify(key)}${opt}: ${c.ts};`);
      }
      for (const r of required) if (!(r in props)) throw new Error(`required '${r}' without a property schema at ${path}`);
      decls.push(`export interface ${name} {\n${lines.join("\n")}\n}`);
      return { ts: name, table: { k: "object", props, required } };
    }
    case "array": {
      if (!node.items || Array.isArray(node.items)) throw new Error(`unsupported items at ${path}`);
      const c = convert(node.items, `${path}/items`);
      return { ts: `Array<${c.ts}>`, table: { k: "array", items: c.table } };
    }
    case "string": {
      const parts = ["string"];
      const table = { k: "string" };
      if (node.maxLength !== undefined) {
        parts.push(`AjvMaxLength_${node.maxLength}`);
        maxLengths.add(node.maxLength);
        table.maxLength = node.maxLength;
      }
      if (node.format !== undefined) {
        if (node.format !== "date-time") throw new Error(`unsupported format '${node.format}' at ${path}`);
        parts.push("AjvDateTime");
        table.format = "date-time";
      }
      if (node.additionalProperties !== undefined) throw new Error(`unsupported additionalProperties on plain string at ${path}`);
      return { ts: parts.join(" & "), table };
    }
    case "integer":
      return { ts: "number & AjvInteger", table: { k: "integer" } };
    default:
      throw new Error(`unsupported type '${node.type}' at ${path}`);
  }
}

const root = convert(schema, "");
const tags = [
  `/** JSON Schema \`integer\` under ajv strictNumbers: a finite number with no fractional part. */`,
  `export type AjvInteger = tags.TagBase<{ target: "number"; kind: "ajvInteger"; value: undefined; validate: "Number.isInteger($input)"; exclusive: true; schema: { type: "integer" } }>;`,
  `/** ajv-formats 3 full-mode \`date-time\` (exact port in ../date-time.ts). */`,
  `export type AjvDateTime = tags.TagBase<{ target: "string"; kind: "ajvDateTime"; value: undefined; validate: "__ocpp_isDateTime($input)"; exclusive: true; schema: { format: "date-time" } }>;`,
  ...[...maxLengths].map(
    (n) =>
      `/** \`maxLength: ${n}\` counted in code points, as ajv's ucs2length. */\nexport type AjvMaxLength_${n} = tags.TagBase<{ target: "string"; kind: "ajvMaxLength"; value: ${n}; validate: "__ocpp_maxLengthOk($input, ${n})"; exclusive: true; schema: { maxLength: ${n} } }>;`,
  ),
];

const out = `// GENERATED by scripts/gen-js-types.mjs from ${JSON.stringify(schemaPath.split("/").slice(-3).join("/"))}. Do not edit.
/* eslint-disable */
import type { tags } from "typia";

${tags.join("\n")}

${decls.join("\n\n")}

/** The root payload type. */
export type Payload = ${root.ts};

/** Schema table for the error walker (src/js/walker.ts). */
export type SchemaNode =
  | { readonly k: "object"; readonly props: { readonly [key: string]: SchemaNode }; readonly required: readonly string[] }
  | { readonly k: "array"; readonly items: SchemaNode }
  | { readonly k: "string"; readonly maxLength?: number; readonly format?: "date-time" }
  | { readonly k: "integer" }
  | { readonly k: "enum"; readonly values: readonly string[]; readonly noProps: boolean };

export const SCHEMA: SchemaNode = ${JSON.stringify(root.table, null, 2)};
`;
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, out);
console.log(`gen-js-types: wrote ${outPath}`);
