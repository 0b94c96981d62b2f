// The peers: every other way a Node.js program validates a StopTransaction.req today, each set up
// the way its own documentation (or, for ocpp-rpc, its own server) does it. Each factory returns
// plain functions; index.mjs wraps them into benchmark rows for each input form.
import { parser as schemasafeParser, validator as schemasafeValidator } from "@exodus/schemasafe";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
const Ajv04 = Ajv04Module.default ?? Ajv04Module;
const addFormats = addFormatsModule.default ?? addFormatsModule;
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
export const schemaPath = join(here, "..", "crates", "core", "schemas", "ocpp1.6", "StopTransaction.json");

export function loadSchema() {
  return JSON.parse(readFileSync(schemaPath, "utf8"));
}

/** JSON.parse + ajv 8 (draft-04 dialect) + ajv-formats 3 (full mode): the reference configuration. */
export function makeAjv(schema) {
  const ajv = new Ajv04({ strict: false, strictNumbers: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/**
 * ocpp-rpc 2.2.1: `createValidator('ocpp1.6', <its bundled ocpp1_6.json>)` is exactly what its
 * standard-validators.js builds; in strict mode RPCServer's clients call
 * `validator.validate('urn:StopTransaction.req', params)` on every inbound call, which throws an
 * RPCError on failure (lib/client.js `_onCall`). Its schema is draft-07, plain `ajv` 8.14 with
 * `strictSchema:false` and ajv-formats 2.1.
 */
export function makeOcppRpc() {
  const { createValidator } = require("ocpp-rpc");
  const ocppRpcDir = dirname(require.resolve("ocpp-rpc"));
  const schemas = JSON.parse(readFileSync(join(ocppRpcDir, "lib", "schemas", "ocpp1_6.json"), "utf8"));
  const validator = createValidator("ocpp1.6", schemas);
  const id = "urn:StopTransaction.req";
  /** @returns {boolean} */
  return function ocppRpcValidate(params) {
    try {
      validator.validate(id, params);
      return true;
    } catch {
      return false;
    }
  };
}

/**
 * The OCPP schema puts `additionalProperties: false` on string enums (meaningless there: it only
 * applies to objects). @exodus/schemasafe refuses such schemas ("Unexpected keywords mixed with
 * const or enum"), so it gets a copy with that keyword removed wherever it sits next to `enum`
 * without `properties`. Its parser also defaults to `mode: "strong"`, which refuses any string
 * without pattern/format, so both use `mode: "default"`.
 */
export function stripEnumAdditionalProperties(node) {
  if (Array.isArray(node)) return node.map(stripEnumAdditionalProperties);
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === "additionalProperties" && "enum" in node && !("properties" in node) && !("patternProperties" in node)) continue;
    out[k] = stripEnumAdditionalProperties(v);
  }
  return out;
}

export function makeSchemasafe(schema) {
  const stripped = stripEnumAdditionalProperties(schema);
  let refusedRaw = null;
  try {
    schemasafeParser(schema, { mode: "default", includeErrors: false });
  } catch (e) {
    refusedRaw = e.message;
  }
  const parse = schemasafeParser(stripped, { mode: "default", includeErrors: false });
  const validate = schemasafeValidator(stripped, { mode: "default", includeErrors: false });
  return { parse, validate, refusedRaw };
}

/** typia 12, generated offline by bench/build.mjs from bench/typia-src/stop-transaction.ts. */
export async function makeTypia() {
  try {
    return await import("./typia-gen/stop-transaction.mjs");
  } catch (e) {
    throw new Error(`bench/typia-gen/stop-transaction.mjs is missing or broken: run \`node bench/build.mjs\` (${e.message})`);
  }
}
