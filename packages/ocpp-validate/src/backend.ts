import type { Protocol } from "./protocols.generated.js";
import type { BackendName, FrameValidationResult, JsonInput, ToleratedIssue, ValidationIssue, ValidationWarning } from "./types.js";

/**
 * A message is passed across every backend boundary as its global index in `ALL_MESSAGE_NAMES`
 * (protocols.generated.ts: 1.6's 56, then 2.0.1's 128, then 2.1's 181, each sorted by file name
 * exactly as the Rust core sorts them): an integer crosses N-API and wasm for free, a name would
 * be a string conversion per call.
 */
export type MessageIndex = number;

/**
 * A set of tolerances as it crosses every backend boundary: bit `1 << i` is `TOLERANCES[i]`
 * (tolerances.ts); 0 is strict.
 */
export type ToleranceMask = number;

/** What `Backend.validate` finds; `errors` empty = valid (tolerated deviations aside). */
export interface BackendResult {
  valid: boolean;
  errors: ValidationIssue[];
  tolerated: ToleratedIssue[];
  warnings: ValidationWarning[];
}

/**
 * What every backend implements for JSON text. The facade adds the object path (always the
 * generated JS validator: crossing into native or wasm would mean serialising the value first).
 */
export interface Backend {
  readonly name: BackendName;
  /** Called by the loader to prove the backend really works before it is chosen. */
  version(): string;
  /** The message names of every protocol in the backend's own table order; the loader checks it equals ALL_MESSAGE_NAMES. */
  messageNames(): readonly string[];
  /** The tolerance names in bit order; the loader checks it equals TOLERANCES. */
  toleranceNames(): readonly string[];
  /** The tolerant verdict (strict for 0). */
  isValid(input: JsonInput, message: MessageIndex, tolerate: ToleranceMask): boolean;
  /**
   * allErrors=false returns at most one issue: the first one the tolerances do not accept.
   * `tolerated` always lists every accepted deviation; `warnings` are those of the text.
   */
  validate(input: JsonInput, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): BackendResult;
  isValidBatch(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Uint8Array;
  /**
   * `isValidBatch` off the calling thread (native: libuv's threads; wasm and js on Node: a worker
   * pool). Absent where there is no other thread (the browser entry): the facade then runs
   * `isValidBatch` in a microtask. The inputs' bytes are read (copied) before it returns.
   */
  isValidBatchAsync?(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Promise<Uint8Array>;
  /** Ends what `isValidBatchAsync` started (a worker pool); absent when there is nothing to end. */
  close?(): Promise<void>;
  /**
   * A whole OCPP-J frame. `payloadRange` is in UTF-8 bytes here, for string input too (the facade
   * converts). `responseTo`: for a CALLRESULT, the index of the request message of the pending call
   * (its `<Action>Response` schema is applied), or -1 when unknown. `protocol`: the index in
   * PROTOCOLS whose frame rules, actions and codes apply.
   */
  validateFrame(input: JsonInput, allErrors: boolean, responseTo: MessageIndex, tolerate: ToleranceMask, protocol: number): FrameValidationResult<Protocol>;
  /**
   * Crosses into the backend exactly as `isValid` does (wasm: including the copy into its memory)
   * and returns without reading the input: the benchmark's measure of the boundary cost.
   * Absent on the js backend, which has no boundary.
   */
  noop?(input: JsonInput): boolean;
}

/** How many numbers a frame answered as offsets holds (the core's `Frame::plain_offsets`). */
export const PLAIN_OFFSETS = 6;

/**
 * The result of a frame the native or wasm binding answered as offsets instead of an object (valid,
 * nothing to report): `o` holds the kind's index in `kinds`, the uniqueId's start and end, the
 * action's index in `actions` plus one (0: none) and the payload's start and end. The key order is
 * the full result's. `uniqueId` is the caller's decoding of its offsets (Node and browsers decode
 * bytes differently).
 */
export function plainFrameResult(o: ArrayLike<number>, uniqueId: string, kinds: readonly string[], actions: readonly string[]): FrameValidationResult<Protocol> {
  return {
    kind: kinds[o[0]!],
    uniqueId,
    action: o[3] === 0 ? null : actions[o[3]! - 1]!,
    payloadRange: [o[4]!, o[5]!],
    valid: true,
    errors: [],
    tolerated: [],
    warnings: [],
    callError: null,
  } as FrameValidationResult<Protocol>;
}
