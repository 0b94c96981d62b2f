// The loader is given fake candidates (and the native loader a fake `require`), so every failure
// mode is exercised without breaking a real backend; what needs a really broken addon runs in a
// child process with OCPP_VALIDATE_NATIVE_PATH pointing at a corrupt file.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as nodeEntry from "ocpp-validate";
import { createValidator, init, MESSAGE_NAMES, TOLERANCES } from "ocpp-validate";
import {
  ALL_MESSAGE_NAMES,
  detectMusl,
  fallbackLine,
  loadBackend,
  loadNativeBinding,
  logFallbacks,
  nativeSources,
  nativeTriple,
  nodeCandidates,
  requestedBackend,
  type Backend,
  type BackendCandidate,
} from "ocpp-validate/internal";

const working = (name: Backend["name"]): Backend => ({
  name,
  version: () => "1.0.0",
  messageNames: () => ALL_MESSAGE_NAMES,
  toleranceNames: () => TOLERANCES,
  isValid: () => true,
  validate: () => ({ valid: true, errors: [], tolerated: [], warnings: [] }),
  isValidBatch: (inputs) => new Uint8Array(inputs.length).fill(1),
  validateFrame: () => {
    throw new Error("not used by the loader");
  },
});
const failing = (name: Backend["name"], message: string): BackendCandidate => ({
  name,
  file: `${name}-file.node`,
  load: () => {
    throw new Error(message);
  },
});
const ok = (name: Backend["name"]): BackendCandidate => ({ name, file: `${name}-file`, load: () => working(name) });

describe("loadBackend", () => {
  it("auto takes the first candidate that loads", () => {
    expect(loadBackend("auto", [failing("native", "no addon"), ok("wasm"), ok("js")]).backend.name).toBe("wasm");
    expect(loadBackend("auto", [ok("native"), ok("wasm")]).backend.name).toBe("native");
  });

  it("auto with nothing working lists every failure, and keeps each one in cause", () => {
    let thrown: Error | undefined;
    try {
      loadBackend("auto", [failing("native", "addon missing"), failing("wasm", "no WebAssembly"), failing("js", "broken")]);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toMatch(/native \(native-file.node\): addon missing/);
    expect(thrown?.message).toMatch(/wasm \(wasm-file.node\): no WebAssembly/);
    expect(thrown?.message).toMatch(/js \(js-file.node\): broken/);
    const cause = thrown?.cause as AggregateError;
    expect(cause).toBeInstanceOf(AggregateError);
    expect(cause.errors.map((e: Error) => (e.cause as Error).message)).toEqual(["addon missing", "no WebAssembly", "broken"]);
  });

  it("a forced backend that cannot load throws naming the backend, the file and the reason", () => {
    expect(() => loadBackend("native", [failing("native", "libc mismatch"), ok("js")])).toThrow(
      "ocpp-validate: the native backend could not be loaded from native-file.node: libc mismatch",
    );
    try {
      loadBackend("native", [failing("native", "libc mismatch")]);
    } catch (error) {
      expect(((error as Error).cause as Error).message).toBe("libc mismatch");
    }
    expect(() => loadBackend("wasm", [ok("native")])).toThrow(/wasm backend is not available/);
  });

  it("a backend that loads but whose version() fails is not chosen", () => {
    const broken: BackendCandidate = { name: "native", file: "x.node", load: () => ({ ...working("native"), version: () => { throw new Error("symbol missing"); } }) };
    const empty: BackendCandidate = { name: "wasm", file: "y.wasm", load: () => ({ ...working("wasm"), version: () => "" }) };
    expect(loadBackend("auto", [broken, empty, ok("js")]).backend.name).toBe("js");
    expect(() => loadBackend("native", [broken])).toThrow(/symbol missing/);
  });

  it("a backend built from other schemas is not chosen: messages cross as global indices over every protocol", () => {
    const stale: BackendCandidate = { name: "native", file: "old.node", load: () => ({ ...working("native"), messageNames: () => ["StopTransaction"] }) };
    const shuffled: BackendCandidate = { name: "wasm", file: "w", load: () => ({ ...working("wasm"), messageNames: () => [...ALL_MESSAGE_NAMES].reverse() }) };
    expect(loadBackend("auto", [stale, shuffled, ok("js")]).backend.name).toBe("js");
    expect(() => loadBackend("native", [stale])).toThrow(/built from other schemas \(1 messages, this facade has 365 in ocpp1\.6, ocpp2\.0\.1, ocpp2\.1\): rebuild it/);
    // a build from before OCPP 2.x: the 1.6 messages alone, in the right order, are not enough
    const only16: BackendCandidate = { name: "native", file: "1.6.node", load: () => ({ ...working("native"), messageNames: () => MESSAGE_NAMES }) };
    expect(() => loadBackend("native", [only16])).toThrow(/built from other schemas \(56 messages, this facade has 365/);
    // the same 365 names with two protocols swapped would validate 2.0.1 indexes against 2.1 schemas
    const swapped = [...ALL_MESSAGE_NAMES.slice(0, 56), ...ALL_MESSAGE_NAMES.slice(184), ...ALL_MESSAGE_NAMES.slice(56, 184)];
    expect(swapped.length).toBe(365);
    expect(() => loadBackend("wasm", [{ name: "wasm", file: "w", load: () => ({ ...working("wasm"), messageNames: () => swapped }) }])).toThrow(/built from other schemas/);
  });
});

describe("tolerances cross as bits", () => {
  it("a backend built with other tolerance names, or in another order, is not chosen", () => {
    const older: BackendCandidate = { name: "native", file: "old.node", load: () => ({ ...working("native"), toleranceNames: () => TOLERANCES.slice(0, 4) }) };
    const swapped: BackendCandidate = {
      name: "wasm",
      file: "w",
      load: () => ({ ...working("wasm"), toleranceNames: () => [TOLERANCES[1]!, TOLERANCES[0]!, ...TOLERANCES.slice(2)] }),
    };
    const none: BackendCandidate = { name: "native", file: "none.node", load: () => ({ ...working("native"), toleranceNames: () => [] }) };
    const loaded = loadBackend("auto", [older, swapped, ok("js")]);
    expect(loaded.backend.name).toBe("js");
    expect(loaded.fallbacks.map((f) => f.reason)).toEqual([
      "it was built with other tolerances (errata, offsetlessTimestamps, fractionalIntegers, overlongStrings; this facade has errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties): rebuild it",
      "it was built with other tolerances (offsetlessTimestamps, errata, fractionalIntegers, overlongStrings, unknownProperties; this facade has errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties): rebuild it",
    ]);
    expect(() => loadBackend("native", [none])).toThrow(/built with other tolerances \(none; this facade has errata/);
  });

  it("every real backend names the facade's tolerances in the facade's order", () => {
    for (const backend of ["native", "wasm", "js"] as const) {
      expect(loadBackend(backend, nodeCandidates).backend.toleranceNames(), backend).toEqual(TOLERANCES);
    }
    expect(TOLERANCES).toEqual(["errata", "offsetlessTimestamps", "fractionalIntegers", "overlongStrings", "unknownProperties"]);
    expect(Object.isFrozen(TOLERANCES)).toBe(true);
  });
});

describe("a fallback is never silent", () => {
  it("auto records every backend it skipped, with the file, the underlying reason and what it used instead", () => {
    const dlopen = Object.assign(new Error("/x/ocpp-validate.linux-x64-gnu.node: invalid ELF header"), { code: "ERR_DLOPEN_FAILED" });
    const native: BackendCandidate = { name: "native", file: "@ocpp-validate/native-linux-x64-gnu", load: () => { throw dlopen; } };
    const { backend, fallbacks } = loadBackend("auto", [native, failing("wasm", "no WebAssembly"), ok("js")]);
    expect(backend.name).toBe("js");
    expect(fallbacks).toEqual([
      { backend: "native", file: "@ocpp-validate/native-linux-x64-gnu", reason: dlopen.message, error: dlopen, usedInstead: "js" },
      { backend: "wasm", file: "wasm-file.node", reason: "no WebAssembly", error: expect.any(Error), usedInstead: "js" },
    ]);
    expect(Object.isFrozen(fallbacks)).toBe(true);
    expect(loadBackend("auto", [ok("native"), ok("wasm")]).fallbacks).toEqual([]);
    // a backend asked for by name either loads or throws: nothing is skipped
    expect(loadBackend("wasm", [failing("native", "x"), ok("wasm")]).fallbacks).toEqual([]);
  });

  it("OCPP_VALIDATE_DEBUG logs one line per fallback; unset, empty, 0 or false log nothing", () => {
    const fallbacks = loadBackend("auto", [failing("native", "addon missing\nsecond line"), ok("wasm")]).fallbacks;
    const lines: string[] = [];
    logFallbacks(fallbacks, "1", (line) => lines.push(line));
    expect(lines).toEqual(["ocpp-validate: auto skipped the native backend (native-file.node): addon missing second line; using wasm"]);
    expect(fallbackLine(fallbacks[0]!)).toBe(lines[0]);
    for (const quiet of [undefined, "", "0", "false"]) logFallbacks(fallbacks, quiet, (line) => lines.push(line));
    expect(lines).toHaveLength(1);
  });

  it("createValidator: a corrupt addon makes auto use wasm, in v.fallbacks, onFallback and one stderr line (child process)", () => {
    const dir = mkdtempSync(join(tmpdir(), "ocpp-validate-loader-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const corrupt = join(dir, "ocpp-validate.linux-x64-gnu.node");
    writeFileSync(corrupt, "this is not an ELF file\n".repeat(20));
    const script = `
      import { createValidator } from "ocpp-validate";
      const seen = [];
      const v = createValidator({ onFallback: (f) => seen.push(f) });
      const again = createValidator({ message: "Heartbeat" });
      let forced;
      try { createValidator({ backend: "native" }); } catch (error) { forced = error.message; }
      console.log(JSON.stringify({ backend: v.backend, fallbacks: v.fallbacks.map(({ error, ...f }) => f), seen: seen.map((f) => f.backend), again: again.fallbacks.length, forced }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: fileURLToPath(new URL("..", import.meta.url)),
      encoding: "utf8",
      env: { ...process.env, OCPP_VALIDATE_NATIVE_PATH: corrupt, OCPP_VALIDATE_DEBUG: "1", OCPP_VALIDATE_BACKEND: "" },
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.backend).toBe("wasm");
    expect(out.fallbacks).toEqual([{ backend: "native", file: corrupt, reason: `${corrupt}: invalid ELF header`, usedInstead: "wasm" }]);
    expect(out.seen).toEqual(["native"]);
    expect(out.again).toBe(1);
    // forcing it says what really went wrong, not napi-rs's generic "npm has a bug" text
    expect(out.forced).toBe(`ocpp-validate: the native backend could not be loaded from ${corrupt}: ${corrupt}: invalid ELF header`);
    expect(out.forced).not.toMatch(/npm has a bug/);
    // once per process, not once per validator
    expect(r.stderr.trim().split("\n")).toEqual([`ocpp-validate: auto skipped the native backend (${corrupt}): ${corrupt}: invalid ELF header; using wasm`]);
  });

  it("onFallback must be a function", () => {
    expect(() => createValidator({ onFallback: 5 as never })).toThrow(TypeError);
  });
});

describe("the native loader", () => {
  const notFound = (id: string) => Object.assign(new Error(`Cannot find module '${id}'\nRequire stack:\n- /somewhere/dist/node-candidates.js`), { code: "MODULE_NOT_FOUND" });
  const glibc = () => false;
  const musl = () => true;

  it("names the platform package as napi-rs does", () => {
    expect(nativeTriple("linux", "x64", glibc)).toBe("linux-x64-gnu");
    expect(nativeTriple("linux", "x64", musl)).toBe("linux-x64-musl");
    expect(nativeTriple("linux", "arm64", musl)).toBe("linux-arm64-musl");
    expect(nativeTriple("linux", "arm", glibc)).toBe("linux-arm-gnueabihf");
    expect(nativeTriple("darwin", "arm64", glibc)).toBe("darwin-arm64");
    expect(nativeTriple("win32", "x64", glibc)).toBe("win32-x64-msvc");
    expect(nativeTriple("sunos", "x64", glibc)).toBeUndefined();
    expect(nativeSources({ platform: "linux", arch: "x64", isMusl: glibc, env: {} })).toEqual([{ id: "@ocpp-validate/native-linux-x64-gnu" }]);
    expect(nativeSources({ platform: "darwin", arch: "x64", env: {} }).map((s) => s.id)).toEqual(["@ocpp-validate/native-darwin-x64", "@ocpp-validate/native-darwin-universal"]);
    // an explicit file is the only thing tried
    expect(nativeSources({ platform: "linux", arch: "x64", env: { OCPP_VALIDATE_NATIVE_PATH: "/tmp/x.node" } })).toEqual([{ id: "/tmp/x.node" }]);
  });

  it("glibc or musl from /usr/bin/ldd", () => {
    expect(detectMusl(() => "#! /bin/sh\n# musl libc (x86_64)\n")).toBe(true);
    expect(detectMusl(() => "#! /bin/bash\n# GNU C Library\n")).toBe(false);
    expect(typeof detectMusl(() => { throw new Error("ENOENT"); })).toBe("boolean");
  });

  it("loads the platform package for this process and returns the addon", () => {
    const addon = { version: () => "1" };
    const asked: string[] = [];
    const binding = loadNativeBinding({ require: (id) => (asked.push(id), addon), platform: "linux", arch: "x64", isMusl: glibc, env: {} });
    expect(binding).toBe(addon);
    expect(asked).toEqual(["@ocpp-validate/native-linux-x64-gnu"]);
  });

  it("each failure keeps require's own reason", () => {
    const load = (error: (id: string) => Error, platform = "linux", arch = "x64", isMusl = glibc) => {
      try {
        loadNativeBinding({ require: (id) => { throw error(id); }, platform, arch, isMusl, env: {} });
      } catch (e) {
        return e as Error;
      }
      throw new Error("loaded");
    };
    const corrupt = load(() => Object.assign(new Error("/n/ocpp-validate.linux-x64-gnu.node: invalid ELF header"), { code: "ERR_DLOPEN_FAILED" }));
    expect(corrupt.message).toBe("/n/ocpp-validate.linux-x64-gnu.node: invalid ELF header");
    expect((corrupt.cause as Error).message).toMatch(/invalid ELF header/);
    expect(load(notFound).message).toBe(
      "the package @ocpp-validate/native-linux-x64-gnu is not installed (an optional dependency of ocpp-validate: omitted with --omit=optional or --no-optional, or installed for another platform?)",
    );
    expect(load(notFound, "linux", "x64", musl).message).toBe("no native addon is built for linux-x64-musl yet (built: linux-x64-gnu)");
    expect(load(notFound, "darwin", "arm64").message).toBe(
      "@ocpp-validate/native-darwin-arm64: no native addon is built for darwin-arm64 yet (built: linux-x64-gnu); @ocpp-validate/native-darwin-universal: no native addon is built for darwin-universal yet (built: linux-x64-gnu)",
    );
    expect(load(notFound, "sunos", "x64").message).toMatch(/^napi-rs has no target for sunos-x64; this version is built for linux-x64-gnu/);
    // a missing file inside an installed package is not "not installed"
    const inside = load(() => Object.assign(new Error("Cannot find module '/n/ocpp-validate.linux-x64-gnu.node'"), { code: "MODULE_NOT_FOUND" }));
    expect(inside.message).toBe("Cannot find module '/n/ocpp-validate.linux-x64-gnu.node'");
  });
});

describe("the Node and the browser entry", () => {
  it("export the same names", async () => {
    const browserEntry = await import("../dist/browser.js");
    expect(Object.keys(browserEntry).sort()).toEqual(Object.keys(nodeEntry).sort());
    expect(Object.keys(nodeEntry)).toContain("init");
    for (const internal of ["loadBackend", "requestedBackend", "nodeCandidates", "ENV_OVERRIDE", "createValidatorFor"]) expect(Object.keys(nodeEntry)).not.toContain(internal);
  });

  it("init() on Node resolves at once, however it is called", async () => {
    const settled = await Promise.race([init().then(() => "resolved"), new Promise((resolve) => setTimeout(() => resolve("pending"), 50))]);
    expect(settled).toBe("resolved");
    await expect(init(new Uint8Array(0))).resolves.toBeUndefined();
  });

  it("the browser entry's auto says why it is on js before init() and after a failed one", async () => {
    const browserEntry = await import("../dist/browser.js");
    const seen: string[] = [];
    const before = browserEntry.createValidator({ onFallback: (f) => seen.push(f.reason) });
    expect(before.backend).toBe("js");
    expect(before.fallbacks).toMatchObject([{ backend: "wasm", file: "@ocpp-validate/wasm/web", usedInstead: "js" }]);
    expect(seen).toEqual(["init() was not called: await init() before createValidator()"]);
    expect(browserEntry.createValidator({ backend: "js" }).fallbacks).toEqual([]);
    expect(() => browserEntry.createValidator({ backend: "gpu" as never })).toThrow(/backend option is "gpu"/);
    await expect(browserEntry.init(new Uint8Array([0, 1, 2]))).rejects.toThrow(/wasm backend could not be initialised/);
    const after = browserEntry.createValidator();
    expect(after.backend).toBe("js");
    expect(after.fallbacks[0]?.reason).toMatch(/magic|WebAssembly|compile/i);
    expect(() => browserEntry.createValidator({ backend: "wasm" })).toThrow(/wasm backend could not be initialised/);
  });
});

describe("requestedBackend and the environment override", () => {
  it("explicit option beats the environment, which beats the default", () => {
    expect(requestedBackend(undefined, undefined)).toBe("auto");
    expect(requestedBackend(undefined, "wasm")).toBe("wasm");
    expect(requestedBackend("auto", "js")).toBe("js");
    expect(requestedBackend("native", "js")).toBe("native");
    expect(requestedBackend(undefined, "")).toBe("auto");
  });

  it("rejects unknown names", () => {
    expect(() => requestedBackend(undefined, "gpu")).toThrow(/OCPP_VALIDATE_BACKEND is "gpu"/);
    expect(() => requestedBackend("fast" as never, undefined)).toThrow(/backend option is "fast"/);
  });

  it("createValidator follows OCPP_VALIDATE_BACKEND", () => {
    const saved = process.env.OCPP_VALIDATE_BACKEND;
    try {
      process.env.OCPP_VALIDATE_BACKEND = "js";
      expect(createValidator().backend).toBe("js");
      expect(createValidator({ backend: "wasm" }).backend).toBe("wasm");
      process.env.OCPP_VALIDATE_BACKEND = "nope";
      expect(() => createValidator()).toThrow(/OCPP_VALIDATE_BACKEND/);
    } finally {
      if (saved === undefined) delete process.env.OCPP_VALIDATE_BACKEND;
      else process.env.OCPP_VALIDATE_BACKEND = saved;
    }
  });

  it("auto picks native when it is built, and skipped nothing", () => {
    const v = createValidator();
    expect(v.backend).toBe("native");
    expect(v.fallbacks).toEqual([]);
  });
});
