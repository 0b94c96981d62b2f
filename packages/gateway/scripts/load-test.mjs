#!/usr/bin/env node
// @ts-check
/**
 * N charge points x M StopTransaction calls (about 5% invalid payloads) sent by real ocpp-rpc
 * RPCClients over loopback, first to the example gateway (ocpp-validate), then to an ocpp-rpc
 * RPCServer in strict mode (ajv) doing the same work. Each server runs in its own process.
 *
 * Checked for every call: exactly one answer, of the right kind (CALLRESULT Accepted for a valid
 * payload, CALLERROR otherwise) and, for CALLERRORs, the right code: the frame reference's for the
 * gateway, ocpp-rpc's own validator's for ocpp-rpc. Then calls/s and latency percentiles.
 *
 *   node scripts/load-test.mjs [--charge-points 100] [--calls 200] [--in-flight 4] [--backend auto]
 *                              [--targets gateway,ocpp-rpc] [--quick] [--json]
 * Exit status 1 if any call was lost, duplicated or answered wrongly.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { RPCClient } from "ocpp-rpc";
import { referenceValidateFrame } from "@ocpp-validate/test-vectors/frame-reference";
import { createPrng, payloadValue } from "@ocpp-validate/test-vectors/payloads";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** ocpp-rpc's own strict-mode validators: the oracle for what its server answers. */
const ocppRpcValidator = /** @type {{ subprotocol: string, validate(id: string, v: unknown): unknown }[]} */ (
  require("ocpp-rpc/lib/standard-validators.js")
).find((v) => v.subprotocol === "ocpp1.6");

/** ocpp-rpc (lib/client.js) renames these codes when the subprotocol is ocpp1.6. */
const OCPP16_WIRE_CODE = /** @type {Record<string, string>} */ ({
  FormatViolation: "FormationViolation",
  OccurenceConstraintViolation: "OccurrenceConstraintViolation",
});

/** Value-level ways to break a payload (ocpp-rpc sends objects, so every payload is JSON). */
const BREAKERS = [
  (/** @type {any} */ v) => void delete v.transactionId,
  (/** @type {any} */ v) => void (v.meterStop = 1.5),
  (/** @type {any} */ v) => void (v.timestamp = "2024-02-30T10:00:00Z"),
  (/** @type {any} */ v) => void (v.timestamp = "2024-05-17T10:00:00"),
  (/** @type {any} */ v) => void (v.reason = "Unplugged"),
  (/** @type {any} */ v) => void (v.idTag = "X".repeat(21)),
  (/** @type {any} */ v) => void (v.extra = true),
  (/** @type {any} */ v) => void (v.transactionId = "17"),
];

/**
 * The calls of one charge point, each with what both servers must answer.
 * @param {number} cp @param {number} calls @param {number} invalidRatio @param {number} seed
 */
export function workload(cp, calls, invalidRatio, seed) {
  const rnd = createPrng((seed * 7919 + cp) >>> 0);
  return Array.from({ length: calls }, (_, i) => {
    const r = rnd();
    const value = payloadValue({
      seed: (seed * 1_000_003 + cp * 65_537 + i) >>> 0,
      reason: rnd() < 0.8,
      ...(r < 0.7 ? { meterValues: 0, samples: 0 } : { meterValues: 1 + Math.floor(rnd() * 3), samples: 1 + Math.floor(rnd() * 4) }),
    });
    const broken = rnd() < invalidRatio;
    if (broken) BREAKERS[Math.floor(rnd() * BREAKERS.length)]?.(value);
    const ref = referenceValidateFrame(JSON.stringify([2, "id", "StopTransaction", value]), { allErrors: false });
    let rpcCode = null;
    try {
      ocppRpcValidator?.validate("urn:StopTransaction.req", value);
    } catch (e) {
      rpcCode = /** @type {{ rpcErrorCode: string }} */ (e).rpcErrorCode;
      // What ocpp-rpc's server puts on the wire for ocpp1.6 (it follows the OCPP-J 1.6 errata v1.0 §5).
      rpcCode = OCPP16_WIRE_CODE[rpcCode] ?? rpcCode;
    }
    return { value, broken, expect: { gateway: ref.callError?.errorCode ?? null, "ocpp-rpc": rpcCode } };
  });
}

/** @param {"gateway" | "ocpp-rpc"} target @param {string} backend */
async function startServer(target, backend) {
  const child = spawn(process.execPath, [join(here, "load-server.mjs"), target, backend], { stdio: ["pipe", "pipe", "inherit"] });
  /** @type {((line: string) => void)[]} */
  const readers = [];
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d) => {
    out += d;
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      readers.shift()?.(line);
    }
  });
  const nextLine = () => new Promise((resolve, reject) => {
    readers.push(resolve);
    child.once("exit", (code) => reject(new Error(`load-server ${target} exited with ${code}`)));
  });
  const { port, validator } = JSON.parse(/** @type {string} */ (await nextLine()));
  return {
    /** Starts the server's CPU clock. */
    mark: () => void child.stdin.write("mark\n"),
    /** Server CPU ms since mark(). */
    cpuMs: async () => {
      const line = nextLine();
      child.stdin.write("cpu\n");
      return /** @type {number} */ (JSON.parse(/** @type {string} */ (await line)).cpuMs);
    },
    port: /** @type {number} */ (port),
    validator: /** @type {string} */ (validator),
    stop: () => new Promise((resolve) => {
      child.once("exit", resolve);
      child.stdin.end();
    }),
  };
}

/** @param {number[]} sorted @param {number} q */
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * @param {{ target: "gateway" | "ocpp-rpc", chargePoints: number, calls: number, inFlight?: number,
 *   invalidRatio?: number, seed?: number, backend?: string, callTimeoutMs?: number }} o
 *   callTimeoutMs: how long a call may wait for its answer before it counts as lost
 */
export async function runLoadTest({ target, chargePoints, calls, inFlight = 4, invalidRatio = 0.05, seed = 7, backend = "auto", callTimeoutMs = 60_000 }) {
  const work = Array.from({ length: chargePoints }, (_, cp) => workload(cp, calls, invalidRatio, seed));
  const server = await startServer(target, backend);
  const clients = [];
  const inbound = new Array(chargePoints).fill(0);
  let badMessages = 0;
  try {
    for (let start = 0; start < chargePoints; start += 200) {
      const batch = [];
      for (let cp = start; cp < Math.min(chargePoints, start + 200); cp++) {
        const client = new RPCClient({
          endpoint: `ws://127.0.0.1:${server.port}/ocpp`,
          identity: `CP-${cp}`,
          protocols: ["ocpp1.6"],
          // ocpp-rpc validates outgoing calls only in strict mode: off, so invalid payloads go out.
          strictMode: false,
          reconnect: false,
          callConcurrency: inFlight,
          callTimeoutMs,
          // No keepalive pings: a pong late by 30 s on a busy machine would drop the connection.
          pingIntervalMs: 0,
        });
        client.on("message", (/** @type {{ outbound: boolean }} */ m) => {
          if (!m.outbound) inbound[cp]++;
        });
        client.on("badMessage", () => badMessages++);
        clients[cp] = client;
        batch.push(client.connect());
      }
      await Promise.all(batch);
    }
    // One untimed call per connection first (JIT, connection setup).
    await Promise.allSettled(clients.map((c) => c.call("StopTransaction", work[0]?.[0]?.value)));

    const latencies = [];
    /** @type {string[]} */
    const mismatches = [];
    let lost = 0;
    let sent = 0;
    server.mark();
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (client, cp) => {
        const calls = work[cp] ?? [];
        let next = 0;
        const worker = async () => {
          while (next < calls.length) {
            const c = calls[next++];
            if (!c) break;
            const started = performance.now();
            sent++;
            /** @type {string | null} */
            let got;
            try {
              const result = await client.call("StopTransaction", c.value);
              got = JSON.stringify(result) === '{"idTagInfo":{"status":"Accepted"}}' ? null : `result ${JSON.stringify(result)}`;
            } catch (e) {
              const code = /** @type {{ rpcErrorCode?: string }} */ (e).rpcErrorCode;
              if (code === undefined) {
                lost++;
                continue;
              }
              got = code;
            }
            latencies.push(performance.now() - started);
            const want = c.expect[target];
            if (got !== want) mismatches.push(`CP-${cp} call ${calls.indexOf(c)}: got ${got ?? "CALLRESULT"}, expected ${want ?? "CALLRESULT"}`);
          }
        };
        await Promise.all(Array.from({ length: inFlight }, worker));
      }),
    );
    const wallMs = performance.now() - t0;
    const serverCpuMs = await server.cpuMs();
    // Messages received minus calls made (the warm-up call included): 0 when every call got exactly one answer.
    const extraAnswers = inbound.reduce((n, count) => n + count, 0) - sent - clients.length;
    latencies.sort((a, b) => a - b);
    const all = work.flat();
    return {
      target,
      validator: server.validator,
      chargePoints,
      callsPerChargePoint: calls,
      inFlight,
      calls: sent,
      invalid: all.filter((c) => c.expect[target] !== null).length,
      broken: all.filter((c) => c.broken).length,
      wallMs,
      callsPerSecond: (sent / wallMs) * 1000,
      serverCpuMs,
      /** Server process CPU per call (µs): the server's own cost, robust to other load on the machine. */
      serverCpuUsPerCall: (serverCpuMs * 1000) / sent,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      lost,
      extraAnswers,
      badMessages,
      mismatches,
      /** Payloads ocpp-rpc's strict mode accepts that the reference (JSON.parse + ajv-draft-04 + ajv-formats 3) rejects. */
      referenceDisagreements: all.filter((c) => (c.expect.gateway === null) !== (c.expect["ocpp-rpc"] === null)).length,
    };
  } finally {
    await Promise.all(clients.map((c) => c?.close({ force: true }).catch(() => {})));
    await server.stop();
  }
}

/** @param {Awaited<ReturnType<typeof runLoadTest>>} r */
const ok = (r) => r.lost === 0 && r.extraAnswers === 0 && r.badMessages === 0 && r.mismatches.length === 0;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      "charge-points": { type: "string", default: "100" },
      calls: { type: "string", default: "200" },
      "in-flight": { type: "string", default: "4" },
      backend: { type: "string", default: "auto" },
      targets: { type: "string", default: "gateway,ocpp-rpc" },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
    },
  });
  const chargePoints = values.quick ? 10 : Number(values["charge-points"]);
  const calls = values.quick ? 50 : Number(values.calls);
  const inFlight = Number(values["in-flight"]);
  const cpu = cpus();
  console.log(
    `load test: ${chargePoints} charge points x ${calls} StopTransaction calls, ${inFlight} in flight per charge point, ocpp-rpc RPCClient over loopback\n` +
      `machine: ${cpu[0]?.model ?? "?"} x${cpu.length}, Node ${process.version}; payloads from payloadValue() (0-3 meter values), ~5% broken`,
  );
  const results = [];
  for (const target of /** @type {("gateway" | "ocpp-rpc")[]} */ (String(values.targets).split(","))) {
    const r = await runLoadTest({ target, chargePoints, calls, inFlight, backend: String(values.backend) });
    results.push(r);
    const name = target === "gateway" ? `gateway (${r.validator})` : "ocpp-rpc RPCServer strict (ajv)";
    console.log(
      `${name.padEnd(36)} ${String(r.calls).padStart(7)} calls ${r.callsPerSecond.toFixed(0).padStart(7)} calls/s  ` +
        `p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  server CPU ${r.serverCpuUsPerCall.toFixed(1)} µs/call  ` +
        `${r.invalid} CALLERRORs expected; ${ok(r) ? "every call answered once, correctly" : `FAILED: ${r.lost} lost, ${r.extraAnswers} extra answers, ${r.badMessages} bad messages, ${r.mismatches.length} wrong`}`,
    );
    for (const m of r.mismatches.slice(0, 10)) console.log(`  ${m}`);
  }
  const disagree = results[0]?.referenceDisagreements ?? 0;
  if (disagree) console.log(`note: ${disagree} payloads get a different verdict from ocpp-rpc's strict mode (ajv-formats 2) than from the reference (date-time without an offset)`);
  if (values.json) console.log(JSON.stringify(results.map(({ mismatches, ...r }) => ({ ...r, mismatches: mismatches.length }))));
  process.exitCode = results.every(ok) ? 0 : 1;
}
