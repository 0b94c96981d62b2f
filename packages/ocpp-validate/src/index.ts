import { createRequire } from "node:module";
import type { Backend } from "./backend.js";
import { createJsBackend } from "./js/index.js";
import { ENV_OVERRIDE, loadBackend, requestedBackend, type BackendCandidate } from "./loader.js";
import { nativeBackend, type NativeBinding } from "./native.js";
import { createValidatorFor } from "./validator.js";
import { wasmBackend, type WasmBinding } from "./wasm.js";
import type { BackendName, CreateValidatorOptions, MessageName, Validator } from "./types.js";

export type * from "./types.js";
export type * from "./messages.generated.js";
export { MESSAGE_NAMES, ACTIONS, CHARGE_POINT_ACTIONS } from "./messages.generated.js";
export { buildCallError, buildCallResult, utf16IndexOfByte } from "./frame.js";
export { loadBackend, requestedBackend, ENV_OVERRIDE, type BackendCandidate } from "./loader.js";
export type { Backend } from "./backend.js";

const require = createRequire(import.meta.url);

/** Fastest first: the order `auto` tries them in. */
export const nodeCandidates: readonly BackendCandidate[] = [
  { name: "native", file: "@ocpp-validate/native", load: () => nativeBackend(require("@ocpp-validate/native") as NativeBinding) },
  { name: "wasm", file: "@ocpp-validate/wasm/node", load: () => wasmBackend(require("@ocpp-validate/wasm/node") as WasmBinding) },
  { name: "js", file: "ocpp-validate/dist/js/index.js", load: createJsBackend },
];

const loaded = new Map<BackendName | "auto", Backend>();

export function createValidator<M extends MessageName = "StopTransaction">(options: CreateValidatorOptions<M> = {}): Validator<M> {
  const requested = requestedBackend(options.backend, process.env[ENV_OVERRIDE]);
  let backend = loaded.get(requested);
  if (!backend) {
    backend = loadBackend(requested, nodeCandidates);
    loaded.set(requested, backend);
  }
  return createValidatorFor(backend, options.message ?? ("StopTransaction" as M));
}
