// The package as a CommonJS user requires it: require(esm), which the package's `engines` names.
const { check, assert, assertEqual } = require("./harness.mjs");
const stop = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}';

(async () => {
  await check(`CJS: require("ocpp-validate") on Node ${process.versions.node}`, () => {
    const facade = require("ocpp-validate");
    assertEqual(typeof facade.createValidator, "function", "createValidator");
    const v = facade.createValidator();
    assertEqual(v.backend, "native", "backend");
    assert(v.isValid(Buffer.from(stop)), "valid");
    assert(!v.isValid("{}"), "invalid");
  });
  await check("CJS: require() and import() give the same module", async () => {
    const required = require("ocpp-validate");
    const imported = await import("ocpp-validate");
    assertEqual(Object.keys(required).sort(), Object.keys(imported).sort(), "names");
    assert(required.createValidator === imported.createValidator, "one module instance");
  });
  await check("CJS: the subpaths require too", () => {
    assertEqual(require("ocpp-validate/internal").nodeCandidates.length, 3, "nodeCandidates");
    assert(Object.keys(require("ocpp-validate/ocpp-rpc")).length > 0, "ocpp-rpc");
    assertEqual(require("ocpp-validate/package.json").name, "ocpp-validate", "package.json");
    assertEqual(require("ocpp-validate/ocpp2.0.1").MESSAGE_NAMES.length, 128, "ocpp2.0.1");
    assertEqual(require("ocpp-validate/ocpp2.1").MESSAGE_NAMES.length, 181, "ocpp2.1");
    assertEqual(require("ocpp-validate/ocpp1.6").MESSAGE_NAMES.length, 56, "ocpp1.6");
    assertEqual(require("ocpp-validate").createValidator({ protocol: "ocpp2.1", backend: "wasm" }).protocol, "ocpp2.1", "a 2.1 validator");
  });
})();
