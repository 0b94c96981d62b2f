import type { Backend, MessageIndex, ToleranceMask } from "./backend.js";
import { isValidValue, validateValue } from "./js/index.js";
import { byteRangeToStringRange } from "./frame.js";
import { PROTOCOL_INFO, PROTOCOLS, type Protocol } from "./protocols.generated.js";
import { toleranceList, toleranceMask } from "./tolerances.js";
import type { FrameValidationResult, JsonInput, MessageNameOf, ProtocolValidator, Tolerance, ValidationResult } from "./types.js";

/** A protocol's names resolved to global message indexes (what crosses every backend boundary). */
interface ProtocolTables {
  protocol: Protocol;
  /** Protocol index: what a frame call passes. */
  index: number;
  /** "OCPP 1.6", "OCPP 2.0.1": how errors name it. */
  title: string;
  messages: ReadonlyMap<string, MessageIndex>;
  /** action → global index of the request message a CALLRESULT to it answers (actions with a response only). */
  responseTo: ReadonlyMap<string, MessageIndex>;
}

const tables = new Map<Protocol, ProtocolTables>();

/** The protocol's tables; an unknown protocol is the caller's mistake, reported with the known ones. */
export function protocolTables(protocol: unknown): ProtocolTables {
  const known = typeof protocol === "string" ? tables.get(protocol as Protocol) : undefined;
  if (known) return known;
  if (typeof protocol !== "string" || !(PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new TypeError(`ocpp-validate: unknown protocol ${JSON.stringify(protocol) ?? String(protocol)}; the protocols are: ${PROTOCOLS.join(", ")}`);
  }
  const p = protocol as Protocol;
  const info = PROTOCOL_INFO[p];
  const names = info.messageNames as readonly string[];
  const messages = new Map<string, MessageIndex>(names.map((name, i) => [name, info.first + i]));
  const responseTo = new Map<string, MessageIndex>();
  (info.actions as readonly string[]).forEach((action, i) => {
    if (info.responseNames[i] !== null) responseTo.set(action, messages.get(info.requestNames[i] as string)!);
  });
  const t: ProtocolTables = { protocol: p, index: info.index, title: `OCPP ${info.version}`, messages, responseTo };
  tables.set(p, t);
  return t;
}

/** The protocols other than `t`'s that have a message (or action) of that name, for a hint. */
function elsewhere(name: string, t: ProtocolTables, has: (other: ProtocolTables) => boolean): string {
  const others = PROTOCOLS.filter((p) => p !== t.protocol && has(protocolTables(p)));
  return others.length ? ` (${JSON.stringify(name)} is an ${others.join(" and ")} name: createValidator({ protocol: ${JSON.stringify(others[0])} }))` : "";
}

/** The global index of a message of the protocol; an unknown name is the caller's mistake, reported with the known ones. */
export function messageIndex(name: unknown, protocol: Protocol = "ocpp1.6", what = "message"): MessageIndex {
  const t = protocolTables(protocol);
  const index = typeof name === "string" ? t.messages.get(name) : undefined;
  if (index === undefined) {
    const hint = typeof name === "string" ? elsewhere(name, t, (o) => o.messages.has(name)) : "";
    throw new TypeError(`ocpp-validate: unknown ${what} ${JSON.stringify(name) ?? String(name)} in ${t.protocol}${hint}; ${t.title} messages are: ${[...t.messages.keys()].join(", ")}`);
  }
  return index;
}

/** The global index of the request message of a pending call of `action`, whose `<action>Response` a CALLRESULT must be. */
export function responseToIndex(action: unknown, protocol: Protocol = "ocpp1.6"): MessageIndex {
  const t = protocolTables(protocol);
  const index = typeof action === "string" ? t.responseTo.get(action) : undefined;
  if (index === undefined) {
    const why = typeof action === "string" && t.messages.has(action) && !t.responseTo.has(action) && !action.endsWith("Response") ? ` (${action} has no response: it only comes as a SEND)` : typeof action === "string" ? elsewhere(action, t, (o) => o.responseTo.has(action)) : "";
    throw new TypeError(`ocpp-validate: unknown responseTo action ${JSON.stringify(action) ?? String(action)} in ${t.protocol}${why}; ${t.title} actions with a response are: ${[...t.responseTo.keys()].join(", ")}`);
  }
  return index;
}

type CallOptions = { message?: string; tolerate?: readonly Tolerance[] } | undefined;

/**
 * JSON text (string) and bytes (Uint8Array, Buffer) go to the backend. Any other JSON value is an
 * already-parsed payload and goes to the generated JS validator on every backend: handing it to
 * native or wasm would mean serialising it first, which costs more than validating it in JS.
 * `defaultMessage` (undefined: the protocol's default) and `defaultTolerate`: those of every call
 * that names none (checked here, so a wrong name fails at creation).
 */
export function createValidatorFor<P extends Protocol = "ocpp1.6", D extends MessageNameOf<P> = MessageNameOf<P>>(
  backend: Backend,
  defaultMessage?: D,
  defaultTolerate: readonly Tolerance[] = [],
  protocol: P = "ocpp1.6" as P,
): ProtocolValidator<P, D> {
  const t = protocolTables(protocol);
  const message = defaultMessage ?? (PROTOCOL_INFO[t.protocol].defaultMessage as D);
  const defaultIndex = messageIndex(message, t.protocol);
  const defaultMask = toleranceMask(defaultTolerate, "the tolerate option");
  const tolerate = Object.freeze(toleranceList(defaultMask));
  // Most calls name no message or the same one: skip the map lookup for those.
  const pick = (options: CallOptions): MessageIndex =>
    options?.message === undefined || options.message === message ? defaultIndex : messageIndex(options.message, t.protocol);
  // A call's list replaces the default; most calls name none.
  const mask = (options: CallOptions): ToleranceMask => (options?.tolerate === undefined ? defaultMask : toleranceMask(options.tolerate));
  const validator: ProtocolValidator<P, D> = {
    backend: backend.name,
    protocol: t.protocol as P,
    message,
    tolerate,
    isValid(input: unknown, options?: CallOptions): boolean {
      const index = pick(options);
      const m = mask(options);
      return isText(input) ? backend.isValid(input, index, m) : isValidValue(parsedValue(input), index, m);
    },
    validate(input: unknown, options?: CallOptions & { allErrors?: boolean }): ValidationResult {
      const index = pick(options);
      const m = mask(options);
      const allErrors = options?.allErrors ?? false;
      if (isText(input)) return backend.validate(input, index, allErrors, m) as ValidationResult;
      const { valid, errors, tolerated } = validateValue(parsedValue(input), index, allErrors, m);
      // the text is gone: an already-parsed value has no warnings
      return { valid, errors: [...errors], tolerated: [...tolerated], warnings: [] } as unknown as ValidationResult;
    },
    isValidBatch(inputs: unknown, options?: CallOptions) {
      const index = pick(options);
      const m = mask(options);
      checkBatch(inputs, "isValidBatch");
      return backend.isValidBatch(inputs, index, m);
    },
    isValidBatchAsync(inputs: unknown, options?: CallOptions) {
      // A caller's mistake rejects like any other failure: an async function's caller looks at the promise.
      try {
        const index = pick(options);
        const m = mask(options);
        checkBatch(inputs, "isValidBatchAsync");
        if (inputs.length === 0) return Promise.resolve(new Uint8Array(0));
        return backend.isValidBatchAsync ? backend.isValidBatchAsync(inputs, index, m) : Promise.resolve().then(() => backend.isValidBatch(inputs, index, m));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    close: () => backend.close?.() ?? Promise.resolve(),
    validateFrame(input: unknown, options?: { allErrors?: boolean; responseTo?: string; tolerate?: readonly Tolerance[] }): FrameValidationResult<P> {
      if (!isText(input)) throw new TypeError(`ocpp-validate: validateFrame expects the message as a string or Uint8Array, got ${describe(input)}`);
      const responseTo = options?.responseTo === undefined ? -1 : responseToIndex(options.responseTo, t.protocol);
      const m = mask(options);
      const result = backend.validateFrame(input, options?.allErrors ?? false, responseTo, m, t.index);
      if (typeof input === "string" && result.payloadRange) result.payloadRange = byteRangeToStringRange(input, result.payloadRange);
      return result as FrameValidationResult<P>;
    },
  } as unknown as ProtocolValidator<P, D>;
  return validator;
}

function checkBatch(inputs: unknown, what: string): asserts inputs is ReadonlyArray<JsonInput> {
  if (!Array.isArray(inputs)) throw new TypeError(`ocpp-validate: ${what} expects an array of strings or Uint8Arrays, got ${describe(inputs)}`);
  for (let i = 0; i < inputs.length; i++) {
    if (!isText(inputs[i])) throw new TypeError(`ocpp-validate: ${what} input at index ${i} is ${describe(inputs[i])}; expected a string or Uint8Array`);
  }
}

function isText(input: unknown): input is JsonInput {
  return typeof input === "string" || input instanceof Uint8Array;
}

/**
 * The objects and arrays JSON.parse produces are accepted (plain or null prototype); anything else
 * is a caller's mistake, not a verdict: a number or `null` here is almost always JSON text that was
 * parsed by accident or a wrong variable, and a Map or Date is no JSON value at all. As JSON text
 * (`"5"`) every value is validated as usual.
 */
function parsedValue(input: unknown): object {
  if (typeof input === "object" && input !== null) {
    if (Array.isArray(input)) return input;
    const proto: unknown = Object.getPrototypeOf(input);
    if (proto === Object.prototype || proto === null) return input;
  }
  throw new TypeError(
    `ocpp-validate: expected JSON text (string), bytes (Uint8Array/Buffer) or a parsed JSON object or array, got ${describe(input)}`,
  );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (value instanceof ArrayBuffer) return "an ArrayBuffer (wrap it in a Uint8Array)";
  if (typeof value === "object") return `a ${(value as object).constructor?.name ?? "object"}`;
  return typeof value === "number" || typeof value === "boolean" ? `the ${typeof value} ${String(value)}` : `a ${typeof value}`;
}
