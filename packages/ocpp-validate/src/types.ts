import type { ACTIONS, MessageName, MessageTypes } from "./messages.generated.js";

export type { MessageName, MessageTypes };

export type BackendName = "native" | "wasm" | "js";

/** The 28 OCPP 1.6 actions (request message names): what a CALL names and a CALLRESULT answers. */
export type ActionName = (typeof ACTIONS)[number];

/** The message a call validates against; without it, the validator's default (`StopTransaction` unless set). */
export interface MessageOption<M extends MessageName> {
  message?: M;
}

export type OcppErrorCode =
  | "FormationViolation"
  | "PropertyConstraintViolation"
  | "OccurenceConstraintViolation"
  | "TypeConstraintViolation";

export interface ValidationIssue {
  /** JSON Pointer as ajv writes it: "", "/transactionData/0/sampledValue/1/unit". */
  instancePath: string;
  /** ajv keyword ("type", "required", "enum", "maxLength", "format", "multipleOf", "additionalProperties"), or "parse" for bytes that are not UTF-8 JSON. */
  keyword: string;
  message: string;
  /** OCPP-J 1.6 CallError code (the spec spells "Occurence" with one r). */
  ocppErrorCode: OcppErrorCode;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationIssue[];
}

export type JsonInput = string | Uint8Array;

export interface Validator<D extends MessageName = "StopTransaction"> extends FrameValidator {
  readonly backend: BackendName;
  /** The message used when a call names none. */
  readonly message: D;
  /** JSON text (string) or bytes (Buffer, Uint8Array). */
  isValid<M extends MessageName = D>(input: JsonInput, options?: MessageOption<M>): boolean;
  /** An already-parsed payload: a valid one is narrowed to the message's type. */
  isValid<M extends MessageName = D>(input: unknown, options?: MessageOption<M>): input is MessageTypes[M];
  validate<M extends MessageName = D>(input: unknown, options?: MessageOption<M> & { allErrors?: boolean }): ValidationResult;
  /** One byte per input, in input order: 1 valid, 0 invalid. */
  isValidBatch<M extends MessageName = D>(inputs: ReadonlyArray<JsonInput>, options?: MessageOption<M>): Uint8Array;
}

export interface CreateValidatorOptions<M extends MessageName = "StopTransaction"> {
  backend?: BackendName | "auto";
  /** The default message of every call (a call's own `message` beats it). */
  message?: M;
}

/** What an OCPP-J message is: see `Validator.validateFrame`. */
export type FrameKind = "call" | "callresult" | "callerror" | "invalid";

/** Every OCPP-J 1.6 CallError code (§4.2.3). */
export type CallErrorCode =
  | OcppErrorCode
  | "NotImplemented"
  | "NotSupported"
  | "InternalError"
  | "ProtocolError"
  | "SecurityError"
  | "GenericError";

/** The answer to send back for a failed frame. */
export interface CallErrorAnswer {
  errorCode: CallErrorCode;
  /** Fixed text that never quotes the input; payload failures list up to 8 issues. */
  errorDescription: string;
  /** `[4,"<uniqueId>","<errorCode>","<errorDescription>",{details}]`, ready to send. */
  frame: string;
}

export interface FrameValidationResult {
  /** "call" for a CALL (`[2,…]`, 4 elements, uniqueId ≤ 36); "callresult"/"callerror" for responses (never answered); "invalid" otherwise. */
  kind: FrameKind;
  /** Unescaped (lone surrogates become U+FFFD); null when the frame has no readable uniqueId. */
  uniqueId: string | null;
  /** Unescaped; only for "call". */
  action: string | null;
  /**
   * Where the payload is in the input (a CALL's 4th element, a CALLRESULT's 3rd, a CALLERROR's
   * errorDetails), for forwarding it without re-serialising: byte offsets for Uint8Array input
   * (`input.subarray(start, end)`), UTF-16 indices for string input (`input.slice(start, end)`).
   * Null for "invalid".
   */
  payloadRange: [number, number] | null;
  /**
   * A CALL of a Charge Point action with a valid payload (answer with a CALLRESULT); a CALLRESULT
   * whose payload passed its response schema (or was not checked: no `responseTo`); a well-formed CALLERROR.
   */
  valid: boolean;
  /** Payload issues sorted by (instancePath, keyword), or the one "parse" issue of a frame that is not JSON. */
  errors: ValidationIssue[];
  /** What to answer when the frame fails; null for valid calls and for responses. */
  callError: CallErrorAnswer | null;
}

export interface FrameValidator {
  /**
   * Validates a whole OCPP-J 1.6 message as a Central System receives it: a CALL of any action
   * (the ten Charge Point actions against their request schema; the others NotSupported; unknown
   * ones NotImplemented), a CALLRESULT against `<responseTo>Response` when the pending call's action
   * is given, a CALLERROR for its shape. allErrors=false returns only the first of the sorted issues.
   */
  validateFrame(input: JsonInput, options?: { allErrors?: boolean; responseTo?: ActionName }): FrameValidationResult;
}
