// The published types narrow: a strict TypeScript program against the built package compiles, and
// the mistakes the types exist to catch are compile errors.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const tsc = join(here, "..", "node_modules", ".bin", "tsc");

function compile(file: string) {
  const args = ["--noEmit", "--strict", "--module", "NodeNext", "--moduleResolution", "NodeNext", "--target", "ES2022", "--types", "node", "--skipLibCheck", join(here, "types", file)];
  const r = spawnSync(tsc, args, { encoding: "utf8", cwd: join(here, "..") });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("published types", () => {
  it("a valid result narrows the input to the message's generated type", () => {
    const r = compile("narrowing.ts");
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
  }, 600_000);

  it("a 2.x validator narrows to its protocol's types (ocpp-validate/ocpp2.0.1, /ocpp2.1), a run-time protocol to the union, 1.6 as before", () => {
    const r = compile("protocols.ts");
    expect(r.out).toBe("");
    expect(r.code).toBe(0);
  }, 600_000);

  it("unknown message and tolerance names, wrong narrowings (also after a tolerant verdict), response names as responseTo, numbers and un-narrowed frames, other protocols' names, unknown protocols and 2.1 kinds in 1.6 are compile errors", () => {
    const r = compile("wrong.ts");
    expect(r.code).not.toBe(0);
    const lines = [...r.out.matchAll(/wrong\.ts\((\d+),/g)].map((m) => Number(m[1]));
    expect([...new Set(lines)].sort((a, b) => a - b)).toEqual([5, 8, 11, 12, 14, 16, 17, 20, 24, 29, 34, 35, 37, 40, 41, 42, 43, 45]);
  }, 600_000);
});
