import type { Backend } from "./backend.js";
import type { JsonInput, ValidationIssue } from "./types.js";

/** What `@ocpp-validate/native` (the napi-rs addon) exports. */
export interface NativeBinding {
  version(): string;
  isValidBytes(input: Uint8Array): boolean;
  isValidString(input: string): boolean;
  validateBytes(input: Uint8Array, allErrors: boolean): ValidationIssue[];
  validateString(input: string, allErrors: boolean): ValidationIssue[];
  isValidBatch(inputs: ReadonlyArray<JsonInput>): Uint8Array;
  noopBytes(input: Uint8Array): boolean;
  noopString(input: string): boolean;
}

// Strings and bytes have separate entry points so the addon never has to inspect the JS type.
export function nativeBackend(binding: NativeBinding): Backend {
  return {
    name: "native",
    version: () => binding.version(),
    isValid: (input) => (typeof input === "string" ? binding.isValidString(input) : binding.isValidBytes(input)),
    validate: (input, allErrors) =>
      typeof input === "string" ? binding.validateString(input, allErrors) : binding.validateBytes(input, allErrors),
    isValidBatch: (inputs) => binding.isValidBatch(inputs),
    noop: (input) => (typeof input === "string" ? binding.noopString(input) : binding.noopBytes(input)),
  };
}
