import type { Backend } from "./backend.js";
import { isValidValue, validateValue } from "./js/index.js";
import { byteRangeToStringRange } from "./frame.js";
import type { FrameValidationResult, JsonInput, ValidationResult, Validator } from "./types.js";

/**
 * JSON text (string) and bytes (Uint8Array, Buffer) go to the backend. Any other JSON value is an
 * already-parsed payload and goes to the generated JS validator on every backend: handing it to
 * native or wasm would mean serialising it first, which costs more than validating it in JS.
 */
export function createValidatorFor(backend: Backend): Validator {
  return {
    backend: backend.name,
    isValid(input) {
      return isText(input) ? backend.isValid(input) : isValidValue(parsedValue(input));
    },
    validate(input, options): ValidationResult {
      const allErrors = options?.allErrors ?? false;
      const errors = isText(input) ? backend.validate(input, allErrors) : validateValue(parsedValue(input), allErrors);
      return { valid: errors.length === 0, errors };
    },
    isValidBatch(inputs) {
      if (!Array.isArray(inputs)) throw new TypeError(`ocpp-validate: isValidBatch expects an array of strings or Uint8Arrays, got ${describe(inputs)}`);
      for (let i = 0; i < inputs.length; i++) {
        if (!isText(inputs[i])) {
          throw new TypeError(`ocpp-validate: isValidBatch input at index ${i} is ${describe(inputs[i])}; expected a string or Uint8Array`);
        }
      }
      return backend.isValidBatch(inputs);
    },
    validateFrame(input, options): FrameValidationResult {
      if (!isText(input)) throw new TypeError(`ocpp-validate: validateFrame expects the message as a string or Uint8Array, got ${describe(input)}`);
      const result = backend.validateFrame(input, options?.allErrors ?? false);
      if (typeof input === "string" && result.payloadRange) result.payloadRange = byteRangeToStringRange(input, result.payloadRange);
      return result;
    },
  };
}

function isText(input: unknown): input is JsonInput {
  return typeof input === "string" || input instanceof Uint8Array;
}

/** Values JSON.parse can produce are accepted; anything else is a caller's mistake, not a verdict. */
function parsedValue(input: unknown): unknown {
  const type = typeof input;
  if (input === null || type === "number" || type === "boolean") return input;
  if (type === "object" && !ArrayBuffer.isView(input) && !(input instanceof ArrayBuffer)) return input;
  throw new TypeError(`ocpp-validate: expected JSON text (string), bytes (Uint8Array/Buffer) or a parsed JSON value, got ${describe(input)}`);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (value instanceof ArrayBuffer) return "an ArrayBuffer (wrap it in a Uint8Array)";
  return typeof value === "object" ? `an ${value.constructor?.name ?? "object"}` : `a ${typeof value}`;
}
