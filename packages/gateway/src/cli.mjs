#!/usr/bin/env node
// @ts-check
// `pnpm gateway --port 9000` from the repository root (or `pnpm --filter @ocpp-validate/gateway start`).
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { TOLERANCES } from "ocpp-validate";
import { DEFAULT_MAX_CHARGE_POINTS } from "./metrics.mjs";
import { AVAILABLE_PROTOCOLS, DEFAULT_CALL_TIMEOUT_MS, DEFAULT_HEARTBEAT_INTERVAL_S, DEFAULT_MAX_PAYLOAD, DEFAULT_METRICS_PATH, Policy, PolicyError, SubprotocolError, checkProtocols, parsePolicyArgs, startGateway } from "./gateway.mjs";

const USAGE = `Usage: pnpm gateway [--port 9000] [--host 127.0.0.1] [--backend auto|native|wasm|js] [--protocols ${AVAILABLE_PROTOCOLS.join(",")}]
                    [--max-payload 2097152] [--all-errors] [--strict-utf8] [--quiet]
                    [--heartbeat-interval ${DEFAULT_HEARTBEAT_INTERVAL_S}] [--call-timeout ${DEFAULT_CALL_TIMEOUT_MS}]
                    [--tolerate <names> | --tolerate <Action>=<names>]... [--on-invalid [<Action>=]accept|reject]...
                    [--frame-log -|<file>] [--no-frame-log] [--log-valid]
                    [--metrics-path ${DEFAULT_METRICS_PATH}] [--no-metrics] [--max-charge-points ${DEFAULT_MAX_CHARGE_POINTS}]

An OCPP-J WebSocket endpoint at ws://<host>:<port>/ocpp/<chargePointId>.
--protocols: the subprotocols it accepts (default ${AVAILABLE_PROTOCOLS.join(",")}); of the client's
Sec-WebSocket-Protocol offer it takes the first, in the client's order, that is in this list. A
client that offers none of them is refused with HTTP 400 before the upgrade.
Every CALL is validated by ocpp-validate with the validator of the connection's protocol. The
station actions are answered with a CALLRESULT (BootNotification Accepted, StartTransaction a new
transactionId, TransactionEvent its idTokenInfo, ...) or the validator's CALLERROR; CSMS actions
get NotSupported, unknown ones NotImplemented. An OCPP 2.1 SEND is never answered.
Messages above --max-payload bytes close the connection (1009). Ctrl-C stops it.

Validation policy (per action; the policy of an action also applies to the CALLRESULTs a charge
point returns to the gateway's calls of that action):
  --tolerate errata,offsetlessTimestamps
        tolerances for every action: a payload whose only issues are tolerated is valid (answered
        with a CALLRESULT) and its deviations are logged and counted. The tolerances
        (crates/core/SEMANTICS.md, "Tolerances"):
          errata                "Celsius" and "Hertz" as UnitOfMeasure (the 1.6 errata)
          offsetlessTimestamps  a date-time without an offset, read as UTC
          fractionalIntegers    a finite number where an integer is required (26008.333)
          overlongStrings       any maxLength exceeded
          unknownProperties     members the schema does not define
  --tolerate StopTransaction=fractionalIntegers,overlongStrings
        that action's own list: it replaces the global list for that action (StopTransaction=none:
        strict). Repeatable; repeats of the same scope add up.
  --on-invalid accept | --on-invalid StopTransaction=accept
        reject (default): answer an invalid payload with the validator's CALLERROR. accept: answer
        it with the normal CALLRESULT anyway (a CALLERROR to a StopTransaction leaves the session
        open and the charger retrying) and log and count it as accepted-invalid. For a Central
        System action, accept resolves the gateway's call with the charger's invalid answer.
  Unknown action or tolerance names stop the gateway before it listens (exit status 2).

Frame log: one JSON object per line for every frame that was tolerated, accepted-invalid,
rejected or carried warnings (duplicate keys, integers beyond 2^53, lone surrogates):
  {"time","chargePointId","kind":"call|callresult|invalid","action","uniqueId",
   "outcome":"tolerated|accepted-invalid|rejected|valid-with-warnings"[,"answer","errorCode"],
   "issues":[{instancePath,keyword,message}],"tolerated":[{...,tolerance}],
   "warnings":[{instancePath,warning,message}][,"omitted":{...}]}
  --frame-log -|<file>   stdout (default) or appended to <file>; --no-frame-log: none
  --log-valid            also log valid frames without warnings (outcome "valid")
  At most 50 entries per list in a line (the rest counted in "omitted").

Metrics: GET http://<host>:<port>${DEFAULT_METRICS_PATH} (same port) answers Prometheus text format 0.0.4:
  ocpp_gateway_frames_total{charge_point,action,outcome}
  ocpp_gateway_issues_total{charge_point,action,keyword,path,disposition="rejected|accepted|tolerated"[,tolerance]}
  ocpp_gateway_warnings_total{charge_point,action,warning}
  and connections, messages, CALLRESULTs and CALLERRORs sent, transactions and the gateway's calls.
  Paths have array indices replaced by *. charge_point is the id in the URL for the first
  --max-charge-points distinct ids; every later one is counted as charge_point="other".
  --metrics-path <path>  where (default ${DEFAULT_METRICS_PATH}); --no-metrics: off

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
      protocols: { type: "string", default: AVAILABLE_PROTOCOLS.join(",") },
      "max-payload": { type: "string", default: String(DEFAULT_MAX_PAYLOAD) },
      "all-errors": { type: "boolean", default: false },
      "strict-utf8": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      "heartbeat-interval": { type: "string", default: String(DEFAULT_HEARTBEAT_INTERVAL_S) },
      "call-timeout": { type: "string", default: String(DEFAULT_CALL_TIMEOUT_MS) },
      tolerate: { type: "string", multiple: true, default: [] },
      "on-invalid": { type: "string", multiple: true, default: [] },
      "frame-log": { type: "string", default: "-" },
      "no-frame-log": { type: "boolean", default: false },
      "log-valid": { type: "boolean", default: false },
      "metrics-path": { type: "string", default: DEFAULT_METRICS_PATH },
      "no-metrics": { type: "boolean", default: false },
      "max-charge-points": { type: "string", default: String(DEFAULT_MAX_CHARGE_POINTS) },
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
const maxChargePoints = Number(values["max-charge-points"]);
if (!Number.isInteger(maxChargePoints) || maxChargePoints < 0) {
  process.stderr.write(`gateway: --max-charge-points must be a non-negative integer\n`);
  process.exit(2);
}
const metricsPath = values["no-metrics"] === true ? null : String(values["metrics-path"]);
if (metricsPath !== null && !metricsPath.startsWith("/")) {
  process.stderr.write(`gateway: --metrics-path must start with /\n`);
  process.exit(2);
}
/** @type {Policy} */
let policy;
try {
  const options = parsePolicyArgs({ tolerate: /** @type {string[]} */ (values.tolerate), onInvalid: /** @type {string[]} */ (values["on-invalid"]) });
  policy = new Policy(options);
} catch (e) {
  if (!(e instanceof PolicyError)) throw e;
  process.stderr.write(`gateway: ${e.message}\n(the tolerances: ${TOLERANCES.join(", ")}; see --help)\n`);
  process.exit(2);
}
const frameLogTarget = values["no-frame-log"] === true ? null : String(values["frame-log"]);
const frameLog = frameLogTarget === null ? null : frameLogTarget === "-" ? process.stdout : createWriteStream(frameLogTarget, { flags: "a" });
if (frameLog && frameLog !== process.stdout) {
  // Opening is asynchronous: an unwritable file is a startup error all the same.
  await new Promise((resolve) => {
    frameLog.once("open", resolve);
    frameLog.once("error", (/** @type {Error} */ e) => {
      process.stderr.write(`gateway: --frame-log ${frameLogTarget}: ${e.message}\n`);
      process.exit(2);
    });
  });
}
/** @type {import("./gateway.mjs").Protocol[]} */
let protocols;
try {
  protocols = checkProtocols(String(values.protocols));
} catch (e) {
  if (!(e instanceof SubprotocolError)) throw e;
  process.stderr.write(`gateway: --protocols ${values.protocols}: ${e.message}\n`);
  process.exit(2);
}
const backend = /** @type {"auto" | "native" | "wasm" | "js"} */ (values.backend);
const quiet = values.quiet === true;

const gateway = await startGateway({
  port,
  host: String(values.host),
  backend,
  protocols,
  maxPayload,
  allErrors: values["all-errors"] === true,
  strictUtf8: values["strict-utf8"] === true,
  heartbeatInterval,
  callTimeoutMs,
  tolerate: policy.global.tolerate,
  onInvalid: policy.global.onInvalid,
  actions: Object.fromEntries(policy.actions),
  frameLog,
  logValid: values["log-valid"] === true,
  metricsPath,
  maxChargePoints,
  log: quiet ? () => {} : (line) => process.stderr.write(`gateway: ${line}\n`),
}).catch((/** @type {Error} */ e) => {
  process.stderr.write(`gateway: cannot start: ${e.message}\n`);
  process.exit(2);
});
process.stdout.write(
  `gateway listening on ${gateway.url}<chargePointId> (subprotocols ${gateway.protocols.join(", ")}, ${gateway.backend} backend, maxPayload ${gateway.maxPayload} bytes)` +
    (gateway.metricsPath === null ? "" : `, metrics at http://${gateway.host}:${gateway.port}${gateway.metricsPath}`) +
    "\n",
);
if (!gateway.policy.strict) process.stdout.write(`policy: ${gateway.policy.describe()}\n`);

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
  // process.exit does not wait for a file stream: the last lines would be lost.
  if (frameLog && frameLog !== process.stdout) await new Promise((resolve) => frameLog.end(() => resolve(undefined)));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
