#!/usr/bin/env node
// @ts-check
// `pnpm gateway --port 9000` from the repository root (or `pnpm --filter @ocpp-validate/gateway start`).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { DEFAULT_CALL_TIMEOUT_MS, DEFAULT_HEARTBEAT_INTERVAL_S, DEFAULT_MAX_PAYLOAD, SUBPROTOCOL, startGateway } from "./gateway.mjs";

const USAGE = `Usage: pnpm gateway [--port 9000] [--host 127.0.0.1] [--backend auto|native|wasm|js]
                    [--max-payload 2097152] [--all-errors] [--strict-utf8] [--quiet]
                    [--heartbeat-interval ${DEFAULT_HEARTBEAT_INTERVAL_S}] [--call-timeout ${DEFAULT_CALL_TIMEOUT_MS}]

An OCPP-J 1.6 WebSocket endpoint at ws://<host>:<port>/ocpp/<chargePointId> (subprotocol ${SUBPROTOCOL}).
Every CALL is validated by ocpp-validate. The ten Charge Point actions are answered with a CALLRESULT
(BootNotification Accepted, StartTransaction a new transactionId, ...) or the validator's CALLERROR;
Central System actions get NotSupported, unknown ones NotImplemented.
Messages above --max-payload bytes close the connection (1009). Ctrl-C stops it.

A line on stdin sends a CALL to a connected charge point and prints its validated answer:
  <Action> <chargePointId> [<JSON payload, default {}>]      e.g.  Reset CP-1 {"type":"Soft"}`;

/** @type {ReturnType<typeof parseArgs>["values"]} */
let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: "string", default: "9000" },
      host: { type: "string", default: "127.0.0.1" },
      backend: { type: "string", default: "auto" },
      "max-payload": { type: "string", default: String(DEFAULT_MAX_PAYLOAD) },
      "all-errors": { type: "boolean", default: false },
      "strict-utf8": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      "heartbeat-interval": { type: "string", default: String(DEFAULT_HEARTBEAT_INTERVAL_S) },
      "call-timeout": { type: "string", default: String(DEFAULT_CALL_TIMEOUT_MS) },
      help: { type: "boolean", short: "h", default: false },
    },
  }));
} catch (e) {
  process.stderr.write(`gateway: ${/** @type {Error} */ (e).message}\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE + "\n");
  process.exit(0);
}
const port = Number(values.port);
const maxPayload = Number(values["max-payload"]);
const heartbeatInterval = Number(values["heartbeat-interval"]);
const callTimeoutMs = Number(values["call-timeout"]);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(maxPayload) || maxPayload < 1) {
  process.stderr.write(`gateway: --port must be 0-65535 and --max-payload a positive byte count\n`);
  process.exit(2);
}
if (!Number.isInteger(heartbeatInterval) || heartbeatInterval < 1 || !(callTimeoutMs > 0)) {
  process.stderr.write(`gateway: --heartbeat-interval must be a positive number of seconds and --call-timeout of milliseconds\n`);
  process.exit(2);
}
const backend = /** @type {"auto" | "native" | "wasm" | "js"} */ (values.backend);
const quiet = values.quiet === true;

const gateway = await startGateway({
  port,
  host: String(values.host),
  backend,
  maxPayload,
  allErrors: values["all-errors"] === true,
  strictUtf8: values["strict-utf8"] === true,
  heartbeatInterval,
  callTimeoutMs,
  log: quiet ? () => {} : (line) => process.stderr.write(`gateway: ${line}\n`),
}).catch((/** @type {Error} */ e) => {
  process.stderr.write(`gateway: cannot start: ${e.message}\n`);
  process.exit(2);
});
process.stdout.write(
  `gateway listening on ${gateway.url}<chargePointId> (subprotocol ${SUBPROTOCOL}, ${gateway.backend} backend, maxPayload ${gateway.maxPayload} bytes)\n`,
);

// `Reset CP-1 {"type":"Soft"}` on stdin: a CSMS-initiated call; its answer (or why it failed) on stdout.
createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  const m = /^\s*(\S+)\s+(\S+)\s*(.*)$/.exec(line);
  if (!m) {
    if (line.trim() && !line.trim().startsWith("#")) process.stdout.write(`? expected: <Action> <chargePointId> [<JSON payload>]\n`);
    return;
  }
  const [, action = "", chargePointId = "", json = ""] = m;
  let payload;
  try {
    payload = JSON.parse(json || "{}");
  } catch (e) {
    process.stdout.write(`? ${action} ${chargePointId}: the payload is not JSON: ${/** @type {Error} */ (e).message}\n`);
    return;
  }
  gateway.call(chargePointId, /** @type {any} */ (action), payload).then(
    (result) => process.stdout.write(`< ${chargePointId} ${action} ${JSON.stringify(result)}\n`),
    (/** @type {import("./gateway.mjs").CallFailure} */ e) => process.stdout.write(`! ${chargePointId} ${action} ${e.kind}: ${e.message}\n`),
  );
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  const s = gateway.stats;
  process.stdout.write(
    `gateway stopped: ${s.connections} connections, ${s.messages} messages, ${s.results} CALLRESULTs ${JSON.stringify(s.actions)}, CALLERRORs ${JSON.stringify(s.errors)}, ` +
      `${s.transactions.started} transactions started, ${s.transactions.stopped} stopped; ${s.outgoing.sent} calls sent, ${s.outgoing.resolved} answered, failed ${JSON.stringify(s.outgoing.failed)}\n`,
  );
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
