#!/usr/bin/env node
// The `ocpp-validate` command: validates OCPP 1.6, 2.0.1 and 2.1 payloads (any message) and OCPP-J frames in
// files, directories, stdin and log lines. Exit 0 = all valid, 1 = some invalid, 2 = usage or I/O error.
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { brackets, evaluateJoined, evaluator, isBlank, isSpace, LineCode, scanBrackets, skipSpace, type ChunkResult, type CliValidator, type Outcome, type Status } from "./cli-eval.js";
import type { CliWorkerData } from "./cli-worker.js";
import { createValidator, TOLERANCES } from "./index.js";
import { PROTOCOL_INFO, PROTOCOLS } from "./protocols.generated.js";
import { WorkerPool } from "./pool.js";
import type { BackendName, MessageNameOf, Protocol, Tolerance } from "./index.js";

/** `text` cut at spaces into lines of at most `width` characters, each indented by `indent`. */
function wrap(text: string, indent: number, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && indent + lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.map((l) => " ".repeat(indent) + l).join("\n");
}

const USAGE = `Usage: ocpp-validate [options] [path ...]

Validates OCPP 1.6, 2.0.1 and 2.1 payloads and OCPP-J frames (one protocol per run).
A path is a file or a directory (searched recursively for *.json, *.ndjson, *.jsonl, and with
--extract also *.log); no path or "-" reads stdin.

  *.json           one JSON document per file
  *.ndjson/.jsonl  one input per line (blank lines are skipped)
  stdin            one input per line, except that a line which opens an object or array
                   without closing it (the "{" a pretty-printer writes) starts a multi-line
                   document: it takes the following lines while they are indented or start
                   with "}" or "]", until its brackets close (so "jq . | ocpp-validate" works;
                   NDJSON is still read a line at a time). --format json reads all of stdin
                   as one document, --format ndjson strictly one input per line.
  --extract        every line of every input is a log line (see Log lines)

An input whose first non-blank character is "[" is an OCPP-J frame
[2,"<uniqueId>","<action>",{payload}] (checked against that action's schema). An object with a
"message" or "frame" member that holds a frame (the array, or a string of its JSON text) is a
wrapped frame: {"chargePointId":"CP1","message":[2,"a","Heartbeat",{}]} checks the frame.
Anything else is a payload of the --message (default StopTransaction; in 2.x
TransactionEventRequest).

Options:
  --backend <name>      auto (default), native, wasm or js
  --protocol <p>        ocpp1.6 (default), ocpp2.0.1 or ocpp2.1: the schemas, the frame rules
                        and the error codes
  --message <name>      the message payloads are checked against: any schema name of the
                        protocol, e.g. MeterValues or BootNotificationResponse (1.6),
                        BootNotificationRequest (2.x)
  --tolerate <names>    accept these deviations, and report each one that was accepted
                        (comma-separated; repeatable):
${wrap(TOLERANCES.join(", "), 24, 94)}
                        (each is defined in crates/core/SEMANTICS.md, "Tolerances")
  --all-errors          report every issue, not only the first
  --json                one JSON line per input on stdout: {file, line, valid, status,
                        errors, tolerated, warnings, frame?, chargePoint?}; status is valid,
                        tolerated, invalid or unparseable
  --format <f>          auto (default: by extension; stdin as above), json or ndjson
  --extract             find the OCPP-J frame inside each line (see Log lines)
  --charge-point <re>   a regular expression with a capture group, matched against each raw
                        line (or document): its first group names the charge point
  --top <n>             rows per summary table (default 10; 0 prints only the counts)
  --jobs <n>            threads that validate lines (default: the available parallelism,
                        here ${availableParallelism()}); the output is the same for every n, in input order
  --quiet               no per-input lines, only the summary (and read errors)
  -h, --help            this text
  --version             the package version

Output:
  stdout   a line per input that is invalid, valid only thanks to --tolerate, or has
           warnings ("<file>:<line>: invalid: <issues>"; JSON lines with --json), then the
           counts: "<n> inputs in <f> files: <v> valid, <t> valid with tolerances,
           <i> invalid, <u> unparseable, <w> with warnings, <x> lines without a frame"
           (parts that are 0 are left out, except valid and invalid)
  stderr   the summary tables: the most frequent issues by keyword and path (array indices
           as *, frames with their action), tolerated deviations, warnings, and the charge
           points with the most invalid inputs. With --json the counts go here too, so
           stdout holds only JSON lines.
  So "| grep", "| head" and "> file" get the per-input lines; the tables stay on the
  terminal (add 2>&1 to keep them). When stdout is closed early (| head), reading stops
  quietly and the exit status is that of the inputs checked so far.

Log lines (--extract):
  The frame is the bracketed text that starts at the first "[" followed by 2, 3 or 4 (with
  --protocol ocpp2.1 also 5 or 6) and a comma (whitespace allowed) and closes with at least three elements; brackets inside
  strings do not count. Prefixes such as "[2024-05-17 12:00:01] [CP1] <- " and any text after
  the frame are skipped. A frame cut off before its closing bracket is checked as it is (and
  is unparseable). Lines without a frame are counted, not checked.

Charge points (the summary's per charge point table, "chargePoint" in --json):
  the first group of --charge-point when it matches, else a wrapped frame's chargePointId,
  chargeBoxId, stationId or identity member. For example, for
  "[2024-05-17 12:00:01] [CP1] <- [2,...]":  --extract --charge-point '\\] \\[([^\\]]+)\\]'

Exit status: 0 all inputs valid (or valid with the tolerances asked for), 1 some invalid or
unparseable, 2 usage or I/O error. Lines without a frame do not change it.`;

const EXTENSIONS = new Set([".json", ".ndjson", ".jsonl"]);
const LOG_EXTENSIONS = new Set([...EXTENSIONS, ".log"]);
/**
 * With --jobs n above 1, the first bytes of every run are validated on the main thread (starting
 * workers costs more than a small input takes), the rest in chunks by n - 1 workers and the main
 * thread.
 */
const PARALLEL_MIN_BYTES = 1 << 20;
/** Bytes read from a file at a time, and what one worker gets per job: the 64 KiB default read left the line loop waiting on I/O for a quarter of its time. */
const CHUNK_BYTES = 1 << 20;
/**
 * Tests only: past the first PARALLEL_MIN_BYTES every chunk goes to a worker, even one still
 * loading, so that the workers' path is taken on an input of a few MiB (this thread would
 * otherwise validate all of it before they have loaded). The output is the same either way.
 */
const WORKERS_ONLY = process.env.OCPP_VALIDATE_CLI_WORKERS_ONLY === "1";
/** Chunks in flight per job: enough to keep every worker busy while the main thread reports. */
const CHUNKS_PER_JOB = 4;
/**
 * Chunks a worker holds before this thread validates one itself: one in hand and one waiting, so
 * that a worker never waits for this thread to notice that it finished.
 */
const WORKER_AHEAD = 2;
/** Inputs or bytes above which a terminal gets a progress bar. */
const PROGRESS_MIN_BYTES = 8 << 20;
const PROGRESS_INTERVAL_MS = 100;
/** Distinct rows a summary table keeps counting (the rest are counted as "other"), so memory stays bounded on any input. */
const MAX_GROUPS = 10_000;
const MAX_CHARGE_POINTS = 100_000;
const MAX_GROUPS_PER_CHARGE_POINT = 100;

class UsageError extends Error {}
/** A --jobs worker failed: not a read error of the file at hand, so it ends the run (exit 2). */
class WorkerFailed extends Error {}
/** Thrown out of the read loops when nobody reads stdout any more. */
class OutputClosed extends Error {}

interface Options {
  backend: BackendName | "auto";
  protocol: Protocol;
  /** Undefined: the protocol's default. */
  message: MessageNameOf<Protocol> | undefined;
  tolerate: Tolerance[];
  allErrors: boolean;
  json: boolean;
  quiet: boolean;
  format: "auto" | "json" | "ndjson";
  extract: boolean;
  chargePoint: RegExp | null;
  top: number;
  jobs: number;
  paths: string[];
}

function parseArgs(argv: string[]): Options | "help" | "version" {
  const o: Options = {
    backend: "auto",
    protocol: "ocpp1.6",
    message: undefined,
    tolerate: [],
    allErrors: false,
    json: false,
    quiet: false,
    format: "auto",
    extract: false,
    chargePoint: null,
    top: 10,
    jobs: availableParallelism(),
    paths: [],
  };
  const tolerate = new Set<Tolerance>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      if (a.includes("=")) return a.slice(a.indexOf("=") + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const is = (name: string) => a === name || a.startsWith(`${name}=`);
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--version") return "version";
    else if (a === "--all-errors") o.allErrors = true;
    else if (a === "--json") o.json = true;
    else if (a === "--quiet") o.quiet = true;
    else if (a === "--extract") o.extract = true;
    else if (is("--backend")) {
      const v = value();
      if (!["auto", "native", "wasm", "js"].includes(v)) throw new UsageError(`--backend must be auto, native, wasm or js, not ${JSON.stringify(v)}`);
      o.backend = v as Options["backend"];
    } else if (is("--protocol")) {
      const v = value();
      if (!(PROTOCOLS as readonly string[]).includes(v)) throw new UsageError(`--protocol must be ${PROTOCOLS.join(", ")}, not ${JSON.stringify(v)}`);
      o.protocol = v as Protocol;
    } else if (is("--message")) {
      const v = value();
      o.message = v as MessageNameOf<Protocol>;
    } else if (is("--tolerate")) {
      // Empty items are allowed so that `--tolerate "$LIST"` with an empty list means strict.
      for (const name of value().split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!(TOLERANCES as readonly string[]).includes(name)) throw new UsageError(`unknown tolerance ${JSON.stringify(name)}; the tolerances are: ${TOLERANCES.join(", ")}`);
        tolerate.add(name as Tolerance);
      }
    } else if (is("--format")) {
      const v = value();
      if (!["auto", "json", "ndjson"].includes(v)) throw new UsageError(`--format must be auto, json or ndjson, not ${JSON.stringify(v)}`);
      o.format = v as Options["format"];
    } else if (is("--charge-point")) {
      const v = value();
      let re: RegExp;
      try {
        re = new RegExp(v);
      } catch (e) {
        throw new UsageError(`--charge-point is not a regular expression: ${(e as Error).message}`);
      }
      // A regex with an empty alternative matches "" and its match array has one slot per group.
      if (new RegExp(`${v}|`).exec("")!.length < 2) throw new UsageError(`--charge-point needs a capture group, e.g. 'cp=(\\w+)', not ${JSON.stringify(v)}`);
      o.chargePoint = re;
    } else if (is("--top")) {
      const v = value();
      if (!/^\d+$/.test(v)) throw new UsageError(`--top must be a whole number, not ${JSON.stringify(v)}`);
      o.top = Number(v);
    } else if (is("--jobs")) {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs must be a whole number of at least 1, not ${JSON.stringify(v)}`);
      o.jobs = Number(v);
    } else if (a === "--") o.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (o.extract && o.format === "json") throw new UsageError("--extract reads log lines; it cannot be combined with --format json");
  // after the loop: --protocol may come after --message
  const info = PROTOCOL_INFO[o.protocol];
  if (o.message !== undefined && !(info.messageNames as readonly string[]).includes(o.message)) {
    throw new UsageError(`unknown message ${JSON.stringify(o.message)} in ${o.protocol}; OCPP ${info.version} messages are: ${info.messageNames.join(", ")}`);
  }
  o.tolerate = TOLERANCES.filter((t) => tolerate.has(t));
  if (o.paths.length === 0) o.paths.push("-");
  return o;
}

/**
 * How a source is cut into inputs: `document` = all of it is one input, `lines` = one input per
 * line, `documents` = one per line, except multi-line documents (stdin; see USAGE).
 */
type Reading = "document" | "lines" | "documents";

interface Source {
  /** What output calls it: the path, or "-" for stdin. */
  name: string;
  path: string | null;
  size: number;
  reading: Reading;
}

/** Files under `path` (sorted, recursive), or `path` itself; what cannot be read goes to `fail`. */
async function expand(path: string, o: Options, out: Source[], fail: (path: string, e: unknown) => void): Promise<void> {
  if (path === "-") {
    out.push({ name: "-", path: null, size: 0, reading: o.extract || o.format === "ndjson" ? "lines" : o.format === "json" ? "document" : "documents" });
    return;
  }
  let info;
  try {
    info = await stat(path);
    if (info.isDirectory()) {
      const walked = o.extract ? LOG_EXTENSIONS : EXTENSIONS;
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const e of entries) {
        if (e.isDirectory() || walked.has(extname(e.name).toLowerCase())) await expand(join(path, e.name), o, out, fail);
      }
      return;
    }
  } catch (e) {
    fail(path, e);
    return;
  }
  const ext = extname(path).toLowerCase();
  const lines = o.extract || o.format === "ndjson" || (o.format === "auto" && (ext === ".ndjson" || ext === ".jsonl"));
  out.push({ name: path, path, size: info.size, reading: lines ? "lines" : "document" });
}

/** Calls `each` with every line (without its `\n`) and its 1-based number, as chunks arrive, and `chunkDone` after each chunk. */
async function forEachLine(stream: Readable, each: (line: Buffer, n: number) => void, chunkDone: () => void): Promise<void> {
  // The line a read cut off, in pieces: only that line is copied when the next read ends it, not
  // the whole next read joined to it.
  let rest: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let start = 0;
    if (rest.length) {
      const nl = chunk.indexOf(10);
      if (nl < 0) {
        rest.push(chunk);
        continue;
      }
      rest.push(chunk.subarray(0, nl));
      each(Buffer.concat(rest), ++n);
      rest = [];
      start = nl + 1;
    }
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      each(chunk.subarray(start, nl), ++n);
      start = nl + 1;
    }
    if (start < chunk.length) rest.push(chunk.subarray(start));
    chunkDone();
  }
  if (rest.length) each(Buffer.concat(rest), ++n);
}

const where = (path: string) => path || "(root)";

function describeOutcome(o: Outcome): string {
  const parts: string[] = [];
  if (o.frame && (o.frame.kind !== "call" || o.errors.length === 0) && o.frame.errorCode) {
    parts.push(o.frame.kind === "call" ? `${o.frame.errorCode}: action ${JSON.stringify(o.frame.action)}` : `${o.frame.kind} frame (${o.frame.errorCode})`);
  }
  // a 2.1 SEND is never answered, so an action the CSMS does not take has no code to show
  if (o.frame?.kind === "send" && !o.valid && o.errors.length === 0) parts.push(`SEND of an action a CSMS does not take: ${JSON.stringify(o.frame.action)}`);
  for (const e of o.errors) parts.push(`${where(e.instancePath)} ${e.keyword}: ${e.message}`);
  for (const t of o.tolerated) parts.push(`tolerated ${where(t.instancePath)} ${t.keyword} [${t.tolerance}]: ${t.message}`);
  for (const w of o.warnings) parts.push(`warning ${where(w.instancePath)} ${w.warning}: ${w.message}`);
  return parts.join("; ");
}

const VERDICT: Record<Status, string> = { valid: "valid with warnings", tolerated: "valid with tolerances", invalid: "invalid", unparseable: "invalid" };

/** Array indices in a path become `*`, so the same field of every array item shares one row. */
const wildcard = (path: string) => path.replace(/\/\d+(?=\/|$)/g, "/*");

interface Group {
  columns: string[];
  count: number;
  example: string;
}

/** Inputs counted per row of a table; each input counts once per row. */
class Groups {
  readonly rows = new Map<string, Group>();
  other = 0;
  constructor(private readonly max: number) {}
  add(columns: string[], example: string, seen: Set<string>): void {
    const key = columns.join("\u0000");
    if (seen.has(key)) return;
    seen.add(key);
    const row = this.rows.get(key);
    if (row) row.count++;
    else if (this.rows.size < this.max) this.rows.set(key, { columns, count: 1, example });
    else this.other++;
  }
  top(n: number): Group[] {
    return [...this.rows.values()].sort((a, b) => b.count - a.count || (a.columns.join(" ") < b.columns.join(" ") ? -1 : 1)).slice(0, n);
  }
}

type Counts = Record<Status, number> & { warned: number };
const counts = (): Counts => ({ valid: 0, tolerated: 0, invalid: 0, unparseable: 0, warned: 0 });

interface ChargePointStats {
  counts: Counts;
  issues: Groups;
}

class Summary {
  readonly counts = counts();
  inputs = 0;
  noFrame = 0;
  readonly issues = new Groups(MAX_GROUPS);
  readonly tolerated = new Groups(MAX_GROUPS);
  readonly warnings = new Groups(MAX_GROUPS);
  readonly chargePoints = new Map<string, ChargePointStats>();
  otherChargePoints = 0;
  withoutChargePoint = 0;

  add(o: Outcome): void {
    this.inputs++;
    this.counts[o.status]++;
    // Most inputs: nothing to tabulate.
    if (o.status === "valid" && o.warnings.length === 0 && !o.refusal && o.chargePoint === null) {
      this.withoutChargePoint++;
      return;
    }
    if (o.warnings.length) this.counts.warned++;
    const action = o.frame?.action ? `${o.frame.action} ` : "";
    const issueRows: Array<[string[], string]> = o.refusal
      ? [[[o.refusal.errorCode, action ? action.trimEnd() : "(frame)"], o.refusal.errorDescription]]
      : o.errors.map((e) => [[e.keyword, action + where(wildcard(e.instancePath))], e.message]);
    let seen = new Set<string>();
    for (const [columns, example] of issueRows) this.issues.add(columns, example, seen);
    seen = new Set();
    for (const t of o.tolerated) this.tolerated.add([t.tolerance, t.keyword, action + where(wildcard(t.instancePath))], t.message, seen);
    seen = new Set();
    for (const w of o.warnings) this.warnings.add([w.warning, action + where(wildcard(w.instancePath))], w.message, seen);

    if (o.chargePoint === null) {
      this.withoutChargePoint++;
      return;
    }
    let cp = this.chargePoints.get(o.chargePoint);
    if (!cp) {
      if (this.chargePoints.size >= MAX_CHARGE_POINTS) {
        this.otherChargePoints++;
        return;
      }
      cp = { counts: counts(), issues: new Groups(MAX_GROUPS_PER_CHARGE_POINT) };
      this.chargePoints.set(o.chargePoint, cp);
    }
    cp.counts[o.status]++;
    if (o.warnings.length) cp.counts.warned++;
    seen = new Set();
    for (const [columns, example] of issueRows) cp.issues.add(columns, example, seen);
  }

  /** The tables, for stderr; empty when there is nothing to show. */
  tables(top: number): string {
    if (top === 0) return "";
    const out: string[] = [];
    const table = (title: string, groups: Groups) => {
      const rows = groups.top(top);
      if (!rows.length) return;
      out.push(`${title}:`);
      const countWidth = String(rows[0]!.count).length;
      const widths = rows[0]!.columns.map((_, i) => Math.max(...rows.map((r) => r.columns[i]!.length)));
      for (const r of rows) out.push(`  ${String(r.count).padStart(countWidth)}  ${r.columns.map((c, i) => c.padEnd(widths[i]!)).join("  ")}  ${r.example}`);
      const more = groups.rows.size - rows.length;
      if (more || groups.other) out.push(`  (and ${more} more rows${groups.other ? `; ${groups.other} more inputs fell in rows beyond the first ${MAX_GROUPS}` : ""})`);
    };
    table("Most frequent issues (inputs, keyword, path, first message)", this.issues);
    table("Most frequent tolerated deviations (inputs, tolerance, keyword, path, first message)", this.tolerated);
    table("Most frequent warnings (inputs, warning, path, first message)", this.warnings);

    const flagged = (c: Counts) => c.invalid + c.unparseable + c.tolerated + c.warned > 0;
    const points = [...this.chargePoints.entries()].filter(([, s]) => flagged(s.counts));
    if (points.length) {
      const bad = (c: Counts) => c.invalid + c.unparseable;
      points.sort(([a, x], [b, y]) => bad(y.counts) - bad(x.counts) || y.counts.tolerated - x.counts.tolerated || y.counts.warned - x.counts.warned || (a < b ? -1 : a > b ? 1 : 0));
      const shown = points.slice(0, top);
      const known = `${this.chargePoints.size}${this.otherChargePoints ? "+" : ""}`;
      out.push(`By charge point, most invalid first (${points.length} of ${known} charge points had invalid, tolerated or warned inputs):`);
      // An id comes from the input: one with spaces or control characters is quoted so that it cannot garble the table.
      const label = (id: string) => (/^[\x21-\x7e]+$/.test(id) ? id : JSON.stringify(id));
      const width = Math.max(...shown.map(([id]) => label(id).length));
      for (const [id, s] of shown) {
        const c = s.counts;
        const n = c.valid + c.tolerated + c.invalid + c.unparseable;
        const [first] = s.issues.top(1);
        out.push(`  ${label(id).padEnd(width)}  ${n} input${n === 1 ? "" : "s"}: ${countParts(c).join(", ")}${first ? `; most frequent: ${first.columns.join(" ")} (${first.count})` : ""}`);
      }
      if (points.length > shown.length) out.push(`  (and ${points.length - shown.length} more)`);
      if (this.withoutChargePoint) out.push(`  (${this.withoutChargePoint} input${this.withoutChargePoint === 1 ? "" : "s"} named no charge point)`);
    }
    return out.length ? out.join("\n") + "\n" : "";
  }
}

/** "3 valid, 1 valid with tolerances, 2 invalid, ...": valid and invalid always, the rest when not 0. */
function countParts(c: Counts): string[] {
  return [
    `${c.valid} valid`,
    ...(c.tolerated ? [`${c.tolerated} valid with tolerances`] : []),
    `${c.invalid} invalid`,
    ...(c.unparseable ? [`${c.unparseable} unparseable`] : []),
    ...(c.warned ? [`${c.warned} with warnings`] : []),
  ];
}

class Progress {
  private last = 0;
  private shown = false;
  private readonly started = performance.now();
  constructor(private readonly total: number, private readonly enabled: boolean) {}
  update(done: number, inputs: number, lines: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const ratio = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const bar = this.total > 0 ? `[${"#".repeat(Math.round(ratio * width)).padEnd(width, ".")}] ${(ratio * 100).toFixed(0).padStart(3)}% ` : "";
    const seconds = Math.max(1e-3, (performance.now() - this.started) / 1000);
    const rate = `${(done / 1e6 / seconds).toFixed(1)} MB/s, ${Math.round(lines / seconds)} lines/s`;
    process.stderr.write(`\r${bar}${inputs} inputs, ${(done / 1048576).toFixed(1)} MiB, ${rate}\x1b[K`);
  }
  clear(): void {
    if (this.shown) process.stderr.write("\r\x1b[K");
    this.shown = false;
  }
}

/**
 * Cuts stdin's lines into inputs: a line is one input, unless it opens an object or array that it
 * does not close; then it starts a document that takes the following lines while they can
 * continue a pretty-printed one (indented, or starting with a closing bracket) until its brackets
 * close. A truncated NDJSON line is therefore ended by the next line (which starts at column 0)
 * and reported on its own instead of swallowing the rest of the input.
 */
class Documents {
  private parts: Buffer[] = [];
  private first = 0;
  private state = brackets();
  constructor(
    private readonly evaluate: (input: Buffer) => Outcome | null,
    private readonly report: (outcome: Outcome | null, line: number) => void,
  ) {}

  /** `outcome`: the line's, when a worker already evaluated it (it is used only where `evaluate(b)` would be). */
  line(b: Buffer, n: number, outcome?: Outcome | null): void {
    if (this.parts.length) {
      const c = b[0];
      if (c !== undefined && !isSpace(c) && c !== 0x7d && c !== 0x5d) this.end();
      else {
        this.parts.push(b);
        // A JSON string cannot hold a line break: a line that ends inside one ends the document.
        if (scanBrackets(b, 0, this.state) >= 0 || this.state.inString) this.end();
        return;
      }
    }
    if (isBlank(b)) return;
    // A line that parses (valid or not) is one input; only text that does not parse costs a bracket scan.
    if (outcome === undefined) outcome = this.evaluate(b);
    if (outcome?.status === "unparseable") {
      const start = skipSpace(b, 0);
      const s = brackets();
      if ((b[start] === 0x7b || b[start] === 0x5b) && scanBrackets(b, start, s) < 0 && !s.inString) {
        this.parts = [b];
        this.first = n;
        this.state = s;
        return;
      }
    }
    this.report(outcome, n);
  }

  end(): void {
    if (!this.parts.length) return;
    const parts = this.parts;
    this.parts = [];
    this.report(this.evaluate(Buffer.concat(parts.flatMap((p, i) => (i ? [NEWLINE, p] : [p])))), this.first);
  }
}

const NEWLINE = Buffer.from("\n");

/** Why stdout can no longer be written: EPIPE when its reader left (| head), or another write error. */
let stdoutError: NodeJS.ErrnoException | null = null;
// Listening before anything is written turns a closed pipe into this flag instead of an uncaught 'error' with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  stdoutError ??= e;
});
// With stderr gone too (2>&1 | head) there is nobody left to tell.
process.stderr.on("error", () => {});
/** A write into a closed pipe destroys the stream at once; its 'error' event comes a tick later. */
const stdoutGone = () => stdoutError !== null || process.stdout.destroyed;

async function main(argv: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`ocpp-validate: ${(e as Error).message}\n(run ocpp-validate --help)\n`);
    return 2;
  }
  if (options === "help") {
    process.stdout.write(USAGE + "\n");
    return 0;
  }
  if (options === "version") {
    const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  const o = options;
  let validator: CliValidator;
  try {
    validator = createValidator({ backend: o.backend, protocol: o.protocol, message: o.message, tolerate: o.tolerate });
  } catch (e) {
    process.stderr.write(`ocpp-validate: ${(e as Error).message}\n`);
    return 2;
  }

  let ioErrors = 0;
  const ioError = (name: string, e: unknown) => {
    ioErrors++;
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === "ENOENT" ? "no such file or directory" : err.code === "EACCES" ? "permission denied" : err.code === "ELOOP" ? "too many symbolic links" : err.message;
    process.stderr.write(`ocpp-validate: cannot read ${name}: ${why}\n`);
  };

  const sources: Source[] = [];
  for (const p of o.paths) await expand(p, o, sources, ioError);

  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  const progress = new Progress(totalBytes, process.stderr.isTTY === true && (totalBytes >= PROGRESS_MIN_BYTES || sources.some((s) => s.path === null)));
  const started = performance.now();
  const summary = new Summary();
  let bytesDone = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) {
      progress.clear();
      process.stdout.write(out.join(""));
      out.length = 0;
    }
    if (stdoutGone()) throw new OutputClosed();
  };

  const evaluate = evaluator(validator, o);
  let linesDone = 0;

  const report = (source: Source, line: number | null, outcome: Outcome | null) => {
    if (outcome === null) {
      summary.noFrame++;
      return;
    }
    summary.add(outcome);
    if (o.json) {
      const errors = outcome.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message, ocppErrorCode: e.ocppErrorCode }));
      const tolerated = outcome.tolerated.map((t) => ({ instancePath: t.instancePath, keyword: t.keyword, message: t.message, ocppErrorCode: t.ocppErrorCode, tolerance: t.tolerance }));
      const warnings = outcome.warnings.map((w) => ({ instancePath: w.instancePath, warning: w.warning, message: w.message }));
      out.push(
        JSON.stringify({
          file: source.name,
          line,
          valid: outcome.valid,
          status: outcome.status,
          errors,
          tolerated,
          warnings,
          ...(outcome.frame ? { frame: outcome.frame } : {}),
          ...(outcome.chargePoint !== null ? { chargePoint: outcome.chargePoint } : {}),
        }) + "\n",
      );
    } else if (!o.quiet && (outcome.status !== "valid" || outcome.warnings.length)) {
      out.push(`${source.name}${line === null ? "" : `:${line}`}: ${VERDICT[outcome.status]}: ${describeOutcome(outcome)}\n`);
    }
    if (out.length >= 256) flush();
    progress.update(bytesDone, summary.inputs, linesDone);
  };


  /**
   * --jobs above 1: a source's lines in chunks, evaluated by a pool of workers and this thread (the
   * first PARALLEL_MIN_BYTES of the run only on this thread) and reported here in input order, exactly as the
   * line loop below reports them. Memory stays bounded whatever the input's size: reading waits
   * while `jobs × CHUNKS_PER_JOB` chunks are in flight (and while stdout has not drained), each chunk
   * is at most one read (CHUNK_BYTES from a file, what the pipe gave on stdin) plus the line it cut,
   * and a chunk's bytes and results are dropped once reported. Only a single line longer than all
   * of that is held whole, as the line loop does too: a line is one input.
   */
  let pool: WorkerPool | null = null;
  let poolReady = false;
  let sentInline = 0;
  const workerData: CliWorkerData = {
    backend: validator.backend,
    protocol: o.protocol,
    message: o.message,
    tolerate: o.tolerate,
    allErrors: o.allErrors,
    extract: o.extract,
    chargePoint: o.chargePoint?.source ?? null,
    full: o.json,
  };
  /**
   * The chunk is `head` (the line the last read cut, or null) joined to `body` (this read up to its
   * last newline), never joined as a whole: only the line they share is copied. With `keep` false,
   * `body`'s whole ArrayBuffer goes to a worker without a copy: the caller says so only for a read
   * that owns its buffer (a file read's does) and holds no other view of it.
   */
  const evaluateAnywhere = (head: Buffer | null, body: Buffer, keep: boolean): Promise<ChunkResult> => {
    // This thread is one of the jobs: it takes a chunk itself whenever every worker already has
    // one in hand, which includes the time they take to start (about as long as validating 40 MB
    // here), so a second core pays off on a log of any size.
    const busy = pool !== null && (!poolReady || pool.inFlight >= pool.size * WORKER_AHEAD);
    if (sentInline < PARALLEL_MIN_BYTES || (busy && !WORKERS_ONLY)) {
      sentInline += (head?.length ?? 0) + body.length;
      return Promise.resolve(evaluateJoined(head, body, evaluate, o.json));
    }
    if (pool === null) {
      pool = new WorkerPool(validator.backend, o.jobs - 1, new URL("./cli-worker.js", import.meta.url), workerData);
      // A worker answers its first job once it has loaded: until all have, this thread takes the
      // chunks (a chunk sent to a worker still loading would hold up the in-order output). A
      // worker that fails to load fails the chunk sent to it next, which ends the run.
      const loaded = Array.from({ length: pool.size }, () => pool!.request<null>({}));
      Promise.all(loaded).then(
        () => (poolReady = true),
        () => (poolReady = true),
      );
      if (!WORKERS_ONLY) return evaluateAnywhere(head, body, keep);
    }
    const chunk = keep ? Uint8Array.prototype.slice.call(body) : new Uint8Array(body.buffer, body.byteOffset, body.length);
    return pool.request<ChunkResult>({ head, chunk }, [chunk.buffer as ArrayBuffer]).catch((e: unknown) => {
      throw new WorkerFailed((e as Error).message, { cause: e });
    });
  };
  const VALID: Outcome = { status: "valid", valid: true, errors: [], tolerated: [], warnings: [], chargePoint: null };
  const stdoutDrained = (): Promise<void> | undefined => {
    if (!process.stdout.writableNeedDrain || stdoutGone()) return undefined;
    return new Promise<void>((resolve) => {
      const done = () => {
        process.stdout.off("drain", done);
        process.stdout.off("close", done);
        resolve();
      };
      process.stdout.on("drain", done);
      process.stdout.on("close", done);
    });
  };

  const readParallel = async (source: Source, stream: Readable): Promise<void> => {
    const documents = source.reading === "documents" ? new Documents(evaluate, (outcome, n) => report(source, n, outcome)) : null;
    type Entry = { chunk: Buffer | null; length: number; result: ChunkResult | null };
    const queue: Entry[] = [];
    let failure: unknown = null;
    let wake: (() => void) | null = null;
    let line = 0;
    const deliver = (e: Entry) => {
      const { codes, outcomes } = e.result!;
      let next = 0;
      let start = 0;
      for (let i = 0; i < codes.length; i++) {
        const n = ++line;
        linesDone++;
        const code = codes[i]!;
        const outcome = code === LineCode.Outcome ? outcomes[next++]! : code === LineCode.Valid ? VALID : code === LineCode.NoFrame ? null : undefined;
        if (documents) {
          // Documents needs the raw line: where one document spans lines it reads them again.
          const chunk = e.chunk!;
          const nl = chunk.indexOf(10, start);
          const end = nl < 0 ? chunk.length : nl;
          documents.line(chunk.subarray(start, end), n, outcome);
          start = end + 1;
        } else if (outcome !== undefined) report(source, n, outcome);
      }
      bytesDone += e.length;
    };
    const pump = () => {
      try {
        while (queue.length && queue[0]!.result) deliver(queue.shift()!);
        // Per chunk, so that a slow stream (tail -f) shows its results as they come.
        flush();
      } catch (error) {
        failure ??= error;
      }
      wake?.();
    };
    const wait = () => new Promise<void>((resolve) => (wake = resolve));
    const submit = async (head: Buffer[], body: Buffer, owned: boolean) => {
      const joined = head.length === 0 ? null : head.length === 1 ? head[0]! : Buffer.concat(head);
      const length = (joined?.length ?? 0) + body.length;
      const entry: Entry = { chunk: documents ? (joined ? Buffer.concat([joined, body]) : body) : null, length, result: null };
      queue.push(entry);
      (documents ? evaluateAnywhere(null, entry.chunk!, true) : evaluateAnywhere(joined, body, !owned)).then(
        (result) => {
          entry.result = result;
          pump();
        },
        (error: unknown) => {
          failure ??= error;
          wake?.();
        },
      );
      while (queue.length >= o.jobs * CHUNKS_PER_JOB && failure === null) await wait();
      await stdoutDrained();
    };
    try {
      // The line a read cut off, in pieces (copied: the read's buffer may go to a worker).
      let rest: Buffer[] = [];
      for await (const data of stream as AsyncIterable<Buffer>) {
        if (failure !== null) break;
        const cut = data.lastIndexOf(10) + 1;
        if (cut === 0) {
          rest.push(Buffer.from(data));
          continue;
        }
        const head = rest;
        rest = cut < data.length ? [Buffer.from(data.subarray(cut))] : [];
        // A read whose Buffer is its ArrayBuffer can be handed over whole; a pooled one (a slice
        // of a buffer that other Buffers share) is copied.
        const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
        await submit(head, data.subarray(0, cut), owned);
      }
      if (rest.length && failure === null) await submit(rest, Buffer.alloc(0), false);
    } finally {
      // What was read before a read error is reported before it, as the line loop does.
      while (queue.length && failure === null) await wait();
    }
    if (failure !== null) throw failure;
    documents?.end();
  };

  try {
    for (const source of sources) {
      try {
        if (source.reading !== "document" && o.jobs > 1) {
          await readParallel(source, source.path === null ? process.stdin : createReadStream(source.path, { highWaterMark: CHUNK_BYTES }));
        } else if (source.reading === "document") {
          const data = source.path === null ? await readAll(process.stdin) : await readFile(source.path);
          bytesDone += data.length;
          report(source, null, evaluate(data));
        } else {
          const stream = source.path === null ? process.stdin : createReadStream(source.path, { highWaterMark: CHUNK_BYTES });
          const documents = source.reading === "documents" ? new Documents(evaluate, (outcome, n) => report(source, n, outcome)) : null;
          await forEachLine(
            stream,
            (line, n) => {
              bytesDone += line.length + 1;
              linesDone++;
              if (documents) documents.line(line, n);
              else if (!isBlank(line)) report(source, n, evaluate(line));
            },
            // Per chunk, so that a slow stream (tail -f) shows its results as they come.
            flush,
          );
          documents?.end();
        }
      } catch (e) {
        if (e instanceof OutputClosed || e instanceof WorkerFailed) throw e;
        ioError(source.name, e);
      }
      if (stdoutGone()) throw new OutputClosed();
    }
    flush();
  } catch (e) {
    if (!(e instanceof OutputClosed)) throw e;
  } finally {
    await (pool as WorkerPool | null)?.close();
  }
  progress.clear();
  if (stdoutGone()) {
    // Whoever closed stdout has seen what they wanted: no summary, and the status of what was checked.
    if (stdoutError && stdoutError.code !== "EPIPE") {
      process.stderr.write(`ocpp-validate: cannot write to stdout: ${stdoutError.message}\n`);
      return 2;
    }
    return ioErrors ? 2 : summary.counts.invalid + summary.counts.unparseable ? 1 : 0;
  }

  const ms = performance.now() - started;
  const files = sources.filter((s) => s.path !== null).length;
  const inputs = summary.inputs;
  const parts = countParts(summary.counts);
  if (summary.noFrame) parts.push(`${summary.noFrame} line${summary.noFrame === 1 ? "" : "s"} without a frame`);
  if (ioErrors) parts.push(`${ioErrors} unreadable`);
  const line = `${inputs} input${inputs === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${sources.some((s) => s.path === null) ? " and stdin" : ""}: ${parts.join(", ")} (${validator.backend} backend, ${ms.toFixed(0)} ms)\n`;
  // In --json mode stdout holds only the per-input lines.
  (o.json ? process.stderr : process.stdout).write(line);
  process.stderr.write(summary.tables(o.top));
  return ioErrors ? 2 : summary.counts.invalid + summary.counts.unparseable ? 1 : 0;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ocpp-validate: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
