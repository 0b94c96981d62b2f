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

/**
 * A named, opt-in acceptance of one kind of deviation real chargers produce (crates/core/SEMANTICS.md,
 * "Tolerances"): `errata` (`Celsius` and `Hertz` as UnitOfMeasure), `offsetlessTimestamps` (a date-time
 * without an offset, read as UTC), `fractionalIntegers` (a finite number where an integer is required),
 * `overlongStrings` (every maxLength issue), `unknownProperties` (every additionalProperties issue).
 */
export type Tolerance = "errata" | "offsetlessTimestamps" | "fractionalIntegers" | "overlongStrings" | "unknownProperties";

/** An issue the strict rules find that the call's tolerances accepted: the issue itself and which tolerance accepted it. */
export interface ToleratedIssue extends ValidationIssue {
  tolerance: Tolerance;
}

/**
 * Something `JSON.parse` hides that the text shows: `unsafeInteger` (an integer beyond ±(2^53-1),
 * which JSON.parse rounds), `duplicateKey` (JSON.parse keeps only the last value), `loneSurrogate`
 * (a `\uD800`–`\uDFFF` escape that is not half of a pair).
 */
export type WarningKind = "unsafeInteger" | "duplicateKey" | "loneSurrogate";

/** Never changes a verdict. Only JSON text has them: an already-parsed value's `warnings` is always `[]`. */
export interface ValidationWarning {
  /** The path of the value (for a key: of its member), as ajv writes instancePath. */
  instancePath: string;
  warning: WarningKind;
  message: string;
}

/** The tolerances of one call. A call's list replaces the validator's default (`tolerate: []` = strict). */
export interface ToleranceOption {
  tolerate?: readonly Tolerance[];
}

/**
 * `valid` decides the shape: a failure always has at least one issue. `tolerated` lists every
 * deviation the tolerances accepted (also without allErrors), in issue order; `warnings` what the
 * text hides from JSON.parse, in document order.
 */
export type ValidationResult = ({ valid: true; errors: [] } | { valid: false; errors: [ValidationIssue, ...ValidationIssue[]] }) & {
  tolerated: ToleratedIssue[];
  warnings: ValidationWarning[];
};

export type JsonInput = string | Uint8Array;

export interface Validator<D extends MessageName = "StopTransaction"> extends FrameValidator {
  readonly backend: BackendName;
  /** The message used when a call names none. */
  readonly message: D;
  /** The tolerances used when a call names none (`[]`: strict), in TOLERANCES order. */
  readonly tolerate: readonly Tolerance[];
  /** JSON text (string) or bytes (Buffer, Uint8Array). With tolerances, the tolerant verdict. */
  isValid<M extends MessageName = D>(input: JsonInput, options?: MessageOption<M> & ToleranceOption): boolean;
  /**
   * An already-parsed payload (an object or array as `JSON.parse` returns it): a valid one is
   * narrowed to the message's type (strictly valid only: a tolerated deviation is not the type).
   * Anything else (a number, a Map, a Date) is a TypeError.
   */
  isValid<M extends MessageName = D>(input: object, options?: MessageOption<M> & { tolerate?: readonly [] }): input is MessageTypes[M];
  /** Either kind of input, when the caller's type does not say which. */
  isValid<M extends MessageName = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption): boolean;
  validate<M extends MessageName = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption & { allErrors?: boolean }): ValidationResult;
  /** One byte per input, in input order: 1 valid, 0 invalid. */
  isValidBatch<M extends MessageName = D>(inputs: ReadonlyArray<JsonInput>, options?: MessageOption<M> & ToleranceOption): Uint8Array;
  /**
   * `isValidBatch`'s verdicts, computed off the calling thread: native on libuv's threads, all cores
   * for a large batch; wasm and js on Node in a pool of worker threads (one per core, started on
   * first use); in a browser, `isValidBatch` in a microtask. A small batch (under 64 KiB on wasm and
   * js) is validated in a microtask. The inputs are copied before the call returns: changing a
   * Buffer afterwards does not change its verdict. A bad argument or a failed worker rejects.
   */
  isValidBatchAsync<M extends MessageName = D>(inputs: ReadonlyArray<JsonInput>, options?: MessageOption<M> & ToleranceOption): Promise<Uint8Array>;
  /**
   * Terminates the worker pool of this validator's backend (shared by every validator of that
   * backend; the next async batch starts a new one). Not needed before exit: an idle pool does
   * not keep a process alive. Batches still in flight are rejected. Nothing to do on native.
   */
  close(): Promise<void>;
}

/**
 * A validator created with default tolerances: its verdict on an already-parsed object does not
 * narrow the object's type (a payload with a tolerated `26008.333` for an integer is not the type).
 */
export interface TolerantValidator<D extends MessageName = "StopTransaction"> extends Omit<Validator<D>, "isValid"> {
  isValid<M extends MessageName = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption): boolean;
}

/** What `createValidator` returns for the `tolerate` option's type: only a strict default narrows. */
export type ValidatorFor<M extends MessageName, T extends readonly Tolerance[]> = T extends readonly [] ? Validator<M> : TolerantValidator<M>;

export interface CreateValidatorOptions<M extends MessageName = "StopTransaction", T extends readonly Tolerance[] = readonly Tolerance[]> {
  backend?: BackendName | "auto";
  /** The default message of every call (a call's own `message` beats it). */
  message?: M;
  /** The default tolerances of every call (a call's own `tolerate` replaces them); none: strict. */
  tolerate?: T;
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
  /** The payload's deviations the tolerances accepted, in issue order (all of them, also without allErrors). */
  tolerated: ToleratedIssue[];
  /** The payload's warnings; paths are relative to the payload. */
  warnings: ValidationWarning[];
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
  tolerated: [];
  warnings: [];
  callError: null;
}

/** Anything else: bytes that are not UTF-8 JSON, a malformed envelope. Answer with `callError.frame`. */
export interface InvalidFrame {
  kind: "invalid";
  /**
   * What the answer echoes: the id when it can be read (a number id as written; for text that is
   * not JSON, the string after `[<number>,`), null when nothing can be read (the answer says "-1").
   */
  uniqueId: string | null;
  action: null;
  payloadRange: null;
  valid: false;
  /** The one "parse" issue of a frame that is not JSON; empty for envelope problems. */
  errors: ValidationIssue[];
  tolerated: [];
  warnings: [];
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
   * A CALL whose payload is valid only thanks to the tolerances is valid (no callError), with
   * `tolerated` saying what was accepted.
   */
  validateFrame(input: JsonInput, options?: { allErrors?: boolean; responseTo?: ActionName } & ToleranceOption): FrameValidationResult;
}
