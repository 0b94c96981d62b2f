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

  it("reads a plain frame's offsets after memory grew, from bytes and strings, and reports bad indices", () => {
    const backend = wasmBackend(binding);
    const frame = `[2,"u-1","StopTransaction",${valid}]`;
    const want = { kind: "call", uniqueId: "u-1", action: "StopTransaction", payloadRange: [27, 27 + valid.length], valid: true, errors: [], tolerated: [], warnings: [], callError: null };
    expect(backend.validateFrame(frame, false, -1, 0, 0)).toEqual(want);
    binding.wasmMemory().grow(1);
    expect(backend.validateFrame(new TextEncoder().encode(frame), false, -1, 0, 0)).toEqual(want);
    // A frame larger than the region: the call itself grows memory before the offsets are read.
    const big = `[3,"r",{"currentTime":"2024-12-30T14:08:05Z","interval":300,"status":"Accepted","x":"${"a".repeat(1 << 22)}"}]`;
    expect(backend.validateFrame(big, false, -1, 0, 0)).toMatchObject({ kind: "callresult", uniqueId: "r", action: null, payloadRange: [7, big.length - 1], valid: true });
    expect(backend.validateFrame(frame, false, -1, 0, 0)).toEqual(want);
    expect(backend.validate(valid, stopTransaction, false, 0)).toEqual({ valid: true, errors: [], tolerated: [], warnings: [] });
    expect(() => backend.validate(valid, 1e6, false, 0)).toThrow(/no message with index 1000000/);
    expect(() => backend.validateFrame(frame, false, 1e6, 0, 0)).toThrow(/no message with index 1000000/);
    expect(() => backend.validateFrame(frame, false, -1, 0, 99)).toThrow(/no protocol with index 99/);
  });
});
