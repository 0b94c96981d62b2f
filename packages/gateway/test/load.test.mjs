// The load test in quick mode (20 charge points x one session, on every server, for the OCPP 1.6
// and the OCPP 2.0.1 session mix): correctness only
// (every call answered exactly once, with the right kind and code; transactions opened and closed).
// Timings are printed by the script, never asserted. Plus checks of the workload generator itself.
import { describe, expect, it } from "vitest";
import { CHARGE_POINT_ACTIONS, createValidator } from "ocpp-validate";
import { payloadValueFor, createPrng } from "@ocpp-validate/test-vectors/payloads";
import { MUTATION_KINDS, MUTATION_KINDS_2X, SESSION_ACTIONS, breakPayload, problems, requestOf, runLoadTest, workload } from "../scripts/load-test.mjs";

const SLOW = 600_000;
const validator = createValidator();
const validator201 = createValidator({ protocol: "ocpp2.0.1" });

describe("load test workload", () => {
  it("every planned valid call is valid, every broken one invalid (our validator); ~5% broken, spread over every action and kind", () => {
    const shape = { transactions: 2, meterValues: 30, invalidRatio: 0.05, seed: 7 };
    const calls = Array.from({ length: 200 }, (_, cp) => workload(cp, shape).calls).flat();
    for (const c of calls) {
      expect(validator.isValid(JSON.stringify(c.value), { message: c.action }), `${c.action} ${c.broken ?? "valid"} ${JSON.stringify(c.value)}`).toBe(c.broken === null);
      expect(c.expect.gateway === null).toBe(c.broken === null);
    }
    const broken = calls.filter((c) => c.broken);
    expect(broken.length / calls.length).toBeGreaterThan(0.04);
    expect(broken.length / calls.length).toBeLessThan(0.06);
    expect(new Set(calls.map((c) => c.action))).toEqual(new Set(CHARGE_POINT_ACTIONS));
    expect(new Set(broken.map((c) => c.action))).toEqual(new Set(CHARGE_POINT_ACTIONS));
    expect(new Set(broken.map((c) => c.broken))).toEqual(new Set(MUTATION_KINDS));
  });

  it("breakPayload breaks every Charge Point action's payload, of every size", () => {
    const rnd = createPrng(11);
    for (const action of CHARGE_POINT_ACTIONS) {
      for (const size of ["small", "medium", "large"]) {
        for (let i = 0; i < 20; i++) {
          const { value, kind } = breakPayload(action, payloadValueFor(action, { size, seed: i }), rnd);
          expect(MUTATION_KINDS).toContain(kind);
          expect(validator.isValid(JSON.stringify(value), { message: action }), `${action} ${kind} ${JSON.stringify(value).slice(0, 300)}`).toBe(false);
        }
      }
    }
  });
});

describe.each(["gateway", "ocpp-rpc", "ocpp-rpc-ocpp-validate"])("load test (quick) against %s", (target) => {
  it(
    "20 charge points x one session: nothing lost, nothing duplicated, every answer right, every transaction closed",
    async () => {
      const r = await runLoadTest({ target, chargePoints: 20, transactions: 1, meterValues: 10 });
      // 24 valid calls per session, and each broken one (ocpp-rpc accepts a few: no retry then)
      expect(r.calls).toBeGreaterThanOrEqual(20 * 24);
      expect(r.calls).toBeLessThanOrEqual(20 * 24 + r.broken);
      if (target === "gateway") expect(r.calls).toBe(20 * 24 + r.broken);
      expect(r.invalid).toBeGreaterThan(0);
      expect(r.callErrors).toBe(r.invalid);
      expect(Object.keys(r.perAction).sort()).toEqual([...CHARGE_POINT_ACTIONS]);
      expect(r.transactionIds).toBe(20);
      expect(problems(r)).toEqual([]);
      expect({ lost: r.lost, extraAnswers: r.extraAnswers, badMessages: r.badMessages, mismatches: r.mismatches }).toEqual({ lost: 0, extraAnswers: 0, badMessages: 0, mismatches: [] });
      expect(r.serverTransactions).toEqual({ started: 20, stopped: 20, unknownStops: 0, open: 0 });
      console.log(`${target}: ${r.calls} calls, ${r.callErrors} CALLERRORs, ${r.callsPerSecond.toFixed(0)} calls/s, server CPU ${r.serverCpuUsPerCall.toFixed(1)} µs/call; differences from ocpp-rpc: ${JSON.stringify(r.differences)}`);
    },
    SLOW,
  );
});

describe("load test workload, OCPP 2.0.1 session mix", () => {
  const protocol = "ocpp2.0.1";
  it("every planned valid call is valid, every broken one invalid (our 2.0.1 validator); ~5% broken, spread over every action and kind (minItems too)", () => {
    const shape = { transactions: 2, meterValues: 30, invalidRatio: 0.05, seed: 7, protocol };
    const calls = Array.from({ length: 200 }, (_, cp) => workload(cp, shape).calls).flat();
    for (const c of calls) {
      expect(validator201.isValid(JSON.stringify(c.value), { message: requestOf(c.action, protocol) }), `${c.action} ${c.broken ?? "valid"} ${JSON.stringify(c.value)}`).toBe(c.broken === null);
      expect(c.expect.gateway === null).toBe(c.broken === null);
    }
    const broken = calls.filter((c) => c.broken);
    expect(broken.length / calls.length).toBeGreaterThan(0.04);
    expect(broken.length / calls.length).toBeLessThan(0.06);
    expect(new Set(calls.map((c) => c.action))).toEqual(new Set(SESSION_ACTIONS[protocol]));
    expect(new Set(broken.map((c) => c.action))).toEqual(new Set(SESSION_ACTIONS[protocol]));
    expect(new Set(broken.map((c) => c.broken))).toEqual(new Set(MUTATION_KINDS_2X));
    // The session's TransactionEvents: Started, Updated with meter values, Ended, in that order per transaction.
    const events = workload(0, shape).calls.filter((c) => c.action === "TransactionEvent" && c.broken === null).map((c) => c.value.eventType);
    expect(events[0]).toBe("Started");
    expect(events.filter((e) => e === "Started")).toHaveLength(2);
    expect(events.filter((e) => e === "Ended")).toHaveLength(2);
    expect(events.filter((e) => e === "Updated")).toHaveLength(2 * 31);
    // The 2.x codes the gateway must answer with (the frame reference's).
    const codes = new Set(broken.map((c) => c.expect.gateway.code));
    expect(codes).toContain("OccurrenceConstraintViolation");
    expect(codes).toContain("ProtocolError");
    expect(codes).not.toContain("OccurenceConstraintViolation");
    expect(codes).not.toContain("FormationViolation");
  });
});

describe("breakPayload, OCPP 2.0.1", () => {
  it("breaks every 2.0.1 session action's payload, of every size ($refs resolved)", () => {
    const rnd = createPrng(11);
    for (const action of SESSION_ACTIONS["ocpp2.0.1"]) {
      for (const size of ["small", "medium", "large"]) {
        for (let i = 0; i < 20; i++) {
          const value = payloadValueFor(`${action}Request`, { size, seed: i, protocol: "ocpp2.0.1" });
          // Heartbeat {} has nothing to break but its closed object.
          const { value: broken, kind } = breakPayload(action, value, rnd, "ocpp2.0.1");
          expect(MUTATION_KINDS_2X).toContain(kind);
          expect(validator201.isValid(JSON.stringify(broken), { message: `${action}Request` }), `${action} ${kind} ${JSON.stringify(broken).slice(0, 300)}`).toBe(false);
        }
      }
    }
  });
});

describe.each(["gateway", "ocpp-rpc", "ocpp-rpc-ocpp-validate"])("load test (quick, OCPP 2.0.1) against %s", (target) => {
  it(
    "20 charging stations x one 2.0.1 session: nothing lost, nothing duplicated, every answer right, every transaction Started and Ended",
    async () => {
      const r = await runLoadTest({ target, chargePoints: 20, transactions: 1, meterValues: 10, protocol: "ocpp2.0.1" });
      expect(r.protocol).toBe("ocpp2.0.1");
      expect(r.calls).toBeGreaterThanOrEqual(r.plannedValid);
      expect(r.calls).toBeLessThanOrEqual(r.plannedValid + r.broken);
      if (target === "gateway") expect(r.calls).toBe(r.plannedValid + r.broken);
      expect(r.invalid).toBeGreaterThan(0);
      expect(r.callErrors).toBe(r.invalid);
      expect(Object.keys(r.perAction).sort()).toEqual([...SESSION_ACTIONS["ocpp2.0.1"]]);
      expect(r.transactionIds).toBe(20);
      expect(problems(r)).toEqual([]);
      expect({ lost: r.lost, extraAnswers: r.extraAnswers, badMessages: r.badMessages, mismatches: r.mismatches }).toEqual({ lost: 0, extraAnswers: 0, badMessages: 0, mismatches: [] });
      expect(r.serverTransactions).toEqual({ started: 20, stopped: 20, unknownStops: 0, open: 0 });
      console.log(`${target} (2.0.1): ${r.calls} calls, ${r.callErrors} CALLERRORs, ${r.callsPerSecond.toFixed(0)} calls/s, server CPU ${r.serverCpuUsPerCall.toFixed(1)} µs/call; differences from ocpp-rpc: ${JSON.stringify(r.differences)}`);
    },
    SLOW,
  );
});
