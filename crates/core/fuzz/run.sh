#!/usr/bin/env bash
# Fuzzes ocpp-validate-core: no panics, and is_valid == validate(all).is_empty() == validate(first).is_empty().
#
# Needs a nightly toolchain (`rustup toolchain install nightly`) or RUSTC_BOOTSTRAP=1 on stable
# (the sanitizer-coverage flags are nightly-only), plus a C++ compiler for libFuzzer.
# Uses `cargo fuzz` when installed (`cargo install cargo-fuzz`); otherwise builds the libFuzzer
# binary directly with the same instrumentation flags.
# Usage: crates/core/fuzz/run.sh [seconds=60] [extra libFuzzer args...]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"; shift || true

toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
elif [ "${RUSTC_BOOTSTRAP:-}" != "1" ]; then
  echo "error: no nightly toolchain. Install one (rustup toolchain install nightly) or rerun with RUSTC_BOOTSTRAP=1." >&2
  exit 1
fi
command -v c++ >/dev/null || { echo "error: a C++ compiler (c++) is needed to build libFuzzer" >&2; exit 1; }

# Seed corpus: the shared vectors' inputs.
mkdir -p corpus/validate
if [ -z "$(ls -A corpus/validate)" ]; then
  if command -v node >/dev/null; then
    node -e '
      const fs = require("fs"), path = require("path");
      const dir = path.join(process.cwd(), "../../../packages/test-vectors/vectors");
      let n = 0;
      for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json")))
        for (const c of JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")).cases)
          if ((c.input ?? "").length < 8192)
            fs.writeFileSync(`corpus/validate/v${n++}`, c.inputBase64 ? Buffer.from(c.inputBase64, "base64") : c.input);
      console.log(`seeded ${n} inputs from the shared vectors`);'
  else
    echo "note: node not found; starting from an empty corpus" >&2
  fi
fi

if cargo fuzz --version >/dev/null 2>&1; then
  exec cargo "${toolchain[@]}" fuzz run validate corpus/validate -- -max_total_time="$secs" -max_len=4096 "$@"
fi

echo "note: cargo-fuzz not installed (cargo install cargo-fuzz); building the libFuzzer target directly" >&2
target="$(rustc -vV | sed -n 's/^host: //p')"
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks" \
  cargo "${toolchain[@]}" build --release --target "$target" --bin validate
mkdir -p artifacts
exec "target/$target/release/validate" corpus/validate -artifact_prefix=artifacts/ \
  -max_total_time="$secs" -max_len=4096 "$@"
