// The CLI as a user runs it: started on port 0, a ws charger connects, a line on stdin sends a
// CSMS-initiated call, its answer comes back on stdout. Every wait is for a line or a message.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TOLERANCES } from "ocpp-validate";
import { connect, httpRequest } from "./client.mjs";
import { parsePrometheus, sample } from "./prometheus.mjs";

const CLI = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));

/** The CLI as a child process: `nextLine()` is its next stdout line; rejects if it exits first. */
function spawnCli(args) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  const lines = [];
  const waiters = [];
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d) => {
    out += d;
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      const w = waiters.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // stdio closes after the last stdout data: a CLI that dies fails the test at once, with its stderr
  const closed = new Promise((resolve) => child.once("close", resolve));
  const nextLine = () =>
    lines.length
      ? Promise.resolve(lines.shift())
      : Promise.race([new Promise((r) => waiters.push(r)), closed.then((code) => Promise.reject(new Error(`the CLI exited (${code}) before the line came; stderr: ${stderr}`)))]);
  return { child, nextLine, exited, closed, stderr: () => stderr, stdoutRest: () => lines.concat(out ? [out] : []) };
}

/** Runs the CLI to its end: exit code, stdout and stderr. */
function runCli(args) {
  const { child, closed, stderr, stdoutRest } = spawnCli(args);
  // It may exit before reading stdin at all (a startup error): that is not the test's failure.
  child.stdin.on("error", () => {});
  child.stdin.end();
  return closed.then((code) => ({ code, stdout: stdoutRest().join("\n"), stderr: stderr() }));
}

const STOP_DEVIANT = JSON.stringify({
  transactionId: 1,
  timestamp: "2024-05-17T14:32:05",
  meterStop: 100,
  transactionData: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [{ value: "21.5", unit: "Celsius" }] }],
});

describe("cli", () => {
  it(
    "answers a charger and sends `<Action> <chargePointId> <payload>` lines from stdin as calls",
    async () => {
      const { child, nextLine, exited } = spawnCli(["--port", "0", "--heartbeat-interval", "60", "--call-timeout", "60000"]);
      try {
        const banner = await nextLine();
        const url = /listening on (ws:\/\/\S+\/ocpp\/)<chargePointId>/.exec(banner)?.[1];
        expect(url, banner).toBeTruthy();
        const ws = await connect(url + "CP-cli");
        const { next } = ws;

        ws.send(JSON.stringify([2, "b1", "BootNotification", { chargePointVendor: "Acme", chargePointModel: "X" }]));
        expect(await next()).toEqual([3, "b1", { status: "Accepted", currentTime: expect.any(String), interval: 60 }]);

        child.stdin.write('Reset CP-cli {"type":"Soft"}\n');
        const [type, uniqueId, action, payload] = await next();
        expect([type, action, payload]).toEqual([2, "Reset", { type: "Soft" }]);
        ws.send(JSON.stringify([3, uniqueId, { status: "Accepted" }]));
        expect(await nextLine()).toBe('< CP-cli Reset {"status":"Accepted"}');

        child.stdin.write('Reset CP-cli {"type":"Sideways"}\n');
        expect(await nextLine()).toBe("! CP-cli Reset invalid-request: Reset payload is not a valid Reset.req: /type enum");
        child.stdin.write("ClearCache CP-gone\n");
        expect(await nextLine()).toBe("! CP-gone ClearCache not-connected: CP-gone is not connected");
        child.stdin.write("Reset CP-cli {nope\n");
        expect(await nextLine()).toMatch(/^\? Reset CP-cli: the payload is not JSON/);

        ws.close();
        child.kill("SIGTERM");
        expect(await nextLine()).toMatch(/^gateway stopped: 1 connections, 2 messages, 1 CALLRESULTs \{"BootNotification":1\}, CALLERRORs \{\}, 0 transactions started, 0 stopped; 1 calls sent, 1 answered/);
        expect(await exited).toBe(0);
      } finally {
        child.kill("SIGKILL");
      }
    },
    600_000,
  );
});

describe("cli --protocols", () => {
  it(
    "--protocols ocpp2.0.1: the banner names it, a 2.0.1 station is answered and gets a 2.x call from stdin, a 1.6 one is refused",
    async () => {
      const cli = spawnCli(["--port", "0", "--protocols", "ocpp2.0.1", "--no-frame-log"]);
      try {
        const banner = await cli.nextLine();
        expect(banner).toContain("(subprotocols ocpp2.0.1, ");
        const url = /listening on (ws:\/\/\S+\/ocpp\/)<chargePointId>/.exec(banner)?.[1];
        await expect(connect(url + "CP-cli-16", ["ocpp1.6"])).rejects.toMatchObject({ status: 400 });
        const ws = await connect(url + "CP-cli-201", ["ocpp2.1", "ocpp2.0.1"]);
        expect(ws.protocol).toBe("ocpp2.0.1");
        const boot = await ws.exchange('[2,"b1","BootNotification",{"reason":"PowerUp","chargingStation":{"model":"X","vendorName":"Acme"}}]');
        expect(boot).toEqual([3, "b1", { currentTime: expect.any(String), interval: 300, status: "Accepted" }]);
        const sent = ws.next();
        cli.child.stdin.write('Reset CP-cli-201 {"type":"Immediate"}\n');
        const [, uniqueId, action, payload] = await sent;
        expect([action, payload]).toEqual(["Reset", { type: "Immediate" }]);
        ws.send(JSON.stringify([3, uniqueId, { status: "Accepted" }]));
        expect(await cli.nextLine()).toBe('< CP-cli-201 Reset {"status":"Accepted"}');
        cli.child.stdin.write('Reset CP-cli-201 {"type":"Soft"}\n');
        expect(await cli.nextLine()).toBe("! CP-cli-201 Reset invalid-request: Reset payload is not a valid ResetRequest: /type enum");
        ws.close();
        await ws.closed;
        cli.child.kill("SIGTERM");
        expect(await cli.exited).toBe(0);
      } finally {
        cli.child.kill("SIGKILL");
      }
    },
    600_000,
  );
});

describe("pnpm gateway", () => {
  it(
    "runs the server as the process pnpm starts, so a signal to the PID the user sees stops it",
    async () => {
      const root = fileURLToPath(new URL("../../..", import.meta.url));
      const pnpm = spawn("pnpm", ["gateway", "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let stderr = "";
      pnpm.stderr.on("data", (d) => (stderr += d));
      const pnpmExited = new Promise((resolve) => pnpm.once("exit", resolve));
      await new Promise((resolve, reject) => {
        pnpm.stdout.on("data", (d) => {
          out += d;
          if (out.includes("gateway listening")) resolve();
        });
        pnpmExited.then(() => reject(new Error(`pnpm gateway exited before listening: ${stderr}`)));
      });
      // The server must be pnpm's own child, not a grandchild behind a shell that swallows signals.
      const { execFileSync } = await import("node:child_process");
      const children = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(pnpm.pid)], { encoding: "utf8" }).trim().split("\n");
      expect(children).toHaveLength(1);
      expect(children[0]).toMatch(/node .*packages\/gateway\/src\/cli\.mjs --port 0$/);
      const serverPid = Number(children[0].trim().split(/\s+/)[0]);
      pnpm.kill("SIGTERM");
      await pnpmExited;
      // Gone means signal 0 fails; poll the process table, not the clock: the kernel reaps it once pnpm has.
      const alive = () => {
        try {
          process.kill(serverPid, 0);
          return true;
        } catch {
          return false;
        }
      };
      while (alive()) await new Promise((r) => setImmediate(r));
      expect(alive()).toBe(false);
    },
    600_000,
  );
});

describe("cli: validation policy, frame log, metrics", () => {
  it("--help documents every option, the tolerances, the log fields and the metrics", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    for (const flag of ["--port", "--host", "--backend", "--protocols", "--max-payload", "--all-errors", "--strict-utf8", "--quiet", "--heartbeat-interval", "--call-timeout", "--tolerate", "--on-invalid", "--frame-log", "--no-frame-log", "--log-valid", "--metrics-path", "--no-metrics", "--max-charge-points"]) {
      expect(stdout, flag).toContain(flag);
    }
    for (const t of TOLERANCES) expect(stdout, t).toContain(t);
    for (const word of ["tolerated", "accepted-invalid", "rejected", "valid-with-warnings", "ocpp_gateway_frames_total", "ocpp_gateway_issues_total", "ocpp_gateway_warnings_total", 'charge_point="other"', "0.0.4", "StopTransaction=accept"]) {
      expect(stdout, word).toContain(word);
    }
  });

  it.each([
    [["--tolerate", "StopTransation=errata"], 'gateway: --tolerate StopTransation=errata: unknown action "StopTransation" (did you mean "StopTransaction"?)'],
    [["--tolerate", "errata,celsius"], 'gateway: --tolerate errata,celsius: unknown tolerance "celsius"; the tolerances are errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties'],
    [["--on-invalid", "StopTransaction=ignore"], 'gateway: --on-invalid StopTransaction=ignore: on-invalid must be "accept" or "reject", not "ignore"'],
    [["--max-charge-points=-1"], "gateway: --max-charge-points must be a non-negative integer"],
    [["--metrics-path", "metrics"], "gateway: --metrics-path must start with /"],
    [["--protocols", "ocpp2.0.1,ocpp2.0"], 'gateway: --protocols ocpp2.0.1,ocpp2.0: unknown protocol "ocpp2.0"; the gateway speaks ocpp2.1, ocpp2.0.1, ocpp1.6'],
    [["--protocols", ""], "gateway: --protocols : protocols must name at least one of ocpp2.1, ocpp2.0.1, ocpp1.6"],
  ])("%j is a startup error (exit 2) with a clear message, before anything listens", async (args, message) => {
    const { code, stdout, stderr } = await runCli(["--port", "0", ...args]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stdout).not.toContain("listening");
  });

  it(
    "--tolerate errata,offsetlessTimestamps --on-invalid StopTransaction=accept: CALLRESULTs, JSON log lines on stdout, counters on /metrics",
    async () => {
      const cli = spawnCli(["--port", "0", "--tolerate", "errata,offsetlessTimestamps", "--on-invalid", "StopTransaction=accept", "--tolerate", "MeterValues=none"]);
      try {
        const banner = await cli.nextLine();
        const url = /listening on (ws:\/\/\S+\/ocpp\/)<chargePointId>/.exec(banner)?.[1];
        const metricsUrl = /metrics at (http:\/\/\S+)$/.exec(banner)?.[1];
        expect(url, banner).toBeTruthy();
        expect(metricsUrl, banner).toBeTruthy();
        expect(await cli.nextLine()).toBe(
          "policy: tolerate errata,offsetlessTimestamps, on invalid reject (all actions); MeterValues: tolerate none, on invalid reject; StopTransaction: tolerate errata,offsetlessTimestamps, on invalid accept",
        );
        const ws = await connect(url + "CP-cli-policy");
        expect(await ws.exchange(`[2,"t-1","StopTransaction",${STOP_DEVIANT}]`)).toEqual([3, "t-1", {}]);
        const tolerated = JSON.parse(await cli.nextLine());
        expect(tolerated).toMatchObject({ chargePointId: "CP-cli-policy", kind: "call", action: "StopTransaction", uniqueId: "t-1", outcome: "tolerated", answer: "CALLRESULT", issues: [], warnings: [] });
        expect(tolerated.tolerated.map((t) => t.tolerance)).toEqual(["offsetlessTimestamps", "errata"]);
        expect(await ws.exchange(`[2,"t-2","StopTransaction",{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z"}]`)).toEqual([3, "t-2", {}]);
        expect(JSON.parse(await cli.nextLine())).toMatchObject({ uniqueId: "t-2", outcome: "accepted-invalid", issues: [{ instancePath: "", keyword: "required", message: "must have required property 'meterStop'" }] });
        expect((await ws.exchange(`[2,"t-3","Heartbeat",{}]`))[0]).toBe(3);
        const m = parsePrometheus((await httpRequest(metricsUrl)).body);
        const cp = { charge_point: "CP-cli-policy", protocol: "ocpp1.6", action: "StopTransaction" };
        expect(sample(m, "ocpp_gateway_frames_total", { ...cp, outcome: "tolerated" })).toBe(1);
        expect(sample(m, "ocpp_gateway_frames_total", { ...cp, outcome: "accepted-invalid" })).toBe(1);
        expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-cli-policy", protocol: "ocpp1.6", action: "Heartbeat", outcome: "valid" })).toBe(1);
        expect(sample(m, "ocpp_gateway_issues_total", { ...cp, keyword: "required", path: "", disposition: "accepted" })).toBe(1);
        ws.close();
        await ws.closed;
        cli.child.kill("SIGTERM");
        // The valid Heartbeat wrote no line: the next one is the summary.
        expect(await cli.nextLine()).toMatch(/^gateway stopped: 1 connections, 3 messages, 3 CALLRESULTs/);
        expect(await cli.exited).toBe(0);
      } finally {
        cli.child.kill("SIGKILL");
      }
    },
    600_000,
  );

  it(
    "--frame-log <file> appends the lines to a file (flushed on SIGTERM); --no-metrics turns /metrics off",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "gateway-log-"));
      const file = join(dir, "frames.ndjson");
      const cli = spawnCli(["--port", "0", "--frame-log", file, "--no-metrics", "--log-valid"]);
      try {
        const banner = await cli.nextLine();
        expect(banner).not.toContain("metrics at");
        const url = /listening on (ws:\/\/\S+\/ocpp\/)<chargePointId>/.exec(banner)?.[1];
        const ws = await connect(url + "CP-file");
        expect((await ws.exchange(`[2,"f-1","Heartbeat",{}]`))[0]).toBe(3);
        expect((await ws.exchange(`[2,"f-2","StopTransaction",${STOP_DEVIANT}]`))[0]).toBe(4);
        const { port } = new URL(url.replace(/^ws/, "http"));
        expect((await httpRequest(`http://127.0.0.1:${port}/metrics`)).status).toBe(426);
        ws.close();
        await ws.closed;
        cli.child.kill("SIGTERM");
        expect(await cli.nextLine()).toMatch(/^gateway stopped:/);
        expect(await cli.exited).toBe(0);
        const records = readFileSync(file, "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
        expect(records.map((r) => [r.uniqueId, r.outcome])).toEqual([
          ["f-1", "valid"],
          ["f-2", "rejected"],
        ]);
      } finally {
        cli.child.kill("SIGKILL");
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
