// @ts-check
/**
 * Deterministic OCPP 1.6 StopTransaction.req payloads shared by the tests, the benchmark and the docs.
 * Every generator is a pure function of its arguments (seeded PRNG, never Math.random).
 * Functions ending in `Value` return objects; the others return JSON text (strings).
 */

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
