// Run by pack-check.sh after it has broken the installed addon (PACK_CHECK_CASE=corrupt: garbage in
// its .node; missing: the platform package removed): auto must use wasm and say why, everywhere.
import { createValidator } from "ocpp-validate";
import { assert, assertEqual, check } from "./harness.mjs";

const scenario = process.env.PACK_CHECK_CASE;
const expected = { corrupt: /invalid ELF header/, missing: /the package @ocpp-validate\/native-linux-x64-gnu is not installed/ }[scenario];
if (!expected) throw new Error(`PACK_CHECK_CASE must be corrupt or missing, not ${scenario}`);

await check(`${scenario} addon: auto uses wasm and records why, in v.fallbacks and onFallback`, () => {
  const seen = [];
  const v = createValidator({ onFallback: (f) => seen.push(f) });
  assertEqual(v.backend, "wasm", "backend");
  assertEqual(v.fallbacks.length, 1, "fallbacks.length");
  const [f] = v.fallbacks;
  assertEqual([f.backend, f.file, f.usedInstead], ["native", "@ocpp-validate/native-linux-x64-gnu", "wasm"], "fallback");
  assert(expected.test(f.reason), `reason: ${f.reason}`);
  assertEqual(seen, [f], "onFallback");
  return f.reason.slice(0, 100);
});

await check(`${scenario} addon: forcing native throws the underlying reason, not napi-rs's generic one`, () => {
  let message = "";
  try {
    createValidator({ backend: "native" });
  } catch (error) {
    message = error.message;
  }
  assert(message.startsWith("ocpp-validate: the native backend could not be loaded from @ocpp-validate/native-linux-x64-gnu: "), message || "did not throw");
  assert(expected.test(message), message);
  assert(!/npm has a bug/.test(message), message);
});
