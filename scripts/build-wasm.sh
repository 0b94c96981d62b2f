#!/usr/bin/env bash
# Builds crates/wasm with wasm-pack twice: --target nodejs → packages/wasm/node (CommonJS,
# synchronous) and --target web → packages/wasm/web (ESM, async init), then runs wasm-opt -O3
# (binaryen from npm, pinned in the pnpm catalog).
# Uses rustup's compiler when it has the wasm32 target, else Debian's rustc-web with the std
# that install-wasm-std.sh built (both detected, never assumed).
# Compiles with simd128 (the core's string window scan uses it), so the runtime must support
# wasm SIMD: Node >= 16.4, Chrome 91, Firefox 89, Safari 16.4. Older engines reject the whole
# module at instantiation; the browser entry's `auto` then falls back to the js backend.
# Needs: scripts/setup.sh done (wasm-pack, wasm-bindgen, wasm32 std, node_modules).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
need wasm-pack "run scripts/setup.sh"
need wasm-bindgen "run scripts/setup.sh"
wasm_opt="$ROOT/packages/wasm/node_modules/.bin/wasm-opt"
wasm_dis="$ROOT/packages/wasm/node_modules/.bin/wasm-dis"
[ -x "$wasm_opt" ] && [ -x "$wasm_dis" ] || die "wasm-opt/wasm-dis (npm package binaryen) are missing: run scripts/setup.sh"
rustc_for_wasm=$(wasm_rustc) || die "no compiler with the wasm32-unknown-unknown target: run scripts/setup.sh"

# wasm-pack runs whatever `cargo`/`rustc` PATH finds; put the chosen pair first. Its own target
# dir keeps the two compilers from invalidating each other's caches.
shim=$(mktemp -d); trap 'rm -rf "$shim"' EXIT
ln -s "$rustc_for_wasm" "$shim/rustc"
ln -s "$(dirname "$rustc_for_wasm")/cargo" "$shim/cargo"
export PATH="$shim:$PATH" RUSTC="$rustc_for_wasm" CARGO_TARGET_DIR="$ROOT/target/wasm"
# wasm-pack sets the target (CARGO_BUILD_TARGET), and with a target set cargo gives RUSTFLAGS to
# that target's artifacts only: build.rs and the proc-macros, which run on the host, never see
# it. Appended, so flags the caller set still apply; the check after each build catches the
# one way it can still be lost (CARGO_ENCODED_RUSTFLAGS, which makes cargo ignore RUSTFLAGS).
export RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }-C target-feature=+simd128"

for target in nodejs web; do
  out="$ROOT/packages/wasm/$([ $target = nodejs ] && echo node || echo web)"
  say "wasm-pack --target $target → ${out#$ROOT/}"
  wasm-pack --quiet build "$ROOT/crates/wasm" --release --mode no-install --no-opt --no-pack \
    --target "$target" --out-dir "$out" --out-name ocpp_validate_wasm
  # The features current rustc emits by default. Debian's binaryen 108 rewrites wasm-bindgen's
  # externref table into one that no longer instantiates, so this is the npm build (pinned).
  "$wasm_opt" -O3 --enable-bulk-memory --enable-sign-ext --enable-mutable-globals --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue --enable-simd "$out/ocpp_validate_wasm_bg.wasm" -o "$out/ocpp_validate_wasm_bg.wasm"
  # The simd128 window scan ends in a bitmask; without it the build silently fell back to SWAR.
  # (grep reads to the end: with -q, wasm-dis could die of SIGPIPE and fail the pipeline.)
  "$wasm_dis" "$out/ocpp_validate_wasm_bg.wasm" | grep 'i8x16.bitmask' >/dev/null \
    || die "${out#$ROOT/}: no simd128 in the module (is CARGO_ENCODED_RUSTFLAGS set? it overrides RUSTFLAGS)"
  rm -f "$out/.gitignore"
  # --no-pack writes no package.json; this one tells Node and TypeScript which module kind it is.
  printf '{ "type": "%s" }\n' "$([ $target = nodejs ] && echo commonjs || echo module)" > "$out/package.json"
done
say "done: $(du -h "$ROOT/packages/wasm/node/ocpp_validate_wasm_bg.wasm" | cut -f1) wasm"
