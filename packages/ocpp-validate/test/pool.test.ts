// The worker pool behind the wasm and js backends' isValidBatchAsync: failures reject (never hang),
// the pool recovers, and an idle pool never keeps a process alive. Through the built package.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createValidator } from "ocpp-validate";
import { INLINE_MAX_BYTES, WorkerPool } from "ocpp-validate/internal";

const ok = '{"transactionId":1,"timestamp":"2024-01-01T00:00:00Z","meterStop":5}';
/** Large enough to go to the workers, not the inline path. */
const large = Array.from({ length: Math.ceil((4 * INLINE_MAX_BYTES) / ok.length) }, (_, i) => (i % 3 === 0 ? "{}" : i % 2 ? ok : Buffer.from(ok)));
const STOP_TRANSACTION = 48;

describe("worker pool", () => {
  it("a worker that fails while loading rejects the batch, and the pool then has no worker left", async () => {
    const pool = new WorkerPool("nope", 1);
    await expect(pool.run(large, STOP_TRANSACTION, 0)).rejects.toThrow(/no backend named "nope"/);
    expect(pool.running).toBe(0);
    await pool.close();
  });

  it("an error inside a worker's backend rejects that batch only; the same workers answer the next", async () => {
    const pool = new WorkerPool("wasm", 2);
    await expect(pool.run(large, 10_000, 0)).rejects.toThrow(/a batch worker failed/);
    const verdicts = await pool.run(large, STOP_TRANSACTION, 0);
    expect(verdicts.length).toBe(large.length);
    expect(Array.from(verdicts.subarray(0, 3))).toEqual([0, 1, 1]);
    await pool.close();
    expect(pool.running).toBe(0);
  });

  it("close() while a batch is in flight rejects it", async () => {
    const pool = new WorkerPool("js", 2);
    const rejected = expect(pool.run(large, STOP_TRANSACTION, 0)).rejects.toThrow(/closed/);
    await pool.close();
    await rejected;
  });

  it("an idle pool does not keep the process alive; a pending batch does, until it is answered", () => {
    const script = `
      import { createValidator } from "ocpp-validate";
      const ok = ${JSON.stringify(ok)};
      const inputs = Array.from({ length: 20000 }, (_, i) => (i % 2 ? ok : "{}"));
      for (const backend of ["wasm", "js"]) {
        const v = createValidator({ backend });
        v.isValidBatchAsync(inputs).then((r) => console.log(backend, r.length, r.reduce((a, b) => a + b, 0)));
      }`;
    // no close(): the process ends on its own once both batches are answered (the timeout only catches a hang)
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
    expect(out.trim().split("\n").sort()).toEqual(["js 20000 10000", "wasm 20000 10000"]);
  });

  it("a small batch is answered without a pool", async () => {
    const v = createValidator({ backend: "js" });
    await v.close();
    expect(Array.from(await v.isValidBatchAsync(["{}", ok]))).toEqual([0, 1]);
  });
});
