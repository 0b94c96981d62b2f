// The built `ocpp-validate` bin (dist/cli.js), spawned like a user would: exit codes, output
// formats, directories, stdin and unreadable paths.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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

const dir = mkdtempSync(join(tmpdir(), "ocpp-validate-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
};

function run(args: string[], stdin?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input: stdin ?? "", encoding: "utf8", cwd: dir });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split("\n").filter(Boolean) };
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
      `${path}:3: invalid: /transactionId type: must be integer`,
      `${path}:5: invalid: /transactionId type: must be integer`,
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
    expect(rows[1].errors).toEqual([{ instancePath: "/transactionId", keyword: "type", message: "must be integer", ocppErrorCode: "TypeConstraintViolation" }]);
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

  it("reads stdin as NDJSON, or as one document with --format json", () => {
    const r = run([...b], `${VALID}\n${FRAME}\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^2 inputs in 0 files and stdin: 2 valid, 0 invalid/);
    const pretty = JSON.stringify(JSON.parse(VALID), null, 2);
    expect(run([...b, "--format", "json", "-"], pretty).code).toBe(0);
    expect(run([...b, "-"], pretty).code).toBe(1);
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
});

describe("ocpp-validate bin usage", () => {
  it("exits 2 on unknown options and bad values", () => {
    for (const args of [["--bogus"], ["--backend", "gpu"], ["--backend"], ["--format", "xml"]]) {
      const r = run(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^ocpp-validate: /);
    }
  });

  it("--help and --version exit 0", () => {
    expect(run(["--help"]).stdout).toContain("Usage: ocpp-validate");
    expect(run(["--version"]).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
