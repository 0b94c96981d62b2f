import type { Backend, MessageIndex } from "./backend.js";
import type { CallErrorCode, FrameKind, FrameValidationResult, JsonInput, OcppErrorCode, ValidationIssue } from "./types.js";

/** What both wasm-pack builds (`@ocpp-validate/wasm/node` and `/web`) export once instantiated. */
export interface WasmBinding {
  version(): string;
  wasmMemory(): WebAssembly.Memory;
  messageNames(): string[];
  scratch(len: number): number;
  /** 1 valid, 0 invalid, 2 no message with that index (a number: a Result would allocate per call). */
  isValidScratch(len: number, message: MessageIndex): number;
  validateScratch(len: number, message: MessageIndex, allErrors: boolean): WasmIssue[];
  isValidBatchScratch(count: number, len: number, message: MessageIndex): Uint8Array;
  /** responseTo -1: no pending call known. */
  validateFrameScratch(len: number, allErrors: boolean, responseTo: MessageIndex): WasmFrame;
  noopScratch(len: number): boolean;
}

interface WasmIssue {
  instancePath: string;
  keyword: string;
  message: string;
  ocppErrorCode: string;
  free(): void;
}

interface WasmFrame {
  kind: string;
  uniqueId?: string;
  action?: string;
  payloadStart?: number;
  payloadEnd?: number;
  valid: boolean;
  errors: WasmIssue[];
  errorCode?: string;
  errorDescription?: string;
  callErrorFrame?: string;
  free(): void;
}

/** Worst-case UTF-8 bytes per UTF-16 code unit (a BMP character above U+07FF). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Writes inputs straight into one reusable region of wasm memory (no per-call allocation) and
 * validates them there. Wasm memory can grow during any call, which detaches old views: every
 * write goes through `region()`, which re-creates the view when that happened.
 */
export function wasmBackend(binding: WasmBinding): Backend {
  const memory = binding.wasmMemory();
  const encoder = new TextEncoder();
  let address = 0;
  let capacity = 0;
  let view = new Uint8Array(0);

  function region(minimum: number): Uint8Array {
    if (minimum > capacity) {
      capacity = Math.max(minimum, capacity * 2, 4096);
      address = binding.scratch(capacity);
      view = new Uint8Array(memory.buffer, address, capacity);
    } else if (view.buffer !== memory.buffer) {
      view = new Uint8Array(memory.buffer, address, capacity);
    }
    return view;
  }

  /** Writes one input at `offset` of the region; returns its end offset. */
  function put(input: JsonInput, offset: number): number {
    if (typeof input !== "string") {
      // A view of a detached buffer (transferred, or a resized-away ArrayBuffer) has length 0 and
      // is empty input, as native and js see it; only `set` would throw on it.
      if (input.length !== 0) region(offset + input.length).set(input, offset);
      return offset + input.length;
    }
    let read = 0;
    let end = offset;
    // ASCII-sized first; grow to the worst case only for the part that did not fit.
    let room = offset + input.length;
    for (;;) {
      const result = encoder.encodeInto(read === 0 ? input : input.slice(read), region(room).subarray(end, room));
      read += result.read;
      end += result.written;
      if (read >= input.length) return end;
      room = end + (input.length - read) * MAX_UTF8_PER_UNIT;
    }
  }

  return {
    name: "wasm",
    version: () => binding.version(),
    messageNames: () => binding.messageNames(),
    isValid(input, message) {
      const verdict = binding.isValidScratch(put(input, 0), message);
      if (verdict > 1) throw new Error(`no message with index ${message} (there are ${binding.messageNames().length})`);
      return verdict === 1;
    },
    noop: (input) => binding.noopScratch(put(input, 0)),
    validate: (input, message, allErrors) => binding.validateScratch(put(input, 0), message, allErrors).map(toPlainIssue),
    validateFrame: (input, allErrors, responseTo) => toPlainFrame(binding.validateFrameScratch(put(input, 0), allErrors, responseTo)),
    isValidBatch(inputs, message) {
      const count = inputs.length;
      const tableBytes = count * 4;
      let end = tableBytes;
      const ends = new Uint32Array(count);
      for (let i = 0; i < count; i++) {
        end = put(inputs[i]!, end);
        ends[i] = end - tableBytes;
      }
      const table = new DataView(region(end).buffer, address, tableBytes);
      for (let i = 0; i < count; i++) table.setUint32(i * 4, ends[i]!, true);
      return binding.isValidBatchScratch(count, end, message);
    },
  };
}

function toPlainIssue(issue: WasmIssue): ValidationIssue {
  const plain = {
    instancePath: issue.instancePath,
    keyword: issue.keyword,
    message: issue.message,
    ocppErrorCode: issue.ocppErrorCode as OcppErrorCode,
  };
  issue.free();
  return plain;
}

function toPlainFrame(f: WasmFrame): FrameValidationResult {
  // The core guarantees the shape per kind (SEMANTICS.md "Frames"); the binding's fields are flat.
  const plain = {
    kind: f.kind as FrameKind,
    uniqueId: f.uniqueId ?? null,
    action: f.action ?? null,
    payloadRange: f.payloadStart === undefined || f.payloadEnd === undefined ? null : [f.payloadStart, f.payloadEnd],
    valid: f.valid,
    errors: f.errors.map(toPlainIssue),
    callError:
      f.errorCode === undefined
        ? null
        : { errorCode: f.errorCode as CallErrorCode, errorDescription: f.errorDescription ?? "", frame: f.callErrorFrame ?? "" },
  } as FrameValidationResult;
  f.free();
  return plain;
}
