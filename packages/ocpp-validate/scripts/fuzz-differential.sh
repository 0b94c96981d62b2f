#!/usr/bin/env bash
# Long differential run of every backend against the ajv reference: the CI suite with millions
# of fast-check cases instead of tens of thousands. Usage: scripts/fuzz-differential.sh [runs] [backends]
#   e.g. scripts/fuzz-differential.sh 1000000 native,wasm     (default: 1000000, all three)
# Needs: the repo built (npm test or scripts/build.sh from the root). Prints vitest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
backends=${2:-native,wasm,js}
# One vitest process blocked in a single property for minutes trips vitest's worker RPC timeout,
# so the cases are spread over several runs of at most $chunk per property (fast-check picks a
# fresh random seed each run, so the runs explore different cases).
chunk=${FC_CHUNK:-40000}
rounds=$(( (runs + chunk - 1) / chunk ))
echo "differential: $runs cases per property in $rounds run(s), backends $backends (seed printed on failure; replay with fast-check's seed/path)"
for ((round = 1; round <= rounds; round++)); do
  n=$(( runs - (round - 1) * chunk < chunk ? runs - (round - 1) * chunk : chunk ))
  echo "── run $round/$rounds: $n cases per property"
  FC_RUNS=$n OCPP_TEST_BACKENDS=$backends pnpm exec vitest run test/backends.test.ts --testTimeout=0
done
