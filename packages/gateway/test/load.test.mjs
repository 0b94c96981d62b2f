// The load test in quick mode: correctness only (every call answered exactly once, with the right
// kind and code, on both servers). Timings are printed by the script, never asserted.
import { describe, expect, it } from "vitest";
import { runLoadTest } from "../scripts/load-test.mjs";

describe.each(["gateway", "ocpp-rpc"])("load test (quick) against %s", (target) => {
  it("10 charge points x 50 calls: nothing lost, nothing duplicated, every answer right", async () => {
    // A call counts as lost only after callTimeoutMs without an answer: well beyond any slow
    // machine, and below vitest's testTimeout (../../vitest.shared.mjs) so a loss is reported as one.
    const r = await runLoadTest({ target, chargePoints: 10, calls: 50, callTimeoutMs: 5 * 60_000 });
    expect(r.calls).toBe(500);
    expect(r.invalid).toBeGreaterThan(0);
    expect({ lost: r.lost, extraAnswers: r.extraAnswers, badMessages: r.badMessages, mismatches: r.mismatches }).toEqual({ lost: 0, extraAnswers: 0, badMessages: 0, mismatches: [] });
  });
});
