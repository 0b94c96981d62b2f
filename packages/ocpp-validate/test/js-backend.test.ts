// The js backend against the reference: every shared vector, and fast-check differentials
// (valid texts, mutated texts, raw bytes, parsed values).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createJsBackend, isValidValue, validateValue, invalidUtf8Offset, syntaxErrorOffset } from "../src/js/index.js";
import { isDateTime, isDateTimeReference, ucs2length } from "../src/js/date-time.js";
import { validateEquals } from "../src/js/generated/validate-equals.js";
import { OCPP_ERROR_CODE, referenceValidate, referenceValidateValue, issueMultiset, createAjv } from "@ocpp-validate/test-vectors/reference";
import { loadVectors } from "@ocpp-validate/test-vectors/vectors";
import { validPayloadArb, validValueArb, mutatedTextArb, bytesArb, dateTimeArb } from "@ocpp-validate/test-vectors/arbitraries";
import { property } from "@ocpp-validate/test-vectors/property";
import type { ValidationIssue } from "../src/types.js";

type Pair = { instancePath: string; keyword: string };
const backend = createJsBackend();
const key = (e: Pair) => `${e.instancePath}\u0000${e.keyword}`;
const multiset = (issues: readonly Pair[]): Pair[] => issueMultiset(issues);

/** Checks the js backend on one input against the reference; returns nothing, throws on mismatch. */
function checkInput(input: string | Uint8Array): void {
  const ref = referenceValidate(input, { allErrors: true });
  const valid = backend.isValid(input);
  expect(valid).toBe(ref.valid);
  const all = backend.validate(input, true);
  expect(multiset(all)).toEqual(multiset(ref.errors));
  checkShape(all);
  const one = backend.validate(input, false);
  if (ref.valid) expect(one).toEqual([]);
  else {
    expect(one.length).toBe(1);
    const want = new Set(ref.errors.map(key));
    expect(want.has(key(one[0]!))).toBe(true);
    checkShape(one);
  }
}

function checkShape(issues: ValidationIssue[]): void {
  for (const e of issues) {
    expect(typeof e.message).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.ocppErrorCode).toBe(OCPP_ERROR_CODE[e.keyword]);
  }
}

function checkValue(value: unknown): void {
  const ref = referenceValidateValue(value, { allErrors: true });
  expect(isValidValue(value)).toBe(ref.valid);
  expect(multiset(validateValue(value, true))).toEqual(multiset(ref.errors));
  const one = validateValue(value, false);
  expect(one.length).toBe(ref.valid ? 0 : 1);
  // typia's own validateEquals agrees on the verdict
  expect(validateEquals(value).success).toBe(ref.valid);
}

describe("js backend: shared vectors", () => {
  const vectors = loadVectors() as { file: string; name: string; data: string | Uint8Array; valid: boolean; errors: Pair[] }[];
  it(`agrees with every stored expectation (${vectors.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of vectors) {
      const inputs = typeof c.data === "string" ? [c.data, new TextEncoder().encode(c.data)] : [c.data];
      for (const input of inputs) {
        const valid = backend.isValid(input);
        const all = multiset(backend.validate(input, true));
        const one = backend.validate(input, false);
        const ok =
          valid === c.valid &&
          JSON.stringify(all) === JSON.stringify(c.errors) &&
          (c.valid ? one.length === 0 : one.length === 1 && c.errors.some((e) => key(e) === key(one[0]!)));
        if (!ok) failures.push(`${c.file}: ${c.name} (${typeof input === "string" ? "string" : "bytes"})`);
      }
    }
    expect(failures).toEqual([]);
  });
  it("isValidBatch matches isValid", () => {
    const inputs = vectors.map((c) => c.data);
    const batch = backend.isValidBatch(inputs);
    expect(batch.length).toBe(inputs.length);
    vectors.forEach((c, i) => expect(batch[i]).toBe(c.valid ? 1 : 0));
  });
  it("parse issues carry a byte offset or say what went wrong", () => {
    expect(backend.validate(new Uint8Array([0x7b, 0x22, 0xff]), true)[0]!.message).toBe("invalid UTF-8 at byte 2");
    expect(backend.validate('{"a":1,}', true)[0]!.message).toBe("unexpected '}' at byte 7");
    expect(backend.validate('{"é":1,}', true)[0]!.message).toBe("unexpected '}' at byte 8");
    expect(backend.validate('{"a":', true)[0]!.message).toBe("unexpected end of input");
    expect(backend.validate("", true)[0]!.message).toBe("unexpected end of input");
    expect(backend.version()).toMatch(/js/);
  });
});

describe("js backend: differential vs reference (fast-check)", () => {
  // A fixed number of runs, never a time budget: every machine checks the same cases.
  const opts = { numRuns: 8000, seed: 20240517 };
  it("valid texts (8000 runs)", async () => {
    await fc.assert(property(validPayloadArb, (t: string) => checkInput(t)), opts);
  });
  it("mutated texts (8000 runs)", async () => {
    await fc.assert(property(mutatedTextArb, (t: string) => checkInput(t)), { ...opts, seed: 7 });
  });
  it("raw bytes (6000 runs)", async () => {
    await fc.assert(property(bytesArb, (b: Uint8Array) => checkInput(b)), { ...opts, numRuns: 6000, seed: 8 });
  });
  it("parsed values, valid and mutated (3000 runs)", async () => {
    const valueArb = fc.oneof(
      validValueArb,
      mutatedTextArb.map((t: string) => {
        try {
          return JSON.parse(t);
        } catch {
          return null;
        }
      }),
    );
    await fc.assert(property(valueArb, (v: unknown) => checkValue(v)), { ...opts, numRuns: 3000, seed: 9 });
  });
});

describe("syntax error locator", () => {
  const accepts = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  it("finds an error exactly when JSON.parse rejects (mutated texts, vectors, random JSON-ish strings)", async () => {
    const jsonish = fc.string({ unit: fc.constantFrom(..."{}[],:\"\\ 0123456789-+.eEtrufalsn\u0000\t\nxu"), maxLength: 30 });
    await fc.assert(
      property(fc.oneof(mutatedTextArb, jsonish, fc.json()), (t: string) => {
        expect(syntaxErrorOffset(t) < 0).toBe(accepts(t));
      }),
      { numRuns: 20000, seed: 5 },
    );
    for (const c of loadVectors() as { data: string | Uint8Array }[]) {
      if (typeof c.data === "string") expect(syntaxErrorOffset(c.data) < 0).toBe(accepts(c.data));
    }
  });
});

describe("date-time port", () => {
  const ajvCheck = createAjv().compile({ type: "string", format: "date-time" });
  it("fast path = exact port = ajv-formats on generated and mutated date-times", async () => {
    const chars = "0123456789-:.TtZz+ \u00a0";
    const mutated = fc.tuple(dateTimeArb, fc.nat(40), fc.constantFrom(...chars), fc.boolean()).map(([s, i, c, del]: [string, number, string, boolean]) =>
      del ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + c + s.slice(i + 1),
    );
    await fc.assert(
      property(fc.oneof(dateTimeArb, mutated, fc.string()), (s: string) => {
        const want = ajvCheck(s) === true;
        expect(isDateTimeReference(s)).toBe(want);
        expect(isDateTime(s)).toBe(want);
      }),
      { numRuns: 20000, seed: 3 },
    );
  });
  it("ucs2length counts code points like ajv", () => {
    expect(ucs2length("\u{1F600}")).toBe(1);
    expect(ucs2length("\uD800")).toBe(1);
    expect(ucs2length("\uDE00\uD83D")).toBe(2);
    expect(ucs2length("\uD83DA")).toBe(2);
  });
  it("invalidUtf8Offset agrees with TextDecoder", async () => {
    const dec = new TextDecoder("utf-8", { fatal: true });
    await fc.assert(
      property(fc.uint8Array({ maxLength: 12 }), (b: Uint8Array) => {
        let ok = true;
        try {
          dec.decode(b);
        } catch {
          ok = false;
        }
        expect(invalidUtf8Offset(b) < 0).toBe(ok);
      }),
      { numRuns: 20000, seed: 4 },
    );
  });
});
