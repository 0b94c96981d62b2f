import { PLAIN_OFFSETS, plainFrameResult, type Backend, type BackendResult, type MessageIndex, type ToleranceMask } from "./backend.js";
import type { Protocol } from "./protocols.generated.js";
import type { CallErrorCode, FrameKind, FrameValidationResult, JsonInput, OcppErrorCode, Tolerance, ToleratedIssue, ValidationIssue, ValidationWarning, WarningKind } from "./types.js";

/** What both wasm-pack builds (`@ocpp-validate/wasm/node` and `/web`) export once instantiated. */
export interface WasmBinding {
  version(): string;
  wasmMemory(): WebAssembly.Memory;
  messageNames(): string[];
  /** In bit order: bit `1 << i` of a `tolerate` mask is `toleranceNames()[i]`. */
  toleranceNames(): string[];
  scratch(len: number): number;
  /** The strict verdict: 1 valid, 0 invalid, 2 no message with that index (a number: a Result would allocate per call). */
  isValidScratch(len: number, message: MessageIndex): number;
  /** The tolerant verdict, answered like isValidScratch. */
  isValidTolerantScratch(len: number, message: MessageIndex, tolerate: ToleranceMask): number;
  isValidBatchScratch(count: number, len: number, message: MessageIndex, tolerate: ToleranceMask): Uint8Array;
  /** A payload's report as a number (PLAIN: valid, nothing to report; FULL: takeReport() has the report; 2: no such message). */
  validatePlainScratch(len: number, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): number;
  takeReport(): WasmResult | undefined;
  /**
   * A frame's result as a number (PLAIN: the kind index and offsets are at plainOffsets(); FULL:
   * takeFrame(); 2/3: no such message/protocol). responseTo -1: no pending call known; `protocol`:
   * index in PROTOCOLS.
   */
  validateFramePlainScratch(len: number, allErrors: boolean, responseTo: MessageIndex, tolerate: ToleranceMask, protocol: number): number;
  takeFrame(): WasmFrame | undefined;
  /** Address of the plain frame's numbers: kind index (into frameKindNames()), uniqueId start/end, action index (into frameActionNames(protocol)) plus one (0: none), payload start/end. */
  plainOffsets(): number;
  frameKindNames(): string[];
  frameActionNames(protocol: number): string[];
  noopScratch(len: number): boolean;
}

/** wasm-bindgen objects own memory on the wasm side until freed; plain JS objects have no free(). */
interface Freeable {
  free?(): void;
}

interface WasmIssue extends Freeable {
  instancePath: string;
  keyword: string;
  message: string;
  ocppErrorCode: string;
}

interface WasmTolerated extends WasmIssue {
  tolerance: string;
}

interface WasmWarning extends Freeable {
  instancePath: string;
  warning: string;
  message: string;
}

interface WasmResult extends Freeable {
  valid: boolean;
  errors: WasmIssue[];
  tolerated: WasmTolerated[];
  warnings: WasmWarning[];
}

interface WasmFrame {
  kind: string;
  uniqueId?: string;
  action?: string;
  payloadStart?: number;
  payloadEnd?: number;
  valid: boolean;
  errors: WasmIssue[];
  tolerated: WasmTolerated[];
  warnings: WasmWarning[];
  errorCode?: string;
  errorDescription?: string;
  callErrorFrame?: string;
  free?(): void;
}

/** The `*PlainScratch` answers (crates/wasm). */
const PLAIN = 0;
const FULL = 1;
const UNKNOWN_MESSAGE = 2;

/** Worst-case UTF-8 bytes per UTF-16 code unit (a BMP character above U+07FF). */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Writes inputs straight into one reusable region of wasm memory (no per-call allocation) and
 * validates them there. Wasm memory can grow during any call, which detaches old views: every
 * write goes through `region()`, which re-creates the view when that happened. It tells by the
 * view's length, which a detached buffer makes 0: reading `memory.buffer` to compare cost about
 * 25 ns a call in V8, more than copying a small payload in.
 */
export function wasmBackend(binding: WasmBinding): Backend {
  const memory = binding.wasmMemory();
  const encoder = new TextEncoder();
  let address = 0;
  let capacity = 0;
  let view = new Uint8Array(0);

  const kinds = binding.frameKindNames();
  const actionNames: string[][] = [];
  const offsetsAddress = binding.plainOffsets();
  let offsets = new Uint32Array(memory.buffer, offsetsAddress, PLAIN_OFFSETS);

  /** Why a `*PlainScratch` call answered neither PLAIN nor FULL. */
  function badIndex(code: number, message: MessageIndex, protocol?: number): Error {
    return code === UNKNOWN_MESSAGE
      ? new Error(`no message with index ${message} (there are ${binding.messageNames().length})`)
      : new Error(`no protocol with index ${protocol}`);
  }

  function region(minimum: number): Uint8Array {
    if (minimum > capacity) {
      capacity = Math.max(minimum, capacity * 2, 4096);
      address = binding.scratch(capacity);
      view = new Uint8Array(memory.buffer, address, capacity);
    } else if (view.length === 0) {
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
    toleranceNames: () => binding.toleranceNames(),
    isValid(input, message, tolerate) {
      const len = put(input, 0);
      const verdict = tolerate === 0 ? binding.isValidScratch(len, message) : binding.isValidTolerantScratch(len, message, tolerate);
      if (verdict > 1) throw new Error(`no message with index ${message} (there are ${binding.messageNames().length})`);
      return verdict === 1;
    },
    noop: (input) => binding.noopScratch(put(input, 0)),
    validate(input, message, allErrors, tolerate) {
      const answer = binding.validatePlainScratch(put(input, 0), message, allErrors, tolerate);
      if (answer === PLAIN) return { valid: true, errors: [], tolerated: [], warnings: [] };
      if (answer !== FULL) throw badIndex(answer, message);
      return toPlainResult(binding.takeReport()!);
    },
    validateFrame(input, allErrors, responseTo, tolerate, protocol) {
      const len = put(input, 0);
      const answer = binding.validateFramePlainScratch(len, allErrors, responseTo, tolerate, protocol);
      if (answer === FULL) return toPlainFrame(binding.takeFrame()!);
      if (answer !== PLAIN) throw badIndex(answer, responseTo, protocol);
      // A view of memory the call grew is detached (length 0): made again, as region() does.
      if (offsets.length === 0) offsets = new Uint32Array(memory.buffer, offsetsAddress, PLAIN_OFFSETS);
      // The offsets index the input as written: up to the action's end its bytes are ASCII (one
      // character per byte), so a string input is sliced as it is.
      const [start, end] = [offsets[1]!, offsets[2]!];
      const uniqueId = typeof input === "string" ? input.slice(start, end) : String.fromCharCode.apply(null, input.subarray(start, end) as unknown as number[]);
      return plainFrameResult(offsets, uniqueId, kinds, (actionNames[protocol] ??= binding.frameActionNames(protocol)));
    },
    isValidBatch(inputs, message, tolerate) {
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
      return binding.isValidBatchScratch(count, end, message, tolerate);
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
  issue.free?.();
  return plain;
}

function toPlainTolerated(issue: WasmTolerated): ToleratedIssue {
  const plain = {
    instancePath: issue.instancePath,
    keyword: issue.keyword,
    message: issue.message,
    ocppErrorCode: issue.ocppErrorCode as OcppErrorCode,
    tolerance: issue.tolerance as Tolerance,
  };
  issue.free?.();
  return plain;
}

function toPlainWarning(w: WasmWarning): ValidationWarning {
  const plain = { instancePath: w.instancePath, warning: w.warning as WarningKind, message: w.message };
  w.free?.();
  return plain;
}

function toPlainResult(r: WasmResult): BackendResult {
  // Each getter of a wasm-bindgen struct copies out of wasm memory: read every field once.
  const plain = {
    valid: r.valid,
    errors: r.errors.map(toPlainIssue),
    tolerated: r.tolerated.map(toPlainTolerated),
    warnings: r.warnings.map(toPlainWarning),
  };
  r.free?.();
  return plain;
}

function toPlainFrame(f: WasmFrame): FrameValidationResult<Protocol> {
  // The core guarantees the shape per kind (SEMANTICS.md "Frames"); the binding's fields are flat.
  const plain = {
    kind: f.kind as FrameKind,
    uniqueId: f.uniqueId ?? null,
    action: f.action ?? null,
    payloadRange: f.payloadStart === undefined || f.payloadEnd === undefined ? null : [f.payloadStart, f.payloadEnd],
    valid: f.valid,
    errors: f.errors.map(toPlainIssue),
    tolerated: f.tolerated.map(toPlainTolerated),
    warnings: f.warnings.map(toPlainWarning),
    callError:
      f.errorCode === undefined
        ? null
        : { errorCode: f.errorCode as CallErrorCode, errorDescription: f.errorDescription ?? "", frame: f.callErrorFrame ?? "" },
  } as FrameValidationResult<Protocol>;
  f.free?.();
  return plain;
}
