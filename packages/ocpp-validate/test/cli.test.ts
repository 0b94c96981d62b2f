// The built `ocpp-validate` bin (dist/cli.js), spawned like a user would: exit codes, output
// formats, directories, stdin (NDJSON and pretty-printed documents), tolerances, the summary,
// log lines (--extract), charge points, a closed stdout and unreadable paths.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const CLI = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
const BACKENDS = (process.env.OCPP_TEST_BACKENDS ?? "native,wasm,js").split(",").filter(Boolean);

const VALID = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}';
const INVALID = '{"transactionId":"x","timestamp":"2024-05-17T14:32:05Z","meterStop":1}';
const FRAME = `[2,"id-1","StopTransaction",${VALID}]`;
const BAD_FRAME = `[2,"id-2","StopTransaction",${INVALID}]`;
/** Valid with offsetlessTimestamps and fractionalIntegers. */
const TOLERABLE = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05","meterStop":26008.333}';
/** Valid, but JSON.parse rounds its transactionId. */
const UNSAFE = '{"transactionId":9007199254740993,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}';
/** A StopTransaction frame with the errata's "Celsius" as the unit of sampled value `sampled` of meter value `meter`. */
const celsius = (id: string, meter: number, sampled: number) => {
  const sampledValue = (n: number) => Array.from({ length: n + 1 }, (_, i) => ({ value: "21", unit: i === sampled ? "Celsius" : "Wh" }));
  const transactionData = Array.from({ length: meter + 1 }, (_, i) => ({ timestamp: "2024-05-17T14:32:05Z", sampledValue: sampledValue(i === meter ? sampled : 0) }));
  return JSON.stringify([2, id, "StopTransaction", { ...JSON.parse(VALID), transactionData }]);
};
const CELSIUS_MESSAGE = '"Celsius" is not one of the 16 allowed values; did you mean "Celcius"?';

const dir = mkdtempSync(join(tmpdir(), "ocpp-validate-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
};

function run(args: string[], stdin?: string | Buffer, env?: Record<string, string>) {
  // maxBuffer: the --jobs comparisons read tens of MiB of output (the default cuts at 1 MiB)
  const r = spawnSync(process.execPath, [CLI, ...args], { input: stdin ?? "", encoding: "utf8", cwd: dir, maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split("\n").filter(Boolean), errLines: r.stderr.split("\n").filter(Boolean) };
}

let pipes = 0;
/**
 * The bin with its stdout piped into `head -c 1`, which exits after one byte: every later write
 * meets a closed pipe. With `stdinLine`, stdin is `yes <stdinLine>`, an input that never ends, so
 * the bin can only finish by noticing on its own. Returns the bin's exit status and its stderr.
 */
function intoHead(args: string[], stdinLine?: string) {
  const err = join(dir, `pipe-${++pipes}.stderr`);
  const feed = stdinLine === undefined ? '"$@" </dev/null' : 'yes "$line" | "$@"';
  const script = `line=$1; err=$2; shift 2; ${feed} 2>"$err" | head -c 1 >/dev/null; echo "\${PIPESTATUS[${stdinLine === undefined ? 0 : 1}]}"`;
  const r = spawnSync("bash", ["-c", script, "bash", stdinLine ?? "", err, process.execPath, CLI, ...args], { encoding: "utf8", cwd: dir });
  return { code: Number(r.stdout.trim()), stderr: readFileSync(err, "utf8") };
}

describe.each(BACKENDS)("ocpp-validate bin, backend %s", (backend) => {
  const b = ["--backend", backend];

  it("exits 0 when every input is valid, with a summary", () => {
    const path = file(`${backend}/ok.json`, VALID);
    const r = run([...b, path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^1 input in 1 file: 1 valid, 0 invalid \\(${backend} backend, \\d+ ms\\)\\n$`));
  });

  it("exits 1 when some input is invalid and names file, line and issue", () => {
    const path = file(`${backend}/mixed.ndjson`, `${VALID}\n\n${INVALID}\r\n${FRAME}\n${BAD_FRAME}\n`);
    const r = run([...b, path]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${path}:3: invalid: /transactionId type: must be integer, got "x"`,
      `${path}:5: invalid: /transactionId type: must be integer, got "x"`,
      expect.stringMatching(/^4 inputs in 1 file: 2 valid, 2 invalid/),
    ]);
  });

  it("--json writes one line per input (file, line, valid, errors, frame) and the summary to stderr", () => {
    const path = file(`${backend}/frames.ndjson`, `${FRAME}\n${BAD_FRAME}\n[2,"x","Heartbeat",{}]\n[2,"y","Foo",{}]\n[2,"z","Reset",{"type":"Soft"}]\n`);
    const r = run([...b, "--json", "--all-errors", path]);
    expect(r.code).toBe(1);
    const rows = r.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.file, row.line, row.valid])).toEqual([[path, 1, true], [path, 2, false], [path, 3, true], [path, 4, false], [path, 5, false]]);
    expect(rows[0].frame).toEqual({ kind: "call", uniqueId: "id-1", action: "StopTransaction", errorCode: null });
    expect(rows[1].errors).toEqual([{ instancePath: "/transactionId", keyword: "type", message: 'must be integer, got "x"', ocppErrorCode: "TypeConstraintViolation" }]);
    expect(rows.map((row) => row.status)).toEqual(["valid", "invalid", "valid", "invalid", "invalid"]);
    expect(rows.every((row) => Array.isArray(row.tolerated) && row.tolerated.length === 0 && Array.isArray(row.warnings))).toBe(true);
    expect(rows[2].frame).toEqual({ kind: "call", uniqueId: "x", action: "Heartbeat", errorCode: null });
    expect(rows[3].frame.errorCode).toBe("NotImplemented");
    expect(rows[4].frame.errorCode).toBe("NotSupported");
    expect(r.stderr).toMatch(/^5 inputs in 1 file: 2 valid, 3 invalid/);
  });

  it("--message validates payloads against another message; an unknown one is a usage error", () => {
    const path = file(`${backend}/boot.ndjson`, `{"chargePointVendor":"V","chargePointModel":"M"}\n{"chargePointVendor":"V"}\n`);
    const r = run([...b, "--message", "BootNotification", path]);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe(`${path}:2: invalid: (root) required: must have required property 'chargePointModel'`);
    const bad = run([...b, "--message", "Nope", path]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown message "Nope"/);
  });

  it("--protocol validates OCPP 2.0.1 and 2.1 payloads and frames with their default message, codes and --jobs", () => {
    const event = '{"eventType":"Started","timestamp":"2024-05-17T14:32:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"tx-1"}}';
    const boot = '{"chargingStation":{"model":"M","vendorName":"V"},"reason":"PowerUp"}';
    const lines = [event, '{"eventType":"Started"}', `[2,"b","BootNotification",${boot}]`, '[2,"h","Heartbeat",{"x":1}]', '[2,"r","Reset",{"type":"Immediate"}]', "{}"];
    const path = file(`${backend}/ocpp201.ndjson`, `${lines.join("\n")}\n`);
    const r = run([...b, "--protocol", "ocpp2.0.1", "--json", path]);
    expect(r.code).toBe(1);
    const rows = r.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.line, row.status])).toEqual([[1, "valid"], [2, "invalid"], [3, "valid"], [4, "invalid"], [5, "invalid"], [6, "invalid"]]);
    expect(rows[1].errors[0]).toEqual({ instancePath: "", keyword: "required", message: "must have required property 'timestamp'", ocppErrorCode: "OccurrenceConstraintViolation" });
    expect(rows[3].frame).toEqual({ kind: "call", uniqueId: "h", action: "Heartbeat", errorCode: "ProtocolError" });
    expect(rows[4].frame.errorCode).toBe("NotSupported");
    // the same lines as 1.6: other schemas, other codes
    const as16 = run([...b, "--json", path]).lines.map((l) => JSON.parse(l));
    expect(as16[0].status).toBe("invalid");
    expect(as16[3].frame.errorCode).toBe("FormationViolation");
    // --message names a message of the protocol, whichever order the options come in
    const beat = file(`${backend}/heartbeat201.json`, "{}");
    expect(run([...b, "--message", "HeartbeatRequest", "--protocol", "ocpp2.0.1", beat]).code).toBe(0);
    const wrong = run([...b, "--protocol", "ocpp2.0.1", "--message", "Heartbeat", beat]);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringMatching(/unknown message "Heartbeat" in ocpp2\.0\.1; OCPP 2\.0\.1 messages are: AuthorizeRequest, /)]);
    const unknown = run([...b, "--protocol", "ocpp2", beat]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/--protocol must be ocpp1\.6, ocpp2\.0\.1, ocpp2\.1, not "ocpp2"/)]);
    // the workers validate in the same protocol
    const many = file(`${backend}/ocpp201-many.ndjson`, `${Array.from({ length: 40_000 }, (_, i) => lines[i % lines.length]).join("\n")}\n`);
    const one = run([...b, "--protocol", "ocpp2.0.1", "--quiet", "--jobs", "1", many]);
    const four = run([...b, "--protocol", "ocpp2.0.1", "--quiet", "--jobs", "4", many]);
    expect(one.stdout).toMatch(/^40000 inputs in 1 file: 13334 valid, 26666 invalid/);
    expect(four.stdout.replace(/\d+ ms/, "")).toBe(one.stdout.replace(/\d+ ms/, ""));
  });

  it("--protocol ocpp2.1 --extract finds SEND and CALLRESULTERROR frames in log lines; a SEND is never answered", () => {
    const stream = '{"id":1,"pending":0,"basetime":"2024-05-17T14:32:05Z","data":[{"t":0,"v":"1"}]}';
    const path = file(`${backend}/ocpp21.log`, [
      `12:00:01 [CP1] -> [6,"s1","NotifyPeriodicEventStream",${stream}]`,
      '12:00:02 [CP1] -> [6,"s2","NotifyPeriodicEventStream",{"id":1}]',
      '12:00:03 [CP1] -> [5,"r1","GenericError","",{}]',
      '12:00:04 [CP1] -> [6,"s3","Foo",{}]',
    ].join("\n"));
    const r = run([...b, "--protocol", "ocpp2.1", "--extract", "--json", path]);
    const rows = r.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.line, row.frame.kind, row.status, row.frame.errorCode])).toEqual([
      [1, "send", "valid", null],
      [2, "send", "invalid", null],
      [3, "callresulterror", "valid", null],
      [4, "send", "invalid", null],
    ]);
    expect(rows[1].errors.map((e: { keyword: string }) => e.keyword)).toEqual(["required"]);
    // in 1.6 the same log has no frame of those types
    expect(run([...b, "--extract", path]).stdout).toMatch(/^0 inputs in 1 file: 0 valid, 0 invalid, 4 lines without a frame/);
    expect(run([...b, "--protocol", "ocpp2.1", "--extract", path]).lines).toContain(`${path}:4: invalid: SEND of an action a CSMS does not take: "Foo"`);
  });

  it("--all-errors reports every issue", () => {
    const path = file(`${backend}/empty.json`, "{}");
    expect(run([...b, "--json", path]).lines.map((l) => JSON.parse(l).errors.length)).toEqual([1]);
    expect(run([...b, "--json", "--all-errors", path]).lines.map((l) => JSON.parse(l).errors.length)).toEqual([3]);
  });

  it("walks directories recursively for .json, .ndjson and .jsonl only", () => {
    const root = join(dir, backend, "tree");
    file(`${backend}/tree/a.json`, VALID);
    file(`${backend}/tree/deep/er/b.jsonl`, `${VALID}\n${VALID}\n`);
    file(`${backend}/tree/deep/c.ndjson`, `${INVALID}\n`);
    file(`${backend}/tree/notes.txt`, "not json");
    const r = run([...b, "--json", root]);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => JSON.parse(l).file.slice(root.length))).toEqual(["/a.json", "/deep/c.ndjson", "/deep/er/b.jsonl", "/deep/er/b.jsonl"]);
  });

  it("reads stdin as NDJSON, or as one document with --format json, or strictly by line with --format ndjson", () => {
    const r = run([...b], `${VALID}\n${FRAME}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 inputs in 0 files and stdin: 2 valid, 0 invalid/);
    const pretty = JSON.stringify(JSON.parse(VALID), null, 2);
    expect(run([...b, "--format", "json", "-"], pretty).code).toBe(0);
    expect(run([...b, "-"], pretty).code).toBe(0);
    expect(run([...b, "--format", "ndjson", "-"], pretty).code).toBe(1);
  });

  it("a broken frame and bytes that are not UTF-8 are invalid, not errors", () => {
    const r = run([...b, "--json"], Buffer.concat([Buffer.from('[2,"a'), Buffer.from([0xff]), Buffer.from('","StopTransaction",{}]\n')]));
    expect(r.code).toBe(1);
    const row = JSON.parse(r.lines[0]!);
    expect(row.frame).toEqual({ kind: "invalid", uniqueId: null, action: null, errorCode: "FormationViolation" });
    expect(row.errors.map((e: { keyword: string }) => e.keyword)).toEqual(["parse"]);
  });

  it("exits 2 with a clear message for unreadable paths, after checking the rest", () => {
    const ok = file(`${backend}/readable.json`, VALID);
    const linkDir = join(dir, backend, "links");
    mkdirSync(linkDir, { recursive: true });
    symlinkSync(join(linkDir, "nowhere.json"), join(linkDir, "dangling.json"));
    const r = run([...b, ok, join(dir, "missing.json"), linkDir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`ocpp-validate: cannot read ${join(dir, "missing.json")}: no such file or directory`);
    expect(r.stderr).toContain(`ocpp-validate: cannot read ${join(linkDir, "dangling.json")}: no such file or directory`);
    expect(r.stdout).toMatch(/^1 input in 1 file: 1 valid, 0 invalid, 2 unreadable/);
  });
  it("--tolerate accepts the named deviations and reports each one; warnings are reported in every mode", () => {
    const path = file(`${backend}/tolerate.ndjson`, `${TOLERABLE}\n${celsius("c", 0, 1)}\n${UNSAFE}\n`);
    const strict = run([...b, path]);
    expect(strict.code).toBe(1);
    expect(strict.lines).toEqual([
      `${path}:1: invalid: /meterStop type: must be integer, got 26008.333`,
      `${path}:2: invalid: /transactionData/0/sampledValue/1/unit enum: ${CELSIUS_MESSAGE}`,
      `${path}:3: valid with warnings: warning /transactionId unsafeInteger: 9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992`,
      expect.stringMatching(/^3 inputs in 1 file: 1 valid, 2 invalid, 1 with warnings \(/),
    ]);

    const tolerant = run([...b, "--tolerate", "offsetlessTimestamps,fractionalIntegers", "--tolerate=errata", path]);
    expect(tolerant.code).toBe(0);
    expect(tolerant.lines).toEqual([
      `${path}:1: valid with tolerances: tolerated /meterStop type [fractionalIntegers]: must be integer, got 26008.333; ` +
        `tolerated /timestamp format [offsetlessTimestamps]: "2024-05-17T14:32:05" is not a date-time: no offset (add Z for UTC, or ±hh:mm)`,
      `${path}:2: valid with tolerances: tolerated /transactionData/0/sampledValue/1/unit enum [errata]: ${CELSIUS_MESSAGE}`,
      `${path}:3: valid with warnings: warning /transactionId unsafeInteger: 9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992`,
      expect.stringMatching(/^3 inputs in 1 file: 1 valid, 2 valid with tolerances, 0 invalid, 1 with warnings \(/),
    ]);
    expect(tolerant.errLines).toEqual([
      "Most frequent tolerated deviations (inputs, tolerance, keyword, path, first message):",
      "  1  errata                enum    StopTransaction /transactionData/*/sampledValue/*/unit  " + CELSIUS_MESSAGE,
      "  1  fractionalIntegers    type    /meterStop                                              must be integer, got 26008.333",
      '  1  offsetlessTimestamps  format  /timestamp                                              "2024-05-17T14:32:05" is not a date-time: no offset (add Z for UTC, or ±hh:mm)',
      "Most frequent warnings (inputs, warning, path, first message):",
      "  1  unsafeInteger  /transactionId  9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992",
    ]);

    const json = run([...b, "--json", "--tolerate", "errata,offsetlessTimestamps,fractionalIntegers", path]);
    expect(json.code).toBe(0);
    const rows = json.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.valid, row.status])).toEqual([[true, "tolerated"], [true, "tolerated"], [true, "valid"]]);
    expect(rows[0].tolerated.map((t: { instancePath: string; keyword: string; tolerance: string }) => [t.instancePath, t.keyword, t.tolerance])).toEqual([
      ["/meterStop", "type", "fractionalIntegers"],
      ["/timestamp", "format", "offsetlessTimestamps"],
    ]);
    expect(rows[1].tolerated).toEqual([
      { instancePath: "/transactionData/0/sampledValue/1/unit", keyword: "enum", message: CELSIUS_MESSAGE, ocppErrorCode: "PropertyConstraintViolation", tolerance: "errata" },
    ]);
    expect(rows[1].frame).toEqual({ kind: "call", uniqueId: "c", action: "StopTransaction", errorCode: null });
    expect(rows[2].warnings).toEqual([
      { instancePath: "/transactionId", warning: "unsafeInteger", message: "9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992" },
    ]);
    expect(json.stderr).toMatch(/^3 inputs in 1 file: 1 valid, 2 valid with tolerances, 0 invalid, 1 with warnings \(/);
  });

  it("summarises the most frequent issues by keyword and path (array indices as *), and by charge point", () => {
    const wrap = (cp: string, frame: string) => `{"chargePointId":${JSON.stringify(cp)},"message":${frame}}`;
    const path = file(
      `${backend}/fleet.ndjson`,
      [
        wrap("CP1", celsius("a", 0, 1)),
        wrap("CP1", celsius("b", 2, 3)),
        wrap("CP2", BAD_FRAME),
        wrap("CP2", '[2,"h1","Heartbeat",{}]'),
        wrap("CP3", '[2,"h2","Heartbeat",{}]'),
        // a frame as a string, and a charge point named by another member
        `{"identity":"CP4","frame":${JSON.stringify(celsius("c", 1, 0))}}`,
        '[2,"r","Reset",{"type":"Soft"}]',
        "not json",
      ].join("\n") + "\n",
    );
    const r = run([...b, "--json", path]);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => JSON.parse(l).chargePoint ?? null)).toEqual(["CP1", "CP1", "CP2", "CP2", "CP3", "CP4", null, null]);
    expect(r.lines.map((l) => JSON.parse(l).status)).toEqual(["invalid", "invalid", "invalid", "valid", "valid", "invalid", "invalid", "unparseable"]);
    expect(r.errLines).toEqual([
      expect.stringMatching(/^8 inputs in 1 file: 2 valid, 5 invalid, 1 unparseable \(/),
      "Most frequent issues (inputs, keyword, path, first message):",
      "  3  enum          StopTransaction /transactionData/*/sampledValue/*/unit  " + CELSIUS_MESSAGE,
      "  1  NotSupported  Reset                                                   Reset is sent by a Central System, not to it",
      "  1  parse         (root)                                                  unexpected 'o' at byte 1",
      '  1  type          StopTransaction /transactionId                          must be integer, got "x"',
      "By charge point, most invalid first (3 of 4 charge points had invalid, tolerated or warned inputs):",
      "  CP1  2 inputs: 0 valid, 2 invalid; most frequent: enum StopTransaction /transactionData/*/sampledValue/*/unit (2)",
      "  CP2  2 inputs: 1 valid, 1 invalid; most frequent: type StopTransaction /transactionId (1)",
      "  CP4  1 input: 0 valid, 1 invalid; most frequent: enum StopTransaction /transactionData/*/sampledValue/*/unit (1)",
      "  (2 inputs named no charge point)",
    ]);

    const top = run([...b, "--top", "1", path]);
    expect(top.errLines).toEqual([
      "Most frequent issues (inputs, keyword, path, first message):",
      "  3  enum  StopTransaction /transactionData/*/sampledValue/*/unit  " + CELSIUS_MESSAGE,
      "  (and 3 more rows)",
      "By charge point, most invalid first (3 of 4 charge points had invalid, tolerated or warned inputs):",
      "  CP1  2 inputs: 0 valid, 2 invalid; most frequent: enum StopTransaction /transactionData/*/sampledValue/*/unit (2)",
      "  (and 2 more)",
      "  (2 inputs named no charge point)",
    ]);
    expect(top.lines.at(-1)).toMatch(/^8 inputs in 1 file: 2 valid, 5 invalid, 1 unparseable \(/);
    expect(run([...b, "--top", "0", path]).stderr).toBe("");
  });

  it("--extract finds the frame inside log lines, past prefixes with brackets and strings with brackets", () => {
    const lines = [
      '2024-05-17 12:00:01 receive message [2,"abc","Heartbeat",{}]',
      `[2024-05-17 12:00:02] [CP1] <- ${BAD_FRAME} (took 3 ms)`,
      '[2024-05-17 12:00:03] [CP2] <- [ 2 , "s2", "DataTransfer", {"vendorId":"a]b[2,\\"x\\"]","data":"[3,1,2]"}] done',
      "[2024-05-17 12:00:04] [CP2] connected",
      '[2024-05-17 12:00:05] [CP1] <- [2,"s3","StopTransaction",{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z"',
      '[3,CP9] [3,"r1",{"currentTime":"2024-05-17T14:32:05Z"}]',
      "",
      `[2024-05-17 12:00:06] [CP 3] -> [4,"r2","GenericError","no [2,\\"x\\"] here",{}] and [2,"later","Heartbeat",{}]`,
    ];
    const path = file(`${backend}/central.log`, lines.join("\n") + "\n");
    const r = run([...b, "--extract", "--json", "--charge-point", String.raw`^\[[^\]]*\] \[([^\]"]+)\] `, path]);
    expect(r.code).toBe(1);
    const rows = r.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.line, row.frame.kind, row.frame.uniqueId, row.status, row.chargePoint ?? null])).toEqual([
      [1, "call", "abc", "valid", null],
      [2, "call", "id-2", "invalid", "CP1"],
      [3, "call", "s2", "valid", "CP2"],
      [5, "invalid", "s3", "unparseable", "CP1"],
      [6, "callresult", "r1", "valid", null],
      [8, "callerror", "r2", "valid", "CP 3"],
    ]);
    expect(r.stderr).toMatch(/^6 inputs in 1 file: 4 valid, 1 invalid, 1 unparseable, 1 line without a frame \(/);
    // charge points whose inputs were all valid (CP2, "CP 3") are counted, not listed
    expect(r.errLines.slice(-3)).toEqual([
      "By charge point, most invalid first (1 of 3 charge points had invalid, tolerated or warned inputs):",
      "  CP1  2 inputs: 0 valid, 1 invalid, 1 unparseable; most frequent: parse (root) (1)",
      "  (2 inputs named no charge point)",
    ]);

    // Lines without a frame are not failures; nor is a directory's *.log a failure.
    const quiet = file(`${backend}/logs/ok.log`, `noise\n${lines[0]}\nmore noise [not a frame]\n`);
    const ok = run([...b, "--extract", join(dir, backend, "logs")]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^1 input in 1 file: 1 valid, 0 invalid, 2 lines without a frame \(/);
    expect(run([...b, quiet]).code).toBe(1);
  });

  it("reads a pretty-printed document on stdin as one input, among NDJSON lines, and a cut-off line alone", () => {
    const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2);
    const parts = [pretty(VALID), FRAME, pretty(BAD_FRAME), '[2,"c-5","StopTransaction",{', VALID, "{"];
    let next = 1;
    const starts = parts.map((part) => ((next += part.split("\n").length), next - part.split("\n").length));
    const r = run([...b, "--json"], parts.join("\n") + "\n");
    expect(r.code).toBe(1);
    const rows = r.lines.map((l) => JSON.parse(l));
    expect(rows.map((row) => [row.line, row.status])).toEqual([
      [starts[0], "valid"],
      [starts[1], "valid"],
      [starts[2], "invalid"],
      [starts[3], "unparseable"],
      [starts[4], "valid"],
      [starts[5], "unparseable"],
    ]);
    expect(rows[2].errors.map((e: { instancePath: string }) => e.instancePath)).toEqual(["/transactionId"]);
    expect(r.stderr).toMatch(/^6 inputs in 0 files and stdin: 3 valid, 1 invalid, 2 unparseable \(/);
    // One pretty-printed document is one input whatever its size.
    const big = pretty(celsius("big", 40, 40));
    expect(run([...b, "--tolerate", "errata"], big).stdout).toMatch(/^-:1: valid with tolerances: /);
  });

  it("streams NDJSON from stdin: a line is answered before stdin ends", async () => {
    const child = spawn(process.execPath, [CLI, ...b, "--json"], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    const firstRow = new Promise<void>((resolve) => {
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("\n")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.stdin.write(`${VALID}\n`);
    await firstRow;
    child.stdin.end(`${BAD_FRAME}\n`);
    expect(await exited).toBe(1);
    expect(stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l).status)).toEqual(["valid", "invalid"]);
  });

  describe("--jobs: the output of N workers is the output of one, line for line", () => {
    // Several MiB, so that past the first MiB (validated on the main thread) the workers take
    // chunks, and documents, wrapped frames and cut lines fall across chunk boundaries.
    const pretty = (text: string) => JSON.stringify(JSON.parse(text), null, 2);
    const kinds = (i: number): string => {
      switch (i % 13) {
        case 0: return INVALID;
        case 1: return FRAME;
        case 2: return BAD_FRAME;
        case 3: return TOLERABLE;
        case 4: return UNSAFE;
        case 5: return "";
        case 6: return `{"chargePointId":"CP${i % 17}","message":${i % 2 ? FRAME : BAD_FRAME}}`;
        case 7: return `${VALID}\r`;
        case 8: return celsius(`c${i}`, i % 3, i % 2);
        case 9: return i % 400 === 9 ? pretty(celsius(`p${i}`, 1, 1)) : `[2,"x${i}","Heartbeat",{}]`;
        case 10: return i % 500 === 10 ? '{"transactionId":1,' : `[2,"r${i}","Reset",{"type":"Soft"}]`;
        default: return VALID;
      }
    };
    const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("\n") + "\n";
    const big = lines(60_000, kinds);
    const log = lines(60_000, (i) => (i % 7 === 0 ? `[2024-05-17 12:00:01] [CP${i % 5}] nothing here` : `[2024-05-17 12:00:01] [CP${i % 5}] <- ${kinds(i).replace(/\n\s*/g, "")} trailing`));
    const same = (args: string[], stdin?: string) => {
      const strip = (text: string) => text.replace(/ backend, \d+ ms\)/g, " backend)");
      const one = run([...b, "--jobs", "1", ...args], stdin);
      // As run (the main thread takes chunks while the workers load, so maybe all of these few
      // MiB), and with every chunk past the first MiB sent to the two workers.
      for (const env of [{}, { OCPP_VALIDATE_CLI_WORKERS_ONLY: "1" }]) {
        const many = run([...b, "--jobs", "3", ...args], stdin, env);
        const what = `${args.join(" ")} ${JSON.stringify(env)}`;
        expect(many.code, what).toBe(one.code);
        expect(strip(many.stdout).split("\n"), what).toEqual(strip(one.stdout).split("\n"));
        expect(strip(many.stderr), what).toBe(strip(one.stderr));
      }
      return one;
    };

    it("an NDJSON file, as text and --json, with tolerances and charge points", () => {
      const path = file(`${backend}/jobs.ndjson`, big);
      expect(big.length).toBeGreaterThan(5 << 20);
      const plain = same([path]);
      expect(plain.code).toBe(1);
      expect(plain.lines.length).toBeGreaterThan(20_000);
      expect(plain.stdout).toMatch(/valid with tolerances|with warnings/);
      same(["--json", "--tolerate", "errata,offsetlessTimestamps", path]);
      same(["--quiet", "--charge-point", "CP(\\d+)", "--top", "3", path]);
    });

    it("log lines with --extract, from a file and from stdin", () => {
      const path = file(`${backend}/jobs.log`, log);
      expect(same(["--extract", "--all-errors", path]).stdout).toMatch(/lines without a frame/);
      same(["--extract", "--json", "--charge-point", "\\] \\[([^\\]]+)\\]"], log);
    });

    it("stdin with pretty-printed documents among the lines, and a last line without a newline", () => {
      const r = same([], big + VALID);
      // line 10 opens a pretty-printed document of 34 lines: one input, reported at its first line
      expect(r.stdout).toMatch(/\n-:10: invalid: \/transactionData\/1\/sampledValue\/1\/unit enum: [^\n]*\n-:44: /);
      same(["--format", "ndjson", "--json"], big);
    });
  });

  it("ends quietly when stdout is closed early (| head), with the status of what it checked", () => {
    // an input that never ends: only noticing the closed pipe stops it
    const valid = intoHead([...b, "--json"], FRAME);
    expect(valid).toEqual({ code: 0, stderr: "" });
    const invalid = intoHead([...b], BAD_FRAME);
    expect(invalid).toEqual({ code: 1, stderr: "" });
    // several MiB of output from a file, far more than a pipe holds
    const big = file(`${backend}/big.ndjson`, `${INVALID}\n`.repeat(50_000));
    expect(intoHead([...b, big])).toEqual({ code: 1, stderr: "" });
    expect(intoHead([...b, "--help"])).toEqual({ code: 0, stderr: "" });
  });
});

describe("ocpp-validate bin usage", () => {
  it("exits 2 on unknown options and bad values", () => {
    for (const args of [
      ["--bogus"],
      ["--backend", "gpu"],
      ["--backend"],
      ["--format", "xml"],
      ["--top", "ten"],
      ["--charge-point", "("],
      ["--charge-point", "CP\\d+"],
      ["--extract", "--format", "json"],
      ["--jobs", "0"],
      ["--jobs", "two"],
    ]) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^ocpp-validate: /);
    }
  });

  it("an unknown tolerance is a usage error that lists the known ones", () => {
    const r = run(["--tolerate", "errata,celsius"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ocpp-validate: unknown tolerance "celsius"; the tolerances are: errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties\n/);
  });

  it("--help and --version exit 0", () => {
    const help = run(["--help"]).stdout;
    expect(help).toContain("Usage: ocpp-validate");
    for (const option of ["--tolerate", "--extract", "--charge-point", "--top", "errata, offsetlessTimestamps"]) expect(help).toContain(option);
    expect(run(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
