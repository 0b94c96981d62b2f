#!/usr/bin/env bash
# Installs the packages as a user outside this repository would, and uses them there:
#   1. `pnpm pack` every publishable package (ocpp-validate, @ocpp-validate/wasm,
#      @ocpp-validate/native-linux-x64-gnu) into a temporary folder (outside the workspace);
#   2. inspect the tarballs (no workspace:/catalog: versions, nothing private depended on, LICENSE,
#      README, every exported file, the .node and both .wasm);
#   3. a fresh project there (scripts/pack-check/, versions of vite/typescript/@types/node from the
#      pnpm catalog) and `npm install <tarballs>`: npm, not the workspace;
#   4. in it: ESM import, CommonJS require, the bin, `tsc --strict` against the installed types
#      (Node and browser resolution), auto → native and native/wasm/js agreeing on the shared
#      vectors, a corrupt and a missing addon (auto → wasm, and says why), `vite build` of a page
#      and that page in headless Chromium when Debian's chromium is there.
# Prints `pack-check: N passed, M failed`; exits 1 if any failed. Idempotent; removes its folder
# (PACK_CHECK_KEEP=1 keeps it). Needs: scripts/build.sh done; npm and its registry for vite/typescript.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
need pnpm "run scripts/setup.sh"
need npm "it ships with Node.js"
[ -f packages/native/npm/linux-x64-gnu/ocpp-validate.linux-x64-gnu.node ] || die "the native addon is not built: run scripts/build.sh"
[ -f packages/wasm/web/ocpp_validate_wasm_bg.wasm ] && [ -f packages/wasm/node/ocpp_validate_wasm_bg.wasm ] || die "the wasm builds are missing: run scripts/build.sh"
[ -f packages/ocpp-validate/dist/index.js ] || die "ocpp-validate is not built: run scripts/build.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/ocpp-validate-pack-check.XXXXXX")
case "$work" in "$ROOT"/*) die "the temporary folder $work is inside the repository" ;; esac
cleanup() { if [ "${PACK_CHECK_KEEP:-}" = 1 ]; then say "kept $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT
# Nothing of the caller's npm/pnpm run (npm_config_*, a workspace dir) leaks into the user's npm.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p; s/^\(PNPM_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done
unset NODE_PATH OCPP_VALIDATE_BACKEND OCPP_VALIDATE_NATIVE_PATH OCPP_VALIDATE_DEBUG

passed=0 failed=0
ok() { passed=$((passed + 1)); printf '  \033[32mok\033[0m   %s\n' "$1"; }
fail() { failed=$((failed + 1)); printf '  \033[31mFAIL\033[0m %s\n' "$1"; }
# check <name> <command...>: one check, its output shown only when it fails.
check() {
  local name=$1 out; shift
  if out=$("$@" 2>&1); then ok "$name"; else fail "$name"; printf '%s\n' "$out" | tail -n 40 | sed 's/^/       /'; fi
}
# checks <name> <command...>: a node script of the harness: one line per check ("ok …"/"FAIL …").
checks() {
  local name=$1 out rc=0 line; shift
  out=$("$@" 2>&1) || rc=$?
  while IFS= read -r line; do
    case "$line" in
      "ok "*) ok "${line#ok }" ;;
      "FAIL "*) fail "${line#FAIL }" ;;
      "skip "*) printf '  skip %s\n' "${line#skip }" ;;
      *) [ -n "$line" ] && printf '       %s\n' "$line" ;;
    esac
  done <<<"$out"
  if [ "$rc" != 0 ] && ! grep -q '^FAIL ' <<<"$out"; then fail "$name: exited with $rc"; fi
}
catalog() { sed -n "s|^  \"\{0,1\}$1\"\{0,1\}: *\([^ ]*\)\$|\1|p" "$ROOT/pnpm-workspace.yaml"; }

say "pnpm pack → $work/tarballs"
mkdir -p "$work/tarballs" "$work/unpacked"
for pkg in packages/ocpp-validate packages/wasm packages/native/npm/linux-x64-gnu; do
  (cd "$pkg" && pnpm pack --pack-destination "$work/tarballs" >/dev/null) || die "pnpm pack failed in $pkg"
done
for t in "$work"/tarballs/*.tgz; do mkdir -p "$work/unpacked/$(basename "$t" .tgz)" && tar -xzf "$t" -C "$work/unpacked/$(basename "$t" .tgz)"; done
project="$work/project"
cp -r scripts/pack-check "$project"
checks "tarballs" node "$project/inspect.mjs" "$work/unpacked" "$ROOT"

say "a fresh project outside the workspace: npm install the tarballs"
for dep in @types/node typescript vite; do
  version=$(catalog "$dep"); [ -n "$version" ] || die "no catalog version for $dep in pnpm-workspace.yaml"
  sed -i "s|\"$dep\": \"@CATALOG@\"|\"$dep\": \"$version\"|" "$project/package.json"
done
if (cd "$project" && npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz) >"$work/npm-install.log" 2>&1; then
  ok "npm install of the tarballs (+ vite $(catalog vite), typescript $(catalog typescript))"
else
  fail "npm install of the tarballs"; tail -n 40 "$work/npm-install.log" | sed 's/^/       /'
  printf 'pack-check: %d passed, %d failed\n' "$passed" "$((failed))"; exit 1
fi
cd "$project"
checks "ESM" node esm.mjs
checks "CJS" node cjs.cjs
check "the bin: ocpp-validate --json on stdin" sh -c 'printf "%s\n" "{\"transactionId\":1,\"timestamp\":\"2024-05-17T14:32:05Z\",\"meterStop\":1}" | ./node_modules/.bin/ocpp-validate --json - | grep -q "\"valid\":true"'
check "tsc --strict against the installed types (NodeNext, skipLibCheck off)" ./node_modules/.bin/tsc -p tsconfig.json
check "tsc --strict against the installed types (Bundler + browser condition, DOM, no @types/node)" ./node_modules/.bin/tsc -p web/tsconfig.json
checks "backends" env OCPP_VALIDATE_REPO="$ROOT" node backends.mjs

addon_dir=node_modules/@ocpp-validate/native-linux-x64-gnu
addon="$addon_dir/ocpp-validate.linux-x64-gnu.node"
cp "$addon" "$work/addon.node"
head -c 4096 /dev/urandom >"$addon"
checks "corrupt addon" env PACK_CHECK_CASE=corrupt node fallback.mjs
check "corrupt addon: OCPP_VALIDATE_DEBUG=1 logs exactly one line to stderr" sh -c '
  err=$(OCPP_VALIDATE_DEBUG=1 node -e "import(\"ocpp-validate\").then((m) => { m.createValidator(); m.createValidator(); })" 2>&1 >/dev/null)
  [ "$(printf "%s\n" "$err" | wc -l)" = 1 ] && printf "%s\n" "$err" | grep -q "^ocpp-validate: auto skipped the native backend (@ocpp-validate/native-linux-x64-gnu): .*invalid ELF header; using wasm$" || { echo "stderr: $err"; exit 1; }'
mv "$addon_dir" "$work/addon-package"
checks "missing addon" env PACK_CHECK_CASE=missing node fallback.mjs
mv "$work/addon-package" "$addon_dir"
cp "$work/addon.node" "$addon"
check "the addon restored: auto is native again" node -e 'import("ocpp-validate").then((m) => { if (m.createValidator().backend !== "native") process.exit(1); })'

check "vite build of a page importing the installed package" ./node_modules/.bin/vite build
checks "bundle" node bundle.mjs "$project/dist-web" "$project/node_modules/@ocpp-validate/wasm" "$ROOT"

printf 'pack-check: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
