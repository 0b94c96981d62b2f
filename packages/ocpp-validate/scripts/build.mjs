#!/usr/bin/env node
// Builds the facade: generates the js backend (types from the schemas, then typia, then the strict
// rewrite of typia's output) and compiles src/ to dist/ with tsc. Needs: pnpm install done; the
// native and wasm packages built for their type declarations (scripts/build.sh does all of it in order).
// `--js-only`: only generate the js backend (what its tests need), no tsc.
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadProtocols, typiaObjectChecks } from "./gen-js-types.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
const bin = (name) => join(root, "node_modules", ".bin", name);

run(process.execPath, ["scripts/gen-js-types.mjs"]);
const typiaStart = performance.now();
run(bin("typia"), ["generate", "--input", "src/js/typia-input", "--output", "src/js/generated", "--project", "tsconfig.json"]);
// typia runs in every CI build: its time is printed so that a slowdown is seen (about 5 s for the 365 messages' two validator sets, 3.3 s when it was 1.6's 56)
console.log(`build: typia generate took ${((performance.now() - typiaStart) / 1000).toFixed(1)} s`);
acceptNoUndefinedExtras(join(root, "src", "js", "generated", "equals.ts"), typiaObjectChecks(loadProtocols()));
if (process.argv.includes("--js-only")) process.exit(0);
rmSync(join(root, "dist"), { recursive: true, force: true });
run(bin("tsc"), ["-p", "tsconfig.json"]);
// The bin must be executable when run directly (package managers' shims do not need it).
chmodSync(join(root, "dist", "cli.js"), 0o755);

/**
 * typia's `equals` lets an unknown key through when its value is `undefined`; ajv's
 * additionalProperties (a `for…in` over the keys) rejects it. JSON.parse never produces such a key,
 * but an object handed to `isValid` directly can hold one, so the generated check is made strict.
 */
function acceptNoUndefinedExtras(file, expected) {
  const code = readFileSync(file, "utf8");
  const tolerance = /\n[ \t]*const value = input\[key\];\n[ \t]*if \(undefined === value\)\n[ \t]*return true;/g;
  const found = code.match(tolerance)?.length ?? 0;
  // one per object type of each message (computed from the schemas): anything else means typia changed its output
  if (found !== expected) throw new Error(`${file}: expected typia's undefined-tolerant unknown-key check ${expected} times, found it ${found} times`);
  const strict = code.replace(tolerance, "");
  if (/undefined === value/.test(strict)) throw new Error(`${file}: typia's output still tolerates undefined somewhere after the rewrite`);
  writeFileSync(file, strict);
}
