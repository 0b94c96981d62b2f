// The Node entry. The browser entry (browser.ts) exports exactly the same names; the loader's
// internals are in `ocpp-validate/internal`.
import { DEBUG_ENV, ENV_OVERRIDE, loadBackend, logFallbacks, requestedBackend, withFallbacks, type FallbackOptions, type FallbackReport, type LoadedBackend } from "./loader.js";
import { nodeCandidates } from "./node-candidates.js";
import { createValidatorFor, messageIndex, protocolTables } from "./validator.js";
import { withWorkerPool } from "./pool.js";
import { toleranceMask } from "./tolerances.js";
import type { BackendName, CreateValidatorOptions, DefaultMessageOf, MessageName, MessageNameOf, Protocol, Tolerance, ValidatorFor } from "./types.js";

export type * from "./types.js";
// OCPP 1.6's names and payload types; 2.x's (whose names clash with them) are in ocpp-validate/ocpp2.0.1 and ocpp-validate/ocpp2.1.
export type * from "./messages.generated.js";
export type { BackendFallback, FallbackOptions, FallbackReport } from "./loader.js";
export { MESSAGE_NAMES, ACTIONS, CHARGE_POINT_ACTIONS } from "./messages.generated.js";
export { PROTOCOLS } from "./protocols.generated.js";
export { buildCallError, buildCallResult, utf16IndexOfByte } from "./frame.js";
export { TOLERANCES } from "./tolerances.js";

const loaded = new Map<BackendName | "auto", LoadedBackend>();

/**
 * Nothing to do on Node: the native addon and the wasm (node) build load synchronously. It exists so
 * that isomorphic code (`await init()` before `createValidator()`) runs unchanged under SSR and
 * tests; it resolves at once. The browser entry's `init()` instantiates the wasm module.
 */
export function init(_module?: unknown): Promise<void> {
  return Promise.resolve();
}

/**
 * A validator on the backend asked for (`options.backend`, else OCPP_VALIDATE_BACKEND, else `auto`:
 * native → wasm → js). Every backend `auto` skipped is in `validator.fallbacks`, goes to
 * `options.onFallback`, and with OCPP_VALIDATE_DEBUG set is logged to stderr (once per process).
 * `options.protocol` (default `"ocpp1.6"`) picks the schemas, codes and frame rules; the default
 * message is then that protocol's (`StopTransaction`, `TransactionEventRequest`).
 */
export function createValidator<M extends MessageName = "StopTransaction", const T extends readonly Tolerance[] = readonly []>(
  options?: CreateValidatorOptions<M, T> & { protocol?: "ocpp1.6" } & FallbackOptions,
): ValidatorFor<M, T> & FallbackReport;
export function createValidator<const P extends Protocol, M extends MessageNameOf<P> = DefaultMessageOf<P>, const T extends readonly Tolerance[] = readonly []>(
  options: CreateValidatorOptions<M, T, P> & { protocol: P } & FallbackOptions,
): ValidatorFor<M, T, P> & FallbackReport;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the overloads above are the types; this is their one body
export function createValidator(options: CreateValidatorOptions<MessageNameOf<Protocol>, readonly Tolerance[], Protocol> & FallbackOptions = {}): any {
  // a wrong protocol, message or tolerance name is the caller's mistake, whichever backend would load
  const protocol = protocolTables(options.protocol ?? "ocpp1.6").protocol;
  if (options.message !== undefined) messageIndex(options.message, protocol);
  toleranceMask(options.tolerate ?? [], "the tolerate option");
  const requested = requestedBackend(options.backend, process.env[ENV_OVERRIDE]);
  let chosen = loaded.get(requested);
  if (!chosen) {
    chosen = loadBackend(requested, nodeCandidates);
    chosen = { ...chosen, backend: withWorkerPool(chosen.backend) };
    loaded.set(requested, chosen);
    logFallbacks(chosen.fallbacks, process.env[DEBUG_ENV]);
  }
  const validator = createValidatorFor(chosen.backend, options.message as never, options.tolerate, protocol);
  return withFallbacks(validator, chosen.fallbacks, options) as unknown as FallbackReport;
}
