// The wasm backend's reuse of one region of wasm memory: it must notice when that memory grows
// under it (which detaches every view of the old buffer) however the growth came about.
import { createRequire } from "node:module";
import { describe, it, expect } from "vitest";
import { wasmBackend, type WasmBinding } from "../src/wasm.js";
import { MESSAGE_NAMES } from "../src/messages.generated.js";

const require = createRequire(import.meta.url);
const binding = require("@ocpp-validate/wasm/node") as WasmBinding;
const stopTransaction = binding.messageNames().indexOf("StopTransaction");
const valid = '{"meterStop":1201610,"timestamp":"2024-12-30T14:08:05.123Z","transactionId":605936}';
const invalid = '{"meterStop":1.5,"timestamp":"2024-12-30T14:08:05.123Z","transactionId":605936}';

describe("wasm backend: the cached view of wasm memory", () => {
  it("names StopTransaction where the facade's table does", () => {
    expect(MESSAGE_NAMES).toContain("StopTransaction");
    expect(stopTransaction).toBeGreaterThanOrEqual(0);
  });

  it("survives wasm memory growing between calls, for bytes, strings and batches", () => {
    const backend = wasmBackend(binding);
    const bytes = new TextEncoder().encode(valid);
    expect(backend.isValid(bytes, stopTransaction, 0)).toBe(true);
    // Growth the backend did not ask for (any allocation inside the module can cause it).
    binding.wasmMemory().grow(1);
    expect(backend.isValid(bytes, stopTransaction, 0)).toBe(true);
    expect(backend.isValid(invalid, stopTransaction, 0)).toBe(false);
    binding.wasmMemory().grow(1);
    expect(backend.isValid(valid, stopTransaction, 0)).toBe(true);
    binding.wasmMemory().grow(1);
    expect(Array.from(backend.isValidBatch([valid, bytes, invalid], stopTransaction, 0))).toEqual([1, 1, 0]);
    binding.wasmMemory().grow(1);
    expect(backend.validate(invalid, stopTransaction, true, 0).errors.map((e) => [e.instancePath, e.keyword])).toEqual([["/meterStop", "type"]]);
  });
});
