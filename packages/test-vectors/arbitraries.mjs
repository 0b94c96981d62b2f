// @ts-check
/**
 * fast-check arbitraries shared by every backend's property tests.
 *   validPayloadArb   JSON TEXTS of valid StopTransaction.req payloads, exercising every field and text form
 *   validValueArb     the same payloads as parsed values
 *   mutatedTextArb    JSON TEXTS derived from valid payloads by schema-level and text-level mutations
 *   bytesArb          Uint8Array inputs: valid UTF-8 texts, mutated texts, invalid UTF-8, BOMs, random bytes
 *   anyInputArb       string | Uint8Array from all of the above
 * Any of the 56 OCPP 1.6 messages (schema-driven, see the second half of this file):
 *   messageNameArb, validModelArbFor(m), validPayloadArbFor(m), validValueArbFor(m), mutatedTextArbFor(m),
 *   payloadTextArbFor(m) (valid and mutated mixed), messagePayloadArb ({ message, text } over every message)
 * Every protocol (OCPP 2.0.1 / 2.1 too; the `...For` functions take the protocol as a second argument):
 *   payloadArbitrary(protocol, m)  valid and mutated texts of message m (what a differential wants)
 *   messagePayloadArbOf(protocol)  `{ message, text }` over every message of the protocol
 *   messageNameArbOf(protocol)     the protocol's message names
 *   inputArbOf(protocol, m)        those texts and their UTF-8 bytes (some broken), string | Uint8Array
 *   frameArbOf(protocol)           `{ text, responseTo }`: frames of every kind for the frame reference
 * All texts are well-formed Unicode strings (lone surrogates only ever appear as \uXXXX escapes), so
 * encoding them to UTF-8 is lossless.
 */
import fc from "fast-check";
import { createPrng } from "./payloads.mjs";
import { schema, MESSAGE_NAMES, createAjv, decimalOf, isDecimalMultiple } from "./reference.mjs";
import { messageSchema, propertiesOf, requiredOf, typeOf, boundsOf, itemBoundsOf, isOpenObject } from "./schema-walk.mjs";
import { messageNamesOf, checkProtocol } from "./protocols.mjs";

const SV_PROPS = schema.properties.transactionData.items.properties.sampledValue.items.properties;
/** enum values by property name */
export const ENUMS = {
  reason: /** @type {string[]} */ (schema.properties.reason.enum),
  context: /** @type {string[]} */ (SV_PROPS.context.enum),
  format: /** @type {string[]} */ (SV_PROPS.format.enum),
  measurand: /** @type {string[]} */ (SV_PROPS.measurand.enum),
  phase: /** @type {string[]} */ (SV_PROPS.phase.enum),
  location: /** @type {string[]} */ (SV_PROPS.location.enum),
  unit: /** @type {string[]} */ (SV_PROPS.unit.enum),
};

// ---------------------------------------------------------------------------------------------
// A tiny JSON text model: values keep their exact text, objects keep key texts, order and duplicates.
// ---------------------------------------------------------------------------------------------
/**
 * @typedef {{ t: "raw", text: string }} RawNode
 * @typedef {{ t: "obj", kind: "root" | "meter" | "sampled" | "other", fields: [string, JNode][] }} ObjNode   key texts include the quotes
 * @typedef {{ t: "arr", items: JNode[] }} ArrNode
 * @typedef {RawNode | ObjNode | ArrNode} JNode
 */
const raw = (/** @type {string} */ text) => /** @type {RawNode} */ ({ t: "raw", text });

/** Renders a model to JSON text; `ws` picks whitespace (deterministic from a seed). */
export function render(/** @type {JNode} */ node, /** @type {() => number} */ rnd = () => 0) {
  const WS = ["", "", "", "", " ", "\n", "\t", "\r\n  "];
  const w = () => WS[Math.floor(rnd() * WS.length)];
  /** @param {JNode} n @returns {string} */
  const go = (n) => {
    if (n.t === "raw") return n.text;
    if (n.t === "arr") return "[" + n.items.map((i) => w() + go(i) + w()).join(",") + "]";
    return "{" + n.fields.map(([k, v]) => w() + k + w() + ":" + w() + go(v) + w()).join(",") + "}";
  };
  return w() + go(node) + w();
}

// ---------------------------------------------------------------------------------------------
// Text forms
// ---------------------------------------------------------------------------------------------
const hex4 = (/** @type {number} */ u, /** @type {boolean} */ upper) => {
  const h = u.toString(16).padStart(4, "0");
  return "\\u" + (upper ? h.toUpperCase() : h);
};

/**
 * JSON string text of `s`, escaping code points chosen by `flags` as \uXXXX (a surrogate pair becomes two
 * escapes). Lone surrogates are always escaped so the text stays well-formed.
 */
export function stringText(/** @type {string} */ s, /** @type {boolean[]} */ flags = []) {
  let out = '"';
  let i = 0;
  let cpIndex = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const units = isPair ? s.slice(i, i + 2) : s[i];
    const flag = flags[cpIndex % Math.max(flags.length, 1)] ?? false;
    const lone = !isPair && c >= 0xd800 && c <= 0xdfff;
    if (flag || lone) {
      for (let k = 0; k < units.length; k++) out += hex4(units.charCodeAt(k), (cpIndex + k) % 2 === 1);
    } else if (c === 0x2f && flags.length > 0 && flags[(cpIndex + 1) % flags.length]) {
      out += "\\/";
    } else {
      out += JSON.stringify(units).slice(1, -1);
    }
    i += units.length;
    cpIndex++;
  }
  return out + '"';
}

/** Arbitrary JSON string text for strings from `strArb`, with random escaping. */
const stringTextArb = (/** @type {fc.Arbitrary<string>} */ strArb, escapeRate = 0.15) =>
  fc.tuple(strArb, fc.integer(), fc.integer({ min: 1, max: 16 })).map(([s, seed, n]) => {
    const rnd = createPrng(seed);
    const flags = [];
    for (let i = 0; i < n; i++) flags.push(rnd() < escapeRate);
    return stringText(s, flags);
  });

/** Key text, sometimes with escapes (`"\u0074ransactionId"`). */
const keyTextArb = (/** @type {string} */ key) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(JSON.stringify(key)) }, { weight: 1, arbitrary: stringTextArb(fc.constant(key), 0.3) });

const SPECIAL_INTEGERS = [
  "0", "-0", "0.0", "-0.0", "0e0", "0E+5", "1e-400", "-1e-400", "1.0", "1e2", "1E2", "1e+2", "100e-2", "1.00", "2.50e1",
  "123456789012345678901234567890", "-123456789012345678901234567890", "9007199254740993", "1.7976931348623157e308",
  "1e308", "1.00000000000000001", "0.99999999999999999", "9007199254740993.5",
];
/** Texts of JSON numbers whose JS value is a finite integer. */
export const integerTextArb = fc.oneof(
  { weight: 5, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => `${n}.0`) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => (n === 0 ? "0e-2" : `${n}00e-2`)) },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((n) => `${n}E+0`) },
  { weight: 1, arbitrary: fc.double({ min: 1e16, max: 1e300, noNaN: true }).map((d) => String(Math.round(d))) },
  { weight: 2, arbitrary: fc.constantFrom(...SPECIAL_INTEGERS) },
);

const two = (/** @type {number} */ n) => String(n).padStart(2, "0");
const LEAP = (/** @type {number} */ y) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** JS `\s` characters other than space/T that split date and time. */
const SEPARATORS = ["T", "T", "T", "T", "t", " ", "\t", "\n", "\r", "\u000b", "\f", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];

/** Date-time strings ajv-formats 3 (full) accepts: every separator, zone form, fraction, leap years and leap seconds. */
export const dateTimeArb = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(2000, 2024, 1900, 2100, 0, 9999)),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hr: fc.integer({ min: 0, max: 23 }),
    min: fc.integer({ min: 0, max: 59 }),
    sec: fc.integer({ min: 0, max: 59 }),
    frac: fc.option(fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-8][0-9]{12,30}$/)), { nil: undefined }),
    sep: fc.constantFrom(...SEPARATORS),
    zone: fc.oneof(
      fc.constantFrom("Z", "z", "Z", "Z"),
      fc.record({ sign: fc.constantFrom("+", "-"), h: fc.integer({ min: 0, max: 23 }), m: fc.integer({ min: 0, max: 59 }), form: fc.constantFrom(0, 1, 2) }),
    ),
    leap: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ year, month, day, hr, min, sec, frac, sep, zone, leap }) => {
    const dim = month === 2 && LEAP(year) ? 29 : DIM[month];
    day = Math.min(day, dim);
    let zoneText;
    let offMin = 0;
    if (typeof zone === "string") zoneText = zone;
    else {
      offMin = (zone.sign === "-" ? -1 : 1) * (zone.h * 60 + (zone.form === 0 ? 0 : zone.m));
      zoneText = zone.sign + two(zone.h) + (zone.form === 0 ? "" : zone.form === 1 ? two(zone.m) : ":" + two(zone.m));
    }
    let secText = two(sec) + (frac !== undefined ? "." + frac : "");
    if (leap === 0) {
      // a leap second: 23:59:60 UTC, expressed in the chosen offset
      const local = (((23 * 60 + 59 + offMin) % 1440) + 1440) % 1440;
      hr = Math.floor(local / 60);
      min = local % 60;
      secText = "60" + (frac !== undefined ? "." + frac.slice(0, 3) : "");
    }
    return `${String(year).padStart(4, "0")}-${two(month)}-${two(day)}${sep}${two(hr)}:${two(min)}:${secText}${zoneText}`;
  });

/** idTag strings of at most 20 code points (ajv ucs2length), incl. astral characters and lone surrogates. */
export const idTagArb = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
    { weight: 1, arbitrary: fc.constantFrom("\u{1F600}", "中", "é", "\u0000", "\\", '"', "/", "\u2028") },
  ),
  maxLength: 20,
}).filter((s) => ucs2length(s) <= 20);

function ucs2length(/** @type {string} */ s) {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

const enumTextArb = (/** @type {string[]} */ values) => stringTextArb(fc.constantFrom(...values), 0.05);

/** Builds an object node from [key, valueArb, required] specs, shuffled, optional keys sometimes absent. */
const objArb = (/** @type {ObjNode["kind"]} */ kind, /** @type {[string, fc.Arbitrary<JNode>, boolean][]} */ specs) =>
  fc
    .tuple(
      ...specs.map(([key, valueArb, required]) =>
        required
          ? fc.tuple(keyTextArb(key), valueArb).map((f) => /** @type {[string, JNode] | null} */ (f))
          : fc.option(fc.tuple(keyTextArb(key), valueArb), { nil: null, freq: 2 }),
      ),
    )
    .chain((fields) => fc.shuffledSubarray(/** @type {[string, JNode][]} */ (fields.filter((f) => f !== null)), { minLength: fields.filter((f) => f !== null).length }))
    .map((fields) => /** @type {ObjNode} */ ({ t: "obj", kind, fields }));

const rawArb = (/** @type {fc.Arbitrary<string>} */ a) => a.map(raw);

const sampledValueArb = objArb("sampled", [
  ["value", rawArb(stringTextArb(fc.oneof(fc.integer({ min: 0, max: 1e7 }).map(String), fc.string({ unit: "binary", maxLength: 30 })))), true],
  ["context", rawArb(enumTextArb(ENUMS.context)), false],
  ["format", rawArb(enumTextArb(ENUMS.format)), false],
  ["measurand", rawArb(enumTextArb(ENUMS.measurand)), false],
  ["phase", rawArb(enumTextArb(ENUMS.phase)), false],
  ["location", rawArb(enumTextArb(ENUMS.location)), false],
  ["unit", rawArb(enumTextArb(ENUMS.unit)), false],
]);
const meterValueArb = objArb("meter", [
  ["timestamp", rawArb(stringTextArb(dateTimeArb, 0.05)), true],
  ["sampledValue", fc.array(sampledValueArb, { maxLength: 4 }).map((items) => /** @type {ArrNode} */ ({ t: "arr", items })), true],
]);
/** Model of a valid payload. */
export const validModelArb = objArb("root", [
  ["idTag", rawArb(stringTextArb(idTagArb)), false],
  ["meterStop", rawArb(integerTextArb), true],
  ["timestamp", rawArb(stringTextArb(dateTimeArb, 0.05)), true],
  ["transactionId", rawArb(integerTextArb), true],
  ["reason", rawArb(enumTextArb(ENUMS.reason)), false],
  ["transactionData", fc.array(meterValueArb, { maxLength: 3 }).map((items) => /** @type {ArrNode} */ ({ t: "arr", items })), false],
]);

/** JSON texts of valid payloads (random whitespace, key order, escapes and number forms). */
export const validPayloadArb = fc.tuple(validModelArb, fc.integer()).map(([m, seed]) => render(m, createPrng(seed)));

/** Valid payloads as parsed values. */
export const validValueArb = validPayloadArb.map((t) => JSON.parse(t));

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------
const REQUIRED = { root: ["transactionId", "timestamp", "meterStop"], meter: ["timestamp", "sampledValue"], sampled: ["value"], other: [] };
const WRONG_VALUES = ["1", "-1.5", "0", "true", "false", "null", '""', '"x"', "[]", "[1,2]", "{}", '{"a":1}', '{"a":1,"a":2,"b":3}', '{"__proto__":1}', "[[[]]]", '"1"'];
const BAD_STRINGS = ["", " ", "x", "Wh ", "wh", "KWH", "Local ", "local", "EMERGENCYSTOP", "L4", "Celsius", "\u{1F600}", "\\u0000", "Other\u0000"];
const BAD_DATETIMES = [
  "2023-02-29T12:00:00Z", "1900-02-29T00:00:00Z", "2100-02-29T00:00:00+01:00", "2024-05-17T24:00:00Z", "2024-05-17T14:32:05",
  "2024-05-17T14:32:05.123", "2024-05-17 14:32:05", "2016-12-31T23:59:60+01:00", "2016-12-31T12:00:60Z", "2016-12-31T23:59:61Z",
  "2016-12-31T23:58:60Z", "2024-05-17T14:32:05+24:00", "2024-05-17T14:32:05+05:60", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
  "2024-05-17T12:00:59.99999999999999999Z", "2024-05-17TT14:32:05Z", "2024-05-17\u200b14:32:05Z", "2024-05-17T14:32:05Z ", "",
  "2024-05-17", "14:32:05Z", "2024-05-17T14:32Z", "2024-5-17T14:32:05Z",
];
const BAD_INTEGERS = ["1e400", "-1e400", "1.5", "1e-1", "0.5", "5e-324", "2e308", "-0.1", "1.0000001"];
const UNKNOWN_KEYS = ["x", "", "__proto__", "constructor", "toString", "hasOwnProperty", "idtag", "Value", "a/b", "~", "\u00e9", "transactionid", "\u{1F600}"];

/** Every object node of a model. */
function objects(/** @type {JNode} */ n, /** @type {ObjNode[]} */ out = []) {
  if (n.t === "obj") {
    out.push(n);
    for (const [, v] of n.fields) objects(v, out);
  } else if (n.t === "arr") for (const i of n.items) objects(i, out);
  return out;
}
const keyOf = (/** @type {string} */ keyText) => JSON.parse(keyText);
const clone = (/** @type {JNode} */ n) => /** @type {JNode} */ (structuredClone(n));

/** @typedef {(m: ObjNode, rnd: () => number) => void} ModelMutation */
const pick = (/** @type {() => number} */ rnd, /** @type {any[]} */ a) => a[Math.floor(rnd() * a.length)];
const pickField = (/** @type {ObjNode} */ o, /** @type {() => number} */ rnd, /** @type {(k: string) => boolean} */ pred = () => true) => {
  const idx = o.fields.map((f, i) => [f, i]).filter(([f]) => pred(keyOf(/** @type {any} */ (f)[0]))).map(([, i]) => i);
  return idx.length ? /** @type {number} */ (pick(rnd, idx)) : -1;
};
const someObject = (/** @type {ObjNode} */ m, /** @type {() => number} */ rnd) => pick(rnd, objects(m));

/** @type {Record<string, ModelMutation>} */
export const MODEL_MUTATIONS = {
  dropRequired(m, rnd) {
    const o = someObject(m, rnd);
    const req = REQUIRED[/** @type {ObjNode} */ (o).kind];
    const k = req.length ? pick(rnd, req) : null;
    o.fields = o.fields.filter(([kt]) => keyOf(kt) !== k);
  },
  wrongType(m, rnd) {
    const o = someObject(m, rnd);
    const i = pickField(o, rnd);
    if (i >= 0) o.fields[i][1] = raw(pick(rnd, WRONG_VALUES));
    else o.fields.push([JSON.stringify(pick(rnd, REQUIRED[o.kind].length ? REQUIRED[o.kind] : ["x"])), raw(pick(rnd, WRONG_VALUES))]);
  },
  badEnum(m, rnd) {
    const o = someObject(m, rnd);
    const enumKeys = o.kind === "root" ? ["reason"] : o.kind === "sampled" ? ["context", "format", "measurand", "phase", "location", "unit"] : ["reason"];
    const k = pick(rnd, enumKeys);
    const v = rnd() < 0.5 ? stringText(pick(rnd, BAD_STRINGS)) : pick(rnd, WRONG_VALUES);
    const i = pickField(o, rnd, (key) => key === k);
    if (i >= 0) o.fields[i][1] = raw(v);
    else o.fields.push([JSON.stringify(k), raw(v)]);
  },
  duplicateKey(m, rnd) {
    const o = someObject(m, rnd);
    const i = pickField(o, rnd);
    if (i < 0) return;
    const [kt, v] = o.fields[i];
    const other = rnd() < 0.5 ? raw(pick(rnd, WRONG_VALUES)) : clone(v);
    const keyText = rnd() < 0.3 ? stringText(keyOf(kt), [true]) : kt;
    if (rnd() < 0.5) o.fields.splice(i + 1, 0, [keyText, other]); // invalid value last: it wins
    else o.fields.splice(i, 0, [keyText, other]); // invalid value first: replaced by the original
  },
  unknownKey(m, rnd) {
    const o = someObject(m, rnd);
    const n = 1 + Math.floor(rnd() * 3);
    for (let j = 0; j < n; j++) {
      const key = pick(rnd, UNKNOWN_KEYS);
      o.fields.splice(Math.floor(rnd() * (o.fields.length + 1)), 0, [stringText(key, [rnd() < 0.2]), raw(pick(rnd, WRONG_VALUES))]);
    }
  },
  longIdTag(m, rnd) {
    const len = 21 + Math.floor(rnd() * 10);
    let s = "";
    for (let j = 0; j < len; j++) s += pick(rnd, ["A", "\u{1F600}", "中", "\uD800", "é"]);
    const i = pickField(m, rnd, (k) => k === "idTag");
    const v = raw(stringText(s, [rnd() < 0.3]));
    if (i >= 0) m.fields[i][1] = v;
    else m.fields.push(['"idTag"', v]);
  },
  badDateTime(m, rnd) {
    const targets = objects(m).filter((o) => o.kind === "root" || o.kind === "meter");
    const o = pick(rnd, targets);
    const i = pickField(o, rnd, (k) => k === "timestamp");
    const v = raw(stringText(pick(rnd, BAD_DATETIMES)));
    if (i >= 0) o.fields[i][1] = v;
    else o.fields.push(['"timestamp"', v]);
  },
  badNumber(m, rnd) {
    const k = pick(rnd, ["transactionId", "meterStop"]);
    const i = pickField(m, rnd, (key) => key === k);
    if (i >= 0) m.fields[i][1] = raw(pick(rnd, BAD_INTEGERS));
  },
  deepUnknown(m, rnd) {
    const depth = 1 + Math.floor(rnd() * 3000);
    const o = someObject(m, rnd);
    const inner = "[".repeat(depth) + "]".repeat(depth);
    const k = rnd() < 0.5 ? '"deep"' : o.kind === "sampled" ? '"unit"' : '"reason"';
    o.fields.push([k, raw(inner)]);
    if (rnd() < 0.5 && k !== '"deep"') o.fields.push([k, raw(stringText(o.kind === "sampled" ? "Wh" : "Local"))]);
  },
  wrongContainer(m, rnd) {
    const i = pickField(m, rnd, (k) => k === "transactionData");
    const bad = pick(rnd, ["{}", "null", "1", '"x"', "[1]", "[null]", "[[]]", '[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":{}}]', '[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[[]]}]', '[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[1,{}]}]']);
    if (i >= 0) m.fields[i][1] = raw(bad);
    else m.fields.push(['"transactionData"', raw(bad)]);
  },
};

/** @typedef {(text: string, rnd: () => number) => string} TextMutation */
/** Cut points at code point boundaries (keeps the text well-formed). */
const cut = (/** @type {string} */ t, /** @type {number} */ i) => {
  const c = t.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 ? i - 1 : i;
};
const INSERTS = ["{", "}", "[", "]", ",", ":", '"', "\\", "0", "-", ".", "e", " ", "\u0000", "\n", "x", "\u{1F600}", "\ufeff", "\u00a0", "/", "tru", "null", "'"];
/** @type {Record<string, TextMutation>} */
export const TEXT_MUTATIONS = {
  truncate: (t, rnd) => t.slice(0, cut(t, Math.floor(rnd() * t.length))),
  insertChar(t, rnd) {
    const i = cut(t, Math.floor(rnd() * (t.length + 1)));
    return t.slice(0, i) + pick(rnd, INSERTS) + t.slice(i);
  },
  deleteChar(t, rnd) {
    if (!t.length) return t;
    const i = cut(t, Math.floor(rnd() * t.length));
    const c = t.charCodeAt(i);
    const n = c >= 0xd800 && c <= 0xdbff && i + 1 < t.length ? 2 : 1;
    return t.slice(0, i) + t.slice(i + n);
  },
  replaceChar(t, rnd) {
    return TEXT_MUTATIONS.insertChar(TEXT_MUTATIONS.deleteChar(t, rnd), rnd);
  },
  bom: (t) => "\ufeff" + t,
  trailingComma: (t, rnd) => {
    const idx = [];
    for (let i = 0; i < t.length; i++) if (t[i] === "}" || t[i] === "]") idx.push(i);
    if (!idx.length) return t + ",";
    const i = pick(rnd, idx);
    return t.slice(0, i) + "," + t.slice(i);
  },
  trailingGarbage: (t, rnd) => t + pick(rnd, [" x", "}", "{}", "\u0000", " 1", ","]),
  deepNesting: (t, rnd) => {
    const d = 1 + Math.floor(rnd() * 5000);
    return rnd() < 0.5 ? "[".repeat(d) + t + "]".repeat(d) : t.replace("{", `{"deep":${"[".repeat(d)}${"]".repeat(rnd() < 0.9 ? d : d - 1)},`);
  },
};

/** JSON texts derived from valid payloads: 1–3 model mutations and/or a text mutation. */
export const mutatedTextArb = fc
  .tuple(
    validModelArb,
    fc.array(fc.constantFrom(...Object.keys(MODEL_MUTATIONS)), { minLength: 0, maxLength: 3 }),
    fc.oneof(
      { weight: 7, arbitrary: fc.constant(undefined) },
      { weight: 3, arbitrary: fc.constantFrom(...Object.keys(TEXT_MUTATIONS)) },
    ),
    fc.integer(),
  )
  .map(([model, mutations, textMutation, seed]) => {
    const rnd = createPrng(seed);
    const m = /** @type {ObjNode} */ (clone(model));
    const muts = mutations.length || textMutation ? mutations : ["wrongType"];
    for (const k of muts) MODEL_MUTATIONS[k](m, rnd);
    let text = render(m, rnd);
    if (textMutation) text = TEXT_MUTATIONS[textMutation](text, rnd);
    return text;
  });

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------
const enc = new TextEncoder();
const BAD_SEQUENCES = [[0xff], [0xfe], [0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5], [0xf8], [0xc3], [0xe2, 0x82], [0xf0, 0x9f, 0x98]];

/** Raw byte inputs: UTF-8 of valid/mutated texts, with invalid sequences, BOMs, truncation inside a character, random bytes. */
export const bytesArb = fc.oneof(
  { weight: 3, arbitrary: fc.oneof(validPayloadArb, mutatedTextArb).map((t) => enc.encode(t)) },
  {
    weight: 4,
    arbitrary: fc.tuple(fc.oneof(validPayloadArb, mutatedTextArb), fc.integer(), fc.constantFrom(...BAD_SEQUENCES.keys())).map(([t, seed, b]) => {
      const bytes = enc.encode(t);
      const rnd = createPrng(seed);
      const i = Math.floor(rnd() * (bytes.length + 1));
      const mode = Math.floor(rnd() * 3);
      const bad = mode === 2 ? [0xff & Math.floor(rnd() * 256)] : BAD_SEQUENCES[b];
      const out = new Uint8Array(bytes.length + bad.length);
      out.set(bytes.subarray(0, i));
      out.set(bad, i);
      out.set(bytes.subarray(i), i + bad.length);
      return mode === 1 ? out.subarray(0, Math.max(0, out.length - Math.floor(rnd() * 3))) : out;
    }),
  },
  { weight: 1, arbitrary: validPayloadArb.map((t) => Uint8Array.of(0xef, 0xbb, 0xbf, ...enc.encode(t))) },
  {
    weight: 1,
    // truncation at a random byte (may split a multi-byte character)
    arbitrary: fc.tuple(validPayloadArb, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, r]) => {
      const b = enc.encode(t);
      return b.subarray(0, Math.floor(r * b.length));
    }),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
);

/** Any input a backend accepts as text: strings and bytes. */
export const anyInputArb = fc.oneof(
  { weight: 2, arbitrary: validPayloadArb },
  { weight: 5, arbitrary: mutatedTextArb },
  { weight: 3, arbitrary: bytesArb },
);

// =============================================================================================
// Every OCPP 1.6 message: schema-driven arbitraries
// =============================================================================================
// The model is the same JNode tree as above; schema-driven nodes also carry `s`, their schema node,
// so deviations can be chosen from what the schema says about the node.

/** Every message name (56), for properties over all messages. */
export const messageNameArb = fc.constantFrom(...MESSAGE_NAMES);

/** Every message name of a protocol (1.6: 56, 2.0.1: 128, 2.1: 181). @param {import("./protocols.mjs").Protocol} protocol */
export const messageNameArbOf = (protocol) => (checkProtocol(protocol) === "ocpp1.6" ? messageNameArb : fc.constantFrom(...messageNamesOf(protocol)));

const uriCheck = createAjv().compile({ type: "string", format: "uri" });
/** Strings ajv-formats 3 (full) accepts as `format: uri`. */
export const uriArb = fc.oneof(
  { weight: 4, arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true, validSchemes: ["http", "https", "ftp", "ftps", "sftp"] }) },
  { weight: 1, arbitrary: fc.constantFrom("ftp://a/b", "http://[::1]:80/x", "urn:isbn:123", "HTTP://A", "mailto:x@y", "file:///tmp/d.zip", "a:b", "http://a/" + "p".repeat(990)) },
).filter((u) => uriCheck(u) === true);

/** A code point unit for bounded strings: mostly ASCII, some astral / BMP / lone surrogates / specials. */
const codePointUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 1, arbitrary: fc.constantFrom("\u{1F600}", "中", "é", "\u0000", "\\", '"', "/", "\u2028") },
);
/** Strings of at most `n` code points (ajv ucs2length), sometimes exactly at the limit. @param {number} n */
export const boundedStringArb = (n) =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ unit: codePointUnit, maxLength: Math.min(n, 24) }) },
      {
        weight: 1,
        // 2.x limits reach 32 768: a random string that long is slow to make and to shrink, and only
        // its end (where a pair could straddle the limit) matters
        arbitrary: n <= 1000
          ? fc.string({ unit: codePointUnit, minLength: n, maxLength: n })
          : fc.string({ unit: codePointUnit, maxLength: 8 }).map((tail) => "A".repeat(Math.max(0, n - ucs2length(tail))) + tail),
      },
    )
    .filter((s) => ucs2length(s) <= n);

/**
 * Texts of JSON integers (as strictNumbers sees them) within [lo, hi]: plain, `.0`, exponent forms,
 * the bounds themselves in several forms, and texts that round to a bound (`100.00000000000000001`).
 * @param {number} lo @param {number} hi
 */
export const boundedIntegerTextArb = (lo, hi) => {
  if (lo === -Infinity && hi === Infinity) return integerTextArb;
  const min = Number.isFinite(lo) ? Math.max(Math.ceil(lo), -1e15) : -1e15;
  const max = Number.isFinite(hi) ? Math.min(Math.floor(hi), 1e15) : 1e15;
  const n = fc.integer({ min: Math.max(min, -2147483648), max: Math.min(max, 2147483647) });
  const edges = [...new Set([min, max].filter((e) => Math.abs(e) < 1e15))];
  // 100.00000000000000001 is the double 100, but 0.00000000000000001 is 1e-17: keep what is an integer inside
  const edgeTexts = edges
    .flatMap((e) => [String(e), `${e}.0`, `${e}e0`, `${e}.00000000000000001`, ...(e === 0 ? ["-0", "1e-400", "-1e-400", "0e5"] : [`${e - 1}.99999999999999999`])])
    .filter((t) => Number.isInteger(Number(t)) && Number(t) >= lo && Number(t) <= hi);
  const specials = SPECIAL_INTEGERS.filter((t) => Number(t) >= lo && Number(t) <= hi);
  return fc.oneof(
    { weight: 5, arbitrary: n.map(String) },
    { weight: 2, arbitrary: n.map((v) => `${v}.0`) },
    { weight: 1, arbitrary: n.map((v) => `${v}E+0`) },
    { weight: 2, arbitrary: fc.constantFrom(...edgeTexts) },
    ...(specials.length ? [{ weight: 1, arbitrary: fc.constantFrom(...specials) }] : []),
  );
};

/**
 * Texts of finite JSON numbers within [lo, hi] (with multipleOf m when given), the bounds in
 * several forms included.
 * @param {number} lo @param {number} hi @param {number} [m]
 */
export const boundedNumberTextArb = (lo, hi, m) => {
  const inside = (/** @type {string} */ t) => {
    const v = Number(t);
    return Number.isFinite(v) && v >= lo && v <= hi && (m === undefined || isDecimalMultiple(v, m));
  };
  const base = m !== undefined ? multipleOfTextArb(m) : numberTextArb;
  if (lo === -Infinity && hi === Infinity) return base;
  const edges = [lo, hi].filter(Number.isFinite);
  const edgeTexts = edges.flatMap((e) => [String(e), `${e}.0`, `${e}e0`, `${e}.00000000000000001`, ...(e === 0 ? ["-0", "-0.0", "1e-400", "-1e-400"] : [])]).filter(inside);
  const d = fc
    .double({ min: Number.isFinite(lo) ? lo : -1e300, max: Number.isFinite(hi) ? hi : 1e300, noNaN: true, noDefaultInfinity: true })
    .map((x) => (Object.is(x, -0) ? "-0" : String(x)))
    .filter(inside);
  return fc.oneof(
    { weight: 4, arbitrary: m === undefined ? d : base.filter(inside) },
    ...(edgeTexts.length ? [{ weight: 1, arbitrary: fc.constantFrom(...edgeTexts) }] : []),
  );
};

/** Any JSON value as text (for untyped nodes and open objects' extra members), now and then very deep. */
export const anyJsonTextArb = fc.oneof(
  { weight: 8, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom("1e400", "9007199254740993", '"\\ud800"', '{"a":1,"a":2}', '{"__proto__":[]}', "-0") },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map((d) => (d % 2 ? "[".repeat(d) + "]".repeat(d) : '{"a":'.repeat(d) + "null" + "}".repeat(d))) },
);

/** Exact decimal text of digits × 10^exp (no exponent form). @param {bigint} digits @param {number} exp */
function decimalText(digits, exp) {
  const neg = digits < 0n;
  let s = (neg ? -digits : digits).toString();
  if (exp >= 0) s += "0".repeat(exp);
  else {
    s = s.padStart(-exp + 1, "0");
    s = s.slice(0, s.length + exp) + "." + s.slice(s.length + exp);
  }
  return (neg ? "-" : "") + s;
}

/**
 * JSON number texts whose value is a multiple of `m` under the reference's decimal multipleOf:
 * k·m written plainly, with trailing zeros or in exponent form, huge multiples, and texts that
 * round to a multiple (0.30000000000000001 is the double 0.3).
 * @param {number} m
 */
export const multipleOfTextArb = (m) => {
  const d = /** @type {{ digits: bigint, exp: number }} */ (decimalOf(m));
  const k = fc.integer({ min: -1e7, max: 1e7 }).map(BigInt);
  return fc.oneof(
    { weight: 4, arbitrary: k.map((n) => decimalText(n * d.digits, d.exp)) },
    { weight: 1, arbitrary: k.map((n) => decimalText(n * d.digits, d.exp) + (d.exp < 0 ? "000" : ".000")) },
    { weight: 1, arbitrary: k.map((n) => `${n * d.digits}e${d.exp}`) },
    { weight: 1, arbitrary: k.map((n) => `${n === 0n ? "0" : `${n * d.digits}0`}E${d.exp > 1 ? "+" : ""}${d.exp - 1}`) },
    { weight: 1, arbitrary: fc.constantFrom("0", "-0", "0.0", ...(m === 0.1 ? ["1e21", "1.5e300", "-2e22", "0.3", "0.7", "1e2", "100e-3", "1e-1", "0.30000000000000001", "12"] : [])) },
  );
};

/** Texts of finite JSON numbers (for `type: number` without multipleOf). */
export const numberTextArb = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? "-0" : String(x))) },
  { weight: 1, arbitrary: integerTextArb },
  { weight: 1, arbitrary: fc.constantFrom("1e-400", "5e-324", "1.7976931348623157e308", "0.30000000000000004", "-0.0") },
);

/** @typedef {RawNode & { s?: any }} SRawNode */

/** @type {WeakMap<object, fc.Arbitrary<JNode>>} */
const nodeArbCache = new WeakMap();

/**
 * Arbitrary model of a valid value for a schema node.
 * @param {any} node
 * @returns {fc.Arbitrary<JNode>}
 */
export function schemaNodeArb(node) {
  let a = nodeArbCache.get(node);
  if (a) return a;
  const withS = (/** @type {fc.Arbitrary<string>} */ textArb) => textArb.map((text) => /** @type {JNode} */ ({ t: "raw", text, s: node }));
  const t = typeOf(node);
  if (t === "object") {
    const specs = propertiesOf(node).map(([k, v]) => /** @type {[string, fc.Arbitrary<JNode>, boolean]} */ ([k, schemaNodeArb(v), requiredOf(node).includes(k)]));
    a = specs.length ? objArb("other", specs).map((o) => /** @type {JNode} */ ({ ...o, s: node })) : fc.constant(/** @type {JNode} */ ({ t: "obj", kind: "other", fields: [], s: node }));
    if (isOpenObject(node)) {
      // CustomDataType: members beyond its properties, any JSON; their keys cannot be a property's
      // (they carry a prefix), and their values carry no schema, so no mutation aims at them
      const extras = fc.array(fc.tuple(fc.string({ maxLength: 6 }).map((k) => stringText("x-" + k, [])), anyJsonTextArb), { maxLength: 3 });
      a = fc.tuple(a, extras, fc.integer({ min: 0, max: 1000 })).map(([o, more, at]) => {
        const fields = [.../** @type {ObjNode} */ (o).fields];
        for (const [k, v] of more) fields.splice(at % (fields.length + 1), 0, [k, raw(v)]);
        return /** @type {JNode} */ ({ ...o, fields });
      });
    }
  } else if (t === "array") {
    const [lo, hi] = itemBoundsOf(node);
    a = fc.array(schemaNodeArb(node.items), { minLength: lo, maxLength: Math.min(hi, Math.max(lo, 3)) }).map((items) => /** @type {JNode} */ ({ t: "arr", items, s: node }));
  } else if (t === "any") {
    a = withS(anyJsonTextArb);
  } else if (t === "string") {
    if (node.enum) a = withS(enumTextArb(node.enum));
    else if (node.format === "date-time") a = withS(stringTextArb(dateTimeArb, 0.05));
    else if (node.format === "uri") a = withS(stringTextArb(uriArb, 0.05));
    else if (node.maxLength !== undefined) a = withS(stringTextArb(boundedStringArb(node.maxLength)));
    else a = withS(stringTextArb(fc.oneof(fc.string({ unit: "binary", maxLength: 30 }), fc.integer({ min: 0, max: 1e7 }).map(String))));
  } else if (t === "integer") a = withS(boundedIntegerTextArb(...boundsOf(node)));
  else if (t === "number") {
    const [lo, hi] = boundsOf(node);
    a = withS(lo === -Infinity && hi === Infinity ? (node.multipleOf !== undefined ? multipleOfTextArb(node.multipleOf) : numberTextArb) : boundedNumberTextArb(lo, hi, node.multipleOf));
  }
  else a = withS(fc.constantFrom("true", "false"));
  nodeArbCache.set(node, a);
  return a;
}

/** @type {Map<string, { model: fc.Arbitrary<JNode>, valid: fc.Arbitrary<string>, value: fc.Arbitrary<unknown>, mutated: fc.Arbitrary<string>, any: fc.Arbitrary<string> }>} */
const perMessage = new Map();
/** @param {string} message @param {import("./protocols.mjs").Protocol} [protocol] */
function messageArbs(message, protocol = "ocpp1.6") {
  const cacheKey = `${checkProtocol(protocol)}/${message}`;
  let e = perMessage.get(cacheKey);
  if (e) return e;
  const schemaNode = messageSchema(message, protocol);
  const model = schemaNodeArb(schemaNode);
  const valid = fc.tuple(model, fc.integer()).map(([m, seed]) => render(m, createPrng(seed)));
  // 1.6 keeps the mutation list its seeded runs were written against; 2.x adds its keywords'
  const mutationNames = protocol === "ocpp1.6" ? SCHEMA_MUTATIONS_16 : Object.keys(SCHEMA_MUTATIONS);
  const mutated = fc
    .tuple(
      model,
      fc.array(fc.constantFrom(...mutationNames), { minLength: 0, maxLength: 3 }),
      fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom(...Object.keys(TEXT_MUTATIONS)) }),
      fc.integer(),
    )
    .map(([m, mutations, textMutation, seed]) => {
      const rnd = createPrng(seed);
      const copyM = cloneS(m);
      const muts = mutations.length || textMutation ? mutations : ["wrongType"];
      for (const k of muts) SCHEMA_MUTATIONS[k](copyM, rnd);
      const text = render(copyM, rnd);
      return textMutation ? TEXT_MUTATIONS[textMutation](text, rnd) : text;
    });
  e = {
    model,
    valid,
    value: valid.map((t) => JSON.parse(t)),
    mutated,
    any: fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: mutated }),
  };
  perMessage.set(cacheKey, e);
  return e;
}

/** @typedef {import("./protocols.mjs").Protocol} Protocol */
/** Model (JNode tree) of valid payloads of `message`. @param {string} message @param {Protocol} [protocol] @returns {fc.Arbitrary<JNode>} */
export const validModelArbFor = (message, protocol) => messageArbs(message, protocol).model;
/** JSON texts of valid payloads of `message` (random whitespace, key order, escapes, number forms). @param {string} message @param {Protocol} [protocol] */
export const validPayloadArbFor = (message, protocol) => messageArbs(message, protocol).valid;
/** Valid payloads of `message` as parsed values. @param {string} message @param {Protocol} [protocol] */
export const validValueArbFor = (message, protocol) => messageArbs(message, protocol).value;
/** JSON texts of `message` payloads with 1–3 schema deviations and/or a syntax mutation (mostly invalid). @param {string} message @param {Protocol} [protocol] */
export const mutatedTextArbFor = (message, protocol) => messageArbs(message, protocol).mutated;
/** Valid and mutated JSON texts of `message` mixed (about 40% valid). @param {string} message @param {Protocol} [protocol] */
export const payloadTextArbFor = (message, protocol) => messageArbs(message, protocol).any;

/**
 * Valid and mutated JSON texts of one message of a protocol (about 40% valid): the arbitrary of a
 * differential against the reference (`referenceValidate(text, { protocol, message })`).
 * @param {Protocol} protocol @param {string} message
 */
export const payloadArbitrary = (protocol, message) => messageArbs(message, protocol).any;

/** `{ message, text }` over every message, valid and mutated texts mixed. */
export const messagePayloadArb = messageNameArb.chain((message) => payloadTextArbFor(message).map((text) => ({ message, text })));

/** @type {Map<Protocol, fc.Arbitrary<{ message: string, text: string }>>} */
const perProtocol = new Map();
/**
 * `{ message, text }` over every message of a protocol, valid and mutated texts mixed.
 * @param {Protocol} protocol
 * @returns {fc.Arbitrary<{ message: string, text: string }>}
 */
export function messagePayloadArbOf(protocol) {
  let a = perProtocol.get(checkProtocol(protocol));
  if (!a) perProtocol.set(protocol, (a = protocol === "ocpp1.6" ? messagePayloadArb : messageNameArbOf(protocol).chain((message) => payloadArbitrary(protocol, message).map((text) => ({ message, text })))));
  return a;
}

// ---------------------------------------------------------------------------------------------
// Schema-driven deviations
// ---------------------------------------------------------------------------------------------
/** Clone of a model that keeps the schema references. @param {any} n @returns {any} */
function cloneS(n) {
  if (n.t === "raw") return { ...n };
  if (n.t === "arr") return { ...n, items: n.items.map(cloneS) };
  return { ...n, fields: n.fields.map((/** @type {[string, any]} */ [k, v]) => [k, cloneS(v)]) };
}

/**
 * @typedef {{ node: any, s: any, parent: any, index: number }} ModelSite
 *   a value node of the model, its schema node, and where it sits (parent object's fields / array's items; root: parent null)
 */
/** Every value of a schema-driven model. @param {any} root @returns {ModelSite[]} */
function modelSites(root) {
  /** @type {ModelSite[]} */
  const out = [];
  /** @param {any} n @param {any} parent @param {number} index */
  const go = (n, parent, index) => {
    if (n.s) out.push({ node: n, s: n.s, parent, index });
    if (n.t === "obj") n.fields.forEach((/** @type {[string, any]} */ [, v], i) => go(v, n, i));
    else if (n.t === "arr") n.items.forEach((/** @type {any} */ v, i) => go(v, n, i));
  };
  go(root, null, -1);
  return out;
}
/** Replace a site's value. @param {ModelSite} site @param {any} value */
function replaceAt(site, value) {
  if (site.parent === null) return;
  if (site.parent.t === "obj") site.parent.fields[site.index][1] = value;
  else site.parent.items[site.index] = value;
}

const WRONG_BY_TYPE = {
  string: ["1", "-1.5", "true", "null", "[]", '["x"]', "{}", '{"a":1}'],
  integer: ['"1"', "1.5", "true", "null", "[]", "{}", '"x"', "1e400"],
  number: ['"1"', "true", "false", "null", "[]", "{}", '"1.5"', "1e400", "-1e400"],
  boolean: ["0", "1", '"true"', '"false"', "null", "[]", "{}"],
  object: ["[]", '"x"', "1", "null", "true", "[{}]"],
  array: ["{}", '"x"', "1", "null", "true", '{"0":1}'],
  // nothing is wrong for an untyped node (DataTransfer data): these stay valid
  any: ["1", "null", "[]", '{"a":[1]}', '"x"'],
};
const BAD_URIS = ["/a/b", "a b", "http://a%zz", "", "http://ä/", "http:", "x", "//host/path", "http://a b/"];
const BAD_MULTIPLES = ["0.30000000000000004", "0.35", "1e-7", "5e-324", "0.01", "-0.05", "123456.78", "1.00000001"];
const GOOD_INTEGER_FORMS = ["1.0", "1e2", "100e-2", "-0", "1e-400", "123456789012345678901234567890"];

/** @param {() => number} rnd @param {any[]} arr */
const pickIn = (rnd, arr) => arr[Math.floor(rnd() * arr.length)];

/** An unknown key member at the root (always a deviation: every OCPP 1.6 object is additionalProperties: false). @param {any} m @param {() => number} rnd */
function extraAtRoot(m, rnd) {
  m.fields.splice(Math.floor(rnd() * (m.fields.length + 1)), 0, [stringText(pickIn(rnd, UNKNOWN_KEYS), [rnd() < 0.2]), raw(pickIn(rnd, WRONG_VALUES))]);
}

/**
 * Deviations applied to a schema-driven model in place; each falls back to an unknown key at the
 * root when the message has no node it applies to.
 * @type {Record<string, (m: any, rnd: () => number) => void>}
 */
export const SCHEMA_MUTATIONS = {
  dropRequired(m, rnd) {
    const objs = modelSites(m).filter((x) => x.node.t === "obj" && x.node.fields.some((/** @type {[string, any]} */ [k]) => requiredOf(x.s).includes(keyOf(k))));
    if (!objs.length) return extraAtRoot(m, rnd);
    const o = pickIn(rnd, objs).node;
    const present = o.fields.map((/** @type {[string, any]} */ [k]) => keyOf(k)).filter((/** @type {string} */ k) => requiredOf(o.s).includes(k));
    const k = pickIn(rnd, present);
    o.fields = o.fields.filter((/** @type {[string, any]} */ [kt]) => keyOf(kt) !== k);
  },
  wrongType(m, rnd) {
    const targets = modelSites(m).filter((x) => x.parent !== null);
    if (!targets.length) return rnd() < 0.5 ? extraAtRoot(m, rnd) : void m.fields.push(['"x"', raw("[]")]);
    const site = pickIn(rnd, targets);
    replaceAt(site, raw(pickIn(rnd, WRONG_BY_TYPE[typeOf(site.s)])));
  },
  nearMissEnum(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.enum);
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    const v = /** @type {string} */ (pickIn(rnd, site.s.enum));
    const miss = pickIn(rnd, [v.toLowerCase(), v.toUpperCase(), v + " ", " " + v, v.slice(0, -1), v + "\u0000", "", v.replace(/./, (c) => (c === "A" ? "B" : "A"))]);
    replaceAt(site, raw(rnd() < 0.8 ? stringText(miss, [rnd() < 0.2]) : pickIn(rnd, ['{"a":1}', '{"a":1,"a":2,"b":3}', `[${JSON.stringify(v)}]`, "1", "null"])));
  },
  overlongString(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.maxLength !== undefined);
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    const len = site.s.maxLength + 1 + Math.floor(rnd() * 5);
    let s = "";
    for (let j = 0; j < len; j++) s += pickIn(rnd, ["A", "A", "\u{1F600}", "中", "\uD800", "é", "\\"]);
    replaceAt(site, raw(stringText(s, [rnd() < 0.3])));
  },
  badDateTime(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.format === "date-time");
    if (!targets.length) return extraAtRoot(m, rnd);
    replaceAt(pickIn(rnd, targets), raw(stringText(pickIn(rnd, BAD_DATETIMES), [rnd() < 0.2])));
  },
  badUri(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.format === "uri");
    if (!targets.length) return extraAtRoot(m, rnd);
    replaceAt(pickIn(rnd, targets), raw(stringText(pickIn(rnd, BAD_URIS))));
  },
  badNumber(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.type === "integer" || x.s.type === "number");
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    const bad = site.s.type === "integer" ? BAD_INTEGERS : site.s.multipleOf !== undefined ? [...BAD_MULTIPLES, "1e400"] : ["1e400", "-1e400", "2e308"];
    replaceAt(site, raw(pickIn(rnd, bad)));
  },
  /** valid-ish: unusual but valid number forms (1.0 for integers, 1e2 / 100e-3 for multipleOf) */
  numberForm(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.type === "integer" || (x.s.type === "number" && x.s.multipleOf === 0.1));
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    replaceAt(site, raw(pickIn(rnd, site.s.type === "integer" ? GOOD_INTEGER_FORMS : ["0.3", "1e2", "100e-3", "0.30000000000000001", "1e21", "-0"])));
  },
  extraMember(m, rnd) {
    const objs = modelSites(m).filter((x) => x.node.t === "obj");
    const o = pickIn(rnd, objs).node;
    const n = 1 + Math.floor(rnd() * 2);
    for (let j = 0; j < n; j++) o.fields.splice(Math.floor(rnd() * (o.fields.length + 1)), 0, [stringText(pickIn(rnd, UNKNOWN_KEYS), [rnd() < 0.2]), raw(pickIn(rnd, WRONG_VALUES))]);
  },
  duplicateKey(m, rnd) {
    const objs = modelSites(m).filter((x) => x.node.t === "obj" && x.node.fields.length > 0);
    if (!objs.length) return extraAtRoot(m, rnd);
    const o = pickIn(rnd, objs).node;
    const i = Math.floor(rnd() * o.fields.length);
    const [kt, v] = o.fields[i];
    const other = rnd() < 0.5 ? raw(pickIn(rnd, WRONG_VALUES)) : cloneS(v);
    const keyText = rnd() < 0.3 ? stringText(keyOf(kt), [true]) : kt;
    if (rnd() < 0.5) o.fields.splice(i + 1, 0, [keyText, other]); // the duplicate wins
    else o.fields.splice(i, 0, [keyText, other]); // the original wins
  },
  deepUnknown(m, rnd) {
    const objs = modelSites(m).filter((x) => x.node.t === "obj");
    const o = pickIn(rnd, objs).node;
    const depth = 1 + Math.floor(rnd() * 2000);
    o.fields.push(['"deep"', raw("[".repeat(depth) + "]".repeat(depth))]);
  },
  // ---- 2.x keywords (not in SCHEMA_MUTATIONS_16) ----
  /** a bounded number at, just beyond or far beyond a bound, or fractional on an integer */
  badBound(m, rnd) {
    const targets = modelSites(m).filter((x) => (x.s.type === "integer" || x.s.type === "number") && (x.s.minimum !== undefined || x.s.maximum !== undefined));
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    const b = /** @type {number} */ (site.s.minimum !== undefined && (site.s.maximum === undefined || rnd() < 0.5) ? site.s.minimum : site.s.maximum);
    const below = b === site.s.minimum;
    const texts = below
      ? [`${b - 1}`, `${b - 0.5}`, `${b}`, `${b}.0`, `${b - 1}.99999999999999999`, `${b - 1e-9}`, ...(b === 0 ? ["-5e-324", "-1e-400", "-0", "-1e400"] : [])]
      : [`${b + 1}`, `${b + 0.5}`, `${b}`, `${b}.0`, `${b}.00000000000000001`, `${b}.0000000000001`, `${b * 10}e-1`, "1e400"];
    replaceAt(site, raw(pickIn(rnd, texts)));
  },
  /** an array with fewer than minItems (empty) or more than maxItems items */
  badItemCount(m, rnd) {
    const targets = modelSites(m).filter((x) => x.s.type === "array" && x.node.t === "arr" && (x.s.minItems > 0 || x.s.maxItems !== undefined));
    if (!targets.length) return extraAtRoot(m, rnd);
    const site = pickIn(rnd, targets);
    if (site.s.maxItems !== undefined && (rnd() < 0.5 || !(site.s.minItems > 0)) && site.s.maxItems <= 64 && site.node.items.length > 0) {
      const items = [...site.node.items];
      while (items.length <= site.s.maxItems) items.push(cloneS(items[Math.floor(rnd() * items.length)]));
      site.node.items = items;
    } else site.node.items = [];
  },
  /** an extra member of any JSON in a CustomDataType (valid: the object is open) */
  openMember(m, rnd) {
    const objs = modelSites(m).filter((x) => x.node.t === "obj" && isOpenObject(x.s));
    if (!objs.length) return extraAtRoot(m, rnd);
    const o = pickIn(rnd, objs).node;
    o.fields.push([stringText(pickIn(rnd, UNKNOWN_KEYS), [rnd() < 0.2]), raw(pickIn(rnd, [...WRONG_VALUES, "[".repeat(3000) + "]".repeat(3000)]))]);
  },
};

/** The mutations of the 1.6 arbitraries (their seeded runs were written against this list). */
const SCHEMA_MUTATIONS_16 = Object.freeze(["dropRequired", "wrongType", "nearMissEnum", "overlongString", "badDateTime", "badUri", "badNumber", "numberForm", "extraMember", "duplicateKey", "deepUnknown"]);

// =============================================================================================
// Frames of any protocol
// =============================================================================================

/** @type {Map<Protocol, fc.Arbitrary<{ text: string, responseTo: string | null }>>} */
const framesByProtocol = new Map();

/**
 * OCPP-J frame texts of a protocol with the pending call a CALLRESULT would answer, for a
 * differential against `referenceValidateFrame(text, { protocol, responseTo, allErrors })`: CALLs
 * (and 2.1 SENDs) of station actions with valid and mutated payloads of their request message, of
 * CSMS actions and of unknown ones; CALLRESULTs with a payload of `<responseTo>Response`;
 * CALLERRORs and CALLRESULTERRORs, well-formed or not; other message type ids; a uniqueId of any
 * length or escaping, numeric sometimes; whitespace; a stray extra element now and then.
 * `responseTo` is an action of the protocol that has a response, or null.
 * @param {Protocol} [protocol]
 * @returns {fc.Arbitrary<{ text: string, responseTo: string | null }>}
 */
export function frameArbOf(protocol = "ocpp1.6") {
  let a = framesByProtocol.get(checkProtocol(protocol));
  if (a) return a;
  const names = new Set(messageNamesOf(protocol));
  /** action → request message (1.6: the action; 2.x: <Action>Request, or the suffix-less stem) */
  const requestOf = (/** @type {string} */ action) => (protocol === "ocpp1.6" ? action : names.has(`${action}Request`) ? `${action}Request` : action);
  const actions = [...names].filter((m) => !m.endsWith("Response")).map((m) => (protocol !== "ocpp1.6" && m.endsWith("Request") ? m.slice(0, -"Request".length) : m));
  const answered = actions.filter((x) => names.has(`${x}Response`));
  // mostly the frame a station sends; now and then a type that does not fit the shape
  const types = protocol === "ocpp2.1"
    ? [...Array(10).fill("2"), ...Array(5).fill("6"), "2.0", "6e0", "3", "4", "5", "7", '"2"']
    : [...Array(12).fill("2"), "2.0", "3", "4", "5", "6", '"2"'];
  const id = fc
    .tuple(
      fc.oneof({ weight: 8, arbitrary: fc.string({ maxLength: 36, unit: "binary" }) }, { weight: 1, arbitrary: fc.constant("x".repeat(36)) }, { weight: 1, arbitrary: fc.constant("x".repeat(37)) }),
      fc.array(fc.boolean(), { maxLength: 40 }),
    )
    .map(([s, esc]) => stringText(s, esc));
  const idText = fc.oneof({ weight: 9, arbitrary: id }, { weight: 1, arbitrary: fc.constantFrom("1234", "null", "-1.5e3", "{}") });
  const ws = fc.constantFrom("", " ", "\n\t", " \r\n ");
  const extra = fc.constantFrom(...Array(18).fill(""), ",{}", ",1");
  const call = fc
    .record({
      type: fc.constantFrom(...types),
      id: idText,
      action: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...actions) }, { weight: 1, arbitrary: fc.constantFrom("Foo", "", "StopTransaction", "TransactionEvent", "BootNotificationRequest", "\\u0048eartbeat") }),
      w: ws,
      extra,
      seed: fc.integer(),
    })
    .chain(({ type, id, action, w, extra, seed }) => {
      const message = requestOf(action.replace("\\u0048", "H"));
      const payload = names.has(message) ? payloadArbitrary(protocol, message) : fc.constantFrom("{}", "[]", '{"a":[1]}', "{,}");
      return payload.map((p) => ({ text: `${w}[${w}${type},${w}${id}${w},"${action}",${w}${p}${extra}${w}]${w}`, responseTo: seed % 4 === 0 && answered.length ? answered[Math.abs(seed) % answered.length] : null }));
    });
  const result = fc.constantFrom(...answered).chain((action) =>
    fc.record({ id: idText, payload: payloadArbitrary(protocol, `${action}Response`), w: ws, extra, known: fc.integer({ min: 0, max: 4 }) })
      .map(({ id, payload, w, extra, known }) => ({ text: `[3,${w}${id},${w}${payload}${extra}${w}]`, responseTo: known > 0 ? action : null })),
  );
  const error = fc
    .record({
      type: fc.constantFrom(...(protocol === "ocpp2.1" ? ["4", "5"] : ["4", "4", "4", "5"])),
      id: idText,
      code: fc.constantFrom('"GenericError"', '"FormatViolation"', '"RpcFrameworkError"', '"InternalError"', "1"),
      description: fc.oneof({ weight: 5, arbitrary: fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)) }, { weight: 1, arbitrary: fc.constantFrom("null", "{}") }),
      details: fc.constantFrom("{}", "{}", '{"issues":[]}', '{"a":{"b":[1,2]}}', "[]", '"x"'),
      w: ws,
      extra,
    })
    .map(({ type, id, code, description, details, w, extra }) => ({ text: `[${type},${w}${id},${code},${description},${w}${details}${extra}]`, responseTo: null }));
  const odd = fc.constantFrom("{}", "[]", "[2]", '[2,"a"]', '[3,"a"]', "5", "null", '"frame"', "[1e400]", '[6,"s"]').map((text) => ({ text, responseTo: null }));
  a = fc.oneof({ weight: 6, arbitrary: call }, { weight: 3, arbitrary: result }, { weight: 2, arbitrary: error }, { weight: 1, arbitrary: odd });
  framesByProtocol.set(protocol, a);
  return a;
}

/** @type {Map<string, fc.Arbitrary<string | Uint8Array>>} */
const inputsByMessage = new Map();

/**
 * Inputs of one message of any protocol as a backend receives them: the texts of
 * payloadArbitrary(protocol, message), and their UTF-8 bytes, some with an invalid sequence, a BOM
 * or a cut inside a character (the byte-level half of a differential).
 * @param {Protocol} protocol @param {string} message
 * @returns {fc.Arbitrary<string | Uint8Array>}
 */
export function inputArbOf(protocol, message) {
  const key = `${checkProtocol(protocol)}/${message}`;
  let a = inputsByMessage.get(key);
  if (a) return a;
  const texts = payloadArbitrary(protocol, message);
  const bytes = fc.oneof(
    { weight: 3, arbitrary: texts.map((t) => enc.encode(t)) },
    {
      weight: 3,
      arbitrary: fc.tuple(texts, fc.integer(), fc.constantFrom(...BAD_SEQUENCES.keys())).map(([t, seed, b]) => {
        const u = enc.encode(t);
        const rnd = createPrng(seed);
        const i = Math.floor(rnd() * (u.length + 1));
        const bad = rnd() < 0.3 ? [0xff & Math.floor(rnd() * 256)] : BAD_SEQUENCES[b];
        const out = new Uint8Array(u.length + bad.length);
        out.set(u.subarray(0, i));
        out.set(bad, i);
        out.set(u.subarray(i), i + bad.length);
        return out;
      }),
    },
    { weight: 1, arbitrary: texts.map((t) => Uint8Array.of(0xef, 0xbb, 0xbf, ...enc.encode(t))) },
    { weight: 1, arbitrary: fc.tuple(texts, fc.double({ min: 0, max: 1, noNaN: true })).map(([t, r]) => { const u = enc.encode(t); return u.subarray(0, Math.floor(r * u.length)); }) },
  );
  a = fc.oneof({ weight: 1, arbitrary: texts }, { weight: 1, arbitrary: bytes });
  inputsByMessage.set(key, a);
  return a;
}
