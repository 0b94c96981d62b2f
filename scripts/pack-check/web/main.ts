// A page built by Vite from the installed package: the `browser` export (wasm web build, js fallback).
import { createValidator, init, MESSAGE_NAMES } from "ocpp-validate";

const out = document.getElementById("out")!;
init()
  .catch(() => {})
  .then(() => {
    const v = createValidator();
    const ok = v.isValid('{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}');
    const bad = v.validate("{}", { message: "BootNotification", allErrors: true });
    const v201 = createValidator({ protocol: "ocpp2.0.1" });
    const ocpp201 = [v201.isValid("{}", { message: "HeartbeatRequest" }), v201.validateFrame('[2,"a","Heartbeat",{"x":1}]').callError?.errorCode];
    out.textContent = JSON.stringify({ backend: v.backend, fallbacks: v.fallbacks.map((f) => f.reason), ok, bad: bad.valid ? [] : bad.errors.map((e) => e.keyword), messages: MESSAGE_NAMES.length, ocpp201 });
  });
