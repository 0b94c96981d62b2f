// The package as an ES module user imports it, from this project's own node_modules.
import { createRequire } from "node:module";
import { dirname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, assertEqual, check } from "./harness.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const stop = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}';

await check("ESM: every entry resolves inside this project, none in the workspace", () => {
  for (const id of ["ocpp-validate", "ocpp-validate/internal", "ocpp-validate/ocpp-rpc", "ocpp-validate/package.json"]) {
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
  assertEqual(Object.keys(facade).sort(), ["ACTIONS", "CHARGE_POINT_ACTIONS", "MESSAGE_NAMES", "TOLERANCES", "buildCallError", "buildCallResult", "createValidator", "init", "utf16IndexOfByte"], "exports");
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
