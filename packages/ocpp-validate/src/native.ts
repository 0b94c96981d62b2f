import type { Backend } from "./backend.js";
import type { FrameValidationResult, JsonInput, ValidationIssue } from "./types.js";

/** What `@ocpp-validate/native` (the napi-rs addon) exports. */
export interface NativeBinding {
  version(): string;
  isValidBytes(input: Uint8Array): boolean;
  isValidString(input: string): boolean;
  validateBytes(input: Uint8Array, allErrors: boolean): ValidationIssue[];
  validateString(input: string, allErrors: boolean): ValidationIssue[];
  isValidBatch(inputs: ReadonlyArray<JsonInput>): Uint8Array;
  /** Same shape as FrameValidationResult, with looser string types; payloadRange in bytes. */
  validateFrameBytes(input: Uint8Array, allErrors: boolean): NativeFrame;
  validateFrameString(input: string, allErrors: boolean): NativeFrame;
  noopBytes(input: Uint8Array): boolean;
  noopString(input: string): boolean;
}

type NativeFrame = Omit<FrameValidationResult, "kind" | "payloadRange" | "callError"> & {
  kind: string;
  payloadRange: number[] | null;
  callError: { errorCode: string; errorDescription: string; frame: string } | null;
};

// Strings and bytes have separate entry points so the addon never has to inspect the JS type.
export function nativeBackend(binding: NativeBinding): Backend {
  return {
    name: "native",
    version: () => binding.version(),
    isValid: (input) => (typeof input === "string" ? binding.isValidString(input) : binding.isValidBytes(input)),
    validate: (input, allErrors) =>
      typeof input === "string" ? binding.validateString(input, allErrors) : binding.validateBytes(input, allErrors),
    isValidBatch: (inputs) => binding.isValidBatch(inputs),
    // The addon already returns the result's exact shape; only the string types are narrower here.
    validateFrame: (input, allErrors) =>
      (typeof input === "string" ? binding.validateFrameString(input, allErrors) : binding.validateFrameBytes(input, allErrors)) as FrameValidationResult,
    noop: (input) => (typeof input === "string" ? binding.noopString(input) : binding.noopBytes(input)),
  };
}
