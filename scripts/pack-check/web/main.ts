// A page built by Vite from the installed package: the `browser` export (wasm web build, js fallback).
import { createValidator, init, MESSAGE_NAMES } from "ocpp-validate";

const out = document.getElementById("out")!;
init()
  .catch(() => {})
  .then(() => {
    const v = createValidator();
    const ok = v.isValid('{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}');
    const bad = v.validate("{}", { message: "BootNotification", allErrors: true });
    out.textContent = JSON.stringify({ backend: v.backend, fallbacks: v.fallbacks.map((f) => f.reason), ok, bad: bad.valid ? [] : bad.errors.map((e) => e.keyword), messages: MESSAGE_NAMES.length });
  });
