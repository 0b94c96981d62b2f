#!/usr/bin/env node
// End-to-end test of the built playground (dist/) in a real headless Chromium, driven by
// playwright-core. Runs every check twice: with WebAssembly (expects the wasm backend) and with
// WebAssembly deleted before any page script runs (expects the js fallback and the same verdicts).
// Expected issues come from the ajv reference in @ocpp-validate/test-vectors, not from the page.
//
// Usage: node e2e/playground.e2e.mjs [dist-dir]      (scripts/e2e-browser.sh builds dist first)
// Env:   CHROMIUM=/usr/bin/chromium  E2E_OUTPUT=<screenshots dir>  E2E_HEADED=1 (debugging)
//        E2E_TIMEOUT_MS (default 600000): the one limit for every wait. Every wait is for an event
//        (a page state, an element); this limit only turns a hang into a failure, so it is far
//        above what any slow machine needs. There is no fixed sleep anywhere.
import assert from "node:assert/strict";
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { invalidPayload, mixedBatch, smallPayload } from "@ocpp-validate/test-vectors/payloads";
import { OCPP_ERROR_CODE, referenceValidate } from "@ocpp-validate/test-vectors/reference";

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, "..", "dist"));
const repoRoot = resolve(here, "..", "..", "..");
const outDir = resolve(process.env.E2E_OUTPUT ?? join(repoRoot, "test-output", "playground"));
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 10 * 60_000);

if (!existsSync(join(dist, "index.html"))) fail(`no ${join(dist, "index.html")}: build the playground first (pnpm --filter @ocpp-validate/playground build)`);
if (!existsSync(chromiumPath)) fail(`${chromiumPath} is missing: install Debian's chromium (scripts/e2e-browser.sh does it)`);
mkdirSync(outDir, { recursive: true });

// ---------- a tiny static server for dist/ on 127.0.0.1 (a free port) ----------

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", // instantiateStreaming insists on it
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, ko) => {
    server.once("error", ko);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

// ---------- a minimal runner: named checks, a summary line, exit code ----------

const results = [];
async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, error });
    console.log(`  FAIL ${name}\n       ${String(error?.message ?? error).split("\n").join("\n       ")}`);
  }
}

function fail(message) {
  console.error(`e2e: ${message}`);
  process.exit(2);
}

// ---------- page helpers ----------

/** Marks the page stale, performs `action`, waits until a validation run has finished. */
async function afterRun(page, action) {
  await page.evaluate(() => (document.body.dataset.state = "stale"));
  await action();
  await page.waitForFunction(() => document.body.dataset.state === "done", null, { timeout: TIMEOUT_MS });
}

/**
 * Types `text` into the editor and waits for the live validation that typing starts (debounced
 * on `input`). Waiting for it here means no debounced run is still pending when the next action
 * starts one of its own: on a slow machine it could fire in the middle of that run.
 */
async function typeText(page, text) {
  await afterRun(page, () => page.locator("#text").fill(text));
}

async function verdict(page) {
  return page.locator("[data-testid=verdict]").getAttribute("data-verdict");
}

async function issueRows(page) {
  return page.locator("tr[data-testid=issue]").evaluateAll((rows) =>
    rows.map((r) => ({ line: r.dataset.line ? Number(r.dataset.line) : undefined, pointer: r.dataset.pointer, keyword: r.dataset.keyword, code: r.dataset.code })),
  );
}

const key = (r) => `${r.line ?? "-"} ${r.pointer} ${r.keyword} ${r.code}`;
const sorted = (rows) => rows.map(key).sort();

/** What the page must list for `text`: the reference's issues, each with its OCPP-J code. */
function expectedRows(text, line) {
  return referenceValidate(text).errors.map((e) => ({ line, pointer: e.instancePath, keyword: e.keyword, code: OCPP_ERROR_CODE[e.keyword] }));
}

// ---------- the NDJSON file: mixed payloads, a syntax error, a blank line, CRLF ----------

const ndjsonLines = mixedBatch(400, 7);
ndjsonLines.splice(3, 0, '{"idTag":"ABC","meterStop":1,');
ndjsonLines.splice(10, 0, "");
const ndjsonPath = join(outDir, "e2e-input.ndjson");
writeFileSync(ndjsonPath, ndjsonLines.join("\r\n") + "\r\n");
const ndjsonExpected = { total: 0, valid: 0, invalid: 0, rows: [] };
ndjsonLines.forEach((line, i) => {
  if (line.trim() === "") return;
  ndjsonExpected.total++;
  const rows = expectedRows(line, i + 1);
  if (rows.length === 0) ndjsonExpected.valid++;
  else ndjsonExpected.invalid++;
  ndjsonExpected.rows.push(...rows);
});
assert.ok(ndjsonExpected.invalid >= 10 && ndjsonExpected.valid > 300, "the NDJSON fixture should mix valid and invalid payloads");

// ---------- the run ----------

const server = await serve(dist);
const baseUrl = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: !process.env.E2E_HEADED,
  timeout: TIMEOUT_MS,
  // --no-sandbox: chromium refuses to start as root (CI containers) with its sandbox on.
  args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--no-default-browser-check"],
});
console.log(`e2e: ${dist} on ${baseUrl} in Chromium ${browser.version()}`);

for (const scenario of [
  { name: "wasm", backend: "wasm", disableWasm: false },
  { name: "no-wasm", backend: "js", disableWasm: true },
]) {
  console.log(`\n[${scenario.name}] expecting the ${scenario.backend} backend`);
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, colorScheme: "light" });
  const offsite = [];
  // The page must work offline: anything not served by our server is recorded and refused.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.protocol === "data:" || url.protocol === "blob:") return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  if (scenario.disableWasm) {
    await context.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
  }
  context.setDefaultTimeout(TIMEOUT_MS);
  context.setDefaultNavigationTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => m.type() === "error" && pageErrors.push(m.text()));
  const shot = (name) => page.screenshot({ path: join(outDir, `${scenario.name}-${name}.png`), fullPage: true });

  await check(`${scenario.name}: page loads and reports the ${scenario.backend} backend`, async () => {
    await page.goto(baseUrl);
    await page.waitForFunction(() => !["booting", ""].includes(document.body.dataset.state ?? ""), null, { timeout: TIMEOUT_MS });
    const badge = page.locator("[data-testid=backend]");
    assert.equal(await badge.getAttribute("data-backend"), scenario.backend);
    const notice = page.locator("[data-testid=wasm-notice]");
    if (scenario.disableWasm) {
      assert.ok(await notice.isVisible(), "the 'WebAssembly is unavailable' notice should be visible");
      assert.match(await notice.innerText(), /WebAssembly is unavailable/);
      assert.match(await notice.innerText(), /js/);
      assert.equal(await page.evaluate(() => typeof WebAssembly), "undefined");
    } else {
      assert.ok(!(await notice.isVisible()), "no fallback notice when WebAssembly works");
    }
  });

  await check(`${scenario.name}: a pasted valid payload is valid`, async () => {
    const text = smallPayload();
    assert.equal(referenceValidate(text).valid, true);
    await typeText(page, text);
    assert.equal(await verdict(page), "valid", "live validation while typing");
    await afterRun(page, () => page.locator("#validate").click());
    assert.equal(await verdict(page), "valid");
    assert.equal(await page.locator("[data-testid=ran-backend]").getAttribute("data-backend"), scenario.backend);
    assert.match(await page.locator("[data-testid=time-per-payload]").innerText(), /\d+(\.\d+)? (ns|µs|ms)/);
    assert.equal((await issueRows(page)).length, 0);
    assert.equal(await page.locator("#marks mark").count(), 0);
    await shot("valid");
  });

  await check(`${scenario.name}: the large valid sample (meter values) is valid`, async () => {
    await afterRun(page, () => page.locator("button[data-sample=valid-large]").click());
    assert.equal(await verdict(page), "valid");
    assert.equal(referenceValidate(await page.locator("#text").inputValue()).valid, true);
  });

  await check(`${scenario.name}: the invalid sample lists every issue with pointer, keyword and OCPP-J code`, async () => {
    await afterRun(page, () => page.locator("button[data-sample=invalid]").click());
    assert.equal(await verdict(page), "invalid");
    const text = await page.locator("#text").inputValue();
    const rows = await issueRows(page);
    assert.deepEqual(sorted(rows), sorted(expectedRows(text, undefined)));
    // The sample breaks these on purpose; the reference must agree, or the sample is wrong.
    for (const want of [
      "- /transactionId type TypeConstraintViolation",
      "-  required OccurenceConstraintViolation",
      "- /idTag maxLength PropertyConstraintViolation",
      "- /timestamp format PropertyConstraintViolation",
      "- /reason enum PropertyConstraintViolation",
      "-  additionalProperties FormationViolation",
      "- /transactionData/0/sampledValue/1/unit enum PropertyConstraintViolation",
    ]) {
      assert.ok(rows.map(key).includes(want), `missing issue row: ${want}`);
    }
    assert.equal(await page.locator("#marks mark").count(), rows.length, "one highlight per issue");
    // Clicking a row selects the offending place in the text.
    await page.locator('tr[data-testid=issue][data-pointer="/transactionId"]').click();
    assert.equal(await page.evaluate(() => { const t = document.querySelector("#text"); return t.value.slice(t.selectionStart, t.selectionEnd); }), '"4711"');
    await shot("invalid");
    await page.locator('tr[data-testid=issue][data-keyword="additionalProperties"]').click();
    assert.match(await page.evaluate(() => { const t = document.querySelector("#text"); return t.value.slice(t.selectionStart, t.selectionEnd); }), /^"vendorNote": "not in the schema"$/);
  });

  await check(`${scenario.name}: a file dropped on the editor is validated`, async () => {
    const text = invalidPayload();
    await afterRun(page, () =>
      page.evaluate((content) => {
        const data = new DataTransfer();
        data.items.add(new File([content], "dropped.json", { type: "application/json" }));
        document.getElementById("editor").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
      }, text),
    );
    assert.equal(await verdict(page), "invalid");
    assert.equal(await page.locator("#text").inputValue(), text);
    assert.deepEqual(sorted(await issueRows(page)), sorted(expectedRows(text, undefined)));
    assert.match(await page.locator("#input-status").innerText(), /dropped\.json/);
  });

  await check(`${scenario.name}: a broken payload shows a parse issue at its position`, async () => {
    const text = '{"idTag": "ABC", "meterStop": 12,, "timestamp": "2024-01-01T00:00:00Z"}';
    await typeText(page, text);
    await afterRun(page, () => page.locator("#validate").click());
    assert.equal(await verdict(page), "invalid");
    const rows = await issueRows(page);
    assert.deepEqual(rows.map(key), ["-  parse FormationViolation"]);
    assert.equal(await page.locator("#marks mark").innerText(), ",");
  });

  await check(`${scenario.name}: an NDJSON file (setInputFiles) gets counts, per-keyword summary and issue rows`, async () => {
    await afterRun(page, () => page.locator("#file").setInputFiles(ndjsonPath));
    const summary = page.locator("[data-testid=summary]");
    assert.ok(await summary.isVisible());
    assert.deepEqual(
      { total: Number(await summary.getAttribute("data-total")), valid: Number(await summary.getAttribute("data-valid")), invalid: Number(await summary.getAttribute("data-invalid")) },
      { total: ndjsonExpected.total, valid: ndjsonExpected.valid, invalid: ndjsonExpected.invalid },
    );
    assert.equal(await verdict(page), "invalid");
    assert.deepEqual(sorted(await issueRows(page)), sorted(ndjsonExpected.rows));
    const keywordsShown = await page.locator("#keyword-rows tr[data-keyword]").evaluateAll((rows) => rows.map((r) => r.dataset.keyword).sort());
    assert.deepEqual(keywordsShown, [...new Set(ndjsonExpected.rows.map((r) => r.keyword))].sort());
    assert.equal(await page.locator("[data-testid=ran-backend]").getAttribute("data-backend"), scenario.backend);
    assert.equal(await page.locator("#progress").getAttribute("value"), String(ndjsonExpected.total));
    await shot("ndjson");
  });

  await check(`${scenario.name}: the NDJSON sample (2 000 lines) runs to the end with a progress bar`, async () => {
    await afterRun(page, () => page.locator("button[data-sample=ndjson]").click());
    const summary = page.locator("[data-testid=summary]");
    const text = await page.locator("#text").inputValue();
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    const invalid = lines.filter((l) => !referenceValidate(l).valid).length;
    assert.equal(Number(await summary.getAttribute("data-total")), lines.length);
    assert.equal(Number(await summary.getAttribute("data-invalid")), invalid);
    assert.ok(await page.locator("#progress").isVisible(), "progress bar shown for a large batch");
  });

  await check(`${scenario.name}: no page errors and no request leaves 127.0.0.1`, async () => {
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(offsite, []);
  });

  await context.close();
}

await browser.close();
server.close();

const failed = results.filter((r) => !r.ok);
console.log(`\ne2e-browser: ${results.length - failed.length} passed, ${failed.length} failed (${results.length} checks; screenshots in ${outDir})`);
process.exit(failed.length ? 1 : 0);
