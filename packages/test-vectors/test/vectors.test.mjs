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
import { referenceValidate, issueMultiset, MESSAGE_NAMES, PROTOCOL_MESSAGE_NAMES, schemaDirOf } from "../reference.mjs";
import { referenceValidateFrame, ACTIONS, CHARGE_POINT_ACTIONS, CENTRAL_SYSTEM_ACTIONS, actionsFor, stationActionsFor, csmsActionsFor } from "../frame-reference.mjs";

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
      // 2.1's 181 messages need more room than any 1.6 file
      expect(statSync(join(vectorsDir, file)).size).toBeLessThan((file === "ocpp2.1.json" ? 4 : 2.2) * 1024 * 1024);
      const { description, cases } = readVectorFile(file);
      expect(typeof description).toBe("string");
      const names = new Set();
      for (const c of cases) {
        expect(names.has(c.name), `${file}: duplicate ${c.name}`).toBe(false);
        names.add(c.name);
        expect((c.input === undefined) !== (c.inputBase64 === undefined)).toBe(true);
        if (c.input !== undefined) expect(c.input.isWellFormed()).toBe(true);
        const optional = ["protocol", ...(frames ? ["responseTo"] : ["message"])].filter((k) => c[k] !== undefined);
        const fields = frames ? ["expected", "expectedFirst", ...optional] : ["errors", "first", "valid", "warnings", ...optional];
        expect(Object.keys(c).sort()).toEqual([...fields, c.input !== undefined ? "input" : "inputBase64", "name"].sort());
        // the 1.6 files never say `protocol` (absent = ocpp1.6); every 2.x case does
        const is2x = file === "frames-2.x.json" || file.startsWith("ocpp2");
        expect(c.protocol !== undefined, `${file}: ${c.name}`).toBe(is2x);
        if (is2x) expect(["ocpp2.0.1", "ocpp2.1"]).toContain(c.protocol);
        if (is2x && !frames) expect(c.message, c.name).toBeDefined();
        if (is2x && !frames) expect(file).toBe(`${c.protocol}.json`);
        const protocol = c.protocol ?? "ocpp1.6";
        if (c.message !== undefined) expect(PROTOCOL_MESSAGE_NAMES[protocol]).toContain(c.message);
        if (c.responseTo !== undefined) expect(actionsFor(protocol)).toContain(c.responseTo);
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

  it("every message of every protocol has valid and invalid cases, and every keyword it can fail on", () => {
    for (const [protocol, names] of Object.entries(PROTOCOL_MESSAGE_NAMES)) {
      for (const m of names) {
        const cases = all.filter((c) => c.protocol === protocol && c.message === m);
        expect(cases.some((c) => c.valid), `${protocol} ${m}`).toBe(true);
        expect(cases.some((c) => !c.valid), `${protocol} ${m}`).toBe(true);
        const keywords = new Set(cases.flatMap((c) => c.errors.map((e) => e.keyword)));
        const schemaText = readFileSync(join(schemaDirOf(/** @type {any} */ (protocol)), `${m}.json`), "utf8");
        for (const k of ["type", "additionalProperties", "required", "enum", "maxLength", "format", "multipleOf", "minimum", "maximum", "minItems", "maxItems"]) {
          const used = k === "type" || k === "additionalProperties" ? true : schemaText.includes(`"${k}"`);
          if (used) expect(keywords.has(k), `${protocol} ${m}: ${k}`).toBe(true);
        }
      }
    }
    // a 1.6 case without `message` is StopTransaction
    expect(all.filter((c) => c.protocol === "ocpp1.6" && c.file !== "messages.json").every((c) => c.message === "StopTransaction")).toBe(true);
    expect(all.filter((c) => c.file.startsWith("ocpp2")).every((c) => c.file === `${c.protocol}.json`)).toBe(true);
  });

  it("loadVectors fills protocol in and filters by it", () => {
    expect(all.filter((c) => c.file === "messages.json").every((c) => c.protocol === "ocpp1.6")).toBe(true);
    for (const protocol of ["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]) {
      const some = loadVectors({ protocol: /** @type {any} */ (protocol) });
      expect(some.length, protocol).toBeGreaterThan(1000);
      expect(some.length).toBe(all.filter((c) => c.protocol === protocol).length);
    }
    const te = loadVectors({ protocol: "ocpp2.0.1", message: "TransactionEventRequest" });
    expect(te.length).toBeGreaterThan(20);
    expect(te.every((c) => c.protocol === "ocpp2.0.1" && c.message === "TransactionEventRequest")).toBe(true);
    // without a protocol, a name shared by 2.0.1 and 2.1 matches both
    expect(loadVectors({ message: "TransactionEventRequest" }).length).toBe(te.length + loadVectors({ protocol: "ocpp2.1", message: "TransactionEventRequest" }).length);
    expect(loadVectors({ message: "StopTransaction" }).every((c) => c.protocol === "ocpp1.6")).toBe(true);
  });

  it("every case recomputes to its stored verdict, error multiset and first issue", () => {
    let mismatches = [];
    for (const c of all) {
      const first = referenceValidate(caseInput(c), { allErrors: false, message: c.message, protocol: c.protocol }).errors[0];
      if (JSON.stringify(first ? { instancePath: first.instancePath, keyword: first.keyword } : null) !== JSON.stringify(c.first)) mismatches.push(`${c.file}: ${c.name} (first)`);
      const r = referenceValidate(caseInput(c), { allErrors: true, message: c.message, protocol: c.protocol });
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
      const r = referenceValidate(caseInput(c), { allErrors: false, message: c.message, protocol: c.protocol });
      expect(r.errors.length).toBe(1);
      const e = r.errors[0];
      expect(c.errors.some((x) => x.instancePath === e.instancePath && x.keyword === e.keyword), c.name).toBe(true);
    }
  });
});

describe("frame vectors", () => {
  const all = loadFrameVectors();
  const frames = loadFrameVectors({ protocol: "ocpp1.6" });

  it("loadFrameVectors fills protocol in: frames.json is 1.6, frames-2.x.json is 2.0.1 and 2.1", () => {
    expect(all.length).toBe(frames.length + loadFrameVectors({ protocol: "ocpp2.0.1" }).length + loadFrameVectors({ protocol: "ocpp2.1" }).length);
    expect(all.every((c) => (c.file === "frames.json") === (c.protocol === "ocpp1.6"))).toBe(true);
  });

  for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
    it(`${protocol}: cover every kind, station action, CSMS action, response and the 2.x codes`, () => {
      const cases = loadFrameVectors({ protocol });
      const kinds = new Set(cases.map((c) => c.expected.kind));
      expect([...kinds].sort()).toEqual(protocol === "ocpp2.1" ? ["call", "callerror", "callresult", "callresulterror", "invalid", "send"] : ["call", "callerror", "callresult", "invalid"]);
      const codes = new Set(cases.map((c) => c.expected.callError?.errorCode).filter(Boolean));
      for (const code of ["FormatViolation", "RpcFrameworkError", "MessageTypeNotSupported", "ProtocolError", "NotImplemented", "NotSupported", "TypeConstraintViolation", "OccurrenceConstraintViolation", "PropertyConstraintViolation"]) {
        expect(codes.has(code), code).toBe(true);
      }
      for (const code of ["FormationViolation", "OccurenceConstraintViolation"]) expect(codes.has(code), code).toBe(false);
      for (const a of stationActionsFor(protocol)) {
        expect(cases.some((c) => c.expected.kind === "call" && c.expected.action === a && c.expected.valid), a).toBe(true);
        expect(cases.some((c) => c.expected.action === a && !c.expected.valid && c.expected.errors.length > 0), a).toBe(true);
      }
      for (const a of csmsActionsFor(protocol)) expect(cases.some((c) => c.expected.action === a && c.expected.callError?.errorCode === "NotSupported"), a).toBe(true);
      for (const a of actionsFor(protocol)) {
        if (a === "NotifyPeriodicEventStream") continue;
        expect(cases.some((c) => c.responseTo === a && c.expected.kind === "callresult" && c.expected.valid), a).toBe(true);
        expect(cases.some((c) => c.responseTo === a && c.expected.kind === "callresult" && !c.expected.valid), a).toBe(true);
      }
      // a SEND is never answered, valid or not
      expect(cases.filter((c) => c.expected.kind === "send").every((c) => c.expected.callError === null && c.expectedFirst.callError === null)).toBe(true);
      if (protocol === "ocpp2.1") expect(cases.some((c) => c.expected.kind === "send" && !c.expected.valid)).toBe(true);
    });
  }

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

  it("every case of every protocol recomputes to its stored expectations", () => {
    for (const c of all) {
      expect(referenceValidateFrame(c.data, { allErrors: true, responseTo: c.responseTo, protocol: c.protocol }), c.name).toEqual(c.expected);
      expect(referenceValidateFrame(c.data, { allErrors: false, responseTo: c.responseTo, protocol: c.protocol }), c.name).toEqual(c.expectedFirst);
      // never answered: CALLRESULT, CALLERROR, CALLRESULTERROR, SEND; always answered: invalid frames and failed CALLs
      if (c.expected.kind !== "call" && c.expected.kind !== "invalid") expect(c.expected.callError, c.name).toBe(null);
      if (c.expected.kind === "invalid" || (c.expected.kind === "call" && !c.expected.valid)) expect(c.expected.callError, c.name).not.toBe(null);
    }
  });

  it("a CALLERROR frame is the JSON of its parts, and the payload range slices out the payload", () => {
    const encoder = new TextEncoder();
    for (const c of all) {
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
        const n = { call: 4, callresult: 3, callerror: 5, callresulterror: 5, send: 4 }[/** @type {"call" | "callresult" | "callerror" | "callresulterror" | "send"} */ (e.kind)];
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
    for (const k of ["type", "required", "enum", "maxLength", "format", "additionalProperties", "multipleOf", "minimum", "maximum", "minItems", "maxItems", "parse"]) {
      expect(cases.some((c) => c.expect.errors.some((d) => d.keyword === k)), k).toBe(true);
    }
  });

  it("verdicts, issue pairs in order, tolerated deviations and warnings are the reference's", () => {
    for (const c of cases) {
      const r = referenceOf(c.data, { protocol: c.protocol, message: c.message, allErrors: c.allErrors, tolerate: c.tolerate });
      expect({ valid: r.valid, errors: pairs(r.errors) }, c.name).toEqual({ valid: c.expect.valid, errors: pairs(c.expect.errors) });
      expect(r.tolerated, c.name).toEqual(c.expect.tolerated.map(({ instancePath, keyword, tolerance }) => ({ instancePath, keyword, tolerance })));
      const text = typeof c.data === "string" ? c.data : new TextDecoder().decode(c.data);
      const parsed = r.errors[0]?.keyword !== "parse";
      expect(parsed ? referenceWarnings(text) : [], c.name).toEqual(c.expect.warnings.map(({ instancePath, warning }) => ({ instancePath, warning })));
    }
  });
});
