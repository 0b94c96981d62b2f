#!/usr/bin/env bash
# `npm test` on a deliberately slow, busy machine, from a fresh clone: proves that no test depends
# on the machine's speed. Clones this repository's HEAD (committed work only) into a temp dir, runs
# the whole `npm test` pinned to one core, keeps the other core busy with a shell loop and, by
# default, a second loop on the test's own core too, so every test process gets about half a core
# (with only the other core busy, the tests ran about as fast as on an idle machine: one core is
# all vitest uses). Prints how long it took. Exit status: npm test's.
#   scripts/test-slow-machine.sh [--keep]    --keep leaves the clone (and its build) for inspection
# Env: SLOW_TEST_CORE (default 0) runs npm test there; SLOW_BUSY_CORES (default "0 1"): one busy
#      loop pinned to each core listed (SLOW_BUSY_CORES=1: the other core only).
# Needs: git, taskset (util-linux), two cores or more, and what scripts/setup.sh needs. The clone
# gets its own node_modules, target/ and build outputs (CARGO_TARGET_DIR is ignored), so every
# crate is compiled again on one core: expect 10-20 minutes. Tools setup.sh installs system-wide
# (pnpm, wasm-pack, wasm-bindgen, the wasm32 std, chromium) are reused when present.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need git "install git"
need taskset "install util-linux"
keep=false
[ "${1:-}" = "--keep" ] && keep=true
test_core=${SLOW_TEST_CORE:-0}
busy_cores=${SLOW_BUSY_CORES:-0 1}
[ "$(nproc --all)" -ge 2 ] || die "needs two cores: one for the test, one kept busy"

head=$(git -C "$ROOT" rev-parse HEAD)
[ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no)" ] \
  || say "note: uncommitted changes are not in the clone; testing $(git -C "$ROOT" log -1 --format='%h %s' "$head")"
dir=$(mktemp -d "${TMPDIR:-/tmp}/ocpp-validate-slow.XXXXXX")
busy=()
cleanup() {
  for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done
  if $keep; then say "clone kept: $dir"; else rm -rf "$dir"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "cloning $(git -C "$ROOT" log -1 --format='%h' "$head") into $dir"
git clone --quiet "$ROOT" "$dir/repo"
git -C "$dir/repo" checkout --quiet --detach "$head"

for core in $busy_cores; do
  taskset -c "$core" sh -c 'while :; do :; done' &
  busy+=($!)
done
say "busy loops on core(s) $busy_cores (pids ${busy[*]}); npm test pinned to core $test_core"
start=$SECONDS
rc=0
(cd "$dir/repo" && unset CARGO_TARGET_DIR && taskset -c "$test_core" npm test) || rc=$?
elapsed=$((SECONDS - start))
verdict=$([ $rc -eq 0 ] && echo passed || echo "FAILED (exit $rc)")
say "npm test pinned to core $test_core, busy loops on core(s) $busy_cores: $verdict in $((elapsed / 60)) min $((elapsed % 60)) s"
exit $rc
