// The stored vectors must be exactly what generate.mjs produces now, and every stored expectation must
// equal what the reference computes (so a stale file, a hand-edited expectation or a changed
// reference/schema fails here).
import { describe, it, expect } from "vitest";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { buildVectorFiles, buildSchemasModule, schemasModulePath, vectorsDir } from "../generate.mjs";
import { loadVectors, vectorFileNames, allVectorFileNames, readVectorFile, caseInput, loadFrameVectors, loadDiagnostics, FRAME_VECTOR_FILES, DIAGNOSTICS_FILE } from "../vectors.mjs";
import { referenceValidate as referenceOf, TOLERANCES } from "../reference.mjs";
import { referenceWarnings } from "../warnings-reference.mjs";
import { referenceValidate, issueMultiset, MESSAGE_NAMES } from "../reference.mjs";
import { referenceValidateFrame, ACTIONS, CHARGE_POINT_ACTIONS, CENTRAL_SYSTEM_ACTIONS } from "../frame-reference.mjs";

describe("vector files", () => {
  const generated = buildVectorFiles();

  it("schemas.mjs is the schema files, fresh (run: node generate.mjs)", () => {
    expect(readFileSync(schemasModulePath, "utf8") === buildSchemasModule()).toBe(true);
  });

  it("every generated file is stored", () => {
    // diagnostics.json is written by hand (its texts are the spec), checked below against the reference.
    expect(allVectorFileNames()).toEqual([...generated.keys(), DIAGNOSTICS_FILE].sort());
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
      if (file === DIAGNOSTICS_FILE) continue;
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
        const fields = frames ? ["expected", "expectedFirst", ...(c.responseTo !== undefined ? ["responseTo"] : [])] : ["errors", "first", "valid", "warnings", ...(c.message !== undefined ? ["message"] : [])];
        expect(Object.keys(c).sort()).toEqual([...fields, c.input !== undefined ? "input" : "inputBase64", "name"].sort());
        if (c.message !== undefined) expect(MESSAGE_NAMES).toContain(c.message);
        if (c.responseTo !== undefined) expect(ACTIONS).toContain(c.responseTo);
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
    for (const k of ["parse", "type", "required", "additionalProperties", "enum", "maxLength", "format", "multipleOf"]) expect(keywords.has(k), k).toBe(true);
  });

  it("every message has valid and invalid cases, and every keyword it can fail on", () => {
    for (const m of MESSAGE_NAMES) {
      const cases = all.filter((c) => c.message === m);
      expect(cases.some((c) => c.valid), m).toBe(true);
      expect(cases.some((c) => !c.valid), m).toBe(true);
      const keywords = new Set(cases.flatMap((c) => c.errors.map((e) => e.keyword)));
      const schemaText = readFileSync(join(vectorsDir, "../../../crates/core/schemas/ocpp1.6", `${m}.json`), "utf8");
      for (const k of ["type", "additionalProperties", "required", "enum", "maxLength", "format", "multipleOf"]) {
        const used = k === "type" || k === "additionalProperties" ? true : schemaText.includes(`"${k === "required" ? "required" : k}"`);
        if (used) expect(keywords.has(k), `${m}: ${k}`).toBe(true);
      }
    }
    // a case without `message` is StopTransaction
    expect(all.filter((c) => c.file !== "messages.json").every((c) => c.message === "StopTransaction")).toBe(true);
  });

  it("every case recomputes to its stored verdict and error multiset", () => {
    let mismatches = [];
    for (const c of all) {
      const r = referenceValidate(caseInput(c), { allErrors: true, message: c.message });
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
      const r = referenceValidate(caseInput(c), { allErrors: false, message: c.message });
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
    for (const code of ["FormationViolation", "ProtocolError", "NotImplemented", "NotSupported", "TypeConstraintViolation", "OccurenceConstraintViolation", "PropertyConstraintViolation"]) {
      expect(codes.has(code), code).toBe(true);
    }
    expect(frames.some((c) => c.expected.valid)).toBe(true);
    for (const kind of ["call", "callresult", "callerror"]) {
      expect(frames.some((c) => c.expected.kind === kind && c.expected.valid), kind).toBe(true);
      expect(frames.some((c) => c.expected.kind === kind && !c.expected.valid || c.expected.kind === "invalid"), kind).toBe(true);
    }
    // every Charge Point action validated (valid and invalid); every Central System action NotSupported
    for (const a of CHARGE_POINT_ACTIONS) {
      expect(frames.some((c) => c.expected.action === a && c.expected.valid), a).toBe(true);
      expect(frames.some((c) => c.expected.action === a && !c.expected.valid && c.expected.errors.length > 0), a).toBe(true);
    }
    for (const a of CENTRAL_SYSTEM_ACTIONS) expect(frames.some((c) => c.expected.action === a && c.expected.callError?.errorCode === "NotSupported"), a).toBe(true);
    // CALLRESULT against every response schema, valid and invalid
    for (const a of ACTIONS) {
      expect(frames.some((c) => c.responseTo === a && c.expected.kind === "callresult" && c.expected.valid), a).toBe(true);
      expect(frames.some((c) => c.responseTo === a && c.expected.kind === "callresult" && !c.expected.valid), a).toBe(true);
    }
  });

  it("every case recomputes to its stored expectations", () => {
    for (const c of frames) {
      expect(referenceValidateFrame(c.data, { allErrors: true, responseTo: c.responseTo }), c.name).toEqual(c.expected);
      expect(referenceValidateFrame(c.data, { allErrors: false, responseTo: c.responseTo }), c.name).toEqual(c.expectedFirst);
      // never answered: CALLRESULT and CALLERROR; always answered: invalid frames and failed CALLs
      if (c.expected.kind === "callresult" || c.expected.kind === "callerror") expect(c.expected.callError, c.name).toBe(null);
      if (c.expected.kind === "invalid" || (c.expected.kind === "call" && !c.expected.valid)) expect(c.expected.callError, c.name).not.toBe(null);
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
        // The slice parses on its own, and putting `null` in its place leaves a frame of the kind's
        // length with null last: the range is exactly the payload (deep payloads are never compared deeply).
        const [start, end] = e.payloadRange;
        const text = (/** @type {Uint8Array} */ b) => new TextDecoder().decode(b);
        expect(() => JSON.parse(text(bytes.subarray(start, end))), c.name).not.toThrow();
        expect(/\s/.test(text(bytes.subarray(start, start + 1)) + text(bytes.subarray(end - 1, end))), c.name).toBe(false);
        const holed = JSON.parse(text(bytes.subarray(0, start)) + "null" + text(bytes.subarray(end)));
        const n = { call: 4, callresult: 3, callerror: 5 }[/** @type {"call" | "callresult" | "callerror"} */ (e.kind)];
        expect([holed.length, holed[n - 1]], c.name).toEqual([n, null]);
      }
    }
  });
});

describe("diagnostics.json (hand-written texts) agrees with the reference", () => {
  const cases = loadDiagnostics();
  const pairs = (/** @type {{instancePath: string, keyword: string}[]} */ l) => l.map((i) => `${i.instancePath} ${i.keyword}`);

  it("has cases for every tolerance, every warning and every keyword", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const t of TOLERANCES) expect(cases.some((c) => c.expect.tolerated.some((d) => d.tolerance === t)), t).toBe(true);
    for (const w of ["unsafeInteger", "duplicateKey", "loneSurrogate"]) expect(cases.some((c) => c.expect.warnings.some((d) => d.warning === w)), w).toBe(true);
    for (const k of ["type", "required", "enum", "maxLength", "format", "additionalProperties", "multipleOf", "parse"]) {
      expect(cases.some((c) => c.expect.errors.some((d) => d.keyword === k)), k).toBe(true);
    }
  });

  it("verdicts, issue pairs in order, tolerated deviations and warnings are the reference's", () => {
    for (const c of cases) {
      const r = referenceOf(c.data, { message: c.message, allErrors: c.allErrors, tolerate: c.tolerate });
      expect({ valid: r.valid, errors: pairs(r.errors) }, c.name).toEqual({ valid: c.expect.valid, errors: pairs(c.expect.errors) });
      expect(r.tolerated, c.name).toEqual(c.expect.tolerated.map(({ instancePath, keyword, tolerance }) => ({ instancePath, keyword, tolerance })));
      const text = typeof c.data === "string" ? c.data : new TextDecoder().decode(c.data);
      const parsed = r.errors[0]?.keyword !== "parse";
      expect(parsed ? referenceWarnings(text) : [], c.name).toEqual(c.expect.warnings.map(({ instancePath, warning }) => ({ instancePath, warning })));
    }
  });
});
