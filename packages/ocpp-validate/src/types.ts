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

export interface Validator {
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
