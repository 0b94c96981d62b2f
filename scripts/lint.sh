#!/usr/bin/env bash
# The lint gate: fails on a formatting, clippy or type error anywhere.
#   cargo fmt --all --check                      (settings: rustfmt.toml)
#   cargo clippy --workspace --all-targets -- -D warnings   (core, node and wasm crates, tests,
#                                                 examples; the wasm crate builds for the host too)
#   tsc --noEmit -p <every tsconfig*.json in the repository but tsconfig.base.json>: today
#     packages/ocpp-validate, packages/playground, bench (typia-src) and packages/test-vectors
#     (its JSDoc-typed .mjs modules)
# Run by scripts/test.sh right after the build, so `npm test` and .ci/run run it; runs alone too.
# Needs: rustup's cargo with rustfmt and clippy; node_modules (scripts/setup.sh); scripts/build.sh
# done (tsc reads the generated js validators, the native and wasm typings and ocpp-validate's
# dist, which the playground imports). Changes no file; idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
need cargo "install Rust with rustup (https://rustup.rs)"
cargo fmt --version >/dev/null 2>&1 || die "rustfmt is missing: rustup component add rustfmt"
cargo clippy --version >/dev/null 2>&1 || die "clippy is missing: rustup component add clippy"
tsc="$ROOT/packages/ocpp-validate/node_modules/.bin/tsc"
[ -x "$tsc" ] || die "tsc is missing ($tsc): run scripts/setup.sh"

failed=()
run() { # label command...
  say "$1"; shift
  "$@" || failed+=("$*")
}

run "cargo fmt --check" cargo fmt --all --check
run "cargo clippy -D warnings" cargo clippy --quiet --workspace --all-targets -- -D warnings
while IFS= read -r project; do
  run "tsc --noEmit -p $project" "$tsc" --noEmit -p "$project"
# scripts/pack-check/ is a fixture project: pack-check.sh compiles it where the tarballs are installed.
done < <(find . -name 'tsconfig*.json' -not -name tsconfig.base.json -not -path '*/node_modules/*' -not -path './target/*' -not -path './scripts/pack-check/*' | sed 's|^\./||' | sort)

[ ${#failed[@]} -eq 0 ] || die "lint failed: ${failed[*]}"
say "lint clean"
