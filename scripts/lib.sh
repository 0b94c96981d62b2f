# Shared helpers for scripts/*.sh (sourced, not run). Needs: bash.
# Pinned tool versions live here, once, for every script.
PNPM_VERSION=10.34.8
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pin in Cargo.toml
WASM_PACK_VERSION=0.15.1
DEBIAN_RUST_SRC=/usr/src/rustc-1.96.0/library

say() { printf '\033[1;34m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; }
die() { printf '\033[1;31m[%s] error:\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required but not on PATH: $2"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$PATH"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) to run: $*"; fi; }

# Which rustc can build wasm32-unknown-unknown: rustup's when its target is installed (a
# developer laptop), else Debian's rustc-web once install-wasm-std.sh has installed std.
wasm_rustc() {
  if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    command -v rustc
  elif [ -x /usr/bin/rustc ] && [ -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    echo /usr/bin/rustc
  else
    return 1
  fi
}
