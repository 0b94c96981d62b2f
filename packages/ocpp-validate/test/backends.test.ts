// One suite, run once per backend (OCPP_TEST_BACKENDS=native,wasm,js; default: all three), over
// the shared vectors and a fast-check differential against the ajv reference. It goes through
// the built package (`ocpp-validate` → dist/), exactly what users import. A backend that does not
// load fails here: nothing is skipped.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createValidator, MESSAGE_NAMES, type BackendName, type MessageName, type ValidationIssue, type Validator } from "ocpp-validate";
import {
  anyInputArb,
  bytesArb,
  mutatedTextArb,
  mutatedTextArbFor,
  payloadTextArbFor,
  validPayloadArb,
  validPayloadArbFor,
  validValueArb,
  validValueArbFor,
} from "@ocpp-validate/test-vectors/arbitraries";
import { OCPP_ERROR_CODE, referenceValidate, referenceValidateValue } from "@ocpp-validate/test-vectors/reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadVectors } from "@ocpp-validate/test-vectors/vectors";
import { frameTests } from "./frame-suite.js";

const BACKENDS = (process.env.OCPP_TEST_BACKENDS ?? "native,wasm,js").split(",").filter(Boolean) as BackendName[];
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
/** Runs per message for the all-messages differential (56 messages, so about RUNS in all). */
const RUNS_PER_MESSAGE = Math.max(20, Math.ceil(RUNS / 50));
/** Property tests run a fixed number of cases; their time limit only catches a hang. */
const PROPERTY_TIMEOUT = 600_000;
const vectors = loadVectors();
const encoder = new TextEncoder();

const pairs = (issues: ReadonlyArray<{ instancePath: string; keyword: string }>) =>
  issues.map((i) => `${i.instancePath} ${i.keyword}`).sort();

/** Everything the contract promises for one input, checked against the expected issue list. */
function expectSameAsReference(
  v: Validator,
  input: string | Uint8Array | object,
  expected: ReadonlyArray<{ instancePath: string; keyword: string }>,
  message: MessageName = "StopTransaction",
) {
  const valid = expected.length === 0;
  expect(v.isValid(input, { message })).toBe(valid);
  const all = v.validate(input, { allErrors: true, message });
  expect(all.valid).toBe(valid);
  expect(pairs(all.errors)).toEqual(pairs(expected));
  for (const issue of all.errors) expectWellFormed(issue);
  const first = v.validate(input, { message });
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
      const message = c.message as MessageName;
      try {
        expectSameAsReference(v, bytes, c.errors, message);
        if (typeof c.data === "string") expectSameAsReference(v, c.data, c.errors, message);
      } catch (error) {
        throw new Error(`vector ${c.file} / ${c.name}: ${(error as Error).message}`);
      }
    }
  });

  it("batch gives one verdict per input, in order, for strings and bytes mixed, for every message", () => {
    const messages = [...new Set(vectors.map((c) => c.message))];
    expect(messages.length).toBe(MESSAGE_NAMES.length);
    for (const message of messages as MessageName[]) {
      const cases = vectors.filter((c) => c.message === message);
      const inputs = cases.map((c, i) => (typeof c.data === "string" && i % 2 === 0 ? c.data : typeof c.data === "string" ? encoder.encode(c.data) : c.data));
      const verdicts = v.isValidBatch(inputs, { message });
      expect(verdicts).toBeInstanceOf(Uint8Array);
      expect(Array.from(verdicts), message).toEqual(cases.map((c) => (c.valid ? 1 : 0)));
      const reversed = [...inputs].reverse();
      expect(Array.from(v.isValidBatch(reversed, { message })), message).toEqual(cases.map((c) => (c.valid ? 1 : 0)).reverse());
    }
    expect(v.isValidBatch([]).length).toBe(0);
  });

  it("a default message set at creation is used by every call, and a call's message beats it", () => {
    const heartbeat = createValidator({ backend, message: "Heartbeat" });
    expect(heartbeat.message).toBe("Heartbeat");
    expect(heartbeat.isValid("{}")).toBe(true);
    expect(heartbeat.isValid(encoder.encode('{"a":1}'))).toBe(false);
    expect(Array.from(heartbeat.isValidBatch(["{}", "[]"]))).toEqual([1, 0]);
    expect(heartbeat.validate('{"a":1}', { allErrors: true }).errors.map((e) => e.keyword)).toEqual(["additionalProperties"]);
    const stop = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}';
    expect(heartbeat.isValid(stop)).toBe(false);
    expect(heartbeat.isValid(stop, { message: "StopTransaction" })).toBe(true);
    expect(v.message).toBe("StopTransaction");
    expect(v.isValid(stop)).toBe(true);
  });

  it("an unknown message name is a TypeError naming it and the known ones", () => {
    for (const call of [
      () => v.isValid("{}", { message: "Nope" as never }),
      () => v.validate("{}", { message: "Nope" as never }),
      () => v.isValidBatch(["{}"], { message: "Nope" as never }),
      () => createValidator({ backend, message: "Nope" as never }),
      () => v.validateFrame('[3,"a",{}]', { responseTo: "Nope" as never }),
    ]) {
      expect(call).toThrow(TypeError);
      expect(call).toThrow(/"Nope".*BootNotification.*StopTransaction/);
    }
    expect(() => v.validateFrame('[3,"a",{}]', { responseTo: "BootNotificationResponse" as never })).toThrow(TypeError);
  });

  describe.each(MESSAGE_NAMES)("message %s", (message) => {
    it("matches the reference on schema-driven payloads, as string and bytes (verdict, allErrors set, first error)", async () => {
      await fc.assert(property(payloadTextArbFor(message), (text) => {
        const expected = referenceValidate(text, { allErrors: true, message }).errors;
        expectSameAsReference(v, text, expected, message);
        expectSameAsReference(v, encoder.encode(text), expected, message);
      }), { numRuns: RUNS_PER_MESSAGE, seed: 11 });
    }, PROPERTY_TIMEOUT);

    it("matches the reference on mutated payloads and accepts every generated valid one", async () => {
      await fc.assert(property(mutatedTextArbFor(message), (text) => {
        expectSameAsReference(v, text, referenceValidate(text, { allErrors: true, message }).errors, message);
      }), { numRuns: RUNS_PER_MESSAGE, seed: 12 });
      await fc.assert(property(validPayloadArbFor(message), (text) => {
        expect(v.isValid(text, { message })).toBe(true);
      }), { numRuns: RUNS_PER_MESSAGE, seed: 13 });
    }, PROPERTY_TIMEOUT);

    it("validates already-parsed values and batches like the reference", async () => {
      await fc.assert(property(validValueArbFor(message), (value) => {
        expectSameAsReference(v, value as object, [], message);
      }), { numRuns: Math.ceil(RUNS_PER_MESSAGE / 4), seed: 14 });
      await fc.assert(property(fc.array(payloadTextArbFor(message), { maxLength: 8 }), (texts) => {
        const expected = texts.map((t) => (referenceValidate(t, { allErrors: false, message }).valid ? 1 : 0));
        expect(Array.from(v.isValidBatch(texts, { message }))).toEqual(expected);
      }), { numRuns: Math.ceil(RUNS_PER_MESSAGE / 4), seed: 15 });
    }, PROPERTY_TIMEOUT);
  });

  it("matches the reference on generated valid payloads", async () => {
    await fc.assert(property(validPayloadArb, (text) => {
      expect(v.isValid(text)).toBe(true);
      expect(v.isValid(encoder.encode(text))).toBe(true);
    }), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT);

  it("matches the reference on mutated payloads (verdict, allErrors set, first error)", async () => {
    await fc.assert(property(mutatedTextArb, (text) => {
      expectSameAsReference(v, text, referenceValidate(text, { allErrors: true }).errors);
    }), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT);

  it("matches the reference on raw bytes, invalid UTF-8 included", async () => {
    await fc.assert(property(bytesArb, (bytes) => {
      expectSameAsReference(v, bytes, referenceValidate(bytes, { allErrors: true }).errors);
    }), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT);

  it("matches the reference on any input through the batch API", async () => {
    await fc.assert(property(fc.array(anyInputArb, { maxLength: 12 }), (inputs) => {
      const expected = inputs.map((input) => (referenceValidate(input, { allErrors: false }).valid ? 1 : 0));
      expect(Array.from(v.isValidBatch(inputs))).toEqual(expected);
    }), { numRuns: Math.ceil(RUNS / 10) });
  }, PROPERTY_TIMEOUT);

  it("validates already-parsed values like the reference", async () => {
    await fc.assert(property(validValueArb, (value) => {
      expectSameAsReference(v, value, []);
    }), { numRuns: Math.ceil(RUNS / 4) });
    const base = { transactionId: 1, timestamp: "2024-01-01T00:00:00Z", meterStop: 1 };
    const sampled = (extra: object) => ({ ...base, transactionData: [{ timestamp: base.timestamp, sampledValue: [{ value: "1", ...extra }], ...extra }] });
    // keys whose value is undefined: ajv counts unknown ones as additional and skips known ones
    const undefinedValued = [{ ...base, extra: undefined }, { ...base, idTag: undefined }, { ...base, meterStop: undefined }, sampled({ unit: undefined }), sampled({ extra: undefined })];
    for (const value of [[], {}, Object.create(null), { ...base, transactionId: 1.5 }, ...undefinedValued]) {
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
      // Only JSON text, bytes, or the objects and arrays JSON.parse returns: what the types allow.
      for (const bad of [undefined, null, 5, true, () => 1, Symbol("x"), 10n, new ArrayBuffer(2), new Uint16Array(2), new Map(), new Date(0)]) {
        expect(() => v.isValid(bad as never)).toThrow(TypeError);
        expect(() => v.validate(bad as never)).toThrow(TypeError);
      }
      expect(() => v.isValidBatch("{}" as never)).toThrow(TypeError);
      expect(() => v.isValidBatch([ok, 5 as never])).toThrow(/index 1/);
    });

    it("a view of a detached ArrayBuffer is empty input on every backend", () => {
      const buffer = new ArrayBuffer(ok.length);
      const view = new Uint8Array(buffer);
      encoder.encodeInto(ok, view);
      structuredClone(buffer, { transfer: [buffer] });
      expect(view.length).toBe(0);
      const empty = new Uint8Array(0);
      expect(v.isValid(view)).toBe(false);
      expect(v.validate(view, { allErrors: true })).toEqual(v.validate(empty, { allErrors: true }));
      expect(v.validate(view).errors.map((e) => e.keyword)).toEqual(["parse"]);
      expect(Array.from(v.isValidBatch([view, ok, view]))).toEqual([0, 1, 0]);
      expect(v.validateFrame(view)).toEqual(v.validateFrame(empty));
    });

    it("a Buffer that is a view into a larger pool", () => {
      const pooled = Buffer.from(`garbage${ok}garbage`).subarray(7, 7 + ok.length);
      expect(v.isValid(pooled)).toBe(true);
      expect(Array.from(v.isValidBatch([pooled, pooled.subarray(1)]))).toEqual([1, 0]);
    });
  });
});
