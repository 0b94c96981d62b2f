// One suite, run once per backend (OCPP_TEST_BACKENDS=native,wasm,js; default: all three), over
// the shared vectors and a fast-check differential against the ajv reference. It goes through
// the built package (`ocpp-validate` → dist/), exactly what users import. A backend that does not
// load fails here: nothing is skipped.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  createValidator,
  MESSAGE_NAMES,
  PROTOCOLS,
  TOLERANCES,
  type ActionName,
  type BackendName,
  type JsonInput,
  type MessageName,
  type MessageNameOf,
  type Protocol,
  type ProtocolValidator,
  type Tolerance,
  type ValidationIssue,
  type ValidationResult,
  type Validator,
} from "ocpp-validate";
import { MESSAGE_NAMES as MESSAGE_NAMES_201 } from "ocpp-validate/ocpp2.0.1";
import { MESSAGE_NAMES as MESSAGE_NAMES_21 } from "ocpp-validate/ocpp2.1";
import { createJsBackend, createValidatorFor, INLINE_MAX_BYTES, WorkerPool } from "ocpp-validate/internal";
import {
  anyInputArb,
  bytesArb,
  frameArbOf,
  inputArbOf,
  messagePayloadArb,
  messagePayloadArbOf,
  mutatedTextArb,
  mutatedTextArbFor,
  payloadTextArbFor,
  validPayloadArb,
  validPayloadArbFor,
  validValueArb,
  validValueArbFor,
} from "@ocpp-validate/test-vectors/arbitraries";
import { OCPP_ERROR_CODES, referenceValidate, referenceValidateValue } from "@ocpp-validate/test-vectors/reference";
import { referenceValidateFrame } from "@ocpp-validate/test-vectors/frame-reference";
import { referenceWarnings } from "@ocpp-validate/test-vectors/warnings-reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadDiagnostics, loadFrameVectors, loadVectors } from "@ocpp-validate/test-vectors/vectors";
import { expectFrame, frameTests } from "./frame-suite.js";

const BACKENDS = (process.env.OCPP_TEST_BACKENDS ?? "native,wasm,js").split(",").filter(Boolean) as BackendName[];
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
/** Runs per message for the all-messages differential (56 messages, so about RUNS in all). */
const RUNS_PER_MESSAGE = Math.max(20, Math.ceil(RUNS / 50));
/**
 * Runs per message for the 2.x differentials (309 messages: 2.0.1's 128 and 2.1's 181): a few
 * dozen each, about RUNS / 1.3 inputs per protocol pair, so CI time stays near the 1.6 suite's.
 */
const RUNS_PER_2X_MESSAGE = Math.max(12, Math.ceil(RUNS / 400));
/** Property tests run a fixed number of cases; their time limit only catches a hang. */
const PROPERTY_TIMEOUT = 600_000;
const vectors = loadVectors({ protocol: "ocpp1.6" });
type AnyValidator = ProtocolValidator<Protocol, MessageNameOf<Protocol>>;
const encoder = new TextEncoder();
const isWellFormed = (s: string) => s.toWellFormed() === s;

type Pair = { instancePath: string; keyword: string };
const pairs = (issues: ReadonlyArray<Pair>) => issues.map((i) => `${i.instancePath} ${i.keyword}`).sort();
/** In the order given (ajv's order is part of the contract). */
const ordered = (issues: ReadonlyArray<Pair>) => issues.map((i) => `${i.instancePath} ${i.keyword}`);
const triples = (issues: ReadonlyArray<Pair & { tolerance: string }>) => issues.map((i) => `${i.instancePath} ${i.keyword} ${i.tolerance}`);
const warningPairs = (warnings: ReadonlyArray<{ instancePath: string; warning: string }>) => warnings.map((w) => `${w.instancePath} ${w.warning}`);

/**
 * Everything the contract promises for one input, checked against the expected issue list (any
 * order) and, when given, ajv's first issue (what allErrors:false must return, exactly) and the
 * warnings of the text.
 */
function expectSameAsReference(
  v: Validator | AnyValidator,
  input: string | Uint8Array | object,
  expected: ReadonlyArray<Pair>,
  message: string = "StopTransaction",
  first: Pair | null = referenceFirst(input, message, v.protocol),
  warnings?: ReadonlyArray<{ instancePath: string; warning: string }>,
) {
  const protocol = v.protocol;
  v = v as AnyValidator;
  const valid = expected.length === 0;
  expect(v.isValid(input, { message })).toBe(valid);
  const all = v.validate(input, { allErrors: true, message });
  expect(all.valid).toBe(valid);
  expect(pairs(all.errors)).toEqual(pairs(expected));
  expect(all.tolerated).toEqual([]);
  for (const issue of all.errors) expectWellFormed(issue, protocol);
  const one = v.validate(input, { message });
  expect(one.valid).toBe(valid);
  expect(ordered(one.errors)).toEqual(first === null ? [] : ordered([first]));
  expect(one.warnings).toEqual(all.warnings);
  if (typeof input === "object" && !(input instanceof Uint8Array)) expect(all.warnings).toEqual([]);
  else if (warnings !== undefined) expect(warningPairs(all.warnings)).toEqual(warningPairs(warnings));
  for (const w of all.warnings) expect(typeof w.message).toBe("string");
}

/** ajv's first issue (the reference without allErrors), null when valid. */
function referenceFirst(input: string | Uint8Array | object, message: string, protocol: Protocol = "ocpp1.6"): Pair | null {
  const r = typeof input === "string" || input instanceof Uint8Array ? referenceValidate(input, { allErrors: false, message, protocol }) : referenceValidateValue(input, { allErrors: false, message, protocol });
  return r.errors[0] ?? null;
}

/** The reference's warnings of a text JSON.parse accepts (none otherwise). */
function textWarnings(input: string | Uint8Array): { instancePath: string; warning: string }[] {
  const text = typeof input === "string" ? input : Buffer.from(input).toString("utf8");
  try {
    JSON.parse(typeof input === "string" ? input : new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(input));
  } catch {
    return [];
  }
  return referenceWarnings(text);
}

/** The code is the protocol's (SEMANTICS.md, "Error codes"). */
function expectWellFormed(issue: ValidationIssue, protocol: Protocol = "ocpp1.6") {
  expect(issue.ocppErrorCode).toBe(OCPP_ERROR_CODES[protocol][issue.keyword]);
  expect(typeof issue.message).toBe("string");
  expect(issue.message.length).toBeGreaterThan(0);
  expect(issue.instancePath === "" || issue.instancePath.startsWith("/")).toBe(true);
}

describe.each(BACKENDS)("backend %s", (backend) => {
  const v = createValidator({ backend });
  const byProtocol = new Map<Protocol, AnyValidator>([["ocpp1.6", v as unknown as AnyValidator]]);
  /** One validator per protocol on this backend (1.6: `v`). */
  const validatorOf = (protocol: Protocol): AnyValidator => {
    let pv = byProtocol.get(protocol);
    if (!pv) byProtocol.set(protocol, (pv = createValidator({ backend, protocol }) as unknown as AnyValidator));
    return pv;
  };

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
        expectSameAsReference(v, bytes, c.errors, message, c.first, c.warnings);
        if (typeof c.data === "string") expectSameAsReference(v, c.data, c.errors, message, c.first, c.warnings);
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
        const first = referenceFirst(text, message);
        const warnings = textWarnings(text);
        expectSameAsReference(v, text, expected, message, first, warnings);
        expectSameAsReference(v, encoder.encode(text), expected, message, first, warnings);
      }), { numRuns: RUNS_PER_MESSAGE, seed: 11 });
    }, PROPERTY_TIMEOUT);

    it("matches the reference on mutated payloads and accepts every generated valid one", async () => {
      await fc.assert(property(mutatedTextArbFor(message), (text) => {
        expectSameAsReference(v, text, referenceValidate(text, { allErrors: true, message }).errors, message, referenceFirst(text, message), textWarnings(text));
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
      expectSameAsReference(v, text, referenceValidate(text, { allErrors: true }).errors, "StopTransaction", referenceFirst(text, "StopTransaction"), textWarnings(text));
    }), { numRuns: RUNS });
  }, PROPERTY_TIMEOUT);

  it("matches the reference on raw bytes, invalid UTF-8 included", async () => {
    await fc.assert(property(bytesArb, (bytes) => {
      expectSameAsReference(v, bytes, referenceValidate(bytes, { allErrors: true }).errors, "StopTransaction", referenceFirst(bytes, "StopTransaction"), textWarnings(bytes));
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

  describe("tolerances, warnings and messages", () => {
    const tolerateArb = fc.subarray([...TOLERANCES]) as fc.Arbitrary<Tolerance[]>;
    /** The js backend, loaded directly: what every other backend's words must equal. */
    const js = createValidatorFor(createJsBackend(), "StopTransaction");
    const jsBackend = createJsBackend();
    const jsOf = Object.fromEntries(PROTOCOLS.map((p) => [p, createValidatorFor(jsBackend, undefined, [], p)])) as unknown as Record<Protocol, AnyValidator>;

    it(`gives every diagnostics vector's exact result: messages, tolerated, warnings (${loadDiagnostics().length} cases)`, () => {
      const cases = loadDiagnostics();
      expect(cases.length).toBeGreaterThan(30);
      expect(new Set(cases.map((c) => c.protocol))).toEqual(new Set(PROTOCOLS));
      for (const c of cases) {
        const inputs = typeof c.data === "string" ? [c.data, ...(isWellFormed(c.data) ? [encoder.encode(c.data)] : [])] : [c.data];
        const v = validatorOf(c.protocol);
        for (const input of inputs) {
          const r = v.validate(input, { message: c.message as MessageName, allErrors: c.allErrors, tolerate: c.tolerate as Tolerance[] });
          const got = {
            valid: r.valid,
            errors: r.errors.map(({ instancePath, keyword, message }) => ({ instancePath, keyword, message })),
            tolerated: r.tolerated.map(({ instancePath, keyword, message, tolerance }) => ({ instancePath, keyword, message, tolerance })),
            warnings: r.warnings,
          };
          expect(got, `diagnostics ${c.name} (${typeof input})`).toEqual(c.expect);
          for (const i of [...r.errors, ...r.tolerated]) expectWellFormed(i, c.protocol);
          expect(v.isValid(input, { message: c.message as MessageName, tolerate: c.tolerate as Tolerance[] }), c.name).toBe(c.expect.valid);
        }
      }
    });

    /** One input under random tolerances against the reference with the same tolerances. */
    function expectTolerantReference(input: string | Uint8Array, message: MessageName, tolerate: Tolerance[]) {
      const all = referenceValidate(input, { message, allErrors: true, tolerate });
      const got = v.validate(input, { message, allErrors: true, tolerate });
      expect(got.valid).toBe(all.valid);
      expect(ordered(got.errors)).toEqual(ordered(all.errors));
      expect(triples(got.tolerated)).toEqual(triples(all.tolerated));
      const first = v.validate(input, { message, tolerate });
      expect(ordered(first.errors)).toEqual(ordered(all.errors.slice(0, 1)));
      expect(first.tolerated).toEqual(got.tolerated);
      expect(v.isValid(input, { message, tolerate })).toBe(all.valid);
      expect(Array.from(v.isValidBatch([input, input], { message, tolerate }))).toEqual(all.valid ? [1, 1] : [0, 0]);
      expect(warningPairs(got.warnings)).toEqual(warningPairs(textWarnings(input)));
      for (const t of got.tolerated) expect(tolerate).toContain(t.tolerance);
    }

    describe.each(MESSAGE_NAMES)("message %s", (message) => {
      it("matches the reference with random tolerances (verdict, issues in ajv's order, tolerated, first issue, warnings)", async () => {
        await fc.assert(property(payloadTextArbFor(message), tolerateArb, (text, tolerate) => {
          expectTolerantReference(text, message, tolerate);
          expectTolerantReference(encoder.encode(text), message, tolerate);
        }), { numRuns: RUNS_PER_MESSAGE, seed: 21 });
      }, PROPERTY_TIMEOUT);
    });

    it("matches the reference with random tolerances on mutated StopTransaction payloads and raw bytes", async () => {
      await fc.assert(property(fc.oneof(mutatedTextArb, bytesArb), tolerateArb, (input, tolerate) => {
        expectTolerantReference(input, "StopTransaction", tolerate);
      }), { numRuns: RUNS, seed: 22 });
    }, PROPERTY_TIMEOUT);

    it("tolerances apply to already-parsed values too, which have no warnings", async () => {
      await fc.assert(property(messagePayloadArb, tolerateArb, ({ message, text }, tolerate) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          return;
        }
        if (typeof value !== "object" || value === null) return;
        const want = referenceValidateValue(value, { message, allErrors: true, tolerate });
        const got = v.validate(value, { message: message as MessageName, allErrors: true, tolerate });
        expect([got.valid, ordered(got.errors), triples(got.tolerated), got.warnings]).toEqual([want.valid, ordered(want.errors), triples(want.tolerated), []]);
        expect(v.isValid(value, { message: message as MessageName, tolerate })).toBe(want.valid);
      }), { numRuns: RUNS, seed: 23 });
    }, PROPERTY_TIMEOUT);

    it("a validator's default tolerances apply to every call; a call's list replaces them; unknown names are TypeErrors", () => {
      const text = '{"transactionId":1.5,"timestamp":"2024-05-17T12:00:01","meterStop":1}';
      const tolerant = createValidator({ backend, tolerate: ["fractionalIntegers", "offsetlessTimestamps"] });
      expect(tolerant.tolerate).toEqual(["offsetlessTimestamps", "fractionalIntegers"]);
      expect(Object.isFrozen(tolerant.tolerate)).toBe(true);
      expect(v.tolerate).toEqual([]);
      expect(tolerant.isValid(text)).toBe(true);
      expect(tolerant.validate(text).tolerated.map((t) => t.tolerance)).toEqual(["offsetlessTimestamps", "fractionalIntegers"]);
      expect(tolerant.isValid(text, { tolerate: [] })).toBe(false);
      expect(tolerant.isValid(text, { tolerate: ["fractionalIntegers"] })).toBe(false);
      expect(tolerant.validate(text, { tolerate: [], allErrors: true })).toEqual(v.validate(text, { allErrors: true }));
      expect(Array.from(tolerant.isValidBatch([text, "{}"]))).toEqual([1, 0]);
      expect(tolerant.validate(JSON.parse(text) as object).valid).toBe(true);
      expect(v.isValid(text)).toBe(false);
      expect(v.isValid(text, { tolerate: TOLERANCES })).toBe(true);
      for (const call of [
        () => createValidator({ backend, tolerate: ["errata", "Errata" as Tolerance] }),
        () => v.isValid(text, { tolerate: ["nope" as Tolerance] }),
        () => v.validate(text, { tolerate: ["nope" as Tolerance] }),
        () => v.isValidBatch([text], { tolerate: ["nope" as Tolerance] }),
        () => v.validateFrame("[2,\"a\",\"Heartbeat\",{}]", { tolerate: ["nope" as Tolerance] }),
        () => v.isValid(text, { tolerate: "errata" as never }),
      ]) {
        expect(call).toThrow(TypeError);
        expect(call).toThrow(/errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties/);
      }
      expect(() => v.isValid(text, { tolerate: ["nope" as Tolerance] })).toThrow(/"nope"/);
    });

    it("a CALL valid only thanks to tolerances is valid, unanswered, and says what was tolerated", () => {
      const payload = '{"transactionId":1,"timestamp":"2024-05-17T12:00:01","meterStop":26008.333,"connectorId":1}';
      const frame = `[2,"t1","StopTransaction",${payload}]`;
      const strict = v.validateFrame(frame);
      expect([strict.valid, strict.callError?.errorCode]).toEqual([false, "FormationViolation"]);
      const r = v.validateFrame(frame, { tolerate: ["offsetlessTimestamps", "fractionalIntegers", "unknownProperties"] });
      expect([r.kind, r.valid, r.callError, r.errors]).toEqual(["call", true, null, []]);
      expect(triples(r.tolerated)).toEqual([" additionalProperties unknownProperties", "/meterStop type fractionalIntegers", "/timestamp format offsetlessTimestamps"]);
      const partly = v.validateFrame(frame, { tolerate: ["unknownProperties"], allErrors: false });
      expect([partly.valid, ordered(partly.errors), triples(partly.tolerated)]).toEqual([false, ["/meterStop type"], [" additionalProperties unknownProperties"]]);
      const result = v.validateFrame(`[3,"t1",{"idTagInfo":{"status":"Accepted","x":1}}]`, { responseTo: "StopTransaction", tolerate: ["unknownProperties"] });
      expect([result.valid, triples(result.tolerated)]).toEqual([true, ["/idTagInfo additionalProperties unknownProperties"]]);
      for (const f of [v.validateFrame('[4,"a","GenericError","",{"a":1,"a":2}]', { tolerate: TOLERANCES }), v.validateFrame("[5]", { tolerate: TOLERANCES })]) {
        expect([f.tolerated, f.warnings]).toEqual([[], []]);
      }
    });

    it("frames with tolerances: the payload's tolerated deviations and sorted issues are the reference's", async () => {
      const frameArb = fc.record({ message: fc.constantFrom(...MESSAGE_NAMES.filter((m) => (ACTIONS as readonly string[]).includes(m))) }).chain(({ message }) =>
        fc.record({ text: payloadTextArbFor(message), tolerate: tolerateArb, allErrors: fc.boolean() }).map((r) => ({ ...r, message })),
      );
      await fc.assert(property(frameArb, ({ message, text, tolerate, allErrors }) => {
        const got = v.validateFrame(`[3,"r",${text}]`, { responseTo: message as ActionName, tolerate, allErrors });
        if (got.kind !== "callresult") return;
        const want = referenceValidate(text, { message: `${message}Response`, allErrors: true, tolerate });
        const sorted = pairs(want.errors);
        expect([got.valid, pairs(got.errors), triples(got.tolerated)]).toEqual([want.valid, allErrors ? sorted : sorted.slice(0, 1), triples(want.tolerated)]);
      }), { numRuns: Math.ceil(RUNS / 5), seed: 24 });
      await fc.assert(property(messagePayloadArb, tolerateArb, ({ message, text }, tolerate) => {
        if (!(ACTIONS as readonly string[]).includes(message)) return;
        const got = v.validateFrame(`[2,"c",${JSON.stringify(message)},${text}]`, { tolerate, allErrors: true });
        if (got.kind !== "call" || got.callError?.errorCode === "NotSupported") return;
        const want = referenceValidate(text, { message, allErrors: true, tolerate });
        expect([got.valid, pairs(got.errors), triples(got.tolerated)]).toEqual([want.valid, pairs(want.errors), triples(want.tolerated)]);
        expect(warningPairs(got.warnings)).toEqual(warningPairs(textWarnings(text)));
      }), { numRuns: Math.ceil(RUNS / 5), seed: 25 });
    }, PROPERTY_TIMEOUT);

    /**
     * The whole result, message texts included, equals the js backend's: this is what catches a
     * wording difference between the Rust core and the TypeScript port. Strings are made
     * well-formed first: a raw lone surrogate has no UTF-8 form, so the cores read U+FFFD for it
     * and SEMANTICS.md defines no common answer.
     */
    function expectSameAsJs(input: JsonInput, message: string, tolerate: Tolerance[], protocol: Protocol = "ocpp1.6") {
      const v = validatorOf(protocol);
      const js = jsOf[protocol];
      const text = typeof input === "string" ? input.toWellFormed() : input;
      for (const allErrors of [true, false]) {
        const options = { message, allErrors, tolerate };
        expect(v.validate(text, options) satisfies ValidationResult).toEqual(js.validate(text, options));
      }
      expect(v.isValid(text, { message, tolerate })).toBe(js.isValid(text, { message, tolerate }));
    }

    it("says exactly what the js backend says on every vector of every protocol, with and without tolerances", () => {
      for (const c of loadVectors()) {
        expectSameAsJs(c.data, c.message, [], c.protocol);
        expectSameAsJs(c.data, c.message, [...TOLERANCES], c.protocol);
        if (typeof c.data === "string") expectSameAsJs(encoder.encode(c.data.toWellFormed()), c.message, [], c.protocol);
      }
      for (const c of loadDiagnostics()) expectSameAsJs(c.data, c.message, c.tolerate as Tolerance[], c.protocol);
      for (const c of loadFrameVectors()) {
        const responseTo = (c.responseTo ?? undefined) as never;
        const data = typeof c.data === "string" ? c.data.toWellFormed() : c.data;
        const [pv, pjs] = [validatorOf(c.protocol), jsOf[c.protocol]];
        for (const allErrors of [true, false]) {
          for (const tolerate of [[], [...TOLERANCES]] as Tolerance[][]) {
            expect(pv.validateFrame(data, { allErrors, responseTo, tolerate }), c.name).toEqual(pjs.validateFrame(data, { allErrors, responseTo, tolerate }));
          }
        }
      }
    });

    it("says exactly what the js backend says on generated payloads of every message and raw bytes, with random tolerances", async () => {
      await fc.assert(property(messagePayloadArb, tolerateArb, fc.boolean(), ({ message, text }, tolerate, asBytes) => {
        const input = asBytes ? encoder.encode(text.toWellFormed()) : text;
        expectSameAsJs(input, message as MessageName, tolerate);
      }), { numRuns: RUNS, seed: 26 });
      await fc.assert(property(fc.oneof(mutatedTextArb, bytesArb), tolerateArb, (input, tolerate) => {
        expectSameAsJs(input, "StopTransaction", tolerate);
      }), { numRuns: RUNS, seed: 27 });
      await fc.assert(property(messagePayloadArb, tolerateArb, fc.boolean(), ({ message, text }, tolerate, allErrors) => {
        const frame = (ACTIONS as readonly string[]).includes(message) ? `[2,"x",${JSON.stringify(message)},${text}]` : `[3,"x",${text}]`;
        const responseTo = message.endsWith("Response") ? (message.slice(0, -"Response".length) as ActionName) : undefined;
        const options = { allErrors, responseTo, tolerate };
        expect(v.validateFrame(frame.toWellFormed(), options)).toEqual(js.validateFrame(frame.toWellFormed(), options));
      }), { numRuns: Math.ceil(RUNS / 5), seed: 28 });
    }, PROPERTY_TIMEOUT);

    it("warnings: exact paths and messages, anywhere in the text, at any depth", () => {
      const deep = `{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1,"x":${"[".repeat(100_000)}9007199254740993${"]".repeat(100_000)}}`;
      const r = v.validate(deep, { allErrors: true });
      expect(r.warnings.map((w) => [w.warning, w.instancePath.length, w.message])).toEqual([
        ["unsafeInteger", "/x".length + "/0".repeat(100_000).length, "9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992"],
      ]);
      const long = `[${"1".repeat(400)}]`;
      expect(v.validate(long).warnings).toEqual([
        { instancePath: "/0", warning: "unsafeInteger", message: `${"1".repeat(40)}… is beyond ±(2^53-1): JSON.parse reads it as Infinity` },
      ]);
      expect(v.validate('{"a~/b":{"\\ud83d":[-9007199254740992],"k":1,"\\u006b":"\\udc00"}}').warnings).toEqual([
        { instancePath: "/a~0~1b/\ufffd", warning: "loneSurrogate", message: "lone surrogate \\ud83d: not a Unicode character; UTF-8 encoders replace it with U+FFFD" },
        { instancePath: "/a~0~1b/\ufffd/0", warning: "unsafeInteger", message: "-9007199254740992 is beyond ±(2^53-1): JSON.parse reads it as -9007199254740992" },
        { instancePath: "/a~0~1b/k", warning: "duplicateKey", message: 'duplicate key "k": JSON.parse keeps only the last value' },
        { instancePath: "/a~0~1b/k", warning: "loneSurrogate", message: "lone surrogate \\udc00: not a Unicode character; UTF-8 encoders replace it with U+FFFD" },
      ]);
      // the valid neighbours of each kind: no warning
      expect(v.validate('[9007199254740991,-9007199254740991,1e400,12345678901234567.5,"\\ud83d\\ude00","\\\\ud800",{"a":1,"b":{"a":2}}]').warnings).toEqual([]);
      expect(v.isValid('{"transactionId":9007199254740993,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}')).toBe(true);
      expect(v.validate("[9007199254740993,").warnings).toEqual([]);
    });

    it("an enum issue suggests the allowed value nearest overall, only when that one is near enough (SEMANTICS.md, Messages)", () => {
      const enumMessage = (value: string) =>
        v.validate(JSON.stringify({ chargingProfilePurpose: value }), { message: "ClearChargingProfile" }).errors[0]?.message;
      expect(enumMessage("TxProfle")).toBe('"TxProfle" is not one of the 3 allowed values; did you mean "TxProfile"?');
      expect(enumMessage("txdefaultprofile")).toBe('"txdefaultprofile" is not one of the 3 allowed values; did you mean "TxDefaultProfile"?');
      // nearest is TxProfile (4 edits, more than its 9 / 3); TxDefaultProfile (5 edits, within its 16 / 3) is not the nearest
      expect(enumMessage("TxDflProfileb")).toBe('"TxDflProfileb" is not one of the 3 allowed values');
      expect(enumMessage("")).toBe('"" is not one of the 3 allowed values');
      expect(enumMessage("x".repeat(65))).toBe(`"${"x".repeat(40)}…" is not one of the 3 allowed values`);
      expect(enumMessage(`${"x".repeat(39)}\u{1F600}`)).toBe(`"${"x".repeat(39)}…" is not one of the 3 allowed values`);
    });

    it("the uniqueId of a CALL is echoed when it is a number or can be read from a broken frame", () => {
      const answer = (frame: string) => JSON.parse(v.validateFrame(frame).callError!.frame)[1] as string;
      expect(answer('[2,1234,"Heartbeat",{}]')).toBe("1234");
      expect(answer('[2, -1.5e3 ,"Heartbeat",{}]')).toBe("-1.5e3");
      expect(answer(`[2,${"1".repeat(37)},"Heartbeat",{}]`)).toBe("-1");
      expect(answer('[2,null,"Heartbeat",{}]')).toBe("-1");
      expect(answer('[2,"abc","Heartbeat",{')).toBe("abc");
      expect(answer(' [ 2 , "a\\u0062c" , "Heartbeat"')).toBe("abc");
      expect(answer('[2,"abc')).toBe("-1");
      expect(answer(`[2,"${"x".repeat(37)}","Heartbeat",{`)).toBe("-1");
      expect(v.validateFrame('[2,"abc","Heartbeat",{').uniqueId).toBe("abc");
      expect(v.validateFrame("[2,{").uniqueId).toBeNull();
    });
  });

  describe("isValidBatchAsync", () => {
    const messages = [...new Set(vectors.map((c) => c.message))] as MessageName[];
    /** Every vector of a message, strings and bytes mixed, repeated until the batch is at least `bytes` long. */
    const batchOf = (message: MessageName, bytes: number): JsonInput[] => {
      const cases = vectors.filter((c) => c.message === message);
      const inputs: JsonInput[] = [];
      for (let size = 0, i = 0; size < bytes || i < cases.length; i++) {
        const c = cases[i % cases.length]!;
        const input = typeof c.data === "string" && i % 2 === 0 ? c.data : typeof c.data === "string" ? Buffer.from(c.data) : c.data;
        inputs.push(input);
        size += input.length + 16;
      }
      return inputs;
    };

    it("gives exactly isValidBatch's verdicts on the shared vectors, small batches and large, for every message", async () => {
      for (const message of messages) {
        const small = batchOf(message, 0);
        expect(Array.from(await v.isValidBatchAsync(small, { message })), message).toEqual(Array.from(v.isValidBatch(small, { message })));
      }
      // Past the inline limit and the native per-thread cut: the batch is split across threads or workers.
      for (const message of ["StopTransaction", "MeterValues", "BootNotification", "StatusNotificationResponse"] as MessageName[]) {
        const large = batchOf(message, 3 << 20);
        const verdicts = await v.isValidBatchAsync(large, { message });
        expect(verdicts).toBeInstanceOf(Uint8Array);
        expect(verdicts.length).toBe(large.length);
        expect(Array.from(verdicts).join(""), message).toBe(Array.from(v.isValidBatch(large, { message })).join(""));
      }
      expect((await v.isValidBatchAsync([])).length).toBe(0);
    }, PROPERTY_TIMEOUT);

    it("applies the call's tolerances and the validator's default, as isValidBatch does", async () => {
      const tolerant = createValidator({ backend, tolerate: [...TOLERANCES] });
      const large = batchOf("StopTransaction", 1 << 20);
      for (const [validator, options] of [[v, { tolerate: [...TOLERANCES] }], [tolerant, {}], [tolerant, { tolerate: [] }]] as const) {
        expect(Array.from(await validator.isValidBatchAsync(large, options)).join("")).toBe(Array.from(validator.isValidBatch(large, options)).join(""));
      }
      expect(Array.from(await v.isValidBatchAsync(large, { tolerate: [...TOLERANCES] })).join("")).not.toBe(Array.from(v.isValidBatch(large)).join(""));
    }, PROPERTY_TIMEOUT);

    it("many batches in flight at once each get their own verdicts, in order", async () => {
      const batches = messages.slice(0, 12).map((message, i) => ({ message, inputs: batchOf(message, i % 3 === 0 ? 200_000 : 0) }));
      const answers = await Promise.all(batches.map((b) => v.isValidBatchAsync(b.inputs, { message: b.message })));
      answers.forEach((a, i) => expect(Array.from(a).join(""), batches[i]!.message).toBe(Array.from(v.isValidBatch(batches[i]!.inputs, { message: batches[i]!.message })).join("")));
    }, PROPERTY_TIMEOUT);

    it("reads the bytes before it returns: a Buffer changed afterwards keeps its verdict", async () => {
      const ok = Buffer.from('{"transactionId":1,"timestamp":"2024-01-01T00:00:00Z","meterStop":5}');
      const inputs = Array.from({ length: 40_000 }, () => Buffer.from(ok));
      const pending = v.isValidBatchAsync(inputs);
      for (const b of inputs) b.fill(0x78);
      expect(v.isValid(inputs[0]!)).toBe(false);
      const verdicts = await pending;
      expect(verdicts.length).toBe(inputs.length);
      expect(verdicts.every((x) => x === 1)).toBe(true);
    }, PROPERTY_TIMEOUT);

    it("an element whose getter detaches an earlier input's bytes: one verdict per input, no crash", async () => {
      const ok = '{"transactionId":1,"timestamp":"2024-01-01T00:00:00Z","meterStop":5}';
      const first = new Uint8Array(Buffer.from(ok));
      const inputs: JsonInput[] = [first, ok];
      // Reading index 1 transfers index 0's ArrayBuffer away, so its view is detached (length 0).
      Object.defineProperty(inputs, 1, {
        get() {
          if (first.byteLength > 0) structuredClone(first.buffer, { transfer: [first.buffer] });
          return ok;
        },
      });
      const verdicts = await v.isValidBatchAsync(inputs);
      expect(first.byteLength).toBe(0);
      expect(verdicts.length).toBe(2);
      expect(verdicts[1]).toBe(1);
      expect([0, 1]).toContain(verdicts[0]);
    }, PROPERTY_TIMEOUT);

    it("a bad argument is a rejected promise with isValidBatch's TypeError, never a throw", async () => {
      for (const call of [() => v.isValidBatchAsync("{}" as never), () => v.isValidBatchAsync(["{}", 5 as never]), () => v.isValidBatchAsync(["{}"], { message: "Nope" as never }), () => v.isValidBatchAsync(["{}"], { tolerate: ["nope" as Tolerance] })]) {
        let promise: Promise<Uint8Array> | undefined;
        expect(() => (promise = call())).not.toThrow();
        await expect(promise).rejects.toThrow(TypeError);
      }
      await expect(v.isValidBatchAsync(["{}", 5 as never])).rejects.toThrow(/index 1/);
    });

    it("close() ends the pool; the next batch starts a new one", async () => {
      const large = batchOf("StopTransaction", 1 << 20);
      const expected = Array.from(v.isValidBatch(large)).join("");
      expect(Array.from(await v.isValidBatchAsync(large)).join("")).toBe(expected);
      await v.close();
      await v.close();
      expect(Array.from(await v.isValidBatchAsync(large)).join("")).toBe(expected);
      await v.close();
    }, PROPERTY_TIMEOUT);
  });

  // The pool behind the wasm and js backends' isValidBatchAsync: failures reject (never hang), the
  // pool recovers, and an idle pool never keeps a process alive. Native has no pool (libuv's threads
  // run its batches), so the suite is not defined for it rather than reported as skipped.
  const describePool: (name: string, suite: () => void) => void = backend === "native" ? () => undefined : describe;
  describePool("worker pool", () => {
    const ok = '{"transactionId":1,"timestamp":"2024-01-01T00:00:00Z","meterStop":5}';
    /** Large enough to go to the workers, not the inline path. */
    const large = Array.from({ length: Math.ceil((4 * INLINE_MAX_BYTES) / ok.length) }, (_, i) => (i % 3 === 0 ? "{}" : i % 2 ? ok : Buffer.from(ok)));
    const stopTransaction = MESSAGE_NAMES.indexOf("StopTransaction");

    it("a worker that fails while loading rejects the batch, and the pool then has no worker left", async () => {
      const pool = new WorkerPool(`${backend}-nope`, 1);
      await expect(pool.run(large, stopTransaction, 0)).rejects.toThrow(/no backend named/);
      expect(pool.running).toBe(0);
      await pool.close();
    });

    it("an error inside a worker's backend rejects that batch only; the same workers answer the next", async () => {
      const pool = new WorkerPool(backend, 2);
      await expect(pool.run(large, 10_000, 0)).rejects.toThrow(/a batch worker failed/);
      const verdicts = await pool.run(large, stopTransaction, 0);
      expect(Array.from(verdicts).join("")).toBe(Array.from(v.isValidBatch(large)).join(""));
      await pool.close();
      expect(pool.running).toBe(0);
    });

    it("close() while a batch is in flight rejects it", async () => {
      const pool = new WorkerPool(backend, 2);
      const rejected = expect(pool.run(large, stopTransaction, 0)).rejects.toThrow(/closed/);
      await pool.close();
      await rejected;
    });

    it("an idle pool does not keep the process alive; a pending batch does, until it is answered", async () => {
      const script = `
        import { createValidator } from "ocpp-validate";
        const inputs = Array.from({ length: 20000 }, (_, i) => (i % 2 ? ${JSON.stringify(ok)} : "{}"));
        createValidator({ backend: ${JSON.stringify(backend)} }).isValidBatchAsync(inputs).then((r) => console.log(r.length, r.reduce((a, b) => a + b, 0)));`;
      // No close(): the process ends on its own once the batch is answered; a hang is caught by the
      // suite's hang limit, not by a time budget here. Run with --input-type, which the workers must
      // not inherit.
      const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
      expect(stdout.trim()).toBe("20000 10000");
    });
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

  // OCPP 2.0.1 and 2.1: the same contract per protocol (global message indexes cross the boundary,
  // the protocol index goes with every frame, codes and descriptions are the protocol's).
  describe.each(["ocpp2.0.1", "ocpp2.1"] as const)("protocol %s", (protocol) => {
    const pv = validatorOf(protocol);
    const names: readonly string[] = protocol === "ocpp2.0.1" ? MESSAGE_NAMES_201 : MESSAGE_NAMES_21;
    const cases = loadVectors({ protocol });
    const frames = loadFrameVectors({ protocol });
    const tolerateArb = fc.subarray([...TOLERANCES]) as fc.Arbitrary<Tolerance[]>;

    /** One input against the reference of the protocol (strict when `tolerate` is empty): verdict, issues in ajv's order, codes, first issue, tolerated, warnings, batch. */
    function expectReference(input: string | Uint8Array, message: string, tolerate: Tolerance[] = []) {
      const all = referenceValidate(input, { protocol, message, allErrors: true, tolerate });
      const got = pv.validate(input, { message, allErrors: true, tolerate });
      expect(got.valid).toBe(all.valid);
      expect(ordered(got.errors)).toEqual(ordered(all.errors));
      expect(triples(got.tolerated)).toEqual(triples(all.tolerated));
      for (const issue of [...got.errors, ...got.tolerated]) expectWellFormed(issue, protocol);
      const first = pv.validate(input, { message, tolerate });
      expect(ordered(first.errors)).toEqual(ordered(all.errors.slice(0, 1)));
      expect(first.tolerated).toEqual(got.tolerated);
      expect(warningPairs(got.warnings)).toEqual(warningPairs(textWarnings(input)));
      expect(first.warnings).toEqual(got.warnings);
      expect(pv.isValid(input, { message, tolerate })).toBe(all.valid);
      expect(Array.from(pv.isValidBatch([input, input], { message, tolerate }))).toEqual(all.valid ? [1, 1] : [0, 0]);
    }

    it("the validator's protocol and default message, names of the protocol only", () => {
      expect([pv.protocol, pv.message, pv.backend]).toEqual([protocol, "TransactionEventRequest", backend]);
      expect(createValidator({ backend, protocol, message: "HeartbeatRequest" }).isValid("{}")).toBe(true);
      expect(pv.isValid("{}", { message: "HeartbeatRequest" })).toBe(true);
      expect(pv.isValid("{}")).toBe(false);
      for (const call of [
        () => pv.isValid("{}", { message: "Heartbeat" as never }),
        () => pv.validate("{}", { message: "Nope" as never }),
        () => pv.isValidBatch(["{}"], { message: "Heartbeat" as never }),
        () => createValidator({ backend, protocol, message: "StopTransaction" as never }),
        () => pv.validateFrame('[3,"a",{}]', { responseTo: "HeartbeatRequest" as never }),
      ]) {
        expect(call).toThrow(TypeError);
        expect(call).toThrow(new RegExp(`in ${protocol.replace(".", "\\.")}.*BootNotification.*TransactionEvent`));
      }
      // a 2.x name on a 1.6 validator says where it belongs
      expect(() => v.isValid("{}", { message: "HeartbeatRequest" as never })).toThrow(/"HeartbeatRequest" is an ocpp2\.0\.1 and ocpp2\.1 name/);
      expect(() => createValidator({ backend, protocol: "ocpp2.0" as never })).toThrow(TypeError);
      expect(() => createValidator({ backend, protocol: "ocpp2.0" as never })).toThrow(/unknown protocol "ocpp2\.0"; the protocols are: ocpp1\.6, ocpp2\.0\.1, ocpp2\.1/);
      // the same name in two protocols is two messages: 1.6's BootNotificationResponse is not 2.0.1's
      const boot16 = '{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z","interval":300}';
      expect(v.isValid(boot16, { message: "BootNotificationResponse" })).toBe(true);
      expect(pv.isValid(boot16, { message: "BootNotificationResponse" })).toBe(true);
      expect(pv.isValid('{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z","interval":300,"statusInfo":{"reasonCode":"x"}}', { message: "BootNotificationResponse" })).toBe(true);
      expect(v.isValid('{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z","interval":300,"statusInfo":{"reasonCode":"x"}}', { message: "BootNotificationResponse" })).toBe(false);
    });

    it(`agrees with every ${protocol} vector as string and as bytes (${cases.length} cases)`, () => {
      expect(cases.length).toBeGreaterThan(100);
      expect(new Set(cases.map((c) => c.message))).toEqual(new Set(names));
      for (const c of cases) {
        const bytes = typeof c.data === "string" ? encoder.encode(c.data) : c.data;
        try {
          expectSameAsReference(pv, bytes, c.errors, c.message, c.first, c.warnings);
          if (typeof c.data === "string") expectSameAsReference(pv, c.data, c.errors, c.message, c.first, c.warnings);
        } catch (error) {
          throw new Error(`vector ${c.file} / ${c.name}: ${(error as Error).message}`);
        }
      }
    });

    it("batch and async batch give one verdict per input, in order, for every message", async () => {
      for (const message of names) {
        const own = cases.filter((c) => c.message === message);
        const inputs = own.map((c, i) => (typeof c.data === "string" && i % 2 === 0 ? c.data : typeof c.data === "string" ? encoder.encode(c.data) : c.data));
        const want = own.map((c) => (c.valid ? 1 : 0));
        expect(Array.from(pv.isValidBatch(inputs, { message })), message).toEqual(want);
        expect(Array.from(await pv.isValidBatchAsync(inputs, { message })), message).toEqual(want);
      }
      // past the inline limit: the global message index crosses to the workers (native: libuv's threads)
      const own = cases.filter((c) => c.message === "TransactionEventRequest");
      const large: JsonInput[] = [];
      for (let size = 0, i = 0; size < 1 << 20; i++) {
        const c = own[i % own.length]!;
        const input = typeof c.data === "string" && i % 2 ? Buffer.from(c.data) : c.data;
        large.push(input);
        size += input.length + 16;
      }
      const verdicts = await pv.isValidBatchAsync(large);
      expect(Array.from(verdicts).join("")).toBe(Array.from(pv.isValidBatch(large)).join(""));
      expect(verdicts.some((x) => x === 1) && verdicts.some((x) => x === 0)).toBe(true);
    }, PROPERTY_TIMEOUT);

    it(`validates every ${protocol} frame vector like the reference, as string and bytes (${frames.length} cases)`, () => {
      expect(frames.length).toBeGreaterThan(20);
      for (const c of frames) {
        const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
        for (const input of inputs) {
          const responseTo = (c.responseTo ?? undefined) as never;
          try {
            expectFrame(pv.validateFrame(input, { allErrors: true, responseTo }), c.expected, input);
            expectFrame(pv.validateFrame(input, { responseTo }), c.expectedFirst, input);
          } catch (error) {
            throw new Error(`frame vector ${c.name} (${typeof input}): ${(error as Error).message}`);
          }
        }
      }
    });

    it("matches the frame reference on generated frames of the protocol (string and bytes, truncated and byte-mutated)", async () => {
      await fc.assert(property(frameArbOf(protocol), fc.boolean(), ({ text, responseTo }, allErrors) => {
        const options = { allErrors, responseTo: (responseTo ?? undefined) as never };
        const want = referenceValidateFrame(text, { allErrors, responseTo, protocol });
        expectFrame(pv.validateFrame(text, options), want, text);
        const bytes = encoder.encode(text);
        expectFrame(pv.validateFrame(bytes, options), want, bytes);
      }), { numRuns: Math.ceil(RUNS / 5), seed: 31 });
      await fc.assert(property(frameArbOf(protocol), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), ({ text }, cut, at, byte) => {
        const bytes = encoder.encode(text);
        bytes[at % bytes.length] = byte;
        const input = bytes.subarray(0, cut % (bytes.length + 1));
        expectFrame(pv.validateFrame(input, { allErrors: true }), referenceValidateFrame(input, { allErrors: true, protocol }), input);
      }), { numRuns: Math.ceil(RUNS / 10), seed: 32 });
    }, PROPERTY_TIMEOUT);

    it("frames answer in the protocol's codes and words", () => {
      const version = protocol.slice(4);
      const answer = (frame: string) => pv.validateFrame(frame).callError;
      expect(answer("{}")?.errorCode).toBe("RpcFrameworkError");
      expect(answer("[9,\"a\"]")?.errorCode).toBe("MessageTypeNotSupported");
      expect(answer("[2,")?.errorCode).toBe("FormatViolation");
      expect(answer('[2,"a","Foo",{}]')).toMatchObject({ errorCode: "NotImplemented", errorDescription: `Action is not an OCPP ${version} action` });
      expect(answer('[2,"a","Reset",{"type":"Immediate"}]')).toMatchObject({ errorCode: "NotSupported", errorDescription: "Reset is sent by a CSMS, not to it" });
      expect(answer('[2,"a","Heartbeat",{"x":1}]')?.errorCode).toBe("ProtocolError");
      expect(answer('[2,"a","Heartbeat",{"x":1}]')?.errorDescription).toMatch(/^Payload is not a valid HeartbeatRequest: /);
      expect(answer('[2,"a","BootNotification",{"reason":"PowerUp"}]')?.errorCode).toBe("OccurrenceConstraintViolation");
      expect(answer('[2,"a","Heartbeat",{}]')).toBeNull();
      // a CALLRESULT is checked against the protocol's <Action>Response
      const result = pv.validateFrame('[3,"a",{"currentTime":"2024-05-17T14:32:05Z","customData":{"vendorId":"v","deep":[[[{}]]]}}]', { responseTo: "Heartbeat" });
      expect([result.kind, result.valid]).toEqual(["callresult", true]);
      expect(pv.validateFrame('[3,"a",{}]', { responseTo: "Heartbeat" }).errors.map((e) => [e.keyword, e.ocppErrorCode])).toEqual([["required", "OccurrenceConstraintViolation"]]);
      if (protocol === "ocpp2.1") {
        const send = pv.validateFrame('[6,"s","NotifyPeriodicEventStream",{}]', { allErrors: true });
        expect([send.kind, send.valid, send.callError, send.action]).toEqual(["send", false, null, "NotifyPeriodicEventStream"]);
        const unknown = pv.validateFrame('[6,"s","Foo",{}]');
        expect([unknown.kind, unknown.valid, unknown.callError, unknown.errors]).toEqual(["send", false, null, []]);
        const cre = pv.validateFrame('[5,"r","GenericError","",{}]');
        expect([cre.kind, cre.valid, cre.callError]).toEqual(["callresulterror", true, null]);
        expect(() => pv.validateFrame('[3,"a",{}]', { responseTo: "NotifyPeriodicEventStream" as never })).toThrow(/has no response/);
      } else {
        expect(answer('[6,"s","NotifyEvent",{}]')?.errorCode).toBe("MessageTypeNotSupported");
      }
      // 1.6 on the same backend is unchanged
      expect(v.validateFrame("{}").callError?.errorCode).toBe("ProtocolError");
      expect(v.validateFrame('[2,"a","Heartbeat",{"x":1}]').callError?.errorCode).toBe("FormationViolation");
    });

    it("open customData members and untyped data of any depth, in bounded memory", () => {
      const deep = "[".repeat(100_000) + "]".repeat(100_000);
      const heartbeat = `{"customData":{"vendorId":"v","x":${deep},"y":{"z":${deep}}}}`;
      expect(pv.isValid(heartbeat, { message: "HeartbeatRequest" })).toBe(true);
      expect(pv.validate(encoder.encode(heartbeat), { message: "HeartbeatRequest", allErrors: true }).errors).toEqual([]);
      const data = `{"vendorId":"v","data":{"a":${deep}}}`;
      expect(pv.isValid(data, { message: "DataTransferRequest" })).toBe(true);
      expect(pv.validate(`{"customData":{"x":${deep}}}`, { message: "HeartbeatRequest", allErrors: true }).errors.map((e) => [e.instancePath, e.keyword])).toEqual([["/customData", "required"]]);
      expect(pv.validate(`{"customData":{"vendorId":"v","x":${"[".repeat(100_000)}}}`, { message: "HeartbeatRequest" }).errors.map((e) => [e.keyword, e.ocppErrorCode])).toEqual([["parse", "FormatViolation"]]);
    });

    it("says exactly what the js backend says on generated payloads and frames, with random tolerances", async () => {
      const js = createValidatorFor(createJsBackend(), undefined, [], protocol) as unknown as AnyValidator;
      await fc.assert(property(messagePayloadArbOf(protocol), tolerateArb, fc.boolean(), fc.boolean(), ({ message, text }, tolerate, asBytes, allErrors) => {
        const input = asBytes ? encoder.encode(text.toWellFormed()) : text.toWellFormed();
        expect(pv.validate(input, { message, allErrors, tolerate })).toEqual(js.validate(input, { message, allErrors, tolerate }));
      }), { numRuns: Math.ceil(RUNS / 5), seed: 33 });
      await fc.assert(property(frameArbOf(protocol), tolerateArb, fc.boolean(), ({ text, responseTo }, tolerate, allErrors) => {
        const options = { allErrors, tolerate, responseTo: (responseTo ?? undefined) as never };
        expect(pv.validateFrame(text.toWellFormed(), options)).toEqual(js.validateFrame(text.toWellFormed(), options));
      }), { numRuns: Math.ceil(RUNS / 5), seed: 34 });
    }, PROPERTY_TIMEOUT);

    // The bounded differential of every message: texts and their bytes (invalid sequences, BOM,
    // cuts) strict and with random tolerances, and already-parsed valid values.
    describe.each(names)("message %s", (message) => {
      it("matches the reference (texts and bytes, strict and tolerant, parsed values)", async () => {
        await fc.assert(property(inputArbOf(protocol, message), fc.option(tolerateArb, { freq: 3 }), (input, tolerate) => {
          expectReference(input, message, tolerate ?? []);
        }), { numRuns: RUNS_PER_2X_MESSAGE, seed: 35 });
        await fc.assert(property(validValueArbFor(message, protocol), (value) => {
          expectSameAsReference(pv, value as object, [], message);
        }), { numRuns: Math.ceil(RUNS_PER_2X_MESSAGE / 4), seed: 36 });
      }, PROPERTY_TIMEOUT);
    });
  });
});
