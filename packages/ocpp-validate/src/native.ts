import type { Backend, MessageIndex } from "./backend.js";
import type { FrameValidationResult, JsonInput, ValidationIssue } from "./types.js";

/** What `@ocpp-validate/native` (the napi-rs addon) exports. `message`: an index into messageNames(). */
export interface NativeBinding {
  version(): string;
  messageNames(): string[];
  isValidBytes(input: Uint8Array, message: MessageIndex): boolean;
  isValidString(input: string, message: MessageIndex): boolean;
  validateBytes(input: Uint8Array, message: MessageIndex, allErrors: boolean): ValidationIssue[];
  validateString(input: string, message: MessageIndex, allErrors: boolean): ValidationIssue[];
  isValidBatch(inputs: ReadonlyArray<JsonInput>, message: MessageIndex): Uint8Array;
  /** Same shape as FrameValidationResult, with looser string types; payloadRange in bytes. -1: no pending call known. */
  validateFrameBytes(input: Uint8Array, allErrors: boolean, responseTo: MessageIndex): NativeFrame;
  validateFrameString(input: string, allErrors: boolean, responseTo: MessageIndex): NativeFrame;
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
    messageNames: () => binding.messageNames(),
    isValid: (input, message) => (typeof input === "string" ? binding.isValidString(input, message) : binding.isValidBytes(input, message)),
    validate: (input, message, allErrors) =>
      typeof input === "string" ? binding.validateString(input, message, allErrors) : binding.validateBytes(input, message, allErrors),
    isValidBatch: (inputs, message) => binding.isValidBatch(inputs, message),
    // The addon already returns the result's exact shape; only the string types are narrower here.
    validateFrame: (input, allErrors, responseTo) =>
      (typeof input === "string"
        ? binding.validateFrameString(input, allErrors, responseTo)
        : binding.validateFrameBytes(input, allErrors, responseTo)) as FrameValidationResult,
    noop: (input) => (typeof input === "string" ? binding.noopString(input) : binding.noopBytes(input)),
  };
}
