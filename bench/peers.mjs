// The peers: every other way a Node.js program validates an OCPP payload today, each set up the
// way its own documentation (or, for ocpp-rpc, its own server) does it, per message (and protocol:
// "ocpp1.6" unless a 2.x message is asked for). Each factory
// returns plain functions; index.mjs wraps them into benchmark rows for each input form.
import { parser as schemasafeParser, validator as schemasafeValidator } from "@exodus/schemasafe";
import { compileReference, schemaPathFor } from "@ocpp-validate/test-vectors/reference";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** A fresh, mutable copy of the official schema of `message` (crates/core/schemas/<protocol>/<message>.json). */
export function loadSchema(message = "StopTransaction", protocol = "ocpp1.6") {
  return JSON.parse(readFileSync(protocol === "ocpp1.6" ? schemaPathFor(message) : schemaPathFor(message, protocol), "utf8"));
}

/**
 * JSON.parse + ajv 8 (`strict: false, strictNumbers: true`) + ajv-formats 3 (full mode): the
 * reference configuration, compiled by the reference itself (`compileReference`, a fresh ajv
 * instance per message), so the peer's verdicts are the reference's by construction. 1.6 uses the
 * draft-04 dialect (ajv-draft-04), 2.x ajv's `Ajv` class with the draft-06 meta-schema added. Its one
 * deviation from stock ajv, the exact decimal `multipleOf`, only exists in schemas that use
 * multipleOf; for the benched messages (none does) the compiled code is stock ajv's, byte for byte.
 */
export function makeAjv(message = "StopTransaction", protocol = "ocpp1.6") {
  return protocol === "ocpp1.6" ? compileReference({ message }) : compileReference({ message, protocol });
}

/**
 * ocpp-rpc 2.2.1: `createValidator('ocpp1.6', <its bundled lib/schemas/ocpp1_6.json>)` (and
 * `'ocpp2.0.1'` with `ocpp2_0_1.json`, `'ocpp2.1'` with `ocpp2_1.json`) is exactly what its
 * standard-validators.js builds; in strict mode RPCServer's clients call
 * `validator.validate('urn:<Action>.req', params)` on every inbound call (responses:
 * `urn:<Action>.conf`) with the validator of the negotiated subprotocol, which throws an RPCError on
 * failure (lib/client.js `_onCall`). Its schemas are draft-07 copies (ids `urn:<Action>.req`, not
 * the official `urn:OCPP:…`; 2.x ids drop the `Request` suffix: `urn:TransactionEvent.req`), plain
 * `ajv` 8 with `strictSchema:false`, ajv-formats 2.1 and its own epsilon `multipleOf`.
 * Returns `(message) => (params) => boolean`, one shared validator instance per protocol as ocpp-rpc has.
 */
const OCPP_RPC_SCHEMA_FILES = { "ocpp1.6": "ocpp1_6.json", "ocpp2.0.1": "ocpp2_0_1.json", "ocpp2.1": "ocpp2_1.json" };
export function makeOcppRpc(protocol = "ocpp1.6") {
  const { createValidator } = require("ocpp-rpc");
  const ocppRpcDir = dirname(require.resolve("ocpp-rpc"));
  const file = OCPP_RPC_SCHEMA_FILES[protocol];
  if (!file) throw new Error(`ocpp-rpc has no bundled schemas for ${protocol}`);
  const schemas = JSON.parse(readFileSync(join(ocppRpcDir, "lib", "schemas", file), "utf8"));
  const validator = createValidator(protocol, schemas);
  const ids = new Set(schemas.map((s) => s.$id));
  return function forMessage(message) {
    // 1.6 names the request after the action; 2.x stems end in Request
    const action = protocol !== "ocpp1.6" && message.endsWith("Request") ? message.slice(0, -"Request".length) : message;
    const id = action.endsWith("Response") ? `urn:${action.slice(0, -"Response".length)}.conf` : `urn:${action}.req`;
    if (!ids.has(id)) throw new Error(`ocpp-rpc's bundled ${protocol} schemas have no ${id}`);
    /** @returns {boolean} */
    return function ocppRpcValidate(params) {
      try {
        validator.validate(id, params);
        return true;
      } catch {
        return false;
      }
    };
  };
}

/**
 * The OCPP schemas put `additionalProperties: false` on string enums (meaningless there: it only
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

/**
 * The 2.x files also carry `javaType` and `comment`, which schemasafe refuses as unknown keywords
 * unless `allowUnusedKeywords` (pass `{ allowUnusedKeywords: true }` for them; 1.6 needs nothing).
 */
export function makeSchemasafe(schema, extra = {}) {
  const stripped = stripEnumAdditionalProperties(schema);
  const options = { mode: "default", includeErrors: false, ...extra };
  let refusedRaw = null;
  try {
    schemasafeParser(schema, options);
  } catch (e) {
    refusedRaw = e.message;
  }
  const parse = schemasafeParser(stripped, options);
  const validate = schemasafeValidator(stripped, options);
  return { parse, validate, refusedRaw };
}

/** `MeterValues` → `meter-values` (the file names in typia-src/). */
export const typiaModuleName = (message) => message.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase());

/** typia 12, generated offline by bench/build.mjs from bench/typia-src/<message>.ts. */
export async function makeTypia(message = "StopTransaction") {
  const file = `./typia-gen/${typiaModuleName(message)}.mjs`;
  try {
    return await import(file);
  } catch (e) {
    throw new Error(`bench/${file.slice(2)} is missing or broken: run \`node bench/build.mjs\` (${e.message})`);
  }
}
