// One suite, run once per backend (OCPP_TEST_BACKENDS=native,wasm,js; default: all three), over
// the shared vectors and a fast-check differential against the ajv reference. It goes through
// the built package (`ocpp-validate` → dist/), exactly what users import. A backend that does not
// load fails here: nothing is skipped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createValidator, type BackendName, type ValidationIssue, type Validator } from "ocpp-validate";
import { anyInputArb, bytesArb, mutatedTextArb, validPayloadArb, validValueArb } from "@ocpp-validate/test-vectors/arbitraries";
import { OCPP_ERROR_CODE, referenceValidate, referenceValidateValue } from "@ocpp-validate/test-vectors/reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadVectors } from "@ocpp-validate/test-vectors/vectors";
import { frameTests } from "./frame-suite.js";

const BACKENDS = (process.env.OCPP_TEST_BACKENDS ?? "native,wasm,js").split(",").filter(Boolean) as BackendName[];
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const vectors = loadVectors();
const encoder = new TextEncoder();

const pairs = (issues: ReadonlyArray<{ instancePath: string; keyword: string }>) =>
  issues.map((i) => `${i.instancePath} ${i.keyword}`).sort();

/** Everything the contract promises for one input, checked against the expected issue list. */
function expectSameAsReference(v: Validator, input: string | Uint8Array | object, expected: ReadonlyArray<{ instancePath: string; keyword: string }>) {
  const valid = expected.length === 0;
  expect(v.isValid(input)).toBe(valid);
  const all = v.validate(input, { allErrors: true });
  expect(all.valid).toBe(valid);
  expect(pairs(all.errors)).toEqual(pairs(expected));
  for (const issue of all.errors) expectWellFormed(issue);
  const first = v.validate(input);
  expect(first.valid).toBe(valid);
  expect(first.errors.length).toBe(valid ? 0 : 1);
  if (!valid) expect(pairs(expected)).toContain(pairs(first.errors)[0]);
}

function expectWellFormed(issue: ValidationIssue) {
  expect(issue.ocppErrorCode).toBe(OCPP_ERROR_CODE[issue.keyword]);
  expect(typeof issue.message).toBe("string");
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.instancePath === "" || issue.instancePath.startsWith("/")).toBe(true);
}

describe.each(BACKENDS)("backend %s", (backend) => {
  const v = createValidator({ backend });

  it("is the backend that was asked for", () => {
    expect(v.backend).toBe(backend);
  });

  describe("OCPP-J frames", () => frameTests(v));

  it(`agrees with every shared vector as string and as bytes (${vectors.length} cases)`, () => {
    expect(vectors.length).toBeGreaterThan(300);
    for (const c of vectors) {
      const bytes = typeof c.data === "string" ? encoder.encode(c.data) : c.data;
      try {
        expectSameAsReference(v, bytes, c.errors);
        if (typeof c.data === "string") expectSameAsReference(v, c.data, c.errors);
      } catch (error) {
        throw new Error(`vector ${c.file} / ${c.name}: ${(error as Error).message}`);
      }
    }
  });

  it("batch gives one verdict per input, in order, for strings and bytes mixed", () => {
    const inputs = vectors.map((c, i) => (typeof c.data === "string" && i % 2 === 0 ? c.data : typeof c.data === "string" ? encoder.encode(c.data) : c.data));
    const verdicts = v.isValidBatch(inputs);
    expect(verdicts).toBeInstanceOf(Uint8Array);
    expect(Array.from(verdicts)).toEqual(vectors.map((c) => (c.valid ? 1 : 0)));
    expect(v.isValidBatch([]).length).toBe(0);
    const reversed = [...inputs].reverse();
    expect(Array.from(v.isValidBatch(reversed))).toEqual(vectors.map((c) => (c.valid ? 1 : 0)).reverse());
  });

  it("matches the reference on generated valid payloads", async () => {
    await fc.assert(property(validPayloadArb, (text) => {
      expect(v.isValid(text)).toBe(true);
      expect(v.isValid(encoder.encode(text))).toBe(true);
    }), { numRuns: RUNS });
  });

  it("matches the reference on mutated payloads (verdict, allErrors set, first error)", async () => {
    await fc.assert(property(mutatedTextArb, (text) => {
      expectSameAsReference(v, text, referenceValidate(text, { allErrors: true }).errors);
    }), { numRuns: RUNS });
  });

  it("matches the reference on raw bytes, invalid UTF-8 included", async () => {
    await fc.assert(property(bytesArb, (bytes) => {
      expectSameAsReference(v, bytes, referenceValidate(bytes, { allErrors: true }).errors);
    }), { numRuns: RUNS });
  });

  it("matches the reference on any input through the batch API", async () => {
    await fc.assert(property(fc.array(anyInputArb, { maxLength: 12 }), (inputs) => {
      const expected = inputs.map((input) => (referenceValidate(input, { allErrors: false }).valid ? 1 : 0));
      expect(Array.from(v.isValidBatch(inputs))).toEqual(expected);
    }), { numRuns: Math.ceil(RUNS / 10) });
  });

  it("validates already-parsed values like the reference", async () => {
    await fc.assert(property(validValueArb, (value) => {
      expectSameAsReference(v, value, []);
    }), { numRuns: Math.ceil(RUNS / 4) });
    const base = { transactionId: 1, timestamp: "2024-01-01T00:00:00Z", meterStop: 1 };
    const sampled = (extra: object) => ({ ...base, transactionData: [{ timestamp: base.timestamp, sampledValue: [{ value: "1", ...extra }], ...extra }] });
    // keys whose value is undefined: ajv counts unknown ones as additional and skips known ones
    const undefinedValued = [{ ...base, extra: undefined }, { ...base, idTag: undefined }, { ...base, meterStop: undefined }, sampled({ unit: undefined }), sampled({ extra: undefined })];
    for (const value of [null, 5, true, [], {}, { ...base, transactionId: 1.5 }, ...undefinedValued]) {
      expectSameAsReference(v, value, referenceValidateValue(value, { allErrors: true }).errors);
    }
  });

  describe("bad input gets a verdict or a clear error, never a crash", () => {
    const ok = '{"transactionId":1,"timestamp":"2024-01-01T00:00:00Z","meterStop":5}';

    it("a 1 MB string, as a payload and inside one", () => {
      const big = "x".repeat(1 << 20);
      expect(v.isValid(big)).toBe(false);
      expect(v.validate(big).errors[0]?.keyword).toBe("parse");
      const inside = ok.replace("}", `,"transactionData":[{"timestamp":"2024-01-01T00:00:00Z","sampledValue":[{"value":"${big}"}]}]}`);
      expect(v.isValid(inside)).toBe(true);
      expect(v.isValid(encoder.encode(inside))).toBe(true);
    });

    it("100 000 nested brackets under an unknown key and under a key that is later replaced", () => {
      const deep = "[".repeat(100_000) + "]".repeat(100_000);
      const unknown = ok.replace("}", `,"extra":${deep}}`);
      expect(v.isValid(unknown)).toBe(false);
      expect(pairs(v.validate(unknown, { allErrors: true }).errors)).toEqual([" additionalProperties"]);
      const replaced = ok.replace("{", `{"reason":${deep},`).replace("}", `,"reason":"Local"}`);
      expect(v.isValid(replaced)).toBe(true);
      const unclosed = ok.replace("}", `,"extra":${"[".repeat(100_000)}}`);
      expect(v.validate(unclosed).errors.map((e) => e.keyword)).toEqual(["parse"]);
    });

    it("truncated input at every byte", () => {
      const bytes = encoder.encode(ok);
      for (let end = 0; end < bytes.length; end++) {
        expect(v.isValid(bytes.subarray(0, end))).toBe(false);
        expect(v.validate(bytes.subarray(0, end)).errors.map((e) => e.keyword)).toEqual(["parse"]);
      }
    });

    it("invalid UTF-8 and a BOM", () => {
      const withBadByte = Uint8Array.from([...encoder.encode(ok.slice(0, 20)), 0xff, ...encoder.encode(ok.slice(20))]);
      expect(v.validate(withBadByte, { allErrors: true }).errors.map((e) => [e.keyword, e.ocppErrorCode])).toEqual([["parse", "FormationViolation"]]);
      expect(v.isValid(Uint8Array.from([0xef, 0xbb, 0xbf, ...encoder.encode(ok)]))).toBe(false);
      expect(v.isValid("\ufeff" + ok)).toBe(false);
    });

    it("arguments that are not JSON input throw a TypeError", () => {
      for (const bad of [undefined, () => 1, Symbol("x"), 10n, new ArrayBuffer(2), new Uint16Array(2)]) {
        expect(() => v.isValid(bad as never)).toThrow(TypeError);
        expect(() => v.validate(bad as never)).toThrow(TypeError);
      }
      expect(() => v.isValidBatch("{}" as never)).toThrow(TypeError);
      expect(() => v.isValidBatch([ok, 5 as never])).toThrow(/index 1/);
    });

    it("a Buffer that is a view into a larger pool", () => {
      const pooled = Buffer.from(`garbage${ok}garbage`).subarray(7, 7 + ok.length);
      expect(v.isValid(pooled)).toBe(true);
      expect(Array.from(v.isValidBatch([pooled, pooled.subarray(1)]))).toEqual([1, 0]);
    });
  });
});
