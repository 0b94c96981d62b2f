#!/usr/bin/env node
// @ts-check
// One server under load, in its own process so the load generator does not share its event loop
// (the last argument, default ocpp1.6, is the subprotocol of the session mix: ocpp1.6 or ocpp2.0.1):
//   node load-server.mjs gateway [backend] [protocol]   the example gateway (ocpp-validate)
//   node load-server.mjs ocpp-rpc            an ocpp-rpc RPCServer in strict mode (its ajv validation)
//                                            with handlers for the session's station actions that
//                                            answer what the gateway answers
//   node load-server.mjs ocpp-rpc-ocpp-validate [backend]
//                                            the same RPCServer with ocpp-validate/ocpp-rpc as its
//                                            strict-mode validator
// Prints {"port": N, "validator": "..."} on stdout once listening. On stdin, "mark" starts and
// "cpu" reports ({"cpuMs": …, "transactions": {started, stopped, unknownStops, open}}) the CPU time
// this process used in between: the server's own cost, whatever else the machine is doing.
// Exits on SIGTERM or when stdin closes.
import { DATA_TRANSFER_VENDOR_ID, DEFAULT_HEARTBEAT_INTERVAL_S, startGateway } from "../src/gateway.mjs";

const [target = "gateway", backend = "auto", protocol = "ocpp1.6"] = process.argv.slice(2);
/** @type {() => Promise<unknown>} */
let close;
let port;
let validator = "ajv (ocpp-rpc strict mode)";
/** @type {() => { started: number, stopped: number, unknownStops: number, open: number }} */
let transactionStats;
if (target === "gateway") {
  const gw = await startGateway({ port: 0, heartbeatMs: 0, backend: /** @type {"auto"} */ (backend) });
  port = gw.port;
  validator = `ocpp-validate ${gw.backend}`;
  close = () => gw.close();
  transactionStats = () => ({ ...gw.stats.transactions, open: gw.transactions.size });
} else if (target === "ocpp-rpc" || target === "ocpp-rpc-ocpp-validate") {
  // ocpp-rpc-ocpp-validate: the same server with ocpp-validate as its strict-mode validator
  // (ocpp-validate/ocpp-rpc), so the two ocpp-rpc runs differ only in the validator.
  const strictModeValidators = target === "ocpp-rpc" ? [] : [/** @type {any} */ ((await import("ocpp-validate/ocpp-rpc")).createStrictModeValidator({ backend: /** @type {"native"} */ (backend), subprotocol: protocol }))];
  if (target !== "ocpp-rpc") validator = "ocpp-validate (ocpp-rpc strict mode)";
  // Imported here: ocpp-rpc compiles its ajv schemas on load, which the gateway process need not do.
  const { RPCServer } = await import("ocpp-rpc");
  const server = new RPCServer({ protocols: [protocol], strictMode: true, strictModeValidators });
  let nextTransactionId = 1;
  /** @type {Map<number, string>} open transaction id → charge point */
  const open = new Map();
  const tx = { started: 0, stopped: 0, unknownStops: 0 };
  /** @type {Set<string>} open 2.x transactions, "<charge point>/<transactionId>" */
  const openByKey = new Set();
  const accepted = () => ({ status: "Accepted" });
  const now = () => new Date().toISOString();
  server.on("client", (client) => {
    const cp = client.identity;
    if (protocol !== "ocpp1.6") {
      // The gateway's 2.x answers (handlers2x in gateway.mjs); the station makes up transaction ids.
      client.handle("Authorize", () => ({ idTokenInfo: accepted() }));
      client.handle("BootNotification", () => ({ currentTime: now(), interval: DEFAULT_HEARTBEAT_INTERVAL_S, status: "Accepted" }));
      client.handle("Heartbeat", () => ({ currentTime: now() }));
      client.handle("MeterValues", () => ({}));
      client.handle("NotifyReport", () => ({}));
      client.handle("StatusNotification", () => ({}));
      client.handle("TransactionEvent", (/** @type {{ params: any }} */ { params }) => {
        const key = `${cp}/${params.transactionInfo.transactionId}`;
        if (params.eventType === "Started" && !openByKey.has(key)) {
          openByKey.add(key);
          tx.started++;
        } else if (params.eventType === "Ended") {
          if (openByKey.delete(key)) tx.stopped++;
          else tx.unknownStops++;
        }
        return params.idToken !== undefined ? { idTokenInfo: accepted() } : {};
      });
      return;
    }
    // The same answers as the gateway's handlers; strict mode checks each against its .conf schema.
    client.handle("Authorize", () => ({ idTagInfo: accepted() }));
    client.handle("BootNotification", () => ({ status: "Accepted", currentTime: now(), interval: DEFAULT_HEARTBEAT_INTERVAL_S }));
    client.handle("DataTransfer", (/** @type {{ params: any }} */ { params }) =>
      params.vendorId !== DATA_TRANSFER_VENDOR_ID ? { status: "UnknownVendorId" } : params.data !== undefined ? { status: "Accepted", data: params.data } : { status: "Accepted" },
    );
    client.handle("DiagnosticsStatusNotification", () => ({}));
    client.handle("FirmwareStatusNotification", () => ({}));
    client.handle("Heartbeat", () => ({ currentTime: now() }));
    client.handle("MeterValues", () => ({}));
    client.handle("StartTransaction", () => {
      const transactionId = nextTransactionId++;
      open.set(transactionId, cp);
      tx.started++;
      return { transactionId, idTagInfo: accepted() };
    });
    client.handle("StatusNotification", () => ({}));
    client.handle("StopTransaction", (/** @type {{ params: any }} */ { params }) => {
      if (open.get(params.transactionId) === cp) {
        open.delete(params.transactionId);
        tx.stopped++;
      } else tx.unknownStops++;
      return params.idTag !== undefined ? { idTagInfo: accepted() } : {};
    });
  });
  const http = await server.listen(0, "127.0.0.1");
  const address = http.address();
  port = typeof address === "object" && address ? address.port : 0;
  close = () => server.close({ force: true });
  transactionStats = () => ({ ...tx, open: open.size + openByKey.size });
} else {
  process.stderr.write(`load-server: unknown target ${target}\n`);
  process.exit(2);
}
process.stdout.write(JSON.stringify({ port, validator }) + "\n");
const stop = () => close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
let mark = process.cpuUsage();
let pending = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  pending += chunk;
  for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
    const command = pending.slice(0, nl).trim();
    pending = pending.slice(nl + 1);
    if (command === "mark") mark = process.cpuUsage();
    if (command === "cpu") {
      const used = process.cpuUsage(mark);
      process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, transactions: transactionStats() }) + "\n");
    }
  }
});
