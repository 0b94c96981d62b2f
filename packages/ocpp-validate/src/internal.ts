/**
 * `ocpp-validate/internal`: the loader's parts, for tests and the benchmark. Not the public API: it
 * may change in any release. Node only.
 */
export { loadBackend, requestedBackend, logFallbacks, fallbackLine, ENV_OVERRIDE, DEBUG_ENV, BACKEND_NAMES } from "./loader.js";
export type { BackendCandidate, BackendFallback, LoadedBackend } from "./loader.js";
export { nodeCandidates } from "./node-candidates.js";
export { loadNativeBinding, nativeSources, nativeTriple, detectMusl, NATIVE_PATH_ENV, BUILT_TRIPLES } from "./native.js";
export type { NativeLoadOptions, NativeSource } from "./native.js";
export { createValidatorFor } from "./validator.js";
/** The worker pool of the wasm and js backends' async batch, for its failure tests. */
export { WorkerPool, withWorkerPool, INLINE_MAX_BYTES } from "./pool.js";
export type { Backend, BackendResult, MessageIndex, ToleranceMask } from "./backend.js";
/** The pure-TypeScript backend itself (what `backend: "js"` loads), for comparing backends word for word. */
export { createJsBackend } from "./js/index.js";
export { toleranceMask, toleranceList } from "./tolerances.js";
/** Every protocol's message names in global index order (what backends' messageNames() must equal), and each protocol's tables. */
export { ALL_MESSAGE_NAMES, PROTOCOL_INFO } from "./protocols.generated.js";
export { messageIndex, responseToIndex } from "./validator.js";
