// Regenerates packages/test-vectors/vectors/core-smoke.json: the inputs below with expectations
// computed by the real reference (JSON.parse + ajv-draft-04 + ajv-formats 3, allErrors).
// Usage: node crates/core/scripts/make-smoke-vectors.mjs
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { referenceValidate, issueMultiset } from "../../../packages/test-vectors/reference.mjs";

const ok = '"transactionId":1,"timestamp":"2024-05-17T14:32:05.123Z","meterStop":100';
const doc = (extra) => `{${ok}${extra}}`;
const sv = (s) => doc(`,"transactionData":[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[${s}]}]`);

/** [name, input string | {base64}] */
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
  ["invalid UTF-8 overlong", { base64: Buffer.from([...Buffer.from(doc(',"idTag":"')), 0xc0, 0xaf, ...Buffer.from('"}')]).toString("base64") }],
  ["invalid UTF-8 surrogate", { base64: Buffer.from([...Buffer.from(doc(',"idTag":"')), 0xed, 0xa0, 0x80, ...Buffer.from('"}')]).toString("base64") }],
  ["invalid UTF-8 above U+10FFFF", { base64: Buffer.from([...Buffer.from(doc(',"idTag":"')), 0xf4, 0x90, 0x80, 0x80, ...Buffer.from('"}')]).toString("base64") }],
  ["invalid UTF-8 truncated sequence", { base64: Buffer.from([...Buffer.from(doc(',"idTag":"')), 0xe2, 0x82, ...Buffer.from('"}')]).toString("base64") }],
];

const out = {
  description: "ocpp-validate-core smoke vectors; expectations computed by the reference (crates/core/scripts/make-smoke-vectors.mjs)",
  cases: cases.map(([name, input]) => {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : new Uint8Array(Buffer.from(input.base64, "base64"));
    const r = referenceValidate(bytes, { allErrors: true });
    const c = typeof input === "string" ? { name, input } : { name, inputBase64: input.base64 };
    return { ...c, valid: r.valid, errors: issueMultiset(r.errors) };
  }),
};
const dest = fileURLToPath(new URL("../../../packages/test-vectors/vectors/core-smoke.json", import.meta.url));
writeFileSync(dest, JSON.stringify(out, null, 2) + "\n");
console.log(`wrote ${out.cases.length} cases to ${dest}`);
