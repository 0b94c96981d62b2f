// The Node entry. The browser entry (browser.ts) exports exactly the same names; the loader's
// internals are in `ocpp-validate/internal`.
import { DEBUG_ENV, ENV_OVERRIDE, loadBackend, logFallbacks, requestedBackend, withFallbacks, type FallbackOptions, type FallbackReport, type LoadedBackend } from "./loader.js";
import { nodeCandidates } from "./node-candidates.js";
import { createValidatorFor } from "./validator.js";
import { withWorkerPool } from "./pool.js";
import { toleranceMask } from "./tolerances.js";
import type { BackendName, CreateValidatorOptions, MessageName, Tolerance, ValidatorFor } from "./types.js";

export type * from "./types.js";
export type * from "./messages.generated.js";
export type { BackendFallback, FallbackOptions, FallbackReport } from "./loader.js";
export { MESSAGE_NAMES, ACTIONS, CHARGE_POINT_ACTIONS } from "./messages.generated.js";
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
 */
export function createValidator<M extends MessageName = "StopTransaction", const T extends readonly Tolerance[] = readonly []>(
  options: CreateValidatorOptions<M, T> & FallbackOptions = {},
): ValidatorFor<M, T> & FallbackReport {
  // a wrong tolerance name is the caller's mistake, whichever backend would load
  toleranceMask(options.tolerate ?? [], "the tolerate option");
  const requested = requestedBackend(options.backend, process.env[ENV_OVERRIDE]);
  let chosen = loaded.get(requested);
  if (!chosen) {
    chosen = loadBackend(requested, nodeCandidates);
    chosen = { ...chosen, backend: withWorkerPool(chosen.backend) };
    loaded.set(requested, chosen);
    logFallbacks(chosen.fallbacks, process.env[DEBUG_ENV]);
  }
  const validator = createValidatorFor(chosen.backend, options.message ?? ("StopTransaction" as M), options.tolerate);
  return withFallbacks(validator, chosen.fallbacks, options) as unknown as ValidatorFor<M, T> & FallbackReport;
}
