#!/usr/bin/env node
// Generates, from every crates/core/schemas/ocpp1.6/*.json (the single source of truth; message name =
// file stem; message index = position in the sorted list of stems, exactly as the Rust core sorts them):
//
//   src/messages.generated.ts   PUBLIC, plain TypeScript (no typia): MESSAGE_NAMES, ACTIONS,
//                               CHARGE_POINT_ACTIONS, RESPONSE_NAMES, one type per message (named
//                               exactly as the message) with its nested named types, MessageTypes.
//   src/js/types.generated.ts   INTERNAL: the same types with typia tags whose checks follow ajv
//                               (draft-04, strictNumbers, ajv-formats 3 full, decimal multipleOf):
//        integer    -> number & AjvInteger           (Number.isInteger: finite and integral)
//        number     -> number & AjvNumber            (Number.isFinite: strictNumbers)
//        multipleOf -> & AjvMultipleOf_<m>           (decimal rule, ../multiple-of.ts)
//        maxLength  -> string & AjvMaxLength_<n>     (code points, as ajv's ucs2length)
//        date-time  -> string & AjvDateTime          (exact port of ajv-formats getDateTime(true))
//        uri        -> string & AjvUri               (exact port of ajv-formats full `uri`, ../uri.ts)
//                               plus SCHEMAS, the walker tables (src/js/walker.ts), indexed by message.
//
// The typia input (src/js/typia-input/*.ts) is committed; this script checks that it names every
// message in index order (`--write-typia-input` rewrites it). Anything the generator does not
// understand throws: a schema feature it cannot reproduce exactly must never be silently accepted.
//
// Usage: node scripts/gen-js-types.mjs [--write-typia-input]
// Imported by scripts/build.mjs for `loadMessages` / `typiaObjectChecks`.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SCHEMA_DIR = resolve(here, "../../../crates/core/schemas/ocpp1.6");
const PUBLIC_OUT = resolve(here, "../src/messages.generated.ts");
const INTERNAL_OUT = resolve(here, "../src/js/types.generated.ts");
const TYPIA_INPUT = resolve(here, "../src/js/typia-input");

/** The actions a Charge Point sends (crates/core/schemas/directions.json, shared with build.rs); every other action is sent by a Central System. */
export const CHARGE_POINT_ACTIONS = JSON.parse(readFileSync(resolve(SCHEMA_DIR, "..", "directions.json"), "utf8"))["ocpp1.6"].chargePoint;
const RESPONSE_SUFFIX = "Response";

// ───────────────────────────── names of nested types ─────────────────────────────
/**
 * The OCPP 1.6 specification's names (section 7, "Types") for nested nodes. A key is either
 * "<Message>:<path>" (that message only) or "<path suffix>" (any message whose path ends with it);
 * a path is the property keys from the root, `[]` for array items: `/meterValue[]/sampledValue[]/unit`.
 * Every entry must name at least one node (a stale entry throws). Nodes without an entry are named
 * after their property key. If one name ends up on structurally different nodes (StopTransaction's
 * unit enum lacks `Celsius`, MeterValues' has it), every occurrence is prefixed with its message
 * name (`StopTransactionUnitOfMeasure`, `MeterValuesUnitOfMeasure`); identical ones share the name.
 */
const SPEC_NAMES = {
  "/idTagInfo": "IdTagInfo",
  "/idTagInfo/status": "AuthorizationStatus",
  "/localAuthorizationList[]": "AuthorizationData",
  "/meterValue[]": "MeterValue",
  "/transactionData[]": "MeterValue",
  "/sampledValue[]": "SampledValue",
  "/sampledValue[]/context": "ReadingContext",
  "/sampledValue[]/format": "ValueFormat",
  "/sampledValue[]/measurand": "Measurand",
  "/sampledValue[]/phase": "Phase",
  "/sampledValue[]/location": "Location",
  "/sampledValue[]/unit": "UnitOfMeasure",
  "/chargingProfile": "ChargingProfile",
  "/csChargingProfiles": "ChargingProfile",
  "/chargingProfilePurpose": "ChargingProfilePurposeType",
  "/chargingProfileKind": "ChargingProfileKindType",
  "/recurrencyKind": "RecurrencyKindType",
  "/chargingSchedule": "ChargingSchedule",
  "/chargingSchedulePeriod[]": "ChargingSchedulePeriod",
  "/chargingRateUnit": "ChargingRateUnitType",
  "/configurationKey[]": "KeyValue",
  "BootNotificationResponse:/status": "RegistrationStatus",
  "CancelReservationResponse:/status": "CancelReservationStatus",
  "ChangeAvailability:/type": "AvailabilityType",
  "ChangeAvailabilityResponse:/status": "AvailabilityStatus",
  "ChangeConfigurationResponse:/status": "ConfigurationStatus",
  "ClearCacheResponse:/status": "ClearCacheStatus",
  "ClearChargingProfileResponse:/status": "ClearChargingProfileStatus",
  "DataTransferResponse:/status": "DataTransferStatus",
  "DiagnosticsStatusNotification:/status": "DiagnosticsStatus",
  "FirmwareStatusNotification:/status": "FirmwareStatus",
  "GetCompositeScheduleResponse:/status": "GetCompositeScheduleStatus",
  "RemoteStartTransactionResponse:/status": "RemoteStartStopStatus",
  "RemoteStopTransactionResponse:/status": "RemoteStartStopStatus",
  "ReserveNowResponse:/status": "ReservationStatus",
  "Reset:/type": "ResetType",
  "ResetResponse:/status": "ResetStatus",
  "SendLocalList:/updateType": "UpdateType",
  "SendLocalListResponse:/status": "UpdateStatus",
  "SetChargingProfileResponse:/status": "ChargingProfileStatus",
  "StatusNotification:/errorCode": "ChargePointErrorCode",
  "StatusNotification:/status": "ChargePointStatus",
  "StopTransaction:/reason": "Reason",
  "TriggerMessage:/requestedMessage": "MessageTrigger",
  "TriggerMessageResponse:/status": "TriggerMessageStatus",
  "UnlockConnectorResponse:/status": "UnlockStatus",
};
/** Names the public file declares itself: no nested type may take them. */
const RESERVED = new Set([
  "MESSAGE_NAMES", "MessageName", "ACTIONS", "Action", "RequestName", "RESPONSE_NAMES", "ResponseName",
  "CHARGE_POINT_ACTIONS", "ChargePointAction", "MessageTypes", "ResponseFor", "StopTransactionRequest",
]);

const pascal = (s) => {
  const out = s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
  if (!/^[A-Z][A-Za-z0-9]*$/.test(out)) throw new Error(`gen-js-types: cannot derive a type name from '${s}'`);
  return out;
};

// ───────────────────────────── schema → IR ─────────────────────────────
const ROOT_ONLY = new Set(["$schema", "id", "title"]);
const ALLOWED = {
  object: new Set(["type", "properties", "required", "additionalProperties", "description"]),
  array: new Set(["type", "items", "description"]),
  string: new Set(["type", "maxLength", "format", "additionalProperties", "description"]),
  enum: new Set(["type", "enum", "additionalProperties", "description"]),
  integer: new Set(["type", "description"]),
  number: new Set(["type", "multipleOf", "description"]),
  boolean: new Set(["type", "description"]),
};
const FORMATS = new Set(["date-time", "uri"]);
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isNonNegInt = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0;

/**
 * IR node:
 *   { kind: "object", props: [{ key, required, node }], required: [..], keyOrder }
 *   { kind: "array", items } | { kind: "string", maxLength?, format?, noProps }
 *   { kind: "enum", values, noProps } | { kind: "integer" } | { kind: "number", multipleOf? } | { kind: "boolean" }
 * plus `path` (for naming and errors), `message`, `sig` (structural identity) and, for objects and
 * enums, `name` once names are assigned.
 */
function convert(node, message, path, isRoot) {
  const where = `${message}.json ${path || "(root)"}`;
  if (!isObj(node)) throw new Error(`gen-js-types: ${where}: a schema must be an object`);
  if (typeof node.type !== "string") throw new Error(`gen-js-types: ${where}: 'type' must be a single type name (got ${JSON.stringify(node.type)})`);
  const kind = node.enum !== undefined ? "enum" : node.type;
  const allowed = ALLOWED[kind];
  if (!allowed) throw new Error(`gen-js-types: ${where}: unsupported type '${node.type}'`);
  for (const k of Object.keys(node)) {
    if (isRoot && ROOT_ONLY.has(k)) continue;
    if (!allowed.has(k)) throw new Error(`gen-js-types: ${where}: unsupported keyword '${k}' on a ${kind} schema`);
  }
  if (node.description !== undefined && typeof node.description !== "string") throw new Error(`gen-js-types: ${where}: description must be a string`);
  const noProps = () => {
    if (node.additionalProperties === undefined) return false;
    if (node.additionalProperties !== false) throw new Error(`gen-js-types: ${where}: only additionalProperties:false is supported`);
    return true; // ajv applies it (with no properties) to object values: every key is additional
  };
  const base = { path, message, description: node.description };
  switch (kind) {
    case "object": {
      if (node.additionalProperties !== false) throw new Error(`gen-js-types: ${where}: objects must have additionalProperties:false`);
      const properties = node.properties ?? {};
      if (!isObj(properties)) throw new Error(`gen-js-types: ${where}: properties must be an object`);
      const required = node.required ?? [];
      if (!Array.isArray(required) || !required.every((r) => typeof r === "string") || new Set(required).size !== required.length) {
        throw new Error(`gen-js-types: ${where}: required must be an array of distinct strings`);
      }
      for (const r of required) {
        if (!Object.prototype.hasOwnProperty.call(properties, r)) throw new Error(`gen-js-types: ${where}: required '${r}' has no property schema`);
      }
      // Object.keys order of the parsed schema = the order ajv walks `properties` in.
      const props = Object.keys(properties).map((key) => ({
        key,
        required: required.includes(key),
        node: convert(properties[key], message, `${path}/${key}`, false),
      }));
      return { ...base, kind, props, required };
    }
    case "array": {
      if (!isObj(node.items)) throw new Error(`gen-js-types: ${where}: only a single 'items' schema is supported`);
      return { ...base, kind, items: convert(node.items, message, `${path}[]`, false) };
    }
    case "enum": {
      if (node.type !== "string") throw new Error(`gen-js-types: ${where}: only string enums are supported`);
      const values = node.enum;
      if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === "string") || new Set(values).size !== values.length) {
        throw new Error(`gen-js-types: ${where}: enum must be a non-empty list of distinct strings`);
      }
      return { ...base, kind, values, noProps: noProps() };
    }
    case "string": {
      const out = { ...base, kind, noProps: noProps() };
      if (node.maxLength !== undefined) {
        if (!isNonNegInt(node.maxLength)) throw new Error(`gen-js-types: ${where}: maxLength must be a non-negative integer`);
        out.maxLength = node.maxLength;
      }
      if (node.format !== undefined) {
        if (!FORMATS.has(node.format)) throw new Error(`gen-js-types: ${where}: unsupported format '${node.format}'`);
        out.format = node.format;
      }
      return out;
    }
    case "number": {
      const out = { ...base, kind };
      if (node.multipleOf !== undefined) {
        const m = node.multipleOf;
        if (typeof m !== "number" || !Number.isFinite(m) || m <= 0) throw new Error(`gen-js-types: ${where}: multipleOf must be a positive number`);
        out.multipleOf = String(m); // its shortest decimal form: the rule is decimal (../src/js/multiple-of.ts)
      }
      return out;
    }
    default:
      return { ...base, kind };
  }
}

/** Structural identity of a node (everything that affects validation or the TypeScript type). */
function signature(n) {
  switch (n.kind) {
    case "object":
      return `{${n.props.map((p) => `${JSON.stringify(p.key)}${p.required ? "" : "?"}:${signature(p.node)}`).join(",")}}`;
    case "array":
      return `[${signature(n.items)}]`;
    case "enum":
      return `enum(${JSON.stringify(n.values)},${n.noProps})`;
    case "string":
      return `string(${n.maxLength ?? ""},${n.format ?? ""},${n.noProps})`;
    case "number":
      return `number(${n.multipleOf ?? ""})`;
    default:
      return n.kind;
  }
}

function* nodes(n) {
  yield n;
  if (n.kind === "object") for (const p of n.props) yield* nodes(p.node);
  else if (n.kind === "array") yield* nodes(n.items);
}
const isNamed = (n) => n.kind === "object" || n.kind === "enum";

function specName(message, path, used) {
  const exact = `${message}:${path}`;
  if (Object.prototype.hasOwnProperty.call(SPEC_NAMES, exact)) {
    used.add(exact);
    return SPEC_NAMES[exact];
  }
  // longest matching suffix, on a segment boundary
  let best = null;
  for (const key of Object.keys(SPEC_NAMES)) {
    if (key.includes(":")) continue;
    if (path.endsWith(key) && (best === null || key.length > best.length)) best = key;
  }
  if (best !== null) {
    used.add(best);
    return SPEC_NAMES[best];
  }
  const last = path.replace(/\[\]$/, "").split("/").pop();
  return pascal(last);
}

/** Reads, converts and names every message. */
export function loadMessages() {
  const files = readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json"));
  const names = files.map((f) => f.slice(0, -".json".length)).sort();
  // The Rust core sorts stems bytewise; JS sorts code units. Both equal a plain sort of the file names here.
  const byFile = [...files].sort().map((f) => f.slice(0, -".json".length));
  if (JSON.stringify(byFile) !== JSON.stringify(names)) throw new Error("gen-js-types: sorting file names and sorting stems disagree");
  if (names.length === 0) throw new Error(`gen-js-types: no schemas in ${SCHEMA_DIR}`);
  for (const n of names) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(n)) throw new Error(`gen-js-types: '${n}.json' is not a PascalCase message name`);
    if (RESERVED.has(n)) throw new Error(`gen-js-types: message name '${n}' is reserved`);
  }
  const messages = names.map((name, index) => {
    const schema = JSON.parse(readFileSync(resolve(SCHEMA_DIR, `${name}.json`), "utf8"));
    if (schema.$schema !== undefined && schema.$schema !== "http://json-schema.org/draft-04/schema#") {
      throw new Error(`gen-js-types: ${name}.json: not a draft-04 schema (${schema.$schema})`);
    }
    const root = convert(schema, name, "", true);
    if (root.kind !== "object") throw new Error(`gen-js-types: ${name}.json: the root must be an object schema`);
    const isResponse = name.endsWith(RESPONSE_SUFFIX) && name.length > RESPONSE_SUFFIX.length;
    return { name, index, root, isResponse, title: schema.title };
  });
  const nameSet = new Set(names);
  const requests = messages.filter((m) => !m.isResponse).map((m) => m.name);
  for (const m of messages) {
    if (m.isResponse && !nameSet.has(m.name.slice(0, -RESPONSE_SUFFIX.length))) throw new Error(`gen-js-types: ${m.name} answers no request schema`);
    if (!m.isResponse && !nameSet.has(m.name + RESPONSE_SUFFIX)) throw new Error(`gen-js-types: ${m.name} has no ${m.name}${RESPONSE_SUFFIX} schema`);
  }
  for (const a of CHARGE_POINT_ACTIONS) if (!requests.includes(a)) throw new Error(`gen-js-types: charge point action '${a}' has no request schema`);

  // names: root = message name; nested objects and enums = spec name or property key, prefixed when ambiguous
  const used = new Set();
  const groups = new Map(); // base name -> Map(signature -> [nodes])
  for (const m of messages) {
    m.root.name = m.name;
    for (const n of nodes(m.root)) {
      n.sig = signature(n);
      if (n === m.root || !isNamed(n)) continue;
      n.base = specName(m.name, n.path, used);
      if (!groups.has(n.base)) groups.set(n.base, new Map());
      const variants = groups.get(n.base);
      if (!variants.has(n.sig)) variants.set(n.sig, []);
      variants.get(n.sig).push(n);
    }
  }
  for (const key of Object.keys(SPEC_NAMES)) if (!used.has(key)) throw new Error(`gen-js-types: SPEC_NAMES entry '${key}' names no schema node (stale?)`);
  for (const [base, variants] of groups) {
    const ambiguous = variants.size > 1;
    for (const list of variants.values()) {
      for (const n of list) n.name = ambiguous ? `${n.message}${base}` : base;
    }
    if (ambiguous) {
      // one name per message and variant: two different variants in one message cannot both be prefixed alike
      const seen = new Map();
      for (const [sig, list] of variants) {
        for (const n of list) {
          if (seen.has(n.name) && seen.get(n.name) !== sig) throw new Error(`gen-js-types: ${n.message} has two different '${base}' types; add SPEC_NAMES entries`);
          seen.set(n.name, sig);
        }
      }
    }
  }
  // final name checks: unique meaning per name, no clash with messages or the public file's own names
  const meaning = new Map();
  for (const m of messages) {
    for (const n of nodes(m.root)) {
      if (!isNamed(n)) continue;
      if (n !== m.root && (nameSet.has(n.name) || RESERVED.has(n.name))) throw new Error(`gen-js-types: nested type name '${n.name}' (${m.name} ${n.path}) clashes with a message or export name`);
      if (meaning.has(n.name) && meaning.get(n.name) !== n.sig) throw new Error(`gen-js-types: type name '${n.name}' would mean two different types`);
      meaning.set(n.name, n.sig);
    }
  }
  return { messages, names, requests, responses: messages.filter((m) => m.isResponse).map((m) => m.name) };
}

/**
 * How many times typia's `equals` output holds its undefined-tolerant unknown-key check: once per
 * object type of each message (typia writes one `_io` function per distinct object type per
 * validator; our object types are distinct by name, and identical nodes within a message share one).
 */
export function typiaObjectChecks(messages) {
  let count = 0;
  for (const m of messages) {
    const names = new Set();
    for (const n of nodes(m.root)) if (n.kind === "object") names.add(n.name);
    count += names.size;
  }
  return count;
}

// ───────────────────────────── emitters ─────────────────────────────
const q = JSON.stringify;
const propKey = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : q(k));

/** Constraint notes for JSDoc (the TypeScript type cannot say them). */
function notes(n) {
  const out = [];
  if (n.description) out.push(n.description.replace(/\*\//g, "*\\/"));
  switch (n.kind) {
    case "integer":
      out.push("`integer`: finite, no fractional part (`1.0` and `1e2` are integers).");
      break;
    case "number":
      out.push("A finite number.");
      if (n.multipleOf !== undefined) out.push(`\`multipleOf: ${n.multipleOf}\`, decided in decimal: \`String(x)\` must be an exact multiple of ${n.multipleOf}.`);
      break;
    case "string":
      if (n.maxLength !== undefined) out.push(`\`maxLength: ${n.maxLength}\`, counted in Unicode code points.`);
      if (n.format === "date-time") out.push("`format: date-time`: RFC 3339 with a required offset (`2024-05-17T14:32:05Z`).");
      if (n.format === "uri") out.push("`format: uri`: an absolute URI (RFC 3986).");
      break;
    case "array": {
      const inner = notes(n.items);
      if (inner.length) out.push(`Each item: ${inner.join(" ")}`);
      break;
    }
    default:
      break;
  }
  return out;
}

function jsdoc(lines, indent) {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join("\n")}\n${indent} */\n`;
}

/** Emits the declarations of one message's named types (deduplicated across messages by name). */
function emitDeclarations(messages, typeOf, emptyObject, objectDoc) {
  const declared = new Set();
  const out = [];
  for (const m of messages) {
    const pending = [];
    for (const n of nodes(m.root)) if (isNamed(n) && !declared.has(n.name)) {
      declared.add(n.name);
      pending.push(n);
    }
    for (const n of pending) {
      const doc = n === m.root ? objectDoc(m) : notes(n).filter((l) => l === n.description);
      if (n.kind === "enum") {
        out.push(`${jsdoc(doc, "")}export type ${n.name} =\n${n.values.map((v) => `  | ${q(v)}`).join("\n")};`);
      } else if (n.props.length === 0) {
        out.push(`${jsdoc([...doc, "Only the empty object `{}` is valid."], "")}${emptyObject(n.name)}`);
      } else {
        const lines = n.props.map((p) => `${jsdoc(notes(p.node), "  ")}  ${propKey(p.key)}${p.required ? "" : "?"}: ${typeOf(p.node)};`);
        out.push(`${jsdoc(doc, "")}export interface ${n.name} {\n${lines.join("\n")}\n}`);
      }
    }
  }
  return out;
}

function publicType(n) {
  switch (n.kind) {
    case "object":
    case "enum":
      return n.name;
    case "array": {
      const t = publicType(n.items);
      return /^[A-Za-z0-9_]+$/.test(t) ? `${t}[]` : `Array<${t}>`;
    }
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      throw new Error(`gen-js-types: no type for ${n.kind}`);
  }
}

const tagSafe = (s) => s.replace(/[^A-Za-z0-9]/g, "_");
function internalType(n, tagsUsed) {
  switch (n.kind) {
    case "object":
    case "enum":
      return n.name;
    case "array":
      return `Array<${internalType(n.items, tagsUsed)}>`;
    case "string": {
      const parts = ["string"];
      if (n.maxLength !== undefined) {
        parts.push(`AjvMaxLength_${n.maxLength}`);
        tagsUsed.maxLength.add(n.maxLength);
      }
      if (n.format === "date-time") parts.push("AjvDateTime");
      if (n.format === "uri") parts.push("AjvUri");
      return parts.join(" & ");
    }
    case "integer":
      return "number & AjvInteger";
    case "number": {
      const parts = ["number", "AjvNumber"];
      if (n.multipleOf !== undefined) {
        parts.push(`AjvMultipleOf_${tagSafe(n.multipleOf)}`);
        tagsUsed.multipleOf.add(n.multipleOf);
      }
      return parts.join(" & ");
    }
    case "boolean":
      return "boolean";
    default:
      throw new Error(`gen-js-types: no type for ${n.kind}`);
  }
}

/** The walker table of a node as a JS expression; named nodes become shared constants. */
function tableExpr(n, consts) {
  switch (n.kind) {
    case "object": {
      if (!consts.has(n.name)) {
        const props = n.props.map((p) => `[${q(p.key)}, ${tableExpr(p.node, consts)}]`);
        consts.set(n.name, `{ k: "object", props: [${props.join(", ")}], required: ${q(n.required)} }`);
      }
      return `T_${n.name}`;
    }
    case "enum":
      // uom: OCPP 1.6's UnitOfMeasure (any enum holding the schema's "Celcius"), where the errata tolerance applies
      if (!consts.has(n.name)) consts.set(n.name, `{ k: "enum", values: ${q(n.values)}, noProps: ${n.noProps}, uom: ${n.values.includes("Celcius")} }`);
      return `T_${n.name}`;
    case "array":
      return `{ k: "array", items: ${tableExpr(n.items, consts)} }`;
    case "string": {
      const f = [`k: "string"`, `noProps: ${n.noProps}`];
      if (n.maxLength !== undefined) f.push(`maxLength: ${n.maxLength}`);
      if (n.format !== undefined) f.push(`format: ${q(n.format)}`);
      return `{ ${f.join(", ")} }`;
    }
    case "number":
      return n.multipleOf !== undefined ? `{ k: "number", multipleOf: ${q(n.multipleOf)} }` : `{ k: "number" }`;
    default:
      return `{ k: ${q(n.kind)} }`;
  }
}

const header = (what) =>
  `// GENERATED by scripts/gen-js-types.mjs from crates/core/schemas/ocpp1.6/*.json (${what}). Do not edit.\n/* eslint-disable */\n`;

function emitPublic({ messages, names, requests, responses }) {
  const list = (xs) => `[\n${xs.map((x) => `  ${q(x)},`).join("\n")}\n] as const`;
  const decls = emitDeclarations(
    messages,
    publicType,
    (name) => `export type ${name} = { [key: string]: never };`,
    (m) => [`OCPP 1.6 \`${m.isResponse ? `${m.name.slice(0, -RESPONSE_SUFFIX.length)}.conf` : `${m.name}.req`}\` payload (schema \`${m.name}.json\`, message index ${m.index}).`],
  );
  return `${header("public message types")}
/**
 * Every message this package validates, in message-index order (the schema files sorted by name:
 * the order every backend's tables use). A message is named after its schema file: \`BootNotification\`
 * is the request (\`BootNotification.req\`), \`BootNotificationResponse\` its answer (\`.conf\`).
 */
export const MESSAGE_NAMES = ${list(names)};
export type MessageName = (typeof MESSAGE_NAMES)[number];

/** Every OCPP 1.6 action: the request messages, sorted. */
export const ACTIONS = ${list(requests)};
export type Action = (typeof ACTIONS)[number];
/** A request message name (= an action). */
export type RequestName = Action;

/** Every response message (\`<Action>Response\`), sorted. */
export const RESPONSE_NAMES = ${list(responses)};
export type ResponseName = (typeof RESPONSE_NAMES)[number];

/** The ten actions a Charge Point sends to a Central System; a CALL of any other action is answered NotSupported. */
export const CHARGE_POINT_ACTIONS = ${list(CHARGE_POINT_ACTIONS)};
export type ChargePointAction = (typeof CHARGE_POINT_ACTIONS)[number];

${decls.join("\n\n")}

/** The name this package exported for the StopTransaction.req payload before it validated every message. */
export type StopTransactionRequest = StopTransaction;

/** Every message name mapped to its payload type: \`MessageTypes["MeterValues"]\` is \`MeterValues\`. */
export interface MessageTypes {
${names.map((n) => `  ${n}: ${n};`).join("\n")}
}

/** The payload type of the answer to \`A\`: \`ResponseFor<"BootNotification">\` is \`BootNotificationResponse\`. */
export type ResponseFor<A extends Action> = MessageTypes[\`\${A}Response\`];
`;
}

function emitInternal({ messages, names }) {
  const tagsUsed = { maxLength: new Set(), multipleOf: new Set() };
  const decls = emitDeclarations(
    messages,
    (n) => internalType(n, tagsUsed),
    (name) => `export interface ${name} {}`,
    (m) => [`${m.name}.json (message index ${m.index}).`],
  );
  const tags = [
    `/** JSON Schema \`integer\` under ajv strictNumbers: a finite number with no fractional part. */`,
    `export type AjvInteger = tags.TagBase<{ target: "number"; kind: "ajvInteger"; value: undefined; validate: "Number.isInteger($input)"; exclusive: true; schema: { type: "integer" } }>;`,
    `/** JSON Schema \`number\` under ajv strictNumbers: finite (typia's plain \`number\` lets NaN and ±Infinity through). */`,
    `export type AjvNumber = tags.TagBase<{ target: "number"; kind: "ajvNumber"; value: undefined; validate: "Number.isFinite($input)"; exclusive: true; schema: { type: "number" } }>;`,
    `/** ajv-formats 3 full-mode \`date-time\` (exact port in ../date-time.ts). */`,
    `export type AjvDateTime = tags.TagBase<{ target: "string"; kind: "ajvDateTime"; value: undefined; validate: "__ocpp_isDateTime($input)"; exclusive: true; schema: { format: "date-time" } }>;`,
    `/** ajv-formats 3 full-mode \`uri\` (exact port in ../uri.ts). */`,
    `export type AjvUri = tags.TagBase<{ target: "string"; kind: "ajvUri"; value: undefined; validate: "__ocpp_isUri($input)"; exclusive: true; schema: { format: "uri" } }>;`,
    ...[...tagsUsed.maxLength].sort((a, b) => a - b).map(
      (n) =>
        `/** \`maxLength: ${n}\` counted in code points, as ajv's ucs2length. */\nexport type AjvMaxLength_${n} = tags.TagBase<{ target: "string"; kind: "ajvMaxLength"; value: ${n}; validate: "__ocpp_maxLengthOk($input, ${n})"; exclusive: true; schema: { maxLength: ${n} } }>;`,
    ),
    ...[...tagsUsed.multipleOf].sort().map(
      (m) =>
        `/** \`multipleOf: ${m}\`, decided in decimal (../multiple-of.ts). */\nexport type AjvMultipleOf_${tagSafe(m)} = tags.TagBase<{ target: "number"; kind: "ajvMultipleOf"; value: ${q(m)}; validate: ${q(`__ocpp_isMultipleOf($input, ${q(m)})`)}; exclusive: true; schema: { multipleOf: ${m} } }>;`,
    ),
  ];
  const consts = new Map();
  const roots = messages.map((m) => tableExpr(m.root, consts));
  const constLines = [...consts].map(([name, expr]) => `const T_${name}: SchemaNode = ${expr};`);
  return `${header("internal: typia input types and walker tables")}import type { tags } from "typia";

${tags.join("\n")}

${decls.join("\n\n")}

/** Schema table for the error walker (src/js/walker.ts). Object \`props\` are in the schema's key order (ajv's). */
export type SchemaNode =
  | { readonly k: "object"; readonly props: ReadonlyArray<readonly [string, SchemaNode]>; readonly required: readonly string[] }
  | { readonly k: "array"; readonly items: SchemaNode }
  | { readonly k: "string"; readonly noProps: boolean; readonly maxLength?: number; readonly format?: "date-time" | "uri" }
  | { readonly k: "enum"; readonly values: readonly string[]; readonly noProps: boolean; readonly uom: boolean }
  | { readonly k: "integer" }
  | { readonly k: "number"; readonly multipleOf?: string }
  | { readonly k: "boolean" };

${constLines.join("\n")}

/** One table per message, indexed by message index (${names.length} messages). */
export const SCHEMAS: readonly SchemaNode[] = [
${messages.map((m, i) => `  ${roots[i]}, // ${m.index} ${m.name}`).join("\n")}
];
`;
}

// ───────────────────────────── typia input ─────────────────────────────
const TYPIA_IMPORTS = `import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import { isMultipleOf as __ocpp_isMultipleOf } from "../multiple-of.js";
import { isUri as __ocpp_isUri } from "../uri.js";
import type * as M from "../types.generated.js";

/** Keeps the helper imports alive before typia inlines the calls that use them. */
export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk, __ocpp_isMultipleOf, __ocpp_isUri] as const;
`;

function typiaInputs(names) {
  const calls = (fn) => names.map((n, i) => `  typia.${fn}<M.${n}>(), // ${i}`).join("\n");
  return {
    "equals.ts": `// typia input: \`typia generate --input src/js/typia-input --output src/js/generated --project tsconfig.json\`
// turns the typia.* calls below into plain TypeScript in src/js/generated/equals.ts (no runtime dependency on typia).
// The custom tags in ../types.generated.ts emit calls to the __ocpp_* helpers, which are imported here so that
// they are in scope in the generated file. Written by scripts/gen-js-types.mjs --write-typia-input; checked by
// every run of it (one entry per schema, in message-index order).
${TYPIA_IMPORTS}
/** Boolean path, one validator per message, indexed by message index: exact property sets, ajv-equivalent tags. */
export const equals: ReadonlyArray<(input: unknown) => boolean> = [
${calls("createEquals")}
];
`,
    "validate-equals.ts": `// typia input (see equals.ts). typia's own error report, used by tests as a cross-check only:
// its generated code imports typia/lib/internal/* at runtime, so the shipped backend does not import it.
${TYPIA_IMPORTS}
export const validateEquals: ReadonlyArray<(input: unknown) => typia.IValidation<unknown>> = [
${calls("createValidateEquals")}
];
`,
  };
}

function main() {
  const args = process.argv.slice(2);
  for (const a of args) if (a !== "--write-typia-input") throw new Error(`gen-js-types: unknown argument '${a}'`);
  const model = loadMessages();
  mkdirSync(dirname(INTERNAL_OUT), { recursive: true });
  writeFileSync(PUBLIC_OUT, emitPublic(model));
  writeFileSync(INTERNAL_OUT, emitInternal(model));
  const inputs = typiaInputs(model.names);
  for (const [file, text] of Object.entries(inputs)) {
    const path = resolve(TYPIA_INPUT, file);
    if (args.includes("--write-typia-input")) writeFileSync(path, text);
    else {
      let current = "";
      try {
        current = readFileSync(path, "utf8");
      } catch {}
      if (current !== text) throw new Error(`gen-js-types: ${path} does not match the schemas; run node scripts/gen-js-types.mjs --write-typia-input`);
    }
  }
  console.log(`gen-js-types: ${model.names.length} messages -> ${PUBLIC_OUT}, ${INTERNAL_OUT}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
