// The js backend's `uri` port (src/js/uri.ts) against the real ajv-formats 3 (full) `uri`, through
// the reference's own ajv configuration: hand-picked cases, then fast-check differentials.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { isUri } from "../src/js/uri.js";
import { createAjv } from "@ocpp-validate/test-vectors/reference";

const ajvUri = createAjv().compile({ type: "string", format: "uri" });
const reference = (s: string): boolean => ajvUri(s) === true;

/** The same hand-picked cases as crates/core/src/uri.rs (each first confirmed against ajv-formats). */
const CASES: [string, boolean][] = [
  ["ftp://a/b", true],
  ["http://[::1]:80/x", true],
  ["urn:isbn:123", true],
  ["/a/b", false],
  ["a b", false],
  ["a:b c", false],
  ["http://a%zz", false],
  ["http://a%4", false],
  ["a:%41", true],
  ["a:%4", false],
  ["a:%", false],
  ["", false],
  ["a", false],
  [":", false],
  [":b", false],
  ["HTTP://A", true],
  ["http://256.1.1.1", true],
  ["mailto:x@y", true],
  ["x:", false],
  ["x:?q", false],
  ["x:#f", false],
  ["x:/", true],
  ["x://", true],
  ["x:/?", true],
  ["1a:b", false],
  ["a_b:c", false],
  ["a+b-.c:d", true],
  ["a:b#c#d", false],
  ["a:b?#", true],
  ["a:b?a?b/c#d/?", true],
  ["a:b#[", false],
  ["http://host:abc", true],
  ["http://x:12/", true],
  ["a:////x", true],
  ["a:/[::1]/x", true],
  ["a:/@[::1]", true],
  ["a://u@[::1]", true],
  ["a://u:p%41@[::1]:8080/p?q#f", true],
  ["a://u@v@[::1]", false],
  ["a://u/@[::1]", false],
  ["a:[::1]", false],
  ["a:///[::1]", false],
  ["a://[::1", false],
  ["a://[::1]x", false],
  ["a://[::1]:", true],
  ["a://[::1]:80:90", false],
  ["a://[::1]/[", false],
  ["a://[::1]]", false],
  ["a:[", false],
  ["a://[]", false],
  ["a://[::]", true],
  ["a://[:::]", false],
  ["a://[1:::2]", false],
  ["a://[1::2::3]", false],
  ["a://[::1.2.3.4]", true],
  ["a://[::ffff:1.2.3.4]", true],
  ["a://[::256.1.1.1]", false],
  ["a://[::025.1.1.1]", true],
  ["a://[::00.000.0.1]", true],
  ["a://[::0025.1.1.1]", false],
  ["a://[::1.2.3]", false],
  ["a://[::1.2.3.4.5]", false],
  ["a://[1.2.3.4]", false],
  ["a://[1.2.3.4::]", false],
  ["a://[1:2:3:4:5:6:7:8]", true],
  ["a://[1:2:3:4:5:6:7:8:9]", false],
  ["a://[1:2:3:4:5:6:7]", false],
  ["a://[1:2:3:4:5:6:1.2.3.4]", true],
  ["a://[1:2:3:4:5:1.2.3.4]", false],
  ["a://[1:2:3:4:5:6:7::]", true],
  ["a://[::2:3:4:5:6:7:8]", true],
  ["a://[1:2:3:4:5:6:7:8::]", false],
  ["a://[1:2:3:4:5:6::1.2.3.4]", false],
  ["a://[1:2:3:4:5::1.2.3.4]", true],
  ["a://[1:2:3:4:5:6::8]", true],
  ["a://[FFFF::abcd]", true],
  ["a://[12345::]", false],
  ["a://[::1:]", false],
  ["a://[:1::]", false],
  ["a://[v1.x]", true],
  ["a://[V1F.a:b~]", true],
  ["a://[v1.]", false],
  ["a://[v.x]", false],
  ["a://[vg.x]", false],
  ["a://[v1.%41]", false],
  ['a:b"', false],
  ["a:b\n", false],
  ["a:b\\", false],
  ["a:b{", false],
  ["a:b\u007f", false],
  ["a:\u017f", false],
  ["\u017f:x", false],
  ["a:\u212a", false],
  ["a:é", false],
  ["a:b?é", false],
  // JS-only: UTF-16 code units the Rust side never sees as such.
  ["a:\ud800", false],
  ["a:b#\udc00", false],
  ["a:\u{1F600}", false],
];

const CHARS = [
  "a", "b", "f", "g", "v", "V", "x", "z", "A", "F", "G", "Z", "0", "1", "2", "5", "9", ":", "/", "?", "#", "[", "]", "@",
  "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "-", ".", "_", "~", "%", " ", '"', "\\", "<", ">", "{", "}", "|",
  "^", "`", "\t", "\n", "\r", "\u0000", "\u007f", "é", "\u017f", "\u212a", "€", "\u{1F600}", "\u00a0", "\ud800", "\udfff",
];
const PIECES = [
  "::", ":::", "ffff:", "FFFF", "1:", "0:", "abcd:", "12345", "1234", "v1.", "V1F.", "[::1]", "[v1.x]", "[", "]", "//", "/", "@",
  "u@", ":80", ":", "256", "255", "250", "249", "199", "100", "099", "025", "0025", "00", "000", "300", "1.", ".", "1.2.3.4",
  "%41", "%aF", "%zz", "%4", "%", "http:", "a:", "x+y:", "?", "#", "?q", "#f",
];
const OCTETS = ["0", "1", "9", "25", "99", "00", "000", "025", "099", "100", "199", "200", "249", "250", "255", "256", "260", "300", "0025", "1000", ""];
const GOOD_OCTETS = ["0", "1", "9", "25", "99", "00", "000", "025", "099", "100", "199", "200", "249", "250", "255"];
const CLEAN = ["a", "Z", "0", "9", "-", ".", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "%41", "%fF", "ab"];

const join = (a: string[]): string => a.join("");
const hexString = (min: number, max: number, extra = "") =>
  fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF" + extra), minLength: min, maxLength: max });
const charArb = fc.constantFrom(...CHARS);
const atomArb = fc.oneof(
  { weight: 5, arbitrary: charArb },
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: hexString(1, 5) },
  { weight: 1, arbitrary: hexString(0, 2, "gG").map((h) => "%" + h) },
  { weight: 1, arbitrary: fc.constantFrom(...OCTETS) },
);
const soup = (max: number) => fc.array(atomArb, { maxLength: max }).map(join);
const clean = (max: number) =>
  fc.array(fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...CLEAN) }, { weight: 1, arbitrary: atomArb }), { maxLength: max }).map(join);
const octetArb = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...GOOD_OCTETS) }, { weight: 1, arbitrary: fc.constantFrom(...OCTETS) });
const ipv4Arb = fc
  .oneof({ weight: 8, arbitrary: fc.array(octetArb, { minLength: 4, maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(octetArb, { minLength: 1, maxLength: 6 }) })
  .map((a) => a.join("."));
const h16Arb = fc.oneof({ weight: 20, arbitrary: hexString(1, 4) }, { weight: 1, arbitrary: hexString(0, 5, "gG") });

/** IPv6-shaped: group counts mostly at the grammar's edges (8 without `::`, 7 around it), maybe an IPv4 tail. */
const ipv6Arb = fc
  .tuple(
    fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 6, max: 8 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 9 }) }),
    fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }),
    fc.integer({ min: 0, max: 8 }),
    fc.array(h16Arb, { minLength: 10, maxLength: 10 }),
    fc.option(ipv4Arb, { freq: 3 }),
    fc.nat(255),
  )
  .map(([total, dc, split, g, v4, pos]) => {
    let n = v4 !== null ? Math.max(0, total - 2) : total;
    if (dc !== 0) n = Math.max(0, Math.min(n, 7) - (pos % 3 === 0 ? 1 : 0));
    const k = Math.min(split, n);
    const l = g.slice(0, k);
    const r = g.slice(k, n);
    let s = l.join(":");
    if (dc === 0) {
      if (l.length > 0 && r.length > 0) s += ":";
    } else s += "::";
    s += r.join(":");
    if (dc === 2) {
      const at = pos % (s.length + 1);
      s = s.slice(0, at) + "::" + s.slice(at);
    }
    if (v4 !== null) {
      if (s !== "" && !s.endsWith(":")) s += ":";
      s += v4;
    }
    return s;
  });
const ipFutureArb = fc
  .tuple(fc.constantFrom("v", "V"), hexString(0, 3, "gG"), fc.constantFrom(".", ".", "", ".."), clean(4))
  .map(([v, h, d, t]) => `${v}${h}${d}${t}`);
const hostArb = fc.oneof(
  { weight: 4, arbitrary: ipv6Arb.map((h) => `[${h}]`) },
  { weight: 1, arbitrary: ipFutureArb.map((h) => `[${h}]`) },
  { weight: 2, arbitrary: ipv4Arb },
  { weight: 2, arbitrary: clean(5) },
  { weight: 1, arbitrary: soup(5).map((s) => `[${s}]`) },
);
const pathArb = fc
  .array(fc.oneof({ weight: 6, arbitrary: clean(4).map((s) => "/" + s) }, { weight: 1, arbitrary: soup(3) }), { maxLength: 3 })
  .map(join);
const portArb = fc.oneof({ weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 5 }) }, { weight: 1, arbitrary: soup(3) });

/** Up to three single-character insertions, deletions or replacements (by UTF-16 index: may split pairs). */
const mutate = (s: string, muts: [number, number, string][]): string => {
  for (const [at, kind, c] of muts) {
    const i = at % (s.length + 1);
    if (kind === 0 || i === s.length) s = s.slice(0, i) + c + s.slice(i);
    else if (kind === 1) s = s.slice(0, i) + s.slice(i + 1);
    else s = s.slice(0, i) + c + s.slice(i + 1);
  }
  return s;
};
const mutationsArb = fc.oneof(
  fc.constant([] as [number, number, string][]),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), charArb), { minLength: 1, maxLength: 3 }),
);

/** scheme ":" [slashes [userinfo "@"] host [":" port]] path ["?" query] ["#" fragment], then mutations. */
const structuredArb = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(..."aAzZ"), fc.string({ unit: fc.constantFrom(..."aZ09+.-"), maxLength: 4 })).map(([a, b]) => a + b) },
      { weight: 1, arbitrary: fc.constantFrom("http", "HTTP", "urn", "1a", "", "a_b", "\u017f", "\u212a", "a b") },
    ),
    fc.oneof({ weight: 12, arbitrary: fc.constant(":") }, { weight: 1, arbitrary: fc.constant("") }),
    fc.constantFrom("//", "//", "/", "", "///"),
    fc.option(clean(4).map((u) => u + "@"), { freq: 3 }),
    hostArb,
    fc.option(portArb.map((p) => ":" + p), { freq: 3 }),
    pathArb,
    fc.option(fc.oneof({ weight: 4, arbitrary: clean(5) }, { weight: 1, arbitrary: soup(5) }).map((q) => "?" + q), { freq: 3 }),
    fc.option(fc.oneof({ weight: 4, arbitrary: clean(5) }, { weight: 1, arbitrary: soup(5) }).map((f) => "#" + f), { freq: 3 }),
    mutationsArb,
  )
  .map(([sc, co, sl, ui, h, po, pa, q, f, muts]) => mutate(`${sc}${co}${sl}${ui ?? ""}${h}${po ?? ""}${pa}${q ?? ""}${f ?? ""}`, muts));

/** `a:` slashes [userinfo@] `[` IPv6 | IPvFuture `]` [:port] path, at most one insertion. */
const ipLiteralUriArb = fc
  .tuple(
    fc.constantFrom("//", "//", "/", "", "///"),
    fc.option(clean(3).map((u) => u + "@"), { freq: 3 }),
    fc.oneof({ weight: 6, arbitrary: ipv6Arb }, { weight: 1, arbitrary: ipFutureArb }),
    fc.option(fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 3 }).map((p) => ":" + p), { freq: 2 }),
    fc.oneof({ weight: 6, arbitrary: pathArb }, { weight: 1, arbitrary: clean(3) }),
    fc.option(fc.tuple(fc.nat(), fc.constant(0), charArb), { freq: 3 }),
  )
  .map(([sl, ui, lit, po, tail, m]) => mutate(`a:${sl}${ui ?? ""}[${lit}]${po ?? ""}${tail}`, m ? [m] : []));

const prefixedSoupArb = fc.tuple(fc.constantFrom("a:", "a://", "a:/", "HTTP://", "x+y-z.w:", ""), soup(14)).map(([p, s]) => p + s);

const agrees = (s: string): void => {
  expect(isUri(s), JSON.stringify(s)).toBe(reference(s));
};

describe("uri port = ajv-formats 3 full `uri`", () => {
  it("hand-picked cases", () => {
    for (const [s, want] of CASES) {
      expect(reference(s), `reference ${JSON.stringify(s)}`).toBe(want);
      expect(isUri(s), JSON.stringify(s)).toBe(want);
    }
  });
  it("structured URIs", () => {
    fc.assert(fc.property(structuredArb, agrees), { numRuns: 200_000, seed: 11 });
  }, 600_000);
  it("IP-literal authorities", () => {
    fc.assert(fc.property(ipLiteralUriArb, agrees), { numRuns: 150_000, seed: 12 });
  }, 600_000);
  it("prefixed soup", () => {
    fc.assert(fc.property(prefixedSoupArb, agrees), { numRuns: 150_000, seed: 13 });
  }, 600_000);
  it("arbitrary UTF-16 strings (lone surrogates included)", () => {
    const any = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: fc.constantFrom(...CHARS, ...PIECES) }));
    fc.assert(fc.property(fc.tuple(fc.constantFrom("a:", "a://", ""), any).map(([p, s]) => p + s), agrees), { numRuns: 50_000, seed: 14 });
  }, 600_000);
  it("long inputs stay linear", () => {
    const long = "a://[::1]" + "/".repeat(200_000);
    expect(isUri(long)).toBe(true);
    expect(isUri(long + "[")).toBe(false);
    expect(isUri("a://[" + ":".repeat(200_000))).toBe(false);
    expect(isUri("a:" + "a".repeat(200_000) + " ")).toBe(false);
  });
});
