// The CLI as a user runs it: started on port 0, a ws charger connects, a line on stdin sends a
// CSMS-initiated call, its answer comes back on stdout. Every wait is for a line or a message.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";

const CLI = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));

describe("cli", () => {
  it(
    "answers a charger and sends `<Action> <chargePointId> <payload>` lines from stdin as calls",
    async () => {
      const child = spawn(process.execPath, [CLI, "--port", "0", "--heartbeat-interval", "60", "--call-timeout", "60000"], { stdio: ["pipe", "pipe", "pipe"] });
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
      try {
        const banner = await nextLine();
        const url = /listening on (ws:\/\/\S+\/ocpp\/)<chargePointId>/.exec(banner)?.[1];
        expect(url, banner).toBeTruthy();
        const ws = new WebSocket(url + "CP-cli", ["ocpp1.6"]);
        const messages = [];
        const msgWaiters = [];
        ws.on("message", (d) => {
          const m = JSON.parse(d.toString());
          const w = msgWaiters.shift();
          if (w) w(m);
          else messages.push(m);
        });
        const next = () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => msgWaiters.push(r)));
        await new Promise((resolve, reject) => (ws.once("open", resolve), ws.once("error", reject)));

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
