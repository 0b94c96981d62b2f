// The package as an ES module user imports it, from this project's own node_modules.
import { createRequire } from "node:module";
import { dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, assertEqual, check } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const stop = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}';

await check("ESM: every entry resolves inside this project, none in the workspace", () => {
  for (const id of ["ocpp-validate", "ocpp-validate/internal", "ocpp-validate/ocpp-rpc", "ocpp-validate/ocpp1.6", "ocpp-validate/ocpp2.0.1", "ocpp-validate/ocpp2.1", "ocpp-validate/package.json"]) {
    const file = fileURLToPath(import.meta.resolve(id));
    assert(file.startsWith(`${here}${sep}node_modules${sep}ocpp-validate${sep}`), `${id} resolved to ${file}`);
  }
  const facadeRequire = createRequire(require.resolve("ocpp-validate"));
  for (const id of ["@ocpp-validate/wasm/node", "@ocpp-validate/native-linux-x64-gnu"]) {
    const file = facadeRequire.resolve(id);
    assert(file.startsWith(`${here}${sep}node_modules${sep}`), `${id} resolved to ${file}`);
  }
});

await check("typia (a dev dependency of ocpp-validate) is not installed here", () => {
  let resolved;
  try {
    resolved = require.resolve("typia");
  } catch {
    return;
  }
  throw new Error(`typia resolves to ${resolved}`);
});

const facade = await import("ocpp-validate");

await check("ESM: the main entry exports the public API only", () => {
  assertEqual(Object.keys(facade).sort(), ["ACTIONS", "CHARGE_POINT_ACTIONS", "MESSAGE_NAMES", "PROTOCOLS", "TOLERANCES", "buildCallError", "buildCallResult", "createValidator", "init", "utf16IndexOfByte"], "exports");
  assertEqual(facade.PROTOCOLS, ["ocpp1.6", "ocpp2.0.1", "ocpp2.1"], "PROTOCOLS");
  assertEqual(facade.MESSAGE_NAMES.length, 56, "MESSAGE_NAMES.length");
});

await check("ESM: auto picks native, skips nothing, and validates", async () => {
  await facade.init();
  const v = facade.createValidator();
  assertEqual(v.backend, "native", "backend");
  assertEqual(v.fallbacks, [], "fallbacks");
  assert(v.isValid(Buffer.from(stop)), "a valid StopTransaction is valid");
  const r = v.validate('{"currentTime":"2024-05-17T14:32:05"}', { message: "HeartbeatResponse", allErrors: true });
  const issue = { instancePath: "/currentTime", keyword: "format", message: '"2024-05-17T14:32:05" is not a date-time: no offset (add Z for UTC, or ±hh:mm)', ocppErrorCode: "PropertyConstraintViolation" };
  assertEqual(r, { valid: false, errors: [issue], tolerated: [], warnings: [] }, "validate");
  const tolerant = v.validate('{"currentTime":"2024-05-17T14:32:05"}', { message: "HeartbeatResponse", tolerate: ["offsetlessTimestamps"] });
  assertEqual(tolerant, { valid: true, errors: [], tolerated: [{ ...issue, tolerance: "offsetlessTimestamps" }], warnings: [] }, "validate with a tolerance");
  assertEqual(v.validateFrame(`[2,"a","StopTransaction",${stop}]`).kind, "call", "frame kind");
});

await check("ESM: ocpp-validate/internal and ocpp-validate/ocpp-rpc load", async () => {
  const internal = await import("ocpp-validate/internal");
  assertEqual(internal.nodeCandidates.map((c) => c.name), ["native", "wasm", "js"], "nodeCandidates");
  assertEqual(typeof internal.loadBackend, "function", "loadBackend");
  const rpc = await import("ocpp-validate/ocpp-rpc");
  assert(Object.keys(rpc).length > 0, "ocpp-rpc exports something");
  return `ocpp-rpc exports ${Object.keys(rpc).join(", ")}`;
});

await check("ESM: a TypeError for what the types refuse (a Map, a number)", () => {
  const v = facade.createValidator({ backend: "js" });
  for (const bad of [new Map(), 42]) {
    let thrown;
    try {
      v.isValid(bad);
    } catch (error) {
      thrown = error;
    }
    assert(thrown instanceof TypeError, `isValid(${String(bad)}) threw ${thrown}`);
  }
});

await check("ESM: the protocol subpaths hold each protocol's names; a 2.x validator validates its protocol on native", async () => {
  const [v16, v201, v21] = await Promise.all([import("ocpp-validate/ocpp1.6"), import("ocpp-validate/ocpp2.0.1"), import("ocpp-validate/ocpp2.1")]);
  assertEqual([v16.MESSAGE_NAMES.length, v201.MESSAGE_NAMES.length, v21.MESSAGE_NAMES.length], [56, 128, 181], "message counts");
  assertEqual(v16.MESSAGE_NAMES, facade.MESSAGE_NAMES, "ocpp1.6 is the main entry's 1.6 list");
  assert(v201.STATION_ACTIONS.includes("TransactionEvent") && v21.ACTIONS.includes("NotifyPeriodicEventStream"), "actions");
  const v = facade.createValidator({ protocol: "ocpp2.0.1" });
  assertEqual([v.backend, v.protocol, v.message], ["native", "ocpp2.0.1", "TransactionEventRequest"], "validator");
  assert(v.isValid(Buffer.from("{}"), { message: "HeartbeatRequest" }), "a 2.0.1 HeartbeatRequest");
  assertEqual(v.validate('{"x":1}', { message: "HeartbeatRequest" }).errors[0]?.ocppErrorCode, "ProtocolError", "2.x code");
  assertEqual(v.validateFrame("{}").callError?.errorCode, "RpcFrameworkError", "2.x frame code");
  const send = facade.createValidator({ protocol: "ocpp2.1" }).validateFrame('[6,"s","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2024-05-17T14:32:05Z","data":[{"t":0,"v":"1"}]}]');
  assertEqual([send.kind, send.valid, send.callError], ["send", true, null], "2.1 SEND");
});
