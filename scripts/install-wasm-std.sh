#!/usr/bin/env bash
# Makes wasm32-unknown-unknown buildable, offline, without `rustup target add`.
#   - rustup has the target already (typical laptop): nothing to do.
#   - otherwise: installs Debian's rustc-web, cargo-web, rust-web-src, rust-web-llvm, lld-22 (apt),
#     builds std for wasm32 from /usr/src/rustc-*/library with -Zbuild-std in a throwaway folder
#     (std's own vendored crates, no network), and copies the rlibs into Debian rustc's sysroot.
# Needs: root or sudo for apt and for writing /usr/lib/rustlib. Idempotent: a second run is a no-op.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

if wasm_rustc >/dev/null; then say "wasm32 target ready ($(wasm_rustc))"; exit 0; fi

if [ ! -x /usr/bin/rustc ] || [ ! -d "$DEBIAN_RUST_SRC" ] || [ ! -x /usr/bin/rust-lld ]; then
  need apt-get "install Debian's rustc-web packages by hand, or run 'rustup target add wasm32-unknown-unknown'"
  say "installing Debian's rustc-web toolchain (compiler + std sources + lld)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rustc-web cargo-web rust-web-src rust-web-llvm lld-22 >/dev/null
fi
[ -d "$DEBIAN_RUST_SRC/vendor" ] || die "std sources not found at $DEBIAN_RUST_SRC (package rust-web-src; does its version still match DEBIAN_RUST_SRC in scripts/lib.sh?)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src" "$work/.cargo"
cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "wasm-std-build"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[profile.release]
opt-level = 3
TOML
echo '#[no_mangle] pub extern "C" fn probe(n: usize) -> usize { std::vec![0u8; n].len() }' > "$work/src/lib.rs"
# std's dependencies come from its own vendor folder; this config lives only in the throwaway folder.
cat > "$work/.cargo/config.toml" <<TOML
[source.crates-io]
replace-with = "rust-std-vendor"
[source.rust-std-vendor]
directory = "$DEBIAN_RUST_SRC/vendor"
TOML
say "building std for wasm32 from $DEBIAN_RUST_SRC (about a minute)"
(cd "$work" && RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$work/target" \
  /usr/bin/cargo build --quiet --release -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown)

dest="$(/usr/bin/rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib"
as_root mkdir -p "$dest.tmp"
find "$work/target/wasm32-unknown-unknown/release/deps" -name 'lib*.rlib' ! -name 'libwasm_std_build*' -exec cp {} "$dest.tmp/" \;
as_root rm -rf "$dest" && as_root mv "$dest.tmp" "$dest"
wasm_rustc >/dev/null || die "std was built but the wasm32 target is still not usable"
say "wasm32 std installed into $dest"
