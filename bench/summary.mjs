#!/usr/bin/env node
// The README's results table, made from a bench results file so the README never carries a number
// that no run produced. Prints Markdown; with --readme it replaces the block between
// `<!-- results:start -->` and `<!-- results:end -->` in the repository README instead.
//
//   node summary.mjs [results/latest.json] [--readme]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const toReadme = args.includes("--readme");
const input = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, "results", "latest.json"));
const data = JSON.parse(readFileSync(input, "utf8"));
if (data.meta.mode !== "full") throw new Error(`${input} is a ${data.meta.mode} run: the README only shows full runs`);

const CASES = ["small", "medium", "large", "invalid", "batch"];
const ROWS = [
  ["ours-native", "**ocpp-validate native**"],
  ["batch-native", "**ocpp-validate native `isValidBatch`**"],
  ["ours-wasm", "**ocpp-validate wasm**"],
  ["batch-wasm", "**ocpp-validate wasm `isValidBatch`**"],
  ["ours-js", "**ocpp-validate js**"],
  ["json-parse", "`JSON.parse` alone (no validation)"],
  ["ajv", "`JSON.parse` + ajv (the reference)"],
  ["ocpp-rpc", "`JSON.parse` + ocpp-rpc's validator"],
  ["typia-isparse", "typia `json.isParse`"],
  ["typia-equals", "`JSON.parse` + typia `equals`"],
  ["schemasafe", "@exodus/schemasafe `parser`"],
  ["noop-native", "_native crossing only (no-op)_"],
  ["noop-wasm", "_wasm crossing + copy only (no-op)_"],
];

const find = (c, form, id) => data.rows.find((r) => r.case === c && r.form === form && r.id === id);
const ns = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} ms` : x >= 1e4 ? `${(x / 1e3).toFixed(1)} µs` : `${Math.round(x).toLocaleString("en-US")} ns`);
const ratio = (r) => `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
const cell = (row) => (row?.nsPerOp > 0 ? `${ns(row.nsPerOp)} · ${ratio(row.ratioToAjv)}${row.verdictsAgree === false ? " ≠" : ""}` : "");

function table(form) {
  const head = CASES.map((c) => {
    const p = data.meta.payloads[c];
    return c === "batch" ? `batch (${p.count.toLocaleString("en-US")} payloads, ${p.invalid} invalid)` : `${c} (${p.bytes.toLocaleString("en-US")} B)`;
  });
  const lines = [`| ${form} input | ${head.join(" | ")} |`, `|---|${CASES.map(() => "--:").join("|")}|`];
  for (const [id, label] of ROWS) {
    const cells = CASES.map((c) => cell(find(c, form, id)));
    if (cells.some(Boolean)) lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

const m = data.meta;
const mach = m.machine;
const out = [
  `Measured by \`pnpm bench\` on ${mach.cpu} (${mach.cores} cores, ${mach.os}), Node ${m.node}, ${m.date.slice(0, 10)}.`,
  "Each cell: mean time per call · speed relative to `JSON.parse` + ajv in the same run (higher is faster).",
  "Buffer input is what a WebSocket library hands over; the `JSON.parse`-based peers pay `toString` first.",
  "≠ marks a peer whose verdicts differ from the reference on that input.",
  "",
  table("buffer"),
  "",
  table("string"),
  "",
  "| target (Buffer input, same run) | measured | status |",
  "|---|--:|---|",
  ...data.targets.map((t) => `| ${t.name} | ${t.value == null ? "—" : t.metric === "ratio" ? ratio(t.value) : `${Math.round(t.value).toLocaleString("en-US")} MB/s`} | ${t.status} |`),
  "",
  "![speed relative to JSON.parse + ajv](bench/results/chart.svg)",
].join("\n");

if (!toReadme) {
  console.log(out);
} else {
  const readme = join(here, "..", "README.md");
  const text = readFileSync(readme, "utf8");
  const re = /(<!-- results:start -->\n)[\s\S]*?(<!-- results:end -->)/;
  if (!re.test(text)) throw new Error("README.md has no <!-- results:start --> … <!-- results:end --> block");
  writeFileSync(readme, text.replace(re, (_, a, b) => `${a}${out}\n${b}`));
  console.log(`README.md results updated from ${input}`);
}
