import type { Backend } from "./backend.js";
import { MESSAGE_NAMES } from "./messages.generated.js";
import type { BackendName } from "./types.js";

export const BACKEND_NAMES: readonly BackendName[] = ["native", "wasm", "js"];
export const ENV_OVERRIDE = "OCPP_VALIDATE_BACKEND";

/** One way to obtain a backend. Passed in (not hard-wired) so the loader itself is testable. */
export interface BackendCandidate {
  name: BackendName;
  /** What is being loaded, for error messages: a package specifier or path. */
  file: string;
  load(): Backend;
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
 * schemas as this facade (messages cross as indices, so a stale build would validate against the
 * wrong message); a throw becomes a BackendLoadError.
 */
function tryLoad(candidate: BackendCandidate): Backend {
  try {
    const backend = candidate.load();
    const version = backend.version();
    if (typeof version !== "string" || version === "") throw new Error(`version() returned ${JSON.stringify(version)}`);
    const names = backend.messageNames();
    if (names.length !== MESSAGE_NAMES.length || names.some((name, i) => name !== MESSAGE_NAMES[i])) {
      throw new Error(`it was built from other schemas (${names.length} messages, this facade has ${MESSAGE_NAMES.length}): rebuild it`);
    }
    return backend;
  } catch (error) {
    throw new BackendLoadError(candidate.name, candidate.file, error);
  }
}

/**
 * `auto` tries the candidates in order (fastest first) and returns the first that works. When
 * none does, the thrown error lists every failure, and `cause` is an AggregateError of all of
 * them, so the reason native failed is not hidden behind the reason js failed.
 */
export function loadBackend(requested: BackendName | "auto", candidates: readonly BackendCandidate[]): Backend {
  if (requested !== "auto") {
    const candidate = candidates.find((c) => c.name === requested);
    if (!candidate) throw new Error(`ocpp-validate: the ${requested} backend is not available in this build`);
    try {
      return tryLoad(candidate);
    } catch (error) {
      const failure = error as BackendLoadError;
      throw new Error(`ocpp-validate: the ${requested} backend could not be loaded from ${failure.file}: ${reason(failure.cause)}`, {
        cause: failure.cause,
      });
    }
  }
  const failures: BackendLoadError[] = [];
  for (const candidate of candidates) {
    try {
      return tryLoad(candidate);
    } catch (error) {
      failures.push(error as BackendLoadError);
    }
  }
  throw new Error(`ocpp-validate: no backend could be loaded:\n${failures.map((f) => `  - ${f.message}`).join("\n")}`, {
    cause: new AggregateError(failures, "every ocpp-validate backend failed to load"),
  });
}
