// The peers: every other way a Node.js program validates an OCPP 1.6 payload today, each set up the
// way its own documentation (or, for ocpp-rpc, its own server) does it, per message. Each factory
// returns plain functions; index.mjs wraps them into benchmark rows for each input form.
import { parser as schemasafeParser, validator as schemasafeValidator } from "@exodus/schemasafe";
import { compileReference, schemaPathFor } from "@ocpp-validate/test-vectors/reference";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);

/** A fresh, mutable copy of the official schema of `message` (crates/core/schemas/ocpp1.6/<message>.json). */
export function loadSchema(message = "StopTransaction") {
  return JSON.parse(readFileSync(schemaPathFor(message), "utf8"));
}

/**
 * JSON.parse + ajv 8 (draft-04 dialect, `strict: false, strictNumbers: true`) + ajv-formats 3 (full
 * mode): the reference configuration, compiled by the reference itself (`compileReference`, a fresh
 * ajv instance per message), so the peer's verdicts are the reference's by construction. Its one
 * deviation from stock ajv, the exact decimal `multipleOf`, only exists in schemas that use
 * multipleOf; for the benched messages (none does) the compiled code is stock ajv's, byte for byte.
 */
export function makeAjv(message = "StopTransaction") {
  return compileReference({ message });
}

/**
 * ocpp-rpc 2.2.1: `createValidator('ocpp1.6', <its bundled lib/schemas/ocpp1_6.json>)` is exactly
 * what its standard-validators.js builds; in strict mode RPCServer's clients call
 * `validator.validate('urn:<Action>.req', params)` on every inbound call (responses:
 * `urn:<Action>.conf`), which throws an RPCError on failure (lib/client.js `_onCall`). Its schemas
 * are draft-07 copies (ids `urn:<Action>.req`, not the official `urn:OCPP:1.6:2019:12:…`), plain
 * `ajv` 8 with `strictSchema:false`, ajv-formats 2.1 and its own epsilon `multipleOf`.
 * Returns `(message) => (params) => boolean`, one shared validator instance as ocpp-rpc has.
 */
export function makeOcppRpc() {
  const { createValidator } = require("ocpp-rpc");
  const ocppRpcDir = dirname(require.resolve("ocpp-rpc"));
  const schemas = JSON.parse(readFileSync(join(ocppRpcDir, "lib", "schemas", "ocpp1_6.json"), "utf8"));
  const validator = createValidator("ocpp1.6", schemas);
  const ids = new Set(schemas.map((s) => s.$id));
  return function forMessage(message) {
    const id = message.endsWith("Response") ? `urn:${message.slice(0, -"Response".length)}.conf` : `urn:${message}.req`;
    if (!ids.has(id)) throw new Error(`ocpp-rpc's bundled 1.6 schemas have no ${id}`);
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
