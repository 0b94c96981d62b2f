// The `browser` export condition: the wasm (web) build, or the js backend. No Node built-ins. It
// exports exactly the names the Node entry (index.ts) exports.
import initWasm, * as wasmWeb from "@ocpp-validate/wasm/web";
import type { Backend } from "./backend.js";
import { createJsBackend } from "./js/index.js";
import { DEBUG_ENV, logFallbacks, requestedBackend, withFallbacks, type BackendFallback, type FallbackOptions, type FallbackReport } from "./loader.js";
import { createValidatorFor, messageIndex, protocolTables } from "./validator.js";
import { toleranceMask } from "./tolerances.js";
import { wasmBackend, type WasmBinding } from "./wasm.js";
import type { CreateValidatorOptions, DefaultMessageOf, MessageName, MessageNameOf, Protocol, ProtocolValidator, Tolerance, ValidatorFor } from "./types.js";

export type * from "./types.js";
// OCPP 1.6's names and payload types; 2.x's (whose names clash with them) are in ocpp-validate/ocpp2.0.1 and ocpp-validate/ocpp2.1.
export type * from "./messages.generated.js";
export type { BackendFallback, FallbackOptions, FallbackReport } from "./loader.js";
export { MESSAGE_NAMES, ACTIONS, CHARGE_POINT_ACTIONS } from "./messages.generated.js";
export { PROTOCOLS } from "./protocols.generated.js";
export { buildCallError, buildCallResult, utf16IndexOfByte } from "./frame.js";
export { TOLERANCES } from "./tolerances.js";

/**
 * Where the `.wasm` comes from: a URL, Response, bytes or a WebAssembly.Module (wasm-bindgen's
 * InitInput, spelled out so that the published declarations do not pull in wasm-bindgen's, which
 * need `Symbol.dispose` from an ESNext lib).
 */
type WasmModuleSource = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

const WASM_FILE = "@ocpp-validate/wasm/web";
let initialised: Promise<void> | undefined;
let wasm: Backend | undefined;
let wasmFailure: unknown;
let js: Backend | undefined;
/** Fallbacks already logged for OCPP_VALIDATE_DEBUG (once per reason, as on Node once per load). */
let logged: unknown = null;

/**
 * Instantiates the wasm module. Safe to call any number of times: every call returns the same
 * promise. It rejects when WebAssembly is unavailable; `auto` then keeps using the js backend.
 * `module` overrides where the .wasm comes from (a URL, Response, bytes or WebAssembly.Module).
 */
export function init(module?: WasmModuleSource): Promise<void> {
  initialised ??= (async () => {
    try {
      if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available in this environment");
      await initWasm(module === undefined ? undefined : { module_or_path: module as never });
      const backend = wasmBackend(wasmWeb as unknown as WasmBinding);
      backend.version();
      wasm = backend;
    } catch (error) {
      wasmFailure = error;
      throw new Error(`ocpp-validate: the wasm backend could not be initialised: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  })();
  return initialised;
}

/**
 * `auto` is wasm once `init()` has resolved, js before that or when it failed; the skipped wasm is
 * then in `validator.fallbacks` (and `onFallback`, and OCPP_VALIDATE_DEBUG where `process.env` exists).
 */
export function createValidator<M extends MessageName = "StopTransaction", const T extends readonly Tolerance[] = readonly []>(
  options?: CreateValidatorOptions<M, T> & { protocol?: "ocpp1.6" } & FallbackOptions,
): ValidatorFor<M, T> & FallbackReport;
export function createValidator<const P extends Protocol, M extends MessageNameOf<P> = DefaultMessageOf<P>, const T extends readonly Tolerance[] = readonly []>(
  options: CreateValidatorOptions<M, T, P> & { protocol: P } & FallbackOptions,
): ValidatorFor<M, T, P> & FallbackReport;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above are the types; this is their one body
export function createValidator(options: CreateValidatorOptions<MessageNameOf<Protocol>, readonly Tolerance[], Protocol> & FallbackOptions = {}): any {
  // a wrong protocol, message or tolerance name is the caller's mistake, whichever backend would be used
  const protocol = protocolTables(options.protocol ?? "ocpp1.6").protocol;
  if (options.message !== undefined) messageIndex(options.message, protocol);
  toleranceMask(options.tolerate ?? [], "the tolerate option");
  const requested = requestedBackend(options.backend, undefined);
  if (requested === "native") throw new Error("ocpp-validate: the native backend does not exist in browsers; use wasm or js");
  if (requested === "wasm" && !wasm) {
    throw new Error(
      wasmFailure
        ? `ocpp-validate: the wasm backend could not be initialised: ${wasmFailure instanceof Error ? wasmFailure.message : String(wasmFailure)}`
        : "ocpp-validate: the wasm backend is not initialised yet: await init() first",
      { cause: wasmFailure },
    );
  }
  const message = options.message as never;
  const tolerate = options.tolerate;
  const result = (v: ProtocolValidator<Protocol, never>, fallbacks: readonly BackendFallback[]) => withFallbacks(v, fallbacks, options);
  if (requested !== "js" && wasm) return result(createValidatorFor(wasm, message, tolerate, protocol), []);
  js ??= createJsBackend();
  let fallbacks: readonly BackendFallback[] = [];
  if (requested === "auto") {
    const why = wasmFailure ?? (initialised ? "init() has not resolved yet: await it before createValidator()" : "init() was not called: await init() before createValidator()");
    const reason = why instanceof Error ? why.message : String(why);
    fallbacks = Object.freeze([Object.freeze({ backend: "wasm" as const, file: WASM_FILE, reason, error: wasmFailure, usedInstead: "js" as const })]);
    if (logged !== why) {
      logged = why;
      logFallbacks(fallbacks, debugSetting());
    }
  }
  return result(createValidatorFor(js, message, tolerate, protocol), fallbacks);
}

/** OCPP_VALIDATE_DEBUG where there is a `process.env` (SSR, tests, bundlers that define it). */
function debugSetting(): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[DEBUG_ENV];
}
