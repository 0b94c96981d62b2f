// The loader is given fake candidates, so every failure mode is exercised without breaking a real
// backend.
import { describe, expect, it } from "vitest";
import { createValidator, loadBackend, MESSAGE_NAMES, requestedBackend, type Backend, type BackendCandidate } from "ocpp-validate";

const working = (name: Backend["name"]): Backend => ({
  name,
  version: () => "1.0.0",
  messageNames: () => MESSAGE_NAMES,
  isValid: () => true,
  validate: () => [],
  isValidBatch: (inputs) => new Uint8Array(inputs.length).fill(1),
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
    expect(loadBackend("auto", [failing("native", "no addon"), ok("wasm"), ok("js")]).name).toBe("wasm");
    expect(loadBackend("auto", [ok("native"), ok("wasm")]).name).toBe("native");
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
    expect(loadBackend("auto", [broken, empty, ok("js")]).name).toBe("js");
    expect(() => loadBackend("native", [broken])).toThrow(/symbol missing/);
  });

  it("a backend built from other schemas is not chosen: messages cross as indices", () => {
    const stale: BackendCandidate = { name: "native", file: "old.node", load: () => ({ ...working("native"), messageNames: () => ["StopTransaction"] }) };
    const shuffled: BackendCandidate = { name: "wasm", file: "w", load: () => ({ ...working("wasm"), messageNames: () => [...MESSAGE_NAMES].reverse() }) };
    expect(loadBackend("auto", [stale, shuffled, ok("js")]).name).toBe("js");
    expect(() => loadBackend("native", [stale])).toThrow(/built from other schemas \(1 messages, this facade has 56\): rebuild it/);
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

  it("auto picks native when it is built", () => {
    expect(createValidator().backend).toBe("native");
  });
});
