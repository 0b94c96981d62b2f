// The js backend against the reference: every shared vector (1.6, 2.0.1, 2.1), fast-check
// differentials for every one of the 365 messages (verdict, allErrors issue list, first issue),
// frames of every protocol, the 2.x keywords ($ref, bounds, item counts, open objects, untyped data)
// by hand, and its helpers.
// Correctness tests: fixed seeds and run counts, generous timeouts (never a time limit on runs).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { createJsBackend, isValidValue, validateValue, syntaxError, isMultipleOf } from "../src/js/index.js";
import { isDateTime, isDateTimeReference, ucs2length } from "../src/js/date-time.js";
import { validateEquals } from "../src/js/generated/validate-equals.js";
import { equals } from "../src/js/generated/equals.js";
import { SCHEMAS } from "../src/js/tables.generated.js";
import { ACTIONS, CHARGE_POINT_ACTIONS, MESSAGE_NAMES, RESPONSE_NAMES } from "../src/messages.generated.js";
import * as V201 from "../src/ocpp2.0.1.generated.js";
import * as V21 from "../src/ocpp2.1.generated.js";
import { ALL_MESSAGE_NAMES, PROTOCOLS, PROTOCOL_INFO, type Protocol } from "../src/protocols.generated.js";
import {
  OCPP_ERROR_CODES,
  PROTOCOL_MESSAGE_NAMES,
  MESSAGE_NAMES as REFERENCE_MESSAGE_NAMES,
  referenceValidate,
  referenceValidateValue,
  issueMultiset,
  createAjv,
  isDecimalMultiple,
  schemaFor,
} from "@ocpp-validate/test-vectors/reference";
import { referenceValidateFrame, requestMessageFor, actionsFor, stationActionsFor, type FrameResult } from "@ocpp-validate/test-vectors/frame-reference";
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
  payloadArbitrary,
} from "@ocpp-validate/test-vectors/arbitraries";
import type { FrameValidationResult, ValidationIssue } from "../src/types.js";
// @ts-expect-error: a plain .mjs build script without declarations
import { convertMessage } from "../scripts/gen-js-types.mjs";

type Pair = { instancePath: string; keyword: string };
const backend = createJsBackend();
const encoder = new TextEncoder();
const key = (e: Pair) => `${e.instancePath}\u0000${e.keyword}`;
const pairs = (issues: readonly Pair[]): Pair[] => issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }));
const multiset = (issues: readonly Pair[]): Pair[] => issueMultiset(issues);
/** The global message index of a protocol's message. */
const indexOf = (message: string, protocol: Protocol = "ocpp1.6"): number => {
  const info = PROTOCOL_INFO[protocol];
  const i = (info.messageNames as readonly string[]).indexOf(message);
  if (i < 0) throw new Error(`unknown ${protocol} message ${message}`);
  return info.first + i;
};
const protocolIndex = (protocol: Protocol): number => PROTOCOLS.indexOf(protocol);
const PROTOCOLS_2X = ["ocpp2.0.1", "ocpp2.1"] as const;
/** Lets vitest's worker RPC through between long synchronous stretches (its calls time out after a minute). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Correctness tests never depend on machine speed: a generous explicit timeout, fixed run counts. */
const TIMEOUT = 600_000;

function checkShape(issues: ValidationIssue[], protocol: Protocol = "ocpp1.6"): void {
  const codes = OCPP_ERROR_CODES[protocol] as Record<string, string>;
  for (const e of issues) {
    expect(typeof e.message).toBe("string");
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.ocppErrorCode).toBe(codes[e.keyword]);
  }
}

type Reference = { all: ReturnType<typeof referenceValidate>; first: ReturnType<typeof referenceValidate> };
/** One text's reference results, for checking its string and its bytes against them. */
const referenceOf = (text: string, message: string, protocol: Protocol): Reference => ({
  all: referenceValidate(text, { message, allErrors: true, protocol }),
  first: referenceValidate(text, { message, allErrors: false, protocol }),
});

/**
 * The js backend on one text against the reference: verdict, the allErrors issue list in ajv's own
 * order, and without allErrors exactly ajv's first issue.
 */
function checkInput(input: string | Uint8Array, message = "StopTransaction", protocol: Protocol = "ocpp1.6", reference?: Reference): void {
  const m = indexOf(message, protocol);
  const all = reference?.all ?? referenceValidate(input, { message, allErrors: true, protocol });
  expect(backend.isValid(input, m, 0)).toBe(all.valid);
  const got = backend.validate(input, m, true, 0).errors;
  expect(pairs(got)).toEqual(pairs(all.errors));
  checkShape(got, protocol);
  const one = backend.validate(input, m, false, 0).errors;
  if (all.valid) expect(one).toEqual([]);
  else {
    const first = reference?.first ?? referenceValidate(input, { message, allErrors: false, protocol });
    expect(pairs(one)).toEqual(pairs(first.errors.slice(0, 1)));
    checkShape(one, protocol);
  }
}

/** The object path (any JS value, not only what JSON.parse makes) against the reference. */
function checkValue(value: unknown, message = "StopTransaction", protocol: Protocol = "ocpp1.6"): void {
  const m = indexOf(message, protocol);
  const all = referenceValidateValue(value, { message, allErrors: true, protocol });
  expect(isValidValue(value, m)).toBe(all.valid);
  expect(pairs(validateValue(value, m, true).errors)).toEqual(pairs(all.errors));
  const one = validateValue(value, m, false).errors;
  if (all.valid) expect(one).toEqual([]);
  else expect(pairs(one)).toEqual(pairs(referenceValidateValue(value, { message, allErrors: false, protocol }).errors.slice(0, 1)));
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
  it("has one validator and one walker table per message, in the reference's global order", () => {
    expect([...MESSAGE_NAMES]).toEqual([...REFERENCE_MESSAGE_NAMES]);
    expect(MESSAGE_NAMES.length).toBe(56);
    expect([...ALL_MESSAGE_NAMES]).toEqual(PROTOCOLS.flatMap((p) => [...PROTOCOL_MESSAGE_NAMES[p]]));
    expect(ALL_MESSAGE_NAMES.length).toBe(365);
    expect(backend.messageNames()).toEqual(ALL_MESSAGE_NAMES);
    expect(equals.length).toBe(365);
    expect(validateEquals.length).toBe(365);
    expect(SCHEMAS.length).toBe(365);
    expect(PROTOCOLS.map((p) => PROTOCOL_INFO[p].first)).toEqual([0, 56, 184]);
    expect(PROTOCOLS.map((p) => PROTOCOL_INFO[p].messageNames.length)).toEqual([56, 128, 181]);
    expect(PROTOCOLS.map((p) => PROTOCOL_INFO[p].version)).toEqual(["1.6", "2.0.1", "2.1"]);
    expect(PROTOCOLS.map((p) => PROTOCOL_INFO[p].defaultMessage)).toEqual(["StopTransaction", "TransactionEventRequest", "TransactionEventRequest"]);
    for (const [p, module] of [["ocpp2.0.1", V201], ["ocpp2.1", V21]] as const) {
      expect([...module.MESSAGE_NAMES]).toEqual([...PROTOCOL_MESSAGE_NAMES[p]]);
      expect([...module.ACTIONS]).toEqual([...actionsFor(p)]);
      expect([...module.REQUEST_NAMES]).toEqual(module.ACTIONS.map((a) => requestMessageFor(a, p)));
      expect([...module.STATION_ACTIONS]).toEqual([...stationActionsFor(p)]);
      expect([...module.RESPONSE_NAMES]).toEqual(module.MESSAGE_NAMES.filter((n) => n.endsWith("Response")));
      expect(PROTOCOL_INFO[p].responseNames).toEqual(module.ACTIONS.map((a) => (module.MESSAGE_NAMES as readonly string[]).includes(`${a}Response`) ? `${a}Response` : null));
    }
    expect(V201.ACTIONS.length).toBe(64);
    expect(V21.REQUEST_NAMES).toContain("NotifyPeriodicEventStream");
    expect(PROTOCOL_INFO["ocpp2.1"].responseNames[V21.ACTIONS.indexOf("NotifyPeriodicEventStream")]).toBeNull();
    expect(ACTIONS.length).toBe(28);
    expect(RESPONSE_NAMES).toEqual(ACTIONS.map((a) => `${a}Response`));
    expect(CHARGE_POINT_ACTIONS.length).toBe(10);
    expect(MESSAGE_NAMES[indexOf("StopTransaction")]).toBe("StopTransaction");
  });
  it("rejects message indices that name no message", () => {
    for (const bad of [-1, 365, 1.5, NaN]) {
      expect(() => backend.isValid("{}", bad, 0)).toThrow(RangeError);
      expect(() => backend.validate("{}", bad, true, 0)).toThrow(RangeError);
      expect(() => backend.isValidBatch(["{}"], bad, 0)).toThrow(RangeError);
      expect(() => isValidValue({}, bad)).toThrow(RangeError);
      expect(() => validateValue({}, bad, false)).toThrow(RangeError);
    }
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, indexOf("BootNotificationResponse"), 0)).toThrow(RangeError);
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, 365, 0, 0)).toThrow(RangeError);
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, indexOf("NotifyPeriodicEventStream", "ocpp2.1"), 0, 2)).toThrow(RangeError);
    expect(() => backend.validateFrame("[3,\"a\",{}]", true, -1, 0, 3)).toThrow(RangeError);
  });
  it("the typia output is strict about unknown keys holding undefined (scripts/build.mjs rewrote it)", () => {
    // Without the rewrite typia lets `{ unknown: undefined }` through; run `node scripts/build.mjs --js-only`.
    for (let m = 0; m < ALL_MESSAGE_NAMES.length; m++) {
      expect(isValidValue({ zzUnknown: undefined }, m, 0), "src/js/generated/equals.ts is typia's raw output: run node scripts/build.mjs --js-only").toBe(false);
    }
  });
});

describe("js backend: shared vectors", () => {
  const vectors = loadVectors() as { file: string; name: string; protocol: Protocol; message: string; data: string | Uint8Array; valid: boolean; errors: Pair[] }[];
  it(`agrees with every stored expectation (${vectors.length} cases, every protocol)`, () => {
    expect(new Set(vectors.map((c) => c.protocol))).toEqual(new Set(PROTOCOLS));
    const failures: string[] = [];
    for (const c of vectors) {
      const m = indexOf(c.message, c.protocol);
      const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
      for (const input of inputs) {
        const valid = backend.isValid(input, m, 0);
        const all = multiset(backend.validate(input, m, true, 0).errors);
        const one = backend.validate(input, m, false, 0).errors;
        const ok =
          valid === c.valid &&
          JSON.stringify(all) === JSON.stringify(c.errors) &&
          (c.valid ? one.length === 0 : one.length === 1 && c.errors.some((e) => key(e) === key(one[0]!)));
        if (!ok) failures.push(`${c.file}: ${c.protocol} ${c.message}: ${c.name} (${typeof input === "string" ? "string" : "bytes"})`);
      }
    }
    expect(failures).toEqual([]);
  });
  it("and every vector's first issue is ajv's", () => {
    for (const c of vectors) checkInput(c.data, c.message, c.protocol);
  }, TIMEOUT);
  it("isValidBatch matches isValid", () => {
    for (const key of new Set(vectors.map((c) => `${c.protocol} ${c.message}`))) {
      const cases = vectors.filter((c) => `${c.protocol} ${c.message}` === key);
      const batch = backend.isValidBatch(cases.map((c) => c.data), indexOf(cases[0]!.message, cases[0]!.protocol), 0);
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
function expectFrame(got: FrameValidationResult, want: FrameResult, protocol: Protocol = "ocpp1.6"): void {
  const { errors, warnings, ...rest } = got;
  const { errors: wantErrors, warnings: wantWarnings, ...wantRest } = want;
  expect(rest).toEqual(wantRest);
  expect(pairs(errors)).toEqual(wantErrors);
  expect(warnings.map((w) => ({ instancePath: w.instancePath, warning: w.warning }))).toEqual(wantWarnings);
  // a frame that is not JSON carries the frame protocol's parse code; payload issues their message's
  if (!(errors.length === 1 && errors[0]!.keyword === "parse")) checkShape(errors, protocol);
}
/** The global index of the request message of the pending call's action (-1: none known). */
const responseIndex = (action: string | null, protocol: Protocol = "ocpp1.6"): number =>
  action === null ? -1 : indexOf(requestMessageFor(action, protocol)!, protocol);

describe("js backend: frames", () => {
  it("every frame vector (every protocol), string and bytes, both modes", () => {
    const frames = loadFrameVectors();
    expect(frames.length).toBeGreaterThan(100);
    expect(new Set(frames.map((c) => c.protocol))).toEqual(new Set(PROTOCOLS));
    const failures: string[] = [];
    for (const c of frames) {
      const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
      const p = c.protocol as Protocol;
      for (const input of inputs) {
        try {
          expectFrame(backend.validateFrame(input, true, responseIndex(c.responseTo, p), 0, protocolIndex(p)), c.expected, p);
          expectFrame(backend.validateFrame(input, false, responseIndex(c.responseTo, p), 0, protocolIndex(p)), c.expectedFirst, p);
        } catch (error) {
          failures.push(`${c.protocol} ${c.name} (${typeof input}): ${(error as Error).message.split("\n")[0]}`);
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
        expectFrame(backend.validateFrame(text, allErrors, responseIndex(responseTo), 0, 0), want);
        expectFrame(backend.validateFrame(encoder.encode(text), allErrors, responseIndex(responseTo), 0, 0), want);
      }),
      { numRuns: 6000, seed: 11 },
    );
  }, TIMEOUT);
});

// ─────────────────────────── OCPP 2.0.1 and 2.1 ───────────────────────────
/** Every issue (and tolerated deviation) with its message and code, for exact comparisons. */
const full = (issues: readonly ValidationIssue[]) => issues.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message, ocppErrorCode: e.ocppErrorCode }));
const TOLERANCE_NAMES = ["errata", "offsetlessTimestamps", "fractionalIntegers", "overlongStrings", "unknownProperties"] as const;

describe("js backend: OCPP 2.0.1 and 2.1 against the reference", () => {
  it("shared texts (valid and mutated: bounds, item counts, open members, untyped data), string and bytes, 309 messages × 40 runs", async () => {
    for (const p of PROTOCOLS_2X) {
      for (const [i, message] of PROTOCOL_MESSAGE_NAMES[p].entries()) {
        await breathe();
        await fc.assert(
          property(payloadArbitrary(p, message), (text: string) => {
            const reference = referenceOf(text, message, p);
            checkInput(text, message, p, reference);
            checkInput(encoder.encode(text), message, p, reference);
          }),
          { numRuns: 40, seed: 60_000 + 1000 * protocolIndex(p) + i },
        );
      }
    }
  }, TIMEOUT);
  it("valid values on the object path, 309 messages × 25 runs", async () => {
    for (const p of PROTOCOLS_2X) {
      for (const [i, message] of PROTOCOL_MESSAGE_NAMES[p].entries()) {
        await breathe();
        await fc.assert(property(validValueArbFor(message, p), (value: unknown) => checkValue(value, message, p)), { numRuns: 25, seed: 70_000 + 1000 * protocolIndex(p) + i });
      }
    }
  }, TIMEOUT);
  it("every tolerance at once: the same tolerated deviations and issues as the tolerant reference", async () => {
    const mask = (1 << TOLERANCE_NAMES.length) - 1;
    for (const p of PROTOCOLS_2X) {
      for (const [i, message] of PROTOCOL_MESSAGE_NAMES[p].entries()) {
        await breathe();
        const m = indexOf(message, p);
        await fc.assert(
          property(payloadArbitrary(p, message), (text: string) => {
            const want = referenceValidate(text, { message, protocol: p, allErrors: true, tolerate: [...TOLERANCE_NAMES] });
            const got = backend.validate(text, m, true, mask);
            expect(got.valid).toBe(want.valid);
            expect(backend.isValid(text, m, mask)).toBe(want.valid);
            expect(pairs(got.errors)).toEqual(pairs(want.errors));
            expect(got.tolerated.map((t) => `${t.instancePath} ${t.keyword} ${t.tolerance}`)).toEqual(want.tolerated.map((t: { instancePath: string; keyword: string; tolerance: string }) => `${t.instancePath} ${t.keyword} ${t.tolerance}`));
          }),
          { numRuns: 15, seed: 80_000 + 1000 * protocolIndex(p) + i },
        );
      }
    }
  }, TIMEOUT);
});

describe("js backend: the 2.x keywords by hand", () => {
  const idToken = { idToken: "abc", type: "Central" };
  const dc = (fields: Record<string, unknown>) => ({ evseId: 1, chargingNeeds: { requestedEnergyTransfer: "DC", dcChargingParameters: { evMaxCurrent: 1, evMaxVoltage: 1, ...fields } } });
  const battery = (fields: Record<string, unknown>) => ({ eventType: "BatteryIn", requestId: 1, idToken, batteryData: [{ evseId: 0, serialNumber: "s", soC: 50, soH: 50, ...fields }] });
  const cases: [Protocol, string, unknown][] = [
    // minimum / maximum on integers (2.0.1) and numbers (2.1), also beside a failing type
    ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: 0, fullSoC: 100, bulkSoC: -0 })],
    ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: -1, fullSoC: 101, bulkSoC: 100.00000000000000001 })],
    ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: -1.5, fullSoC: 100.5, bulkSoC: "5" })],
    ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: 1e300, fullSoC: -1e-300, bulkSoC: null })],
    ["ocpp2.1", "BatterySwapRequest", battery({ soC: 100.5, soH: -0.000001, evseId: -1 })],
    ["ocpp2.1", "BatterySwapRequest", battery({ soC: 0, soH: 100, evseId: 0.5 })],
    ["ocpp2.1", "BatterySwapRequest", battery({ soC: "50", soH: true, evseId: -2.5 })],
    // minItems / maxItems before the items' own issues
    ["ocpp2.1", "BatterySwapRequest", { ...battery({}), batteryData: [] }],
    ["ocpp2.1", "BatterySwapRequest", { ...battery({}), batteryData: {} }],
    ["ocpp2.0.1", "AuthorizeRequest", { idToken, iso15118CertificateHashData: [] }],
    ["ocpp2.0.1", "AuthorizeRequest", { idToken, iso15118CertificateHashData: [1, 2, 3, 4, 5] }],
    ["ocpp2.0.1", "AuthorizeRequest", { idToken, iso15118CertificateHashData: [{}, {}, {}, {}] }],
    // $ref'd nested nodes: paths are the instance's
    ["ocpp2.0.1", "TransactionEventRequest", { eventType: "Started", timestamp: "2024-05-17T14:32:05Z", triggerReason: "Authorized", seqNo: 0, transactionInfo: { transactionId: 5 }, evse: { id: "1", connectorId: 1.5, zz: 1 }, idToken: { idToken: "x".repeat(37), type: 1 } }],
    ["ocpp2.0.1", "TransactionEventRequest", { eventType: "Started", timestamp: "2024-05-17T14:32:05", triggerReason: "authorized", seqNo: 0, transactionInfo: { transactionId: "t" }, meterValue: [] }],
    ["ocpp2.0.1", "TransactionEventRequest", { eventType: "Updated", timestamp: "2024-05-17T14:32:05Z", triggerReason: "MeterValuePeriodic", seqNo: 1, transactionInfo: { transactionId: "t" }, meterValue: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [] }, { timestamp: "x", sampledValue: [{ value: "1", measurand: "Energy", unitOfMeasure: { unit: 1, multiplier: 1.5 } }] }] }],
    // open objects: any other member of any value; the declared ones still apply
    ["ocpp2.0.1", "HeartbeatRequest", { customData: { vendorId: "v", x: [1, { y: null }], "": {}, __proto__x: "s" } }],
    ["ocpp2.0.1", "HeartbeatRequest", { customData: { x: 1 } }],
    ["ocpp2.0.1", "HeartbeatRequest", { customData: { vendorId: "v".repeat(256), vendorIdX: 1 } }],
    ["ocpp2.0.1", "HeartbeatRequest", { customData: [] }],
    ["ocpp2.1", "HeartbeatRequest", { customData: { vendorId: "v" }, zz: 1 }],
    // untyped `data`: any JSON value
    ...([null, 0, -1.5, "", "x", true, [], {}, [1, [2, [3]]], { a: { b: [null] } }] as unknown[]).map((data): [Protocol, string, unknown] => ["ocpp2.0.1", "DataTransferRequest", { vendorId: "v", data }]),
    ["ocpp2.1", "DataTransferResponse", { status: "Accepted", data: [{ any: "thing" }] }],
    ["ocpp2.1", "DataTransferResponse", { status: "accepted", data: null, statusInfo: { reasonCode: 5 } }],
  ];
  it("each case as text and value agrees with the reference", () => {
    for (const [p, message, value] of cases) {
      checkValue(value, message, p);
      checkInput(JSON.stringify(value), message, p);
    }
  });
  it("object-path values JSON cannot hold: bounds apply to finite numbers only, open members and untyped data take anything", () => {
    const values: [Protocol, string, unknown][] = [
      ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: NaN, fullSoC: Infinity, bulkSoC: -Infinity })],
      ["ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: undefined, fullSoC: new Date(0) })],
      ["ocpp2.1", "BatterySwapRequest", battery({ soC: NaN, soH: -Infinity })],
      ["ocpp2.0.1", "HeartbeatRequest", { customData: { vendorId: "v", x: undefined, y: NaN, z: () => 1 } }],
      ["ocpp2.0.1", "HeartbeatRequest", { customData: Object.assign(Object.create(null) as object, { vendorId: "v", q: 1 }) }],
      ["ocpp2.1", "HeartbeatRequest", { customData: { vendorId: undefined } }],
      ...([undefined, NaN, Infinity, new Date(0), [undefined], { a: undefined }] as unknown[]).map((data): [Protocol, string, unknown] => ["ocpp2.1", "DataTransferRequest", { vendorId: "v", data }]),
    ];
    for (const [p, message, value] of values) checkValue(value, message, p);
  });

  const issuesOf = (p: Protocol, message: string, value: unknown) => full(backend.validate(JSON.stringify(value), indexOf(message, p), true, 0).errors);
  it("words the new keywords exactly as the contract does", () => {
    const charging = "/chargingNeeds/dcChargingParameters";
    expect(issuesOf("ocpp2.0.1", "NotifyEVChargingNeedsRequest", dc({ stateOfCharge: -1.5, fullSoC: 100.5 }))).toEqual([
      { instancePath: `${charging}/stateOfCharge`, keyword: "type", message: "must be integer, got -1.5", ocppErrorCode: "TypeConstraintViolation" },
      { instancePath: `${charging}/stateOfCharge`, keyword: "minimum", message: "-1.5 is less than the minimum 0", ocppErrorCode: "PropertyConstraintViolation" },
      { instancePath: `${charging}/fullSoC`, keyword: "type", message: "must be integer, got 100.5", ocppErrorCode: "TypeConstraintViolation" },
      { instancePath: `${charging}/fullSoC`, keyword: "maximum", message: "100.5 is more than the maximum 100", ocppErrorCode: "PropertyConstraintViolation" },
    ]);
    expect(full(backend.validate(`{"evseId":1,"chargingNeeds":{"requestedEnergyTransfer":"DC","dcChargingParameters":{"evMaxCurrent":1,"evMaxVoltage":1,"stateOfCharge":1e400}}}`, indexOf("NotifyEVChargingNeedsRequest", "ocpp2.0.1"), true, 0).errors)).toEqual([
      { instancePath: `${charging}/stateOfCharge`, keyword: "type", message: "must be integer, got Infinity", ocppErrorCode: "TypeConstraintViolation" },
    ]);
    expect(issuesOf("ocpp2.1", "BatterySwapRequest", { ...battery({}), batteryData: [] })).toEqual([
      { instancePath: "/batteryData", keyword: "minItems", message: "has 0 items, fewer than the 1 required", ocppErrorCode: "OccurrenceConstraintViolation" },
    ]);
    expect(issuesOf("ocpp2.0.1", "AuthorizeRequest", { idToken, iso15118CertificateHashData: [1, 2, 3, 4, 5] }).slice(0, 2)).toEqual([
      { instancePath: "/iso15118CertificateHashData", keyword: "maxItems", message: "has 5 items, more than the 4 allowed", ocppErrorCode: "OccurrenceConstraintViolation" },
      { instancePath: "/iso15118CertificateHashData/0", keyword: "type", message: "must be object, got 1", ocppErrorCode: "TypeConstraintViolation" },
    ]);
    // 2.x codes: an unknown member is ProtocolError, a missing one OccurrenceConstraintViolation, broken JSON FormatViolation
    expect(issuesOf("ocpp2.1", "HeartbeatRequest", { customData: {}, zz: 1 })).toEqual([
      { instancePath: "", keyword: "additionalProperties", message: 'has unknown property "zz"', ocppErrorCode: "ProtocolError" },
      { instancePath: "/customData", keyword: "required", message: "must have required property 'vendorId'", ocppErrorCode: "OccurrenceConstraintViolation" },
    ]);
    expect(full(backend.validate("{", indexOf("HeartbeatRequest", "ocpp2.0.1"), true, 0).errors)).toEqual([
      { instancePath: "", keyword: "parse", message: "unexpected end of input", ocppErrorCode: "FormatViolation" },
    ]);
    expect(full(backend.validate("{", indexOf("Heartbeat"), true, 0).errors)[0]!.ocppErrorCode).toBe("FormationViolation");
  });
  it("tolerances apply to 2.x as to 1.6; errata tolerates nothing there", () => {
    const m = indexOf("NotifyEVChargingNeedsRequest", "ocpp2.0.1");
    const r = backend.validate(JSON.stringify(dc({ stateOfCharge: 26.5, fullSoC: -0.5 })), m, true, 4 /* fractionalIntegers */);
    expect(full(r.errors)).toEqual([
      { instancePath: "/chargingNeeds/dcChargingParameters/fullSoC", keyword: "minimum", message: "-0.5 is less than the minimum 0", ocppErrorCode: "PropertyConstraintViolation" },
    ]);
    expect(r.tolerated.map((t) => `${t.instancePath} ${t.keyword} ${t.tolerance}`)).toEqual([
      "/chargingNeeds/dcChargingParameters/stateOfCharge type fractionalIntegers",
      "/chargingNeeds/dcChargingParameters/fullSoC type fractionalIntegers",
    ]);
    const unknown = JSON.stringify({ customData: { vendorId: "v" }, zz: { deep: [1] } });
    expect(backend.isValid(unknown, indexOf("HeartbeatRequest", "ocpp2.1"), 16 /* unknownProperties */)).toBe(true);
    expect(backend.validate(unknown, indexOf("HeartbeatRequest", "ocpp2.1"), false, 16).tolerated.map((t) => t.ocppErrorCode)).toEqual(["ProtocolError"]);
    const celsius = JSON.stringify({ evseId: 1, meterValue: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [{ value: 1, unitOfMeasure: { unit: "Celsius" } }] }] });
    expect(backend.isValid(celsius, indexOf("MeterValuesRequest", "ocpp2.0.1"), 1 /* errata */)).toBe(true); // unit is a free string in 2.x
    expect(backend.isValid(JSON.stringify({ ...JSON.parse(celsius), evseId: "1" }), indexOf("MeterValuesRequest", "ocpp2.0.1"), 1)).toBe(false);
  });
  it("open members and untyped data of any depth: no recursion per input level (3000 and 100 000 deep)", () => {
    for (const depth of [3000, 100_000]) {
      const arrays = "[".repeat(depth) + "]".repeat(depth);
      const objects = '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
      const hb = indexOf("HeartbeatRequest", "ocpp2.0.1");
      for (const deep of [arrays, objects]) {
        const valid = `{"customData":{"vendorId":"v","deep":${deep}}}`;
        expect(backend.isValid(valid, hb, 0)).toBe(true);
        expect(backend.validate(valid, hb, true, 0).errors).toEqual([]);
        // invalid elsewhere: the walker runs beside the deep member and never enters it
        const invalid = `{"customData":{"deep":${deep}},"zz":${deep}}`;
        expect(backend.isValid(invalid, hb, 0)).toBe(false);
        expect(pairs(backend.validate(invalid, hb, true, 0).errors)).toEqual([
          { instancePath: "", keyword: "additionalProperties" },
          { instancePath: "/customData", keyword: "required" },
        ]);
        expect(backend.isValid(invalid, hb, 16)).toBe(false);
        const data = indexOf("DataTransferRequest", "ocpp2.1");
        expect(backend.isValid(`{"vendorId":"v","data":${deep}}`, data, 0)).toBe(true);
        expect(pairs(backend.validate(`{"data":${deep}}`, data, true, 0).errors)).toEqual([{ instancePath: "", keyword: "required" }]);
        const frame = backend.validateFrame(`[2,"id","Heartbeat",{"customData":{"vendorId":"v","deep":${deep}}}]`, true, -1, 0, 1);
        expect(frame.valid).toBe(true);
        const send = backend.validateFrame(`[6,"id","NotifyPeriodicEventStream",{"customData":{"deep":${deep}}}]`, true, -1, 0, 2);
        expect(send.kind).toBe("send");
        expect(send.callError).toBeNull();
        expect(send.valid).toBe(false);
      }
    }
  }, TIMEOUT);
});

describe("js backend: 2.x frames against the frame reference", () => {
  const idArb = fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), fc.constantFrom("x".repeat(36), "x".repeat(37)), fc.constant(7));
  const framesArb = (p: (typeof PROTOCOLS_2X)[number]) => {
    const actions = [...actionsFor(p)];
    const withResponse = actions.filter((a) => PROTOCOL_MESSAGE_NAMES[p].includes(`${a}Response`));
    const callArb = fc.tuple(fc.constantFrom(2, 6, 6.0, 5, 7), fc.constantFrom(...actions, "Unknown", "transactionEvent", "")).chain(([type, action]) =>
      fc.tuple(idArb, actions.includes(action) ? payloadArbitrary(p, requestMessageFor(action, p)!) : fc.constantFrom("{}", "[]", "1"), fc.constantFrom("", ",1")).map(([id, payload, extra]) => ({
        text: `[${type},${JSON.stringify(id)},${JSON.stringify(action)},${payload}${extra}]`,
        responseTo: null as string | null,
      })),
    );
    const resultArb = fc.constantFrom(...withResponse).chain((action) =>
      fc.tuple(idArb, payloadArbitrary(p, `${action}Response`), fc.boolean()).map(([id, payload, known]) => ({
        text: ` [ 3 , ${JSON.stringify(id)} , ${payload} ] `,
        responseTo: known ? action : null,
      })),
    );
    const errorArb = fc
      .tuple(fc.constantFrom(4, 5), idArb, fc.constantFrom('"GenericError"', "1"), fc.constantFrom('"oops"', "null"), fc.constantFrom("{}", '{"a":[1]}', "[]", "null"), fc.constantFrom("", ",1"))
      .map(([type, id, code, description, details, extra]) => ({ text: `[${type},${JSON.stringify(id)},${code},${description},${details}${extra}]`, responseTo: null as string | null }));
    const envelopeArb = fc
      .constantFrom("{}", "[]", "[2]", '["2","a","Heartbeat",{}]', "[5,\"a\"]", "[6,\"a\",\"Heartbeat\"]", '[2.0,"a","Heartbeat",{}]', '[2,"a",1,{}]', '[3,"a"]', "[", "\uFEFF[]", '[2,"a","Heartbeat",{]')
      .map((text) => ({ text, responseTo: null as string | null }));
    return fc.oneof(callArb, resultArb, errorArb, envelopeArb);
  };
  for (const p of PROTOCOLS_2X) {
    it(`${p}: generated CALL, SEND, CALLRESULT, CALLERROR, CALLRESULTERROR and broken frames (string and bytes)`, async () => {
      await fc.assert(
        property(framesArb(p), fc.boolean(), ({ text, responseTo }, allErrors) => {
          const want = referenceValidateFrame(text, { allErrors, responseTo, protocol: p });
          expectFrame(backend.validateFrame(text, allErrors, responseIndex(responseTo, p), 0, protocolIndex(p)), want, p);
          expectFrame(backend.validateFrame(encoder.encode(text), allErrors, responseIndex(responseTo, p), 0, protocolIndex(p)), want, p);
        }),
        { numRuns: 4000, seed: 90 + protocolIndex(p) },
      );
    }, TIMEOUT);
  }
  it("the 2.x codes and descriptions", () => {
    const f = (text: string, p: number) => backend.validateFrame(text, true, -1, 0, p);
    expect(f("[6,\"a\",\"Heartbeat\",{}]", 1).callError!.errorCode).toBe("MessageTypeNotSupported");
    expect(f("[6,\"a\",\"Heartbeat\",{}]", 1).callError!.errorDescription).toBe("Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)");
    expect(f("[7,\"a\",\"Heartbeat\",{}]", 2).callError!.errorDescription).toBe("Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)");
    expect(f("[6,\"a\",\"Heartbeat\",{}]", 0).callError!.errorCode).toBe("ProtocolError");
    expect(f("{}", 1).callError!.errorCode).toBe("RpcFrameworkError");
    expect(f("{", 2).callError!.errorCode).toBe("FormatViolation");
    expect(f("{", 2).errors[0]!.ocppErrorCode).toBe("FormatViolation");
    expect(f("[2,\"a\",\"Reset\",{}]", 1).callError!.errorDescription).toBe("Reset is sent by a CSMS, not to it");
    expect(f("[2,\"a\",\"Nope\",{}]", 2).callError!.errorDescription).toBe("Action is not an OCPP 2.1 action");
    expect(f("[2,\"a\",\"TransactionEvent\",{}]", 1).callError!.errorDescription).toBe(
      "Payload is not a valid TransactionEventRequest: (root) required; (root) required; (root) required; (root) required; (root) required",
    );
    expect(f("[2,\"a\",\"TransactionEvent\",{}]", 1).callError!.errorCode).toBe("OccurrenceConstraintViolation");
    const send = f("[6,\"a\",\"NotifyPeriodicEventStream\",{}]", 2);
    expect(send.kind).toBe("send");
    expect(send.valid).toBe(false);
    expect(send.callError).toBeNull();
    expect(pairs(send.errors).map((e) => e.keyword)).toContain("required");
    expect(f("[5,\"a\",\"GenericError\",\"x\",{}]", 2).kind).toBe("callresulterror");
    expect(f("[5,\"a\",\"GenericError\",\"x\"]", 2).callError!.errorDescription).toBe("A CALLRESULTERROR frame has exactly 5 elements");
    expect(f("[6,\"a\",\"Heartbeat\"]", 2).callError!.errorDescription).toBe("A SEND frame has exactly 4 elements");
  });
});

describe("the generator (scripts/gen-js-types.mjs)", () => {
  const draft06 = { $schema: "http://json-schema.org/draft-06/schema#", type: "object", additionalProperties: false };
  const convert = (schema: object, protocol = "ocpp2.0.1") => convertMessage(schema, protocol) as { kind: string; props: { key: string; node: Record<string, unknown> }[] };
  it("understands the 2.x keywords and annotations", () => {
    const root = convert({
      ...draft06,
      $id: "urn:x",
      comment: "c",
      definitions: { X: { javaType: "X", type: "object", properties: { v: { type: "string" } } }, Unused: { type: "boolean" } },
      properties: {
        n: { type: "number", minimum: 0.0, maximum: 100.0, default: 5, description: "d" },
        a: { type: "array", items: { $ref: "#/definitions/X" }, minItems: 1, maxItems: 3, additionalItems: false },
        x: { $ref: "#/definitions/X" },
        data: { description: "anything" },
      },
    });
    const [n, a, x, data] = root.props.map((p) => p.node);
    expect([n!.kind, n!.minimum, n!.maximum]).toEqual(["number", 0, 100]);
    expect([a!.kind, a!.minItems, a!.maxItems]).toEqual(["array", 1, 3]);
    expect(a!.items).toBe(x); // one node per definition
    expect([x!.kind, x!.open, x!.def]).toEqual(["object", true, "X"]);
    expect(data!.kind).toBe("any");
  });
  it("throws on anything it does not reproduce exactly", () => {
    const bad: [object, string][] = [
      [{ ...draft06, properties: { a: { type: "integer", exclusiveMinimum: 0 } } }, "unsupported keyword 'exclusiveMinimum'"],
      [{ ...draft06, properties: { a: { $ref: "#/definitions/X" } }, definitions: { X: { $ref: "#/definitions/X" } } }, "cycles are not supported"],
      [{ ...draft06, properties: { a: { $ref: "other.json#/definitions/X" } } }, "only local"],
      [{ ...draft06, properties: { a: { $ref: "#/definitions/Y" } } }, "no definition 'Y'"],
      [{ ...draft06, properties: { a: { $ref: "#/definitions/X", type: "string" } }, definitions: { X: { type: "string" } } }, "beside $ref"],
      [{ ...draft06, properties: { a: { type: "array", items: [{ type: "string" }] } } }, "single 'items'"],
      [{ ...draft06, properties: { a: { type: ["string", "null"] } } }, "single type name"],
      [{ ...draft06, definitions: { U: { type: "string", pattern: "x" } } }, "unsupported keyword 'pattern'"],
      [{ ...draft06, properties: { a: { type: "object", additionalProperties: true } } }, "additionalProperties:false or none"],
      [{ ...draft06, properties: { a: { type: "integer", minimum: "0" } } }, "minimum must be a finite number"],
      [{ ...draft06, properties: { a: { type: "array", items: {}, minItems: -1 } } }, "minItems must be a non-negative integer"],
      [{ ...draft06, properties: { a: { type: "string", format: "email" } } }, "unsupported format 'email'"],
      [{ ...draft06, properties: { a: { enum: ["x"] } } }, "enum without type"],
      [{ ...draft06, $schema: "http://json-schema.org/draft-07/schema#" }, "not a http://json-schema.org/draft-06/schema# schema"],
    ];
    for (const [schema, message] of bad) expect(() => convert(schema), message).toThrow(message);
    // 1.6 stays draft-04 without the 2.x keywords
    const draft04 = { $schema: "http://json-schema.org/draft-04/schema#", type: "object", additionalProperties: false };
    expect(() => convert({ ...draft04, properties: { a: { type: "integer", minimum: 0 } } }, "ocpp1.6")).toThrow("unsupported keyword 'minimum'");
    expect(() => convert({ ...draft04, properties: { a: { type: "object" } } }, "ocpp1.6")).toThrow("objects must have additionalProperties:false");
    expect(() => convert({ ...draft04, definitions: {} }, "ocpp1.6")).toThrow("unsupported keyword 'definitions'");
  });
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
