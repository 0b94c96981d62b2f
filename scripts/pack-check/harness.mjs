// Each check prints one line, "ok <name>" or "FAIL <name>: <why>"; pack-check.sh counts them.
// A script that dies before its checks ran is a failure too (pack-check.sh sees the exit code).
import { isDeepStrictEqual, inspect } from "node:util";

let failed = 0;

export async function check(name, fn) {
  try {
    const detail = await fn();
    console.log(`ok ${name}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${(error?.stack ?? String(error)).split("\n").slice(0, 6).join("\n    ")}`);
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function assertEqual(actual, expected, what = "value") {
  if (!isDeepStrictEqual(actual, expected)) {
    throw new Error(`${what}: expected ${inspect(expected, { depth: 6, breakLength: 160 })}, got ${inspect(actual, { depth: 6, breakLength: 160 })}`);
  }
}

process.on("beforeExit", () => {
  process.exitCode = failed ? 1 : (process.exitCode ?? 0);
});
