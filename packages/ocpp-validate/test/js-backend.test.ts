// The js backend against the reference: every shared vector, fast-check differentials for every one
// of the 56 messages (verdict, allErrors issue list, first issue), frames, and its helpers.
// Correctness tests: fixed seeds and run counts, generous timeouts (never a time limit on runs).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createJsBackend, isValidValue, validateValue, syntaxError, isMultipleOf } from "../src/js/index.js";
import { isDateTime, isDateTimeReference, ucs2length } from "../src/js/date-time.js";
import { validateEquals } from "../src/js/generated/validate-equals.js";
import { equals } from "../src/js/generated/equals.js";
import { SCHEMAS } from "../src/js/types.generated.js";
import { ACTIONS, CHARGE_POINT_ACTIONS, MESSAGE_NAMES, RESPONSE_NAMES } from "../src/messages.generated.js";
import {
  OCPP_ERROR_CODE,
  MESSAGE_NAMES as REFERENCE_MESSAGE_NAMES,
  referenceValidate,
  referenceValidateValue,
  issueMultiset,
  createAjv,
  isDecimalMultiple,
  schemaFor,
} from "@ocpp-validate/test-vectors/reference";
import { referenceValidateFrame, type FrameResult } from "@ocpp-validate/test-vectors/frame-reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadVectors, loadFrameVectors } from "@ocpp-validate/test-vectors/vectors";
import {
  validPayloadArb,
  validValueArb,
  mutatedTextArb,
  bytesArb,
  dateTimeArb,
  payloadTextArbFor,
  validValueArbFor,
} from "@ocpp-validate/test-vectors/arbitraries";
import type { FrameValidationResult, ValidationIssue } from "../src/types.js";

type Pair = { instancePath: string; keyword: string };
const backend = createJsBackend();
const encoder = new TextEncoder();
const key = (e: Pair) => `${e.instancePath}\u0000${e.keyword}`;
const pairs = (issues: readonly Pair[]): Pair[] => issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }));
const multiset = (issues: readonly Pair[]): Pair[] => issueMultiset(issues);
const indexOf = (message: string): number => {
  const i = (MESSAGE_NAMES as readonly string[]).indexOf(message);
  if (i < 0) throw new Error(`unknown message ${message}`);
  return i;
};
/** Correctness tests never depend on machine speed: a generous explicit timeout, fixed run counts. */
const TIMEOUT = 600_000;

function checkShape(issues: ValidationIssue[]): void {
  for (const e of issues) {
    expect(typeof e.message).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.ocppErrorCode).toBe(OCPP_ERROR_CODE[e.keyword]);
  }
}

/**
 * The js backend on one text against the reference: verdict, the allErrors issue list in ajv's own
 * order, and without allErrors exactly ajv's first issue.
 */
function checkInput(input: string | Uint8Array, message = "StopTransaction"): void {
  const m = indexOf(message);
  const all = referenceValidate(input, { message, allErrors: true });
  expect(backend.isValid(input, m, 0)).toBe(all.valid);
  const got = backend.validate(input, m, true, 0).errors;
  expect(pairs(got)).toEqual(pairs(all.errors));
  checkShape(got);
  const one = backend.validate(input, m, false, 0).errors;
  if (all.valid) expect(one).toEqual([]);
  else {
    const first = referenceValidate(input, { message, allErrors: false });
    expect(pairs(one)).toEqual(pairs(first.errors.slice(0, 1)));
    checkShape(one);
  }
}

/** The object path (any JS value, not only what JSON.parse makes) against the reference. */
function checkValue(value: unknown, message = "StopTransaction"): void {
  const m = indexOf(message);
  const all = referenceValidateValue(value, { message, allErrors: true });
  expect(isValidValue(value, m)).toBe(all.valid);
  expect(pairs(validateValue(value, m, true).errors)).toEqual(pairs(all.errors));
  const one = validateValue(value, m, false).errors;
  if (all.valid) expect(one).toEqual([]);
  else expect(pairs(one)).toEqual(pairs(referenceValidateValue(value, { message, allErrors: false }).errors.slice(0, 1)));
  // typia's own validateEquals agrees on the verdict (it is not rewritten like equals.ts, so it lets
  // unknown keys holding undefined through: compare only values without undefined)
  if (!hasUndefined(value)) expect(validateEquals[m]!(value).success).toBe(all.valid);
}

function hasUndefined(v: unknown): boolean {
  if (v === undefined) return true;
  if (v === null || typeof v !== "object") return false;
  return Object.values(v).some(hasUndefined);
}

describe("js backend: tables", () => {
  it("has one validator and one walker table per message, in the reference's order", () => {
    expect([...MESSAGE_NAMES]).toEqual([...REFERENCE_MESSAGE_NAMES]);
    expect(MESSAGE_NAMES.length).toBe(56);
    expect(backend.messageNames()).toEqual(MESSAGE_NAMES);
    expect(equals.length).toBe(56);
    expect(validateEquals.length).toBe(56);
    expect(SCHEMAS.length).toBe(56);
    expect(ACTIONS.length).toBe(28);
    expect(RESPONSE_NAMES).toEqual(ACTIONS.map((a) => `${a}Response`));
    expect(CHARGE_POINT_ACTIONS.length).toBe(10);
    expect(MESSAGE_NAMES[indexOf("StopTransaction")]).toBe("StopTransaction");
  });
  it("rejects message indices that name no message", () => {
    for (const bad of [-1, 56, 1.5, NaN]) {
      expect(() => backend.isValid("{}", bad, 0)).toThrow(RangeError);
      expect(() => backend.validate("{}", bad, true, 0)).toThrow(RangeError);
      expect(() => backend.isValidBatch(["{}"], bad, 0)).toThrow(RangeError);
      expect(() => isValidValue({}, bad)).toThrow(RangeError);
      expect(() => validateValue({}, bad, false)).toThrow(RangeError);
    }
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, indexOf("BootNotificationResponse"), 0)).toThrow(RangeError);
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, 56, 0)).toThrow(RangeError);
  });
  it("the typia output is strict about unknown keys holding undefined (scripts/build.mjs rewrote it)", () => {
    // Without the rewrite typia lets `{ unknown: undefined }` through; run `node scripts/build.mjs --js-only`.
    for (let m = 0; m < MESSAGE_NAMES.length; m++) {
      expect(isValidValue({ zzUnknown: undefined }, m, 0), "src/js/generated/equals.ts is typia's raw output: run node scripts/build.mjs --js-only").toBe(false);
    }
  });
});

describe("js backend: shared vectors", () => {
  const vectors = loadVectors() as { file: string; name: string; message: string; data: string | Uint8Array; valid: boolean; errors: Pair[] }[];
  it(`agrees with every stored expectation (${vectors.length} cases)`, () => {
    const failures: string[] = [];
    for (const c of vectors) {
      const m = indexOf(c.message);
      const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
      for (const input of inputs) {
        const valid = backend.isValid(input, m, 0);
        const all = multiset(backend.validate(input, m, true, 0).errors);
        const one = backend.validate(input, m, false, 0).errors;
        const ok =
          valid === c.valid &&
          JSON.stringify(all) === JSON.stringify(c.errors) &&
          (c.valid ? one.length === 0 : one.length === 1 && c.errors.some((e) => key(e) === key(one[0]!)));
        if (!ok) failures.push(`${c.file}: ${c.message}: ${c.name} (${typeof input === "string" ? "string" : "bytes"})`);
      }
    }
    expect(failures).toEqual([]);
  });
  it("and every vector's first issue is ajv's", () => {
    for (const c of vectors) checkInput(c.data, c.message);
  }, TIMEOUT);
  it("isValidBatch matches isValid", () => {
    for (const message of new Set(vectors.map((c) => c.message))) {
      const cases = vectors.filter((c) => c.message === message);
      const batch = backend.isValidBatch(cases.map((c) => c.data), indexOf(message), 0);
      expect(batch.length).toBe(cases.length);
      cases.forEach((c, i) => expect(batch[i]).toBe(c.valid ? 1 : 0));
    }
  });
  it("parse issues carry a byte offset and say what went wrong, as the core words them", () => {
    const st = indexOf("StopTransaction");
    const message = (input: string | Uint8Array) => backend.validate(input, st, true, 0).errors[0]!.message;
    expect(message(new Uint8Array([0x7b, 0x22, 0xff]))).toBe("invalid UTF-8 at byte 2");
    expect(message('{"a":1,}')).toBe("unexpected '}' at byte 7");
    expect(message('{"é":1,}')).toBe("unexpected '}' at byte 8");
    expect(message('{"a":')).toBe("unexpected end of input");
    expect(message("")).toBe("unexpected end of input");
    expect(message("\ufeff{}")).toBe("byte order mark at byte 0: JSON text must not start with U+FEFF");
    expect(message(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]))).toBe("byte order mark at byte 0: JSON text must not start with U+FEFF");
    expect(message(" \ufeff{}")).toBe("unexpected byte 0xef at byte 1");
    expect(message('{"a":tru}')).toBe("unexpected '}' at byte 8");
    expect(message('{"a":nul l}')).toBe("unexpected byte 0x20 at byte 8");
    expect(message('{"a":"x\u0001"}')).toBe("unescaped control character in string at byte 7");
    expect(message('{"a":"\\q"}')).toBe("invalid escape sequence at byte 6");
    expect(message('{"a":"\\u12G4"}')).toBe("invalid escape sequence at byte 6");
    expect(message('{"a":-x}')).toBe("invalid number at byte 6");
    expect(message('{"a":1.}')).toBe("invalid number at byte 7");
    expect(message('{"a":1e+}')).toBe("invalid number at byte 8");
    expect(message('{"a":01}')).toBe("unexpected '1' at byte 6");
    expect(message("{}x")).toBe("unexpected 'x' at byte 2");
    // the first error in reading order wins, whatever kind a later one is
    expect(message(new Uint8Array([0x5b, 0x78, 0xff]))).toBe("unexpected 'x' at byte 1");
    expect(message(new Uint8Array([0x5b, 0xc3, 0xa9]))).toBe("unexpected byte 0xc3 at byte 1");
    expect(message(new Uint8Array([0x5b, 0xc3, 0x28]))).toBe("invalid UTF-8 at byte 1");
    expect(message(new Uint8Array([0x5b, 0x22, 0xe2, 0x82]))).toBe("invalid UTF-8 at byte 2");
    // a string's raw lone surrogate is U+FFFD (EF BF BD) in the bytes the other backends read
    expect(message("[\ud800]")).toBe("unexpected byte 0xef at byte 1");
    expect(backend.version()).toMatch(/js/);
  });
});

// ──────────── local schema-driven arbitraries (every message): plain values + structural mutations ────────────
// They complement the shared text arbitraries with the object path's own inputs (undefined, NaN,
// ±Infinity, Dates, null-prototype objects, own `__proto__` keys) and with mutations anywhere in the value.
type Schema = {
  type: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: string[];
  maxLength?: number;
  format?: string;
  multipleOf?: number;
};

const URIS = [
  "http://example.com/diag", "ftp://user:pw@host:21/file.tgz", "https://[::1]:8443/a?b=c#d", "urn:isbn:0451450523",
  "mailto:a@b.c", "file:///tmp/x", "http://a/%7e", "http://a/%zz", "//no-scheme", "relative/path", "a:", "1http://x",
  "http://ex ample.com", "http://[::g]/", "http://host:port/", "", "x:y\u00e9", "HTTP://EXAMPLE.COM/", "s3://bucket/k?v#f",
];
const NUMBER_TEXTS = ["0", "-0", "0.1", "0.3", "0.35", "0.30000000000000004", "1e-7", "5e-324", "1e21", "1e2", "12.5", "-3.1", "1.7976931348623157e308", "100e-2", "1.0", "123456789012345678901234567890"];

function stringArb(s: Schema): fc.Arbitrary<string> {
  if (s.format === "date-time") return fc.oneof(dateTimeArb, fc.constantFrom("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-05-17T14:32:05", "2024-05-17 23:59:60-00:00"));
  if (s.format === "uri") return fc.oneof(fc.constantFrom(...URIS), fc.webUrl({ withQueryParameters: true, withFragments: true }));
  const n = s.maxLength ?? 30;
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: n }),
    fc.string({ unit: "grapheme-ascii", minLength: n, maxLength: n + 1 }),
    fc.constantFrom("", "\u{1F600}".repeat(n), "\uD800" + "a".repeat(Math.max(0, n - 1))),
  );
}

function numberArb(s: Schema): fc.Arbitrary<number> {
  if (s.multipleOf !== undefined) {
    const m = String(s.multipleOf);
    const [, frac = ""] = m.split(".");
    // exact decimal multiples k·m, plus near misses
    return fc.oneof(
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map((k) => Number(`${BigInt(k) * BigInt(m.replace(".", ""))}e-${frac.length}`)),
      fc.constantFrom(...NUMBER_TEXTS.map(Number)),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
  }
  return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
}

/** Valid values of a schema node (up to the format/maxLength/multipleOf checks, which the string and number arbitraries probe both ways). */
function valueArb(s: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case "object": {
      const props = s.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) model[k] = valueArb(v, depth + 1);
      return fc.record(model, { requiredKeys: s.required ?? [] });
    }
    case "array":
      return fc.array(valueArb(s.items!, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
    case "string":
      return stringArb(s);
    case "integer":
      return fc.oneof(fc.integer(), fc.constantFrom(0, -0, 1e21, 2 ** 53 + 2, -(2 ** 31)));
    case "number":
      return numberArb(s);
    case "boolean":
      return fc.boolean();
    default:
      throw new Error(`test: no arbitrary for ${s.type}`);
  }
}

/** Values that break a schema node: wrong types, near misses, objects on enums (ajv's additionalProperties there). */
const junkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, 1.5, 0.35, 1e21, 1e-7, 2 ** 53, "", "x", "Accepted", [], {}, { a: 1, b: [2] }, [1, "a"], "x".repeat(501), "2024-02-30T00:00:00Z", "not a uri", "http://x.y/z"),
  fc.jsonValue({ maxDepth: 2 }),
);
/** Only on the object path (JSON has none of these). */
const objectOnlyJunkArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, NaN, Infinity, -Infinity),
  fc.constant(0).map((t) => new Date(t)),
  fc.constant(0).map(() => Object.assign(Object.create(null) as object, { a: 1 })),
);
const UNKNOWN_KEYS = ["zz", "__proto__", "constructor", "toString", "a/b", "~x", "", "Value"];

type Mutation =
  | { op: "replace"; at: number; value: unknown }
  | { op: "delete"; at: number }
  | { op: "add"; at: number; key: string; value: unknown };

const mutationArb = (objectPath: boolean): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({ op: fc.constant("replace" as const), at: fc.nat(), value: objectPath ? fc.oneof(junkArb, objectOnlyJunkArb) : junkArb }),
    fc.record({ op: fc.constant("delete" as const), at: fc.nat() }),
    fc.record({ op: fc.constant("add" as const), at: fc.nat(), key: fc.constantFrom(...UNKNOWN_KEYS), value: junkArb }),
  );

/** Every container position in a value: [parent, key] pairs, the root as [holder, "v"]. */
function slots(holder: { v: unknown }): [Record<string | number, unknown>, string | number][] {
  const out: [Record<string | number, unknown>, string | number][] = [[holder as Record<string, unknown>, "v"]];
  const go = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((item, i) => (out.push([v as unknown as Record<number, unknown>, i]), go(item)));
    else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) out.push([v as Record<string, unknown>, k]), go((v as Record<string, unknown>)[k]);
  };
  go(holder.v);
  return out;
}

const setOwn = (o: object, k: string | number, value: unknown) =>
  Object.defineProperty(o, k, { value, enumerable: true, writable: true, configurable: true });

/** Deep copy keeping prototypes (null-prototype objects, Dates) and own `__proto__` keys. */
function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v instanceof Date) return new Date(v.getTime());
  if (v === null || typeof v !== "object") return v;
  const out = Object.create(Object.getPrototypeOf(v) as object | null) as object;
  for (const k of Object.keys(v)) setOwn(out, k, clone((v as Record<string, unknown>)[k]));
  return out;
}

function mutate(value: unknown, mutations: Mutation[]): unknown {
  const holder = { v: clone(value) };
  for (const mu of mutations) {
    const all = slots(holder);
    const [parent, k] = all[mu.at % all.length]!;
    if (mu.op === "replace") setOwn(parent, k, clone(mu.value));
    else if (mu.op === "delete") {
      if (Array.isArray(parent)) parent.splice(k as number, 1);
      else if (parent !== (holder as object)) delete parent[k];
    } else {
      const target = parent[k];
      if (target !== null && typeof target === "object" && !Array.isArray(target)) setOwn(target, mu.key, clone(mu.value));
    }
  }
  return holder.v;
}

const textArb = (message: string) => {
  const schema = schemaFor(message) as Schema;
  return fc.tuple(valueArb(schema), fc.array(mutationArb(false), { maxLength: 4 })).map(([v, ms]) => JSON.stringify(mutate(v, ms)) ?? "null");
};
const objectArb = (message: string) => {
  const schema = schemaFor(message) as Schema;
  return fc.tuple(valueArb(schema), fc.array(mutationArb(true), { maxLength: 4 })).map(([v, ms]) => mutate(v, ms));
};

describe("js backend: differential vs reference, every message (fast-check)", () => {
  it("shared schema-driven texts (valid and mutated), string and bytes, 56 messages × 400 runs", async () => {
    for (const [i, message] of MESSAGE_NAMES.entries()) {
      await fc.assert(
        property(payloadTextArbFor(message), (text: string) => {
          checkInput(text, message);
          checkInput(encoder.encode(text), message);
        }),
        { numRuns: 400, seed: 4000 + i },
      );
    }
  }, TIMEOUT);
  it("shared valid values on the object path, 56 messages × 100 runs", async () => {
    for (const [i, message] of MESSAGE_NAMES.entries()) {
      await fc.assert(property(validValueArbFor(message), (value: unknown) => checkValue(value, message)), { numRuns: 100, seed: 5000 + i });
    }
  }, TIMEOUT);
  it("local mutations (junk values, deleted and unknown keys), string and bytes, 56 messages × 400 runs", async () => {
    for (const [i, message] of MESSAGE_NAMES.entries()) {
      await fc.assert(
        property(textArb(message), (text) => {
          checkInput(text, message);
          checkInput(encoder.encode(text), message);
        }),
        { numRuns: 400, seed: 1000 + i },
      );
    }
  }, TIMEOUT);
  it("the same texts are valid at least sometimes (the arbitraries reach valid payloads)", () => {
    for (const message of MESSAGE_NAMES) {
      const samples = fc.sample(textArb(message), { numRuns: 200, seed: 42 });
      expect(samples.some((t) => backend.isValid(t, indexOf(message), 0)), message).toBe(true);
      expect(samples.some((t) => !backend.isValid(t, indexOf(message), 0)), message).toBe(true);
    }
  }, TIMEOUT);
  it("parsed values incl. undefined, NaN, ±Infinity, Date, null-prototype objects, 56 messages × 250 runs", async () => {
    for (const [i, message] of MESSAGE_NAMES.entries()) {
      await fc.assert(property(objectArb(message), (value) => checkValue(value, message)), { numRuns: 250, seed: 2000 + i });
    }
  }, TIMEOUT);
  it("isValidBatch equals isValid for every message", () => {
    MESSAGE_NAMES.forEach((message, i) => {
      const texts = fc.sample(textArb(message), { numRuns: 50, seed: 3000 + i });
      const batch = backend.isValidBatch(texts, i, 0);
      expect([...batch]).toEqual(texts.map((t) => (backend.isValid(t, i, 0) ? 1 : 0)));
    });
  }, TIMEOUT);
  it("hand-picked cases: numbers, booleans, uri, empty objects", () => {
    const cases: [string, unknown][] = [
      ["Heartbeat", {}], ["Heartbeat", { a: 1 }], ["Heartbeat", []], ["Heartbeat", null], ["Heartbeat", { a: undefined }],
      ["HeartbeatResponse", {}], ["ClearCache", { x: 1, y: 2 }],
      ["GetConfigurationResponse", { configurationKey: [{ key: "k", readonly: "yes" }] }],
      ["GetConfigurationResponse", { configurationKey: [{ key: "k", readonly: 0 }], unknownKey: ["x".repeat(51), 3] }],
      ["GetDiagnostics", { location: "not a uri" }], ["GetDiagnostics", { location: "ftp://h/x" }], ["UpdateFirmware", { location: 5, retrieveDate: "x" }],
      ["SetChargingProfile", limits([0.3, 0.35, "1", 1e21, -0, 0.30000000000000004, NaN, Infinity, 1e-7, 5e-324])],
      ["GetCompositeScheduleResponse", { status: "Accepted", chargingSchedule: { chargingRateUnit: "W", chargingSchedulePeriod: [{ startPeriod: 0, limit: 1.05 }], minChargingRate: 0.1 } }],
      ["GetCompositeScheduleResponse", { status: "Accepted", chargingSchedule: { chargingRateUnit: "W", chargingSchedulePeriod: [], minChargingRate: "0.1" } }],
      ["StatusNotification", {}], ["StatusNotification", { connectorId: 1.5, errorCode: { a: 1, b: 2 }, status: 7 }],
      ["BootNotification", { chargePointVendor: "v" }], ["MeterValues", { connectorId: 1, meterValue: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [{ value: "1", unit: "Celsius" }] }] }],
      ["StopTransaction", { transactionId: 1, timestamp: "2024-05-17T14:32:05Z", meterStop: 1, transactionData: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [{ value: "1", unit: "Celsius" }] }] }],
    ];
    for (const [message, value] of cases) {
      checkValue(value, message);
      const text = JSON.stringify(value);
      if (text !== undefined) checkInput(text, message);
    }
    function limits(values: unknown[]) {
      return {
        connectorId: 1,
        csChargingProfiles: {
          chargingProfileId: 1, stackLevel: 0, chargingProfilePurpose: "TxProfile", chargingProfileKind: "Absolute",
          chargingSchedule: { chargingRateUnit: "A", chargingSchedulePeriod: values.map((limit, i) => ({ startPeriod: i, limit })), minChargingRate: 0.35 },
        },
      };
    }
  });
});

describe("js backend: StopTransaction text forms (shared arbitraries)", () => {
  const opts = { numRuns: 4000, seed: 20240517 };
  it("valid texts", async () => {
    await fc.assert(property(validPayloadArb, (t: string) => checkInput(t)), opts);
  }, TIMEOUT);
  it("mutated texts", async () => {
    await fc.assert(property(mutatedTextArb, (t: string) => checkInput(t)), { ...opts, seed: 7 });
  }, TIMEOUT);
  it("raw bytes", async () => {
    await fc.assert(property(bytesArb, (b: Uint8Array) => checkInput(b)), { ...opts, numRuns: 3000, seed: 8 });
  }, TIMEOUT);
  it("parsed values, valid and mutated", async () => {
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
    await fc.assert(property(valueArb, (v: unknown) => checkValue(v)), { ...opts, numRuns: 2000, seed: 9 });
  }, TIMEOUT);
});

// ─────────────────────────── frames ───────────────────────────
/** The backend's frame result must equal the reference's (byte ranges on both sides at this level). */
function expectFrame(got: FrameValidationResult, want: FrameResult): void {
  const { errors, warnings, ...rest } = got;
  const { errors: wantErrors, warnings: wantWarnings, ...wantRest } = want;
  expect(rest).toEqual(wantRest);
  expect(pairs(errors)).toEqual(wantErrors);
  expect(warnings.map((w) => ({ instancePath: w.instancePath, warning: w.warning }))).toEqual(wantWarnings);
  checkShape(errors);
}
const responseIndex = (name: string | null): number => (name === null ? -1 : indexOf(name));

describe("js backend: frames", () => {
  it("every frame vector, string and bytes, both modes", () => {
    const frames = loadFrameVectors();
    expect(frames.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const c of frames) {
      const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
      for (const input of inputs) {
        try {
          expectFrame(backend.validateFrame(input, true, responseIndex(c.responseTo), 0), c.expected);
          expectFrame(backend.validateFrame(input, false, responseIndex(c.responseTo), 0), c.expectedFirst);
        } catch (error) {
          failures.push(`${c.name} (${typeof input}): ${(error as Error).message.split("\n")[0]}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, TIMEOUT);

  const idArb = fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), fc.constantFrom("x".repeat(36), "x".repeat(37), "\u{1F600}".repeat(36)), fc.constant(7));
  const payloadFor = (message: string) => textArb(message);
  const callArb = fc.constantFrom(...ACTIONS, "Unknown", "stopTransaction", "").chain((action) =>
    fc.tuple(idArb, (ACTIONS as readonly string[]).includes(action) ? payloadFor(action) : fc.constantFrom("{}", "[]", "1")).map(([id, payload]) => ({
      text: `[2,${JSON.stringify(id)},${JSON.stringify(action)},${payload}]`,
      responseTo: null as string | null,
    })),
  );
  const resultArb = fc.constantFrom(...ACTIONS).chain((action) =>
    fc.tuple(idArb, payloadFor(`${action}Response`), fc.boolean()).map(([id, payload, known]) => ({
      text: ` [ 3 , ${JSON.stringify(id)} , ${payload} ] `,
      responseTo: known ? action : null,
    })),
  );
  const errorArb = fc
    .tuple(idArb, fc.constantFrom('"GenericError"', "1"), fc.constantFrom('"oops"', "null"), fc.constantFrom("{}", '{"a":[1]}', "[]", "null"), fc.constantFrom("", ",1"))
    .map(([id, code, description, details, extra]) => ({ text: `[4,${JSON.stringify(id)},${code},${description},${details}${extra}]`, responseTo: null as string | null }));
  const envelopeArb = fc
    .constantFrom("{}", "[]", "[2]", '["2","a","Heartbeat",{}]', "[5,\"a\"]", '[2.0,"a","Heartbeat",{}]', '[20e-1,"a","Heartbeat",{}]', '[2,"a",1,{}]', '[2,"a","Heartbeat"]', '[3,"a"]', '[3,"a",{},{}]', "[", "\uFEFF[]")
    .map((text) => ({ text, responseTo: null as string | null }));

  it("generated frames of every kind and action match the frame reference (string and bytes)", async () => {
    await fc.assert(
      property(fc.oneof(callArb, resultArb, errorArb, envelopeArb), fc.boolean(), ({ text, responseTo }, allErrors) => {
        const want = referenceValidateFrame(text, { allErrors, responseTo });
        expectFrame(backend.validateFrame(text, allErrors, responseIndex(responseTo)), want);
        expectFrame(backend.validateFrame(encoder.encode(text), allErrors, responseIndex(responseTo)), want);
      }),
      { numRuns: 6000, seed: 11 },
    );
  }, TIMEOUT);
});

// ─────────────────────────── helpers ───────────────────────────
describe("multipleOf, decided in decimal", () => {
  it("the examples of the contract", () => {
    for (const x of [0.3, 12, 1e2, -0, 0, 1e21, 0.1, -0.7, 1.7976931348623157e308]) expect(isMultipleOf(x, "0.1"), String(x)).toBe(true);
    for (const x of [0.35, 0.30000000000000004, 1e-7, 5e-324, NaN, Infinity, -Infinity, 0.01]) expect(isMultipleOf(x, "0.1"), String(x)).toBe(false);
    expect(isMultipleOf(7.5, 2.5)).toBe(true);
    expect(isMultipleOf(5, 2.5)).toBe(true);
    expect(isMultipleOf(6, 2.5)).toBe(false);
    expect(isMultipleOf(1e21, 3)).toBe(false);
    expect(isMultipleOf(3e21, 3)).toBe(true);
    expect(isMultipleOf(50, 10)).toBe(true);
    expect(isMultipleOf(5, 10)).toBe(false);
    expect(() => isMultipleOf(1, "-1")).toThrow(RangeError);
  });
  it("agrees with the reference's isDecimalMultiple on random doubles and divisors", async () => {
    const divisor = fc.constantFrom(0.1, 0.5, 2.5, 3, 7, 0.25, 1e-3, 10, 1e20, 1.1, 0.3);
    const x = fc.oneof(
      fc.double({ noNaN: true }),
      fc.integer().map((k) => k / 10),
      fc.integer({ min: -1e9, max: 1e9 }).map((k) => Number(`${k}e-2`)),
      fc.constantFrom(...NUMBER_TEXTS.map(Number)),
    );
    await fc.assert(
      property(x, divisor, (v, m) => {
        expect(isMultipleOf(v, m)).toBe(isDecimalMultiple(v, m));
      }),
      { numRuns: 30000, seed: 12 },
    );
  });
});

describe("syntax errors", () => {
  const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const accepts = (t: string | Uint8Array) => {
    try {
      JSON.parse(typeof t === "string" ? t : utf8.decode(t));
      return true;
    } catch {
      return false;
    }
  };
  it("finds an error exactly when JSON.parse (after the fatal UTF-8 decoder) rejects: mutated texts, JSON-ish strings, raw bytes, vectors", async () => {
    const jsonish = fc.string({ unit: fc.constantFrom(..."{}[],:\"\\ 0123456789-+.eEtrufalsn\u0000\t\nxu\ufeff\ud800é"), maxLength: 30 });
    await fc.assert(
      property(fc.oneof(mutatedTextArb, jsonish, fc.json()), (t: string) => {
        expect(syntaxError(t) === null).toBe(accepts(t));
        expect(syntaxError(encoder.encode(t)) === null).toBe(accepts(encoder.encode(t)));
      }),
      { numRuns: 20000, seed: 5 },
    );
    await fc.assert(
      property(fc.oneof(bytesArb, fc.uint8Array({ maxLength: 12 })), (b: Uint8Array) => {
        expect(syntaxError(b) === null).toBe(accepts(b));
      }),
      { numRuns: 20000, seed: 4 },
    );
    for (const c of loadVectors() as { data: string | Uint8Array }[]) expect(syntaxError(c.data) === null).toBe(accepts(c.data));
  }, TIMEOUT);
  it("works at any depth", () => {
    expect(syntaxError("[".repeat(100_000) + "]".repeat(100_000))).toBeNull();
    expect(syntaxError("[".repeat(100_000))).toBe("unexpected end of input");
    expect(syntaxError(`${"[".repeat(100_000)}}`)).toBe("unexpected '}' at byte 100000");
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
  }, TIMEOUT);
  it("ucs2length counts code points like ajv", () => {
    expect(ucs2length("\u{1F600}")).toBe(1);
    expect(ucs2length("\uD800")).toBe(1);
    expect(ucs2length("\uDE00\uD83D")).toBe(2);
    expect(ucs2length("\uD83DA")).toBe(2);
  });
});
