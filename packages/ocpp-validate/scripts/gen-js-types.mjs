#!/usr/bin/env node
// Generates, from every crates/core/schemas/<protocol>/*.json of the three protocols (the single
// source of truth; message name = file stem; a protocol's messages sorted by stem, exactly as the
// Rust core sorts them; the global message index is the position in the concatenation
// ocpp1.6 ‖ ocpp2.0.1 ‖ ocpp2.1 that every backend shares):
//
//   src/messages.generated.ts     PUBLIC (1.6), plain TypeScript (no typia): MESSAGE_NAMES, ACTIONS,
//                                 CHARGE_POINT_ACTIONS, RESPONSE_NAMES, one type per message (named
//                                 exactly as the message) with its nested named types, MessageTypes.
//   src/ocpp2.0.1.generated.ts    PUBLIC (2.0.1), the same for 2.0.1: nested types are named after the
//   src/ocpp2.1.generated.ts      schema's definitions (`CustomDataType`); 2.0.1 and 2.1 definitions of
//                                 one name can differ, hence one module per protocol.
//   src/protocols.generated.ts    PUBLIC: PROTOCOLS, ALL_MESSAGE_NAMES (global index order), PROTOCOL_INFO.
//   src/js/types.generated.ts     INTERNAL (1.6), src/js/types-ocpp2.0.1.generated.ts and
//   src/js/types-ocpp2.1.generated.ts (2.x): the same types with typia tags whose checks follow ajv
//                                 (strictNumbers, ajv-formats 3 full, decimal multipleOf):
//        integer    -> number & AjvInteger           (Number.isInteger: finite and integral)
//        number     -> number & AjvNumber            (Number.isFinite: strictNumbers)
//        multipleOf -> & AjvMultipleOf_<m>           (decimal rule, ../multiple-of.ts)
//        minimum    -> & AjvMinimum_<m>, maximum -> & AjvMaximum_<m>   (JS double comparison)
//        maxLength  -> string & AjvMaxLength_<n>     (code points, as ajv's ucs2length)
//        minItems / maxItems -> Array<T> & AjvMinItems_<n> / AjvMaxItems_<n>
//        date-time  -> string & AjvDateTime          (exact port of ajv-formats getDateTime(true))
//        uri        -> string & AjvUri               (exact port of ajv-formats full `uri`, ../uri.ts)
//        no `additionalProperties` (CustomDataType) -> `[key: string]: unknown` (any other member)
//        no `type` (DataTransfer `data`)            -> unknown
//   src/js/tables.generated.ts    INTERNAL: SCHEMAS, the walker tables (src/js/walker.ts), indexed by
//                                 global message index.
//
// `$ref` (local `#/definitions/X` only) is resolved here, as if the definition were written in place.
// The typia input (src/js/typia-input/*.ts) is committed; this script checks that it names every
// message in global index order (`--write-typia-input` rewrites it). Anything the generator does not
// understand throws: a schema feature it cannot reproduce exactly must never be silently accepted.
//
// Usage: node scripts/gen-js-types.mjs [--write-typia-input]
// Imported by scripts/build.mjs for `loadProtocols` / `typiaObjectChecks`.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const SCHEMAS_ROOT = resolve(here, "../../../crates/core/schemas");
export const SCHEMA_DIR = resolve(SCHEMAS_ROOT, "ocpp1.6");
const SRC = resolve(here, "../src");
const TYPIA_INPUT = resolve(here, "../src/js/typia-input");
const DIRECTIONS = JSON.parse(readFileSync(resolve(SCHEMAS_ROOT, "directions.json"), "utf8"));

/**
 * The protocols, in protocol-index order. `alias`: the namespace the typia input imports the
 * internal types under; `station`: the actions the Charge Point / Charging Station initiates
 * (directions.json, shared with build.rs); every other action is initiated by the Central System / CSMS.
 */
export const PROTOCOLS = [
  { id: "ocpp1.6", version: "1.6", draft: "http://json-schema.org/draft-04/schema#", alias: "V16", tablePrefix: "T16_",
    publicOut: resolve(SRC, "messages.generated.ts"), internalOut: resolve(SRC, "js/types.generated.ts"), internalImport: "../types.generated.js",
    station: DIRECTIONS["ocpp1.6"].chargePoint, defaultMessage: "StopTransaction" },
  { id: "ocpp2.0.1", version: "2.0.1", draft: "http://json-schema.org/draft-06/schema#", alias: "V201", tablePrefix: "T201_",
    publicOut: resolve(SRC, "ocpp2.0.1.generated.ts"), internalOut: resolve(SRC, "js/types-ocpp2.0.1.generated.ts"), internalImport: "../types-ocpp2.0.1.generated.js",
    station: DIRECTIONS["ocpp2.0.1"].chargingStation, defaultMessage: "TransactionEventRequest" },
  { id: "ocpp2.1", version: "2.1", draft: "http://json-schema.org/draft-06/schema#", alias: "V21", tablePrefix: "T21_",
    publicOut: resolve(SRC, "ocpp2.1.generated.ts"), internalOut: resolve(SRC, "js/types-ocpp2.1.generated.ts"), internalImport: "../types-ocpp2.1.generated.js",
    station: DIRECTIONS["ocpp2.1"].chargingStation, defaultMessage: "TransactionEventRequest" },
];
const PROTOCOLS_OUT = resolve(SRC, "protocols.generated.ts");
const TABLES_OUT = resolve(SRC, "js/tables.generated.ts");
const is16 = (p) => p.id === "ocpp1.6";

/** The actions a Charge Point sends (1.6). */
export const CHARGE_POINT_ACTIONS = PROTOCOLS[0].station;
const RESPONSE_SUFFIX = "Response";
const REQUEST_SUFFIX = "Request";

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
/** Names the public 1.6 file declares itself: no nested type may take them. */
const RESERVED_16 = new Set([
  "MESSAGE_NAMES", "MessageName", "ACTIONS", "Action", "RequestName", "RESPONSE_NAMES", "ResponseName",
  "CHARGE_POINT_ACTIONS", "ChargePointAction", "MessageTypes", "ResponseFor", "StopTransactionRequest",
]);
/** Names a public 2.x file declares itself. */
const RESERVED_2X = new Set([
  "MESSAGE_NAMES", "MessageName", "ACTIONS", "Action", "REQUEST_NAMES", "RequestName", "RESPONSE_NAMES", "ResponseName",
  "STATION_ACTIONS", "StationAction", "MessageTypes", "RequestFor", "ResponseFor", "ActionWithResponse",
]);

const pascal = (s) => {
  const out = s.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
  if (!/^[A-Z][A-Za-z0-9]*$/.test(out)) throw new Error(`gen-js-types: cannot derive a type name from '${s}'`);
  return out;
};

// ───────────────────────────── schema → IR ─────────────────────────────
const ROOT_ONLY = { draft04: new Set(["$schema", "id", "title"]), draft06: new Set(["$schema", "$id", "title", "comment", "definitions"]) };
/** Keywords that never change a verdict. `additionalItems` has no effect beside a single `items` schema (checked where it appears). */
const ANNOTATIONS = { draft04: new Set(["description"]), draft06: new Set(["description", "javaType", "comment", "default", "$id"]) };
const ALLOWED = {
  object: new Set(["type", "properties", "required", "additionalProperties"]),
  array: new Set(["type", "items", "minItems", "maxItems", "additionalItems"]),
  string: new Set(["type", "maxLength", "format", "additionalProperties"]),
  enum: new Set(["type", "enum", "additionalProperties"]),
  integer: new Set(["type", "minimum", "maximum", "multipleOf"]),
  number: new Set(["type", "minimum", "maximum", "multipleOf"]),
  boolean: new Set(["type"]),
  any: new Set([]),
};
/** What draft-04 (1.6) schemas may use: the 1.6 generator's exact set, so 1.6 output cannot change. */
const DRAFT04_ONLY_NOT = new Set(["minItems", "maxItems", "additionalItems", "minimum", "maximum"]);
const FORMATS = new Set(["date-time", "uri"]);
const isObj = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isNonNegInt = (v) => typeof v === "number" && Number.isInteger(v) && v >= 0;
const DEFINITION_REF = /^#\/definitions\/([A-Za-z0-9_]+)$/;

/**
 * IR node:
 *   { kind: "object", props: [{ key, required, node }], required: [..], open }   (open: no additionalProperties, any other member)
 *   { kind: "array", items, minItems?, maxItems? } | { kind: "string", maxLength?, format?, noProps }
 *   { kind: "enum", values, noProps } | { kind: "integer" | "number", minimum?, maximum?, multipleOf? }
 *   { kind: "boolean" } | { kind: "any" }   (no `type`: any JSON value)
 * plus `path` (for naming and errors), `message`, `def` (the definition a `$ref` named), `sig`
 * (structural identity) and, for objects and enums, `name` once names are assigned.
 *
 * `ctx`: { protocol, message, definitions, resolved: Map(def name -> node), resolving: Set }.
 * A definition is converted once per message, so every `$ref` to it is the same node.
 */
function convert(node, ctx, path, isRoot) {
  const { message, protocol } = ctx;
  const draft = is16(protocol) ? "draft04" : "draft06";
  const where = `${protocol.id}/${message}.json ${path || "(root)"}`;
  if (!isObj(node)) throw new Error(`gen-js-types: ${where}: a schema must be an object`);
  if (node.$ref !== undefined) {
    if (draft === "draft04") throw new Error(`gen-js-types: ${where}: $ref in a 1.6 schema`);
    for (const k of Object.keys(node)) {
      if (k !== "$ref" && k !== "description") throw new Error(`gen-js-types: ${where}: keyword '${k}' beside $ref`);
    }
    const m = typeof node.$ref === "string" ? DEFINITION_REF.exec(node.$ref) : null;
    if (!m) throw new Error(`gen-js-types: ${where}: only local '#/definitions/<name>' references are supported (got ${JSON.stringify(node.$ref)})`);
    const name = m[1];
    if (!isObj(ctx.definitions) || !Object.prototype.hasOwnProperty.call(ctx.definitions, name)) throw new Error(`gen-js-types: ${where}: no definition '${name}'`);
    const done = ctx.resolved.get(name);
    if (done) return done;
    if (ctx.resolving.has(name)) throw new Error(`gen-js-types: ${where}: '${name}' refers to itself (cycles are not supported)`);
    ctx.resolving.add(name);
    const out = convert(ctx.definitions[name], ctx, `#/definitions/${name}`, false);
    ctx.resolving.delete(name);
    out.def = name;
    ctx.resolved.set(name, out);
    return out;
  }
  const kind = node.type === undefined ? "any" : node.enum !== undefined ? "enum" : node.type;
  if (kind !== "any" && typeof node.type !== "string") throw new Error(`gen-js-types: ${where}: 'type' must be a single type name (got ${JSON.stringify(node.type)})`);
  if (kind === "any" && node.enum !== undefined) throw new Error(`gen-js-types: ${where}: enum without type`);
  const allowed = ALLOWED[kind];
  if (!allowed) throw new Error(`gen-js-types: ${where}: unsupported type '${node.type}'`);
  for (const k of Object.keys(node)) {
    if (isRoot && ROOT_ONLY[draft].has(k)) continue;
    if (ANNOTATIONS[draft].has(k)) continue;
    if (!allowed.has(k) || (draft === "draft04" && DRAFT04_ONLY_NOT.has(k))) throw new Error(`gen-js-types: ${where}: unsupported keyword '${k}' on a ${kind} schema`);
  }
  if (node.description !== undefined && typeof node.description !== "string") throw new Error(`gen-js-types: ${where}: description must be a string`);
  const noProps = () => {
    if (node.additionalProperties === undefined) return false;
    if (node.additionalProperties !== false) throw new Error(`gen-js-types: ${where}: only additionalProperties:false is supported`);
    return true; // ajv applies it (with no properties) to object values: every key is additional
  };
  const base = { path, message, description: node.description, default: node.default };
  const sub = (schema, subPath) => convert(schema, ctx, subPath, false);
  switch (kind) {
    case "object": {
      // draft-04 (1.6): every object is closed; 2.x: an object without the keyword accepts any other member
      if (node.additionalProperties !== false && (draft === "draft04" || node.additionalProperties !== undefined)) {
        throw new Error(`gen-js-types: ${where}: objects must have additionalProperties:false${draft === "draft04" ? "" : " or none"}`);
      }
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
        node: sub(properties[key], `${path}/${key}`),
      }));
      return { ...base, kind, props, required, open: node.additionalProperties === undefined };
    }
    case "array": {
      if (!isObj(node.items)) throw new Error(`gen-js-types: ${where}: only a single 'items' schema is supported`);
      // beside a single `items` schema ajv ignores additionalItems; any value of it is still a schema
      if (node.additionalItems !== undefined && typeof node.additionalItems !== "boolean" && !isObj(node.additionalItems)) {
        throw new Error(`gen-js-types: ${where}: additionalItems must be a schema`);
      }
      const out = { ...base, kind, items: sub(node.items, `${path}[]`) };
      for (const k of ["minItems", "maxItems"]) {
        if (node[k] === undefined) continue;
        if (!isNonNegInt(node[k])) throw new Error(`gen-js-types: ${where}: ${k} must be a non-negative integer`);
        out[k] = node[k];
      }
      return out;
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
    case "integer":
    case "number": {
      const out = { ...base, kind };
      for (const k of ["minimum", "maximum"]) {
        if (node[k] === undefined) continue;
        if (typeof node[k] !== "number" || !Number.isFinite(node[k])) throw new Error(`gen-js-types: ${where}: ${k} must be a finite number`);
        // compared as the double; printed in messages as String() prints it (100.0 -> 100)
        out[k] = node[k];
      }
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
      return `{${n.props.map((p) => `${JSON.stringify(p.key)}${p.required ? "" : "?"}:${signature(p.node)}`).join(",")}${n.open ? ",..." : ""}}`;
    case "array":
      return `[${signature(n.items)}]${n.minItems ?? ""}:${n.maxItems ?? ""}`;
    case "enum":
      return `enum(${JSON.stringify(n.values)},${n.noProps})`;
    case "string":
      return `string(${n.maxLength ?? ""},${n.format ?? ""},${n.noProps})`;
    case "number":
    case "integer":
      return `${n.kind}(${n.multipleOf ?? ""},${n.minimum ?? ""},${n.maximum ?? ""})`;
    default:
      return n.kind;
  }
}

/** Every node of a message, each once (a definition `$ref`'d twice is one node). */
function* nodes(root) {
  const seen = new Set();
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (seen.has(n)) continue;
    seen.add(n);
    yield n;
    if (n.kind === "object") for (let i = n.props.length - 1; i >= 0; i--) stack.push(n.props[i].node);
    else if (n.kind === "array") stack.push(n.items);
  }
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

/**
 * One schema file's IR root (`protocol`: an entry of PROTOCOLS, or its id). Throws on anything the
 * generator does not reproduce exactly.
 */
export function convertMessage(schema, protocol, name = "Test") {
  const p = typeof protocol === "string" ? PROTOCOLS.find((x) => x.id === protocol) : protocol;
  if (!p) throw new Error(`gen-js-types: unknown protocol ${protocol}`);
  if (!isObj(schema)) throw new Error(`gen-js-types: ${p.id}/${name}.json: a schema must be an object`);
  if (schema.$schema !== undefined && schema.$schema !== p.draft) throw new Error(`gen-js-types: ${p.id}/${name}.json: not a ${p.draft} schema (${schema.$schema})`);
  const ctx = { protocol: p, message: name, definitions: schema.definitions ?? {}, resolved: new Map(), resolving: new Set() };
  if (!isObj(ctx.definitions)) throw new Error(`gen-js-types: ${p.id}/${name}.json: definitions must be an object`);
  const root = convert(schema, ctx, "", true);
  if (root.kind !== "object") throw new Error(`gen-js-types: ${p.id}/${name}.json: the root must be an object schema`);
  // unused definitions too: the generator's understanding covers the whole file, not only what is reachable today
  for (const def of Object.keys(ctx.definitions)) if (!ctx.resolved.has(def)) convert({ $ref: `#/definitions/${def}` }, ctx, "", false);
  return root;
}

/**
 * Reads, converts and names every message of one protocol. `first`: the global index of its first
 * message. Returns { protocol, messages, names, actions, requestOf, responseOf, requests, responses, first }.
 */
export function loadProtocol(protocol, first = 0) {
  const dir = resolve(SCHEMAS_ROOT, protocol.id);
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
  const names = files.map((f) => f.slice(0, -".json".length)).sort();
  // The Rust core sorts stems bytewise; JS sorts code units. Both equal a plain sort of the file names here.
  const byFile = [...files].sort().map((f) => f.slice(0, -".json".length));
  if (JSON.stringify(byFile) !== JSON.stringify(names)) throw new Error("gen-js-types: sorting file names and sorting stems disagree");
  if (names.length === 0) throw new Error(`gen-js-types: no schemas in ${dir}`);
  const reserved = is16(protocol) ? RESERVED_16 : RESERVED_2X;
  for (const n of names) {
    if (!/^[A-Z][A-Za-z0-9]*$/.test(n)) throw new Error(`gen-js-types: ${protocol.id}/${n}.json is not a PascalCase message name`);
    if (reserved.has(n)) throw new Error(`gen-js-types: message name '${n}' is reserved`);
  }
  const messages = names.map((name, i) => {
    const schema = JSON.parse(readFileSync(resolve(dir, `${name}.json`), "utf8"));
    const root = convertMessage(schema, protocol, name);
    const isResponse = name.endsWith(RESPONSE_SUFFIX) && name.length > RESPONSE_SUFFIX.length;
    return { name, index: first + i, local: i, root, isResponse, title: schema.title };
  });
  const nameSet = new Set(names);
  // actions: 1.6 the request stems; 2.x `<Action>Request` minus the suffix, and a stem with neither suffix (2.1's SEND-only NotifyPeriodicEventStream) itself
  const requestOf = new Map();
  for (const m of messages) {
    if (m.isResponse) continue;
    const action = is16(protocol) ? m.name : m.name.endsWith(REQUEST_SUFFIX) && m.name.length > REQUEST_SUFFIX.length ? m.name.slice(0, -REQUEST_SUFFIX.length) : m.name;
    if (requestOf.has(action)) throw new Error(`gen-js-types: ${protocol.id}: two messages for action '${action}'`);
    requestOf.set(action, m.name);
  }
  const actions = [...requestOf.keys()].sort();
  const responseOf = new Map();
  for (const a of actions) {
    const response = a + RESPONSE_SUFFIX;
    if (nameSet.has(response)) responseOf.set(a, response);
    else if (is16(protocol) || requestOf.get(a) !== a) throw new Error(`gen-js-types: ${protocol.id}: ${requestOf.get(a)} has no ${response} schema`);
  }
  for (const m of messages) {
    if (m.isResponse && !requestOf.has(m.name.slice(0, -RESPONSE_SUFFIX.length))) throw new Error(`gen-js-types: ${protocol.id}: ${m.name} answers no request schema`);
  }
  for (const a of protocol.station) if (!requestOf.has(a)) throw new Error(`gen-js-types: ${protocol.id}: station action '${a}' has no request schema`);
  if (!nameSet.has(protocol.defaultMessage)) throw new Error(`gen-js-types: ${protocol.id}: no default message ${protocol.defaultMessage}`);

  // names: root = message name; nested objects and enums = (1.6) spec name or property key,
  // (2.x) the definition's name; prefixed with the message name when one name means two types
  const used = new Set();
  const groups = new Map(); // base name -> Map(signature -> [nodes])
  for (const m of messages) {
    m.root.name = m.name;
    for (const n of nodes(m.root)) {
      n.sig = signature(n);
      if (n === m.root || !isNamed(n)) continue;
      n.base = is16(protocol) ? specName(m.name, n.path, used) : (n.def ?? pascal(n.path.replace(/\[\]$/, "").split("/").pop()));
      if (!groups.has(n.base)) groups.set(n.base, new Map());
      const variants = groups.get(n.base);
      if (!variants.has(n.sig)) variants.set(n.sig, []);
      variants.get(n.sig).push(n);
    }
  }
  if (is16(protocol)) for (const key of Object.keys(SPEC_NAMES)) if (!used.has(key)) throw new Error(`gen-js-types: SPEC_NAMES entry '${key}' names no schema node (stale?)`);
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
      if (n !== m.root && (nameSet.has(n.name) || reserved.has(n.name))) throw new Error(`gen-js-types: nested type name '${n.name}' (${protocol.id} ${m.name} ${n.path}) clashes with a message or export name`);
      if (meaning.has(n.name) && meaning.get(n.name) !== n.sig) throw new Error(`gen-js-types: ${protocol.id}: type name '${n.name}' would mean two different types`);
      meaning.set(n.name, n.sig);
    }
  }
  const requests = messages.filter((m) => !m.isResponse).map((m) => m.name);
  const responses = messages.filter((m) => m.isResponse).map((m) => m.name);
  return { protocol, messages, names, actions, requestOf, responseOf, requests, responses, first };
}

/** Every protocol, in protocol-index order, with its global index offset. */
export function loadProtocols() {
  const out = [];
  let first = 0;
  for (const p of PROTOCOLS) {
    const model = loadProtocol(p, first);
    out.push(model);
    first += model.names.length;
  }
  return out;
}

/** 1.6 only (what build.mjs imported before 2.x). */
export const loadMessages = () => loadProtocol(PROTOCOLS[0], 0);

/**
 * How many times typia's `equals` output holds its undefined-tolerant unknown-key check: once per
 * object type of each message (typia writes one `_io` function per distinct object type per
 * validator; our object types are distinct by name, and identical nodes within a message share one).
 * An open object (CustomDataType) has it too, before its own `return true` for any other member.
 */
export function typiaObjectChecks(models) {
  let count = 0;
  for (const model of models) {
    for (const m of model.messages) {
      const names = new Set();
      for (const n of nodes(m.root)) if (n.kind === "object") names.add(n.name);
      count += names.size;
    }
  }
  return count;
}

// ───────────────────────────── emitters ─────────────────────────────
const q = JSON.stringify;
const propKey = (k) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : q(k));
/** A number as a type-name suffix, one-to-one (`-0.5` -> `m0d5`, `1e+21` -> `1ep21`). */
const tagNum = (s) => String(s).replace(/-/g, "m").replace(/\+/g, "p").replace(/\./g, "d");

/** Constraint notes for JSDoc (the TypeScript type cannot say them). */
function notes(n) {
  const out = [];
  // 2.x descriptions end lines with \r\n: one JSDoc line each
  if (n.description) out.push(n.description.replace(/\s*\r?\n\s*/g, " ").trim().replace(/\*\//g, "*\\/"));
  switch (n.kind) {
    case "integer":
    case "number":
      out.push(n.kind === "integer" ? "`integer`: finite, no fractional part (`1.0` and `1e2` are integers)." : "A finite number.");
      if (n.minimum !== undefined) out.push(`\`minimum: ${n.minimum}\`.`);
      if (n.maximum !== undefined) out.push(`\`maximum: ${n.maximum}\`.`);
      if (n.multipleOf !== undefined) out.push(`\`multipleOf: ${n.multipleOf}\`, decided in decimal: \`String(x)\` must be an exact multiple of ${n.multipleOf}.`);
      break;
    case "string":
      if (n.maxLength !== undefined) out.push(`\`maxLength: ${n.maxLength}\`, counted in Unicode code points.`);
      if (n.format === "date-time") out.push("`format: date-time`: RFC 3339 with a required offset (`2024-05-17T14:32:05Z`).");
      if (n.format === "uri") out.push("`format: uri`: an absolute URI (RFC 3986).");
      break;
    case "array": {
      if (n.minItems !== undefined) out.push(`\`minItems: ${n.minItems}\`.`);
      if (n.maxItems !== undefined) out.push(`\`maxItems: ${n.maxItems}\`.`);
      const inner = notes(n.items);
      if (inner.length) out.push(`Each item: ${inner.join(" ")}`);
      break;
    }
    case "any":
      out.push("Any JSON value.");
      break;
    default:
      break;
  }
  if (n.default !== undefined) out.push(`Default (an annotation, not applied): \`${q(n.default)}\`.`);
  return out;
}

function jsdoc(lines, indent) {
  if (lines.length === 0) return "";
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}`).join("\n")}\n${indent} */\n`;
}

/** Emits the declarations of one protocol's named types (deduplicated across messages by name). */
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
      const doc = n === m.root ? objectDoc(m) : notes(n).slice(0, n.description ? 1 : 0);
      if (n.kind === "enum") {
        out.push(`${jsdoc(doc, "")}export type ${n.name} =\n${n.values.map((v) => `  | ${q(v)}`).join("\n")};`);
      } else if (n.props.length === 0 && !n.open) {
        out.push(`${jsdoc([...doc, "Only the empty object `{}` is valid."], "")}${emptyObject(n.name)}`);
      } else {
        const lines = n.props.map((p) => `${jsdoc(notes(p.node), "  ")}  ${propKey(p.key)}${p.required ? "" : "?"}: ${typeOf(p.node)};`);
        if (n.open) lines.push("  /** No `additionalProperties: false`: any other member, any JSON value. */\n  [key: string]: unknown;");
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
    case "any":
      return "unknown";
    default:
      throw new Error(`gen-js-types: no type for ${n.kind}`);
  }
}

function internalType(n, tagsUsed) {
  const numberTags = (parts) => {
    if (n.minimum !== undefined) {
      parts.push(`AjvMinimum_${tagNum(n.minimum)}`);
      tagsUsed.minimum.add(n.minimum);
    }
    if (n.maximum !== undefined) {
      parts.push(`AjvMaximum_${tagNum(n.maximum)}`);
      tagsUsed.maximum.add(n.maximum);
    }
    if (n.multipleOf !== undefined) {
      parts.push(`AjvMultipleOf_${tagNum(n.multipleOf)}`);
      tagsUsed.multipleOf.add(n.multipleOf);
    }
    return parts.join(" & ");
  };
  switch (n.kind) {
    case "object":
    case "enum":
      return n.name;
    case "array": {
      const parts = [`Array<${internalType(n.items, tagsUsed)}>`];
      if (n.minItems !== undefined) {
        parts.push(`AjvMinItems_${n.minItems}`);
        tagsUsed.minItems.add(n.minItems);
      }
      if (n.maxItems !== undefined) {
        parts.push(`AjvMaxItems_${n.maxItems}`);
        tagsUsed.maxItems.add(n.maxItems);
      }
      return parts.join(" & ");
    }
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
      return numberTags(["number", "AjvInteger"]);
    case "number":
      return numberTags(["number", "AjvNumber"]);
    case "boolean":
      return "boolean";
    case "any":
      return "unknown";
    default:
      throw new Error(`gen-js-types: no type for ${n.kind}`);
  }
}

/** The walker table of a node as a JS expression; named nodes become shared constants (`<prefix><name>`). */
function tableExpr(n, consts, protocol) {
  const prefix = protocol.tablePrefix;
  const numberFields = (f) => {
    if (n.minimum !== undefined) f.push(`minimum: ${String(n.minimum)}`);
    if (n.maximum !== undefined) f.push(`maximum: ${String(n.maximum)}`);
    if (n.multipleOf !== undefined) f.push(`multipleOf: ${q(n.multipleOf)}`);
    return `{ ${f.join(", ")} }`;
  };
  switch (n.kind) {
    case "object": {
      const id = prefix + n.name;
      if (!consts.has(id)) {
        // the members' constants first: a const is declared before the one that uses it
        const props = n.props.map((p) => `[${q(p.key)}, ${tableExpr(p.node, consts, protocol)}]`);
        consts.set(id, `{ k: "object", props: [${props.join(", ")}], required: ${q(n.required)}, open: ${n.open} }`);
      }
      return id;
    }
    case "enum": {
      const id = prefix + n.name;
      // uom: OCPP 1.6's UnitOfMeasure (any 1.6 enum holding the schema's "Celcius"), where the errata tolerance applies
      if (!consts.has(id)) consts.set(id, `{ k: "enum", values: ${q(n.values)}, noProps: ${n.noProps}, uom: ${is16(protocol) && n.values.includes("Celcius")} }`);
      return id;
    }
    case "array": {
      const f = [`k: "array"`, `items: ${tableExpr(n.items, consts, protocol)}`];
      if (n.minItems !== undefined) f.push(`minItems: ${n.minItems}`);
      if (n.maxItems !== undefined) f.push(`maxItems: ${n.maxItems}`);
      return `{ ${f.join(", ")} }`;
    }
    case "string": {
      const f = [`k: "string"`, `noProps: ${n.noProps}`];
      if (n.maxLength !== undefined) f.push(`maxLength: ${n.maxLength}`);
      if (n.format !== undefined) f.push(`format: ${q(n.format)}`);
      return `{ ${f.join(", ")} }`;
    }
    case "integer":
    case "number":
      return numberFields([`k: ${q(n.kind)}`]);
    default:
      return `{ k: ${q(n.kind)} }`;
  }
}

const header = (protocol, what) =>
  `// GENERATED by scripts/gen-js-types.mjs from crates/core/schemas/${protocol}/*.json (${what}). Do not edit.\n/* eslint-disable */\n`;
const list = (xs) => `[\n${xs.map((x) => `  ${q(x)},`).join("\n")}\n] as const`;

function emitPublic16({ messages, names, requests, responses }) {
  const decls = emitDeclarations(
    messages,
    publicType,
    (name) => `export type ${name} = { [key: string]: never };`,
    (m) => [`OCPP 1.6 \`${m.isResponse ? `${m.name.slice(0, -RESPONSE_SUFFIX.length)}.conf` : `${m.name}.req`}\` payload (schema \`${m.name}.json\`, message index ${m.index}).`],
  );
  return `${header("ocpp1.6", "public message types")}
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

function emitPublic2x(model) {
  const { protocol, messages, names, actions, requestOf, responseOf, responses } = model;
  const v = protocol.version;
  const decls = emitDeclarations(
    messages,
    publicType,
    (name) => `export type ${name} = { [key: string]: never };`,
    (m) => [`OCPP ${v} \`${m.name}\` payload (schema \`${protocol.id}/${m.name}.json\`, global message index ${m.index}).`],
  );
  const sendOnly = actions.filter((a) => !responseOf.has(a));
  const station = [...protocol.station].sort();
  return `${header(protocol.id, "public message types")}
/**
 * Every OCPP ${v} message, sorted by name: a message is named after its schema file
 * (\`TransactionEventRequest\`, \`TransactionEventResponse\`). Its global message index (what crosses
 * every backend boundary) is \`PROTOCOL_INFO["${protocol.id}"].first\` plus its position here.
 */
export const MESSAGE_NAMES = ${list(names)};
export type MessageName = (typeof MESSAGE_NAMES)[number];

/**
 * Every OCPP ${v} action, sorted: what a CALL${protocol.id === "ocpp2.1" ? " or SEND" : ""} names. Its payload is \`<Action>Request\`${sendOnly.length ? `
 * (${sendOnly.join(", ")}: a SEND-only message of that name, with no response)` : ""}.
 */
export const ACTIONS = ${list(actions)};
export type Action = (typeof ACTIONS)[number];

/** The request message of each action, in ACTIONS order. */
export const REQUEST_NAMES = ${list(actions.map((a) => requestOf.get(a)))};
export type RequestName = (typeof REQUEST_NAMES)[number];

/** Every response message (\`<Action>Response\`), sorted. */
export const RESPONSE_NAMES = ${list(responses)};
export type ResponseName = (typeof RESPONSE_NAMES)[number];

/** The actions a Charging Station initiates (a CSMS validates their CALLs); a CALL of any other action is answered NotSupported. */
export const STATION_ACTIONS = ${list(station)};
export type StationAction = (typeof STATION_ACTIONS)[number];

${decls.join("\n\n")}

/** Every message name mapped to its payload type: \`MessageTypes["TransactionEventRequest"]\` is \`TransactionEventRequest\`. */
export interface MessageTypes {
${names.map((n) => `  ${n}: ${n};`).join("\n")}
}

/** Every action mapped to the payload type of its CALL${protocol.id === "ocpp2.1" ? " (or SEND)" : ""}. */
export interface RequestTypes {
${actions.map((a) => `  ${a}: ${requestOf.get(a)};`).join("\n")}
}

/** The payload type of a CALL of \`A\`: \`RequestFor<"Heartbeat">\` is \`HeartbeatRequest\`. */
export type RequestFor<A extends Action> = RequestTypes[A];

/** The actions that have a response message${sendOnly.length ? ` (all but ${sendOnly.join(", ")})` : " (all of them)"}. */
export type ActionWithResponse = ${sendOnly.length ? `Exclude<Action, ${sendOnly.map(q).join(" | ")}>` : "Action"};

/** The payload type of the answer to \`A\`: \`ResponseFor<"BootNotification">\` is \`BootNotificationResponse\`. */
export type ResponseFor<A extends ActionWithResponse> = MessageTypes[\`\${A}Response\`];
`;
}

function emitProtocols(models) {
  const alias = { "ocpp1.6": "V16", "ocpp2.0.1": "V201", "ocpp2.1": "V21" };
  const file = (m) => `./${m.protocol.publicOut.slice(SRC.length + 1).replace(/\.ts$/, ".js")}`;
  const total = models.reduce((n, m) => n + m.names.length, 0);
  const info = models.map((m, i) => {
    const a = alias[m.protocol.id];
    const is1 = is16(m.protocol);
    return `  ${q(m.protocol.id)}: Object.freeze({
    index: ${i},
    first: ${m.first},
    messageNames: ${a}.MESSAGE_NAMES,
    actions: ${a}.ACTIONS,
    requestNames: ${is1 ? `${a}.ACTIONS` : `${a}.REQUEST_NAMES`},
    responseNames: Object.freeze([${m.actions.map((x) => (m.responseOf.has(x) ? q(m.responseOf.get(x)) : "null")).join(", ")}] as const),
    stationActions: ${is1 ? `${a}.CHARGE_POINT_ACTIONS` : `${a}.STATION_ACTIONS`},
    defaultMessage: ${q(m.protocol.defaultMessage)},
    version: ${q(m.protocol.version)},
  }),`;
  });
  return `// GENERATED by scripts/gen-js-types.mjs from crates/core/schemas/*/*.json (the protocols and the global message index). Do not edit.
/* eslint-disable */
${models.map((m) => `import * as ${alias[m.protocol.id]} from ${q(file(m))};`).join("\n")}

/** The protocols, in protocol-index order (the number a frame call passes to a backend). */
export const PROTOCOLS = ${list(models.map((m) => m.protocol.id))};
export type Protocol = (typeof PROTOCOLS)[number];

/**
 * Every message of every protocol, in global message-index order (what crosses every backend
 * boundary and what every backend's \`messageNames()\` returns): 1.6's ${models[0].names.length}, then 2.0.1's ${models[1].names.length}, then
 * 2.1's ${models[2].names.length}, each sorted by name. Names repeat across protocols.
 */
export const ALL_MESSAGE_NAMES: readonly string[] = Object.freeze([
${models.flatMap((m) => m.names).map((n, i) => `  ${q(n)}, // ${i}`).join("\n")}
]);

export interface ProtocolInfo<P extends Protocol = Protocol> {
  /** Position in PROTOCOLS. */
  readonly index: number;
  /** Global message index of the protocol's first message; its messages are first .. first + messageNames.length - 1. */
  readonly first: number;
  readonly messageNames: readonly ProtocolMessageName<P>[];
  /** Every action, sorted. */
  readonly actions: readonly ProtocolAction<P>[];
  /** The message a CALL (2.1: or SEND) of \`actions[i]\` carries: 1.6 the action itself, 2.x \`<Action>Request\` (2.1's NotifyPeriodicEventStream: itself). */
  readonly requestNames: readonly ProtocolMessageName<P>[];
  /** The response message of \`actions[i]\` (\`<Action>Response\`), null for an action that has none (2.1's SEND-only NotifyPeriodicEventStream). */
  readonly responseNames: readonly (ProtocolMessageName<P> | null)[];
  /** The actions the Charge Point / Charging Station initiates, sorted: the CALLs a Central System / CSMS validates; other actions are NotSupported. */
  readonly stationActions: readonly ProtocolAction<P>[];
  /** The message validated when a call names none. */
  readonly defaultMessage: ProtocolMessageName<P>;
  /** As the OCPP documents write it, and as descriptions print it (\`Action is not an OCPP 2.0.1 action\`). */
  readonly version: ${models.map((m) => q(m.protocol.version)).join(" | ")};
}

export const PROTOCOL_INFO: { readonly [P in Protocol]: ProtocolInfo<P> } = Object.freeze({
${info.join("\n")}
});

/** Each protocol's message names. */
export interface ProtocolMessageNames {
${models.map((m) => `  ${q(m.protocol.id)}: ${alias[m.protocol.id]}.MessageName;`).join("\n")}
}
export type ProtocolMessageName<P extends Protocol> = ProtocolMessageNames[P];

/** Each protocol's actions. */
export interface ProtocolActions {
${models.map((m) => `  ${q(m.protocol.id)}: ${alias[m.protocol.id]}.Action;`).join("\n")}
}
export type ProtocolAction<P extends Protocol> = ProtocolActions[P];

/** Each protocol's message name → payload type map (\`ProtocolMessageTypes["ocpp2.0.1"]["TransactionEventRequest"]\`). */
export interface ProtocolMessageTypes {
${models.map((m) => `  ${q(m.protocol.id)}: ${alias[m.protocol.id]}.MessageTypes;`).join("\n")}
}

/** ${total}: the length of ALL_MESSAGE_NAMES. */
export const MESSAGE_COUNT = ${total};
`;
}

function emitInternal(model) {
  const { protocol, messages } = model;
  const tagsUsed = { maxLength: new Set(), multipleOf: new Set(), minimum: new Set(), maximum: new Set(), minItems: new Set(), maxItems: new Set() };
  const decls = emitDeclarations(
    messages,
    (n) => internalType(n, tagsUsed),
    (name) => `export interface ${name} {}`,
    (m) => [`${protocol.id}/${m.name}.json (global message index ${m.index}).`],
  );
  const sorted = (set) => [...set].sort((a, b) => (typeof a === "number" ? a - b : a < b ? -1 : a > b ? 1 : 0));
  const tags = [
    `/** JSON Schema \`integer\` under ajv strictNumbers: a finite number with no fractional part. */`,
    `export type AjvInteger = tags.TagBase<{ target: "number"; kind: "ajvInteger"; value: undefined; validate: "Number.isInteger($input)"; exclusive: true; schema: { type: "integer" } }>;`,
    `/** JSON Schema \`number\` under ajv strictNumbers: finite (typia's plain \`number\` lets NaN and ±Infinity through). */`,
    `export type AjvNumber = tags.TagBase<{ target: "number"; kind: "ajvNumber"; value: undefined; validate: "Number.isFinite($input)"; exclusive: true; schema: { type: "number" } }>;`,
    `/** ajv-formats 3 full-mode \`date-time\` (exact port in ../date-time.ts). */`,
    `export type AjvDateTime = tags.TagBase<{ target: "string"; kind: "ajvDateTime"; value: undefined; validate: "__ocpp_isDateTime($input)"; exclusive: true; schema: { format: "date-time" } }>;`,
    `/** ajv-formats 3 full-mode \`uri\` (exact port in ../uri.ts). */`,
    `export type AjvUri = tags.TagBase<{ target: "string"; kind: "ajvUri"; value: undefined; validate: "__ocpp_isUri($input)"; exclusive: true; schema: { format: "uri" } }>;`,
    ...sorted(tagsUsed.maxLength).map(
      (n) =>
        `/** \`maxLength: ${n}\` counted in code points, as ajv's ucs2length. */\nexport type AjvMaxLength_${n} = tags.TagBase<{ target: "string"; kind: "ajvMaxLength"; value: ${n}; validate: "__ocpp_maxLengthOk($input, ${n})"; exclusive: true; schema: { maxLength: ${n} } }>;`,
    ),
    ...sorted(tagsUsed.multipleOf).map(
      (m) =>
        `/** \`multipleOf: ${m}\`, decided in decimal (../multiple-of.ts). */\nexport type AjvMultipleOf_${tagNum(m)} = tags.TagBase<{ target: "number"; kind: "ajvMultipleOf"; value: ${q(m)}; validate: ${q(`__ocpp_isMultipleOf($input, ${q(m)})`)}; exclusive: true; schema: { multipleOf: ${m} } }>;`,
    ),
    // the AjvNumber / AjvInteger tag beside them already demands a finite number, so a plain comparison is ajv's rule
    ...sorted(tagsUsed.minimum).map(
      (m) =>
        `/** \`minimum: ${m}\`, compared as doubles. */\nexport type AjvMinimum_${tagNum(m)} = tags.TagBase<{ target: "number"; kind: "ajvMinimum"; value: ${String(m)}; validate: ${q(`${String(m)} <= $input`)}; exclusive: true; schema: { minimum: ${String(m)} } }>;`,
    ),
    ...sorted(tagsUsed.maximum).map(
      (m) =>
        `/** \`maximum: ${m}\`, compared as doubles. */\nexport type AjvMaximum_${tagNum(m)} = tags.TagBase<{ target: "number"; kind: "ajvMaximum"; value: ${String(m)}; validate: ${q(`$input <= ${String(m)}`)}; exclusive: true; schema: { maximum: ${String(m)} } }>;`,
    ),
    ...sorted(tagsUsed.minItems).map(
      (n) =>
        `/** \`minItems: ${n}\`. */\nexport type AjvMinItems_${n} = tags.TagBase<{ target: "array"; kind: "ajvMinItems"; value: ${n}; validate: "${n} <= $input.length"; exclusive: true; schema: { minItems: ${n} } }>;`,
    ),
    ...sorted(tagsUsed.maxItems).map(
      (n) =>
        `/** \`maxItems: ${n}\`. */\nexport type AjvMaxItems_${n} = tags.TagBase<{ target: "array"; kind: "ajvMaxItems"; value: ${n}; validate: "$input.length <= ${n}"; exclusive: true; schema: { maxItems: ${n} } }>;`,
    ),
  ];
  return `${header(protocol.id, "internal: typia input types")}import type { tags } from "typia";

${tags.join("\n")}

${decls.join("\n\n")}
`;
}

function emitTables(models) {
  const consts = new Map();
  const rows = [];
  for (const model of models) {
    for (const m of model.messages) rows.push(`  ${tableExpr(m.root, consts, model.protocol)}, // ${m.index} ${model.protocol.id} ${m.name}`);
  }
  const constLines = [...consts].map(([name, expr]) => `const ${name}: SchemaNode = ${expr};`);
  return `// GENERATED by scripts/gen-js-types.mjs from crates/core/schemas/*/*.json (internal: walker tables). Do not edit.
/* eslint-disable */

/**
 * Schema table for the error walker (src/js/walker.ts). Object \`props\` are in the schema's key order
 * (ajv's); \`open\`: no additionalProperties (any other member is accepted, its value never read);
 * \`any\`: no \`type\` (any JSON value).
 */
export type SchemaNode =
  | { readonly k: "object"; readonly props: ReadonlyArray<readonly [string, SchemaNode]>; readonly required: readonly string[]; readonly open: boolean }
  | { readonly k: "array"; readonly items: SchemaNode; readonly minItems?: number; readonly maxItems?: number }
  | { readonly k: "string"; readonly noProps: boolean; readonly maxLength?: number; readonly format?: "date-time" | "uri" }
  | { readonly k: "enum"; readonly values: readonly string[]; readonly noProps: boolean; readonly uom: boolean }
  | { readonly k: "integer" | "number"; readonly minimum?: number; readonly maximum?: number; readonly multipleOf?: string }
  | { readonly k: "boolean" }
  | { readonly k: "any" };

${constLines.join("\n")}

/** One table per message, indexed by global message index (${rows.length} messages). */
export const SCHEMAS: readonly SchemaNode[] = [
${rows.join("\n")}
];
`;
}

// ───────────────────────────── typia input ─────────────────────────────
const typiaImports = () => `import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import { isMultipleOf as __ocpp_isMultipleOf } from "../multiple-of.js";
import { isUri as __ocpp_isUri } from "../uri.js";
${PROTOCOLS.map((p) => `import type * as ${p.alias} from ${q(p.internalImport)};`).join("\n")}

/** Keeps the helper imports alive before typia inlines the calls that use them. */
export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk, __ocpp_isMultipleOf, __ocpp_isUri] as const;
`;

function typiaInputs(models) {
  const calls = (fn) =>
    models.flatMap((model) => model.messages.map((m) => `  typia.${fn}<${model.protocol.alias}.${m.name}>(), // ${m.index}`)).join("\n");
  return {
    "equals.ts": `// typia input: \`typia generate --input src/js/typia-input --output src/js/generated --project tsconfig.json\`
// turns the typia.* calls below into plain TypeScript in src/js/generated/equals.ts (no runtime dependency on typia).
// The custom tags in ../types*.generated.ts emit calls to the __ocpp_* helpers, which are imported here so that
// they are in scope in the generated file. Written by scripts/gen-js-types.mjs --write-typia-input; checked by
// every run of it (one entry per schema, in global message-index order: 1.6, 2.0.1, 2.1).
${typiaImports()}
/** Boolean path, one validator per message, indexed by global message index: exact property sets, ajv-equivalent tags. */
export const equals: ReadonlyArray<(input: unknown) => boolean> = [
${calls("createEquals")}
];
`,
    "validate-equals.ts": `// typia input (see equals.ts). typia's own error report, used by tests as a cross-check only:
// its generated code imports typia/lib/internal/* at runtime, so the shipped backend does not import it.
${typiaImports()}
export const validateEquals: ReadonlyArray<(input: unknown) => typia.IValidation<unknown>> = [
${calls("createValidateEquals")}
];
`,
  };
}

function main() {
  const args = process.argv.slice(2);
  for (const a of args) if (a !== "--write-typia-input") throw new Error(`gen-js-types: unknown argument '${a}'`);
  const models = loadProtocols();
  mkdirSync(resolve(SRC, "js"), { recursive: true });
  for (const model of models) {
    writeFileSync(model.protocol.publicOut, is16(model.protocol) ? emitPublic16(model) : emitPublic2x(model));
    writeFileSync(model.protocol.internalOut, emitInternal(model));
  }
  writeFileSync(PROTOCOLS_OUT, emitProtocols(models));
  writeFileSync(TABLES_OUT, emitTables(models));
  const inputs = typiaInputs(models);
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
  console.log(`gen-js-types: ${models.map((m) => `${m.protocol.id} ${m.names.length}`).join(", ")} messages -> ${models.map((m) => m.protocol.publicOut.slice(SRC.length + 1)).join(", ")}, protocols.generated.ts, js/tables.generated.ts and the internal types`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
