import type { Backend, MessageIndex, ToleranceMask } from "./backend.js";
import { isValidValue, validateValue } from "./js/index.js";
import { byteRangeToStringRange } from "./frame.js";
import { ACTIONS, MESSAGE_NAMES } from "./messages.generated.js";
import { toleranceList, toleranceMask } from "./tolerances.js";
import type { FrameValidationResult, JsonInput, MessageName, Tolerance, ValidationResult, Validator } from "./types.js";

const MESSAGE_INDEX = new Map<string, MessageIndex>(MESSAGE_NAMES.map((name, index) => [name, index]));
const ACTION_NAMES = new Set<string>(ACTIONS);

/** The index of a message name; an unknown name is the caller's mistake, reported with the known ones. */
export function messageIndex(name: unknown, what = "message"): MessageIndex {
  const index = typeof name === "string" ? MESSAGE_INDEX.get(name) : undefined;
  if (index === undefined) {
    throw new TypeError(`ocpp-validate: unknown ${what} ${JSON.stringify(name)}; OCPP 1.6 messages are: ${MESSAGE_NAMES.join(", ")}`);
  }
  return index;
}

type CallOptions = { message?: string; tolerate?: readonly Tolerance[] } | undefined;

/**
 * JSON text (string) and bytes (Uint8Array, Buffer) go to the backend. Any other JSON value is an
 * already-parsed payload and goes to the generated JS validator on every backend: handing it to
 * native or wasm would mean serialising it first, which costs more than validating it in JS.
 * `defaultTolerate`: the tolerances of every call that names none (checked here, so a wrong name
 * fails at creation).
 */
export function createValidatorFor<D extends MessageName>(backend: Backend, defaultMessage: D, defaultTolerate: readonly Tolerance[] = []): Validator<D> {
  const defaultIndex = messageIndex(defaultMessage);
  const defaultMask = toleranceMask(defaultTolerate, "the tolerate option");
  const tolerate = Object.freeze(toleranceList(defaultMask));
  // Most calls name no message or the same one: skip the map lookup for those.
  const pick = (options: CallOptions): MessageIndex =>
    options?.message === undefined || options.message === defaultMessage ? defaultIndex : messageIndex(options.message);
  // A call's list replaces the default; most calls name none.
  const mask = (options: CallOptions): ToleranceMask => (options?.tolerate === undefined ? defaultMask : toleranceMask(options.tolerate));
  const validator: Validator<D> = {
    backend: backend.name,
    message: defaultMessage,
    tolerate,
    isValid(input: unknown, options?: CallOptions): boolean {
      const message = pick(options);
      const t = mask(options);
      return isText(input) ? backend.isValid(input, message, t) : isValidValue(parsedValue(input), message, t);
    },
    validate(input, options): ValidationResult {
      const message = pick(options);
      const t = mask(options);
      const allErrors = options?.allErrors ?? false;
      if (isText(input)) return backend.validate(input, message, allErrors, t) as ValidationResult;
      const { valid, errors, tolerated } = validateValue(parsedValue(input), message, allErrors, t);
      // the text is gone: an already-parsed value has no warnings
      return { valid, errors: [...errors], tolerated: [...tolerated], warnings: [] } as unknown as ValidationResult;
    },
    isValidBatch(inputs, options) {
      const message = pick(options);
      const t = mask(options);
      checkBatch(inputs, "isValidBatch");
      return backend.isValidBatch(inputs, message, t);
    },
    isValidBatchAsync(inputs, options) {
      // A caller's mistake rejects like any other failure: an async function's caller looks at the promise.
      try {
        const message = pick(options);
        const t = mask(options);
        checkBatch(inputs, "isValidBatchAsync");
        if (inputs.length === 0) return Promise.resolve(new Uint8Array(0));
        return backend.isValidBatchAsync ? backend.isValidBatchAsync(inputs, message, t) : Promise.resolve().then(() => backend.isValidBatch(inputs, message, t));
      } catch (error) {
        return Promise.reject(error);
      }
    },
    close: () => backend.close?.() ?? Promise.resolve(),
    validateFrame(input, options): FrameValidationResult {
      if (!isText(input)) throw new TypeError(`ocpp-validate: validateFrame expects the message as a string or Uint8Array, got ${describe(input)}`);
      const responseTo = options?.responseTo;
      if (responseTo !== undefined && !ACTION_NAMES.has(responseTo)) {
        throw new TypeError(`ocpp-validate: unknown responseTo action ${JSON.stringify(responseTo)}; OCPP 1.6 actions are: ${ACTIONS.join(", ")}`);
      }
      const t = mask(options);
      const result = backend.validateFrame(input, options?.allErrors ?? false, responseTo === undefined ? -1 : messageIndex(responseTo), t);
      if (typeof input === "string" && result.payloadRange) result.payloadRange = byteRangeToStringRange(input, result.payloadRange);
      return result;
    },
  } as Validator<D>;
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
