#!/usr/bin/env bash
# Builds crates/napi-floor (the N-API floor addon the bench measures beside the napi-rs binding:
# a few functions written against the raw Node-API C calls) as a release cdylib and copies it to
# bench/napi-floor.node (ignored by git: `*.node`). Idempotent: cargo rebuilds only on change, and
# the copy is replaced only when it differs. Needs: rustup's cargo (scripts/setup.sh checks it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
need cargo "install Rust with rustup (see README.md)"
cargo build --release --quiet -p napi-floor
lib="${CARGO_TARGET_DIR:-$ROOT/target}/release/libnapi_floor.so"
[ -f "$lib" ] || die "cargo built napi-floor but $lib is not there (only Linux's .so name is known here)"
out="$ROOT/bench/napi-floor.node"
if ! cmp -s "$lib" "$out"; then
  cp "$lib" "$out.tmp" && mv "$out.tmp" "$out"
  say "N-API floor addon → bench/napi-floor.node"
fi
