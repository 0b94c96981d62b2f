#!/usr/bin/env node
// validateFrame: what a gateway calls on every inbound OCPP-J message (envelope, action lookup,
// payload against the action's request schema, the CallError to answer with), each backend beside
// what a Node.js gateway does today: JSON.parse of the frame, the envelope's checks, then ajv (the
// reference configuration) on the payload. Buffer input, as it comes off the WebSocket.
//
//   node --expose-gc frames.mjs [--quick]
//
// Per case: a CALL carrying StopTransaction medium, MeterValues with 10 sampled values and
// TransactionEvent 2.0.1 large (bench/index.mjs's payloads), and a CALLRESULT to BootNotification.
// Verdicts are checked against the peer before anything is timed. Prints a table per case and
// writes results/frames.json (untracked, like scaling.json).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { payloadFor, mediumPayload } from "@ocpp-validate/test-vectors/payloads";
import { createValidator } from "ocpp-validate";
import { makeAjv } from "./peers.mjs";
import * as te from "./transaction-event.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes("--quick");
const OPTS = quick ? { time: 10, iterations: 1, warmup: false } : { time: 400, iterations: 10, warmup: true, warmupTime: 100, warmupIterations: 3 };
const SAMPLE_MS = 0.05;

const call = (id, action, payload) => `[2,"${id}","${action}",${payload}]`;
const CASES = [
  { name: "CALL StopTransaction medium", protocol: "ocpp1.6", action: "StopTransaction", schema: "StopTransaction", text: call("0f3c9a2e-51b7-4d0e-9c1a-6b2f8e4d7a10", "StopTransaction", mediumPayload()) },
  { name: "CALL MeterValues, 10 sampled values", protocol: "ocpp1.6", action: "MeterValues", schema: "MeterValues", text: call("1842", "MeterValues", payloadFor("MeterValues", { arrayLengths: [1, 10] })) },
  { name: "CALL TransactionEvent 2.0.1 large", protocol: te.TE_PROTOCOL, action: "TransactionEvent", schema: te.TE_MESSAGE, text: call("a81f", "TransactionEvent", te.updatedPayload()) },
  {
    name: "CALLRESULT BootNotification",
    protocol: "ocpp1.6",
    responseTo: "BootNotification",
    schema: "BootNotificationResponse",
    text: '[3,"19223201",{"status":"Accepted","currentTime":"2024-05-17T14:32:05.000Z","interval":300}]',
  },
];

/** JSON.parse, the envelope as OCPP-J §4 has it, ajv on the payload: a gateway's usual path. */
function ajvFrame(c) {
  const validate = makeAjv(c.schema, c.protocol);
  const type = c.responseTo ? 3 : 2;
  return (buf) => {
    let frame;
    try {
      frame = JSON.parse(buf.toString());
    } catch {
      return false;
    }
    if (!Array.isArray(frame) || frame[0] !== type || typeof frame[1] !== "string" || frame[1].length > 36) return false;
    if (type === 2) return frame.length === 4 && frame[2] === c.action && validate(frame[3]);
    return frame.length === 3 && validate(frame[2]);
  };
}

/** Calls per timed sample, so that one sample lasts about SAMPLE_MS. */
function calibrate(fn, input) {
  let k = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < k; i++) fn(input);
    if (performance.now() - t >= SAMPLE_MS || k >= 1 << 20) return k;
    k *= 2;
  }
}

const results = { meta: { date: new Date().toISOString(), node: process.version, cpu: cpus()[0]?.model.trim() ?? "?", cores: cpus().length, loadAvg1mAtStart: loadavg()[0], quick }, cases: [] };
console.log(`frames: ${results.meta.cpu}, ${results.meta.cores} cores, load average ${results.meta.loadAvg1mAtStart.toFixed(1)}${quick ? " (quick: nothing is measured)" : ""}`);
for (const c of CASES) {
  const buf = Buffer.from(c.text);
  const peer = ajvFrame(c);
  const rows = [["JSON.parse + envelope + ajv", peer]];
  for (const backend of ["native", "wasm", "js"]) {
    const v = createValidator({ backend, protocol: c.protocol });
    const options = c.responseTo ? { responseTo: c.responseTo } : undefined;
    const result = v.validateFrame(buf, options);
    if (result.valid !== peer(buf)) throw new Error(`${backend} validateFrame says ${result.valid} on ${c.name}, the peer ${peer(buf)}`);
    rows.push([`ocpp-validate ${backend} validateFrame`, (b) => v.validateFrame(b, options).valid]);
  }
  const bench = new Bench({ ...OPTS, throws: true });
  const ks = new Map();
  for (const [name, fn] of rows) {
    const k = calibrate(fn, buf);
    ks.set(name, k);
    let sink = 0;
    // a full collection before each row, as index.mjs does: no row pays for another's garbage
    bench.add(name, () => {
      for (let i = 0; i < k; i++) sink += fn(buf) ? 1 : 0;
      if (sink < 0) throw new Error("unreachable");
    }, { beforeAll: () => globalThis.gc?.() });
  }
  await bench.run();
  console.log(`\n=== ${c.name}: ${buf.length} bytes ===`);
  console.table(bench.table());
  const ns = Object.fromEntries(rows.map(([name]) => [name, (bench.getTask(name).result.latency.mean * 1e6) / ks.get(name)]));
  const peerNs = ns["JSON.parse + envelope + ajv"];
  const summary = rows.map(([name]) => ({ row: name, "ns/frame": Math.round(ns[name]), "MB/s": Math.round((buf.length / ns[name]) * 1e3), "× JSON.parse+ajv": `${(peerNs / ns[name]).toFixed(1)}×` }));
  console.table(summary);
  results.cases.push({ name: c.name, bytes: buf.length, rows: summary });
}
mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(join(here, "results", "frames.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`\nresults: ${join(here, "results", "frames.json")}`);
