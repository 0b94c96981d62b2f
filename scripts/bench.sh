#!/usr/bin/env bash
# The main job: setup (idempotent) → build → the full benchmark, then the chart from its JSON.
# Extra arguments go to bench/index.mjs (e.g. --filter medium). Needs: what setup.sh needs.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
bash scripts/build.sh
pnpm --filter @ocpp-validate/bench bench -- "$@"
# validateFrame, a gateway's call per inbound message, beside JSON.parse + ajv (results/frames.json, untracked).
pnpm --filter @ocpp-validate/bench frames
# Issue 14's scaling from 1 core to all on a generated 100 MB log (results/scaling.json, untracked).
pnpm --filter @ocpp-validate/bench scaling
