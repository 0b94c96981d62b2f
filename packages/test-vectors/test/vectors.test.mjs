// The stored vectors must be exactly what generate.mjs produces now, and every stored expectation must
// equal what the reference computes (so a stale file, a hand-edited expectation or a changed
// reference/schema fails here).
import { describe, it, expect } from "vitest";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildVectorFiles, vectorsDir } from "../generate.mjs";
import { loadVectors, vectorFileNames, allVectorFileNames, readVectorFile, caseInput, loadFrameVectors, FRAME_VECTOR_FILES } from "../vectors.mjs";
import { referenceValidate, issueMultiset } from "../reference.mjs";
import { referenceValidateFrame } from "../frame-reference.mjs";

describe("vector files", () => {
  const generated = buildVectorFiles();

  it("every generated file is stored", () => {
    expect(allVectorFileNames()).toEqual([...generated.keys()].sort());
  });

  for (const [file, text] of generated) {
    it(`${file} is fresh (run: node generate.mjs)`, () => {
      const stored = readFileSync(join(vectorsDir, file), "utf8");
      // compare case by case first for a readable failure
      const want = JSON.parse(text).cases;
      const have = JSON.parse(stored).cases;
      expect(have.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) expect(have[i], `case ${want[i].name}`).toEqual(want[i]);
      expect(stored === text).toBe(true);
    });
  }

  it("files stay small, names are unique, inputs are well-formed", () => {
    for (const file of allVectorFileNames()) {
      const frames = FRAME_VECTOR_FILES.includes(file);
      expect(statSync(join(vectorsDir, file)).size).toBeLessThan(2.2 * 1024 * 1024);
      const { description, cases } = readVectorFile(file);
      expect(typeof description).toBe("string");
      const names = new Set();
      for (const c of cases) {
        expect(names.has(c.name), `${file}: duplicate ${c.name}`).toBe(false);
        names.add(c.name);
        expect((c.input === undefined) !== (c.inputBase64 === undefined)).toBe(true);
        if (c.input !== undefined) expect(c.input.isWellFormed()).toBe(true);
        const fields = frames ? ["expected", "expectedFirst"] : ["errors", "valid"];
        expect(Object.keys(c).sort()).toEqual([...fields, c.input !== undefined ? "input" : "inputBase64", "name"].sort());
      }
    }
  });
});

describe("stored expectations = reference", () => {
  const all = loadVectors();

  it("has at least 300 cases, valid and invalid ones, every keyword", () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(all.some((c) => c.valid)).toBe(true);
    const keywords = new Set(all.flatMap((c) => c.errors.map((e) => e.keyword)));
    for (const k of ["parse", "type", "required", "additionalProperties", "enum", "maxLength", "format"]) expect(keywords.has(k), k).toBe(true);
  });

  it("every case recomputes to its stored verdict and error multiset", () => {
    let mismatches = [];
    for (const c of all) {
      const r = referenceValidate(caseInput(c), { allErrors: true });
      const got = { valid: r.valid, errors: issueMultiset(r.errors) };
      if (got.valid !== c.valid || JSON.stringify(got.errors) !== JSON.stringify(c.errors)) mismatches.push(`${c.file}: ${c.name}`);
      expect(c.valid).toBe(c.errors.length === 0);
      // errors are stored sorted
      expect(issueMultiset(c.errors)).toEqual(c.errors);
    }
    expect(mismatches).toEqual([]);
  });

  it("allErrors=false gives one issue from the allErrors set", () => {
    for (const c of all) {
      if (c.valid) continue;
      const r = referenceValidate(caseInput(c), { allErrors: false });
      expect(r.errors.length).toBe(1);
      const e = r.errors[0];
      expect(c.errors.some((x) => x.instancePath === e.instancePath && x.keyword === e.keyword), c.name).toBe(true);
    }
  });
});

describe("frame vectors", () => {
  const frames = loadFrameVectors();

  it("cover every kind and CallError code the frame contract names", () => {
    expect(frames.length).toBeGreaterThan(100);
    const kinds = new Set(frames.map((c) => c.expected.kind));
    expect([...kinds].sort()).toEqual(["call", "callerror", "callresult", "invalid"]);
    const codes = new Set(frames.map((c) => c.expected.callError?.errorCode).filter(Boolean));
    for (const code of ["FormationViolation", "ProtocolError", "NotImplemented", "TypeConstraintViolation", "OccurenceConstraintViolation", "PropertyConstraintViolation"]) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(frames.some((c) => c.expected.valid)).toBe(true);
  });

  it("every case recomputes to its stored expectations", () => {
    for (const c of frames) {
      expect(referenceValidateFrame(c.data, { allErrors: true }), c.name).toEqual(c.expected);
      expect(referenceValidateFrame(c.data, { allErrors: false }), c.name).toEqual(c.expectedFirst);
    }
  });

  it("a CALLERROR frame is the JSON of its parts, and the payload range slices out the payload", () => {
    const encoder = new TextEncoder();
    for (const c of frames) {
      const e = c.expected;
      if (e.callError) {
        const [type, id, code, description, details] = JSON.parse(e.callError.frame);
        expect([type, id, code, description], c.name).toEqual([4, e.uniqueId ?? "-1", e.callError.errorCode, e.callError.errorDescription]);
        expect(JSON.stringify(details).length, c.name).toBeLessThan(1024);
      }
      if (e.payloadRange) {
        const bytes = typeof c.data === "string" ? encoder.encode(c.data) : c.data;
        // The slice parses on its own, and putting `null` in its place leaves a 4-element frame with
        // null 4th: the range is exactly the 4th element (deep payloads are never compared deeply).
        const [start, end] = e.payloadRange;
        const text = (/** @type {Uint8Array} */ b) => new TextDecoder().decode(b);
        expect(() => JSON.parse(text(bytes.subarray(start, end))), c.name).not.toThrow();
        const holed = JSON.parse(text(bytes.subarray(0, start)) + "null" + text(bytes.subarray(end)));
        expect([holed.length, holed[3]], c.name).toEqual([4, null]);
      }
    }
  });
});
