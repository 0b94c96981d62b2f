// Checks the Vite bundle of web/ (node bundle.mjs <dist-web> <installed @ocpp-validate/wasm dir> <repo>):
// the browser build went in (its .wasm emitted as an asset, byte for byte), nothing of Node did, and
// in a headless Chromium (Debian's, driven by the repository's playwright-core) the page validates on wasm.
import { createServer } from "node:http";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { assert, assertEqual, check } from "./harness.mjs";

const [dist, wasmPackage, repo] = process.argv.slice(2);
const assets = join(dist, "assets");
const files = existsSync(assets) ? readdirSync(assets) : [];
const js = files.filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(assets, f), "utf8")).join("\n");

await check("vite bundle: the web build's .wasm is an asset, byte for byte", () => {
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  assertEqual(wasm.length, 1, `.wasm assets in ${files.join(", ")}`);
  assert(readFileSync(join(assets, wasm[0])).equals(readFileSync(join(wasmPackage, "web", "ocpp_validate_wasm_bg.wasm"))), "the emitted .wasm differs from @ocpp-validate/wasm/web's");
  return wasm[0];
});

await check("vite bundle: the browser entry and the js fallback, nothing of Node", () => {
  assert(js.includes("init() was not called"), "the browser entry's fallback text is not in the bundle");
  assert(js.includes("js: typia"), "the js backend is not in the bundle");
  for (const node of ["node:module", "createRequire", "node:fs", "ocpp-validate.linux-x64-gnu", "@ocpp-validate/wasm/node"]) assert(!js.includes(node), `the bundle mentions ${node}`);
});

const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
const playwright = join(repo, "packages/playground/node_modules/playwright-core/index.mjs");
if (!existsSync(chromium) || !existsSync(playwright)) {
  console.log(`skip the bundle in Chromium (${existsSync(chromium) ? playwright : chromium} missing)`);
} else {
  await check("vite bundle in headless Chromium: wasm backend, right verdicts; js with WebAssembly removed", async () => {
    const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
    const server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(dist, path === "/" ? "index.html" : path);
      if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { chromium: launcher } = await import(pathToFileURL(playwright).href);
    const browser = await launcher.launch({ executablePath: chromium, args: ["--no-sandbox"] });
    try {
      const url = `http://127.0.0.1:${server.address().port}/`;
      const read = async (page) => {
        await page.goto(url);
        await page.waitForFunction(() => document.getElementById("out")?.textContent !== "loading", null, { timeout: 30_000 });
        return JSON.parse(await page.textContent("#out"));
      };
      const withWasm = await read(await browser.newPage());
      assertEqual(withWasm, { backend: "wasm", fallbacks: [], ok: true, bad: ["required", "required"], messages: 56, ocpp201: [true, "ProtocolError"] }, "page with WebAssembly");
      const page = await browser.newPage();
      await page.addInitScript(() => delete globalThis.WebAssembly);
      const withoutWasm = await read(page);
      assertEqual([withoutWasm.backend, withoutWasm.fallbacks.length, withoutWasm.ok, withoutWasm.ocpp201], ["js", 1, true, [true, "ProtocolError"]], "page without WebAssembly");
      return `without WebAssembly: ${withoutWasm.fallbacks[0]}`;
    } finally {
      await browser.close();
      server.close();
    }
  });
}
