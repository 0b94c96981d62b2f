#!/usr/bin/env node
// Writes packages/test-vectors/vectors/*.json. Cases are INPUTS defined in code; every expectation
// (valid, errors) is COMPUTED by the reference (reference.mjs), never written by hand.
//   node generate.mjs           regenerate all files
//   node generate.mjs --check   exit 1 if any stored file differs from what would be generated
// File format: {"description", "cases": [{"name", "input" | "inputBase64", "valid", "errors": [{"instancePath","keyword"}]}]}
// (errors = the reference's allErrors multiset sorted by (instancePath, keyword); a parse failure is
// [{"instancePath":"","keyword":"parse"}]).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { referenceValidate, issueMultiset } from "./reference.mjs";
import { referenceValidateFrame } from "./frame-reference.mjs";
import { smallPayload, mediumPayload, largePayload, invalidPayload, mixedBatch, payloadValue } from "./payloads.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const vectorsDir = join(here, "vectors");

// ---------------------------------------------------------------------------------------------
// Helpers to write JSON texts by hand (raw value texts, so escapes/duplicates/number forms survive)
// ---------------------------------------------------------------------------------------------
const TS = '"2024-05-17T14:32:05Z"';
/** @typedef {[string, string]} Field  [raw key text without quotes, raw value text] */
/** @param {Field[]} fields */
const obj = (fields) => "{" + fields.map(([k, v]) => `"${k}":${v}`).join(",") + "}";
/** @type {Field[]} */
const BASE = [["transactionId", "1"], ["timestamp", TS], ["meterStop", "100"]];
/** Root with BASE fields, one replaced (or appended) by key; a null value removes it. */
const root = (/** @type {Record<string,string|null>} */ over = {}, /** @type {Field[]} */ extra = []) => {
  /** @type {Field[]} */
  const f = [];
  for (const [k, v] of BASE) {
    if (k in over) {
      if (over[k] !== null) f.push([k, /** @type {string} */ (over[k])]);
    } else f.push([k, v]);
  }
  for (const [k, v] of Object.entries(over)) if (!BASE.some(([b]) => b === k) && v !== null) f.push([k, v]);
  return obj([...f, ...extra]);
};
/** A sampled value object text. */
const sv = (/** @type {Record<string,string|null>} */ over = {}, /** @type {Field[]} */ extra = []) => {
  /** @type {Field[]} */
  const f = [];
  if (!("value" in over)) f.push(["value", '"12.5"']);
  for (const [k, v] of Object.entries(over)) if (v !== null) f.push([k, v]);
  return obj([...f, ...extra]);
};
/** A meter value object text. */
const mv = (/** @type {string[]} */ svs = [sv()], /** @type {Record<string,string|null>} */ over = {}, /** @type {Field[]} */ extra = []) => {
  /** @type {Field[]} */
  const f = [];
  if (!("timestamp" in over)) f.push(["timestamp", TS]);
  if (!("sampledValue" in over)) f.push(["sampledValue", `[${svs.join(",")}]`]);
  for (const [k, v] of Object.entries(over)) if (v !== null) f.push([k, v]);
  return obj([...f, ...extra]);
};
const withData = (/** @type {string[]} */ mvs) => root({ transactionData: `[${mvs.join(",")}]` });
const str = (/** @type {string} */ s) => JSON.stringify(s);
const b64 = (/** @type {Uint8Array} */ u) => Buffer.from(u).toString("base64");
const utf8 = (/** @type {string} */ s) => new TextEncoder().encode(s);
const concat = (/** @type {Uint8Array[]} */ ...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) (out.set(p, o), (o += p.length));
  return out;
};

/**
 * @typedef {{ name: string, input?: string, bytes?: Uint8Array }} CaseInput
 * @typedef {{ name: string, input?: string, inputBase64?: string, valid: boolean, errors: {instancePath: string, keyword: string}[] }} Case
 */

/** @type {Record<string, { description: string, cases: CaseInput[], frames?: boolean }>} */
const FILES = {};
/** @param {string} file @param {string} description @param {boolean} [frames] cases are OCPP-J frames, not payloads @returns {(name: string, input: string | Uint8Array) => void} */
function topic(file, description, frames = false) {
  const entry = (FILES[file] = { description, cases: [], frames });
  return (name, input) => {
    if (entry.cases.some((c) => c.name === name)) throw new Error(`duplicate case name '${name}' in ${file}`);
    entry.cases.push(typeof input === "string" ? { name, input } : { name, bytes: input });
  };
}

// ---------------------------------------------------------------------------------------------
// numbers.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("numbers.json", "JSON numbers against `integer` (strictNumbers: the JS value must be finite and integral), and number syntax.");
  const NUMS = [
    "0", "-0", "1", "-1", "1.0", "1.000000000000", "1e2", "1E2", "1e+2", "1E-0", "100e-2", "1e-400", "-1e-400", "0e0", "0.0", "-0.0",
    "123456789012345678901234567890", "9007199254740993", "-9007199254740993", "1.7976931348623157e308", "1e308",
    "1.00000000000000001", "0.99999999999999999", "9007199254740993.5", "4.9e-324", "5e-324",
    "1e400", "-1e400", "1e309", "2e308", "1e-1", "1.5", "0.5", "-1.5", "1.0000001", "123456.789",
  ];
  for (const field of ["transactionId", "meterStop"]) {
    for (const n of NUMS) add(`${field} = ${n}`, root({ [field]: n }));
    for (const v of ['"1"', "true", "false", "null", "[]", "[1]", "{}", '{"a":1}', '""']) add(`${field} = ${v} (wrong type)`, root({ [field]: v }));
  }
  for (const bad of ["01", "-01", "+1", ".5", "1.", "-", "1e", "1e+", "0x10", "NaN", "Infinity", "-Infinity", "1_000", "1.e3", "--1", "0.5.1", "1ee2"]) {
    add(`syntax: transactionId = ${bad}`, root({ transactionId: bad }));
  }
  add("value given as number", withData([mv([sv({ value: "12.5" })])]));
  add("value given as integer", withData([mv([sv({ value: "12" })])]));
  add("both integers wrong and huge exponent", root({ transactionId: "1e400", meterStop: "-1e400" }));
}

// ---------------------------------------------------------------------------------------------
// date-time.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("date-time.json", "format: date-time as ajv-formats 3 full mode (offset required, leap years, leap seconds, separators).");
  const DT = [
    // valid shapes
    "2024-05-17T14:32:05Z", "2024-05-17t14:32:05z", "2024-05-17 14:32:05Z", "2024-05-17T14:32:05+05", "2024-05-17T14:32:05+0530",
    "2024-05-17T14:32:05+05:30", "2024-05-17T14:32:05-00:00", "2024-05-17T14:32:05.1Z", "2024-05-17T14:32:05.123Z",
    "2024-05-17T14:32:05.123456789012345678901234567890Z", "2024-05-17T14:32:05.000+01:00", "0000-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2000-02-29T12:00:00Z", "0000-02-29T12:00:00Z", "2023-12-31T23:59:59.999Z",
    "2024-05-17\t14:32:05Z", "2024-05-17\n14:32:05Z", "2024-05-17\r14:32:05Z", "2024-05-17\u000b14:32:05Z", "2024-05-17\f14:32:05Z",
    "2024-05-17\u00a014:32:05Z", "2024-05-17\u168014:32:05Z", "2024-05-17\u200014:32:05Z", "2024-05-17\u200a14:32:05Z",
    "2024-05-17\u202814:32:05Z", "2024-05-17\u202914:32:05Z", "2024-05-17\u202f14:32:05Z", "2024-05-17\u205f14:32:05Z",
    "2024-05-17\u300014:32:05Z", "2024-05-17\ufeff14:32:05Z", "2024-05-17\u200b14:32:05Z", "2024-05-17\u008514:32:05Z",
    // leap seconds
    "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.999Z", "2016-12-31T23:59:60+00:00", "2016-12-31T22:59:60-01:00",
    "2016-12-31T23:59:60+01:00", "2017-01-01T00:59:60+01:00", "2017-01-01T00:00:60+00:01", "2016-12-31T23:59:61Z",
    "2016-12-31T23:59:60.5-00:00", "2016-12-31T12:00:60Z", "2016-12-31T18:29:60-05:30", "2016-12-31T05:29:60+05:30",
    "2016-12-31T23:59:59.99999999999999999Z", "2016-12-31T12:00:59.99999999999999999Z", "2016-12-31T12:00:59.9999999999999Z",
    "2016-12-31T23:59:60.99999999999999999Z", "2016-12-31T23:58:60Z", "2016-12-31T00:59:60+01", "2016-12-31T23:59:60+2359",
    // invalid
    "2024-05-17T14:32:05", "2024-05-17T14:32:05.123", "2024-05-17", "14:32:05Z", "2024-05-17T24:00:00Z", "2024-05-17T23:60:00Z",
    "2024-05-17T23:59:99Z", "2023-02-29T12:00:00Z", "1900-02-29T12:00:00Z", "2100-02-29T12:00:00Z", "2024-04-31T12:00:00Z",
    "2024-13-01T12:00:00Z", "2024-00-10T12:00:00Z", "2024-01-00T12:00:00Z", "2024-01-32T12:00:00Z", "2024-05-17T14:32:05+24:00",
    "2024-05-17T14:32:05+23:60", "2024-05-17T14:32:05+2400", "2024-05-17T14:32:05+5", "2024-05-17T14:32:05+05:3", "2024-05-17T14:32:05+05:300",
    "2024-05-17T14:32:05.Z", "2024-05-17T14:32:05,5Z", "2024-05-17T14:32Z", "2024-05-17T1:32:05Z", "2024-5-17T14:32:05Z",
    "24-05-17T14:32:05Z", "10000-01-01T00:00:00Z", "2024-05-17TT14:32:05Z", "2024-05-17T14:32:05Zt", "2024-05-17T14:32:05Z ",
    " 2024-05-17T14:32:05Z", "2024-05-17  14:32:05Z", "2024-05-17_14:32:05Z", "2024-05-17T14:32:05UTC", "2024-05-17T14:32:05GMT",
    "２０２４-05-17T14:32:05Z", "2024-05-17T14:32:05\u0660Z", "", "T", "2024-05-17T14:32:05z+01:00", "2024-05-17T14:32:05+01:00Z",
    "2024-05-17T-1:32:05Z", "2024-05-17T14:32:05.-1Z", "2024-05-17T14:32:05.1e1Z",
  ];
  DT.forEach((d, i) => add(`timestamp #${i} ${JSON.stringify(d)}`, root({ timestamp: str(d) })));
  DT.forEach((d, i) => {
    if (i % 3 === 0) add(`meterValue.timestamp #${i} ${JSON.stringify(d)}`, withData([mv([sv()], { timestamp: str(d) })]));
  });
  add("escaped T separator", root({ timestamp: '"2024-05-17\\u005414:32:05Z"' }));
  add("escaped digits", root({ timestamp: '"\\u0032024-05-17T14:32:05\\u005a"' }));
  add("escaped tab separator", root({ timestamp: '"2024-05-17\\t14:32:05Z"' }));
  add("escaped lone surrogate in timestamp", root({ timestamp: '"2024-05-17T14:32:05Z\\uD800"' }));
  for (const v of ["1715956325", "null", "true", "[]", '{"a":1}']) add(`timestamp = ${v} (wrong type)`, root({ timestamp: v }));
  add("meterValue.timestamp number", withData([mv([sv()], { timestamp: "0" })]));
}

// ---------------------------------------------------------------------------------------------
// strings.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("strings.json", "Strings: idTag maxLength 20 in code points (ajv ucs2length), escapes, control characters, string syntax.");
  const E = "\u{1F600}"; // 😀, a surrogate pair
  const cases = {
    empty: "", "20 ascii": "A".repeat(20), "21 ascii": "A".repeat(21), "19 ascii + emoji": "A".repeat(19) + E,
    "20 ascii + emoji": "A".repeat(20) + E, "20 emoji": E.repeat(20), "21 emoji": E.repeat(21), "10 emoji": E.repeat(10),
    "20 CJK": "中".repeat(20), "21 CJK": "中".repeat(21), "20 latin-1": "é".repeat(20), "21 latin-1": "é".repeat(21),
    "10 e + combining acute (20 code points)": "e\u0301".repeat(10), "11 e + combining acute (22 code points)": "e\u0301".repeat(11),
    "emoji ZWJ family (7 code points) x2": "👨‍👩‍👧‍👦".repeat(2), "emoji ZWJ family x3 (21 code points)": "👨‍👩‍👧‍👦".repeat(3),
    "20 U+10FFFF": "\u{10FFFF}".repeat(20), "21 U+10FFFF": "\u{10FFFF}".repeat(21), "20 NUL (escaped)": "\0".repeat(20),
    "DEL raw": "\u007f".repeat(5), "U+2028 U+2029 raw": "\u2028\u2029",
  };
  for (const [name, s] of Object.entries(cases)) add(`idTag ${name}`, root({ idTag: str(s) }));
  const ESC = {
    "20 escaped surrogate pairs": "\\uD83D\\uDE00".repeat(20),
    "21 escaped surrogate pairs": "\\uD83D\\uDE00".repeat(21),
    "20 lone high surrogates": "\\uD800".repeat(20),
    "21 lone high surrogates": "\\uD800".repeat(21),
    "20 lone low surrogates": "\\uDC00".repeat(20),
    "21 lone low surrogates": "\\uDC00".repeat(21),
    "low then high x10 (12 code points)": "\\uDE00\\uD83D".repeat(10),
    "low then high x10 + A": "\\uDE00\\uD83D".repeat(10) + "A",
    "high + A x10 (20)": "\\uD83DA".repeat(10),
    "high + A x11 (22)": "\\uD83DA".repeat(11),
    "19 A + lone high at end": "A".repeat(19) + "\\uD83D",
    "19 A + escaped pair": "A".repeat(19) + "\\uD83D\\uDE00",
    "20 A + escaped pair": "A".repeat(20) + "\\uD83D\\uDE00",
    "lone high + 19 A (20)": "\\uD83D" + "A".repeat(19),
    "mixed-case hex escapes": "\\u00e9\\u00E9\\uabcd\\uABCD",
    "all short escapes": '\\"\\\\\\/\\b\\f\\n\\r\\t',
    "20 short escapes": "\\n".repeat(20),
    "21 short escapes": "\\n".repeat(21),
    "escaped NUL x21": "\\u0000".repeat(21),
  };
  for (const [name, raw] of Object.entries(ESC)) add(`idTag ${name}`, root({ idTag: `"${raw}"` }));
  for (const v of ["1", "null", "true", "[]", '["a"]', "{}", '{"a":1}']) add(`idTag = ${v} (wrong type)`, root({ idTag: v }));
  // string syntax
  add("raw tab in string", root({ idTag: '"a\tb"' }));
  add("raw newline in string", root({ idTag: '"a\nb"' }));
  add("raw NUL in string", root({ idTag: '"a\u0000b"' }));
  add("raw U+001F in string", root({ idTag: '"a\u001fb"' }));
  add("invalid escape \\x", root({ idTag: '"\\x41"' }));
  add("invalid escape \\a", root({ idTag: '"\\a"' }));
  add("invalid escape \\U", root({ idTag: '"\\U0041"' }));
  add("short unicode escape", root({ idTag: '"\\u004"' }));
  add("unicode escape with non-hex", root({ idTag: '"\\u00G1"' }));
  add("unterminated string", root({ idTag: '"abc' }));
  add("single quoted string", root({ idTag: "'abc'" }));
  add("escaped key idTag", `{"\\u0069dTag":"${"A".repeat(21)}","transactionId":1,"timestamp":${TS},"meterStop":1}`);
  add("escaped key transactionId (valid)", `{"\\u0074ransactionId":1,"timestamp":${TS},"meterStop":1}`);
  add("escaped key with \\/ ", `{"a\\/b":1,"transactionId":1,"timestamp":${TS},"meterStop":1}`);
  add("value empty string", withData([mv([sv({ value: '""' })])]));
  add("value unicode", withData([mv([sv({ value: str("√-1 \u{1F600} \\ \" ") })])]));
  add("value 1000 chars", withData([mv([sv({ value: str("9".repeat(1000)) })])]));
  for (const v of ["null", "true", "[]", "{}"]) add(`value = ${v} (wrong type)`, withData([mv([sv({ value: v })])]));
}

// ---------------------------------------------------------------------------------------------
// enums.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("enums.json", "Enum properties (type string + enum + additionalProperties:false): allowed values, near misses, wrong types, objects.");
  const { schema } = await import("./reference.mjs");
  const svProps = schema.properties.transactionData.items.properties.sampledValue.items.properties;
  /** @type {[string, string[], (v: string) => string][]} */
  const ENUMS = [["reason", schema.properties.reason.enum, (v) => root({ reason: v })]];
  for (const k of ["context", "format", "measurand", "phase", "location", "unit"]) {
    ENUMS.push([k, svProps[k].enum, (v) => withData([mv([sv({ [k]: v })])])]);
  }
  for (const [k, values, make] of ENUMS) {
    for (const v of values) add(`${k} = ${v}`, make(str(v)));
    const first = values[0];
    add(`${k} lower-case`, make(str(first.toLowerCase())));
    add(`${k} upper-case`, make(str(first.toUpperCase())));
    add(`${k} trailing space`, make(str(first + " ")));
    add(`${k} empty`, make('""'));
    add(`${k} escaped first char (valid)`, make(`"\\u${first.charCodeAt(0).toString(16).padStart(4, "0")}${first.slice(1)}"`));
    for (const v of ["1", "0", "1.5", "null", "true", "false", "[]", `["${first}"]`, "{}", `{"${first}":1}`, '{"a":1,"a":2,"b":3}', '{"__proto__":1}', '{"a":{"b":{}}}']) {
      add(`${k} = ${v}`, make(v));
    }
  }
  add("unit Celsius (schema spells Celcius)", withData([mv([sv({ unit: '"Celsius"' })])]));
  add("all enum fields wrong in one sampled value", withData([mv([sv({ context: "1", format: "{}", measurand: '"x"', phase: "[]", location: "null", unit: '{"k":1}' })])]));
}

// ---------------------------------------------------------------------------------------------
// duplicates.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("duplicates.json", "Duplicate keys: JSON.parse keeps the last occurrence; issues of replaced values vanish; unknown keys count once.");
  const B = `"timestamp":${TS},"meterStop":1`;
  add("transactionId string then integer (valid)", `{"transactionId":"x","transactionId":1,${B}}`);
  add("transactionId integer then string", `{"transactionId":1,"transactionId":"x",${B}}`);
  add("transactionId three times, last valid", `{"transactionId":1.5,"transactionId":{},"transactionId":7,${B}}`);
  add("escaped duplicate key, last valid", `{"transactionId":"x","\\u0074ransactionId":1,${B}}`);
  add("escaped duplicate key, last invalid", `{"\\u0074ransactionId":1,"transactionId":"x",${B}}`);
  add("unknown key twice", `{"transactionId":1,${B},"x":1,"x":2}`);
  add("unknown key three times with escapes", `{"transactionId":1,${B},"x":1,"\\u0078":2,"x":{}}`);
  add("two unknown keys twice each", `{"transactionId":1,${B},"x":1,"y":2,"x":3,"y":4}`);
  add("reason object then valid", `{"transactionId":1,${B},"reason":{"a":1},"reason":"Local"}`);
  add("reason valid then object", `{"transactionId":1,${B},"reason":"Local","reason":{"a":1,"a":2,"b":3}}`);
  add("timestamp bad then good", `{"transactionId":1,"meterStop":1,"timestamp":"nope","timestamp":${TS}}`);
  add("timestamp good then bad", `{"transactionId":1,"meterStop":1,"timestamp":${TS},"timestamp":"nope"}`);
  add("idTag too long then ok", `{"transactionId":1,${B},"idTag":"${"A".repeat(30)}","idTag":"ok"}`);
  add("transactionData invalid then valid", `{"transactionId":1,${B},"transactionData":[1,2,{}],"transactionData":[]}`);
  add("transactionData valid then invalid", `{"transactionId":1,${B},"transactionData":[],"transactionData":[1,2,{}]}`);
  add("duplicate in sampled value, last valid", withData([mv([`{"value":1,"value":"1","unit":"x","unit":"Wh"}`])]));
  add("duplicate in sampled value, last invalid", withData([mv([`{"value":"1","value":1,"unit":"Wh","unit":"x"}`])]));
  add("duplicate unknown key in sampled value", withData([mv([`{"value":"1","q":1,"q":2}`])]));
  add("duplicate in meter value", withData([`{"timestamp":"x","sampledValue":7,"timestamp":${TS},"sampledValue":[]}`]));
  add("duplicate key inside enum object", root({ reason: '{"k":1,"k":2,"k":3}' }));
  add("duplicate required keys all valid", `{"transactionId":1,"transactionId":2,"timestamp":${TS},"timestamp":${TS},"meterStop":1,"meterStop":2}`);
  add("__proto__ twice", `{"transactionId":1,${B},"__proto__":1,"__proto__":{}}`);
  add("duplicate with 1000 nested arrays replaced", `{"transactionId":1,${B},"reason":${"[".repeat(1000)}${"]".repeat(1000)},"reason":"Remote"}`);
}

// ---------------------------------------------------------------------------------------------
// structure.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("structure.json", "Objects and arrays: root type, required, additionalProperties (own keys incl. __proto__), nested shapes.");
  add("minimal valid", root());
  add("all fields valid", root({ idTag: '"ABC"', reason: '"Local"', transactionData: "[]" }));
  for (const v of ["[]", "[{}]", "null", "1", '"x"', "true", "false", "0"]) add(`root = ${v}`, v);
  add("empty object", "{}");
  for (const k of ["transactionId", "timestamp", "meterStop"]) add(`missing ${k}`, root({ [k]: null }));
  add("missing transactionId and meterStop", root({ transactionId: null, meterStop: null }));
  for (const k of ["x", "", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "a/b", "a~b", "Idtag", "idtag", "transactionid", "transactionData ", "\u00e9", "\u{1F600}"]) {
    add(`unknown root key ${JSON.stringify(k)}`, root({}, [[JSON.stringify(k).slice(1, -1), "1"]]));
  }
  add("__proto__ object at root", root({}, [["__proto__", '{"transactionId":"x"}']]));
  add("__proto__ null at root", root({}, [["__proto__", "null"]]));
  add("__proto__ in meter value", withData([mv([sv()], {}, [["__proto__", "{}"]])]));
  add("__proto__ in sampled value", withData([mv([sv({}, [["__proto__", "1"]])])]));
  add("constructor in sampled value", withData([mv([sv({}, [["constructor", "1"]])])]));
  add("unknown key with null value", root({}, [["x", "null"]]));
  add("unknown keys x3 in sampled value", withData([mv([sv({}, [["a", "1"], ["b", "2"], ["c", "3"]])])]));
  add("transactionData empty", withData([]));
  for (const v of ["{}", "null", "1", '"x"', "true"]) add(`transactionData = ${v}`, root({ transactionData: v }));
  for (const v of ["null", "1", '"x"', "[]", "[{}]", "true"]) add(`meter value = ${v}`, withData([v]));
  add("meter value empty object", withData(["{}"]));
  add("meter value sampledValue empty", withData([mv([])]));
  add("meter value missing sampledValue", withData([mv([], { sampledValue: null })]));
  add("meter value missing timestamp", withData([mv([sv()], { timestamp: null })]));
  for (const v of ["{}", "null", "1", '"x"']) add(`sampledValue = ${v}`, withData([mv([], { sampledValue: v })]));
  for (const v of ["null", "1", '"x"', "[]", '["value"]', "{}"]) add(`sampled value item = ${v}`, withData([mv([v])]));
  add("sampled value missing value with other fields", withData([mv([sv({ value: null, unit: '"Wh"' })])]));
  add("sampled value all fields", withData([mv([sv({ context: '"Sample.Clock"', format: '"SignedData"', measurand: '"SoC"', phase: '"L1-N"', location: '"EV"', unit: '"Percent"' })])]));
  add("errors at several depths", `{"idTag":1,"transactionData":[{"sampledValue":[{"unit":"x"},5,{"value":"1","zz":0}],"q":1},[],{"timestamp":"bad","sampledValue":{}}],"extra":true}`);
  add("many meter values, one bad deep", withData([mv(), mv(), mv(), mv([sv(), sv(), sv({ phase: '"L4"' })]), mv()]));
  add("whitespace everywhere (valid)", ` \t\n\r{ \t"transactionId" \n:\r 1 ,\n"timestamp"\t:\t${TS} , "meterStop" : 5 , "transactionData" : [ { "timestamp" : ${TS} , "sampledValue" : [ ] } ] } \n\t `);
  const many = [];
  for (let i = 0; i < 200; i++) many.push([`k${i}`, String(i)]);
  add("200 unknown keys", root({}, /** @type {Field[]} */ (many)));
  add("deep nesting under unknown key (1000)", root({}, [["deep", "[".repeat(1000) + "]".repeat(1000)]]));
  add("deep objects under unknown key (1000)", root({}, [["deep", '{"a":'.repeat(1000) + "1" + "}".repeat(1000)]]));
}

// ---------------------------------------------------------------------------------------------
// syntax.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("syntax.json", "JSON text syntax (RFC 8259 as JSON.parse reads it), UTF-8 validity, BOM, and truncations of a valid payload.");
  const V = root();
  add("valid baseline", V);
  add("empty input", "");
  add("only whitespace", " \n\t\r ");
  add("trailing comma in object", V.replace(/}$/, ",}"));
  add("trailing comma in array", withData([mv([sv()])]).replace("]}]", "],]}]"));
  add("missing comma", V.replace(",", " "));
  add("missing colon", V.replace(":", " "));
  add("extra closing brace", V + "}");
  add("two values", V + V);
  add("trailing garbage", V + " x");
  add("trailing NUL", V + "\u0000");
  add("line comment", "// c\n" + V);
  add("block comment", V.replace("{", "{/*c*/"));
  add("single-quoted key", V.replace('"transactionId"', "'transactionId'"));
  add("unquoted key", V.replace('"transactionId"', "transactionId"));
  add("NaN literal", root({ meterStop: "NaN" }));
  add("undefined literal", root({ meterStop: "undefined" }));
  add("True capitalised", root({ x: "True" }));
  add("nul literal", root({ x: "nul" }));
  add("vertical tab whitespace", V.replace(",", "\u000b,"));
  add("form feed whitespace", V.replace(",", "\f,"));
  add("NBSP whitespace", V.replace(",", "\u00a0,"));
  add("U+2028 whitespace", V.replace(",", "\u2028,"));
  add("leading whitespace (valid)", " \n" + V);
  add("trailing whitespace (valid)", V + " \r\n\t");
  add("unclosed object", V.slice(0, -1));
  add("unclosed array", root({ x: "[1,2" }).slice(0, -1));
  add("array closed by brace", root({ x: "[1,2}" }));
  add("lone closing bracket", "]");
  add("key without value", '{"a"}');
  add("number key", "{1:2}");
  // BOM and bytes
  add("BOM then valid payload", concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(V)));
  add("BOM inside string (valid)", root({ idTag: '"\ufeff"' }));
  add("UTF-16LE BOM", concat(new Uint8Array([0xff, 0xfe]), utf8(V)));
  const badUtf8 = {
    "0xFF byte in string": [0xff],
    "0xFE byte": [0xfe],
    "lone continuation byte": [0x80],
    "overlong NUL C0 80": [0xc0, 0x80],
    "overlong slash C1 AF": [0xc1, 0xaf],
    "overlong 3-byte E0 80 AF": [0xe0, 0x80, 0xaf],
    "overlong 4-byte F0 80 80 AF": [0xf0, 0x80, 0x80, 0xaf],
    "UTF-16 surrogate ED A0 80": [0xed, 0xa0, 0x80],
    "UTF-16 surrogate pair ED A0 BD ED B8 80": [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80],
    "above U+10FFFF F4 90 80 80": [0xf4, 0x90, 0x80, 0x80],
    "F5 lead byte": [0xf5, 0x80, 0x80, 0x80],
    "truncated 2-byte": [0xc3],
    "truncated 3-byte": [0xe2, 0x82],
    "truncated 4-byte": [0xf0, 0x9f, 0x98],
  };
  for (const [name, bytes] of Object.entries(badUtf8)) {
    const u = new Uint8Array(bytes);
    add(`invalid UTF-8 in string: ${name}`, concat(utf8('{"idTag":"a'), u, utf8('b",' + V.slice(1))));
    add(`invalid UTF-8 in unknown key: ${name}`, concat(utf8('{"'), u, utf8('":1,' + V.slice(1))));
  }
  add("invalid UTF-8 after the value", concat(utf8(V), new Uint8Array([0xff])));
  add("invalid UTF-8 at end, truncated 4-byte after value", concat(utf8(V + " "), new Uint8Array([0xf0, 0x9f])));
  add("valid 4-byte UTF-8 bytes", concat(utf8('{"idTag":"'), new Uint8Array([0xf0, 0x9f, 0x98, 0x80]), utf8('",' + V.slice(1))));
  add("valid U+FFFF bytes", concat(utf8('{"idTag":"'), new Uint8Array([0xef, 0xbf, 0xbf]), utf8('",' + V.slice(1))));
  add("valid U+10FFFF bytes", concat(utf8('{"idTag":"'), new Uint8Array([0xf4, 0x8f, 0xbf, 0xbf]), utf8('",' + V.slice(1))));
  // truncations of a valid payload at every offset
  const S = smallPayload();
  for (let i = 0; i < S.length; i++) add(`small payload truncated at ${i}`, S.slice(0, i));
  const M = mediumPayload();
  for (let i = 1; i < M.length; i += 37) add(`medium payload truncated at ${i}`, M.slice(0, i));
}

// ---------------------------------------------------------------------------------------------
// payloads.json (realistic content from payloads.mjs)
// ---------------------------------------------------------------------------------------------
{
  const add = topic("payloads.json", "Realistic payloads from payloads.mjs (small/medium/large/invalid) and the first 60 of mixedBatch(10000, 42).");
  add("smallPayload", smallPayload());
  add("mediumPayload", mediumPayload());
  add("largePayload", largePayload());
  add("invalidPayload", invalidPayload());
  add("pretty-printed medium payload", JSON.stringify(JSON.parse(mediumPayload()), null, 2));
  add("payload without reason", JSON.stringify(payloadValue({ seed: 5, reason: false, meterValues: 1, samples: 2 })));
  const batch = mixedBatch(10000, 42);
  for (let i = 0; i < 60; i++) add(`mixedBatch[${i}]`, batch[i]);
  // and every invalid one among the first 2000
  for (let i = 60; i < 2000; i++) {
    if (!referenceValidate(batch[i]).valid) add(`mixedBatch[${i}] (invalid)`, batch[i]);
  }
}

// ---------------------------------------------------------------------------------------------
// large.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("large.json", "Large inputs: a 1 MB string, 100 000 nested arrays under an unknown key and under `reason` (replaced by a valid duplicate).");
  const B = `"transactionId":1,"timestamp":${TS},"meterStop":1`;
  add("1 MB value string (valid)", withData([mv([sv({ value: str("x".repeat(1 << 20)) })])]));
  add("100 000 nested [ under unknown key", `{${B},"deep":${"[".repeat(100000)}${"]".repeat(100000)}}`);
  add("100 000 nested [ under reason, then valid duplicate reason", `{${B},"reason":${"[".repeat(100000)}${"]".repeat(100000)},"reason":"Remote"}`);
  add("100 000 nested [ unclosed", `{${B},"deep":${"[".repeat(100000)}}`);
  add("100 KB idTag", root({ idTag: str("i".repeat(100000)) }));
  add("100 KB unknown key name", root({}, [["k".repeat(100000), "1"]]));
}

// ---------------------------------------------------------------------------------------------
// core-smoke.json
// ---------------------------------------------------------------------------------------------
{
  const add = topic("core-smoke.json", "One case per rule, written while building the Rust core: numbers, lengths, enums, date-times, duplicates, syntax, nesting, UTF-8.");
  const ok = '"transactionId":1,"timestamp":"2024-05-17T14:32:05.123Z","meterStop":100';
  const doc = (extra) => `{${ok}${extra}}`;
  const sv = (s) => doc(`,"transactionData":[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[${s}]}]`);

  const cases = [
    ["minimal valid", doc("")],
    ["full valid", sv('{"value":"1.5","context":"Sample.Periodic","format":"Raw","measurand":"Voltage","phase":"L1-N","location":"Outlet","unit":"V"}')],
    ["missing all required", "{}"],
    ["root is array", "[]"],
    ["root is null", "null"],
    ["unknown key", doc(',"foo":1')],
    ["unknown key repeated counts once", doc(',"foo":1,"foo":2,"bar":3')],
    ["__proto__ is an own unknown key", doc(',"__proto__":{}')],
    ["duplicate: last wins (valid)", '{"transactionId":"x","transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}'],
    ["duplicate: last wins (invalid)", '{"transactionId":1,"transactionId":"x","timestamp":"2024-05-17T14:32:05Z","meterStop":1}'],
    ["escaped key", '{"\\u0074ransactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}'],
    ["integer 1.0", doc(',"transactionId":1.0')],
    ["integer 1e2", doc(',"meterStop":1e2')],
    ["integer -0", doc(',"meterStop":-0')],
    ["integer 100e-2", doc(',"meterStop":100e-2')],
    ["integer 1e-400", doc(',"meterStop":1e-400')],
    ["integer huge", doc(',"meterStop":123456789012345678901234567890')],
    ["not integer 1e400", doc(',"meterStop":1e400')],
    ["not integer 1e-1", doc(',"meterStop":1e-1')],
    ["not integer 1.5", doc(',"meterStop":1.5')],
    ["meterStop string", doc(',"meterStop":"1"')],
    ["idTag 20 chars", doc(',"idTag":"12345678901234567890"')],
    ["idTag 21 chars", doc(',"idTag":"123456789012345678901"')],
    ["idTag 20 escaped surrogate pairs", doc(`,"idTag":"${"\\ud83d\\ude00".repeat(20)}"`)],
    ["idTag 21 lone surrogates", doc(`,"idTag":"${"\\ud83d".repeat(21)}"`)],
    ["idTag number", doc(',"idTag":5')],
    ["reason valid", doc(',"reason":"Local"')],
    ["reason escaped valid", doc(',"reason":"\\u004cocal"')],
    ["reason lowercase", doc(',"reason":"local"')],
    ["reason number", doc(',"reason":1')],
    ["reason null", doc(',"reason":null')],
    ["reason object", doc(',"reason":{"a":1,"a":2,"b":3}')],
    ["reason array", doc(',"reason":["Local"]')],
    ["reason object then valid duplicate", doc(',"reason":{"a":1},"reason":"Local"')],
    ["timestamp lowercase t z", '{"transactionId":1,"timestamp":"2024-05-17t14:32:05z","meterStop":1}'],
    ["timestamp space +05", '{"transactionId":1,"timestamp":"2024-05-17 14:32:05+05","meterStop":1}'],
    ["timestamp no offset", '{"transactionId":1,"timestamp":"2024-05-17T14:32:05","meterStop":1}'],
    ["timestamp 24:00", '{"transactionId":1,"timestamp":"2024-05-17T24:00:00Z","meterStop":1}'],
    ["timestamp Feb 29 non-leap", '{"transactionId":1,"timestamp":"2023-02-29T00:00:00Z","meterStop":1}'],
    ["timestamp leap second UTC", '{"transactionId":1,"timestamp":"2016-12-31T23:59:60Z","meterStop":1}'],
    ["timestamp leap second offset", '{"transactionId":1,"timestamp":"2016-12-31T18:59:60-05:00","meterStop":1}'],
    ["timestamp leap second wrong hour", '{"transactionId":1,"timestamp":"2016-12-31T22:59:60Z","meterStop":1}'],
    ["timestamp rounds to 60", '{"transactionId":1,"timestamp":"2016-12-31T22:59:59.99999999999999999Z","meterStop":1}'],
    ["timestamp U+2028 separator", '{"transactionId":1,"timestamp":"2024-05-17\u202814:32:05Z","meterStop":1}'],
    ["meter value missing fields", doc(',"transactionData":[{}]')],
    ["sampled value missing value", sv("{}")],
    ["sampled value bad enums", sv('{"value":"1","unit":"kwh","phase":1,"measurand":{"x":1}}')],
    ["transactionData object", doc(',"transactionData":{}')],
    ["sampledValue item string", sv('"x"')],
    ["BOM", "\ufeff" + doc("")],
    ["trailing comma", '{"transactionId":1,}'],
    ["comment", "/**/" + doc("")],
    ["raw control char", doc(',"idTag":"a\u0001b"')],
    ["bad escape", doc(',"idTag":"\\x"')],
    ["truncated", doc("").slice(0, 30)],
    ["trailing garbage", doc("") + "x"],
    ["empty input", ""],
    ["deeply nested unknown", doc(`,"x":${"[".repeat(5000)}${"]".repeat(5000)}`)],
    ["deeply nested reason then valid", doc(`,"reason":${"[".repeat(5000)}${"]".repeat(5000)},"reason":"Local"`)],
    ["invalid UTF-8 overlong", concat(utf8(doc(',"idTag":"')), Uint8Array.of(0xc0, 0xaf), utf8('"}'))],
    ["invalid UTF-8 surrogate", concat(utf8(doc(',"idTag":"')), Uint8Array.of(0xed, 0xa0, 0x80), utf8('"}'))],
    ["invalid UTF-8 above U+10FFFF", concat(utf8(doc(',"idTag":"')), Uint8Array.of(0xf4, 0x90, 0x80, 0x80), utf8('"}'))],
    ["invalid UTF-8 truncated sequence", concat(utf8(doc(',"idTag":"')), Uint8Array.of(0xe2, 0x82), utf8('"}'))],
  ];
  for (const [name, input] of cases) add(name, input);
}

// ---------------------------------------------------------------------------------------------
// frames.json (OCPP-J CALL frames; expectations from frame-reference.mjs)
// ---------------------------------------------------------------------------------------------
{
  const add = topic("frames.json", "OCPP-J frames [2,\"<uniqueId>\",\"<action>\",{payload}]: envelope, uniqueId, action, payload range, CallError answers.", true);
  const P = root();
  const call = (/** @type {string} */ id, /** @type {string} */ action, /** @type {string} */ payload) => `[2,${id},${action},${payload}]`;
  const ST = '"StopTransaction"';
  const ok = (/** @type {string} */ payload) => call('"abc-123"', ST, payload);
  // valid calls
  add("valid minimal", ok(P));
  add("valid realistic medium payload", ok(mediumPayload()));
  add("valid pretty-printed frame", JSON.stringify([2, "id-1", "StopTransaction", JSON.parse(mediumPayload())], null, 2));
  add("whitespace between every token", ` \n[ \t2 ,\r\n"u" , "StopTransaction"\t,\n ${P} \n] \r\n`);
  add("payload strings hold brackets and commas", ok(root({ idTag: '"],[\\"]"' })));
  add("payload with deep transactionData", ok(withData([mv([sv(), sv({ unit: '"Wh"' })]), mv()])));
  add("message type 2.0", `[2.0,"a",${ST},${P}]`);
  add("message type 2e0", `[2e0,"a",${ST},${P}]`);
  add("message type 20e-1", `[20e-1,"a",${ST},${P}]`);
  add("escaped action name", call('"a"', '"\\u0053topTransaction"', P));
  add("200 KB payload string", ok(withData([mv([sv({ value: str("x".repeat(200_000)) })])])));
  // uniqueId
  add("uniqueId empty", call('""', ST, P));
  add("uniqueId 36 ascii", call(str("u".repeat(36)), ST, P));
  add("uniqueId 37 ascii", call(str("u".repeat(37)), ST, P));
  add("uniqueId 36 emoji (36 code points)", call(str("\u{1F600}".repeat(36)), ST, P));
  add("uniqueId 37 emoji", call(str("\u{1F600}".repeat(37)), ST, P));
  add("uniqueId 36 escaped surrogate pairs", call(`"${"\\uD83D\\uDE00".repeat(36)}"`, ST, P));
  add("uniqueId 37 lone surrogates", call(`"${"\\uD800".repeat(37)}"`, ST, P));
  add("uniqueId with a lone surrogate, payload invalid", call('"a\\uD800b"', ST, root({ meterStop: '"x"' })));
  add("uniqueId with escapes, payload invalid", call('"q\\"\\\\\\/\\n\\u0001\\u00e9"', ST, root({ meterStop: '"x"' })));
  add("uniqueId with raw U+2028 and DEL, payload invalid", call(str("a\u2028\u007fb"), ST, root({ meterStop: '"x"' })));
  add("uniqueId 1000 chars", call(str("L".repeat(1000)), ST, P));
  for (const v of ["5", "null", "{}", "[]", "true"]) add(`uniqueId = ${v}`, call(v, ST, P));
  // action
  add("action BootNotification", call('"b"', '"BootNotification"', "{}"));
  add("action lower-case stopTransaction", call('"b"', '"stopTransaction"', P));
  add("action empty", call('"b"', '""', P));
  add("action with trailing space", call('"b"', '"StopTransaction "', P));
  add("other action, payload not JSON", call('"b"', '"Heartbeat"', "{,}"));
  add("other action, payload any JSON", call('"b"', '"Heartbeat"', '[1,{"a":[]}]'));
  for (const v of ["5", "null", "{}", '["StopTransaction"]']) add(`action = ${v}`, call('"b"', v, P));
  // message type
  add("CALLRESULT", `[3,"r-1",{"idTagInfo":{"status":"Accepted"}}]`);
  add("CALLRESULT without uniqueId", "[3]");
  add("CALLRESULT numeric uniqueId", `[3,7,{}]`);
  add("CALLERROR", `[4,"r-2","GenericError","oops",{}]`);
  add("CALLERROR message type 4.0", `[4.0,"r-3","GenericError","",{}]`);
  for (const t of ["0", "1", "5", "-2", "2.5", "1e400", "-0"]) add(`message type ${t}`, `[${t},"a",${ST},${P}]`);
  for (const t of ['"2"', "null", "true", "[2]", "{}"]) add(`message type = ${t}`, `[${t},"a",${ST},${P}]`);
  add("empty array", "[]");
  add("array of whitespace", "[ \n ]");
  // shape
  for (const v of ["{}", '"frame"', "5", "null", "true", P]) add(`frame = ${v.length > 20 ? "payload object" : v}`, v);
  add("CALL with 2 elements", `[2,"a"]`);
  add("CALL with 3 elements", `[2,"a",${ST}]`);
  add("CALL with 5 elements", `[2,"a",${ST},${P},{}]`);
  add("CALL with 5 elements, other action", `[2,"a","Heartbeat",{},{}]`);
  // payload
  for (const v of ["5", '"x"', "[]", "null", "{}"]) add(`payload = ${v}`, ok(v));
  add("payload one issue of each code", ok(root({ meterStop: '"1"' })));
  add("payload missing required", ok(root({ transactionId: null })));
  add("payload unknown key", ok(root({}, [["x", "1"]])));
  add("payload enum", ok(root({ reason: '"Nope"' })));
  add("payload several issues", ok(`{"idTag":1,"transactionData":[{"sampledValue":[{"unit":"x"},5]}],"extra":true}`));
  add("payload 20 unknown keys (description truncated)", ok(root({}, Array.from({ length: 20 }, (_, i) => /** @type {Field} */ ([`k${i}`, "1"])))));
  add("payload 100 000 nested [ under unknown key", ok(root({}, [["deep", "[".repeat(100_000) + "]".repeat(100_000)]])));
  add("frame of 100 000 nested [", "[".repeat(100_000) + "]".repeat(100_000));
  add("frame of 100 000 unclosed [", "[".repeat(100_000));
  // not JSON
  const V = ok(P);
  add("empty input", "");
  add("whitespace only", " \n ");
  add("trailing garbage", V + "x");
  add("extra closing bracket", V + "]");
  add("two frames", V + V);
  add("trailing comma", V.replace(/]$/, ",]"));
  add("payload not closed", V.slice(0, -2) + "]");
  add("payload syntax error", ok(P.replace(":", "")));
  add("single quotes", `[2,'a',${ST},${P}]`);
  add("BOM before frame", concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(V)));
  add("invalid UTF-8 in uniqueId", concat(utf8('[2,"a'), new Uint8Array([0xff]), utf8(`",${ST},${P}]`)));
  add("invalid UTF-8 in action", concat(utf8('[2,"a","Stop'), new Uint8Array([0xc0, 0xaf]), utf8(`",${P}]`)));
  add("invalid UTF-8 in payload", concat(utf8(V.slice(0, 40)), new Uint8Array([0xed, 0xa0, 0x80]), utf8(V.slice(40))));
  add("invalid UTF-8 after frame", concat(utf8(V), new Uint8Array([0x80])));
  add("valid UTF-8 bytes in uniqueId", concat(utf8('[2,"'), new Uint8Array([0xf0, 0x9f, 0x98, 0x80]), utf8(`",${ST},${P}]`)));
  for (let i = 0; i < V.length; i += 3) add(`frame truncated at ${i}`, V.slice(0, i));
}

// ---------------------------------------------------------------------------------------------

/** Computes the expectation of one case with the reference. @param {CaseInput} c @returns {Case} */
export function expect(c) {
  const input = c.bytes ?? /** @type {string} */ (c.input);
  const r = referenceValidate(input, { allErrors: true });
  /** @type {Case} */
  const out = { name: c.name, valid: r.valid, errors: issueMultiset(r.errors) };
  if (c.bytes) return { name: c.name, inputBase64: b64(c.bytes), valid: out.valid, errors: out.errors };
  if (!/** @type {string} */ (c.input).isWellFormed()) throw new Error(`case '${c.name}': input must be well-formed Unicode (use escapes for lone surrogates)`);
  return { name: c.name, input: c.input, valid: out.valid, errors: out.errors };
}

/**
 * A frame case: the reference's result with allErrors (`expected`) and without (`expectedFirst`).
 * @param {CaseInput} c
 */
export function expectFrame(c) {
  const input = c.bytes ?? /** @type {string} */ (c.input);
  if (c.bytes === undefined && !/** @type {string} */ (c.input).isWellFormed()) throw new Error(`case '${c.name}': input must be well-formed Unicode`);
  const data = c.bytes ? { inputBase64: b64(c.bytes) } : { input: c.input };
  return { name: c.name, ...data, expected: referenceValidateFrame(input, { allErrors: true }), expectedFirst: referenceValidateFrame(input, { allErrors: false }) };
}

/** Serialises one vector file: one case per line, stable formatting. */
function serialise(/** @type {string} */ description, /** @type {object[]} */ cases) {
  return `{"description": ${JSON.stringify(description)},\n"cases": [\n${cases.map((c) => JSON.stringify(c)).join(",\n")}\n]}\n`;
}

/** @returns {Map<string, string>} file name → file text, as they should be on disk */
export function buildVectorFiles() {
  const out = new Map();
  for (const [file, { description, cases, frames }] of Object.entries(FILES)) out.set(file, serialise(description, cases.map(frames ? expectFrame : expect)));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const check = process.argv.includes("--check");
  mkdirSync(vectorsDir, { recursive: true });
  const files = buildVectorFiles();
  let stale = 0;
  let total = 0;
  for (const [file, text] of files) {
    const path = join(vectorsDir, file);
    let old = null;
    try {
      old = readFileSync(path, "utf8");
    } catch {}
    const n = (text.match(/^\{"name":/gm) ?? []).length;
    total += n;
    if (old === text) continue;
    stale++;
    if (check) console.error(`stale: vectors/${file}`);
    else {
      writeFileSync(path, text);
      console.log(`wrote vectors/${file} (${n} cases, ${(text.length / 1024).toFixed(0)} KiB)`);
    }
  }
  console.log(`${total} cases in ${files.size} files${check ? (stale ? `, ${stale} stale` : ", all fresh") : ""}`);
  if (check && stale) process.exit(1);
}
