// The Node entry's backends, fastest first: the order `auto` tries them in.
import { createRequire } from "node:module";
import { createJsBackend } from "./js/index.js";
import type { BackendCandidate } from "./loader.js";
import { loadNativeBinding, nativeBackend, nativeFile } from "./native.js";
import { wasmBackend, type WasmBinding } from "./wasm.js";

// Resolves from this package's own location: its (optional) dependencies.
const require = createRequire(import.meta.url);

export const nodeCandidates: readonly BackendCandidate[] = Object.freeze([
  {
    name: "native",
    // The platform package for this process (or OCPP_VALIDATE_NATIVE_PATH), read when first needed.
    get file() {
      return nativeFile();
    },
    load: () => nativeBackend(loadNativeBinding({ require })),
  },
  { name: "wasm", file: "@ocpp-validate/wasm/node", load: () => wasmBackend(require("@ocpp-validate/wasm/node") as WasmBinding) },
  { name: "js", file: "ocpp-validate/dist/js/index.js", load: createJsBackend },
] satisfies BackendCandidate[]);
