#!/usr/bin/env node
// @ts-check
// One server under load, in its own process so the load generator does not share its event loop:
//   node load-server.mjs gateway [backend]   the example gateway (ocpp-validate)
//   node load-server.mjs ocpp-rpc            an ocpp-rpc RPCServer in strict mode (its ajv validation)
// Prints {"port": N, "validator": "..."} on stdout once listening. On stdin, "mark" starts and
// "cpu" reports ({"cpuMs": …}) the CPU time this process used in between: the server's own cost,
// whatever else the machine is doing. Exits on SIGTERM or when stdin closes.
import { RPCServer } from "ocpp-rpc";
import { startGateway } from "../src/gateway.mjs";

const [target = "gateway", backend = "auto"] = process.argv.slice(2);
/** @type {() => Promise<unknown>} */
let close;
let port;
let validator = "ajv (ocpp-rpc strict mode)";
if (target === "gateway") {
  const gw = await startGateway({ port: 0, heartbeatMs: 0, backend: /** @type {"auto"} */ (backend) });
  port = gw.port;
  validator = `ocpp-validate ${gw.backend}`;
  close = () => gw.close();
} else if (target === "ocpp-rpc") {
  // No keepalive pings (the load test's clients send none either): a late pong would drop a client.
  const server = new RPCServer({ protocols: ["ocpp1.6"], strictMode: true, pingIntervalMs: 0 });
  server.on("client", (client) => {
    client.handle("StopTransaction", () => ({ idTagInfo: { status: "Accepted" } }));
  });
  const http = await server.listen(0, "127.0.0.1");
  const address = http.address();
  port = typeof address === "object" && address ? address.port : 0;
  close = () => server.close({ force: true });
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
      process.stdout.write(JSON.stringify({ cpuMs: (used.user + used.system) / 1000 }) + "\n");
    }
  }
});
