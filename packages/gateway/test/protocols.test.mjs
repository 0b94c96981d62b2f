// OCPP 2.0.1 and 2.1 in the gateway: subprotocol negotiation (the client's order, the server's
// supported list, refusal), one validator per protocol, the 2.x station handlers (every answer
// checked with our own validator against `<Action>Response` of that protocol), the 2.x CALLERROR
// codes (compared with the frame reference's text), 2.1 SEND and CALLRESULTERROR never answered,
// CSMS-initiated 2.x calls, and the protocol label in the metrics and the frame log.
// Every wait is for a message, a log line or a close, never a time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createValidator } from "ocpp-validate";
import { invalidPayloadFor, payloadValueFor } from "@ocpp-validate/test-vectors/payloads";
import { csmsActionsFor, referenceValidateFrame, stationActionsFor } from "@ocpp-validate/test-vectors/frame-reference";
import { SubprotocolError, checkProtocols, negotiate, startGateway, tablesOf } from "../src/gateway.mjs";
import { offeredProtocols } from "../src/protocols.mjs";
import { connect, httpRequest } from "./client.mjs";
import { parsePrometheus, sample } from "./prometheus.mjs";

const PROTOCOLS_2X = /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"]);
const ALL = ["ocpp2.1", "ocpp2.0.1", "ocpp1.6"];
const validators = { "ocpp1.6": createValidator(), "ocpp2.0.1": createValidator({ protocol: "ocpp2.0.1" }), "ocpp2.1": createValidator({ protocol: "ocpp2.1" }) };
/** The actions the gateway answers with a handler of its own in 2.x (README "OCPP 2.0.1 and 2.1"). */
const SESSION_ACTIONS = ["BootNotification", "Heartbeat", "StatusNotification", "Authorize", "TransactionEvent", "MeterValues", "NotifyReport", "DataTransfer"];
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
const T = "2024-05-17T14:32:05Z";

/** The CALLRESULT passes `<action>Response` of the protocol, as a payload and as the whole frame. */
function expectValidAnswer(protocol, action, answer, uniqueId) {
  const v = validators[protocol];
  expect(answer.slice(0, 2), `${protocol} ${action}`).toEqual([3, uniqueId]);
  expect(v.validate(JSON.stringify(answer[2]), { message: `${action}Response`, allErrors: true }).errors, `${protocol} ${action}Response`).toEqual([]);
  expect(v.validateFrame(JSON.stringify(answer), { responseTo: action }).valid).toBe(true);
}

/** @type {Awaited<ReturnType<typeof startGateway>>} */
let gw;
/** @type {Awaited<ReturnType<typeof startGateway>>} */
let only201;
const logs = [];
const logWaiters = [];
const nextLog = (re) => new Promise((resolve) => logWaiters.push({ re, resolve }));
const records = [];

beforeAll(async () => {
  gw = await startGateway({
    port: 0,
    heartbeatMs: 0,
    heartbeatInterval: 120,
    frameLog: (r) => records.push(r),
    log: (line) => {
      logs.push(line);
      for (let i = 0; i < logWaiters.length; i++) if (logWaiters[i].re.test(line)) logWaiters.splice(i--, 1)[0].resolve(line);
    },
  });
  only201 = await startGateway({ port: 0, heartbeatMs: 0, protocols: ["ocpp2.0.1", "ocpp1.6"] });
});
afterAll(async () => {
  await gw?.close();
  await only201?.close();
});

describe("subprotocol negotiation", () => {
  it("negotiate: the first protocol in the client's order that the server supports, else null", () => {
    expect(negotiate(["ocpp2.0.1", "ocpp1.6"], ALL)).toBe("ocpp2.0.1");
    expect(negotiate(["ocpp1.6", "ocpp2.0.1"], ALL)).toBe("ocpp1.6");
    expect(negotiate(["ocpp2.1", "ocpp2.0.1"], ["ocpp1.6", "ocpp2.0.1"])).toBe("ocpp2.0.1");
    expect(negotiate(["ocpp1.5", "OCPP1.6", "ocpp1.6"], ALL)).toBe("ocpp1.6");
    expect(negotiate(["ocpp2.1"], ["ocpp2.0.1", "ocpp1.6"])).toBe(null);
    expect(negotiate([], ALL)).toBe(null);
    expect(offeredProtocols(" ocpp2.1, ocpp2.0.1 ,,ocpp1.6")).toEqual(["ocpp2.1", "ocpp2.0.1", "ocpp1.6"]);
    expect(offeredProtocols(["ocpp2.1", "ocpp1.6"])).toEqual(["ocpp2.1", "ocpp1.6"]);
    expect(offeredProtocols(undefined)).toEqual([]);
  });

  it("the supported list is checked: names known, each once, in the order given; an unknown one is a startup error", async () => {
    expect(checkProtocols("ocpp2.0.1, ocpp1.6,ocpp2.0.1")).toEqual(["ocpp2.0.1", "ocpp1.6"]);
    expect(() => checkProtocols(["ocpp2.0"])).toThrow(SubprotocolError);
    expect(() => checkProtocols(["ocpp2.0"])).toThrow('unknown protocol "ocpp2.0"; the gateway speaks ocpp2.1, ocpp2.0.1, ocpp1.6');
    expect(() => checkProtocols([])).toThrow(SubprotocolError);
    await expect(startGateway({ port: 0, heartbeatMs: 0, protocols: ["ocpp1.6", "ocpp3"] })).rejects.toThrow(SubprotocolError);
    expect(gw.protocols).toEqual(ALL);
    expect(only201.protocols).toEqual(["ocpp2.0.1", "ocpp1.6"]);
  });

  it.each([
    [["ocpp2.1", "ocpp2.0.1", "ocpp1.6"], "ocpp2.1"],
    [["ocpp2.0.1", "ocpp2.1", "ocpp1.6"], "ocpp2.0.1"],
    [["ocpp1.6", "ocpp2.0.1"], "ocpp1.6"],
    [["ocpp3.0", "ocpp2.0.1"], "ocpp2.0.1"],
  ])("all three supported: the client offers %j, gets %s", async (offer, want) => {
    const ws = await connect(gw.url + `CP-neg-${want}`, offer);
    expect(ws.protocol).toBe(want);
    expect(gw.protocolOf(`CP-neg-${want}`)).toBe(want);
    ws.close();
    await ws.closed;
  });

  it("--protocols ocpp2.0.1,ocpp1.6: a client preferring 2.1 falls back to its next choice; one offering only 2.1 is refused with 400 and a body naming both lists", async () => {
    const a = await connect(only201.url + "CP-fallback", ["ocpp2.1", "ocpp2.0.1", "ocpp1.6"]);
    expect(a.protocol).toBe("ocpp2.0.1");
    const b = await connect(only201.url + "CP-fallback-16", ["ocpp2.1", "ocpp1.6"]);
    expect(b.protocol).toBe("ocpp1.6");
    const refusedBefore = only201.stats.rejected;
    await expect(connect(only201.url + "CP-21-only", ["ocpp2.1"])).rejects.toMatchObject({ status: 400 });
    await expect(connect(only201.url + "CP-none", [])).rejects.toMatchObject({ status: 400 });
    expect(only201.stats.rejected).toBe(refusedBefore + 2);
    expect(only201.connected()).not.toContain("CP-21-only");
    // The refusal as the raw HTTP response.
    const { request } = await import("node:http");
    const res = await new Promise((resolve, reject) => {
      const req = request(only201.url.replace("ws:", "http:") + "CP-21-only", {
        headers: { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==", "sec-websocket-protocol": "ocpp2.1, ocpp1.5" },
      });
      req.on("response", (r) => {
        let body = "";
        r.setEncoding("utf8");
        r.on("data", (d) => (body += d));
        r.on("end", () => resolve({ status: r.statusCode, body }));
      });
      req.on("upgrade", () => reject(new Error("upgraded")));
      req.on("error", reject);
      req.end();
    });
    expect(res).toEqual({ status: 400, body: "no common OCPP subprotocol: offered ocpp2.1, ocpp1.5; this server speaks ocpp2.0.1, ocpp1.6\n" });
    expect(only201.stats.protocols).toMatchObject({ "ocpp2.0.1": 1, "ocpp1.6": 1 });
    a.close();
    b.close();
  });

  it("each connection validates with its own protocol's validator: the same payload is judged by the schema (and error table) of the subprotocol", async () => {
    const v16 = await connect(gw.url + "CP-mixed-16", ["ocpp1.6"]);
    const v201 = await connect(gw.url + "CP-mixed-201", ["ocpp2.0.1"]);
    const boot16 = { chargePointVendor: "Acme", chargePointModel: "AC-22" };
    const boot201 = { reason: "PowerUp", chargingStation: { model: "AC-22", vendorName: "Acme" } };
    expect((await v16.request("BootNotification", boot16))[0]).toBe(3);
    expect((await v201.request("BootNotification", boot201))[0]).toBe(3);
    // The other protocol's payload: an unknown member is FormationViolation in 1.6, ProtocolError in 2.x.
    expect((await v16.request("BootNotification", boot201))[2]).toBe("FormationViolation");
    expect((await v201.request("BootNotification", boot16))[2]).toBe("ProtocolError");
    // Nothing at all: 1.6 spells the code with one r, 2.x with two.
    const wrong16 = await v16.request("BootNotification", {});
    const wrong201 = await v201.request("BootNotification", {});
    expect(wrong16[2]).toBe("OccurenceConstraintViolation");
    expect(wrong201[2]).toBe("OccurrenceConstraintViolation");
    expect(wrong201[3]).toMatch(/^Payload is not a valid BootNotificationRequest: /);
    // A 2.x action on a 1.6 connection is unknown there, and the other way round.
    expect((await v16.request("TransactionEvent", {}))[2]).toBe("NotImplemented");
    expect((await v201.request("StartTransaction", {}))[2]).toBe("NotImplemented");
    v16.close();
    v201.close();
  });
});

describe.each(PROTOCOLS_2X)("%s station actions", (protocol) => {
  it.each(SESSION_ACTIONS)("%s: a CALLRESULT that passes its response schema, for payloads of every size", async (action) => {
    const ws = await connect(gw.url + `CP-${protocol}-${action}`, [protocol]);
    for (const [i, opts] of [{ size: "small" }, { size: "medium" }, { size: "large" }, { size: "small", optional: false }].entries()) {
      const payload = payloadValueFor(`${action}Request`, { ...opts, seed: i + 1, protocol });
      expect(validators[protocol].isValid(JSON.stringify(payload), { message: `${action}Request` })).toBe(true);
      ws.send(JSON.stringify([2, `${action}-${i}`, action, payload]));
      expectValidAnswer(protocol, action, await ws.next(), `${action}-${i}`);
    }
    ws.close();
  });

  it("every other station action: a valid acknowledgement where one is trivial, else NotSupported; CSMS actions NotSupported", async () => {
    const ws = await connect(gw.url + `CP-${protocol}-others`, [protocol]);
    const tables = tablesOf(protocol);
    const acknowledged = [];
    const notSupported = [];
    for (const action of stationActionsFor(protocol)) {
      const request = tables.requestName(action);
      if (tables.responseName(action) === null) continue; // SEND-only: see the SEND test
      const payload = payloadValueFor(request, { size: "small", seed: 3, protocol });
      ws.send(JSON.stringify([2, `o-${action}`, action, payload]));
      const answer = await ws.next();
      if (answer[0] === 3) {
        expectValidAnswer(protocol, action, answer, `o-${action}`);
        if (!SESSION_ACTIONS.includes(action)) acknowledged.push(action);
      } else {
        expect(answer.slice(0, 4)).toEqual([4, `o-${action}`, "NotSupported", `${action} is not supported by this CSMS`]);
        notSupported.push(action);
      }
    }
    // Where "Accepted" would promise work the gateway never does, it is not said (README).
    const expected = ["Get15118EVCertificate", "GetCertificateStatus", "NotifyEVChargingNeeds", "SignCertificate"];
    if (protocol === "ocpp2.1") expected.push("GetCertificateChainStatus", "PullDynamicScheduleUpdate", "VatNumberValidation");
    expect(notSupported.sort()).toEqual(expected.sort());
    expect(acknowledged).toEqual(expect.arrayContaining(["FirmwareStatusNotification", "NotifyEvent", "SecurityEventNotification", "LogStatusNotification"]));
    for (const action of csmsActionsFor(protocol).slice(0, 10)) {
      const answer = await ws.request(action, {});
      expect(answer.slice(2, 4)).toEqual(["NotSupported", `${action} is sent by a CSMS, not to it`]);
    }
    ws.close();
  });

  it("BootNotification Accepted with now and the interval; Heartbeat now; Authorize idTokenInfo; DataTransfer UnknownVendorId or Accepted with data echoed", async () => {
    const ws = await connect(gw.url + `CP-${protocol}-boot`, [protocol]);
    const before = Date.now();
    const boot = await ws.request("BootNotification", { reason: "PowerUp", chargingStation: { model: "AC-22", vendorName: "Acme" } });
    expect(boot[2]).toEqual({ currentTime: expect.stringMatching(ISO_Z), interval: 120, status: "Accepted" });
    expect(Date.parse(boot[2].currentTime)).toBeGreaterThanOrEqual(before - 1000);
    const hb = await ws.request("Heartbeat", {});
    expect(Object.keys(hb[2])).toEqual(["currentTime"]);
    expect((await ws.request("Authorize", { idToken: { idToken: "TAG-1", type: "ISO14443" } }))[2]).toEqual({ idTokenInfo: { status: "Accepted" } });
    expect((await ws.request("DataTransfer", { vendorId: "com.example" }))[2]).toEqual({ status: "UnknownVendorId" });
    expect((await ws.request("DataTransfer", { vendorId: "ocpp-validate", data: { any: ["json", 1] } }))[2]).toEqual({ status: "Accepted", data: { any: ["json", 1] } });
    expect((await ws.request("StatusNotification", { timestamp: T, connectorStatus: "Available", evseId: 1, connectorId: 1 }))[2]).toEqual({});
    expect((await ws.request("NotifyReport", { requestId: 1, generatedAt: T, seqNo: 0 }))[2]).toEqual({});
    ws.close();
  });

  it("TransactionEvent: Started opens the station's transaction, Updated updates it (meter values counted), Ended closes it; idTokenInfo only for an idToken", async () => {
    const id = `CP-${protocol}-tx`;
    const ws = await connect(gw.url + id, [protocol]);
    const started0 = gw.stats.transactions.started;
    const stopped0 = gw.stats.transactions.stopped;
    const mv = (wh) => [{ timestamp: T, sampledValue: [{ value: wh, measurand: "Energy.Active.Import.Register", unitOfMeasure: { unit: "Wh" } }, { value: 7200.5, measurand: "Power.Active.Import" }] }];
    const ev = (eventType, seqNo, extra = {}) => ({ eventType, timestamp: T, triggerReason: "Authorized", seqNo, transactionInfo: { transactionId: "tx-1", ...(extra.info ?? {}) }, ...extra.body });
    const started = await ws.request("TransactionEvent", ev("Started", 0, { body: { evse: { id: 1, connectorId: 1 }, idToken: { idToken: "TAG-9", type: "ISO14443" }, meterValue: mv(1000) } }));
    expectValidAnswer(protocol, "TransactionEvent", started, started[1]);
    expect(started[2]).toEqual({ idTokenInfo: { status: "Accepted" } });
    expect(gw.openTransactions(id)).toEqual([
      { transactionId: "tx-1", chargePointId: id, protocol, evseId: 1, connectorId: 1, idToken: "TAG-9", timestamp: T, seqNo: 0, chargingState: null, meterValues: 1 },
    ]);
    for (let n = 1; n <= 3; n++) {
      const updated = await ws.request("TransactionEvent", ev("Updated", n, { info: { chargingState: "Charging" }, body: { meterValue: mv(1000 + n) } }));
      expect(updated[2]).toEqual({});
    }
    expect(gw.openTransactions(id)[0]).toMatchObject({ seqNo: 3, chargingState: "Charging", meterValues: 4 });
    const ended = await ws.request("TransactionEvent", ev("Ended", 4, { info: { stoppedReason: "EVDisconnected" }, body: { idToken: { idToken: "TAG-9", type: "ISO14443" } } }));
    expect(ended[2]).toEqual({ idTokenInfo: { status: "Accepted" } });
    expect(gw.openTransactions(id)).toEqual([]);
    expect(gw.stats.transactions.started - started0).toBe(1);
    expect(gw.stats.transactions.stopped - stopped0).toBe(1);
    // An Ended nobody started is answered, counted and logged; an Updated of an unknown one opens it.
    const unknown0 = gw.stats.transactions.unknownStops;
    const logged = nextLog(/TransactionEvent Ended for unknown transaction "tx-gone"/);
    expect((await ws.request("TransactionEvent", { ...ev("Ended", 9), transactionInfo: { transactionId: "tx-gone" } }))[0]).toBe(3);
    await logged;
    expect(gw.stats.transactions.unknownStops - unknown0).toBe(1);
    await ws.request("TransactionEvent", { ...ev("Updated", 5), transactionInfo: { transactionId: "tx-late" } });
    expect(gw.openTransactions(id).map((t) => t.transactionId)).toEqual(["tx-late"]);
    // The same transaction id at another station is another transaction.
    const other = await connect(gw.url + `${id}-b`, [protocol]);
    await other.request("TransactionEvent", { ...ev("Started", 0), transactionInfo: { transactionId: "tx-late" } });
    expect(gw.openTransactions(`${id}-b`).map((t) => t.chargePointId)).toEqual([`${id}-b`]);
    expect(gw.openTransactions(id).map((t) => t.chargePointId)).toEqual([id]);
    await other.request("TransactionEvent", { ...ev("Ended", 1), transactionInfo: { transactionId: "tx-late" } });
    await ws.request("TransactionEvent", { ...ev("Ended", 6), transactionInfo: { transactionId: "tx-late" } });
    ws.close();
    other.close();
  });

  it("invalid payloads and frames get the 2.x codes, with the frame reference's exact text", async () => {
    const ws = await connect(gw.url + `CP-${protocol}-errors`, [protocol]);
    const cases = [
      // required → OccurrenceConstraintViolation (two r's in 2.x)
      ['[2,"e1","BootNotification",{"reason":"PowerUp"}]', "OccurrenceConstraintViolation"],
      // not JSON → FormatViolation
      ['[2,"e2","Heartbeat",{', "FormatViolation"],
      // a wrong type → TypeConstraintViolation
      ['[2,"e3","TransactionEvent",{"eventType":"Started","timestamp":"2024-05-17T14:32:05Z","triggerReason":"Authorized","seqNo":"0","transactionInfo":{"transactionId":"t"}}]', "TypeConstraintViolation"],
      // an enum, a bound → PropertyConstraintViolation
      ['[2,"e4","StatusNotification",{"timestamp":"2024-05-17T14:32:05Z","connectorStatus":"available","evseId":1,"connectorId":1}]', "PropertyConstraintViolation"],
      [`[2,"e5","TransactionEvent",{"eventType":"Started","timestamp":"2024-05-17T14:32:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"${"x".repeat(37)}"}}]`, "PropertyConstraintViolation"],
      // an unknown member → ProtocolError in 2.x (FormationViolation in 1.6)
      ['[2,"e6","Heartbeat",{"extra":1}]', "ProtocolError"],
      // minItems → OccurrenceConstraintViolation
      ['[2,"e7","MeterValues",{"evseId":1,"meterValue":[]}]', "OccurrenceConstraintViolation"],
      // envelope faults → RpcFrameworkError; an unknown message type → MessageTypeNotSupported
      ['[2,"e8","Heartbeat"]', "RpcFrameworkError"],
      ['{"not":"an array"}', "RpcFrameworkError"],
      ['[9,"e9","Heartbeat",{}]', "MessageTypeNotSupported"],
      // a CSMS action → NotSupported, an unknown one → NotImplemented
      ['[2,"e10","Reset",{"type":"Immediate"}]', "NotSupported"],
      ['[2,"e11","StartTransaction",{}]', "NotImplemented"],
    ];
    // 2.0.1 has no SEND; 2.1 bounds evse.id (minimum 0)
    if (protocol === "ocpp2.0.1") cases.push(['[6,"e12","NotifyEvent",{}]', "MessageTypeNotSupported"]);
    else cases.push(['[2,"e13","TransactionEvent",{"eventType":"Started","timestamp":"2024-05-17T14:32:05Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"evse":{"id":-1}}]', "PropertyConstraintViolation"]);
    for (const [frame, code] of cases) {
      const expected = referenceValidateFrame(frame, { protocol, allErrors: false });
      expect(expected.callError?.errorCode, frame).toBe(code);
      expect(await ws.exchange(frame), frame).toEqual(JSON.parse(expected.callError.frame));
    }
    ws.close();
  });
});

describe.each(PROTOCOLS_2X)("%s with onInvalid accept", (protocol) => {
  it("every station action's invalid payload (and null, an array, a number, an empty object) is answered with a CALLRESULT that passes its response schema, or NotSupported", async () => {
    const lenient = await startGateway({ port: 0, heartbeatMs: 0, onInvalid: "accept" });
    try {
      const ws = await connect(lenient.url + `CP-${protocol}-lenient`, [protocol]);
      const tables = tablesOf(protocol);
      let n = 0;
      for (const action of tables.stationActions) {
        if (tables.responseName(action) === null) continue;
        for (const payload of [invalidPayloadFor(tables.requestName(action), protocol), "null", "[1]", "5", "{}", '{"idToken":7,"transactionInfo":{"transactionId":3},"evse":"x"}']) {
          const id = `a-${n++}`;
          const frame = `[2,"${id}","${action}",${payload}]`;
          const answer = await ws.exchange(frame);
          if (answer[0] === 4) {
            // Only a valid frame, or one the policy cannot accept, gets a CALLERROR: NotSupported here.
            expect(answer.slice(1, 3), frame).toEqual([id, "NotSupported"]);
          } else expectValidAnswer(protocol, action, answer, id);
        }
      }
      expect(lenient.stats.errors.InternalError ?? 0).toBe(0);
      ws.close();
    } finally {
      await lenient.close();
    }
  });
});

describe("OCPP 2.1 SEND and CALLRESULTERROR", () => {
  it("a SEND is never answered, valid or invalid, and counted; a CALLRESULTERROR is never answered and logged", async () => {
    const ws = await connect(gw.url + "CP-send", ["ocpp2.1"]);
    const payload = payloadValueFor("NotifyPeriodicEventStream", { size: "small", seed: 1, protocol: "ocpp2.1" });
    const sends0 = gw.stats.sends;
    ws.send(JSON.stringify([6, "s-1", "NotifyPeriodicEventStream", payload]));
    ws.send(JSON.stringify([6, "s-2", "NotifyPeriodicEventStream", { nope: true }]));
    ws.send(JSON.stringify([6, "s-3", "SomethingElse", {}]));
    const logged = nextLog(/CP-send: CALLRESULTERROR InternalError for "r-0"/);
    ws.send(JSON.stringify([5, "r-0", "InternalError", "could not store it", {}]));
    await logged;
    // The next CALL's answer is the first thing that comes back.
    const hb = await ws.request("Heartbeat", {});
    expectValidAnswer("ocpp2.1", "Heartbeat", hb, hb[1]);
    expect(gw.stats.sends - sends0).toBe(3);
    expect(gw.stats.callResultErrors).toBeGreaterThanOrEqual(1);
    const m = parsePrometheus((await httpRequest(`http://${gw.host}:${gw.port}/metrics`)).body);
    expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-send", protocol: "ocpp2.1", action: "NotifyPeriodicEventStream", outcome: "valid" })).toBe(1);
    expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-send", protocol: "ocpp2.1", action: "NotifyPeriodicEventStream", outcome: "rejected" })).toBe(1);
    const rejected = records.find((r) => r.chargePointId === "CP-send" && r.uniqueId === "s-2");
    expect(rejected).toMatchObject({ protocol: "ocpp2.1", kind: "send", action: "NotifyPeriodicEventStream", outcome: "rejected", answer: "none" });
    ws.close();
  });
});

describe.each(PROTOCOLS_2X)("CSMS-initiated %s calls", (protocol) => {
  const charger = async (id) => Object.assign(await connect(gw.url + id, [protocol]), { id });

  it("RequestStartTransaction, Reset, GetVariables: the request as sent, the CALLRESULT validated against <Action>Response and resolved", async () => {
    const cp = await charger(`CP-${protocol}-csms`);
    const calls = [
      ["RequestStartTransaction", { idToken: { idToken: "APP-7", type: "Central" }, remoteStartId: 42, evseId: 1 }, { status: "Accepted", transactionId: "tx-remote" }],
      ["Reset", { type: "Immediate" }, { status: "Scheduled" }],
      ["GetVariables", { getVariableData: [{ component: { name: "OCPPCommCtrlr" }, variable: { name: "HeartbeatInterval" } }] }, { getVariableResult: [{ attributeStatus: "Accepted", attributeValue: "120", component: { name: "OCPPCommCtrlr" }, variable: { name: "HeartbeatInterval" } }] }],
    ];
    for (const [action, request, response] of calls) {
      const result = gw.call(cp.id, action, request);
      const [type, uniqueId, sentAction, sent] = await cp.next();
      expect([type, sentAction, sent]).toEqual([2, action, request]);
      cp.send(JSON.stringify([3, uniqueId, response]));
      expect(await result).toEqual(response);
    }
    cp.close();
  });

  it("every CSMS action of the protocol: sent and resolved", async () => {
    const cp = await charger(`CP-${protocol}-csms-all`);
    const tables = tablesOf(protocol);
    for (const [i, action] of tables.csmsActions.entries()) {
      const request = payloadValueFor(tables.requestName(action), { size: "medium", seed: 10 + i, protocol });
      const response = payloadValueFor(`${action}Response`, { size: "medium", seed: 20 + i, protocol });
      const result = gw.call(cp.id, action, request);
      const [, uniqueId, sentAction, sentPayload] = await cp.next();
      expect([sentAction, sentPayload]).toEqual([action, request]);
      cp.send(JSON.stringify([3, uniqueId, response]));
      expect(await result).toEqual(response);
    }
    cp.close();
  });

  it("rejects requests that are not the protocol's (named with its messages), invalid responses with their issues, and CALLERRORs with their 2.x code", async () => {
    const cp = await charger(`CP-${protocol}-csms-bad`);
    await expect(gw.call(cp.id, "Reset", { type: "Soft" })).rejects.toMatchObject({
      kind: "invalid-request",
      message: "Reset payload is not a valid ResetRequest: /type enum",
      issues: [{ instancePath: "/type", keyword: "enum", ocppErrorCode: "PropertyConstraintViolation" }],
    });
    await expect(gw.call(cp.id, "Reset", { type: "Immediate", extra: 1 })).rejects.toMatchObject({ issues: [{ keyword: "additionalProperties", ocppErrorCode: "ProtocolError" }] });
    await expect(gw.call(cp.id, "BootNotification", {})).rejects.toMatchObject({ kind: "invalid-request", message: "BootNotification is sent by a Charging Station, not to it" });
    await expect(gw.call(cp.id, "RemoteStartTransaction", { idTag: "X", connectorId: 1 })).rejects.toMatchObject({ kind: "invalid-request", message: `RemoteStartTransaction is not an OCPP ${protocol.slice(4)} action` });
    const bad = gw.call(cp.id, "GetVariables", { getVariableData: [{ component: { name: "C" }, variable: { name: "V" } }] });
    const [, id1] = await cp.next();
    cp.send(JSON.stringify([3, id1, { getVariableResult: [] }]));
    await expect(bad).rejects.toMatchObject({
      kind: "invalid-response",
      message: `${cp.id} answered GetVariables with a payload that is not a valid GetVariablesResponse: /getVariableResult minItems`,
      issues: [{ instancePath: "/getVariableResult", keyword: "minItems", ocppErrorCode: "OccurrenceConstraintViolation" }],
    });
    const refused = gw.call(cp.id, "Reset", { type: "OnIdle" });
    const [, id2] = await cp.next();
    cp.send(JSON.stringify([4, id2, "SecurityError", "not allowed", { why: "test" }]));
    await expect(refused).rejects.toMatchObject({ kind: "callerror", errorCode: "SecurityError", errorDescription: "not allowed", errorDetails: { why: "test" } });
    cp.close();
  });
});

describe("metrics and the frame log carry the protocol", () => {
  it("frames_total, issues_total and log records per protocol", async () => {
    const a = await connect(gw.url + "CP-label", ["ocpp2.0.1"]);
    await a.request("Heartbeat", {});
    await a.request("BootNotification", { reason: "PowerUp" });
    const m = parsePrometheus((await httpRequest(`http://${gw.host}:${gw.port}/metrics`)).body);
    expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-label", protocol: "ocpp2.0.1", action: "Heartbeat", outcome: "valid" })).toBe(1);
    expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-label", protocol: "ocpp2.0.1", action: "BootNotification", outcome: "rejected" })).toBe(1);
    expect(sample(m, "ocpp_gateway_issues_total", { charge_point: "CP-label", protocol: "ocpp2.0.1", action: "BootNotification", keyword: "required", path: "", disposition: "rejected" })).toBe(1);
    expect(sample(m, "ocpp_gateway_protocol_connections_total", { protocol: "ocpp2.0.1" })).toBeGreaterThanOrEqual(1);
    expect(records.find((r) => r.chargePointId === "CP-label")).toMatchObject({ protocol: "ocpp2.0.1", kind: "call", action: "BootNotification", outcome: "rejected", answer: "CALLERROR", errorCode: "OccurrenceConstraintViolation" });
    a.close();
  });

  it("a policy names 2.x actions too, and applies to them", async () => {
    const tolerant = await startGateway({ port: 0, heartbeatMs: 0, actions: { NotifyReport: { onInvalid: "accept" }, TransactionEvent: { tolerate: ["offsetlessTimestamps"] } } });
    try {
      const ws = await connect(tolerant.url + "CP-policy-2x", ["ocpp2.0.1"]);
      const accepted = await ws.request("NotifyReport", { requestId: 1 });
      expectValidAnswer("ocpp2.0.1", "NotifyReport", accepted, accepted[1]);
      const tolerated = await ws.request("TransactionEvent", { eventType: "Started", timestamp: "2024-05-17T14:32:05", triggerReason: "Authorized", seqNo: 0, transactionInfo: { transactionId: "t-1" } });
      expectValidAnswer("ocpp2.0.1", "TransactionEvent", tolerated, tolerated[1]);
      expect((await ws.request("Heartbeat", { extra: 1 }))[2]).toBe("ProtocolError");
      expect(tolerant.metrics.get("ocpp_gateway_frames_total", { charge_point: "CP-policy-2x", protocol: "ocpp2.0.1", action: "TransactionEvent", outcome: "tolerated" })).toBe(1);
      expect(tolerant.metrics.get("ocpp_gateway_frames_total", { charge_point: "CP-policy-2x", protocol: "ocpp2.0.1", action: "NotifyReport", outcome: "accepted-invalid" })).toBe(1);
      ws.close();
    } finally {
      await tolerant.close();
    }
  });
});

describe("an ocpp-rpc RPCClient in strict mode as a 2.0.1 station", () => {
  it("its own ajv schemas accept every answer of a session; RequestStartTransaction followed by its TransactionEvent Started, Updated, Ended", async () => {
    const { RPCClient } = await import("ocpp-rpc");
    // strictMode: ocpp-rpc validates each of our CALLRESULTs against its copy of the 2.0.1 schemas.
    const client = new RPCClient({ endpoint: gw.url.replace(/\/$/, ""), identity: "CS-rpc", protocols: ["ocpp2.0.1", "ocpp1.6"], strictMode: true, reconnect: false });
    let remote = Promise.resolve(null);
    client.handle("RequestStartTransaction", ({ params }) => {
      const ev = (eventType, seqNo, extra = {}) => ({ eventType, timestamp: new Date().toISOString(), triggerReason: "RemoteStart", seqNo, transactionInfo: { transactionId: "rs-1", remoteStartId: params.remoteStartId }, ...extra });
      remote = new Promise((resolve) =>
        setImmediate(async () => {
          const answers = [];
          answers.push(await client.call("TransactionEvent", ev("Started", 0, { evse: { id: params.evseId, connectorId: 1 }, idToken: params.idToken })));
          answers.push(await client.call("TransactionEvent", ev("Updated", 1, { meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: 1234.5 }] }] })));
          answers.push(await client.call("TransactionEvent", ev("Ended", 2, { transactionInfo: { transactionId: "rs-1", stoppedReason: "Remote" } })));
          resolve(answers);
        }),
      );
      return { status: "Accepted", transactionId: "rs-1" };
    });
    await client.connect();
    try {
      expect(client.protocol).toBe("ocpp2.0.1");
      expect(await client.call("BootNotification", { reason: "PowerUp", chargingStation: { model: "M", vendorName: "V" } })).toMatchObject({ status: "Accepted", interval: 120 });
      expect(await client.call("Heartbeat", {})).toEqual({ currentTime: expect.stringMatching(ISO_Z) });
      expect(await client.call("StatusNotification", { timestamp: T, connectorStatus: "Available", evseId: 1, connectorId: 1 })).toEqual({});
      expect(await client.call("Authorize", { idToken: { idToken: "T", type: "ISO14443" } })).toEqual({ idTokenInfo: { status: "Accepted" } });
      expect(await client.call("MeterValues", { evseId: 0, meterValue: [{ timestamp: T, sampledValue: [{ value: 1 }] }] })).toEqual({});
      expect(await client.call("NotifyReport", { requestId: 1, generatedAt: T, seqNo: 0 })).toEqual({});
      const answer = await gw.call("CS-rpc", "RequestStartTransaction", { idToken: { idToken: "APP-1", type: "Central" }, remoteStartId: 7, evseId: 1 });
      expect(answer).toEqual({ status: "Accepted", transactionId: "rs-1" });
      expect(await remote).toEqual([{ idTokenInfo: { status: "Accepted" } }, {}, {}]);
      expect(gw.openTransactions("CS-rpc")).toEqual([]);
    } finally {
      await client.close({ force: true });
    }
  });
});
