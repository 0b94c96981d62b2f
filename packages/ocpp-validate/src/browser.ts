// The `browser` export condition: the wasm (web) build, or the js backend. No Node built-ins.
import initWasm, * as wasmWeb from "@ocpp-validate/wasm/web";
import type { Backend } from "./backend.js";
import { createJsBackend } from "./js/index.js";
import { createValidatorFor } from "./validator.js";
import { wasmBackend, type WasmBinding } from "./wasm.js";
import type { CreateValidatorOptions, MessageName, Validator } from "./types.js";

export type * from "./types.js";
export type * from "./messages.generated.js";
export { MESSAGE_NAMES, ACTIONS, CHARGE_POINT_ACTIONS } from "./messages.generated.js";
export { buildCallError, buildCallResult, utf16IndexOfByte } from "./frame.js";

let initialised: Promise<void> | undefined;
let wasm: Backend | undefined;
let wasmFailure: unknown;
let js: Backend | undefined;

/**
 * Instantiates the wasm module. Safe to call any number of times: every call returns the same
 * promise. It rejects when WebAssembly is unavailable; `auto` then keeps using the js backend.
 * `module` overrides where the .wasm comes from (a URL, Response, bytes or WebAssembly.Module).
 */
export function init(module?: Parameters<typeof initWasm>[0]): Promise<void> {
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

/** `auto` is wasm once `init()` has resolved, js before that or when it failed. */
export function createValidator<M extends MessageName = "StopTransaction">(options: CreateValidatorOptions<M> = {}): Validator<M> {
  const requested = options.backend ?? "auto";
  if (requested === "native") throw new Error("ocpp-validate: the native backend does not exist in browsers; use wasm or js");
  if (requested === "wasm" && !wasm) {
    throw new Error(
      wasmFailure
        ? "ocpp-validate: the wasm backend failed to initialise (see cause)"
        : "ocpp-validate: the wasm backend is not initialised yet: await init() first",
      { cause: wasmFailure },
    );
  }
  const message = options.message ?? ("StopTransaction" as M);
  if (requested !== "js" && wasm) return createValidatorFor(wasm, message);
  js ??= createJsBackend();
  return createValidatorFor(js, message);
}
