#!/usr/bin/env bash
# Builds everything from source: the native addon (napi-rs, release), both wasm packages, and the
# TypeScript packages (typia generation + tsc). Needs: scripts/setup.sh done.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
need pnpm "run scripts/setup.sh"
say "native addon (napi build --release → packages/native/npm/linux-x64-gnu)"
pnpm --filter @ocpp-validate/native build
bash scripts/build-napi-floor.sh   # the bench's N-API floor addon → bench/napi-floor.node
bash scripts/build-wasm.sh
say "TypeScript packages"
pnpm --filter ocpp-validate build
