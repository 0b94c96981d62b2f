#!/usr/bin/env node
// The `ocpp-validate` command: validates OCPP 1.6 payloads (any message) and OCPP-J frames in
// files, directories and stdin. Exit 0 = all valid, 1 = some invalid, 2 = usage or I/O error.
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join } from "node:path";
import type { Readable } from "node:stream";
import { createValidator } from "./index.js";
import { MESSAGE_NAMES } from "./messages.generated.js";
import type { BackendName, MessageName, ValidationIssue, Validator } from "./types.js";

const USAGE = `Usage: ocpp-validate [options] [path ...]

Validates OCPP 1.6 payloads and OCPP-J frames.
A path is a file or a directory (searched recursively for *.json, *.ndjson, *.jsonl);
no path or "-" reads stdin.

  *.json           one JSON document per file
  *.ndjson/.jsonl  one input per line (blank lines are skipped)
  stdin            one input per line, unless --format json

An input whose first non-blank character is "[" is an OCPP-J frame
[2,"<uniqueId>","<action>",{payload}] (checked against that action's schema);
anything else is a payload of the --message (default StopTransaction).

Options:
  --backend <name>   auto (default), native, wasm or js
  --message <name>   the message payloads are checked against: any OCPP 1.6 schema
                     name, e.g. MeterValues or BootNotificationResponse
  --all-errors       report every issue, not only the first
  --json             one JSON line per input on stdout: {file, line, valid, errors, frame?}
  --format <f>       auto (default: by extension, stdin = ndjson), json or ndjson
  --quiet            print only the summary (and errors)
  -h, --help         this text
  --version          the package version

Exit status: 0 all inputs valid, 1 some invalid, 2 usage or I/O error.`;

const EXTENSIONS = new Set([".json", ".ndjson", ".jsonl"]);
/** Inputs or bytes above which a terminal gets a progress bar. */
const PROGRESS_MIN_BYTES = 8 << 20;
const PROGRESS_INTERVAL_MS = 100;

class UsageError extends Error {}

interface Options {
  backend: BackendName | "auto";
  message: MessageName;
  allErrors: boolean;
  json: boolean;
  quiet: boolean;
  format: "auto" | "json" | "ndjson";
  paths: string[];
}

function parseArgs(argv: string[]): Options | "help" | "version" {
  const o: Options = { backend: "auto", message: "StopTransaction", allErrors: false, json: false, quiet: false, format: "auto", paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--version") return "version";
    else if (a === "--all-errors") o.allErrors = true;
    else if (a === "--json") o.json = true;
    else if (a === "--quiet") o.quiet = true;
    else if (a === "--backend" || a.startsWith("--backend=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : value();
      if (!["auto", "native", "wasm", "js"].includes(v)) throw new UsageError(`--backend must be auto, native, wasm or js, not ${JSON.stringify(v)}`);
      o.backend = v as Options["backend"];
    } else if (a === "--message" || a.startsWith("--message=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : value();
      if (!(MESSAGE_NAMES as readonly string[]).includes(v)) throw new UsageError(`unknown message ${JSON.stringify(v)}; OCPP 1.6 messages are: ${MESSAGE_NAMES.join(", ")}`);
      o.message = v as MessageName;
    } else if (a === "--format" || a.startsWith("--format=")) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : value();
      if (!["auto", "json", "ndjson"].includes(v)) throw new UsageError(`--format must be auto, json or ndjson, not ${JSON.stringify(v)}`);
      o.format = v as Options["format"];
    } else if (a === "--") o.paths.push(...argv.slice(i + 1)), (i = argv.length);
    else if (a.startsWith("-") && a !== "-") throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
  }
  if (o.paths.length === 0) o.paths.push("-");
  return o;
}

interface Source {
  /** What output calls it: the path, or "-" for stdin. */
  name: string;
  path: string | null;
  size: number;
  lines: boolean;
}

/** Files under `path` (sorted, recursive), or `path` itself; what cannot be read goes to `fail`. */
async function expand(path: string, format: Options["format"], out: Source[], fail: (path: string, e: unknown) => void): Promise<void> {
  if (path === "-") {
    out.push({ name: "-", path: null, size: 0, lines: format !== "json" });
    return;
  }
  let info;
  try {
    info = await stat(path);
    if (info.isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const e of entries) {
        if (e.isDirectory() || EXTENSIONS.has(extname(e.name).toLowerCase())) await expand(join(path, e.name), format, out, fail);
      }
      return;
    }
  } catch (e) {
    fail(path, e);
    return;
  }
  const ext = extname(path).toLowerCase();
  out.push({ name: path, path, size: info.size, lines: format === "ndjson" || (format === "auto" && (ext === ".ndjson" || ext === ".jsonl")) });
}

/** Calls `each` with every line (without its `\n`) and its 1-based number, as chunks arrive. */
async function forEachLine(stream: Readable, each: (line: Buffer, n: number) => void): Promise<void> {
  let rest: Buffer = Buffer.alloc(0);
  let n = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl >= 0; nl = buf.indexOf(10, start)) {
      each(buf.subarray(start, nl), ++n);
      start = nl + 1;
    }
    rest = buf.subarray(start);
  }
  if (rest.length) each(rest, ++n);
}

function isBlank(b: Uint8Array): boolean {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
  return true;
}

function firstNonBlank(b: Uint8Array): number {
  for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c;
  return -1;
}

interface Outcome {
  valid: boolean;
  errors: ValidationIssue[];
  frame?: { kind: string; uniqueId: string | null; action: string | null; errorCode: string | null };
}

function check(v: Validator<MessageName>, input: Uint8Array, allErrors: boolean): Outcome {
  if (firstNonBlank(input) === 0x5b) {
    const f = v.validateFrame(input, { allErrors });
    return { valid: f.valid, errors: f.errors, frame: { kind: f.kind, uniqueId: f.uniqueId, action: f.action, errorCode: f.callError?.errorCode ?? null } };
  }
  return v.validate(input, { allErrors });
}

function describeOutcome(o: Outcome): string {
  const parts: string[] = [];
  if (o.frame && (o.frame.kind !== "call" || o.errors.length === 0)) {
    parts.push(o.frame.kind === "call" ? `${o.frame.errorCode}: action ${JSON.stringify(o.frame.action)}` : `${o.frame.kind} frame${o.frame.errorCode ? ` (${o.frame.errorCode})` : ""}`);
  }
  for (const e of o.errors) parts.push(`${e.instancePath || "(root)"} ${e.keyword}: ${e.message}`);
  return parts.join("; ");
}

class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly total: number, private readonly enabled: boolean) {}
  update(done: number, inputs: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < PROGRESS_INTERVAL_MS) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const ratio = this.total > 0 ? Math.min(1, done / this.total) : 0;
    const bar = this.total > 0 ? `[${"#".repeat(Math.round(ratio * width)).padEnd(width, ".")}] ${(ratio * 100).toFixed(0).padStart(3)}% ` : "";
    process.stderr.write(`\r${bar}${inputs} inputs, ${(done / 1048576).toFixed(1)} MiB`);
  }
  clear(): void {
    if (this.shown) process.stderr.write("\r\x1b[K");
  }
}

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
  let validator: Validator<MessageName>;
  try {
    validator = createValidator({ backend: o.backend, message: o.message });
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
  for (const p of o.paths) await expand(p, o.format, sources, ioError);

  const totalBytes = sources.reduce((n, s) => n + s.size, 0);
  const progress = new Progress(totalBytes, process.stderr.isTTY === true && (totalBytes >= PROGRESS_MIN_BYTES || sources.some((s) => s.path === null)));
  const started = performance.now();
  let inputs = 0;
  let invalid = 0;
  let bytesDone = 0;
  const out: string[] = [];
  const flush = () => {
    if (out.length) {
      progress.clear();
      process.stdout.write(out.join(""));
      out.length = 0;
    }
  };

  const report = (source: Source, line: number | null, input: Uint8Array) => {
    const outcome = check(validator, input, o.allErrors);
    inputs++;
    if (!outcome.valid) invalid++;
    if (o.json) {
      const errors = outcome.errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword, message: e.message, ocppErrorCode: e.ocppErrorCode }));
      out.push(JSON.stringify({ file: source.name, line, valid: outcome.valid, errors, ...(outcome.frame ? { frame: outcome.frame } : {}) }) + "\n");
    } else if (!outcome.valid && !o.quiet) {
      out.push(`${source.name}${line === null ? "" : `:${line}`}: invalid: ${describeOutcome(outcome)}\n`);
    }
    if (out.length >= 256) flush();
    progress.update(bytesDone, inputs);
  };

  for (const source of sources) {
    try {
      if (!source.lines) {
        const data = source.path === null ? await readAll(process.stdin) : await readFile(source.path);
        bytesDone += data.length;
        report(source, null, data);
      } else {
        const stream = source.path === null ? process.stdin : createReadStream(source.path);
        await forEachLine(stream, (line, n) => {
          bytesDone += line.length + 1;
          if (!isBlank(line)) report(source, n, line);
        });
      }
    } catch (e) {
      ioError(source.name, e);
    }
  }
  flush();
  progress.clear();

  const ms = performance.now() - started;
  const files = sources.filter((s) => s.path !== null).length;
  const summary = `${inputs} input${inputs === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}${sources.some((s) => s.path === null) ? " and stdin" : ""}: ${inputs - invalid} valid, ${invalid} invalid${ioErrors ? `, ${ioErrors} unreadable` : ""} (${validator.backend} backend, ${ms.toFixed(0)} ms)`;
  // In --json mode stdout holds only the per-input lines.
  (o.json ? process.stderr : process.stdout).write(summary + "\n");
  return ioErrors ? 2 : invalid ? 1 : 0;
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
