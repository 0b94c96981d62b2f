#!/usr/bin/env bash
# Installs everything a fresh machine lacks to build and test all three backends, then the
# workspace's node_modules. Idempotent: on a ready machine it only checks versions (seconds).
#   pnpm (npm -g, pinned) · wasm32 std (rustup target or Debian rustc-web, see install-wasm-std.sh)
#   wasm-bindgen-cli + wasm-pack (cargo install from the crate registry, pinned)
#   pnpm install --frozen-lockfile (brings wasm-opt: the npm binaryen package)
# Needs: node >= 20 with npm, rustup's cargo, gcc; apt-get + root (or sudo) for the Debian packages.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

need node "install Node.js >= 20"
need npm "it ships with Node.js"
need cargo "install Rust with rustup (https://rustup.rs)"
need cc "install gcc (the native addon links with it)"
[ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ] || die "Node.js >= 20 is required (found $(node --version))"

if [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  say "installing pnpm $PNPM_VERSION"
  npm install --global --silent "pnpm@$PNPM_VERSION" || as_root npm install --global --silent "pnpm@$PNPM_VERSION"
fi

bash "$ROOT/scripts/install-wasm-std.sh"

# `--locked` first for reproducibility; the registry copy here misses some locked transitive
# versions, so fall back to resolving afresh (the tool version itself stays pinned).
cargo_install() { # crate version binary
  if [ "$("$3" --version 2>/dev/null | awk '{print $2}')" = "$2" ]; then return; fi
  say "building $1 $2 from the crate registry (a few minutes, once)"
  cargo install --quiet --locked "$1" --version "$2" 2>/dev/null || cargo install --quiet --force "$1" --version "$2"
}
cargo_install wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
cargo_install wasm-pack "$WASM_PACK_VERSION" wasm-pack

say "pnpm install"
(cd "$ROOT" && pnpm install --frozen-lockfile --reporter=silent)
say "toolchain ready: node $(node --version), pnpm $(pnpm --version), $(cargo --version | cut -d' ' -f1-2), wasm via $(wasm_rustc), $(wasm-pack --version), wasm-bindgen $WASM_BINDGEN_VERSION"
