#!/usr/bin/env bash
# Runs every test from a fresh clone: setup (idempotent) → build → lint (cargo fmt --check, clippy
# -D warnings, tsc --noEmit: scripts/lint.sh) → Rust tests → vector freshness
# → the facade suite once per backend (a backend that fails to load fails its step) → CLI →
# example gateway → playground in headless Chromium → the packed tarballs in a fresh project
# (pack-check.sh) → the benchmark's quick smoke check.
# Needs: what scripts/setup.sh needs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh

step() { say "── $1"; shift; "$@"; }
step "lint: cargo fmt --check, clippy -D warnings, tsc --noEmit" bash scripts/lint.sh
step "cargo test (core)" cargo test -p ocpp-validate-core --release
step "test vectors are fresh and match the reference" pnpm --filter @ocpp-validate/test-vectors exec vitest run
for backend in native wasm js; do
  step "facade suite, backend=$backend" env OCPP_TEST_BACKENDS=$backend pnpm --filter ocpp-validate exec vitest run test/backends.test.ts
done
step "CLI: the built bin, every backend" pnpm --filter ocpp-validate exec vitest run test/cli.test.ts
step "gateway: hostile frames, 3000 connections, quick load test" pnpm --filter @ocpp-validate/gateway exec vitest run
step "loader, wasm memory reuse, js-backend (verdicts, warnings, messages), uri, published-types and ocpp-rpc adapter tests" pnpm --filter ocpp-validate exec vitest run test/loader.test.ts test/wasm-backend.test.ts test/js-backend.test.ts test/js-warnings-messages.test.ts test/uri.test.ts test/types.test.ts test/ocpp-rpc.test.ts
step "playground: text locator unit tests" pnpm --filter @ocpp-validate/playground exec vitest run
step "playground in headless Chromium (wasm, then WebAssembly disabled)" bash scripts/e2e-browser.sh
step "pack-check: the packed tarballs installed and used in a project outside the workspace" bash scripts/pack-check.sh
step "benchmark smoke check (quick mode)" pnpm --filter @ocpp-validate/bench bench:quick
say "all tests passed"
