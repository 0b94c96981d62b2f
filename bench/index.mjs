#!/usr/bin/env node
// `pnpm bench`: ocpp-validate (every backend through the facade, plus the batch API) against every
// peer, on ~130 B / ~1.4 KB / ~72 KB StopTransaction.req payloads, an invalid payload and a batch of
// 10 000 mixed payloads, for Buffer, string and (where it applies) already-parsed object input.
//
//   node index.mjs                  full run → console tables, bench/results/latest.json + chart.svg
//   node index.mjs --quick          CI smoke check: a few iterations per row; exits non-zero if a row
//                                   produced no number or one of our backends (or ajv) disagrees with
//                                   the reference verdicts. Timings are never asserted.
//   node index.mjs --filter medium  only rows whose "case form name" contains the substring (repeatable)
//   node index.mjs --json out.json  write the results there instead of the default path
//
// Run `node build.mjs` first (the package scripts do): it generates the typia peer.
import { Bench } from "tinybench";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadSchema, makeAjv, makeOcppRpc, makeSchemasafe, makeTypia } from "./peers.mjs";
import { renderChart } from "./chart.mjs";

const here = dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------
const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"), // `pnpm run x -- args` may pass the "--" through
  options: {
    quick: { type: "boolean", default: false },
    filter: { type: "string", multiple: true },
    json: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  console.log("usage: node index.mjs [--quick] [--filter <substring>]... [--json <path>]");
  process.exit(0);
}
const QUICK = opts.quick;
const FILTERS = (opts.filter ?? []).map((f) => f.toLowerCase());
const BENCH_OPTS = QUICK
  ? { time: 10, iterations: 3, warmup: true, warmupTime: 5, warmupIterations: 1 }
  : { time: 800, iterations: 10, warmup: true, warmupTime: 150, warmupIterations: 3 };
// One timed sample = k calls, k chosen so a sample lasts ~SAMPLE_MS (timer overhead and clock
// granularity vanish for 100 ns calls); tinybench records the per-call mean of each sample.
const SAMPLE_MS = 0.05;
const CALIBRATE_MS = QUICK ? 2 : 30;
const BATCH_N = 10_000;
const BATCH_SEED = 20240501;
const BACKENDS = ["native", "wasm", "js", "auto"];

const defaultJson = join(here, "results", QUICK ? "latest.quick.json" : FILTERS.length ? "latest.filtered.json" : "latest.json");
const jsonPath = resolve(opts.json ?? defaultJson);
const writeChart = !QUICK && !FILTERS.length && !opts.json;

const failures = [];
let passed = 0;
const notes = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  return ok;
}
function loud(title, detail) {
  const bar = "!".repeat(100);
  console.error(`\n${bar}\n!! ${title}\n${String(detail).split("\n").map((l) => `!!   ${l}`).join("\n")}\n${bar}\n`);
}

// ---------------------------------------------------------------------------------------------
// Machine, payloads, reference
// ---------------------------------------------------------------------------------------------
const cpus = os.cpus();
const meta = {
  date: new Date().toISOString(),
  mode: QUICK ? "quick" : "full",
  filter: FILTERS,
  node: process.version,
  v8: process.versions.v8,
  machine: {
    cpu: cpus[0]?.model?.trim() ?? "unknown",
    cores: cpus.length,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`,
    arch: process.arch,
  },
  bench: { ...BENCH_OPTS, sampleMs: SAMPLE_MS, statistic: "mean latency per call (ms→ns); MB = 10^6 bytes of JSON text" },
};
const header = `machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memGiB} GiB, ${meta.machine.os} ${meta.machine.arch} | Node ${meta.node} (V8 ${meta.v8}) | ${meta.date}${QUICK ? " | QUICK MODE: timings are not meaningful" : ""}`;
console.log(header);

async function importVectors(name) {
  const spec = `@ocpp-validate/test-vectors/${name}`;
  try {
    return await import(spec);
  } catch (e) {
    loud(`cannot import ${spec}`, `${e.message}\nThe bench payloads and the reference verdicts come from packages/test-vectors; nothing to measure without them.`);
    process.exit(1);
  }
}
const payloads = await importVectors("payloads");
const reference = await importVectors("reference");

function refResult(text) {
  return reference.referenceValidate(text, { allErrors: true });
}
function refVerdict(text) {
  const r = reference.referenceValidate(text, { allErrors: false });
  return typeof r === "boolean" ? r : !!r.valid;
}

const cases = [];
for (const [id, label, fn] of [
  ["small", "small (~130 B)", () => payloads.smallPayload()],
  ["medium", "medium (~1.4 KB)", () => payloads.mediumPayload()],
  ["large", "large (~72 KB)", () => payloads.largePayload()],
  ["invalid", "invalid (fail-fast)", () => payloads.invalidPayload()],
]) {
  const text = fn();
  let object;
  try {
    object = JSON.parse(text);
  } catch {
    object = undefined; // not JSON at all: no object form
  }
  cases.push({ id, label, batch: false, text, buffer: Buffer.from(text, "utf8"), object, bytes: Buffer.byteLength(text), ref: refVerdict(text) });
}
{
  const texts = payloads.mixedBatch(BATCH_N, BATCH_SEED);
  const ref = Uint8Array.from(texts, (t) => (refVerdict(t) ? 1 : 0));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  cases.push({
    id: "batch",
    label: `batch (${texts.length} mixed, ${ref.length - ref.reduce((a, b) => a + b, 0)} invalid)`,
    batch: true,
    texts,
    string: texts,
    buffer: texts.map((t) => Buffer.from(t, "utf8")),
    bytes,
    ref,
  });
}
for (const c of cases) c.string ??= c.text;
meta.payloads = Object.fromEntries(cases.map((c) => [c.id, { bytes: c.bytes, label: c.label, ...(c.batch ? { count: c.texts.length, invalid: c.ref.length - c.ref.reduce((a, b) => a + b, 0) } : { referenceValid: c.ref }) }]));
for (const c of cases) if (!c.batch && c.id !== "invalid" && !c.ref) loud(`the ${c.id} bench payload is invalid per the reference`, "the bench measures the valid path on it; check packages/test-vectors/payloads");
if (cases.find((c) => c.id === "invalid").ref) loud("invalidPayload() is VALID per the reference", "the fail-fast case measures nothing");

// ---------------------------------------------------------------------------------------------
// Our implementations: the facade (each backend) and the no-op crossings
// ---------------------------------------------------------------------------------------------
let facade = null;
try {
  facade = await import("ocpp-validate");
  if (typeof facade.createValidator !== "function") throw new Error(`"ocpp-validate" has no createValidator export (exports: ${Object.keys(facade).join(", ")})`);
} catch (e) {
  facade = null;
  loud("FACADE NOT AVAILABLE: import(\"ocpp-validate\") failed; every ocpp-validate row is MISSING", `${e.message}\nbuild it: pnpm --filter @ocpp-validate/native build && bash scripts/build-wasm.sh && pnpm --filter ocpp-validate build`);
}
const validators = {};
for (const b of BACKENDS) {
  if (!facade) {
    validators[b] = { error: "facade not importable" };
    continue;
  }
  try {
    const v = facade.createValidator({ backend: b });
    validators[b] = { v, chosen: v.backend };
  } catch (e) {
    validators[b] = { error: e.message };
    loud(`createValidator({ backend: "${b}" }) failed`, e.message);
  }
}
meta.facade = Object.fromEntries(BACKENDS.map((b) => [b, validators[b].error ? { error: validators[b].error } : { backend: validators[b].chosen }]));

// The boundary alone: each backend's `noop` crosses exactly as its `isValid` does (wasm: including
// the copy into linear memory) without reading the input. Loaded through the facade's own candidates.
const noops = {};
for (const name of ["native", "wasm"]) {
  try {
    const candidate = facade?.nodeCandidates?.find((c) => c.name === name);
    if (!candidate) throw new Error("the facade exports no nodeCandidates entry for it");
    const backend = candidate.load();
    if (typeof backend.noop !== "function") throw new Error(`the ${name} backend has no noop()`);
    noops[name] = { m: backend };
  } catch (e) {
    noops[name] = { error: e.message };
    loud(`${name} noop crossing not available`, e.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Peers
// ---------------------------------------------------------------------------------------------
const schema = loadSchema();
const ajvValidate = makeAjv(schema);
const ocppRpc = makeOcppRpc();
const schemasafe = makeSchemasafe(schema);
const typia = await makeTypia();
if (schemasafe.refusedRaw) notes.push(`schemasafe refuses the OCPP schema as published ("${schemasafe.refusedRaw}"); it runs on a copy with \`additionalProperties\` removed from the string enums (a no-op keyword there), in mode "default" (its parser defaults to "strong", which also refuses plain strings).`);
notes.push("ocpp-rpc 2.2.1 validates with its own bundled schema (draft-07 copy of the OCPP 1.6 schema, ajv 8.14 + ajv-formats 2.1), so verdict differences from the reference are its findings, not errors in this bench.");
notes.push("typia peers use a hand-written interface (tags.Format<\"date-time\">, tags.MaxLength<20>, tags.Type<\"int64\">); typia.json.isParse runs `is`, which accepts unknown properties; typia.equals rejects them.");


// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------
// row: { case, form, id, name, kind, strict, fn (timed, one input), check (→ verdict(s)) }
//   kind: ours | batch | noop | peer;  strict: must agree with the reference (ours + ajv)
// How a row calls its implementation: `expr(arg)` is JS source for one call, with `t` bound to the
// target (the validator object, the binding module, or the peer function). Both the timed loop and the
// verdict function are generated from it, so every row has its own call site (own type feedback:
// no megamorphic site shared by all rows) and the timed call is exactly `validator.isValid(x)`.
const call = (t, expr) => ({ t, expr });
const fnCall = (f) => call(f, (a) => `t(${a})`);
const rows = [];
function addRow(c, form, id, name, kind, strict, how, { verdict = true, unavailable } = {}) {
  const row = { case: c.id, form, id, name, kind, strict, bytes: c.bytes, unavailable, input: c[form] };
  row.key = `${c.id} ${form} ${name}`;
  if (FILTERS.length && !FILTERS.some((f) => row.key.toLowerCase().includes(f))) return;
  if (!unavailable) {
    // in the batch case every row but isValidBatch is a loop over the payloads: one op = the whole batch
    const loopOver = c.batch && kind !== "batch";
    const body = loopOver ? `let n = 0; for (let j = 0; j < x.length; j++) if (${how.expr("x[j]")}) n++; return n;` : `return ${how.expr("x")};`;
    row.how = how;
    row.loopOver = loopOver;
    row.fn = new Function("t", `return function one(x) { ${body} };`)(how.t);
    if (verdict) {
      const single = new Function("t", `return function verdict(x) { return ${how.expr("x")}; };`)(how.t);
      row.check = loopOver
        ? (inputs) => Uint8Array.from(inputs, (x) => (single(x) ? 1 : 0))
        : kind === "batch"
          ? (inputs) => Uint8Array.from(single(inputs))
          : (x) => !!single(x);
    }
  }
  rows.push(row);
}

for (const c of cases) {
  const forms = c.batch ? ["buffer", "string"] : c.object === undefined ? ["buffer", "string"] : ["buffer", "string", "object"];
  for (const form of forms) {
    const obj = form === "object";
    // ours, through the facade
    for (const b of BACKENDS) {
      const { v, error } = validators[b];
      const label = b === "auto" && v ? `auto→${v.backend}` : b;
      if (c.batch) {
        addRow(c, form, `batch-${b}`, `ocpp-validate ${label} isValidBatch`, "batch", true, call(v, (a) => `t.isValidBatch(${a})`), { unavailable: error });
        addRow(c, form, `ours-${b}`, `ocpp-validate ${label} isValid ×${c.texts.length}`, "ours", true, call(v, (a) => `t.isValid(${a})`), { unavailable: error });
      } else {
        addRow(c, form, `ours-${b}`, `ocpp-validate ${label}${obj ? " (object)" : ""}`, "ours", true, call(v, (a) => `t.isValid(${a})`), { unavailable: error });
      }
    }
    // the boundary: a crossing that does not read the bytes
    if (!obj && !c.batch) {
      for (const b of ["native", "wasm"]) {
        const { m, error } = noops[b];
        addRow(c, form, `noop-${b}`, `${b} noop (crossing only)`, "noop", false, call(m, (a) => `t.noop(${a})`), { verdict: false, unavailable: error });
      }
    }
    // peers
    if (obj) {
      addRow(c, form, "ajv", "ajv (object)", "peer", true, fnCall(ajvValidate));
      addRow(c, form, "typia-equals", "typia.equals (object)", "peer", false, call(typia, (a) => `t.equals(${a})`));
      addRow(c, form, "schemasafe", "schemasafe validator (object)", "peer", false, fnCall(schemasafe.validate));
      addRow(c, form, "ocpp-rpc", "ocpp-rpc validate (object)", "peer", false, fnCall(ocppRpc));
    } else {
      const buf = form === "buffer";
      const pre = buf ? "JSON.parse(toString)" : "JSON.parse";
      // Buffer input: the JSON.parse-based peers must decode first (that's the honest comparison).
      // A parse-then-validate user catches JSON.parse's SyntaxError (some batch payloads are not JSON).
      const text = (a) => (buf ? `${a}.toString("utf8")` : a);
      const peer = (f) => call(f, (a) => `t(${text(a)})`);
      addRow(c, form, "json-parse", `${pre} alone (floor)`, "peer", false, peer((s) => {
        try {
          return JSON.parse(s);
        } catch {
          return undefined;
        }
      }), { verdict: false });
      addRow(c, form, "ajv", `${pre} + ajv`, "peer", true, peer((s) => {
        try {
          return ajvValidate(JSON.parse(s));
        } catch {
          return false;
        }
      }));
      addRow(c, form, "ocpp-rpc", `${pre} + ocpp-rpc validate`, "peer", false, peer((s) => {
        try {
          return ocppRpc(JSON.parse(s));
        } catch {
          return false;
        }
      }));
      addRow(c, form, "typia-isparse", buf ? "typia.json.isParse(toString)" : "typia.json.isParse", "peer", false, peer((s) => {
        try {
          return typia.isParse(s) !== null; // lets JSON.parse's SyntaxError through
        } catch {
          return false;
        }
      }));
      addRow(c, form, "typia-equals", `${pre} + typia.equals`, "peer", false, peer((s) => {
        try {
          return typia.equals(JSON.parse(s));
        } catch {
          return false;
        }
      }));
      addRow(c, form, "schemasafe", buf ? "schemasafe parser(toString)" : "schemasafe parser", "peer", false, call(schemasafe.parse, (a) => `t(${text(a)}).valid`));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Verdicts against the reference (before any timing)
// ---------------------------------------------------------------------------------------------
function pointerGet(value, pointer) {
  if (!pointer) return value;
  for (const part of pointer.slice(1).split("/")) {
    if (value == null || typeof value !== "object") return undefined;
    value = value[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return value;
}
function describeRef(text) {
  const r = refResult(text);
  if (r.valid) return "valid";
  const e = r.errors?.[0];
  if (!e) return "invalid";
  if (e.keyword === "parse") return `invalid (parse: ${e.message.slice(0, 60)})`;
  const at = pointerGet(JSON.parse(text), e.instancePath);
  const shown = e.keyword === "additionalProperties" || e.keyword === "required"
    ? `keys ${Object.keys(at ?? {}).join(",")}`
    : JSON.stringify(at);
  return `invalid (${e.keyword} at "${e.instancePath}": ${shown.length > 70 ? `${shown.slice(0, 70)}…` : shown})`;
}
function diffVerdicts(c, got) {
  if (!c.batch) return got === c.ref ? [] : [0];
  const out = [];
  if (!(got instanceof Uint8Array) || got.length !== c.ref.length) return [-1];
  for (let i = 0; i < got.length; i++) if (!!got[i] !== !!c.ref[i]) out.push(i);
  return out;
}
function formatDiffs(c, got, diffs) {
  if (diffs[0] === -1) return `returned ${got?.constructor?.name ?? typeof got} of length ${got?.length}, expected ${c.ref.length} verdicts`;
  // up to 3 examples of distinct kinds (same reference issue and verdict)
  const kinds = new Map();
  for (const i of diffs) {
    const text = c.batch ? c.texts[i] : c.text;
    const g = c.batch ? !!got[i] : got;
    const d = `reference ${describeRef(text)}, got ${g ? "valid" : "invalid"}`;
    const kind = d.replace(/: .*\)/, ")");
    if (!kinds.has(kind)) kinds.set(kind, { d, i, n: 0 });
    kinds.get(kind).n++;
    if (kinds.size >= 3 && i > 2000) break; // enough variety, keep it cheap
  }
  const shown = [...kinds.values()].slice(0, 3).map(({ d, i }) => `${c.batch ? `#${i} ` : ""}${d}`);
  return `${c.batch ? `${diffs.length}/${c.ref.length} disagree, e.g. ` : ""}${shown.join(" | ")}`;
}

console.log(`\nverdicts vs the reference (JSON.parse + ajv-draft-04 + ajv-formats 3) on ${rows.length} rows …`);
const peerFindings = new Map(); // "id|case|what" → { name, forms }
function pushFinding(row, msg) {
  const k = `${row.id}|${row.case}|${msg}`;
  if (!peerFindings.has(k)) peerFindings.set(k, { name: row.name.replace(/\(toString\)|\(object\)/g, "").replace(/JSON\.parse \+ /, "").trim(), c: row.case, msg, forms: [] });
  peerFindings.get(k).forms.push(row.form);
}
for (const row of rows) {
  const c = cases.find((x) => x.id === row.case);
  row.agrees = null;
  if (row.unavailable || !row.check) continue;
  let got;
  try {
    got = row.check(row.input);
  } catch (e) {
    row.agrees = false;
    if (row.strict) check(false, `${row.key}: threw ${e.message}`);
    else pushFinding(row, `threw ${e.message}`);
    continue;
  }
  const diffs = diffVerdicts(c, got);
  row.agrees = diffs.length === 0;
  row.disagreements = c.batch ? diffs.length : diffs.length ? 1 : 0;
  if (row.strict) check(row.agrees, `${row.key}: disagrees with the reference: ${row.agrees ? "" : formatDiffs(c, got, diffs)}`);
  else if (!row.agrees) pushFinding(row, formatDiffs(c, got, diffs));
}
// validate() of every available backend, in every form, must agree too (allErrors on and off).
for (const c of cases) {
  for (const b of BACKENDS) {
    const { v } = validators[b];
    if (!v) continue;
    for (const form of c.batch ? ["buffer", "string"] : c.object === undefined ? ["buffer", "string"] : ["buffer", "string", "object"]) {
      const key = `${c.id} ${form} ocpp-validate ${b} validate()`;
      if (FILTERS.length && !FILTERS.some((f) => key.toLowerCase().includes(f))) continue;
      for (const allErrors of [false, true]) {
        let got;
        try {
          got = c.batch ? Uint8Array.from(c[form], (x) => (v.validate(x, { allErrors }).valid ? 1 : 0)) : v.validate(c[form], { allErrors }).valid;
        } catch (e) {
          check(false, `${key} {allErrors:${allErrors}} threw ${e.message}`);
          continue;
        }
        const diffs = diffVerdicts(c, got);
        check(diffs.length === 0, `${key} {allErrors:${allErrors}}: disagrees with the reference: ${diffs.length ? formatDiffs(c, got, diffs) : ""}`);
      }
    }
  }
}
for (const f of peerFindings.values()) notes.push(`finding: ${f.name} on ${f.c} (${f.forms.join(", ")}): ${f.msg}`);

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------
const sink = { v: 0 };
const now = () => performance.now();
function calibrate(fn, input) {
  let n = 0;
  const t0 = now();
  let t;
  do {
    sink.v = fn(input);
    n++;
    t = now() - t0;
  } while (t < CALIBRATE_MS && n < 100_000);
  if (t === 0) return 1000;
  return Math.max(1, Math.min(100_000, Math.round(SAMPLE_MS / (t / n))));
}
// The timed loop is generated per row with the row's call expression inlined (see addRow).
function timedLoop(row, k) {
  const once = row.loopOver
    ? `{ let n = 0; for (let j = 0; j < x.length; j++) if (${row.how.expr("x[j]")}) n++; r = n; }`
    : `r = ${row.how.expr("x")};`;
  // eslint-disable-next-line no-new-func
  return new Function(
    "t", "x", "k", "now", "sink",
    `return function timed() {
      let r, c = 0;
      const t0 = now();
      for (let i = 0; i < k; i++) { ${once} if (r) c++; }
      const d = now() - t0;
      sink.v = c;
      return { overriddenDuration: d / k, overriddenIterationCost: d };
    };`,
  )(row.how.t, row.input, k, now, sink);
}

const gc = globalThis.gc ?? (() => {});
for (const c of cases) {
  const caseRows = rows.filter((r) => r.case === c.id && !r.unavailable);
  if (!caseRows.length) continue;
  console.log(`\n=== ${c.label}: ${c.bytes} bytes${c.batch ? " in total" : ""} ===`);
  const bench = new Bench({ ...BENCH_OPTS, throws: false });
  for (const row of caseRows) {
    let k;
    try {
      k = calibrate(row.fn, row.input);
    } catch (e) {
      row.error = e.message;
      continue;
    }
    row.callsPerSample = k;
    row.taskName = `${row.form.padEnd(6)} ${row.name}`;
    bench.add(row.taskName, timedLoop(row, k), { beforeAll: () => gc() });
  }
  await bench.run();
  console.table(bench.table());
  for (const row of caseRows) {
    const task = row.taskName && bench.getTask(row.taskName);
    const res = task?.result;
    if (res?.state === "completed" && Number.isFinite(res.latency?.mean) && res.latency.mean > 0) {
      row.nsPerOp = res.latency.mean * 1e6;
      row.rme = res.latency.rme;
      row.samples = res.latency.samples?.length ?? task.runs;
    } else {
      row.error ??= res?.error?.message ?? `task state ${res?.state ?? "not added"}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------
for (const row of rows) {
  check(row.nsPerOp > 0, `${row.key}: no number (${row.unavailable ?? row.error ?? "?"})`);
  if (row.nsPerOp > 0) {
    row.mbPerS = (row.bytes / row.nsPerOp) * 1e3;
    const base = rows.find((r) => r.case === row.case && r.form === row.form && r.id === "ajv");
    row.ratio = base?.nsPerOp > 0 ? base.nsPerOp / row.nsPerOp : null;
  }
}

const fmt = (x, d = 0) => (x == null || !Number.isFinite(x) ? "—" : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const fmtNs = (ns) => (ns == null ? "—" : ns >= 1e6 ? `${fmt(ns / 1e6, 2)} ms` : ns >= 1e4 ? `${fmt(ns / 1e3, 1)} µs` : `${fmt(ns)} ns`);
const fmtRatio = (r) => (r == null ? "—" : `${r >= 10 ? fmt(r, 1) : fmt(r, 2)}×`);
function printTable() {
  const head = ["case", "input", "row", "ns/op", "±%", "MB/s", "× JSON.parse+ajv", "verdicts", ""];
  const lines = rows.map((r) => [
    r.case,
    r.form,
    r.name,
    r.nsPerOp > 0 ? fmtNs(r.nsPerOp) : "MISSING",
    r.rme == null ? "" : fmt(r.rme, 1),
    fmt(r.mbPerS, r.mbPerS < 10 ? 1 : 0),
    fmtRatio(r.ratio),
    r.agrees == null ? "" : r.agrees ? "=ref" : `≠ref${r.disagreements > 1 ? ` (${r.disagreements})` : ""}`,
    r.nsPerOp > 0 ? "" : (r.unavailable ?? r.error ?? "").slice(0, 70),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const right = new Set([3, 4, 5, 6]);
  const fmtLine = (l) => l.map((x, i) => (right.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ").trimEnd();
  console.log(`\n${header}`);
  console.log("ratio = (JSON.parse + ajv ns/op) / (row ns/op) for the same case and input form (object rows: ajv on the object); higher is faster");
  console.log(fmtLine(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  let prev = null;
  for (let i = 0; i < lines.length; i++) {
    const k = `${rows[i].case} ${rows[i].form}`;
    if (prev !== null && k !== prev) console.log("");
    prev = k;
    console.log(fmtLine(lines[i]));
  }
}
printTable();

// Targets: ratios to JSON.parse + ajv on Buffer input, same run.
const TARGETS = [
  ["native", "small", 6], ["native", "medium", 10], ["native", "large", 8],
  ["wasm", "small", 4], ["wasm", "medium", 6], ["wasm", "large", 5],
].map(([b, cs, min]) => ({ name: `${b} ${cs} (Buffer) ≥ ${min}× JSON.parse+ajv`, case: cs, form: "buffer", id: `ours-${b}`, metric: "ratio", min }));
TARGETS.push({ name: "native isValidBatch (Buffer) ≥ 1.5 GB/s aggregate", case: "batch", form: "buffer", id: "batch-native", metric: "mbPerS", min: 1500 });
console.log(`\ntargets${QUICK ? " (quick run: indicative only, never asserted)" : ""}:`);
const targets = TARGETS.map((t) => {
  const row = rows.find((r) => r.case === t.case && r.form === t.form && r.id === t.id);
  const value = row?.[t.metric] ?? null;
  const status = value == null ? "not measured" : value >= t.min ? "met" : "missed";
  const shown = value == null ? "—" : t.metric === "ratio" ? fmtRatio(value) : `${fmt(value)} MB/s`;
  console.log(`  ${status === "met" ? "MET   " : status === "missed" ? "MISSED" : "N/A   "}  ${t.name}: ${shown}`);
  return { ...t, value, status };
});

if (notes.length) {
  console.log("\nnotes:");
  for (const n of notes) console.log(`  - ${n}`);
}

const out = {
  meta,
  rows: rows.map((r) => ({
    case: r.case,
    form: r.form,
    id: r.id,
    name: r.name,
    kind: r.kind,
    bytes: r.bytes,
    nsPerOp: r.nsPerOp ?? null,
    rmePct: r.rme ?? null,
    mbPerS: r.mbPerS ?? null,
    ratioToAjv: r.ratio ?? null,
    samples: r.samples ?? null,
    callsPerSample: r.callsPerSample ?? null,
    verdictsAgree: r.agrees,
    disagreements: r.disagreements ?? 0,
    strict: r.strict,
    error: r.unavailable ?? r.error ?? null,
  })),
  targets: targets.map(({ name, case: cs, form, id, metric, min, value, status }) => ({ name, case: cs, form, id, metric, min, value, status })),
  notes,
  checks: { passed, failed: failures.length, failures },
};
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nresults: ${relative(process.cwd(), jsonPath) || jsonPath}`);
if (writeChart) {
  const svgPath = join(here, "results", "chart.svg");
  writeFileSync(svgPath, renderChart(out));
  console.log(`chart:   ${relative(process.cwd(), svgPath) || svgPath}`);
}

if (failures.length) {
  console.log(`\nfailed checks:`);
  // rows missing for the same reason (e.g. the facade is not built) are listed once
  const missing = new Map();
  for (const f of failures) {
    const m = /^(.*): no number \((.*)\)$/.exec(f);
    if (m) missing.set(m[2], [...(missing.get(m[2]) ?? []), m[1]]);
    else console.log(`  ✗ ${f}`);
  }
  for (const [why, keys] of missing) console.log(`  ✗ ${keys.length} row(s) produced no number (${why}): ${keys.length > 6 ? `${keys.slice(0, 6).join(", ")}, …` : keys.join(", ")}`);
}
console.log(`${QUICK ? "bench-smoke" : "bench-checks"}: ${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
