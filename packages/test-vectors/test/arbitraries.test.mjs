import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { validPayloadArb, validValueArb, mutatedTextArb, bytesArb, anyInputArb, dateTimeArb } from "../arbitraries.mjs";
import { referenceValidate, referenceValidateValue, createAjv } from "../reference.mjs";
import { smallPayload, mediumPayload, largePayload, invalidPayload, mixedBatch } from "../payloads.mjs";
import { property } from "../property.mjs";

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
