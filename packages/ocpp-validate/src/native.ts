import { readFileSync } from "node:fs";
import { PLAIN_OFFSETS, plainFrameResult, type Backend, type BackendResult, type MessageIndex, type ToleranceMask } from "./backend.js";
import type { Protocol } from "./protocols.generated.js";
import type { FrameValidationResult, JsonInput } from "./types.js";

/** What the addon's validate functions return (the core's Report): the facade's shape, with looser string types. */
interface NativeResult {
  valid: boolean;
  errors: { instancePath: string; keyword: string; message: string; ocppErrorCode: string }[];
  tolerated: { instancePath: string; keyword: string; message: string; ocppErrorCode: string; tolerance: string }[];
  warnings: { instancePath: string; warning: string; message: string }[];
}

/**
 * What the napi-rs addon (`@ocpp-validate/native-<triple>`) exports. `message`: a global index into
 * messageNames() (every protocol's messages); `tolerate`: a mask, bit `1 << i` = toleranceNames()[i], 0 = strict.
 */
export interface NativeBinding {
  version(): string;
  messageNames(): string[];
  toleranceNames(): string[];
  /** The strict verdict: the hot path, with no tolerance argument to convert. */
  isValidBytes(input: Uint8Array, message: MessageIndex): boolean;
  isValidString(input: string, message: MessageIndex): boolean;
  isValidTolerantBytes(input: Uint8Array, message: MessageIndex, tolerate: ToleranceMask): boolean;
  isValidTolerantString(input: string, message: MessageIndex, tolerate: ToleranceMask): boolean;
  /** null: valid with nothing tolerated and no warning (an object of empty arrays costs more to cross than the check). */
  validateBytes(input: Uint8Array, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): NativeResult | null;
  validateString(input: string, message: MessageIndex, allErrors: boolean, tolerate: ToleranceMask): NativeResult | null;
  isValidBatch(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Uint8Array;
  /** Copies the inputs before it returns, validates on libuv's threads (all cores for a large batch). */
  isValidBatchAsync(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Promise<Uint8Array>;
  /**
   * A frame's result: the shape of FrameValidationResult with looser string types (payloadRange in
   * bytes), or null for a frame valid with nothing to report, whose kind index (into
   * frameKindNames()) and offsets are then in `offsets` (the core's Frame::plain_offsets): uniqueId
   * start/end, the action's index in frameActionNames(protocol) plus one (0: none), payload
   * start/end, each offset indexing the input.
   * responseTo -1: no pending call known; `protocol`: index in PROTOCOLS.
   */
  validateFrameBytesPlain(input: Uint8Array, offsets: Uint32Array, allErrors: boolean, responseTo: MessageIndex, tolerate: ToleranceMask, protocol: number): NativeFrame | null;
  validateFrameStringPlain(input: string, offsets: Uint32Array, allErrors: boolean, responseTo: MessageIndex, tolerate: ToleranceMask, protocol: number): NativeFrame | null;
  frameKindNames(): string[];
  frameActionNames(protocol: number): string[];
  noopBytes(input: Uint8Array): boolean;
  noopString(input: string): boolean;
}

type NativeFrame = NativeResult & {
  kind: string;
  uniqueId: string | null;
  action: string | null;
  payloadRange: number[] | null;
  callError: { errorCode: string; errorDescription: string; frame: string } | null;
};

// Strings and bytes have separate entry points so the addon never has to inspect the JS type.
export function nativeBackend(binding: NativeBinding): Backend {
  if (typeof binding.validateFrameBytesPlain !== "function") throw new Error("this addon predates validateFrameBytesPlain: install the @ocpp-validate/native package of this facade's version");
  const offsets = new Uint32Array(PLAIN_OFFSETS);
  const kinds = binding.frameKindNames();
  const actionNames: string[][] = [];
  return {
    name: "native",
    version: () => binding.version(),
    messageNames: () => binding.messageNames(),
    toleranceNames: () => binding.toleranceNames(),
    isValid: (input, message, tolerate) =>
      tolerate === 0
        ? typeof input === "string"
          ? binding.isValidString(input, message)
          : binding.isValidBytes(input, message)
        : typeof input === "string"
          ? binding.isValidTolerantString(input, message, tolerate)
          : binding.isValidTolerantBytes(input, message, tolerate),
    // The addon returns the result's exact shape (the core guarantees codes and names); only the string types are narrower here.
    validate: (input, message, allErrors, tolerate) =>
      ((typeof input === "string"
        ? binding.validateString(input, message, allErrors, tolerate)
        : binding.validateBytes(input, message, allErrors, tolerate)) ?? { valid: true, errors: [], tolerated: [], warnings: [] }) as unknown as BackendResult,
    isValidBatch: (inputs, message, tolerate) => binding.isValidBatch(inputs, message, tolerate),
    // An addon built before the async batch had none: a synchronous answer in a microtask keeps the contract.
    isValidBatchAsync: (inputs, message, tolerate) =>
      typeof binding.isValidBatchAsync === "function"
        ? binding.isValidBatchAsync(inputs, message, tolerate)
        : Promise.resolve().then(() => binding.isValidBatch(inputs, message, tolerate)),
    validateFrame(input, allErrors, responseTo, tolerate, protocol) {
      const full =
        typeof input === "string"
          ? binding.validateFrameStringPlain(input, offsets, allErrors, responseTo, tolerate, protocol)
          : binding.validateFrameBytesPlain(input, offsets, allErrors, responseTo, tolerate, protocol);
      if (full) return full as unknown as FrameValidationResult<Protocol>;
      return plainFrameResult(offsets, textAt(input, offsets[1]!, offsets[2]!), kinds, (actionNames[protocol] ??= binding.frameActionNames(protocol)));
    },
    noop: (input) => (typeof input === "string" ? binding.noopString(input) : binding.noopBytes(input)),
  };
}

/** Node's own one-byte-per-character decoder; it takes any Uint8Array, not only a Buffer. */
const latin1Slice = (Buffer.prototype as unknown as { latin1Slice(this: Uint8Array, start: number, end: number): string }).latin1Slice;

/** Offsets of plain frames fall where every byte before them is ASCII: one character per byte. */
function textAt(input: JsonInput, start: number, end: number): string {
  return typeof input === "string" ? input.slice(start, end) : latin1Slice.call(input, start, end);
}

// ---------------------------------------------------------------------------------------------
// Finding the addon. napi-rs's layout: one package per platform triple, `@ocpp-validate/native-<triple>`,
// whose main is `ocpp-validate.<triple>.node`; the facade lists them as optionalDependencies and the
// package manager installs the one whose os/cpu/libc match. This loader (not napi-rs's generated
// index.js, whose error hides the real one) picks the triple and reports each attempt's own error.
// ---------------------------------------------------------------------------------------------

export const NATIVE_PACKAGE_PREFIX = "@ocpp-validate/native-";
/** `napi.binaryName` in packages/native/package.json. */
export const NATIVE_BINARY_NAME = "ocpp-validate";
/** Load this `.node` file instead of the platform package (a local build, a test); nothing else is tried. */
export const NATIVE_PATH_ENV = "OCPP_VALIDATE_NATIVE_PATH";
/** The triples built and published with this version. The loader knows every other napi-rs triple's name. */
export const BUILT_TRIPLES: readonly string[] = ["linux-x64-gnu"];

/**
 * napi-rs's name for a platform (`process.platform`, `process.arch`, glibc or musl on Linux), as its
 * generated loader computes it. Undefined where napi-rs has no target.
 */
export function nativeTriple(platform: string, arch: string, isMusl: () => boolean): string | undefined {
  switch (platform) {
    case "darwin":
      return arch === "x64" || arch === "arm64" ? `darwin-${arch}` : undefined;
    case "win32":
      return arch === "x64" || arch === "arm64" || arch === "ia32" ? `win32-${arch}-msvc` : undefined;
    case "freebsd":
      return arch === "x64" || arch === "arm64" ? `freebsd-${arch}` : undefined;
    case "android":
      return arch === "arm64" ? "android-arm64" : arch === "arm" ? "android-arm-eabi" : undefined;
    case "linux":
      switch (arch) {
        case "x64":
        case "arm64":
        case "riscv64":
        case "loong64":
          return `linux-${arch}-${isMusl() ? "musl" : "gnu"}`;
        case "arm":
          return `linux-arm-${isMusl() ? "musleabihf" : "gnueabihf"}`;
        case "ppc64":
        case "s390x":
          return isMusl() ? undefined : `linux-${arch}-gnu`;
        default:
          return undefined;
      }
    default:
      return undefined;
  }
}

/**
 * musl or glibc, decided as napi-rs decides it: the text of /usr/bin/ldd, else the process report
 * (a glibc process reports `glibcVersionRuntime`; a musl one has loaded `ld-musl-*`).
 */
export function detectMusl(readText: (file: string) => string = (file) => readFileSync(file, "utf8")): boolean {
  try {
    return readText("/usr/bin/ldd").includes("musl");
  } catch {
    // no readable ldd: ask the process report
  }
  try {
    // as napi-rs does: without it the report can wait on network interface lookups
    if (process.report) (process.report as { excludeNetwork?: boolean }).excludeNetwork = true;
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string }; sharedObjects?: unknown } | undefined;
    if (!report || report.header?.glibcVersionRuntime) return false;
    return Array.isArray(report.sharedObjects) && report.sharedObjects.some((f) => typeof f === "string" && (f.includes("libc.musl-") || f.includes("ld-musl-")));
  } catch {
    return false;
  }
}

export interface NativeLoadOptions {
  /** Resolves from the facade's own location (`createRequire(import.meta.url)`). */
  require: (id: string) => unknown;
  platform?: string;
  arch?: string;
  isMusl?: () => boolean;
  /** Where OCPP_VALIDATE_NATIVE_PATH is read from (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** One place the addon may be loaded from: a package specifier or, from the environment, a file. */
export interface NativeSource {
  id: string;
  /** For an error message: why this source does not exist at all (an unsupported platform). */
  unavailable?: string;
}

/** Where the addon is looked for, in order. */
export function nativeSources(options: Omit<NativeLoadOptions, "require"> = {}): NativeSource[] {
  const explicit = (options.env ?? process.env)[NATIVE_PATH_ENV];
  if (explicit) return [{ id: explicit }];
  const platform = options.platform ?? process.platform;
  const arch = options.arch ?? process.arch;
  const triple = nativeTriple(platform, arch, options.isMusl ?? detectMusl);
  if (!triple) {
    return [{ id: `${NATIVE_PACKAGE_PREFIX}${platform}-${arch}`, unavailable: `napi-rs has no target for ${platform}-${arch}` }];
  }
  const sources: NativeSource[] = [{ id: NATIVE_PACKAGE_PREFIX + triple }];
  // napi-rs's fallback on macOS: one fat binary for both architectures.
  if (platform === "darwin") sources.push({ id: `${NATIVE_PACKAGE_PREFIX}darwin-universal` });
  return sources;
}

/** What the native candidate names in error messages: the source(s) it tries. */
export function nativeFile(options: Omit<NativeLoadOptions, "require"> = {}): string {
  return nativeSources(options).map((s) => s.id).join(" or ");
}

/**
 * Requires the addon from the first source that loads. When none does, the error says, per
 * source, the reason `require` gave (a corrupt `.node` says so: "invalid ELF header", a missing
 * package that it is not installed), and `cause` holds the original errors.
 */
export function loadNativeBinding(options: NativeLoadOptions): NativeBinding {
  const failures: { id: string; reason: string; error: unknown }[] = [];
  for (const source of nativeSources(options)) {
    if (source.unavailable) {
      failures.push({ id: source.id, reason: `${source.unavailable}; this version is built for ${BUILT_TRIPLES.join(", ")} (set ${NATIVE_PATH_ENV} to a .node built for this platform)`, error: undefined });
      continue;
    }
    try {
      return options.require(source.id) as NativeBinding;
    } catch (error) {
      failures.push({ id: source.id, reason: requireFailure(source.id, error), error });
    }
  }
  const reason = failures.length === 1 ? failures[0]!.reason : failures.map((f) => `${f.id}: ${f.reason}`).join("; ");
  throw new Error(reason, { cause: failures.length === 1 ? failures[0]!.error : new AggregateError(failures.map((f) => f.error), reason) });
}

/** The first line of a require error (without Node's "Require stack"), or what a missing package means. */
function requireFailure(id: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split("\nRequire stack:")[0]!.trim();
  if (code === "MODULE_NOT_FOUND" && first.startsWith(`Cannot find module '${id}'`)) {
    const triple = id.startsWith(NATIVE_PACKAGE_PREFIX) ? id.slice(NATIVE_PACKAGE_PREFIX.length) : undefined;
    if (triple && !BUILT_TRIPLES.includes(triple)) return `no native addon is built for ${triple} yet (built: ${BUILT_TRIPLES.join(", ")})`;
    if (triple) return `the package ${id} is not installed (an optional dependency of ocpp-validate: omitted with --omit=optional or --no-optional, or installed for another platform?)`;
  }
  return first;
}
