export type BackendName = "native" | "wasm" | "js";

export type OcppErrorCode =
  | "FormationViolation"
  | "PropertyConstraintViolation"
  | "OccurenceConstraintViolation"
  | "TypeConstraintViolation";

export interface ValidationIssue {
  /** JSON Pointer as ajv writes it: "", "/transactionData/0/sampledValue/1/unit". */
  instancePath: string;
  /** ajv keyword ("type", "required", "enum", "maxLength", "format", "additionalProperties"), or "parse" for bytes that are not UTF-8 JSON. */
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

export interface Validator extends FrameValidator {
  readonly backend: BackendName;
  /** string/bytes = JSON text; any other value = an already-parsed payload. */
  isValid(input: JsonInput | object): boolean;
  validate(input: JsonInput | object, options?: { allErrors?: boolean }): ValidationResult;
  /** One byte per input, in input order: 1 valid, 0 invalid. */
  isValidBatch(inputs: ReadonlyArray<JsonInput>): Uint8Array;
}

export interface CreateValidatorOptions {
  backend?: BackendName | "auto";
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
   * Where the payload (the 4th element) is in the input, for forwarding it without re-serialising:
   * byte offsets for Uint8Array input (`input.subarray(start, end)`), UTF-16 indices for string input
   * (`input.slice(start, end)`). Only for "call".
   */
  payloadRange: [number, number] | null;
  /** A StopTransaction CALL with a valid payload: answer with a CALLRESULT. */
  valid: boolean;
  /** Payload issues sorted by (instancePath, keyword), or the one "parse" issue of a frame that is not JSON. */
  errors: ValidationIssue[];
  /** What to answer when the frame fails; null for valid calls and for responses. */
  callError: CallErrorAnswer | null;
}

export interface FrameValidator {
  /**
   * Validates a whole OCPP-J 1.6 message: envelope `[2,"<uniqueId>","<action>",{payload}]` and, for
   * StopTransaction, the payload. allErrors=false returns only the first of the sorted issues.
   */
  validateFrame(input: JsonInput, options?: { allErrors?: boolean }): FrameValidationResult;
}
