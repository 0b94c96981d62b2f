#!/usr/bin/env node
// Scaling from 1 core to all: the CLI on a generated NDJSON frame log (`--jobs 1, 2, … all`, every
// backend), and the async batch API on the log's payloads (the wasm and js worker pools at each
// size; native's libuv threads at all cores, beside the synchronous batch). Prints a table per
// part and writes results/scaling.json.
//
//   node scaling.mjs [--size <MB>] [--runs <n>] [--backends native,wasm,js] [--max-jobs <n>] [--quick]
//
// The log is deterministic (from @ocpp-validate/test-vectors/payloads: mostly small StopTransaction
// payloads, some medium, a few large, about 5 % invalid), half of its lines OCPP-J CALL frames, and
// goes to the system's temp directory, removed at the end. Each cell is the best of `--runs`
// (default 3): the bench shares its machine, and the best run is the one least disturbed. Nothing
// is asserted; the numbers are printed and saved.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { mixedBatch } from "@ocpp-validate/test-vectors/payloads";
import { createValidator, MESSAGE_NAMES } from "ocpp-validate";
import { WorkerPool } from "ocpp-validate/internal";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const quick = args.includes("--quick");
const sizeMB = Number(option("--size", quick ? "10" : "100"));
const runs = Number(option("--runs", quick ? "1" : "3"));
const backends = option("--backends", "native,wasm,js").split(",").filter(Boolean);
const cores = availableParallelism();
const maxJobs = Number(option("--max-jobs", String(cores)));
const jobCounts = [...new Set([1, 2, 4, 8, 16, 32, 64, maxJobs].filter((n) => n <= maxJobs))].sort((a, b) => a - b);
const cli = join(dirname(createRequire(import.meta.url).resolve("ocpp-validate/package.json")), "dist", "cli.js");

// ── the log ──────────────────────────────────────────────────────────────────────────────────
const dir = mkdtempSync(join(tmpdir(), "ocpp-validate-scaling-"));
const logPath = join(dir, "frames.ndjson");
const payloads = mixedBatch(20_000, 7);
const lines = [];
{
  const fd = openSync(logPath, "w");
  let size = 0;
  const target = sizeMB * 1e6;
  // written in pieces: the log never has to be one string in memory
  for (let i = 0, piece = []; size < target; i++) {
    const p = payloads[i % payloads.length];
    const line = i % 2 ? `[2,"u${i}","StopTransaction",${p}]` : p;
    piece.push(line);
    size += Buffer.byteLength(line) + 1;
    if (i % 2 === 0) lines.push(p);
    if (piece.length === 4096 || size >= target) {
      writeSync(fd, piece.join("\n") + "\n");
      piece = [];
    }
  }
  closeSync(fd);
}
const logBytes = statSync(logPath).size;
const loadAtStart = loadavg()[0];
const mb = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const fmt = (x, digits = 0) => x.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(
  `scaling: ${(logBytes / 1e6).toFixed(1)} MB log, ${cores} cores (${cpus()[0]?.model.trim() ?? "?"}), load average ${loadAtStart.toFixed(1)}, best of ${runs}, jobs ${jobCounts.join(", ")}`,
);

/**
 * CPU seconds used by this process's waited-for children so far (Linux: cutime + cstime of
 * /proc/self/stat, at 100 ticks a second), null elsewhere. CPU time over wall time is how many
 * cores a run really got: on a shared machine, more jobs cannot go faster than the idle cores allow.
 */
function childCpuSeconds() {
  try {
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

// ── the CLI ──────────────────────────────────────────────────────────────────────────────────
const cliRows = [];
let expectedCounts = null;
for (const backend of backends) {
  let base = 0;
  for (const jobs of jobCounts) {
    let best = Infinity;
    let bestCpu = null;
    let counts = "";
    for (let r = 0; r < runs; r++) {
      const cpuBefore = childCpuSeconds();
      const start = performance.now();
      const out = spawnSync(process.execPath, [cli, "--backend", backend, "--jobs", String(jobs), "--quiet", "--top", "0", logPath], { encoding: "utf8", maxBuffer: 1 << 26 });
      const ms = performance.now() - start;
      const cpuAfter = childCpuSeconds();
      if (ms < best) bestCpu = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      if (out.status !== 0 && out.status !== 1) throw new Error(`ocpp-validate --jobs ${jobs} --backend ${backend} exited ${out.status}: ${out.stderr}`);
      counts = out.stdout.trim().split("\n").at(-1).replace(/ \(.*\)$/, "");
      best = Math.min(best, ms);
    }
    // every run must count the same inputs the same way, whatever the backend and jobs
    expectedCounts ??= counts;
    if (counts !== expectedCounts) throw new Error(`--jobs ${jobs} --backend ${backend} counted "${counts}", not "${expectedCounts}"`);
    if (jobs === 1) base = best;
    cliRows.push({
      part: "cli",
      backend,
      jobs,
      ms: Math.round(best),
      cpuS: bestCpu === null ? null : Number(bestCpu.toFixed(2)),
      mbPerS: Number(mb(logBytes, best).toFixed(1)),
      speedup: Number((base / best).toFixed(2)),
    });
  }
}
console.log(`\nthe CLI (${expectedCounts}), wall time of the whole process:`);
console.table(
  cliRows.map((r) => ({
    backend: r.backend,
    jobs: r.jobs,
    "wall ms": fmt(r.ms),
    "CPU s": r.cpuS === null ? "?" : fmt(r.cpuS, 2),
    "cores used": r.cpuS === null ? "?" : fmt(r.cpuS / (r.ms / 1000), 2),
    "MB/s": fmt(r.mbPerS, 1),
    speedup: `${r.speedup.toFixed(2)}×`,
  })),
);

// ── the async batch API ──────────────────────────────────────────────────────────────────────
const inputs = lines.map((l) => Buffer.from(l));
const batchBytes = inputs.reduce((n, b) => n + b.length, 0);
const message = MESSAGE_NAMES.indexOf("StopTransaction");
const timed = async (fn) => {
  let best = Infinity;
  let verdicts;
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    verdicts = await fn();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, verdicts };
};
const apiRows = [];
for (const backend of backends) {
  const v = createValidator({ backend });
  const sync = await timed(() => v.isValidBatch(inputs));
  const expected = Buffer.from(sync.verdicts).toString("hex");
  apiRows.push({ part: "api", backend, call: "isValidBatch", threads: 1, ms: Math.round(sync.ms), mbPerS: Number(mb(batchBytes, sync.ms).toFixed(1)), speedup: 1 });
  const sizes = backend === "native" ? [cores] : jobCounts;
  for (const n of sizes) {
    const pool = backend === "native" ? null : new WorkerPool(backend, n);
    // a first call starts the pool's workers; the timed ones find them ready, as a server would
    if (pool) await pool.run(inputs.slice(0, 4096), message, 0);
    const r = await timed(() => (pool ? pool.run(inputs, message, 0) : v.isValidBatchAsync(inputs)));
    await pool?.close();
    if (Buffer.from(r.verdicts).toString("hex") !== expected) throw new Error(`${backend} isValidBatchAsync (${n}) gave other verdicts than isValidBatch`);
    apiRows.push({ part: "api", backend, call: "isValidBatchAsync", threads: n, ms: Math.round(r.ms), mbPerS: Number(mb(batchBytes, r.ms).toFixed(1)), speedup: Number((sync.ms / r.ms).toFixed(2)) });
  }
  await v.close();
}
console.log(`\nthe batch API on the log's ${fmt(inputs.length)} StopTransaction payloads (${(batchBytes / 1e6).toFixed(1)} MB as Buffers), speedup over isValidBatch:`);
console.table(apiRows.map((r) => ({ backend: r.backend, call: r.call, threads: r.threads, ms: fmt(r.ms), "MB/s": fmt(r.mbPerS, 1), speedup: `${r.speedup.toFixed(2)}×` })));

rmSync(dir, { recursive: true, force: true });
const results = join(here, "results", quick ? "scaling.quick.json" : "scaling.json");
mkdirSync(dirname(results), { recursive: true });
writeFileSync(
  results,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpu: cpus()[0]?.model.trim(), cores, loadAverageAtStart: loadAtStart, node: process.version },
      log: { bytes: logBytes, counts: expectedCounts },
      runs,
      cli: cliRows,
      api: apiRows,
    },
    null,
    2,
  ) + "\n",
);
console.log(`\nresults: ${results}`);
