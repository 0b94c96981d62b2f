// Choosing a backend. Pure: the candidates (how each backend is loaded) are passed in, so every
// failure mode is testable with fakes, and nothing here touches Node built-ins (the browser entry uses it too).
import type { Backend } from "./backend.js";
import { ALL_MESSAGE_NAMES, PROTOCOLS } from "./protocols.generated.js";
import { TOLERANCES } from "./tolerances.js";
import type { BackendName } from "./types.js";

export const BACKEND_NAMES: readonly BackendName[] = ["native", "wasm", "js"];
/** `native`, `wasm`, `js` or `auto`: the backend when the `backend` option does not name one. */
export const ENV_OVERRIDE = "OCPP_VALIDATE_BACKEND";
/** Any value but "", "0" or "false": log one line to stderr for every backend `auto` skips. */
export const DEBUG_ENV = "OCPP_VALIDATE_DEBUG";

/** One way to obtain a backend. Passed in (not hard-wired) so the loader itself is testable. */
export interface BackendCandidate {
  name: BackendName;
  /** What is being loaded, for error messages: a package specifier or path. */
  readonly file: string;
  load(): Backend;
}

/** A backend that `auto` tried and skipped, and why. */
export interface BackendFallback {
  /** The backend that did not load. */
  backend: BackendName;
  /** What it was loaded from (a package specifier or a file). */
  file: string;
  /** The underlying error's own text ("invalid ELF header", "the package … is not installed", …). */
  reason: string;
  /** The underlying error itself. */
  error: unknown;
  /** The backend `auto` went on to use. */
  usedInstead: BackendName;
}

/** How `createValidator` tells about fallbacks, besides `validator.fallbacks` and OCPP_VALIDATE_DEBUG. */
export interface FallbackOptions {
  /** Called once for every backend `auto` skipped (fastest first), before `createValidator` returns. */
  onFallback?: (fallback: BackendFallback) => void;
}

/** What `createValidator` adds to a validator: the backends `auto` skipped to get to `backend`. */
export interface FallbackReport {
  /** Empty when the fastest backend loaded, and always for a backend asked for by name. */
  readonly fallbacks: readonly BackendFallback[];
}

export interface LoadedBackend {
  backend: Backend;
  fallbacks: readonly BackendFallback[];
}

/** The explicit option beats the environment; the environment beats the default (`auto`). */
export function requestedBackend(
  option: BackendName | "auto" | undefined,
  env: string | undefined,
): BackendName | "auto" {
  const chosen = option !== undefined && option !== "auto" ? option : env || option || "auto";
  if (chosen !== "auto" && !BACKEND_NAMES.includes(chosen as BackendName)) {
    const source = option !== undefined && option !== "auto" ? "the backend option" : ENV_OVERRIDE;
    throw new Error(`ocpp-validate: ${source} is ${JSON.stringify(chosen)}; expected one of auto, ${BACKEND_NAMES.join(", ")}`);
  }
  return chosen as BackendName | "auto";
}

class BackendLoadError extends Error {
  constructor(readonly backend: BackendName, readonly file: string, cause: unknown) {
    super(`${backend} (${file}): ${reason(cause)}`, { cause });
    this.name = "BackendLoadError";
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Loads a backend and proves it works by calling `version()`, and that it was built from the same
 * schemas and tolerances as this facade (messages cross as global indices over every protocol and
 * tolerances as bits, so a stale build, or one without a protocol, would validate against the wrong message); a throw becomes a BackendLoadError.
 */
function tryLoad(candidate: BackendCandidate): Backend {
  let file = "?";
  try {
    file = candidate.file;
    const backend = candidate.load();
    const version = backend.version();
    if (typeof version !== "string" || version === "") throw new Error(`version() returned ${JSON.stringify(version)}`);
    const names = backend.messageNames();
    if (names.length !== ALL_MESSAGE_NAMES.length || names.some((name, i) => name !== ALL_MESSAGE_NAMES[i])) {
      throw new Error(`it was built from other schemas (${names.length} messages, this facade has ${ALL_MESSAGE_NAMES.length} in ${PROTOCOLS.join(", ")}): rebuild it`);
    }
    // Tolerances cross as bits: a build with other names or another order would tolerate the wrong things.
    const tolerances = backend.toleranceNames();
    if (tolerances.length !== TOLERANCES.length || tolerances.some((name, i) => name !== TOLERANCES[i])) {
      throw new Error(`it was built with other tolerances (${tolerances.join(", ") || "none"}; this facade has ${TOLERANCES.join(", ")}): rebuild it`);
    }
    return backend;
  } catch (error) {
    throw new BackendLoadError(candidate.name, file, error);
  }
}

/**
 * `auto` tries the candidates in order (fastest first) and returns the first that works, with
 * every one it skipped and why. When none works, the thrown error lists every failure, and
 * `cause` is an AggregateError of all of them, so the reason native failed is not hidden behind
 * the reason js failed. A backend asked for by name is that one or an error with its reason.
 */
export function loadBackend(requested: BackendName | "auto", candidates: readonly BackendCandidate[]): LoadedBackend {
  if (requested !== "auto") {
    const candidate = candidates.find((c) => c.name === requested);
    if (!candidate) throw new Error(`ocpp-validate: the ${requested} backend is not available in this build`);
    try {
      return { backend: tryLoad(candidate), fallbacks: Object.freeze([]) };
    } catch (error) {
      const failure = error as BackendLoadError;
      throw new Error(`ocpp-validate: the ${requested} backend could not be loaded from ${failure.file}: ${reason(failure.cause)}`, {
        cause: failure.cause,
      });
    }
  }
  const failures: BackendLoadError[] = [];
  for (const candidate of candidates) {
    let backend: Backend;
    try {
      backend = tryLoad(candidate);
    } catch (error) {
      failures.push(error as BackendLoadError);
      continue;
    }
    const fallbacks = failures.map((f): BackendFallback => Object.freeze({ backend: f.backend, file: f.file, reason: reason(f.cause), error: f.cause, usedInstead: backend.name }));
    return { backend, fallbacks: Object.freeze(fallbacks) };
  }
  throw new Error(`ocpp-validate: no backend could be loaded:\n${failures.map((f) => `  - ${f.message}`).join("\n")}`, {
    cause: new AggregateError(failures, "every ocpp-validate backend failed to load"),
  });
}

/** The one stderr line OCPP_VALIDATE_DEBUG prints for a fallback. */
export function fallbackLine(f: BackendFallback): string {
  return `ocpp-validate: auto skipped the ${f.backend} backend (${f.file}): ${f.reason.replace(/\s*\n\s*/g, " ")}; using ${f.usedInstead}`;
}

export function debugEnabled(value: string | undefined): boolean {
  return value !== undefined && value !== "" && value !== "0" && value.toLowerCase() !== "false";
}

/** OCPP_VALIDATE_DEBUG: one console.warn (stderr on Node) line per fallback; called once per load. */
export function logFallbacks(fallbacks: readonly BackendFallback[], debug: string | undefined, log: (line: string) => void = console.warn): void {
  if (!debugEnabled(debug)) return;
  for (const f of fallbacks) log(fallbackLine(f));
}

/** Puts `fallbacks` on a validator and calls `onFallback` for each of them. */
export function withFallbacks<V extends object>(validator: V, fallbacks: readonly BackendFallback[], options: FallbackOptions | undefined): V & FallbackReport {
  Object.defineProperty(validator, "fallbacks", { value: fallbacks, enumerable: true });
  const onFallback = options?.onFallback;
  if (onFallback !== undefined) {
    if (typeof onFallback !== "function") throw new TypeError(`ocpp-validate: onFallback must be a function, got ${typeof onFallback}`);
    for (const f of fallbacks) onFallback(f);
  }
  return validator as V & FallbackReport;
}
