#!/usr/bin/env bash
# Long differential run of every backend against the ajv reference: the CI suite with millions
# of fast-check cases instead of tens of thousands. Usage: scripts/fuzz-differential.sh [runs] [backends]
#   e.g. scripts/fuzz-differential.sh 1000000 native,wasm     (default: 1000000, all three)
# Needs: the repo built (npm test or scripts/build.sh from the root). Prints vitest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
backends=${2:-native,wasm,js}
echo "differential: $runs cases per property, backends $backends (seed printed on failure; replay with fast-check's seed/path)"
FC_RUNS=$runs OCPP_TEST_BACKENDS=$backends exec pnpm exec vitest run test/backends.test.ts --testTimeout=0
