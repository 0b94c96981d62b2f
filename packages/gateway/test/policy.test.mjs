// The validation policy as the CLI flags and the programmatic options give it: which tolerances
// and which on-invalid setting apply to which action, and the startup errors for names that do
// not exist.
import { describe, expect, it } from "vitest";
import { TOLERANCES } from "ocpp-validate";
import { Policy, PolicyError, parsePolicyArgs } from "../src/policy.mjs";
import { startGateway } from "../src/gateway.mjs";

const policyOf = (args) => new Policy(parsePolicyArgs(args));

describe("parsePolicyArgs", () => {
  it("no flags: strict, reject, for every action", () => {
    const p = policyOf({});
    expect(p.strict).toBe(true);
    expect(p.union).toEqual([]);
    expect(p.forAction("StopTransaction")).toEqual({ tolerate: [], onInvalid: "reject" });
    expect(p.describe()).toBe("tolerate none, on invalid reject (all actions)");
  });

  it("--tolerate a,b applies to every action; repeats add up; the order is TOLERANCES' order, each once", () => {
    const p = policyOf({ tolerate: ["offsetlessTimestamps,errata", " overlongStrings , errata"] });
    expect(p.global.tolerate).toEqual(["errata", "offsetlessTimestamps", "overlongStrings"]);
    expect(p.forAction("MeterValues").tolerate).toEqual(["errata", "offsetlessTimestamps", "overlongStrings"]);
    expect(p.varies).toBe(false);
    expect(p.strict).toBe(false);
  });

  it("--tolerate Action=list replaces the global list for that action only; Action=none and Action= make it strict", () => {
    const p = policyOf({ tolerate: ["errata,offsetlessTimestamps", "StopTransaction=fractionalIntegers,overlongStrings", "StopTransaction=unknownProperties", "MeterValues=none", "Heartbeat="] });
    expect(p.forAction("StopTransaction")).toEqual({ tolerate: ["fractionalIntegers", "overlongStrings", "unknownProperties"], onInvalid: "reject" });
    expect(p.forAction("MeterValues").tolerate).toEqual([]);
    expect(p.forAction("Heartbeat").tolerate).toEqual([]);
    expect(p.forAction("BootNotification").tolerate).toEqual(["errata", "offsetlessTimestamps"]);
    expect(p.forAction("NotAnAction").tolerate).toEqual(["errata", "offsetlessTimestamps"]);
    expect(p.union).toEqual([...TOLERANCES]);
    expect(p.varies).toBe(true);
    expect(p.describe()).toBe(
      "tolerate errata,offsetlessTimestamps, on invalid reject (all actions); " +
        "Heartbeat: tolerate none, on invalid reject; MeterValues: tolerate none, on invalid reject; StopTransaction: tolerate fractionalIntegers,overlongStrings,unknownProperties, on invalid reject",
    );
  });

  it("--on-invalid: global and per action, independent of the tolerances; a per-action tolerate keeps the global on-invalid and vice versa", () => {
    const p = policyOf({ tolerate: ["errata", "StopTransaction=overlongStrings"], onInvalid: ["StopTransaction=accept", "Reset=accept", "MeterValues=reject"] });
    expect(p.forAction("StopTransaction")).toEqual({ tolerate: ["overlongStrings"], onInvalid: "accept" });
    expect(p.forAction("Reset")).toEqual({ tolerate: ["errata"], onInvalid: "accept" });
    expect(p.forAction("MeterValues")).toEqual({ tolerate: ["errata"], onInvalid: "reject" });
    expect(p.forAction("Heartbeat")).toEqual({ tolerate: ["errata"], onInvalid: "reject" });
    const all = policyOf({ onInvalid: ["accept", "accept", "Heartbeat=reject"] });
    expect(all.forAction("BootNotification").onInvalid).toBe("accept");
    expect(all.forAction("Heartbeat").onInvalid).toBe("reject");
    expect(all.strict).toBe(false);
    expect(all.union).toEqual([]);
  });

  it.each([
    [{ tolerate: ["errata,offsetlesTimestamps"] }, '--tolerate errata,offsetlesTimestamps: unknown tolerance "offsetlesTimestamps" (did you mean "offsetlessTimestamps"?); the tolerances are errata, offsetlessTimestamps, fractionalIntegers, overlongStrings, unknownProperties'],
    [{ tolerate: ["Errata"] }, '--tolerate Errata: unknown tolerance "Errata" (did you mean "errata"?); the tolerances are'],
    [{ tolerate: ["celsius"] }, '--tolerate celsius: unknown tolerance "celsius"; the tolerances are'],
    [{ tolerate: ["none,errata"] }, 'unknown tolerance "none"'],
    [{ tolerate: [""] }, "--tolerate : expected tolerance names"],
    [{ tolerate: ["StopTransation=errata"] }, '--tolerate StopTransation=errata: unknown action "StopTransation" (did you mean "StopTransaction"?); the OCPP 1.6 actions are Authorize, BootNotification,'],
    [{ tolerate: ["StopTransactionResponse=errata"] }, 'unknown action "StopTransactionResponse"'],
    [{ tolerate: ["=errata"] }, 'unknown action ""'],
    [{ onInvalid: ["StopTransaction=ignore"] }, '--on-invalid StopTransaction=ignore: on-invalid must be "accept" or "reject", not "ignore"'],
    [{ onInvalid: ["Stop=accept"] }, '--on-invalid Stop=accept: unknown action "Stop"'],
    [{ onInvalid: ["accept", "reject"] }, "--on-invalid reject: contradicts --on-invalid accept"],
    [{ onInvalid: ["StopTransaction=accept", "StopTransaction=reject"] }, "--on-invalid StopTransaction=reject: contradicts --on-invalid StopTransaction=accept"],
  ])("refuses %j with a message naming the flag and the name", (args, message) => {
    let error;
    try {
      policyOf(args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(message);
  });
});

describe("Policy (the programmatic options)", () => {
  it("per-action fields replace the global ones one by one", () => {
    const p = new Policy({ tolerate: ["unknownProperties", "errata"], actions: { StopTransaction: { onInvalid: "accept" }, MeterValues: { tolerate: [] } } });
    expect(p.forAction("StopTransaction")).toEqual({ tolerate: ["errata", "unknownProperties"], onInvalid: "accept" });
    expect(p.forAction("MeterValues")).toEqual({ tolerate: [], onInvalid: "reject" });
    expect(JSON.parse(JSON.stringify(p))).toEqual({
      tolerate: ["errata", "unknownProperties"],
      onInvalid: "reject",
      actions: { StopTransaction: { tolerate: ["errata", "unknownProperties"], onInvalid: "accept" }, MeterValues: { tolerate: [], onInvalid: "reject" } },
    });
  });

  it.each([
    [{ tolerate: ["Celsius"] }, 'tolerate: unknown tolerance "Celsius"'],
    [{ tolerate: "errata" }, 'tolerate: tolerate must be an array of tolerance names, not "errata"'],
    [{ onInvalid: "drop" }, 'onInvalid: on-invalid must be "accept" or "reject", not "drop"'],
    [{ actions: { Stoptransaction: { onInvalid: "accept" } } }, 'actions: unknown action "Stoptransaction" (did you mean "StopTransaction"?)'],
    [{ actions: { StopTransaction: { tolerate: ["fractional"] } } }, 'actions.StopTransaction: unknown tolerance "fractional"'],
  ])("refuses %j", (options, message) => {
    expect(() => new Policy(options)).toThrow(PolicyError);
    expect(() => new Policy(options)).toThrow(message);
  });

  it("startGateway rejects an unknown name before it listens", async () => {
    await expect(startGateway({ port: 0, heartbeatMs: 0, actions: { StopTransation: { onInvalid: "accept" } } })).rejects.toThrow(PolicyError);
    await expect(startGateway({ port: 0, heartbeatMs: 0, tolerate: ["celsius"] })).rejects.toThrow('unknown tolerance "celsius"');
    const gw = await startGateway({ port: 0, heartbeatMs: 0, tolerate: ["errata"], actions: { StopTransaction: { onInvalid: "accept" } } });
    try {
      expect(gw.policy.forAction("StopTransaction")).toEqual({ tolerate: ["errata"], onInvalid: "accept" });
    } finally {
      await gw.close();
    }
  });
});
