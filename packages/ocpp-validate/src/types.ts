import type { ACTIONS, MessageName, MessageTypes } from "./messages.generated.js";
import type { Protocol, ProtocolActions, ProtocolMessageNames, ProtocolMessageTypes } from "./protocols.generated.js";

export type { MessageName, MessageTypes, Protocol };

export type BackendName = "native" | "wasm" | "js";

/** The 28 OCPP 1.6 actions (request message names): what a CALL names and a CALLRESULT answers. */
export type ActionName = (typeof ACTIONS)[number];

/** The message names of a protocol (`MessageNameOf<"ocpp2.0.1">`: `"TransactionEventRequest" | ...`); of every protocol for the union. */
export type MessageNameOf<P extends Protocol> = ProtocolMessageNames[P];

/** The actions of a protocol (what a CALL names). */
export type ActionNameOf<P extends Protocol> = ProtocolActions[P];

/** The payload type of message `M` of protocol `P` (for a union of protocols: the union of their types of that name). */
export type PayloadOf<P extends Protocol, M extends string> = P extends Protocol ? (M extends keyof ProtocolMessageTypes[P] ? ProtocolMessageTypes[P][M] : never) : never;

/** The actions of a protocol that have a response: what `responseTo` takes (2.1's SEND-only NotifyPeriodicEventStream has none). */
export type ResponseActionOf<P extends Protocol> = P extends Protocol
  ? { [A in ProtocolActions[P]]: `${A}Response` extends keyof ProtocolMessageTypes[P] ? A : never }[ProtocolActions[P]]
  : never;

/** The message a validator of protocol `P` validates when neither it nor the call names one. */
export interface DefaultMessages {
  "ocpp1.6": "StopTransaction";
  "ocpp2.0.1": "TransactionEventRequest";
  "ocpp2.1": "TransactionEventRequest";
}
export type DefaultMessageOf<P extends Protocol> = DefaultMessages[P];

/** The message a call validates against; without it, the validator's default (`StopTransaction` / `TransactionEventRequest` unless set). */
export interface MessageOption<M extends string> {
  message?: M;
}

/**
 * The OCPP-J code of a payload issue, in the protocol of the message validated (crates/core/SEMANTICS.md,
 * "Error codes"): 1.6 `FormationViolation` and `OccurenceConstraintViolation` (its spelling); 2.x
 * `FormatViolation` (not JSON), `ProtocolError` (an unknown member), `OccurrenceConstraintViolation`.
 */
export type OcppErrorCode =
  | "FormationViolation"
  | "PropertyConstraintViolation"
  | "OccurenceConstraintViolation"
  | "TypeConstraintViolation"
  | "FormatViolation"
  | "ProtocolError"
  | "OccurrenceConstraintViolation";

export interface ValidationIssue {
  /** JSON Pointer as ajv writes it: "", "/transactionData/0/sampledValue/1/unit". */
  instancePath: string;
  /** ajv keyword ("type", "required", "enum", "maxLength", "format", "multipleOf", "additionalProperties"; 2.x also "minimum", "maximum", "minItems", "maxItems"), or "parse" for bytes that are not UTF-8 JSON. */
  keyword: string;
  message: string;
  /** The CallError code of the protocol validated (OCPP-J 1.6 spells "Occurence" with one r; 2.0.1 fixed it). */
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

/**
 * A validator of one protocol's messages (`createValidator({ protocol })`), `D` its default message.
 * `Validator<D>` is the OCPP 1.6 one, what `createValidator()` without a protocol returns.
 */
export interface ProtocolValidator<P extends Protocol = Protocol, D extends MessageNameOf<P> = DefaultMessageOf<P>> extends FrameValidator<P> {
  readonly backend: BackendName;
  /** The protocol every call validates in: message names, error codes and frames are that protocol's. */
  readonly protocol: P;
  /** The message used when a call names none. */
  readonly message: D;
  /** The tolerances used when a call names none (`[]`: strict), in TOLERANCES order. */
  readonly tolerate: readonly Tolerance[];
  /** JSON text (string) or bytes (Buffer, Uint8Array). With tolerances, the tolerant verdict. */
  isValid<M extends MessageNameOf<P> = D>(input: JsonInput, options?: MessageOption<M> & ToleranceOption): boolean;
  /**
   * An already-parsed payload (an object or array as `JSON.parse` returns it): a valid one is
   * narrowed to the message's type (strictly valid only: a tolerated deviation is not the type).
   * Anything else (a number, a Map, a Date) is a TypeError.
   */
  isValid<M extends MessageNameOf<P> = D>(input: object, options?: MessageOption<M> & { tolerate?: readonly [] }): input is PayloadOf<P, M>;
  /** Either kind of input, when the caller's type does not say which. */
  isValid<M extends MessageNameOf<P> = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption): boolean;
  validate<M extends MessageNameOf<P> = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption & { allErrors?: boolean }): ValidationResult;
  /** One byte per input, in input order: 1 valid, 0 invalid. */
  isValidBatch<M extends MessageNameOf<P> = D>(inputs: ReadonlyArray<JsonInput>, options?: MessageOption<M> & ToleranceOption): Uint8Array;
  /**
   * `isValidBatch`'s verdicts, computed off the calling thread: native on libuv's threads, all cores
   * for a large batch; wasm and js on Node in a pool of worker threads (one per core, started on
   * first use); in a browser, `isValidBatch` in a microtask. A small batch (under 64 KiB on wasm and
   * js) is validated in a microtask. The inputs are copied before the call returns: changing a
   * Buffer afterwards does not change its verdict. A bad argument or a failed worker rejects.
   */
  isValidBatchAsync<M extends MessageNameOf<P> = D>(inputs: ReadonlyArray<JsonInput>, options?: MessageOption<M> & ToleranceOption): Promise<Uint8Array>;
  /**
   * Terminates the worker pool of this validator's backend (shared by every validator of that
   * backend; the next async batch starts a new one). Not needed before exit: an idle pool does
   * not keep a process alive. Batches still in flight are rejected. Nothing to do on native.
   */
  close(): Promise<void>;
}

/** The OCPP 1.6 validator (`createValidator()`, `createValidator({ message })`). */
export type Validator<D extends MessageName = "StopTransaction"> = ProtocolValidator<"ocpp1.6", D>;

/**
 * A validator created with default tolerances: its verdict on an already-parsed object does not
 * narrow the object's type (a payload with a tolerated `26008.333` for an integer is not the type).
 */
export interface TolerantProtocolValidator<P extends Protocol = Protocol, D extends MessageNameOf<P> = DefaultMessageOf<P>> extends Omit<ProtocolValidator<P, D>, "isValid"> {
  isValid<M extends MessageNameOf<P> = D>(input: JsonInput | object, options?: MessageOption<M> & ToleranceOption): boolean;
}

/** The OCPP 1.6 tolerant validator. */
export type TolerantValidator<D extends MessageName = "StopTransaction"> = TolerantProtocolValidator<"ocpp1.6", D>;

/** What `createValidator` returns for the `tolerate` option's type: only a strict default narrows. */
export type ValidatorFor<M extends MessageNameOf<P>, T extends readonly Tolerance[], P extends Protocol = "ocpp1.6"> = T extends readonly []
  ? ProtocolValidator<P, M>
  : TolerantProtocolValidator<P, M>;

/** `M`: a message of protocol `P` (createValidator checks it; a type parameter default cannot depend on a later one). */
export interface CreateValidatorOptions<M extends string = "StopTransaction", T extends readonly Tolerance[] = readonly Tolerance[], P extends Protocol = "ocpp1.6"> {
  backend?: BackendName | "auto";
  /**
   * `"ocpp1.6"` (the default), `"ocpp2.0.1"` or `"ocpp2.1"`: the schemas, error codes and frame
   * rules every call uses. An unknown one is a TypeError that lists PROTOCOLS.
   */
  protocol?: P;
  /** The default message of every call (a call's own `message` beats it), a message of the protocol. */
  message?: M;
  /** The default tolerances of every call (a call's own `tolerate` replaces them); none: strict. */
  tolerate?: T;
}

/** What an OCPP-J message is: see `validateFrame`. `callresulterror` and `send` only come in OCPP 2.1. */
export type FrameKind = "call" | "callresult" | "callerror" | "invalid" | "callresulterror" | "send";

/**
 * Every CallError code of OCPP-J 1.6 (§4.2.3) and 2.0.1/2.1 (§4.3): an answer carries its
 * protocol's (1.6 `FormationViolation`, `OccurenceConstraintViolation`, `ProtocolError` for a bad
 * envelope; 2.x `FormatViolation`, `OccurrenceConstraintViolation`, `RpcFrameworkError`,
 * `MessageTypeNotSupported`).
 */
export type CallErrorCode =
  | OcppErrorCode
  | "NotImplemented"
  | "NotSupported"
  | "InternalError"
  | "ProtocolError"
  | "SecurityError"
  | "GenericError"
  | "RpcFrameworkError"
  | "MessageTypeNotSupported";
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

/** `[5,"<uniqueId>","<errorCode>","<errorDescription>",{errorDetails}]` (OCPP 2.1), well-formed: never answered. */
export interface CallResultErrorFrame extends FrameFields {
  kind: "callresulterror";
  action: null;
  valid: true;
  errors: [];
  tolerated: [];
  warnings: [];
  callError: null;
}

/**
 * `[6,"<uniqueId>","<action>",{payload}]` (OCPP 2.1): validated like a CALL of the action, but
 * never answered, so `callError` is always null, also when it is not valid. An action that is
 * unknown or that a station does not send is `valid: false` with no issues: the caller decides.
 */
export interface SendFrame extends FrameFields {
  kind: "send";
  action: string;
  valid: boolean;
  callError: null;
}

/** Narrowed by `kind`. The 2.1 kinds (`callresulterror`, `send`) only in a result of a protocol that has them. */
export type FrameValidationResult<P extends Protocol = "ocpp1.6"> =
  | CallFrame
  | CallResultFrame
  | CallErrorFrame
  | InvalidFrame
  | ("ocpp2.1" extends P ? CallResultErrorFrame | SendFrame : never);

export interface FrameValidator<P extends Protocol = "ocpp1.6"> {
  /**
   * Validates a whole OCPP-J message of the validator's protocol as a Central System / CSMS
   * receives it: a CALL of any action (the actions a station initiates against their request
   * schema; the others NotSupported; unknown ones NotImplemented), a CALLRESULT against
   * `<responseTo>Response` when the pending call's action is given, a CALLERROR for its shape;
   * in 2.1 also a CALLRESULTERROR (its shape) and a SEND (like a CALL, never answered).
   * allErrors=false returns only the first of the sorted issues. A CALL whose payload is valid
   * only thanks to the tolerances is valid (no callError), with `tolerated` saying what was accepted.
   */
  validateFrame(input: JsonInput, options?: { allErrors?: boolean; responseTo?: ResponseActionOf<P> } & ToleranceOption): FrameValidationResult<P>;
}
