#!/usr/bin/env node
// Where a native crossing spends its time: the napi-rs binding against the N-API floor
// (crates/napi-floor). Not part of `pnpm bench` and never run by the tests; a tool for whoever
// makes the binding cheaper.
//
//   node crossing-profile.mjs                 ns per call of each crossing, plain loops (best of 5)
//   node crossing-profile.mjs --perf          also `perf record` each of the main four and split
//                                             the samples into buckets (N-API/V8, napi-rs runtime,
//                                             malloc, the core, ...), in ns per call
//   node crossing-profile.mjs --calls 5000000 calls per loop (default 10 000 000)
//
// Needs: scripts/build.sh done (the napi-rs addon, the facade, bench/napi-floor.node); for --perf,
// Linux `perf` (Debian's linux-perf). perf samples the CPU clock where hardware counters are
// missing (as on this project's VMs), so the split is by time, not by instructions.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const { values: opts } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: { perf: { type: "boolean", default: false }, calls: { type: "string" }, child: { type: "string" } },
});
const CALLS = Number(opts.calls ?? 10_000_000);

const internals = await import("ocpp-validate/internal");
const facade = await import("ocpp-validate");
const binding = internals.loadNativeBinding({ require: createRequire(fileURLToPath(import.meta.resolve("ocpp-validate"))) });
const floor = createRequire(import.meta.url)(resolve(process.env.OCPP_NAPI_FLOOR_PATH ?? join(here, "napi-floor.node")));
const payloads = await import("@ocpp-validate/test-vectors/payloads");
const buf = Buffer.from(payloads.smallPayload(), "utf8"); // the bench's StopTransaction small (125 B)
const STOP = binding.messageNames().indexOf("StopTransaction");
const v = facade.createValidator({ backend: "native", message: "StopTransaction" });
const nativeBackend = internals.nodeCandidates.find((c) => c.name === "native").load();

// name → [label, one call]; each gets its own loop function (own call site, own type feedback)
const TARGETS = {
  floorCall: ["N-API floor variant: call only", () => floor.returnOnly(buf)],
  floorCbInfo: ["N-API floor variant: napi_get_cb_info only", () => floor.cbInfoToBool(buf)],
  floor: ["N-API floor (raw, buffer → bool)", () => floor.bufferToBool(buf)],
  floorUndefined: ["N-API floor variant: buffer info → undefined", () => floor.bufferToUndefined(buf)],
  floorTypedarray: ["N-API floor variant: typedarray info as napi-rs", () => floor.typedarrayToBool(buf)],
  floorU32: ["N-API floor (buffer, u32 → bool)", () => floor.bufferU32ToBool(buf, STOP)],
  floorTypedarrayU32: ["N-API floor variant: napi-rs's conversions, raw", () => floor.typedarrayU32ToBool(buf, STOP)],
  napiNoop: ["napi-rs noopBytes(buffer)", () => binding.noopBytes(buf)],
  facadeNoop: ["native noop (facade backend)", () => nativeBackend.noop(buf)],
  napiIsValid: ["napi-rs isValidBytes(buffer, message)", () => binding.isValidBytes(buf, STOP)],
  facadeIsValid: ["ocpp-validate native isValid (facade)", () => v.isValid(buf)],
};
const PERF_TARGETS = ["floor", "floorU32", "napiNoop", "napiIsValid"];

function loopFor(call) {
  // a fresh function per target: `call` is inlined into its own loop
  return new Function("call", "n", "let c = 0; for (let i = 0; i < n; i++) if (call()) c++; return c;").bind(null, call);
}
function nsPerCall(call, n) {
  const loop = loopFor(call);
  loop(Math.min(n, 200_000)); // warm up (optimized before timing)
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t0 = process.hrtime.bigint();
    loop(n);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  return best;
}

if (opts.child) {
  // the process perf records: one target's loop, nothing else worth sampling
  const [, call] = TARGETS[opts.child];
  const ns = nsPerCall(call, CALLS);
  console.log(JSON.stringify({ ns, pid: process.pid }));
  process.exit(0);
}

console.log(`${os.cpus()[0]?.model?.trim()}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)} | Node ${process.version} | ${CALLS.toLocaleString("en-US")} calls per loop, best of 5 | StopTransaction small, ${buf.length} B Buffer`);
const measured = {};
for (const [name, [label, call]] of Object.entries(TARGETS)) {
  measured[name] = nsPerCall(call, CALLS);
  console.log(`  ${label.padEnd(52)} ${measured[name].toFixed(1).padStart(7)} ns`);
}
if (!opts.perf) process.exit(0);

if (spawnSync("perf", ["--version"]).status !== 0) {
  console.error("perf is not installed (Debian: apt-get install linux-perf)");
  process.exit(2);
}
/** symbol → bucket; the order matters (first match wins) */
const BUCKETS = [
  ["the core (ocpp_validate_core)", (dso, s) => s.includes("ocpp_validate_core")],
  ["napi-rs borrow scope + barrier (TLS stacks, Arc<Mutex<..>>, Vecs)", (dso, s) => dso.startsWith("ocpp-validate") && /native_borrow|raw_vec|Arc<|FinishedNativeBorrowScope|Mutex/.test(s)],
  ["malloc/free (the borrow scope's Arc and Vecs)", (dso, s) => /^(malloc|free|cfree|_int_malloc|_int_free|malloc_consolidate)(@.*)?$/.test(s) || s === "malloc@plt" || s === "free@plt"],
  ["__tls_get_addr (TLS of a dlopened library)", (dso, s) => s.includes("__tls_get_addr")],
  ["napi-rs argument conversion (from_napi_value)", (dso, s) => dso.startsWith("ocpp-validate") && s.includes("from_napi_value")],
  ["the generated callback (ocpp_validate_node::*_c_callback)", (dso, s) => dso.startsWith("ocpp-validate") && s.includes("ocpp_validate_node")],
  ["the floor function itself", (dso) => dso.startsWith("napi-floor")],
  ["V8 → N-API callback entry (CallApiCallback, napi Invoke)", (dso, s) => /CallApiCallback|FunctionCallbackWrapper|External::Value/.test(s)],
  ["napi_get_buffer_info / typedarray_info (V8 ArrayBufferView)", (dso, s) => /TypedArray|ArrayBuffer|typedarray|buffer_info|Buffer::|IsInt8|IsUint8|element_size/.test(s)],
  ["napi_get_value_uint32", (dso, s) => /uint32|Uint32/.test(s)],
  ["napi_get_cb_info", (dso, s) => s.includes("napi_get_cb_info")],
  ["napi_get_boolean", (dso, s) => s.includes("napi_get_boolean")],
  ["the JS loop (JIT)", (dso) => dso.startsWith("[JIT]")],
  ["other addon code", (dso) => dso.startsWith("ocpp-validate")],
];
const OTHER = "other (startup: module loading, OpenSSL init, kernel; left out of the ns split)";
const tmp = mkdtempSync(join(os.tmpdir(), "crossing-perf-"));
try {
  for (const name of PERF_TARGETS) {
    const data = join(tmp, `${name}.data`);
    const rec = spawnSync("perf", ["record", "-q", "-o", data, "--", process.execPath, "--perf-basic-prof", fileURLToPath(import.meta.url), "--child", name, "--calls", String(CALLS)], { encoding: "utf8", cwd: tmp }); // cwd: V8's isolate-*.log land in the temporary folder
    if (rec.status !== 0) throw new Error(`perf record failed: ${rec.stderr}`);
    const { ns, pid } = JSON.parse(rec.stdout.trim().split("\n").pop());
    const report = execFileSync("perf", ["report", "-i", data, "--no-children", "--stdio", "-g", "none", "--sort", "dso,symbol"], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "ignore"] });
    rmSync(join("/tmp", `perf-${pid}.map`), { force: true }); // --perf-basic-prof's JIT symbols, read by perf report
    const sums = new Map();
    for (const line of report.split("\n")) {
      // "  7.37%  <dso>  [.] <symbol>  -  -" (the trailing dashes: perf's empty extra columns)
      const m = /^\s*([\d.]+)%\s+(\S+(?: tid \d+)?)\s+\[.\]\s+(.*?)(?:\s+-)*\s*$/.exec(line);
      if (!m) continue;
      const [, pct, dso, sym] = m;
      const bucket = BUCKETS.find(([, test]) => test(dso, sym))?.[0] ?? OTHER;
      sums.set(bucket, (sums.get(bucket) ?? 0) + Number(pct));
    }
    const inLoop = [...sums].filter(([b]) => b !== OTHER).reduce((a, [, p]) => a + p, 0);
    console.log(`\n${TARGETS[name][0]}: ${ns.toFixed(1)} ns per call (the perf run), samples split:`);
    for (const [bucket, pct] of [...sums].sort((a, b) => b[1] - a[1])) {
      const share = bucket === OTHER ? "" : `${((pct / inLoop) * ns).toFixed(1).padStart(6)} ns`;
      console.log(`  ${pct.toFixed(1).padStart(5)}%  ${share.padStart(9)}  ${bucket}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
