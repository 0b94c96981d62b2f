#!/usr/bin/env node
// @ts-check
// `pnpm gateway --port 9000` from the repository root (or `pnpm --filter @ocpp-validate/gateway start`).
import { parseArgs } from "node:util";
import { DEFAULT_MAX_PAYLOAD, SUBPROTOCOL, startGateway } from "./gateway.mjs";

const USAGE = `Usage: pnpm gateway [--port 9000] [--host 127.0.0.1] [--backend auto|native|wasm|js]
                    [--max-payload 2097152] [--all-errors] [--strict-utf8] [--quiet]

An OCPP-J 1.6 WebSocket endpoint at ws://<host>:<port>/ocpp/<chargePointId> (subprotocol ${SUBPROTOCOL}).
StopTransaction CALLs are validated by ocpp-validate and answered with a CALLRESULT
{"idTagInfo":{"status":"Accepted"}} or the CALLERROR; other actions get NotImplemented.
Messages above --max-payload bytes close the connection (1009). Ctrl-C stops it.`;

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
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(maxPayload) || maxPayload < 1) {
  process.stderr.write(`gateway: --port must be 0-65535 and --max-payload a positive byte count\n`);
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
  log: quiet ? () => {} : (line) => process.stderr.write(`gateway: ${line}\n`),
}).catch((/** @type {Error} */ e) => {
  process.stderr.write(`gateway: cannot start: ${e.message}\n`);
  process.exit(2);
});
process.stdout.write(
  `gateway listening on ${gateway.url}<chargePointId> (subprotocol ${SUBPROTOCOL}, ${gateway.backend} backend, maxPayload ${gateway.maxPayload} bytes)\n`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await gateway.close();
  const s = gateway.stats;
  process.stdout.write(`gateway stopped: ${s.connections} connections, ${s.messages} messages, ${s.results} CALLRESULTs, CALLERRORs ${JSON.stringify(s.errors)}\n`);
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
