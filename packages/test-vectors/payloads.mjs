// @ts-check
/**
 * Deterministic OCPP 1.6 StopTransaction.req payloads shared by the tests, the benchmark and the docs.
 * Every generator is a pure function of its arguments (seeded PRNG, never Math.random).
 * Functions ending in `Value` return objects; the others return JSON text (strings).
 * The `...For(message, ...)` functions do the same for any of the 56 OCPP 1.6 messages, walking the
 * schema (schemas.mjs, a generated copy of crates/core/schemas/ocpp1.6 so this module stays
 * browser-safe: no node: imports, no ajv).
 */
import { messageSchema, isSampledValue, propertiesOf, requiredOf, sites, typeOf, boundsOf, itemBoundsOf } from "./schema-walk.mjs";

/**
 * mulberry32: a small, fast, seedable 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function createPrng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @template T @param {() => number} rnd @param {readonly T[]} arr @returns {T} */
function pick(rnd, arr) {
  return arr[Math.floor(rnd() * arr.length)];
}

const REASONS = ["EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot", "Remote", "SoftReset", "UnlockCommand", "DeAuthorized"];
const CONTEXTS = ["Sample.Periodic", "Sample.Clock", "Transaction.Begin", "Transaction.End", "Interruption.Begin", "Interruption.End", "Trigger", "Other"];
const PHASES = ["L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"];
const LOCATIONS = ["Outlet", "Inlet", "Cable", "EV", "Body"];
/** measurand → a plausible unit and value range */
const MEASURANDS = /** @type {const} */ ([
  ["Energy.Active.Import.Register", "Wh", 0, 9_000_000, 0],
  ["Energy.Active.Export.Register", "Wh", 0, 50_000, 0],
  ["Energy.Reactive.Import.Register", "varh", 0, 400_000, 0],
  ["Energy.Active.Import.Interval", "kWh", 0, 50, 3],
  ["Power.Active.Import", "kW", 0, 150, 2],
  ["Power.Offered", "kW", 0, 150, 1],
  ["Power.Reactive.Import", "kvar", 0, 20, 2],
  ["Power.Factor", "Percent", 80, 100, 1],
  ["Current.Import", "A", 0, 32, 1],
  ["Current.Offered", "A", 6, 32, 0],
  ["Voltage", "V", 207, 253, 1],
  ["Frequency", "Percent", 49, 51, 2],
  ["Temperature", "Celcius", 15, 65, 1],
  ["SoC", "Percent", 5, 100, 0],
  ["RPM", "Percent", 0, 100, 0],
]);

const BASE_TIME = Date.UTC(2024, 4, 17, 14, 32, 5, 123);

/** @param {number} ms */
function iso(ms) {
  return new Date(ms).toISOString(); // always "YYYY-MM-DDTHH:MM:SS.sssZ"
}

/** @param {() => number} rnd */
function idTag(rnd) {
  let s = "";
  for (let i = 0; i < 14; i++) s += "0123456789ABCDEF"[Math.floor(rnd() * 16)];
  return s;
}

/**
 * One realistic sampledValue with every optional field present (~150 B as JSON).
 * @param {() => number} rnd
 * @param {number} i
 */
function sampledValue(rnd, i) {
  const [measurand, unit, lo, hi, digits] = MEASURANDS[i % MEASURANDS.length];
  return {
    value: (lo + rnd() * (hi - lo)).toFixed(digits),
    context: pick(rnd, CONTEXTS),
    format: "Raw",
    measurand,
    phase: pick(rnd, PHASES),
    location: pick(rnd, LOCATIONS),
    unit,
  };
}

/**
 * A valid StopTransaction.req value.
 * @param {{ seed?: number, meterValues?: number, samples?: number, reason?: boolean }} [opts]
 */
export function payloadValue({ seed = 1, meterValues = 0, samples = 0, reason = true } = {}) {
  const rnd = createPrng(seed);
  const start = BASE_TIME + Math.floor(rnd() * 31_536_000) * 1000;
  const meterStart = Math.floor(rnd() * 5_000_000);
  /** @type {Record<string, unknown>} */
  const v = {
    idTag: idTag(rnd),
    meterStop: meterStart + Math.floor(rnd() * 80_000),
    timestamp: iso(start + meterValues * 60_000 + 1000),
    transactionId: 100_000 + Math.floor(rnd() * 900_000),
  };
  if (reason) v.reason = pick(rnd, REASONS);
  if (meterValues > 0) {
    const data = [];
    for (let m = 0; m < meterValues; m++) {
      const sv = [];
      for (let s = 0; s < samples; s++) sv.push(sampledValue(rnd, s));
      data.push({ timestamp: iso(start + m * 60_000), sampledValue: sv });
    }
    v.transactionData = data;
  }
  return v;
}

/** ~130 B, no meter values. */
export function smallPayloadValue() {
  return payloadValue({ seed: 11 });
}
/** ~1.4 KB: 2 meter values × 4 sampled values. */
export function mediumPayloadValue() {
  return payloadValue({ seed: 22, meterValues: 2, samples: 4 });
}
/** ~72 KB: 50 meter values × 10 sampled values. */
export function largePayloadValue() {
  return payloadValue({ seed: 33, meterValues: 50, samples: 10 });
}

/** JSON text, ~130 B, no meter values. */
export function smallPayload() {
  return JSON.stringify(smallPayloadValue());
}
/** JSON text, ~1.4 KB: 2 meter values × 4 sampled values. */
export function mediumPayload() {
  return JSON.stringify(mediumPayloadValue());
}
/** JSON text, ~72 KB: 50 meter values × 10 sampled values. */
export function largePayload() {
  return JSON.stringify(largePayloadValue());
}

/** JSON text that fails early: transactionId is a string (a `type` issue at the first key). */
export function invalidPayload() {
  const { transactionId: _dropped, ...rest } = smallPayloadValue();
  return JSON.stringify({ transactionId: "not-a-number", ...rest });
}

/**
 * Ways to break a valid payload value (applied to a copy); each still yields JSON text.
 * @type {ReadonlyArray<(v: Record<string, any>, rnd: () => number) => string>}
 */
const BREAKERS = [
  (v) => { delete v.transactionId; return JSON.stringify(v); },
  (v) => { v.meterStop = 1.5; return JSON.stringify(v); },
  (v) => { v.timestamp = "2024-02-30T10:00:00Z"; return JSON.stringify(v); },
  (v) => { v.timestamp = "2024-05-17T10:00:00"; return JSON.stringify(v); },
  (v) => { v.reason = "Unplugged"; return JSON.stringify(v); },
  (v) => { v.idTag = "X".repeat(21); return JSON.stringify(v); },
  (v) => { v.extra = true; return JSON.stringify(v); },
  (v) => {
    if (v.transactionData?.[0]?.sampledValue?.[0]) v.transactionData[0].sampledValue[0].unit = "kW/h";
    else v.transactionId = "17";
    return JSON.stringify(v);
  },
  (v, rnd) => { const t = JSON.stringify(v); return t.slice(0, Math.floor(rnd() * t.length)); },
  (v) => JSON.stringify(v).replace(/}$/, ",}"),
];

/**
 * A deterministic batch of JSON texts: varied sizes (mostly small, some medium, a few large),
 * about 5% invalid (schema and syntax failures mixed).
 * @param {number} [n]
 * @param {number} [seed]
 * @returns {string[]}
 */
export function mixedBatch(n = 10_000, seed = 42) {
  const rnd = createPrng(seed);
  /** @type {string[]} */
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const shape =
      r < 0.6 ? { meterValues: 0, samples: 0 }
      : r < 0.9 ? { meterValues: 1 + Math.floor(rnd() * 3), samples: 1 + Math.floor(rnd() * 4) }
      : r < 0.99 ? { meterValues: 2 + Math.floor(rnd() * 8), samples: 4 + Math.floor(rnd() * 6) }
      : { meterValues: 50, samples: 10 };
    const v = payloadValue({ seed: (seed * 1_000_003 + i) >>> 0, reason: rnd() < 0.8, ...shape });
    if (rnd() < 0.05) out.push(BREAKERS[Math.floor(rnd() * BREAKERS.length)](v, rnd));
    else out.push(JSON.stringify(v));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Every OCPP 1.6 message: deterministic realistic payloads walked from the schema
// ---------------------------------------------------------------------------------------------

/** @typedef {"small" | "medium" | "large"} PayloadSize */
/**
 * @typedef {{ size?: PayloadSize, seed?: number, arrayLengths?: readonly number[], optional?: boolean, protocol?: import("./protocols.mjs").Protocol }} PayloadOptions
 *   size: array lengths by nesting depth: small [1] (optional arrays left out), medium [2, 4], large [50, 10];
 *   arrayLengths overrides them (depth 0 = the outermost arrays; deeper arrays take the last entry),
 *   e.g. MeterValues with one meter value of N sampled values: `{ arrayLengths: [1, N] }`;
 *   optional: include optional properties (default true; false gives only required ones);
 *   protocol: "ocpp1.6" (default), "ocpp2.0.1" or "ocpp2.1" (message names are that protocol's;
 *   array lengths are kept within minItems / maxItems, numbers within minimum / maximum)
 */

/** @type {Readonly<Record<PayloadSize, readonly number[]>>} */
export const ARRAY_LENGTHS = Object.freeze({ small: Object.freeze([1]), medium: Object.freeze([2, 4]), large: Object.freeze([50, 10]) });
export const PAYLOAD_SIZES = /** @type {readonly PayloadSize[]} */ (Object.freeze(["small", "medium", "large"]));

const VENDORS = ["OpenCharge", "VoltWorks", "GridLine", "Ampere Systems"];
const MODELS = ["AC-22-Dual", "DC-50-Fast", "WB-11", "HPC-150"];
const ALNUM = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** @param {() => number} rnd @param {number} n @param {string} [alphabet] */
function word(rnd, n, alphabet = ALNUM) {
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

/** A plausible string for property `name` of at most `max` characters. @param {() => number} rnd @param {string} name @param {number} max */
function stringFor(rnd, name, max) {
  const n = name.toLowerCase();
  let s;
  if (n.includes("idtag")) s = word(rnd, 14, "0123456789ABCDEF");
  else if (n === "chargepointvendor") s = pick(rnd, VENDORS);
  else if (n === "chargepointmodel") s = pick(rnd, MODELS);
  else if (n.includes("serialnumber")) s = "SN-" + word(rnd, 10, "0123456789");
  else if (n === "firmwareversion") s = `${1 + Math.floor(rnd() * 3)}.${Math.floor(rnd() * 10)}.${Math.floor(rnd() * 20)}`;
  else if (n === "iccid") s = "8949" + word(rnd, 16, "0123456789");
  else if (n === "imsi") s = "26201" + word(rnd, 10, "0123456789");
  else if (n === "metertype") s = "EM-" + word(rnd, 3, "0123456789");
  else if (n === "vendorid") s = "com.example." + word(rnd, 6, "abcdefghijklmnopqrstuvwxyz");
  else if (n === "messageid") s = word(rnd, 8, "abcdefghijklmnopqrstuvwxyz");
  else if (n === "data") s = JSON.stringify({ seq: Math.floor(rnd() * 1000), ok: rnd() < 0.5 });
  else if (n === "info" || n === "vendorerrorcode") s = "E" + word(rnd, 4, "0123456789");
  else if (n === "key") s = pick(rnd, ["HeartbeatInterval", "MeterValueSampleInterval", "ConnectionTimeOut", "LocalAuthorizeOffline"]);
  else if (n === "value") s = String(Math.floor(rnd() * 100000));
  else s = word(rnd, 4 + Math.floor(rnd() * 12));
  return max !== undefined && s.length > max ? s.slice(0, max) : s;
}

/** A plausible integer for property `name`. @param {() => number} rnd @param {string} name */
function integerFor(rnd, name) {
  const n = name.toLowerCase();
  if (n === "connectorid") return 1 + Math.floor(rnd() * 2);
  if (n === "numberphases") return rnd() < 0.8 ? 3 : 1;
  if (n === "interval" || n === "retryinterval") return pick(rnd, [60, 300, 900, 3600]);
  if (n === "retries") return Math.floor(rnd() * 5);
  if (n === "stacklevel") return Math.floor(rnd() * 4);
  if (n === "duration") return pick(rnd, [900, 3600, 86400]);
  if (n === "startperiod") return Math.floor(rnd() * 96) * 900;
  if (n.startsWith("meter")) return Math.floor(rnd() * 5_000_000);
  if (n === "listversion") return 1 + Math.floor(rnd() * 500);
  return 1 + Math.floor(rnd() * 999_999);
}

/** v inside the node's [minimum, maximum] (integers: the nearest integer inside). @param {number} v @param {any} node @param {boolean} integer */
function within(v, node, integer) {
  const [lo, hi] = boundsOf(node);
  if (v > hi) v = integer ? Math.floor(hi) : hi;
  if (v < lo) v = integer ? Math.ceil(lo) : lo;
  return v;
}

/**
 * A deterministic, realistic, valid payload VALUE for any OCPP message (schema-driven).
 * @param {string} message  one of the protocol's message names
 * @param {PayloadOptions} [opts]
 * @returns {any}
 */
export function payloadValueFor(message, { size = "medium", seed = 1, arrayLengths, optional = true, protocol = "ocpp1.6" } = {}) {
  const schema = messageSchema(message, protocol);
  const lengths = arrayLengths ?? ARRAY_LENGTHS[size];
  if (!lengths) throw new TypeError(`unknown payload size ${JSON.stringify(size)}; sizes: ${PAYLOAD_SIZES.join(", ")}`);
  const omitOptionalArrays = arrayLengths === undefined && size === "small";
  const rnd = createPrng(seed);
  const start = BASE_TIME + Math.floor(rnd() * 31_536_000) * 1000;
  let clock = 0;
  let sampleIndex = 0;
  /** @param {any} node @param {string} name @param {number} depth @returns {any} */
  const gen = (node, name, depth) => {
    const t = typeOf(node);
    if (t === "object") {
      if (isSampledValue(node)) return sampledValue(rnd, sampleIndex++);
      /** @type {Record<string, any>} */
      const o = {};
      const req = requiredOf(node);
      for (const [k, v] of propertiesOf(node)) {
        const isReq = req.includes(k);
        if (!isReq && !optional) continue;
        if (!isReq && omitOptionalArrays && typeOf(v) === "array") continue;
        // vendor extensions are not what a realistic payload shows
        if (!isReq && k === "customData") continue;
        o[k] = gen(v, k, depth);
      }
      return o;
    }
    if (t === "array") {
      const [lo, hi] = itemBoundsOf(node);
      const n = Math.min(Math.max(lengths[Math.min(depth, lengths.length - 1)] ?? 1, lo), hi);
      const out = [];
      const saved = sampleIndex;
      for (let i = 0; i < n; i++) {
        if (isSampledValue(node.items)) sampleIndex = saved + i; // measurands cycle within one list
        out.push(gen(node.items, name, depth + 1));
      }
      return out;
    }
    if (t === "string") {
      if (node.enum) return pick(rnd, node.enum);
      if (node.format === "date-time") return iso(start + (clock++) * 60_000);
      if (node.format === "uri") return `ftp://files.example.com/${name.toLowerCase()}/${word(rnd, 8, "abcdefghijklmnopqrstuvwxyz0123456789")}.bin`;
      return stringFor(rnd, name, node.maxLength);
    }
    if (t === "integer") return within(integerFor(rnd, name), node, true);
    if (t === "number") return within(node.multipleOf !== undefined ? Math.floor(60 + rnd() * 2500) / 10 : Math.round(rnd() * 1e6) / 100, node, false);
    if (t === "any") return { seq: Math.floor(rnd() * 1000), ok: rnd() < 0.5 };
    return rnd() < 0.5;
  };
  return gen(schema, "", 0);
}

/**
 * JSON text of payloadValueFor(message, opts).
 * @param {string} message
 * @param {PayloadOptions} [opts]
 */
export function payloadFor(message, opts) {
  return JSON.stringify(payloadValueFor(message, opts));
}

/**
 * JSON text of a small payload of `message` that fails early: the first required property has the
 * wrong type (a `type` issue), or, for a message without required properties, an unknown key
 * (`additionalProperties`).
 * @param {string} message
 * @param {import("./protocols.mjs").Protocol} [protocol]
 */
export function invalidPayloadFor(message, protocol = "ocpp1.6") {
  const schema = messageSchema(message, protocol);
  const v = payloadValueFor(message, { size: "small", seed: 11, protocol });
  const req = requiredOf(schema);
  if (!req.length) return JSON.stringify({ unexpected: true, ...v });
  const [first] = req;
  const { [first]: _dropped, ...rest } = v;
  const t = typeOf(schema.properties[first]);
  return JSON.stringify({ [first]: t === "string" ? 12345 : "not-a-" + t, ...rest });
}

/**
 * Ways to break a valid payload value of any message (applied to a copy): each returns JSON text.
 * @type {ReadonlyArray<(v: any, schema: any, rnd: () => number) => string>}
 */
const GENERIC_BREAKERS = [
  // drop a required property (or add an unknown key where nothing is required)
  (v, schema, rnd) => {
    const targets = sites(schema).filter((s) => s.path.length > 0 && s.required && typeof s.path.at(-1) === "string" && has(v, s.path));
    if (!targets.length) return JSON.stringify({ ...v, extra: 1 });
    const t = pick(rnd, targets);
    delete at(v, t.path.slice(0, -1))[/** @type {string} */ (t.path.at(-1))];
    return JSON.stringify(v);
  },
  // wrong type for a present leaf
  (v, schema, rnd) => {
    const targets = sites(schema).filter((s) => s.path.length > 0 && typeOf(s.node) !== "object" && typeOf(s.node) !== "array" && has(v, s.path));
    if (!targets.length) return JSON.stringify({ ...v, extra: 1 });
    const t = pick(rnd, targets);
    at(v, t.path.slice(0, -1))[t.path.at(-1) ?? ""] = typeOf(t.node) === "string" ? 7 : "7";
    return JSON.stringify(v);
  },
  (v) => JSON.stringify({ ...v, extra: true }),
  (v, _schema, rnd) => { const t = JSON.stringify(v); return t.slice(0, Math.floor(rnd() * t.length)); },
  (v) => JSON.stringify(v).replace(/}$/, ",}"),
];

/** @param {any} v @param {readonly (string | number)[]} path */
function has(v, path) {
  let cur = v;
  for (const s of path) {
    if (cur === null || typeof cur !== "object" || !(s in cur)) return false;
    cur = cur[s];
  }
  return true;
}
/** @param {any} v @param {readonly (string | number)[]} path */
function at(v, path) {
  let cur = v;
  for (const s of path) cur = cur[s];
  return cur;
}

/**
 * A deterministic batch of JSON texts of `message`: mostly small, some medium, a few large payloads
 * (for messages with arrays), about 5% invalid (schema and syntax failures mixed).
 * @param {string} message
 * @param {number} [n]
 * @param {number} [seed]
 * @param {import("./protocols.mjs").Protocol} [protocol]
 * @returns {string[]}
 */
export function mixedBatchFor(message, n = 10_000, seed = 42, protocol = "ocpp1.6") {
  const schema = messageSchema(message, protocol);
  const rnd = createPrng(seed);
  /** @type {string[]} */
  const out = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    /** @type {PayloadOptions} */
    const shape = r < 0.6 ? { size: "small" } : r < 0.9 ? { arrayLengths: [1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 4)] } : r < 0.99 ? { size: "medium" } : { size: "large" };
    const v = payloadValueFor(message, { seed: (seed * 1_000_003 + i) >>> 0, optional: rnd() < 0.8, protocol, ...shape });
    if (rnd() < 0.05) out.push(GENERIC_BREAKERS[Math.floor(rnd() * GENERIC_BREAKERS.length)](v, schema, rnd));
    else out.push(JSON.stringify(v));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// OCPP 2.0.1 / 2.1 TransactionEventRequest: the message a 2.x gateway sees most
// ---------------------------------------------------------------------------------------------

const TE_MEASURANDS = /** @type {const} */ ([
  ["Energy.Active.Import.Register", "Wh", 0, 9_000_000, 0],
  ["Power.Active.Import", "W", 0, 150_000, 1],
  ["Current.Import", "A", 0, 32, 2],
  ["Voltage", "V", 207, 253, 1],
  ["SoC", "Percent", 5, 100, 0],
  ["Frequency", "Hz", 49, 51, 2],
  ["Power.Offered", "W", 0, 22_000, 0],
  ["Current.Offered", "A", 6, 32, 0],
  ["Energy.Active.Export.Register", "Wh", 0, 50_000, 0],
  ["Power.Factor", "Percent", 0.8, 1, 3],
]);

/**
 * A valid OCPP 2.0.1 / 2.1 TransactionEventRequest value (every field used here has the same shape
 * in both). `"small"` is a transaction start (`Started`, one meter value of one sample, ~400 B);
 * `"medium"` an `Updated` event with 2 meter values × 4 samples; `"large"` an `Updated` event with
 * 50 meter values × 10 samples (~90 KB as JSON). `meterValues` / `samples` override the size.
 * @param {{ size?: PayloadSize, seed?: number, meterValues?: number, samples?: number }} [opts]
 */
export function transactionEventValue({ size = "small", seed = 1, meterValues, samples } = {}) {
  const rnd = createPrng(seed);
  const [mvs, svs] = meterValues !== undefined ? [meterValues, samples ?? 1] : size === "small" ? [1, 1] : size === "medium" ? [2, 4] : [50, 10];
  const started = size === "small" && meterValues === undefined;
  const start = BASE_TIME + Math.floor(rnd() * 31_536_000) * 1000;
  const meterValue = [];
  for (let m = 0; m < mvs; m++) {
    const sampledValue = [];
    for (let k = 0; k < svs; k++) {
      const [measurand, unit, lo, hi, digits] = TE_MEASURANDS[k % TE_MEASURANDS.length];
      sampledValue.push({
        value: Number((lo + rnd() * (hi - lo)).toFixed(digits)),
        context: started ? "Transaction.Begin" : "Sample.Periodic",
        measurand,
        ...(k % 3 === 2 ? { phase: pick(rnd, ["L1", "L2", "L3"]) } : {}),
        location: "Outlet",
        unitOfMeasure: { unit },
      });
    }
    meterValue.push({ timestamp: iso(start + m * 60_000), sampledValue });
  }
  return {
    eventType: started ? "Started" : "Updated",
    timestamp: iso(start + mvs * 60_000),
    triggerReason: started ? "Authorized" : "MeterValuePeriodic",
    seqNo: started ? 0 : 1 + Math.floor(rnd() * 500),
    transactionInfo: { transactionId: `tx-${word(rnd, 12, "0123456789abcdef")}`, chargingState: started ? "EVConnected" : "Charging" },
    ...(started ? { idToken: { idToken: idTag(rnd), type: "ISO14443" } } : {}),
    evse: { id: 1, connectorId: 1 },
    meterValue,
  };
}

/** JSON text of transactionEventValue(opts). @param {{ size?: PayloadSize, seed?: number, meterValues?: number, samples?: number }} [opts] */
export function transactionEventPayload(opts) {
  return JSON.stringify(transactionEventValue(opts));
}
