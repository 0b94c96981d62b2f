// The js backend's warning scan and message helpers on their own: the cheap prechecks never hide a
// warning the full scan finds, both agree with the independent reference, and the message pieces
// follow SEMANTICS.md ("Messages") to the character. Fixed seeds and run counts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scanWarnings, textWarnings, show, showString, suggestion, dateTimeReason, isDateTime, createJsBackend } from "../src/js/index.js";
import { maxItemsMessage, maximumMessage, minItemsMessage, minimumMessage } from "../src/js/messages.js";
import { PROTOCOL_INFO } from "../src/protocols.generated.js";
import { mutatedTextArb, messagePayloadArb, messagePayloadArbOf, validPayloadArb } from "@ocpp-validate/test-vectors/arbitraries";
import { referenceWarnings } from "@ocpp-validate/test-vectors/warnings-reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadVectors } from "@ocpp-validate/test-vectors/vectors";

const TIMEOUT = 600_000;
const pairs = (ws: ReadonlyArray<{ instancePath: string; warning: string }>) => ws.map((w) => `${w.instancePath} ${w.warning}`);

/** Keys and values chosen to make warnings (and near misses) likely. */
const keyArb = fc.constantFrom("a", "b", "a", "\\u0061", "~/", "\\ud800", "\\udc00\\ud800", "\\ud83d\\ude00", ":", "a b", "");
const leafArb = fc.constantFrom(
  "9007199254740991", "9007199254740992", "-9007199254740993", "1".repeat(17), "1".repeat(400), "12345678901234567.5", "1e400", "0",
  '"\\ud800"', '"x\\udfff"', '"\\ud83d\\ude00"', '"\\\\ud800"', '"12:00:01"', '"a\\" :b"', '" :"', "true", "null", '"2024-05-17T14:32:05Z"',
);
const { json: jsonishArb } = fc.letrec<{ json: string; object: string; array: string }>((tie) => ({
  json: fc.oneof({ depthSize: "small" }, leafArb, tie("object"), tie("array")),
  object: fc
    .array(fc.tuple(keyArb, tie("json"), fc.constantFrom("", " ", "\n  ")), { maxLength: 5 })
    .map((members) => `{${members.map(([k, v, ws]) => `"${k}"${ws}:${ws}${v}`).join(",")}}`),
  array: fc.array(tie("json"), { maxLength: 4 }).map((items) => `[${items.join(", ")}]`),
}));

describe("warnings", () => {
  it("the prechecks never hide a warning, and the scan agrees with the reference (generated, mutated and pretty-printed texts, vectors)", async () => {
    const pretty = fc.oneof(validPayloadArb, messagePayloadArb.map((m) => m.text)).map((t) => {
      try {
        return JSON.stringify(JSON.parse(t), null, 2);
      } catch {
        return t;
      }
    });
    await fc.assert(
      property(fc.oneof(jsonishArb, mutatedTextArb, pretty, messagePayloadArb.map((m) => m.text)), (text: string) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return;
        }
        const full = scanWarnings(text);
        expect(textWarnings(text, value)).toEqual(full);
        expect(pairs(full)).toEqual(pairs(referenceWarnings(text)));
      }),
      { numRuns: 20000, seed: 31 },
    );
    for (const c of loadVectors()) {
      if (typeof c.data !== "string") continue;
      let value: unknown;
      try {
        value = JSON.parse(c.data);
      } catch {
        continue;
      }
      expect(pairs(textWarnings(c.data, value)), c.name).toEqual(pairs(c.warnings));
    }
  }, TIMEOUT);

  it("2.x payloads: the same warnings, also inside open CustomDataType members and untyped data no schema describes", async () => {
    const backend = createJsBackend();
    for (const protocol of ["ocpp2.0.1", "ocpp2.1"] as const) {
      const info = PROTOCOL_INFO[protocol];
      await fc.assert(
        property(messagePayloadArbOf(protocol), ({ message, text }: { message: string; text: string }) => {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch {
            return;
          }
          const full = scanWarnings(text);
          expect(textWarnings(text, value)).toEqual(full);
          expect(pairs(full)).toEqual(pairs(referenceWarnings(text)));
          const index = info.first + (info.messageNames as readonly string[]).indexOf(message);
          expect(backend.validate(text, index, true, 0).warnings).toEqual(full);
        }),
        { numRuns: 3000, seed: protocol === "ocpp2.1" ? 33 : 32 },
      );
    }
    const hb = PROTOCOL_INFO["ocpp2.0.1"].first + (PROTOCOL_INFO["ocpp2.0.1"].messageNames as readonly string[]).indexOf("HeartbeatRequest");
    expect(pairs(backend.validate('{"customData":{"vendorId":"v","x":{"a":1,"a":[9007199254740993,"\\ud800"]}}}', hb, true, 0).warnings)).toEqual([
      "/customData/x/a duplicateKey",
      "/customData/x/a/0 unsafeInteger",
      "/customData/x/a/1 loneSurrogate",
    ]);
  }, TIMEOUT);

  it("messages: the literal cut at 40 characters, the key as JSON.stringify shows it, the first lone surrogate", () => {
    expect(scanWarnings(`{"${"k".repeat(50)}":1,"${"k".repeat(50)}":[-${"9".repeat(45)}]}`)).toEqual([
      { instancePath: `/${"k".repeat(50)}`, warning: "duplicateKey", message: `duplicate key "${"k".repeat(40)}…": JSON.parse keeps only the last value` },
      { instancePath: `/${"k".repeat(50)}/0`, warning: "unsafeInteger", message: `-${"9".repeat(39)}… is beyond ±(2^53-1): JSON.parse reads it as -1e+45` },
    ]);
    expect(scanWarnings('["a\\udc00\\ud800b\\ud801"]')).toEqual([
      { instancePath: "/0", warning: "loneSurrogate", message: "lone surrogate \\udc00: not a Unicode character; UTF-8 encoders replace it with U+FFFD" },
    ]);
  });
});

describe("message pieces", () => {
  it("show(v) writes strings as JSON.stringify does, cut at 40 code units without splitting a pair", () => {
    expect(show("a\"b\\\n\u0001é😀\ud800")).toBe('"a\\"b\\\\\\n\\u0001é😀\\ud800"');
    expect(showString("x".repeat(40))).toBe(`"${"x".repeat(40)}"`);
    expect(showString("x".repeat(41))).toBe(`"${"x".repeat(40)}…"`);
    expect(showString(`${"x".repeat(38)}😀`)).toBe(`"${"x".repeat(38)}😀"`);
    expect(showString(`${"x".repeat(39)}😀`)).toBe(`"${"x".repeat(39)}…"`);
    expect(showString(`${"x".repeat(39)}\ud800z`)).toBe(`"${"x".repeat(39)}\\ud800…"`);
    expect([1e21, 26008.333, -0, Infinity, 5e-324, 1e-7, true, null, {}, []].map(show)).toEqual([
      "1e+21", "26008.333", "0", "Infinity", "5e-324", "1e-7", "true", "null", "an object", "an array",
    ]);
  });

  it("bounds and item counts: the value as show() writes it, the bound as String() prints the schema's number", () => {
    expect(minimumMessage(-1, 0)).toBe("-1 is less than the minimum 0");
    expect(minimumMessage(-1.5, 0.0)).toBe("-1.5 is less than the minimum 0");
    expect(minimumMessage(-5e-324, -0)).toBe("-5e-324 is less than the minimum 0");
    expect(maximumMessage(100.5, 100.0)).toBe("100.5 is more than the maximum 100");
    expect(maximumMessage(1e21, 100)).toBe("1e+21 is more than the maximum 100");
    expect(minItemsMessage(0, 1)).toBe("has 0 items, fewer than the 1 required");
    expect(maxItemsMessage(5, 4)).toBe("has 5 items, more than the 4 allowed");
  });

  it("suggestion: the nearest allowed value after ASCII lowercasing, first on a tie, within max(1, its length / 3)", () => {
    const units = ["Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "Celcius", "Fahrenheit", "K", "Percent"];
    expect(suggestion("Celsius", units)).toBe("Celcius");
    expect(suggestion("kwh", units)).toBe("kWh");
    expect(suggestion("PERCENT", units)).toBe("Percent");
    expect(suggestion("Volt", units)).toBeUndefined();
    expect(suggestion("X", units)).toBe("W"); // distance 1 to W, A, V, K: the first in schema order
    expect(suggestion("", units)).toBeUndefined();
    expect(suggestion("Wh".padEnd(65, "h"), units)).toBeUndefined();
    expect(suggestion("é", ["e"])).toBe("e");
    expect(suggestion("TxDflProfileb", ["ChargePointMaxProfile", "TxDefaultProfile", "TxProfile"])).toBeUndefined();
  });

  it("date-time reasons, in SEMANTICS.md's order", () => {
    const cases: [string, string][] = [
      ["2024-05-17", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["2024-05-17T14:32Z", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["2024-05-17TT14:32:05Z", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["2024-05-17T14:32:05.Z", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["2024-05-17T14:32:05+0", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["２024-05-17T14:32:05Z", "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)"],
      ["2024-00-17T99:99:99", "month 00 does not exist"],
      ["2024-13-01T00:00:00Z", "month 13 does not exist"],
      ["2024-04-00T00:00:00Z", "day 00 does not exist"],
      ["2024-04-31T00:00:00Z", "day 31 does not exist: April has 30 days"],
      ["1900-02-29T00:00:00Z", "day 29 does not exist: February 1900 has 28 days"],
      ["2024-02-30T00:00:00Z", "day 30 does not exist: February 2024 has 29 days"],
      ["2024-05-17T25:00:00", "no offset (add Z for UTC, or ±hh:mm)"],
      ["2024-05-17t14:32:05.123", "no offset (add Z for UTC, or ±hh:mm)"],
      ["2024-05-17T14:32:05+24:00", "offset hour 24 is out of range 00-23"],
      ["2024-05-17T14:32:05-0560", "offset minute 60 is out of range 00-59"],
      ["2024-05-17T24:00:00Z", "hour 24 is out of range 00-23"],
      ["2024-05-17T23:60:00z", "minute 60 is out of range 00-59"],
      ["2016-12-31T12:00:60Z", "second 60 is a leap second, allowed only at 23:59:60 UTC"],
      ["2016-12-31T23:59:60.5+01:00", "second 60 is a leap second, allowed only at 23:59:60 UTC"],
      ["2024-05-17T12:00:59.99999999999999999+01:00", "second 59 is a leap second, allowed only at 23:59:60 UTC"],
      ["2016-12-31T23:59:61Z", "second 61 is out of range 00-60"],
      ["2016-12-31T23:59:60.99999999999999999Z", "second 60 is out of range 00-60"],
    ];
    for (const [s, reason] of cases) {
      expect(isDateTime(s), s).toBe(false);
      expect(dateTimeReason(s), s).toBe(reason);
    }
  });
});
