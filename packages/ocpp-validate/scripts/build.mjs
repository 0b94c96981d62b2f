#!/usr/bin/env node
// Builds the facade: generates the js backend (types from the schema, then typia) and compiles
// src/ to dist/ with tsc. Needs: pnpm install done; the native and wasm packages built for
// their type declarations (scripts/build.sh does all of it in order).
import { execFileSync } from "node:child_process";
import { chmodSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: "inherit" });
const bin = (name) => join(root, "node_modules", ".bin", name);

run(process.execPath, ["scripts/gen-js-types.mjs"]);
run(bin("typia"), ["generate", "--input", "src/js/typia-input", "--output", "src/js/generated", "--project", "tsconfig.json"]);
rmSync(join(root, "dist"), { recursive: true, force: true });
run(bin("tsc"), ["-p", "tsconfig.json"]);
// The bin must be executable when run directly (package managers' shims do not need it).
chmodSync(join(root, "dist", "cli.js"), 0o755);
