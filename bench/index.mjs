#!/usr/bin/env node
// `pnpm bench`: ocpp-validate (every backend through the facade, plus the batch API) against every
// peer, per OCPP 1.6 message and OCPP 2.0.1's TransactionEventRequest:
//   StopTransaction.req   ~130 B / ~1.4 KB / ~72 KB payloads, an invalid payload and a batch of 10 000
//                         mixed payloads (Buffer, string and already-parsed object input; unchanged
//                         since the StopTransaction-only bench, so its ratios compare with results/baseline.json)
//   MeterValues.req       small / medium / large and the headline one meterValue × 10 sampled values
//   StatusNotification, Heartbeat, BootNotification   small (required fields) / medium (every field)
//   a mixed-session batch of 10 000 frames of six messages in session proportions, each validated
//   with its own message (per-call loop, and isValidBatch grouped by message)
//   TransactionEventRequest (OCPP 2.0.1)   Started (~0.5 KB), Updated with 20 meter readings × 15
//                         sampled values (~40 KB), an invalid Started (transaction-event.mjs)
// (Buffer and string input for all but StopTransaction.)
//
//   node index.mjs                  full run → console tables, bench/results/run.json + run.svg (untracked)
//   node index.mjs --update         full run that also replaces the committed bench/results/latest.json
//                                   and chart.svg and rewrites the results blocks of both READMEs
//   node index.mjs --quick          CI smoke check: a few iterations per row; exits non-zero if a row
//                                   is missing or produced no number, or one of our backends (or ajv)
//                                   disagrees with the reference verdicts. Timings are never asserted.
//   node index.mjs --filter medium  only rows whose "message case form name" contains the substring (repeatable)
//   node index.mjs --json out.json  write the results there instead of the default path
//
// Run `node build.mjs` first (the package scripts do): it generates the typia peers.
import { Bench } from "tinybench";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadSchema, makeAjv, makeOcppRpc, makeSchemasafe, makeTypia } from "./peers.mjs";
import { SESSION_MESSAGES, sessionBatch } from "./session.mjs";
import * as te from "./transaction-event.mjs";
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
    update: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (opts.help) {
  console.log("usage: node index.mjs [--quick | --update] [--filter <substring>]... [--json <path>]");
  process.exit(0);
}
const QUICK = opts.quick;
const FILTERS = (opts.filter ?? []).map((f) => f.toLowerCase());
// Per row: warmup, then samples for `time` ms (and at least `iterations`). 400 ms per row keeps the
// full run (482 rows) at a few minutes on 2 cores; the StopTransaction-only bench used 800 ms.
const BENCH_OPTS = QUICK
  ? { time: 10, iterations: 1, warmup: false, warmupTime: 0, warmupIterations: 0 } // a smoke check: every row runs, nothing is measured
  : { time: 400, iterations: 10, warmup: true, warmupTime: 100, warmupIterations: 3 };
// One timed sample = k calls, k chosen so a sample lasts ~SAMPLE_MS (timer overhead and clock
// granularity vanish for 100 ns calls); tinybench records the per-call mean of each sample.
const SAMPLE_MS = 0.05;
const CALIBRATE_MS = QUICK ? 2 : 30;
const BATCH_N = 10_000;
const BATCH_SEED = 20240501;
const SESSION_N = 10_000;
const SESSION_SEED = 20240517;
const BACKENDS = ["native", "wasm", "js", "auto"];
const STOP = "StopTransaction";
/** The messages with their own payload cases, in report order (the session adds StartTransaction). */
const MESSAGES = [STOP, "MeterValues", "StatusNotification", "Heartbeat", "BootNotification"];
// 2.x messages benched, each with its protocol (every other message is OCPP 1.6). Their names do not
// occur in 1.6, so a message name alone still identifies a case, a row and its validators.
const TE = te.TE_MESSAGE;
const PROTOCOL_OF = { [TE]: te.TE_PROTOCOL };
const MESSAGES_2X = Object.keys(PROTOCOL_OF);
const protocolOf = (message) => PROTOCOL_OF[message] ?? "ocpp1.6";
/** The reference's and the facade's options for a message: 1.6 exactly as before the 2.x rows. */
const withProtocol = (message, o = {}) => (PROTOCOL_OF[message] ? { ...o, message, protocol: PROTOCOL_OF[message] } : { ...o, message });
const TE_READINGS = 20;
const TE_SEED = 20240517;

// An ordinary run must not rewrite the committed results: only --update, and only a complete one.
const UPDATE = opts.update;
if (UPDATE && (QUICK || FILTERS.length || opts.json)) {
  console.error("--update needs a complete run: not with --quick, --filter or --json");
  process.exit(2);
}
const defaultJson = join(here, "results", QUICK ? "latest.quick.json" : FILTERS.length ? "latest.filtered.json" : UPDATE ? "latest.json" : "run.json");
const jsonPath = resolve(opts.json ?? defaultJson);
const writeChart = !QUICK && !FILTERS.length && !opts.json;
const chartPath = join(here, "results", UPDATE ? "chart.svg" : "run.svg");
const baselinePath = join(here, "results", "baseline.json");

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
const passesFilter = (key) => !FILTERS.length || FILTERS.some((f) => key.toLowerCase().includes(f));

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
    loadAvg1mAtStart: +os.loadavg()[0].toFixed(2),
  },
  bench: { ...BENCH_OPTS, sampleMs: SAMPLE_MS, statistic: "mean latency per call (ms→ns); also the median sample (p50), which a busy machine's scheduling stalls distort less; MB = 10^6 bytes of JSON text" },
};
const header = `machine: ${meta.machine.cpu}, ${meta.machine.cores} cores, ${meta.machine.memGiB} GiB, ${meta.machine.os} ${meta.machine.arch}, load ${meta.machine.loadAvg1mAtStart} | Node ${meta.node} (V8 ${meta.v8}) | ${meta.date}${QUICK ? " | QUICK MODE: timings are not meaningful" : ""}`;
console.log(header);
const t0Run = performance.now();
const elapsed = () => `${((performance.now() - t0Run) / 1000).toFixed(1)} s`;

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

if (!Array.isArray(reference.PROTOCOLS) || !reference.PROTOCOLS.includes(te.TE_PROTOCOL)) {
  loud(`the reference has no ${te.TE_PROTOCOL}`, `@ocpp-validate/test-vectors/reference exports no PROTOCOLS with ${te.TE_PROTOCOL}: the ${TE} rows cannot be checked, so they are left out (and reported missing)`);
}
const hasProtocol = (message) => protocolOf(message) === "ocpp1.6" || (Array.isArray(reference.PROTOCOLS) && reference.PROTOCOLS.includes(protocolOf(message)));
function refResult(text, message) {
  return reference.referenceValidate(text, withProtocol(message, { allErrors: true }));
}
function refVerdict(text, message) {
  const r = reference.referenceValidate(text, withProtocol(message, { allErrors: false }));
  return typeof r === "boolean" ? r : !!r.valid;
}

// A case: one payload (or a batch) of one message. c.message is the message validated (null for the
// session, whose frames each carry theirs), c.id the payload id within the message, c.key both.
const cases = [];
function addCase(message, id, label, text, forms) {
  let object;
  try {
    object = JSON.parse(text);
  } catch {
    object = undefined; // not JSON at all: no object form
  }
  cases.push({
    message, protocol: protocolOf(message), id, key: `${message} ${id}`, label, batch: false, text, string: text, buffer: Buffer.from(text, "utf8"), object,
    bytes: Buffer.byteLength(text), ref: refVerdict(text, message), forms: object === undefined ? forms.filter((f) => f !== "object") : forms,
  });
}
// StopTransaction: exactly the payloads of the StopTransaction-only bench (compare with results/baseline.json)
const ALL_FORMS = ["buffer", "string", "object"];
addCase(STOP, "small", "small (~130 B)", payloads.smallPayload(), ALL_FORMS);
addCase(STOP, "medium", "medium (~1.4 KB)", payloads.mediumPayload(), ALL_FORMS);
addCase(STOP, "large", "large (~72 KB)", payloads.largePayload(), ALL_FORMS);
addCase(STOP, "invalid", "invalid (fail-fast)", payloads.invalidPayload(), ALL_FORMS);
{
  const texts = payloads.mixedBatch(BATCH_N, BATCH_SEED);
  const ref = Uint8Array.from(texts, (t) => (refVerdict(t, STOP) ? 1 : 0));
  cases.push({
    message: STOP, id: "batch", key: `${STOP} batch`,
    label: `batch (${texts.length} mixed, ${ref.length - ref.reduce((a, b) => a + b, 0)} invalid)`,
    batch: true, texts, string: texts, buffer: texts.map((t) => Buffer.from(t, "utf8")),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), ref, forms: ["buffer", "string"],
  });
}
// The other messages (payloadFor's defaults: seed 1; "small" of a flat message = required fields only)
const TEXT_FORMS = ["buffer", "string"];
const MV = "MeterValues";
addCase(MV, "small", "small (1 meterValue × 1 sampledValue)", payloads.payloadFor(MV, { size: "small" }), TEXT_FORMS);
addCase(MV, "medium", "medium (2 meterValues × 4 sampledValues)", payloads.payloadFor(MV, { size: "medium" }), TEXT_FORMS);
addCase(MV, "large", "large (50 meterValues × 10 sampledValues)", payloads.payloadFor(MV, { size: "large" }), TEXT_FORMS);
addCase(MV, "sv10", "10 sampled values (1 meterValue × 10, every field)", payloads.payloadFor(MV, { arrayLengths: [1, 10] }), TEXT_FORMS);
for (const m of ["StatusNotification", "Heartbeat", "BootNotification"]) {
  const small = payloads.payloadFor(m, { size: "small", optional: false });
  const medium = payloads.payloadFor(m, { size: "medium" });
  if (small !== medium) addCase(m, "small", "small (required fields only)", small, TEXT_FORMS);
  addCase(m, "medium", small === medium ? `medium (${medium}: the only payload there is)` : "medium (every field)", medium, TEXT_FORMS);
}
// OCPP 2.0.1 TransactionEvent: the 2.0.1 message a CSMS sees most (it carries what 1.6's Start/Stop
// Transaction and MeterValues carried)
if (hasProtocol(TE)) {
  addCase(TE, "small", "small (eventType Started)", te.startedPayload(), TEXT_FORMS);
  addCase(TE, "large", `large (eventType Updated: ${TE_READINGS} meterValues × 15 sampledValues)`, te.updatedPayload({ readings: TE_READINGS, seed: TE_SEED }), TEXT_FORMS);
  addCase(TE, "invalid", "invalid (Started with idToken.type \"RFID\", mid-payload)", te.invalidPayload(), TEXT_FORMS);
}
// The mixed session: frames of six messages, each validated with its own
{
  const frames = sessionBatch(SESSION_N, SESSION_SEED);
  const names = frames.map((f) => f.message);
  const texts = frames.map((f) => f.text);
  const ref = Uint8Array.from(frames, (f) => (refVerdict(f.text, f.message) ? 1 : 0));
  const counts = Object.fromEntries(SESSION_MESSAGES.map((m) => [m, names.filter((x) => x === m).length]));
  const invalid = ref.length - ref.reduce((a, b) => a + b, 0);
  const optsOf = Object.fromEntries(SESSION_MESSAGES.map((m) => [m, Object.freeze({ message: m })]));
  const sessionInput = (items) => {
    // grouped once, outside the timed op (a gateway collecting a batch files each frame under its action as it arrives)
    const groups = SESSION_MESSAGES.filter((m) => counts[m]).map((m) => {
      const idx = [];
      for (let i = 0; i < names.length; i++) if (names[i] === m) idx.push(i);
      return { message: m, opt: optsOf[m], idx, inputs: idx.map((i) => items[i]) };
    });
    return { items, names, opts: names.map((m) => optsOf[m]), groups };
  };
  cases.push({
    message: "session", id: "session", key: "session", session: true, batch: true,
    label: `mixed session (${frames.length} frames: ${SESSION_MESSAGES.map((m) => `${counts[m]} ${m}`).join(", ")}; ${invalid} invalid)`,
    texts, names, counts, string: sessionInput(texts), buffer: sessionInput(texts.map((t) => Buffer.from(t, "utf8"))),
    bytes: texts.reduce((n, t) => n + Buffer.byteLength(t), 0), ref, forms: ["buffer", "string"],
  });
}
meta.payloads = {};
for (const c of cases) {
  (meta.payloads[c.message] ??= {})[c.id] = {
    ...(c.protocol && c.protocol !== "ocpp1.6" ? { protocol: c.protocol } : {}), bytes: c.bytes, label: c.label,
    ...(c.batch ? { count: c.texts.length, invalid: c.ref.length - c.ref.reduce((a, b) => a + b, 0), ...(c.session ? { messages: c.counts } : {}) } : { referenceValid: c.ref }),
  };
}
meta.seeds = { batch: BATCH_SEED, session: SESSION_SEED, payloadFor: 1, transactionEvent: TE_SEED };
for (const c of cases) if (!c.batch && c.id !== "invalid" && !c.ref) loud(`the ${c.key} bench payload is invalid per the reference`, "the bench measures the valid path on it; check packages/test-vectors/payloads");
for (const c of cases) if (c.id === "invalid" && c.ref) loud(`the ${c.key} bench payload is VALID per the reference`, "the invalid case measures nothing");

// ---------------------------------------------------------------------------------------------
// Our implementations: the facade (each backend, one validator per message) and the no-op crossings
// ---------------------------------------------------------------------------------------------
let facade = null;
try {
  facade = await import("ocpp-validate");
  if (typeof facade.createValidator !== "function") throw new Error(`"ocpp-validate" has no createValidator export (exports: ${Object.keys(facade).join(", ")})`);
} catch (e) {
  facade = null;
  loud("FACADE NOT AVAILABLE: import(\"ocpp-validate\") failed; every ocpp-validate row is MISSING", `${e.message}\nbuild it: bash scripts/build.sh`);
}
/** validators[message][backend] = { v, chosen } | { error }; validators.session: default message, per-call `{ message }` */
const validators = {};
const loudOnce = new Set();
for (const message of ["session", ...new Set([...MESSAGES, ...SESSION_MESSAGES, ...MESSAGES_2X])]) {
  validators[message] = {};
  for (const b of BACKENDS) {
    if (!facade) {
      validators[message][b] = { error: "facade not importable" };
      continue;
    }
    try {
      const v = message === "session" ? facade.createValidator({ backend: b }) : facade.createValidator(withProtocol(message, { backend: b }));
      validators[message][b] = { v, chosen: v.backend };
    } catch (e) {
      validators[message][b] = { error: e.message };
      if (!loudOnce.has(`${b} ${e.message}`)) loud(`createValidator(${JSON.stringify(withProtocol(message, { backend: b }))}) failed (and for every other message with the same error)`, e.message);
      loudOnce.add(`${b} ${e.message}`);
    }
  }
}
meta.facade = Object.fromEntries(BACKENDS.map((b) => [b, validators[STOP][b].error ? { error: validators[STOP][b].error } : { backend: validators[STOP][b].chosen }]));

// The boundary alone: each backend's `noop` crosses exactly as its `isValid` does (wasm: including
// the copy into linear memory) without reading the input. Loaded through the facade's own candidates
// (its internals subpath: the main entry exports only the public API).
const noops = {};
const internals = facade ? await import("ocpp-validate/internal").catch((e) => ({ importError: e })) : null;
for (const name of ["native", "wasm"]) {
  try {
    if (internals?.importError) throw new Error(`import("ocpp-validate/internal") failed: ${internals.importError.message}`);
    const candidate = internals?.nodeCandidates?.find((c) => c.name === name);
    if (!candidate) throw new Error("ocpp-validate/internal exports no nodeCandidates entry for it");
    const backend = candidate.load();
    if (typeof backend.noop !== "function") throw new Error(`the ${name} backend has no noop()`);
    noops[name] = { m: backend };
  } catch (e) {
    noops[name] = { error: e.message };
    loud(`${name} noop crossing not available`, e.message);
  }
}

// The N-API floor (crates/napi-floor, built by scripts/build-napi-floor.sh, which scripts/build.sh
// runs): functions written against the raw Node-API C calls that only read a Buffer's pointer and
// length (and a u32) and answer a boolean: the least any native crossing of our call shapes costs.
// Its variants take the floor apart call by call. Beside them, the napi-rs binding called directly
// (no facade): `noopBytes(buf)` and `isValidBytes(buf, message)`, so the distance is like for like.
const FLOOR_PATH = resolve(process.env.OCPP_NAPI_FLOOR_PATH ?? join(here, "napi-floor.node"));
const FLOOR_FUNCTIONS = ["bufferToBool", "bufferU32ToBool", "returnOnly", "cbInfoToBool", "bufferToUndefined", "typedarrayToBool", "typedarrayLeanToBool", "typedarrayU32ToBool"];
const floor = {};
try {
  if (!existsSync(FLOOR_PATH)) throw new Error(`${FLOOR_PATH} does not exist`);
  floor.m = createRequire(import.meta.url)(FLOOR_PATH);
  const missing = FLOOR_FUNCTIONS.filter((f) => typeof floor.m[f] !== "function");
  if (missing.length) throw new Error(`${FLOOR_PATH} lacks ${missing.join(", ")} (an old build?)`);
} catch (e) {
  floor.m = undefined;
  floor.error = `N-API floor addon not loaded: ${e.message.split("\n")[0]}; build it: bash scripts/build-napi-floor.sh (scripts/build.sh runs it)`;
  loud("N-API FLOOR NOT AVAILABLE: its rows are MISSING", floor.error);
}
if (floor.m) {
  // what it answers (not how fast): each function reads what it claims to, and rejects a non-Buffer
  const f = floor.m;
  const b = Buffer.from("[1]");
  const e = Buffer.alloc(0);
  const throwsTypeError = (fn) => {
    try {
      fn();
      return false;
    } catch (err) {
      return err instanceof TypeError;
    }
  };
  const answers = [
    ["bufferToBool(empty) = true", f.bufferToBool(e) === true],
    ["bufferToBool([1]) = false", f.bufferToBool(b) === false],
    ["bufferU32ToBool([1], 3) = true", f.bufferU32ToBool(b, 3) === true],
    ["bufferU32ToBool([1], 2) = false", f.bufferU32ToBool(b, 2) === false],
    ["returnOnly() = false", f.returnOnly() === false],
    ["cbInfoToBool(buf) = false", f.cbInfoToBool(b) === false],
    ["bufferToUndefined(buf) = undefined", f.bufferToUndefined(b) === undefined],
    ["typedarrayToBool(empty) = true", f.typedarrayToBool(e) === true],
    ["typedarrayLeanToBool([1]) = false", f.typedarrayLeanToBool(b) === false],
    ["typedarrayU32ToBool([1], 3) = true", f.typedarrayU32ToBool(b, 3) === true],
    ["bufferToBool(string) throws a TypeError", throwsTypeError(() => f.bufferToBool("[1]"))],
    ["bufferU32ToBool(buf, string) throws a TypeError", throwsTypeError(() => f.bufferU32ToBool(b, "x"))],
    ["typedarrayToBool(Uint16Array) throws a TypeError", throwsTypeError(() => f.typedarrayToBool(new Uint16Array(2)))],
  ];
  for (const [what, ok] of answers) check(ok, `N-API floor: ${what}`);
}
const napiRs = {};
try {
  if (internals?.importError || !internals) throw new Error("ocpp-validate/internal is not importable");
  if (typeof internals.loadNativeBinding !== "function") throw new Error("ocpp-validate/internal exports no loadNativeBinding");
  // resolved from the facade's own location, as the facade loads it
  napiRs.m = internals.loadNativeBinding({ require: createRequire(fileURLToPath(import.meta.resolve("ocpp-validate"))) });
  napiRs.stop = napiRs.m.messageNames().indexOf(STOP);
  if (napiRs.stop < 0) throw new Error(`messageNames() has no ${STOP}`);
} catch (e) {
  napiRs.m = undefined;
  napiRs.error = `napi-rs binding not loaded directly: ${e.message.split("\n")[0]}`;
  loud("napi-rs binding (raw) not available", napiRs.error);
}

// ---------------------------------------------------------------------------------------------
// Peers, per message
// ---------------------------------------------------------------------------------------------
const ocppRpcOf = {};
const peers = {};
for (const message of new Set([...MESSAGES, ...SESSION_MESSAGES, ...MESSAGES_2X])) {
  if (!hasProtocol(message)) continue;
  const protocol = protocolOf(message);
  ocppRpcOf[protocol] ??= makeOcppRpc(protocol);
  const schemasafe = makeSchemasafe(loadSchema(message, protocol), protocol === "ocpp1.6" ? {} : { allowUnusedKeywords: true });
  peers[message] = { ajv: makeAjv(message, protocol), ocppRpc: ocppRpcOf[protocol](message), schemasafe, typia: await makeTypia(message) };
  if (schemasafe.refusedRaw) notes.push(`schemasafe refuses the ${message} schema as published ("${schemasafe.refusedRaw}"); it runs on a copy with \`additionalProperties\` removed from the string enums (a no-op keyword there), in mode "default" (its parser defaults to "strong", which also refuses plain strings)${protocol === "ocpp1.6" ? "" : ", with allowUnusedKeywords (the 2.x files' javaType and comment annotations)"}.`);
}
notes.push("ajv peer = the reference's own compiled validator per message (compileReference({ message }): ajv-draft-04 for 1.6, ajv 8's Ajv with the draft-06 meta-schema for 2.0.1, strict:false, strictNumbers, ajv-formats 3 full, decimal multipleOf, which none of the benched schemas uses).");
notes.push("ocpp-rpc 2.2.1 validates with its own bundled schemas (draft-07 copies of the OCPP 1.6 and 2.0.1 schemas, ids urn:<Action>.req, ajv 8 + ajv-formats 2.1; the 2.0.1 rows use its 'ocpp2.0.1' validator, as a strict-mode server does on that subprotocol), so verdict differences from the reference are its findings, not errors in this bench.");
notes.push("typia peers use hand-written interfaces per message (typia-src/*.ts: tags.Format<\"date-time\">, tags.MaxLength<N>, tags.Type<\"int64\">); typia.json.isParse runs `is`, which accepts unknown properties; typia.equals rejects them.");
// Dispatch tables for the session: message name → (text) => verdict, the way a gateway routes by action
const parsePeer = (f) => (s) => {
  try {
    return f(JSON.parse(s));
  } catch {
    return false;
  }
};
const dispatch = (make) => Object.fromEntries(SESSION_MESSAGES.map((m) => [m, make(peers[m])]));

// ---------------------------------------------------------------------------------------------
// Rows
// ---------------------------------------------------------------------------------------------
// row: { case, message, form, id, name, kind, strict, op (JS source of one timed op), check (→ verdict(s)) }
//   kind: ours | batch | noop | peer;  strict: must agree with the reference (ours + ajv)
// `op` is JS source that sets `r` from the input `x`, with `t` bound to the target (the validator
// object, the binding module, the peer function or a dispatch table). Both the timed loop and the
// verdict function are generated from it, so every row has its own call site (own type feedback: no
// megamorphic site shared by all rows) and the timed call is exactly `validator.isValid(x)`.
const call = (t, expr) => ({ t, expr }); // one call; in a batch case looped over the payloads
const fnCall = (f) => call(f, (a) => `t(${a})`);
const rows = [];
function addRow(c, form, id, name, kind, strict, how, { verdict = true, unavailable } = {}) {
  // The 2.x payloads are built for this bench, not drawn from a mix: a peer that answers otherwise
  // than the reference on them would be timed on another path (its reject path, or a schema it
  // does not check), so there every verdict, peers' too, must agree.
  if (protocolOf(c.message) !== "ocpp1.6" && verdict) strict = true;
  const row = { case: c.id, message: c.message, form, id, name, kind, strict, bytes: c.bytes, unavailable, input: c[form] };
  row.key = `${c.key} ${form} ${name}`;
  if (!passesFilter(row.key)) return;
  if (!unavailable) {
    let op;
    let verdicts;
    if (how.session) {
      // session rows: how.session(xs, ms, os) → source of the loop body's call for frame j (or a full op)
      op = how.op;
      verdicts = how.verdicts;
    } else if (c.batch && kind !== "batch") {
      // in the batch case every row but isValidBatch is a loop over the payloads: one op = the whole batch
      op = `{ let n = 0; for (let j = 0; j < x.length; j++) if (${how.expr("x[j]")}) n++; r = n; }`;
      const single = new Function("t", `return function verdict(x) { return ${how.expr("x")}; };`)(how.t);
      verdicts = (inputs) => Uint8Array.from(inputs, (x) => (single(x) ? 1 : 0));
    } else {
      op = `r = ${how.expr("x")};`;
      const single = new Function("t", `return function verdict(x) { return ${how.expr("x")}; };`)(how.t);
      verdicts = kind === "batch" ? (inputs) => Uint8Array.from(single(inputs)) : (x) => !!single(x);
    }
    row.t = how.t;
    row.op = op;
    row.fn = new Function("t", `return function one(x) { let r; ${op} return r; };`)(how.t);
    if (verdict) row.check = verdicts;
  }
  rows.push(row);
}

/** Session rows: a loop over the frames, `expr(item, message name, options)` per frame. */
function sessionLoop(t, expr, single) {
  return {
    t,
    session: true,
    op: `{ const xs = x.items, ms = x.names, os = x.opts; let n = 0; for (let j = 0; j < xs.length; j++) if (${expr("xs[j]", "ms[j]", "os[j]")}) n++; r = n; }`,
    verdicts: (x) => Uint8Array.from(x.items, (item, j) => (single(item, x.names[j], x.opts[j]) ? 1 : 0)),
  };
}
/** isValidBatch once per message group; verdicts scattered back to frame order. */
function sessionGrouped(v) {
  return {
    t: v,
    session: true,
    op: `{ const gs = x.groups; let n = 0; for (let g = 0; g < gs.length; g++) n += t.isValidBatch(gs[g].inputs, gs[g].opt).length; r = n; }`,
    verdicts: (x) => {
      const out = new Uint8Array(x.items.length);
      for (const g of x.groups) {
        const got = v.isValidBatch(g.inputs, g.opt);
        if (got.length !== g.inputs.length) throw new Error(`isValidBatch returned ${got.length} verdicts for ${g.inputs.length} ${g.message} frames`);
        g.idx.forEach((i, k) => (out[i] = got[k] ? 1 : 0));
      }
      return out;
    },
  };
}

for (const c of cases) {
  for (const form of c.forms) {
    const obj = form === "object";
    const buf = form === "buffer";
    const pre = buf ? "JSON.parse(toString)" : "JSON.parse";
    const text = (a) => (buf ? `${a}.toString("utf8")` : a);
    if (c.session) {
      const n = c.texts.length;
      for (const b of BACKENDS) {
        const { v, error } = validators.session[b];
        const label = b === "auto" && v ? `auto→${v.backend}` : b;
        addRow(c, form, `batch-${b}`, `ocpp-validate ${label} isValidBatch ×${c.buffer.groups.length} (one per message)`, "batch", true, v ? sessionGrouped(v) : {}, { unavailable: error });
        addRow(c, form, `ours-${b}`, `ocpp-validate ${label} isValid ×${n} (per-call message)`, "ours", true,
          v ? sessionLoop(v, (a, _m, o) => `t.isValid(${a}, ${o})`, (a, _m, o) => v.isValid(a, o)) : {}, { unavailable: error });
      }
      const toText = buf ? (a) => a.toString("utf8") : (a) => a;
      const floor = (s) => {
        try {
          return JSON.parse(s);
        } catch {
          return undefined;
        }
      };
      addRow(c, form, "json-parse", `${pre} alone (floor)`, "peer", false, sessionLoop(floor, (a) => `t(${text(a)})`, () => true), { verdict: false });
      const peerRow = (id, name, strict, table) =>
        addRow(c, form, id, name, "peer", strict, sessionLoop(table, (a, m) => `t[${m}](${text(a)})`, (a, m) => table[m](toText(a))));
      peerRow("ajv", `${pre} + ajv[message]`, true, dispatch((p) => parsePeer(p.ajv)));
      peerRow("ocpp-rpc", `${pre} + ocpp-rpc validate(urn:<message>.req)`, false, dispatch((p) => parsePeer(p.ocppRpc)));
      peerRow("typia-isparse", `${buf ? "typia.json.isParse(toString)" : "typia.json.isParse"}[message]`, false, dispatch((p) => (s) => {
        try {
          return p.typia.isParse(s) !== null;
        } catch {
          return false;
        }
      }));
      peerRow("typia-equals", `${pre} + typia.equals[message]`, false, dispatch((p) => parsePeer(p.typia.equals)));
      peerRow("schemasafe", `${buf ? "schemasafe parser(toString)" : "schemasafe parser"}[message]`, false, dispatch((p) => (s) => p.schemasafe.parse(s).valid));
      continue;
    }
    const P = peers[c.message];
    // ours, through the facade
    for (const b of BACKENDS) {
      const { v, error } = validators[c.message][b];
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
    // the crossing against the N-API floor: StopTransaction small, Buffer (the bytes are not read)
    if (c.message === STOP && c.id === "small" && buf) {
      const u = (error) => ({ verdict: false, unavailable: error });
      const fl = (id, name, expr) => addRow(c, form, id, `N-API floor ${name}`, "crossing", false, call(floor.m, expr), u(floor.error));
      const m = napiRs.stop;
      fl("floor-raw", "(raw, buffer → bool)", (a) => `t.bufferToBool(${a})`);
      fl("floor-u32", "(buffer, u32 → bool)", (a) => `t.bufferU32ToBool(${a}, ${m ?? 0})`);
      fl("floor-call", "variant: call only (no argument read → bool)", (a) => `t.returnOnly(${a})`);
      fl("floor-cbinfo", "variant: napi_get_cb_info only (→ bool)", (a) => `t.cbInfoToBool(${a})`);
      fl("floor-undefined", "variant: buffer info, no result value (→ undefined)", (a) => `(t.bufferToUndefined(${a}), true)`);
      fl("floor-typedarray", "variant: typedarray info as napi-rs's &[u8] (→ bool)", (a) => `t.typedarrayToBool(${a})`);
      fl("floor-typedarray-lean", "variant: typedarray info, type/length/data only (→ bool)", (a) => `t.typedarrayLeanToBool(${a})`);
      fl("floor-typedarray-u32", "variant: napi-rs's conversions, raw (typedarray, u32 → bool)", (a) => `t.typedarrayU32ToBool(${a}, ${m ?? 0})`);
      addRow(c, form, "napirs-noop", "napi-rs noopBytes(buffer) (binding, no facade)", "crossing", false, call(napiRs.m, (a) => `t.noopBytes(${a})`), u(napiRs.error));
      addRow(c, form, "napirs-isvalid", "napi-rs isValidBytes(buffer, message) (binding, no facade)", "crossing", true, call(napiRs.m, (a) => `t.isValidBytes(${a}, ${m ?? 0})`), { unavailable: napiRs.error });
    }
    // peers
    if (obj) {
      addRow(c, form, "ajv", "ajv (object)", "peer", true, fnCall(P.ajv));
      addRow(c, form, "typia-equals", "typia.equals (object)", "peer", false, call(P.typia, (a) => `t.equals(${a})`));
      addRow(c, form, "schemasafe", "schemasafe validator (object)", "peer", false, fnCall(P.schemasafe.validate));
      addRow(c, form, "ocpp-rpc", "ocpp-rpc validate (object)", "peer", false, fnCall(P.ocppRpc));
    } else {
      // Buffer input: the JSON.parse-based peers must decode first (that's the honest comparison).
      // A parse-then-validate user catches JSON.parse's SyntaxError (some batch payloads are not JSON).
      const peer = (f) => call(f, (a) => `t(${text(a)})`);
      addRow(c, form, "json-parse", `${pre} alone (floor)`, "peer", false, peer((s) => {
        try {
          return JSON.parse(s);
        } catch {
          return undefined;
        }
      }), { verdict: false });
      addRow(c, form, "ajv", `${pre} + ajv`, "peer", true, peer(parsePeer(P.ajv)));
      addRow(c, form, "ocpp-rpc", `${pre} + ocpp-rpc validate`, "peer", false, peer(parsePeer(P.ocppRpc)));
      addRow(c, form, "typia-isparse", buf ? "typia.json.isParse(toString)" : "typia.json.isParse", "peer", false, peer((s) => {
        try {
          return P.typia.isParse(s) !== null; // lets JSON.parse's SyntaxError through
        } catch {
          return false;
        }
      }));
      addRow(c, form, "typia-equals", `${pre} + typia.equals`, "peer", false, peer(parsePeer(P.typia.equals)));
      addRow(c, form, "schemasafe", buf ? "schemasafe parser(toString)" : "schemasafe parser", "peer", false, call(P.schemasafe.parse, (a) => `t(${text(a)}).valid`));
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
function describeRef(text, message) {
  const r = refResult(text, message);
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
  // up to 3 examples of distinct kinds (same message, reference issue and verdict)
  const kinds = new Map();
  for (const i of diffs) {
    const text = c.batch ? c.texts[i] : c.text;
    const message = c.session ? c.names[i] : c.message;
    const g = c.batch ? !!got[i] : got;
    const d = `${c.session ? `${message}: ` : ""}reference ${describeRef(text, message)}, got ${g ? "valid" : "invalid"}`;
    const kind = d.replace(/: .*\)/, ")");
    if (!kinds.has(kind)) kinds.set(kind, { d, i, n: 0 });
    kinds.get(kind).n++;
    if (kinds.size >= 3 && i > 2000) break; // enough variety, keep it cheap
  }
  const shown = [...kinds.values()].slice(0, 3).map(({ d, i }) => `${c.batch ? `#${i} ` : ""}${d}`);
  return `${c.batch ? `${diffs.length}/${c.ref.length} disagree, e.g. ` : ""}${shown.join(" | ")}`;
}

console.log(`\nverdicts vs the reference (JSON.parse + ajv-draft-04 + ajv-formats 3, per message) on ${rows.length} rows …`);
const peerFindings = new Map(); // "id|case|what" → { name, forms }
function pushFinding(row, msg) {
  const k = `${row.id}|${row.message} ${row.case}|${msg}`;
  if (!peerFindings.has(k)) peerFindings.set(k, { name: row.name.replace(/\(toString\)|\(object\)/g, "").replace(/JSON\.parse \+ /, "").trim(), c: row.message === "session" ? "the mixed session" : `${row.message} ${row.case}`, msg, forms: [] });
  peerFindings.get(k).forms.push(row.form);
}
const caseOf = (row) => cases.find((x) => x.message === row.message && x.id === row.case);
for (const row of rows) {
  const c = caseOf(row);
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
    const { v } = validators[c.session ? "session" : c.message][b];
    if (!v) continue;
    for (const form of c.forms) {
      const key = `${c.key} ${form} ocpp-validate ${b} validate()`;
      if (!passesFilter(key)) continue;
      for (const allErrors of [false, true]) {
        let got;
        try {
          got = c.session
            ? Uint8Array.from(c[form].items, (x, j) => (v.validate(x, { message: c.names[j], allErrors }).valid ? 1 : 0))
            : c.batch ? Uint8Array.from(c[form], (x) => (v.validate(x, { allErrors }).valid ? 1 : 0)) : v.validate(c[form], { allErrors }).valid;
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
const verdictFailures = failures.length;
console.log(`${verdictFailures ? `  ${verdictFailures} verdict check(s) FAILED (listed at the end)` : `  all ${passed} verdict checks agree with the reference`} (at ${elapsed()})`);

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
// The timed loop is generated per row with the row's op inlined (see addRow).
function timedLoop(row, k) {
  // eslint-disable-next-line no-new-func
  return new Function(
    "t", "x", "k", "now", "sink",
    `return function timed() {
      let r, c = 0;
      const t0 = now();
      for (let i = 0; i < k; i++) { ${row.op} if (r) c++; }
      const d = now() - t0;
      sink.v = c;
      return { overriddenDuration: d / k, overriddenIterationCost: d };
    };`,
  )(row.t, row.input, k, now, sink);
}

// a full collection before each row (not in quick mode: with the batches in memory each one costs ~50 ms)
const gc = (!QUICK && globalThis.gc) || (() => {});
for (const c of cases) {
  const caseRows = rows.filter((r) => r.message === c.message && r.case === c.id && !r.unavailable);
  if (!caseRows.length) continue;
  console.log(`\n=== ${c.message === "session" ? "" : `${c.message} ${protocolOf(c.message) !== "ocpp1.6" ? `(${protocolOf(c.message)}) ` : ""}`}${c.label}: ${c.bytes} bytes${c.batch ? " in total" : ""} === (at ${elapsed()})`);
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
      row.nsP50 = res.latency.p50 * 1e6;
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
// Presence: every row of the declared layout exists (independent of the code that builds the rows).
if (!FILTERS.length) {
  const OURS = BACKENDS.map((b) => `ours-${b}`);
  const PEERS = ["json-parse", "ajv", "ocpp-rpc", "typia-isparse", "typia-equals", "schemasafe"];
  const ONE = [...OURS, "noop-native", "noop-wasm", ...PEERS];
  const CROSSING = ["floor-raw", "floor-u32", "floor-call", "floor-cbinfo", "floor-undefined", "floor-typedarray", "floor-typedarray-lean", "floor-typedarray-u32", "napirs-noop", "napirs-isvalid"];
  const OBJECT = [...OURS, "ajv", "typia-equals", "schemasafe", "ocpp-rpc"];
  const MANY = [...BACKENDS.map((b) => `batch-${b}`), ...OURS, ...PEERS];
  const LAYOUT = [
    [STOP, "small", { buffer: [...ONE, ...CROSSING], string: ONE, object: OBJECT }],
    ...["medium", "large", "invalid"].map((cs) => [STOP, cs, { buffer: ONE, string: ONE, object: OBJECT }]),
    [STOP, "batch", { buffer: MANY, string: MANY }],
    ...["small", "medium", "large", "sv10"].map((cs) => [MV, cs, { buffer: ONE, string: ONE }]),
    ...["StatusNotification", "BootNotification"].flatMap((m) => ["small", "medium"].map((cs) => [m, cs, { buffer: ONE, string: ONE }])),
    ["Heartbeat", "medium", { buffer: ONE, string: ONE }],
    ["session", "session", { buffer: MANY, string: MANY }],
    ...["small", "large", "invalid"].map((cs) => [TE, cs, { buffer: ONE, string: ONE }]),
  ];
  let expected = 0;
  for (const [message, cs, forms] of LAYOUT) {
    for (const [form, ids] of Object.entries(forms)) {
      for (const id of ids) {
        expected++;
        check(rows.some((r) => r.message === message && r.case === cs && r.form === form && r.id === id), `${message} ${cs} ${form} ${id}: row missing`);
      }
    }
  }
  check(rows.length === expected, `${rows.length} rows, the layout declares ${expected}`);
}
for (const row of rows) {
  check(row.nsPerOp > 0, `${row.key}: no number (${row.unavailable ?? row.error ?? "?"})`);
  if (row.nsPerOp > 0) {
    row.mbPerS = (row.bytes / row.nsPerOp) * 1e3;
    const base = rows.find((r) => r.message === row.message && r.case === row.case && r.form === row.form && r.id === "ajv");
    row.ratio = base?.nsPerOp > 0 ? base.nsPerOp / row.nsPerOp : null;
    row.ratioP50 = base?.nsP50 > 0 && row.nsP50 > 0 ? base.nsP50 / row.nsP50 : null;
  }
}

const fmt = (x, d = 0) => (x == null || !Number.isFinite(x) ? "—" : x.toLocaleString("en-US", { minimumFractionDigits: d, maximumFractionDigits: d }));
const fmtNs = (ns) => (ns == null ? "—" : ns >= 1e6 ? `${fmt(ns / 1e6, 2)} ms` : ns >= 1e4 ? `${fmt(ns / 1e3, 1)} µs` : `${fmt(ns)} ns`);
const fmtRatio = (r) => (r == null ? "—" : `${r >= 10 ? fmt(r, 1) : fmt(r, 2)}×`);
function printTable() {
  const head = ["message", "case", "input", "row", "ns/op", "±%", "MB/s", "× JSON.parse+ajv", "p50 ×", "verdicts", ""];
  const lines = rows.map((r) => [
    r.message,
    r.case,
    r.form,
    r.name,
    r.nsPerOp > 0 ? fmtNs(r.nsPerOp) : "MISSING",
    r.rme == null ? "" : fmt(r.rme, 1),
    fmt(r.mbPerS, r.mbPerS < 10 ? 1 : 0),
    fmtRatio(r.ratio),
    fmtRatio(r.ratioP50),
    r.agrees == null ? "" : r.agrees ? "=ref" : `≠ref${r.disagreements > 1 ? ` (${r.disagreements})` : ""}`,
    r.nsPerOp > 0 ? "" : (r.unavailable ?? r.error ?? "").slice(0, 70),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const right = new Set([4, 5, 6, 7, 8]);
  const fmtLine = (l) => l.map((x, i) => (right.has(i) ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ").trimEnd();
  console.log(`\n${header}`);
  console.log("ratio = (JSON.parse + ajv ns/op) / (row ns/op) for the same message, case and input form (object rows: ajv on the object); higher is faster; p50 × = the same ratio of the median samples");
  console.log(fmtLine(head));
  console.log(widths.map((w) => "─".repeat(w)).join("  "));
  let prev = null;
  for (let i = 0; i < lines.length; i++) {
    const k = `${rows[i].message} ${rows[i].case} ${rows[i].form}`;
    if (prev !== null && k !== prev) console.log("");
    prev = k;
    console.log(fmtLine(lines[i]));
  }
}
printTable();

// Targets: ratios to JSON.parse + ajv on Buffer input, same run. Printed and recorded, never asserted.
const ratioTarget = (b, message, cs, min, what = cs) => ({
  name: `${b} ${message} ${what} (Buffer) ≥ ${min}× JSON.parse+ajv`, message, case: cs, form: "buffer", id: `ours-${b}`, metric: "ratio", min,
});
const TARGETS = [
  // the StopTransaction targets of the StopTransaction-only bench
  ratioTarget("native", STOP, "small", 6), ratioTarget("native", STOP, "medium", 10), ratioTarget("native", STOP, "large", 8),
  ratioTarget("wasm", STOP, "small", 4), ratioTarget("wasm", STOP, "medium", 6), ratioTarget("wasm", STOP, "large", 5),
  { name: `native ${STOP} isValidBatch (Buffer) ≥ 1.5 GB/s aggregate`, message: STOP, case: "batch", form: "buffer", id: "batch-native", metric: "mbPerS", min: 1500 },
  // issue 11: every message's medium payload, and the headline MeterValues
  ...MESSAGES.map((m) => ratioTarget("native", m, "medium", 6)),
  ratioTarget("native", MV, "sv10", 10, "with 10 sampled values"),
  // issue 15: the 2.0.1 TransactionEvent with many meter values
  ratioTarget("native", TE, "large", 8, "(OCPP 2.0.1) large (Updated, many meter values)"),
  // issue 14: the same ratios on any x86-64 and in wasm, the batch included (native medium ≥ 10× is above)
  ratioTarget("native", STOP, "small", 7), ratioTarget("native", STOP, "large", 10),
  { ...ratioTarget("native", STOP, "batch", 10, "isValidBatch"), id: "batch-native" },
  ...["small", "medium", "large"].map((c) => ratioTarget("wasm", STOP, c, 7)),
  { ...ratioTarget("wasm", STOP, "batch", 7, "isValidBatch"), id: "batch-wasm" },
];
console.log(`\ntargets${QUICK ? " (quick run: indicative only, never asserted)" : " (printed, never asserted)"}:`);
const targets = TARGETS.map((t) => {
  const row = rows.find((r) => r.message === t.message && r.case === t.case && r.form === t.form && r.id === t.id);
  const value = row?.[t.metric] ?? null;
  const status = value == null ? "not measured" : value >= t.min ? "met" : "missed";
  // the same target on the median samples: a cross-check on a busy machine (the status is the mean's)
  const valueP50 = row?.nsP50 > 0 ? (t.metric === "ratio" ? row.ratioP50 : (row.bytes / row.nsP50) * 1e3) : null;
  const shown = value == null ? "—" : t.metric === "ratio" ? fmtRatio(value) : `${fmt(value)} MB/s`;
  const shownP50 = valueP50 == null ? "" : ` (p50: ${t.metric === "ratio" ? fmtRatio(valueP50) : `${fmt(valueP50)} MB/s`})`;
  console.log(`  ${status === "met" ? "MET   " : status === "missed" ? "MISSED" : "N/A   "}  ${t.name}: ${shown}${shownP50}`);
  return { ...t, value, valueP50, status };
});

// The crossing against the N-API floor (StopTransaction small, Buffer input; the bytes are not read
// by the floor and noop rows): each row's distance to the floor of its call shape (one Buffer
// argument: `bufferToBool`; Buffer + u32: `bufferU32ToBool`). Printed and recorded, never asserted.
const CROSSING_ROWS = [
  ["floor-raw", "floor-raw"],
  ["floor-u32", "floor-u32"],
  ["napirs-noop", "floor-raw"],
  ["noop-native", "floor-raw"],
  ["napirs-isvalid", "floor-u32"],
  ["ours-native", "floor-u32"],
  ["floor-call", null],
  ["floor-cbinfo", null],
  ["floor-undefined", null],
  ["floor-typedarray", "floor-raw"],
  ["floor-typedarray-lean", "floor-raw"],
  ["floor-typedarray-u32", "floor-u32"],
];
const smallRow = (id) => rows.find((r) => r.message === STOP && r.case === "small" && r.form === "buffer" && r.id === id);
const crossing = { message: STOP, case: "small", form: "buffer", floorFile: relative(here, FLOOR_PATH), rows: [] };
for (const [id, floorId] of CROSSING_ROWS) {
  const r = smallRow(id);
  if (!r) continue;
  const f = floorId && smallRow(floorId);
  const over = (a, b) => (a > 0 && b > 0 ? a - b : null);
  crossing.rows.push({
    id, name: r.name, nsPerOp: r.nsPerOp ?? null, nsP50: r.nsP50 ?? null, floor: floorId,
    overFloorNs: f && floorId !== id ? over(r.nsPerOp, f.nsPerOp) : null, overFloorP50Ns: f && floorId !== id ? over(r.nsP50, f.nsP50) : null,
  });
}
if (crossing.rows.length) {
  console.log(`\ncrossing vs the N-API floor (${STOP} small, Buffer; mean, p50 in parentheses; + = above the floor of the same call shape):`);
  const sign = (x) => (x == null ? "" : `${x >= 0 ? "+" : "−"}${fmt(Math.abs(x))} ns`);
  for (const x of crossing.rows) {
    const above = x.overFloorNs == null ? "" : `  ${sign(x.overFloorNs).padStart(9)} (${sign(x.overFloorP50Ns)}) over ${x.floor}`;
    console.log(`  ${x.name.padEnd(70)} ${fmtNs(x.nsPerOp).padStart(8)} (${fmtNs(x.nsP50)})${above}`);
  }
}

// StopTransaction before (results/baseline.json: the committed full run of the StopTransaction-only
// bench) and after (this run): same payloads, same rows, each ratio to JSON.parse + ajv of its own run.
let beforeAfter = null;
if (existsSync(baselinePath)) {
  const base = JSON.parse(readFileSync(baselinePath, "utf8"));
  const baseRow = (cs, form, id) => base.rows.find((r) => (r.message ?? STOP) === STOP && r.case === cs && r.form === form && r.id === id);
  beforeAfter = { baseline: { file: relative(here, baselinePath), date: base.meta?.date, mode: base.meta?.mode, machine: base.meta?.machine }, rows: [] };
  for (const r of rows.filter((x) => x.message === STOP && x.ratio != null && (x.kind === "ours" || x.kind === "batch") && !x.id.endsWith("auto"))) {
    const b = baseRow(r.case, r.form, r.id);
    beforeAfter.rows.push({ case: r.case, form: r.form, id: r.id, name: r.name, before: b?.ratioToAjv ?? null, after: r.ratio, afterP50: r.ratioP50, beforeNs: b?.nsPerOp ?? null, afterNs: r.nsPerOp });
  }
  const shown = beforeAfter.rows.filter((x) => x.form === "buffer");
  if (shown.length) {
    console.log(`\nStopTransaction before → after (ratio to JSON.parse + ajv, Buffer input; before = ${beforeAfter.baseline.file}, ${beforeAfter.baseline.mode} run of ${beforeAfter.baseline.date}):`);
    for (const x of shown) console.log(`  ${`${x.case}`.padEnd(8)} ${x.name.padEnd(44)} ${fmtRatio(x.before).padStart(7)} → ${fmtRatio(x.after).padStart(7)}  (p50 ${fmtRatio(x.afterP50)})`);
  }
}

if (notes.length) {
  console.log("\nnotes:");
  for (const n of notes) console.log(`  - ${n}`);
}

meta.seconds = Math.round((performance.now() - t0Run) / 1000);
const out = {
  meta,
  rows: rows.map((r) => ({
    message: r.message,
    ...(protocolOf(r.message) !== "ocpp1.6" ? { protocol: protocolOf(r.message) } : {}),
    case: r.case,
    form: r.form,
    id: r.id,
    name: r.name,
    kind: r.kind,
    bytes: r.bytes,
    nsPerOp: r.nsPerOp ?? null,
    nsP50: r.nsP50 ?? null,
    rmePct: r.rme ?? null,
    mbPerS: r.mbPerS ?? null,
    ratioToAjv: r.ratio ?? null,
    ratioP50ToAjv: r.ratioP50 ?? null,
    samples: r.samples ?? null,
    callsPerSample: r.callsPerSample ?? null,
    verdictsAgree: r.agrees,
    disagreements: r.disagreements ?? 0,
    strict: r.strict,
    error: r.unavailable ?? r.error ?? null,
  })),
  targets: targets.map(({ name, message, case: cs, form, id, metric, min, value, valueP50, status }) => ({ name, message, case: cs, form, id, metric, min, value, valueP50, status })),
  beforeAfter,
  crossing,
  notes,
  checks: { passed, failed: failures.length, failures },
};
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, `${JSON.stringify(out, null, 2)}\n`);
console.log(`\nresults: ${relative(process.cwd(), jsonPath) || jsonPath} (${meta.seconds} s)`);
if (writeChart) {
  writeFileSync(chartPath, renderChart(out));
  console.log(`chart:   ${relative(process.cwd(), chartPath) || chartPath}`);
}
if (UPDATE && failures.length === 0) {
  for (const target of ["--readme", "--bench-readme"]) {
    execFileSync(process.execPath, [join(here, "summary.mjs"), jsonPath, target], { stdio: "inherit" });
  }
  console.log("updated: bench/results/latest.json, chart.svg and the results blocks of README.md and bench/README.md");
} else if (UPDATE) {
  console.log("not updating the READMEs: some checks failed");
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
