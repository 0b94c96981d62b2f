#!/usr/bin/env node
// The README's results tables, made from a bench results file so the README never carries a number
// that no run produced. Prints Markdown; with --readme it replaces the block between
// `<!-- results:start -->` and `<!-- results:end -->` in the repository README instead.
// StopTransaction's before → after table compares with results/baseline.json (the committed full run
// of the StopTransaction-only bench) when the results file carries that comparison.
//
//   node summary.mjs [results/latest.json] [--readme | --bench-readme]
//     --readme        the repository README's results block (all tables)
//     --bench-readme  bench/README.md's results block (overview per message, StopTransaction before → after, targets)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const toReadme = args.includes("--readme");
const input = resolve(args.find((a) => !a.startsWith("--")) ?? join(here, "results", "latest.json"));
const data = JSON.parse(readFileSync(input, "utf8"));
if (data.meta.mode !== "full") throw new Error(`${input} is a ${data.meta.mode} run: the README only shows full runs`);

const STOP = "StopTransaction";
const STOP_CASES = ["small", "medium", "large", "invalid", "batch"];
/** the other messages' tables, in report order */
const ALL_MESSAGE_CASES = [
  ["MeterValues", ["small", "medium", "large", "sv10"]],
  ["StatusNotification", ["small", "medium"]],
  ["Heartbeat", ["medium"]],
  ["BootNotification", ["small", "medium"]],
  ["TransactionEventRequest", ["small", "large", "invalid"]],
];
// a results file from before a message was benched has no tables for it
const MESSAGE_CASES = ALL_MESSAGE_CASES.filter(([msg]) => data.meta.payloads?.[msg]);
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
const SESSION_ROWS = [
  ["ours-native", "**ocpp-validate native** `isValid(x, { message })` per frame"],
  ["batch-native", "**ocpp-validate native** `isValidBatch(xs, { message })` per message"],
  ["ours-wasm", "**ocpp-validate wasm** `isValid(x, { message })` per frame"],
  ["batch-wasm", "**ocpp-validate wasm** `isValidBatch(xs, { message })` per message"],
  ["ours-js", "**ocpp-validate js** `isValid(x, { message })` per frame"],
  ["batch-js", "**ocpp-validate js** `isValidBatch(xs, { message })` per message"],
  ["json-parse", "`JSON.parse` alone (no validation)"],
  ["ajv", "`JSON.parse` + ajv of the frame's message (the reference)"],
  ["ocpp-rpc", "`JSON.parse` + ocpp-rpc's validator (`urn:<message>.req`)"],
  ["typia-isparse", "typia `json.isParse` of the frame's message"],
  ["typia-equals", "`JSON.parse` + typia `equals` of the frame's message"],
  ["schemasafe", "@exodus/schemasafe `parser` of the frame's message"],
];

const messageOf = (r) => r.message ?? STOP;
/** "ocpp1.6" unless the run recorded another protocol for the message's payloads (the 2.x rows). */
const protocolOf = (message) => Object.values(data.meta.payloads?.[message] ?? {}).find((p) => p?.protocol)?.protocol ?? "ocpp1.6";
/** `MeterValues.req` (1.6's request names), `TransactionEventRequest (OCPP 2.0.1)` */
const messageTitle = (message) => (protocolOf(message) === "ocpp1.6" ? `${message}.req` : `${message} (OCPP ${protocolOf(message).slice(4)})`);
const shortName = (message) => (protocolOf(message) === "ocpp1.6" ? message : `${message} ${protocolOf(message).slice(4)}`);
const find = (message, c, form, id) => data.rows.find((r) => messageOf(r) === message && r.case === c && r.form === form && r.id === id);
const payloadInfo = (message, c) => data.meta.payloads?.[message]?.[c] ?? (message === STOP ? data.meta.payloads?.[c] : undefined);
const ns = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} ms` : x >= 1e4 ? `${(x / 1e3).toFixed(1)} µs` : `${Math.round(x).toLocaleString("en-US")} ns`);
const ratio = (r) => (r == null ? "—" : `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`);
const cell = (row) => (row?.nsPerOp > 0 ? `${ns(row.nsPerOp)} · ${ratio(row.ratioToAjv)}${row.verdictsAgree === false ? " ≠" : ""}` : "");
const B = (n) => `${n.toLocaleString("en-US")} B`;
function caseHead(message, c, withMessage = false) {
  if (withMessage) return `${shortName(message)} ${message === "Heartbeat" ? "" : `${c === "sv10" ? "×10 sampled values" : c} `}(${B((payloadInfo(message, c) ?? { bytes: 0 }).bytes)})`;
  const p = payloadInfo(message, c) ?? { bytes: 0 };
  if (c === "batch") return `batch (${p.count.toLocaleString("en-US")} payloads, ${p.invalid} invalid)`;
  if (c === "sv10") return `10 sampled values (${B(p.bytes)})`;
  if (message === "Heartbeat") return `\`{}\` (${B(p.bytes)})`;
  // the 2.x cases say what their payload is ("small (eventType Started, 509 B)")
  if (protocolOf(message) !== "ocpp1.6" && p.label?.endsWith(")")) return p.label.replace(/\)$/, `, ${B(p.bytes)})`);
  return `${c} (${B(p.bytes)})`;
}

/** columns: [[message, case], ...] */
function table(title, columns, form, rowDefs = ROWS) {
  const mixed = new Set(columns.map(([m]) => m)).size > 1;
  const lines = [`| ${title} | ${columns.map(([m, c]) => caseHead(m, c, mixed)).join(" | ")} |`, `|---|${columns.map(() => "--:").join("|")}|`];
  for (const [id, label] of rowDefs) {
    const cells = columns.map(([m, c]) => cell(find(m, c, form, id)));
    if (cells.some(Boolean)) lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function sessionTable() {
  const p = payloadInfo("session", "session");
  if (!p) return null;
  const mix = Object.entries(p.messages ?? {}).map(([m, n]) => `${n.toLocaleString("en-US")} ${m}`).join(", ");
  const lines = [
    `Mixed session: ${p.count.toLocaleString("en-US")} frames (${mix}; ${p.invalid} invalid), ${(p.bytes / 1e6).toFixed(1)} MB; one op = every frame, each validated as its own message.`,
    "",
    "| mixed session | Buffer input | string input |",
    "|---|--:|--:|",
  ];
  for (const [id, label] of SESSION_ROWS) {
    const cells = ["buffer", "string"].map((f) => cell(find("session", "session", f, id)));
    if (cells.some(Boolean)) lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

function beforeAfterTable() {
  const ba = data.beforeAfter;
  if (!ba?.rows?.length) return null;
  const ids = [["ours-native", "native"], ["batch-native", "native `isValidBatch`"], ["ours-wasm", "wasm"], ["batch-wasm", "wasm `isValidBatch`"], ["ours-js", "js"]];
  const lines = [
    `StopTransaction before → after: ratio to \`JSON.parse\` + ajv, each in its own run (before: the committed full run of the StopTransaction-only bench, ${String(ba.baseline.date).slice(0, 10)}, \`bench/${ba.baseline.file}\`; after: this run). Same payloads, same rows.`,
    "",
    `| StopTransaction | ${STOP_CASES.map((c) => caseHead(STOP, c)).join(" | ")} |`,
    `|---|${STOP_CASES.map(() => "--:").join("|")}|`,
  ];
  for (const form of ["buffer", "string"]) {
    for (const [id, label] of ids) {
      const cells = STOP_CASES.map((c) => {
        const x = ba.rows.find((r) => r.case === c && r.form === form && r.id === id);
        return x ? `${ratio(x.before)} → ${ratio(x.after)}` : "";
      });
      if (cells.some(Boolean)) lines.push(`| ${form === "buffer" ? "Buffer" : "string"}: **${label}** | ${cells.join(" | ")} |`);
    }
  }
  return lines.join("\n");
}

/** One line per message and case: our backends' ratios on Buffer input (the overview of bench/README.md). */
function compactTable() {
  const list = [...STOP_CASES.map((c) => [STOP, c]), ...MESSAGE_CASES.flatMap(([msg, cs]) => cs.map((c) => [msg, c])), ["session", "session"]];
  const lines = [
    "| Buffer input | bytes | `JSON.parse` + ajv | native | wasm | js | native `isValidBatch` |",
    "|---|--:|--:|--:|--:|--:|--:|",
  ];
  for (const [msg, c] of list) {
    const ajv = find(msg, c, "buffer", "ajv");
    if (!ajv) continue;
    const r = (id) => ratio(find(msg, c, "buffer", id)?.ratioToAjv ?? null).replace("—", "");
    const p = payloadInfo(msg, c);
    const what = msg === "session" ? "mixed session (per-frame `isValid`; `isValidBatch` per message)" : `${shortName(msg)} ${msg === "Heartbeat" ? "`{}`" : c === "sv10" ? "10 sampled values" : c}`;
    lines.push(`| ${what} | ${p ? p.bytes.toLocaleString("en-US") : ""} | ${ns(ajv.nsPerOp)} | ${r("ours-native")} | ${r("ours-wasm")} | ${r("ours-js")} | ${r("batch-native")} |`);
  }
  return lines.join("\n");
}

/** The crossing against the N-API floor (StopTransaction small, Buffer), when the run has it. */
function crossingTable() {
  const rows = data.crossing?.rows?.filter((x) => x.nsPerOp > 0);
  if (!rows?.length) return null;
  const over = (x) => (x == null ? "" : `${x >= 0 ? "+" : "−"}${Math.round(Math.abs(x))} ns`);
  return [
    "The crossing against the N-API floor (StopTransaction small, Buffer; `crates/napi-floor`): mean (median sample) per call; \"over\" = above the floor of the same call shape.",
    "",
    "| crossing | mean | median | over the floor |",
    "|---|--:|--:|--:|",
    ...rows.map((x) => `| ${x.name} | ${ns(x.nsPerOp)} | ${x.nsP50 > 0 ? ns(x.nsP50) : ""} | ${x.overFloorNs == null ? "" : `${over(x.overFloorNs)} (${x.floor})`} |`),
  ].join("\n");
}

const m = data.meta;
const mach = m.machine;
const targetValue = (t, v) => (v == null ? "—" : t.metric === "ratio" ? ratio(v) : `${Math.round(v).toLocaleString("en-US")} MB/s`);
const hasP50 = data.targets.some((t) => t.valueP50 != null);
const targetsTable = [
  `| target (Buffer input, same run) | measured (mean) |${hasP50 ? " median samples |" : ""} status |`,
  `|---|--:|${hasP50 ? "--:|" : ""}---|`,
  ...data.targets.map((t) => `| ${t.name} | ${targetValue(t, t.value)} |${hasP50 ? ` ${targetValue(t, t.valueP50)} |` : ""} ${t.status} |`),
].join("\n");
const otherMedium = MESSAGE_CASES.flatMap(([msg, cs]) => cs.filter((c) => c === "medium" || c === "sv10" || (protocolOf(msg) !== "ocpp1.6" && c !== "invalid")).map((c) => [msg, c]));
const out = [
  `Measured by \`pnpm bench\` on ${mach.cpu} (${mach.cores} cores, ${mach.os}${mach.loadAvg1mAtStart != null ? `, load average ${mach.loadAvg1mAtStart} at the start` : ""}), Node ${m.node}, ${m.date.slice(0, 10)}${m.seconds ? ` (${Math.round(m.seconds / 60)} min)` : ""}.`,
  "Each cell: mean time per call · speed relative to `JSON.parse` + ajv in the same run, on the same message and payload (higher is faster).",
  "Buffer input is what a WebSocket library hands over; the `JSON.parse`-based peers pay `toString` first.",
  "≠ marks a peer whose verdicts differ from the reference on that input.",
  "",
  "### StopTransaction.req",
  "",
  table("buffer input", STOP_CASES.map((c) => [STOP, c]), "buffer"),
  "",
  table("string input", STOP_CASES.map((c) => [STOP, c]), "string"),
  "",
  beforeAfterTable(),
  "",
  ...MESSAGE_CASES.flatMap(([msg, cs]) => [`### ${messageTitle(msg)}`, "", table("buffer input", cs.map((c) => [msg, c]), "buffer"), ""]),
  "### The other messages, string input",
  "",
  table("string input", otherMedium, "string"),
  "",
  "### Mixed session",
  "",
  sessionTable(),
  "",
  "### Targets",
  "",
  targetsTable,
  "",
  "![speed relative to JSON.parse + ajv](bench/results/chart.svg)",
].filter((x) => x !== null).join("\n").replace(/\n{3,}/g, "\n\n");

// bench/README.md: the overview, StopTransaction before → after and the targets
const benchOut = [
  `Last full run: ${mach.cpu} (${mach.cores} cores${mach.loadAvg1mAtStart != null ? `, load average ${mach.loadAvg1mAtStart} at the start: a shared machine` : ""}), Node ${m.node}, ${m.date.slice(0, 10)}${m.seconds ? `, ${Math.round(m.seconds / 60)} min` : ""}. Ratios to \`JSON.parse\` + ajv on the same payload in the same run (higher is faster); the full tables are in the repository README (\`node summary.mjs\`).`,
  "",
  compactTable(),
  "",
  beforeAfterTable(),
  "",
  crossingTable(),
  "",
  targetsTable,
].filter((x) => x !== null).join("\n").replace(/\n{3,}/g, "\n\n");

if (args.includes("--bench-readme")) {
  const readme = join(here, "README.md");
  const text = readFileSync(readme, "utf8");
  const re = /(<!-- bench-results:start -->\n)[\s\S]*?(<!-- bench-results:end -->)/;
  if (!re.test(text)) throw new Error("bench/README.md has no <!-- bench-results:start --> … <!-- bench-results:end --> block");
  writeFileSync(readme, text.replace(re, (_, a, b) => `${a}${benchOut}\n${b}`));
  console.log(`bench/README.md results updated from ${input}`);
} else if (!toReadme) {
  console.log(out);
} else {
  const readme = join(here, "..", "README.md");
  const text = readFileSync(readme, "utf8");
  const re = /(<!-- results:start -->\n)[\s\S]*?(<!-- results:end -->)/;
  if (!re.test(text)) throw new Error("README.md has no <!-- results:start --> … <!-- results:end --> block");
  writeFileSync(readme, text.replace(re, (_, a, b) => `${a}${out}\n${b}`));
  console.log(`README.md results updated from ${input}`);
}
