// Checks the packed tarballs themselves (node inspect.mjs <unpacked-dir> <repo>): each unpacked
// into <unpacked-dir>/<file>/package. What a registry would serve must stand on its own.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { assert, assertEqual, check } from "./harness.mjs";

const [unpacked, repo] = process.argv.slice(2);
const license = readFileSync(join(repo, "LICENSE"), "utf8");
const packages = readdirSync(unpacked).map((file) => {
  const dir = join(unpacked, file, "package");
  return { file, dir, json: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
});
const byName = new Map(packages.map((p) => [p.json.name, p]));

await check("the set of publishable packages", () => {
  assertEqual([...byName.keys()].sort(), ["@ocpp-validate/native-linux-x64-gnu", "@ocpp-validate/wasm", "ocpp-validate"], "packages");
});

/** Every file an `exports` map (or main/types/bin) points at. */
function targets(json) {
  const out = [];
  const walk = (node) => {
    if (typeof node === "string") out.push(node);
    else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(json.exports);
  for (const field of ["main", "types"]) if (json[field]) out.push(json[field]);
  if (json.bin) walk(json.bin);
  return out;
}

for (const { json, dir } of packages) {
  const name = json.name;
  await check(`${name}: publishable (not private, versions resolved, deps all in this set)`, () => {
    assert(!json.private, "private");
    const text = JSON.stringify(json);
    assert(!/"(workspace|catalog):/.test(text), `unresolved protocol in ${text.match(/"[^"]*":\s*"(workspace|catalog):[^"]*"/)?.[0]}`);
    assertEqual(json.version, "0.1.0", "version");
    assertEqual(json.license, "MIT", "license");
    assert(json.repository?.url && json.repository?.directory, "repository with url and directory");
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies"]) {
      for (const [dep, range] of Object.entries(json[field] ?? {})) {
        const target = byName.get(dep);
        assert(target, `${field}: ${dep} is not one of the packed packages`);
        assertEqual(range, target.json.version, `${field}: ${dep} range`);
      }
    }
  });
  await check(`${name}: LICENSE (the repository's), README, every exported file present`, () => {
    assertEqual(readFileSync(join(dir, "LICENSE"), "utf8"), license, "LICENSE");
    assert(existsSync(join(dir, "README.md")), "README.md");
    for (const target of targets(json)) assert(existsSync(join(dir, target)), `missing ${target}`);
  });
}

const facade = byName.get("ocpp-validate");
const wasm = byName.get("@ocpp-validate/wasm");
const native = byName.get("@ocpp-validate/native-linux-x64-gnu");

await check("ocpp-validate: sideEffects false, engines, CHANGELOG, exports . ./ocpp1.6 ./ocpp2.0.1 ./ocpp2.1 ./ocpp-rpc ./internal", () => {
  assertEqual(facade.json.sideEffects, false, "sideEffects");
  assertEqual(facade.json.engines?.node, "^20.19.0 || >=22.12.0", "engines.node");
  assert(existsSync(join(facade.dir, "CHANGELOG.md")), "CHANGELOG.md");
  assertEqual(Object.keys(facade.json.exports), [".", "./ocpp1.6", "./ocpp2.0.1", "./ocpp2.1", "./ocpp-rpc", "./internal", "./package.json"], "exports");
  for (const protocol of ["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]) assert(facade.json.exports[`./${protocol}`].types, `./${protocol} has types`);
  assert(facade.json.exports["."].browser, "browser condition");
  assertEqual(facade.json.optionalDependencies, { "@ocpp-validate/native-linux-x64-gnu": "0.1.0" }, "optionalDependencies");
});

// Declarations reachable from the entries are compiled later with typia not installed; this is about code that runs.
await check("ocpp-validate: no published module imports typia (a dev dependency)", () => {
  const offenders = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const file = join(d, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (entry.endsWith(".js") && /(from|import\(|require\()\s*["']typia/.test(readFileSync(file, "utf8"))) offenders.push(file.slice(facade.dir.length + 1));
    }
  };
  walk(join(facade.dir, "dist"));
  assertEqual(offenders, [], "files importing typia");
});

await check("@ocpp-validate/wasm: both builds with their .wasm", () => {
  for (const build of ["node", "web"]) {
    const file = join(wasm.dir, build, "ocpp_validate_wasm_bg.wasm");
    assert(existsSync(file), `${build}/ocpp_validate_wasm_bg.wasm`);
    assertEqual([...readFileSync(file).subarray(0, 4)], [0, 0x61, 0x73, 0x6d], `${build} .wasm magic`);
  }
  assertEqual(JSON.parse(readFileSync(join(wasm.dir, "node", "package.json"), "utf8")).type, "commonjs", "node/package.json type");
  assertEqual(JSON.parse(readFileSync(join(wasm.dir, "web", "package.json"), "utf8")).type, "module", "web/package.json type");
});

await check("@ocpp-validate/native-linux-x64-gnu: os/cpu/libc and its .node (an ELF file)", () => {
  assertEqual([native.json.os, native.json.cpu, native.json.libc], [["linux"], ["x64"], ["glibc"]], "os/cpu/libc");
  const file = join(native.dir, native.json.main);
  assertEqual(native.json.main, "ocpp-validate.linux-x64-gnu.node", "main");
  assertEqual([...readFileSync(file).subarray(0, 4)], [0x7f, 0x45, 0x4c, 0x46], ".node ELF magic");
});
