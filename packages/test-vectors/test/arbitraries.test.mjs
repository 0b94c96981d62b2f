import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { property } from "../property.mjs";
import {
  validPayloadArb, validValueArb, mutatedTextArb, bytesArb, anyInputArb, dateTimeArb,
  messageNameArb, validPayloadArbFor, validValueArbFor, mutatedTextArbFor, payloadTextArbFor, messagePayloadArb, multipleOfTextArb, uriArb,
  payloadArbitrary, messagePayloadArbOf, messageNameArbOf, boundedIntegerTextArb, boundedNumberTextArb, frameArbOf, inputArbOf } from "../arbitraries.mjs";
import { referenceValidate, referenceValidateValue, createAjv, MESSAGE_NAMES, isDecimalMultiple, schemaFor } from "../reference.mjs";
import { messageNamesOf } from "../protocols.mjs";
import { referenceValidateFrame } from "../frame-reference.mjs";
import { smallPayload, mediumPayload, largePayload, invalidPayload, mixedBatch, payloadFor, payloadValueFor, invalidPayloadFor, mixedBatchFor, PAYLOAD_SIZES } from "../payloads.mjs";

describe("arbitraries", () => {
  it("validPayloadArb only produces valid, well-formed JSON texts", async () => {
    await fc.assert(
      property(validPayloadArb, (t) => {
        expect(t.isWellFormed()).toBe(true);
        expect(referenceValidate(t).errors).toEqual([]);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
  it("validValueArb values are valid", async () => {
    await fc.assert(property(validValueArb, (v) => referenceValidateValue(v).valid), { numRuns: 500, seed: 12 });
  });
  it("dateTimeArb only produces date-times ajv-formats accepts", async () => {
    const ajv = createAjv();
    const check = ajv.compile({ type: "string", format: "date-time" });
    await fc.assert(property(dateTimeArb, (s) => check(s) === true), { numRuns: 5000, seed: 13 });
  });
  it("mutatedTextArb produces well-formed texts, mostly invalid, with every keyword", () => {
    const samples = fc.sample(mutatedTextArb, { numRuns: 3000, seed: 14 });
    const keywords = new Set();
    let invalid = 0;
    for (const t of samples) {
      expect(typeof t).toBe("string");
      expect(t.isWellFormed()).toBe(true);
      const r = referenceValidate(t);
      if (!r.valid) invalid++;
      for (const e of r.errors) keywords.add(e.keyword);
    }
    expect(invalid / samples.length).toBeGreaterThan(0.8);
    expect([...keywords].sort()).toEqual(["additionalProperties", "enum", "format", "maxLength", "parse", "required", "type"]);
  });
  it("bytesArb produces Uint8Arrays, some of them invalid UTF-8", () => {
    const samples = fc.sample(bytesArb, { numRuns: 1000, seed: 15 });
    const dec = new TextDecoder("utf-8", { fatal: true });
    let bad = 0;
    for (const b of samples) {
      expect(b).toBeInstanceOf(Uint8Array);
      try {
        dec.decode(b);
      } catch {
        bad++;
      }
    }
    expect(bad).toBeGreaterThan(100);
  });
  it("anyInputArb mixes strings and bytes", () => {
    const s = fc.sample(anyInputArb, { numRuns: 300, seed: 16 });
    expect(s.some((x) => typeof x === "string")).toBe(true);
    expect(s.some((x) => x instanceof Uint8Array)).toBe(true);
  });
});

describe("payloads", () => {
  it("are deterministic, sized as documented, and valid/invalid as documented", () => {
    expect(smallPayload()).toBe(smallPayload());
    expect(Buffer.byteLength(smallPayload())).toBeGreaterThan(100);
    expect(Buffer.byteLength(smallPayload())).toBeLessThan(160);
    expect(Buffer.byteLength(mediumPayload())).toBeGreaterThan(1200);
    expect(Buffer.byteLength(mediumPayload())).toBeLessThan(1700);
    expect(Buffer.byteLength(largePayload())).toBeGreaterThan(65000);
    expect(Buffer.byteLength(largePayload())).toBeLessThan(80000);
    for (const p of [smallPayload(), mediumPayload(), largePayload()]) expect(referenceValidate(p).valid).toBe(true);
    expect(referenceValidate(invalidPayload()).valid).toBe(false);
    expect(JSON.parse(smallPayload()).transactionData).toBeUndefined();
  });
  it("mixedBatch is deterministic with ~5% invalid", () => {
    const a = mixedBatch(10000, 7);
    expect(a).toEqual(mixedBatch(10000, 7));
    expect(a).not.toEqual(mixedBatch(10000, 8));
    const invalid = a.filter((t) => !referenceValidate(t).valid).length;
    expect(invalid).toBeGreaterThan(350);
    expect(invalid).toBeLessThan(650);
  });
});

describe("schema-driven arbitraries, every message", () => {
  // Counts only (fixed runs and seeds): each message's valid arbitrary gives only valid texts, its
  // mutated arbitrary mostly invalid ones, and the mix both.
  it("validPayloadArbFor(m): only valid, well-formed texts (200 per message)", () => {
    for (const m of MESSAGE_NAMES) {
      const texts = fc.sample(validPayloadArbFor(m), { numRuns: 200, seed: 21 });
      for (const t of texts) {
        expect(t.isWellFormed()).toBe(true);
        expect(referenceValidate(t, { message: m }).errors, `${m}: ${t.slice(0, 200)}`).toEqual([]);
      }
    }
  });
  it("validValueArbFor(m) values are valid (50 per message)", async () => {
    for (const m of MESSAGE_NAMES) await fc.assert(property(validValueArbFor(m), (v) => referenceValidateValue(v, { message: m }).valid), { numRuns: 50, seed: 22 });
  });
  it("mutatedTextArbFor(m): mostly invalid (300 per message), every keyword across messages", () => {
    const keywords = new Set();
    for (const m of MESSAGE_NAMES) {
      const texts = fc.sample(mutatedTextArbFor(m), { numRuns: 300, seed: 23 });
      let invalid = 0;
      for (const t of texts) {
        expect(t.isWellFormed()).toBe(true);
        const r = referenceValidate(t, { message: m });
        if (!r.valid) invalid++;
        for (const e of r.errors) keywords.add(e.keyword);
      }
      expect(invalid, m).toBeGreaterThan(texts.length * 0.8);
    }
    expect([...keywords].sort()).toEqual(["additionalProperties", "enum", "format", "maxLength", "multipleOf", "parse", "required", "type"]);
  });
  it("payloadTextArbFor(m) gives valid and invalid texts for every message (300 per message)", () => {
    for (const m of MESSAGE_NAMES) {
      const verdicts = fc.sample(payloadTextArbFor(m), { numRuns: 300, seed: 24 }).map((t) => referenceValidate(t, { message: m }).valid);
      const valid = verdicts.filter(Boolean).length;
      expect(valid, m).toBeGreaterThan(30);
      expect(verdicts.length - valid, m).toBeGreaterThan(30);
    }
  });
  it("messagePayloadArb / messageNameArb reach every message (3000 samples)", () => {
    const seen = new Map();
    for (const { message, text } of fc.sample(messagePayloadArb, { numRuns: 3000, seed: 25 })) {
      const r = referenceValidate(text, { message });
      const e = seen.get(message) ?? { valid: 0, invalid: 0 };
      r.valid ? e.valid++ : e.invalid++;
      seen.set(message, e);
    }
    expect([...seen.keys()].sort()).toEqual([...MESSAGE_NAMES]);
    expect(new Set(fc.sample(messageNameArb, { numRuns: 2000, seed: 26 })).size).toBe(56);
  });
  it("the deviations reach their targets: multipleOf, boolean, uri, nested arrays", () => {
    const seen = (/** @type {string} */ m, /** @type {(e: {instancePath: string, keyword: string}) => boolean} */ pred) =>
      fc.sample(mutatedTextArbFor(m), { numRuns: 600, seed: 27 }).some((t) => referenceValidate(t, { message: m }).errors.some(pred));
    expect(seen("SetChargingProfile", (e) => e.keyword === "multipleOf" && /chargingSchedulePeriod\/\d+\/limit$/.test(e.instancePath))).toBe(true);
    expect(seen("GetCompositeScheduleResponse", (e) => e.keyword === "multipleOf")).toBe(true);
    expect(seen("GetConfigurationResponse", (e) => e.keyword === "type" && /readonly$/.test(e.instancePath))).toBe(true);
    expect(seen("GetDiagnostics", (e) => e.keyword === "format" && e.instancePath === "/location")).toBe(true);
    expect(seen("MeterValues", (e) => /^\/meterValue\/\d+\/sampledValue\/\d+\//.test(e.instancePath))).toBe(true);
    expect(seen("SendLocalList", (e) => /^\/localAuthorizationList\/\d+\/idTagInfo/.test(e.instancePath))).toBe(true);
  });
  it("multipleOfTextArb(0.1) texts are decimal multiples; uriArb texts are uris", async () => {
    await fc.assert(property(multipleOfTextArb(0.1), (t) => isDecimalMultiple(JSON.parse(t), 0.1)), { numRuns: 3000, seed: 28 });
    const uri = createAjv().compile({ type: "string", format: "uri" });
    await fc.assert(property(uriArb, (u) => uri(u) === true), { numRuns: 1000, seed: 29 });
  });
});

describe("payloads for every message", () => {
  it("payloadFor: deterministic and valid for every message and size", () => {
    for (const m of MESSAGE_NAMES) {
      for (const size of PAYLOAD_SIZES) {
        const t = payloadFor(m, { size, seed: 5 });
        expect(t).toBe(payloadFor(m, { size, seed: 5 }));
        expect(referenceValidate(t, { message: m }).errors, `${m} ${size}`).toEqual([]);
        expect(payloadValueFor(m, { size, seed: 5 })).toEqual(JSON.parse(t));
      }
      expect(referenceValidate(payloadFor(m, { optional: false }), { message: m }).valid).toBe(true);
      expect(referenceValidate(invalidPayloadFor(m), { message: m }).valid, m).toBe(false);
    }
    expect(() => payloadFor("Foo")).toThrow(TypeError);
  });
  it("sizes shape the arrays: MeterValues with N sampled values, large > medium > small", () => {
    for (const n of [1, 10, 100]) {
      const v = payloadValueFor("MeterValues", { arrayLengths: [1, n] });
      expect(v.meterValue.length).toBe(1);
      expect(v.meterValue[0].sampledValue.length).toBe(n);
      expect(referenceValidateValue(v, { message: "MeterValues" }).valid).toBe(true);
    }
    const len = (/** @type {any} */ size) => payloadFor("MeterValues", { size }).length;
    expect(len("small")).toBeLessThan(len("medium"));
    expect(len("medium")).toBeLessThan(len("large"));
    expect(payloadFor("Heartbeat")).toBe("{}");
    expect(Object.keys(payloadValueFor("BootNotification")).sort()).toEqual(Object.keys(schemaFor("BootNotification").properties).sort());
    expect(Object.keys(payloadValueFor("StatusNotification"))).toEqual(expect.arrayContaining(["connectorId", "errorCode", "status"]));
  });
  it("mixedBatchFor is deterministic with about 5% invalid", () => {
    for (const m of ["MeterValues", "StatusNotification", "BootNotification", "Heartbeat"]) {
      const a = mixedBatchFor(m, 2000, 7);
      expect(a).toEqual(mixedBatchFor(m, 2000, 7));
      const invalid = a.filter((t) => !referenceValidate(t, { message: m }).valid).length;
      expect(invalid, m).toBeGreaterThan(50);
      expect(invalid, m).toBeLessThan(160);
    }
  });
});

describe("schema-driven arbitraries, OCPP 2.0.1 and 2.1", () => {
  // Counts only (fixed runs and seeds), fewer per message than 1.6: 309 messages.
  for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
    it(`${protocol}: valid texts are valid (25 per message), mutated ones mostly invalid with every 2.x keyword, payloadArbitrary mixes both`, () => {
      const keywords = new Set();
      for (const m of messageNamesOf(protocol)) {
        for (const t of fc.sample(validPayloadArbFor(m, protocol), { numRuns: 25, seed: 31 })) {
          expect(t.isWellFormed()).toBe(true);
          expect(referenceValidate(t, { message: m, protocol }).errors, `${m}: ${t.slice(0, 200)}`).toEqual([]);
        }
        const mutated = fc.sample(mutatedTextArbFor(m, protocol), { numRuns: 25, seed: 32 });
        let invalid = 0;
        for (const t of mutated) {
          expect(t.isWellFormed()).toBe(true);
          const r = referenceValidate(t, { message: m, protocol });
          if (!r.valid) invalid++;
          for (const e of r.errors) keywords.add(e.keyword);
        }
        expect(invalid, m).toBeGreaterThan(mutated.length * 0.6);
        const verdicts = fc.sample(payloadArbitrary(protocol, m), { numRuns: 40, seed: 33 }).map((t) => referenceValidate(t, { message: m, protocol }).valid);
        expect(verdicts.some(Boolean), m).toBe(true);
        expect(verdicts.some((v) => !v), m).toBe(true);
      }
      // 2.0.1 has `maximum` in one message only: give it more runs
      for (const t of fc.sample(mutatedTextArbFor("NotifyEVChargingNeedsRequest", protocol), { numRuns: 400, seed: 39 })) {
        for (const e of referenceValidate(t, { message: "NotifyEVChargingNeedsRequest", protocol }).errors) keywords.add(e.keyword);
      }
      expect([...keywords].sort()).toEqual(["additionalProperties", "enum", "format", "maxItems", "maxLength", "maximum", "minItems", "minimum", "parse", "required", "type"]);
    });
    it(`${protocol}: messagePayloadArbOf reaches most messages (1500 samples)`, () => {
      const seen = new Set(fc.sample(messagePayloadArbOf(protocol), { numRuns: 1500, seed: 34 }).map((x) => x.message));
      expect(seen.size).toBeGreaterThan(messageNamesOf(protocol).length * 0.9);
      expect(new Set(fc.sample(messageNameArbOf(protocol), { numRuns: 3000, seed: 35 })).size).toBe(messageNamesOf(protocol).length);
    });
  }
  it("bounded number texts stay inside their bounds; open objects and untyped data get any JSON", () => {
    for (const [lo, hi] of [[0, 3], [0, 100], [1, Infinity], [-Infinity, 0]]) {
      for (const t of fc.sample(boundedIntegerTextArb(lo, hi), { numRuns: 300, seed: 36 })) {
        const v = JSON.parse(t);
        expect(Number.isInteger(v) && v >= lo && v <= hi, `${lo}..${hi}: ${t}`).toBe(true);
      }
      for (const t of fc.sample(boundedNumberTextArb(lo, hi), { numRuns: 300, seed: 37 })) {
        const v = JSON.parse(t);
        expect(Number.isFinite(v) && v >= lo && v <= hi, `${lo}..${hi}: ${t}`).toBe(true);
      }
    }
    const texts = fc.sample(validPayloadArbFor("DataTransferRequest", "ocpp2.0.1"), { numRuns: 300, seed: 38 });
    const kinds = new Set(texts.map((t) => JSON.parse(t).data).filter((d) => d !== undefined).map((d) => (d === null ? "null" : Array.isArray(d) ? "array" : typeof d)));
    expect([...kinds].sort()).toEqual(["array", "boolean", "null", "number", "object", "string"]);
    expect(texts.some((t) => Object.keys(JSON.parse(t).customData ?? {}).some((k) => k.startsWith("x-")))).toBe(true);
  });
});

describe("frameArbOf(protocol)", () => {
  for (const protocol of /** @type {const} */ (["ocpp1.6", "ocpp2.0.1", "ocpp2.1"])) {
    it(`${protocol}: every frame kind, valid and answered calls, responseTo an answered action (1500 samples)`, () => {
      const kinds = new Set();
      const codes = new Set();
      let validCalls = 0;
      for (const { text, responseTo } of fc.sample(frameArbOf(protocol), { numRuns: 1500, seed: 40 })) {
        expect(text.isWellFormed()).toBe(true);
        const r = referenceValidateFrame(text, { protocol, responseTo });
        kinds.add(r.kind);
        if (r.callError) codes.add(r.callError.errorCode);
        if ((r.kind === "call" || r.kind === "send") && r.valid) validCalls++;
      }
      expect([...kinds].sort()).toEqual(protocol === "ocpp2.1" ? ["call", "callerror", "callresult", "callresulterror", "invalid", "send"] : ["call", "callerror", "callresult", "invalid"]);
      expect(validCalls).toBeGreaterThan(30);
      const want = protocol === "ocpp1.6"
        ? ["FormationViolation", "ProtocolError", "NotImplemented", "NotSupported", "TypeConstraintViolation"]
        : ["FormatViolation", "RpcFrameworkError", "MessageTypeNotSupported", "ProtocolError", "NotImplemented", "NotSupported", "TypeConstraintViolation"];
      for (const c of want) expect(codes.has(c), c).toBe(true);
    });
  }
});

describe("inputArbOf(protocol, message)", () => {
  it("strings and bytes, valid, invalid and not UTF-8 JSON (500 samples)", () => {
    let strings = 0, valid = 0, parse = 0;
    for (const x of fc.sample(inputArbOf("ocpp2.1", "BootNotificationRequest"), { numRuns: 500, seed: 41 })) {
      if (typeof x === "string") strings++;
      else expect(x).toBeInstanceOf(Uint8Array);
      const r = referenceValidate(x, { protocol: "ocpp2.1", message: "BootNotificationRequest" });
      if (r.valid) valid++;
      if (r.errors[0]?.keyword === "parse") parse++;
    }
    for (const n of [strings, valid, parse]) expect(n).toBeGreaterThan(50);
    expect(strings).toBeLessThan(450);
  });
});
