/**
 * `ocpp-validate/ocpp-rpc`: ocpp-validate as an ocpp-rpc strict-mode validator.
 *
 *   import { RPCServer } from "ocpp-rpc";
 *   import { createStrictModeValidator } from "ocpp-validate/ocpp-rpc";
 *   const server = new RPCServer({ protocols: ["ocpp2.0.1", "ocpp1.6"], strictMode: true,
 *     strictModeValidators: [createStrictModeValidator(), createStrictModeValidator({ subprotocol: "ocpp2.0.1" })] });
 *
 * ocpp-rpc (2.x) calls `validate("urn:<Action>.req", params)` on every CALL it sends or receives and
 * `validate("urn:<Action>.conf", result)` on every CALLRESULT (in every subprotocol), and expects a thrown error that carries
 * `rpcErrorCode` and `details`. This module never imports ocpp-rpc: it builds an Error with the same
 * shape as ocpp-rpc's RPCError subclasses (`message`, `rpcErrorCode`, `rpcErrorMessage`, `details`), or
 * hands the three parts to ocpp-rpc's own `createRPCError` when given one (`createError`).
 * Where the verdicts and codes differ from ocpp-rpc's own validator: OCPP-RPC.md.
 */
import { createValidator } from "./index.js";
import { PROTOCOL_INFO, PROTOCOLS, type Protocol } from "./protocols.generated.js";
import { showString } from "./js/messages.js";
import type { BackendName, MessageNameOf, ValidationIssue, ValidationResult } from "./types.js";

/** What the adapter needs of a validator: any `createValidator({ protocol })` result of the adapter's protocol fits. */
export interface PayloadValidator {
  /** When present, it must be the adapter's protocol (checked at creation). */
  readonly protocol?: Protocol;
  validate(input: unknown, options: { message: never; allErrors?: boolean }): ValidationResult;
}

/** What ocpp-rpc's `strictModeValidators` option takes (its `Validator` duck type). */
export interface StrictModeValidator {
  readonly subprotocol: string;
  /** `true` when valid; throws an RPC error otherwise. */
  validate(schemaId: string, params: unknown): true;
}

/** The CallError codes this adapter throws: the protocol's (SEMANTICS.md, "Error codes"). */
export type RpcErrorCode =
  | "ProtocolError"
  | "FormationViolation"
  | "PropertyConstraintViolation"
  | "OccurenceConstraintViolation"
  | "TypeConstraintViolation"
  | "FormatViolation"
  | "OccurrenceConstraintViolation";

/** One issue as it travels in `details.errors` (and in the CALLERROR's errorDetails). */
export interface RpcIssue {
  instancePath: string;
  keyword: string;
  message: string;
}

/** `details` of a payload failure: like ocpp-rpc's `{ errors, data }`, with our issues for ajv's error objects. */
export interface RpcValidationDetails {
  errors: RpcIssue[];
  /** The payload that failed (omitted with `includeData: false`). */
  data?: unknown;
}

/** `createRPCError` of ocpp-rpc has this signature. */
export type CreateRpcError = (code: string, message?: string, details?: object) => Error;

export interface StrictModeValidatorOptions {
  /** A validator from `createValidator`; by default one is created with `backend`. */
  validator?: PayloadValidator;
  /**
   * Backend of the default validator. ocpp-rpc hands over parsed objects, which every backend
   * validates with the generated JS validator, so this only picks what gets loaded.
   */
  backend?: BackendName | "auto";
  /**
   * The subprotocol this validator is registered for (ocpp-rpc keys validators by it). Default
   * "ocpp1.6". When it is one of PROTOCOLS ("ocpp1.6", "ocpp2.0.1", "ocpp2.1") it is also the
   * protocol validated, unless `protocol` says otherwise.
   */
  subprotocol?: string;
  /** The protocol whose schemas apply: default the subprotocol when it is one of PROTOCOLS, else "ocpp1.6". */
  protocol?: Protocol;
  /**
   * Report every issue in `details.errors` (sorted by instancePath, then keyword). Default false:
   * only the first sorted issue, as ocpp-rpc's ajv (allErrors off) reports one error.
   */
  allErrors?: boolean;
  /** Echo the payload as `details.data`, as ocpp-rpc does. Default true. */
  includeData?: boolean;
  /**
   * Builds the thrown error. Pass ocpp-rpc's `createRPCError` to get its own classes
   * (`instanceof RPCError`); by default an {@link OcppRpcError} is built.
   */
  createError?: CreateRpcError;
  /**
   * Where schema ids ocpp-validate does not know go (ocpp-rpc's ocpp1.6 bundle also has the 11
   * actions of the OCPP 1.6 security whitepaper, e.g. `urn:SecurityEventNotification.req`), e.g.
   * ocpp-rpc's `createValidator("ocpp1.6", schemas)`. Without it they fail like a missing schema
   * in ocpp-rpc: ProtocolError.
   */
  fallback?: { validate(schemaId: string, params: unknown): unknown };
}

/** ocpp-rpc's `rpcErrorMessage` texts (lib/errors.js) for the codes thrown here. */
const RPC_ERROR_MESSAGES: Record<RpcErrorCode, string> = {
  ProtocolError: "Payload for method is incomplete",
  FormationViolation: "Payload for the method is syntactically incorrect or not conform the PDU structure for the method",
  FormatViolation: "Payload for the method is syntactically incorrect or not conform the PDU structure for the method",
  OccurrenceConstraintViolation:
    "Payload for the method is syntactically correct but at least one of the fields violates occurence constraints",
  PropertyConstraintViolation: "Payload is syntactically correct but at least one field contains an invalid value",
  OccurenceConstraintViolation:
    "Payload for the method is syntactically correct but at least one of the fields violates occurence constraints",
  TypeConstraintViolation:
    "Payload for the method is syntactically correct but at least one of the fields violates data type constraints",
};

/**
 * The error thrown by default: what ocpp-rpc reads from its own RPCError subclasses (`message`,
 * `rpcErrorCode`, `rpcErrorMessage`, `details`, all own enumerable fields like theirs; `name` stays
 * "Error" as theirs does). It is not `instanceof` ocpp-rpc's RPCError: pass `createError` for that.
 */
export class OcppRpcError extends Error {
  rpcErrorMessage: string;
  rpcErrorCode: RpcErrorCode;
  details: object;
  constructor(rpcErrorCode: RpcErrorCode, message: string, details: object = {}) {
    super(message);
    this.rpcErrorMessage = RPC_ERROR_MESSAGES[rpcErrorCode];
    this.rpcErrorCode = rpcErrorCode;
    this.details = details;
  }
}

const REQUEST_SUFFIX = "Request";
const RESPONSE_SUFFIX = "Response";
/** The `$id` prefix of the OCA's schema files: 1.6's JSON schemas (2019/12), 2.0.1 and 2.1. */
const OCA_PREFIXES: Readonly<Record<Protocol, string>> = {
  "ocpp1.6": "urn:OCPP:1.6:2019:12:",
  "ocpp2.0.1": "urn:OCPP:Cp:2:2020:3:",
  "ocpp2.1": "urn:OCPP:Cp:2:2025:1:",
};

/**
 * Every schema id this adapter knows in a protocol → its message. What ocpp-rpc passes, in every
 * subprotocol: `urn:<Action>.req` and `urn:<Action>.conf`; the official schemas' own ids
 * (`urn:OCPP:1.6:2019:12:<Action>Request`, `urn:OCPP:Cp:2:2020:3:<Action>Request` ...); and in 2.x
 * `urn:<Message>`, the ids of ocpp-rpc's own 2.1 bundle. A Map, so ids taken from the wire
 * (`urn:__proto__.req`) are only ever looked up, never resolved.
 */
const schemaIds = new Map<Protocol, ReadonlyMap<string, string>>();

function schemaIdsOf(protocol: Protocol): ReadonlyMap<string, string> {
  let ids = schemaIds.get(protocol);
  if (ids) return ids;
  const info = PROTOCOL_INFO[protocol];
  const map = new Map<string, string>();
  const oca = OCA_PREFIXES[protocol];
  (info.actions as readonly string[]).forEach((action, i) => {
    const request = info.requestNames[i] as string;
    const response = info.responseNames[i] as string | null;
    map.set(`urn:${action}.req`, request);
    if (response !== null) map.set(`urn:${action}.conf`, response);
  });
  for (const name of info.messageNames as readonly string[]) {
    // 1.6's files are named after the action, its official ids after the action and Request
    const is16Request = protocol === "ocpp1.6" && !name.endsWith(RESPONSE_SUFFIX);
    map.set(`${oca}${name}${is16Request ? REQUEST_SUFFIX : ""}`, name);
    if (protocol !== "ocpp1.6") map.set(`urn:${name}`, name);
  }
  schemaIds.set(protocol, (ids = map));
  return ids;
}

/**
 * The message a schema id names in a protocol (`urn:StopTransaction.req` → `StopTransaction`,
 * `urn:Reset.conf` → `ResetResponse`; in 2.0.1 `urn:Reset.req` → `ResetRequest`), or null.
 */
export function messageForSchemaId<P extends Protocol = "ocpp1.6">(schemaId: string, protocol: P = "ocpp1.6" as P): MessageNameOf<P> | null {
  return ((typeof schemaId === "string" && schemaIdsOf(protocol).get(schemaId)) || null) as MessageNameOf<P> | null;
}

/** Issues named in the error message; `details.errors` has them all. */
const MAX_MESSAGE_ISSUES = 8;

/** Code-unit order of (instancePath, keyword): the order `validateFrame` reports issues in. */
function byPathThenKeyword(a: ValidationIssue, b: ValidationIssue): number {
  if (a.instancePath !== b.instancePath) return a.instancePath < b.instancePath ? -1 : 1;
  if (a.keyword !== b.keyword) return a.keyword < b.keyword ? -1 : 1;
  return 0;
}

/** ajv's `errorsText` wording: `data/idTag must NOT have more than 20 characters, data must ...`. */
function errorsText(issues: readonly RpcIssue[]): string {
  const named = issues.slice(0, MAX_MESSAGE_ISSUES).map((i) => `data${i.instancePath} ${i.message}`);
  if (issues.length > MAX_MESSAGE_ISSUES) named.push(`and ${issues.length - MAX_MESSAGE_ISSUES} more`);
  return named.join(", ");
}

/** The value at an ajv instancePath (a JSON Pointer) inside `root`. */
function at(root: unknown, pointer: string): unknown {
  let v = root;
  for (const raw of pointer.split("/").slice(1)) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<string, unknown>)[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return v;
}

/**
 * ajv's own message for an issue, as ocpp-rpc's validator would word it: ocpp-rpc users match on
 * these texts, while ocpp-validate's messages say what was found (`must be string, got 5`). Each of
 * ours has a fixed shape per keyword (SEMANTICS.md, "Messages") that carries what ajv's needs; an
 * unknown property's name is found among the keys of the object the issue is about, by its message.
 */
function ajvWording(issue: ValidationIssue, payload: unknown): string {
  const m = issue.message;
  switch (issue.keyword) {
    case "type":
      return /^must be \w+/.exec(m)?.[0] ?? m;
    case "enum":
      return "must be equal to one of the allowed values";
    case "maxLength": {
      const max = / more than the (\d+) allowed$/.exec(m)?.[1];
      return max === undefined ? m : `must NOT have more than ${max} characters`;
    }
    case "format":
      return m.endsWith(URI_MESSAGE_END) ? 'must match format "uri"' : 'must match format "date-time"';
    case "minimum":
    case "maximum": {
      const bound = / the (?:minimum|maximum) (\S+)$/.exec(m)?.[1];
      return bound === undefined ? m : `must be ${issue.keyword === "minimum" ? ">=" : "<="} ${bound}`;
    }
    case "minItems":
    case "maxItems": {
      const limit = / (?:fewer|more) than the (\d+) (?:required|allowed)$/.exec(m)?.[1];
      return limit === undefined ? m : `must NOT have ${issue.keyword === "minItems" ? "fewer" : "more"} than ${limit} items`;
    }
    case "multipleOf": {
      const divisor = / is not a multiple of (\S+)$/.exec(m)?.[1];
      return divisor === undefined ? m : `must be multiple of ${divisor}`;
    }
    case "additionalProperties": {
      const object = at(payload, issue.instancePath);
      if (typeof object === "object" && object !== null) {
        for (const key in object) if (`has unknown property ${showString(key)}` === m) return `must NOT have additional properties: '${key}'`;
      }
      return "must NOT have additional properties";
    }
    default:
      return m;
  }
}

/** How every `format: uri` message ends (and no date-time message does). */
const URI_MESSAGE_END = " is not a URI (RFC 3986, with a scheme such as https:)";

/**
 * What the validator is handed for `params`. ocpp-rpc passes what `JSON.parse` produced (inbound) or
 * what the application gave `call()` / returned from a handler (outbound). Plain objects and arrays
 * are validated as they are. Anything else is checked as the JSON text `null`, which gives the root
 * `type` issue ("must be object"): every schema's root is an object, in every protocol. That covers a string (it must
 * never reach `validate` as JSON text, where `"{}"` would pass), `undefined` (no params, sent as
 * `null`), null, numbers, booleans, and non-plain objects (Date, Map, class instances, bytes), which
 * the validator does not take as parsed JSON.
 */
function isPlainJsonContainer(params: unknown): params is object {
  if (typeof params !== "object" || params === null) return false;
  if (Array.isArray(params)) return true;
  const proto: unknown = Object.getPrototypeOf(params);
  return proto === Object.prototype || proto === null;
}

/**
 * An ocpp-rpc strict-mode validator backed by ocpp-validate: `strictModeValidators: [createStrictModeValidator()]`
 * (registered for "ocpp1.6", it replaces ocpp-rpc's own ocpp1.6 validator; `{ subprotocol: "ocpp2.0.1" }`
 * and `"ocpp2.1"` replace those). Valid → `true`; invalid →
 * throws with `rpcErrorCode` = the protocol's OCPP-J code of the first issue (issues sorted by instancePath,
 * then keyword, as `validateFrame` sorts them) and `details` = `{ errors, data }`; unknown schema id →
 * `fallback`, or ProtocolError `Schema '<id>' is missing from subprotocol schema '<subprotocol>'`.
 */
export function createStrictModeValidator(options: StrictModeValidatorOptions = {}): StrictModeValidator {
  const subprotocol = options.subprotocol ?? "ocpp1.6";
  const protocol: Protocol = options.protocol ?? ((PROTOCOLS as readonly string[]).includes(subprotocol) ? (subprotocol as Protocol) : "ocpp1.6");
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new TypeError(`ocpp-validate/ocpp-rpc: unknown protocol ${JSON.stringify(protocol)}; the protocols are: ${PROTOCOLS.join(", ")}`);
  }
  const validator: PayloadValidator = options.validator ?? (createValidator({ backend: options.backend ?? "auto", protocol }) as unknown as PayloadValidator);
  // a validator of another protocol would throw on every message name, or worse, share one
  if (validator.protocol !== undefined && validator.protocol !== protocol) {
    throw new TypeError(`ocpp-validate/ocpp-rpc: the validator validates ${validator.protocol}, this adapter ${protocol} (subprotocol ${JSON.stringify(subprotocol)}): create it with createValidator({ protocol: ${JSON.stringify(protocol)} })`);
  }
  const allErrors = options.allErrors ?? false;
  const includeData = options.includeData ?? true;
  const createError: CreateRpcError =
    options.createError ?? ((code, message, details) => new OcppRpcError(code as RpcErrorCode, message ?? "", details));
  const fallback = options.fallback;

  return {
    subprotocol,
    validate(schemaId: string, params: unknown): true {
      const message = messageForSchemaId(schemaId, protocol) as never;
      if (message === null) {
        if (fallback) {
          fallback.validate(schemaId, params);
          return true;
        }
        throw createError("ProtocolError", `Schema '${schemaId}' is missing from subprotocol schema '${subprotocol}'`);
      }
      const payload: unknown = isPlainJsonContainer(params) ? params : "null";
      if (validator.validate(payload, { message }).valid) return true;
      // The full list, sorted, so the code is the same issue's on every backend and in validateFrame.
      const sorted: ValidationIssue[] = [...validator.validate(payload, { message, allErrors: true }).errors].sort(byPathThenKeyword);
      const reported: RpcIssue[] = (allErrors ? sorted : sorted.slice(0, 1)).map((i) => ({
        instancePath: i.instancePath,
        keyword: i.keyword,
        message: ajvWording(i, payload),
      }));
      const details: RpcValidationDetails = includeData ? { errors: reported, data: params } : { errors: reported };
      throw createError(sorted[0]!.ocppErrorCode, errorsText(reported), details);
    },
  };
}
