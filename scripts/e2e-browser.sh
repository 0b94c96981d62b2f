#!/usr/bin/env bash
# End-to-end test of the browser playground (packages/playground) in a real headless Chromium:
# builds the page with Vite, serves dist/ on 127.0.0.1 (a free port, from the test itself) and
# drives Debian's chromium with playwright-core: valid, invalid and NDJSON input on the wasm
# backend, then the same with WebAssembly deleted (js backend). Screenshots: test-output/playground/.
# Needs: scripts/build.sh done (the wasm web build and the ocpp-validate dist the page bundles),
# node_modules (scripts/setup.sh); installs Debian's `chromium` with apt-get when /usr/bin/chromium
# is missing (root or sudo). Never downloads a browser of its own. Idempotent.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
need node "install Node.js >= 20"
need pnpm "run scripts/setup.sh"

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  need apt-get "install Chromium yourself and set CHROMIUM=/path/to/chromium"
  say "installing Debian's chromium (apt-get, once)"
  as_root apt-get update -qq
  # A font too: without one, a bare container renders the screenshots' text as boxes.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
  [ -x "$CHROMIUM" ] || die "apt-get installed chromium but $CHROMIUM is still missing"
fi

[ -d node_modules/.pnpm ] && [ -d packages/playground/node_modules/playwright-core ] \
  || die "node_modules are missing or stale (no playwright-core for the playground): run scripts/setup.sh"
[ -f packages/wasm/web/ocpp_validate_wasm_bg.wasm ] || die "the wasm web build is missing (packages/wasm/web): run scripts/build.sh"
[ -f packages/ocpp-validate/dist/browser.js ] || die "ocpp-validate is not built (packages/ocpp-validate/dist/browser.js): run scripts/build.sh"

say "vite build (packages/playground)"
pnpm --filter @ocpp-validate/playground build || die "the playground build failed (typecheck or vite, output above)"
[ -n "$(find packages/playground/dist/assets -name '*.wasm' 2>/dev/null)" ] \
  || die "vite emitted no .wasm asset into packages/playground/dist/assets: the wasm URL in the glue was not picked up"

say "playwright-core + $("$CHROMIUM" --version 2>/dev/null | head -n1)"
CHROMIUM="$CHROMIUM" node packages/playground/e2e/playground.e2e.mjs packages/playground/dist
