import type { BackendName, FrameValidationResult, JsonInput, ValidationIssue } from "./types.js";

/**
 * What every backend implements for JSON text. The facade adds the object path (always the
 * generated JS validator: crossing into native or wasm would mean serialising the value first).
 */
export interface Backend {
  readonly name: BackendName;
  /** Called by the loader to prove the backend really works before it is chosen. */
  version(): string;
  isValid(input: JsonInput): boolean;
  /** Empty array = valid. allErrors=false returns at most one issue. */
  validate(input: JsonInput, allErrors: boolean): ValidationIssue[];
  isValidBatch(inputs: ReadonlyArray<JsonInput>): Uint8Array;
  /** A whole OCPP-J frame. `payloadRange` is in UTF-8 bytes here, for string input too (the facade converts). */
  validateFrame(input: JsonInput, allErrors: boolean): FrameValidationResult;
  /**
   * Crosses into the backend exactly as `isValid` does (wasm: including the copy into its memory)
   * and returns without reading the input: the benchmark's measure of the boundary cost.
   * Absent on the js backend, which has no boundary.
   */
  noop?(input: JsonInput): boolean;
}
