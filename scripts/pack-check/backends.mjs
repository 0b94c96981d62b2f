// auto → native, and the three installed backends agree with each other and with the expected
// results on the repository's shared vectors (read from OCPP_VALIDATE_REPO: only the data, the
// package under test is this project's installed one).
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createValidator } from "ocpp-validate";
import { assertEqual, check } from "./harness.mjs";

const repo = process.env.OCPP_VALIDATE_REPO;
if (!repo) throw new Error("OCPP_VALIDATE_REPO is not set");
const { loadVectors, loadFrameVectors } = await import(pathToFileURL(join(repo, "packages/test-vectors/vectors.mjs")).href);
const encoder = new TextEncoder();
const backends = ["native", "wasm", "js"];
const validators = {};
const PROTOCOLS = ["ocpp1.6", "ocpp2.0.1", "ocpp2.1"];
/** validators[backend] is the 1.6 one; byProtocol[protocol][backend] every protocol's. */
const byProtocol = {};

await check("auto picks native", () => {
  const v = createValidator();
  assertEqual([v.backend, v.fallbacks], ["native", []], "backend and fallbacks");
});

for (const backend of backends) {
  await check(`backend ${backend} loads when asked for`, () => {
    validators[backend] = createValidator({ backend });
    assertEqual(validators[backend].backend, backend, "backend");
    for (const protocol of PROTOCOLS) {
      (byProtocol[protocol] ??= {})[backend] = createValidator({ backend, protocol });
      assertEqual(byProtocol[protocol][backend].protocol, protocol, "protocol");
    }
  });
}

const pairs = (errors) => errors.map((e) => `${e.instancePath} ${e.keyword}`).sort();
/**
 * Issues as a multiset, every field included: the contract fixes the (instancePath, keyword)
 * multiset (frames: sorted by it), not the order of issues that tie on both (js reports two
 * `required` at one path in schema order, the core by property name).
 */
const canonical = (result, backend) => ({ ...result, errors: result.errors.map((e) => JSON.stringify(backend === "js" ? parseTextAside(e) : e)).sort() });
/**
 * The one field js words differently: the text of a "parse" issue (it derives it from its own
 * JSON scanner: "unexpected '\ufeff' at byte 0" where the core says "unexpected byte order mark at
 * byte 0"). Its keyword, path and code still have to agree, and native and wasm agree on all of it.
 */
const parseTextAside = (e) => (e.keyword === "parse" ? { ...e, message: "(parse text)" } : e);
function agreeOr(where, backend, what, fn) {
  try {
    fn();
  } catch (error) {
    throw new Error(`${where}: ${backend} ${what}: ${error.message}`);
  }
}
const agree = (got, want, backend) => assertEqual(canonical(got, backend), canonical(want, backend), "result");

await check("native, wasm and js agree with every payload vector of every protocol, as bytes and as text", () => {
  const vectors = loadVectors();
  let inputs = 0;
  for (const c of vectors) {
    const forms = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
    for (const input of forms) {
      inputs++;
      const results = backends.map((b) => {
        const v = byProtocol[c.protocol][b];
        return { isValid: v.isValid(input, { message: c.message }), all: v.validate(input, { message: c.message, allErrors: true }), first: v.validate(input, { message: c.message }) };
      });
      const where = `${c.file} / ${c.name} (${typeof input === "string" ? "text" : "bytes"})`;
      assertEqual(results[0].isValid, c.valid, `${where}: native isValid`);
      assertEqual(pairs(results[0].all.errors), pairs(c.errors), `${where}: native allErrors issues`);
      for (let i = 1; i < backends.length; i++) {
        assertEqual(results[i].isValid, results[0].isValid, `${where}: ${backends[i]} isValid`);
        agreeOr(where, backends[i], "allErrors result", () => agree(results[i].all, results[0].all, backends[i]));
        assertEqual(results[i].first.valid, results[0].first.valid, `${where}: ${backends[i]} first-error verdict`);
      }
    }
  }
  assertEqual([...new Set(vectors.map((c) => c.protocol))].sort(), PROTOCOLS, "protocols of the vectors");
  return `${vectors.length} cases, ${inputs} inputs`;
});

await check("native, wasm and js agree with every frame vector of every protocol", () => {
  const frames = loadFrameVectors();
  for (const c of frames) {
    const options = { allErrors: true, ...(c.responseTo ? { responseTo: c.responseTo } : {}) };
    const bytes = typeof c.data === "string" ? encoder.encode(c.data) : c.data;
    const results = backends.map((b) => byProtocol[c.protocol][b].validateFrame(bytes, options));
    const { errors, tolerated, warnings, ...rest } = results[0];
    const { errors: wantErrors, tolerated: wantTolerated, warnings: wantWarnings, ...wantRest } = c.expected;
    assertEqual(rest, wantRest, `${c.name}: native frame`);
    assertEqual(tolerated, wantTolerated, `${c.name}: native frame tolerated`);
    assertEqual(warnings.map((w) => ({ instancePath: w.instancePath, warning: w.warning })), wantWarnings, `${c.name}: native frame warnings`);
    assertEqual(errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword })), wantErrors, `${c.name}: native frame issues`);
    for (let i = 1; i < backends.length; i++) agreeOr(c.name, backends[i], "frame", () => agree(results[i], results[0], backends[i]));
    if (typeof c.data === "string") {
      const text = backends.map((b) => byProtocol[c.protocol][b].validateFrame(c.data, options));
      for (let i = 1; i < backends.length; i++) agreeOr(c.name, backends[i], "frame (text)", () => agree(text[i], text[0], backends[i]));
    }
  }
  return `${frames.length} frames`;
});

await check("a detached buffer is empty input on every backend", () => {
  const buffer = new ArrayBuffer(8);
  const view = new Uint8Array(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  const answers = backends.map((b) => [validators[b].isValid(view), validators[b].validate(view), Array.from(validators[b].isValidBatch([view]))]);
  for (let i = 0; i < backends.length; i++) assertEqual(answers[i], answers[0], backends[i]);
  assertEqual(answers[0][0], false, "verdict");
});
