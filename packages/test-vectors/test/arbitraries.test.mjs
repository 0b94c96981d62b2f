import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { property } from "../property.mjs";
import {
  validPayloadArb, validValueArb, mutatedTextArb, bytesArb, anyInputArb, dateTimeArb,
  messageNameArb, validPayloadArbFor, validValueArbFor, mutatedTextArbFor, payloadTextArbFor, messagePayloadArb, multipleOfTextArb, uriArb,
} from "../arbitraries.mjs";
import { referenceValidate, referenceValidateValue, createAjv, MESSAGE_NAMES, isDecimalMultiple, schemaFor } from "../reference.mjs";
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
