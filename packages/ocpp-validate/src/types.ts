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

/** `valid` decides the shape: a failure always has at least one issue. */
export type ValidationResult = { valid: true; errors: [] } | { valid: false; errors: [ValidationIssue, ...ValidationIssue[]] };

export type JsonInput = string | Uint8Array;

export interface Validator<D extends MessageName = "StopTransaction"> extends FrameValidator {
  readonly backend: BackendName;
  /** The message used when a call names none. */
  readonly message: D;
  /** JSON text (string) or bytes (Buffer, Uint8Array). */
  isValid<M extends MessageName = D>(input: JsonInput, options?: MessageOption<M>): boolean;
  /**
   * An already-parsed payload (an object or array as `JSON.parse` returns it): a valid one is
   * narrowed to the message's type. Anything else (a number, a Map, a Date) is a TypeError.
   */
  isValid<M extends MessageName = D>(input: object, options?: MessageOption<M>): input is MessageTypes[M];
  /** Either kind of input, when the caller's type does not say which. */
  isValid<M extends MessageName = D>(input: JsonInput | object, options?: MessageOption<M>): boolean;
  validate<M extends MessageName = D>(input: JsonInput | object, options?: MessageOption<M> & { allErrors?: boolean }): ValidationResult;
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

interface FrameFields {
  /** Unescaped (lone surrogates become U+FFFD). */
  uniqueId: string;
  /**
   * Where the payload is in the input (a CALL's 4th element, a CALLRESULT's 3rd, a CALLERROR's
   * errorDetails), for forwarding it without re-serialising: byte offsets for Uint8Array input
   * (`input.subarray(start, end)`), UTF-16 indices for string input (`input.slice(start, end)`).
   */
  payloadRange: [number, number];
  /** Payload issues sorted by (instancePath, keyword). */
  errors: ValidationIssue[];
}

/** `[2,"<uniqueId>","<action>",{payload}]`: answer with a CALLRESULT when valid, else with `callError.frame`. */
export interface CallFrame extends FrameFields {
  kind: "call";
  /** Unescaped, as the frame names it. */
  action: string;
  /** A Charge Point action with a valid payload. */
  valid: boolean;
  /** What to answer when the CALL fails (payload issues, NotSupported, NotImplemented); null when valid. */
  callError: CallErrorAnswer | null;
}

/** `[3,"<uniqueId>",{payload}]`: never answered. */
export interface CallResultFrame extends FrameFields {
  kind: "callresult";
  action: null;
  /** The payload passed `<responseTo>Response` (or was not checked: no `responseTo`). */
  valid: boolean;
  callError: null;
}

/** `[4,"<uniqueId>","<errorCode>","<errorDescription>",{errorDetails}]`, well-formed: never answered. */
export interface CallErrorFrame extends FrameFields {
  kind: "callerror";
  action: null;
  valid: true;
  errors: [];
  callError: null;
}

/** Anything else: bytes that are not UTF-8 JSON, a malformed envelope. Answer with `callError.frame`. */
export interface InvalidFrame {
  kind: "invalid";
  /** Null when the frame has no readable uniqueId (the answer then says "-1"). */
  uniqueId: string | null;
  action: null;
  payloadRange: null;
  valid: false;
  /** The one "parse" issue of a frame that is not JSON; empty for envelope problems. */
  errors: ValidationIssue[];
  callError: CallErrorAnswer;
}

/** Narrowed by `kind`. */
export type FrameValidationResult = CallFrame | CallResultFrame | CallErrorFrame | InvalidFrame;

export interface FrameValidator {
  /**
   * Validates a whole OCPP-J 1.6 message as a Central System receives it: a CALL of any action
   * (the ten Charge Point actions against their request schema; the others NotSupported; unknown
   * ones NotImplemented), a CALLRESULT against `<responseTo>Response` when the pending call's action
   * is given, a CALLERROR for its shape. allErrors=false returns only the first of the sorted issues.
   */
  validateFrame(input: JsonInput, options?: { allErrors?: boolean; responseTo?: ActionName }): FrameValidationResult;
}
