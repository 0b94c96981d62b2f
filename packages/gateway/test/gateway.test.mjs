// The gateway on port 0, driven by real WebSocket clients playing charge points: every Charge Point
// action answered with a CALLRESULT that passes its response schema (checked with our own
// validator), the frame vectors answered exactly as the validator says, CSMS-initiated calls, and
// hostile traffic after which the server must still answer a plain valid call.
// Where a test waits, it waits for an event (a message, a log line, a close), never a fixed time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHARGE_POINT_ACTIONS, createValidator } from "ocpp-validate";
import { payloadValueFor } from "@ocpp-validate/test-vectors/payloads";
import { loadFrameVectors } from "@ocpp-validate/test-vectors/vectors";
import { CENTRAL_SYSTEM_ACTIONS, CallFailure, DATA_TRANSFER_VENDOR_ID, startGateway } from "../src/gateway.mjs";
import { connect as connectClient } from "./client.mjs";

const SLOW = 600_000;
const validator = createValidator();
/** One validator per protocol, for checking the gateway's answers. */
const validators = { "ocpp1.6": validator, "ocpp2.0.1": createValidator({ protocol: "ocpp2.0.1" }), "ocpp2.1": createValidator({ protocol: "ocpp2.1" }) };
const PAYLOAD = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100,"idTag":"TAG-1"}';
const call = (id, payload = PAYLOAD, action = "StopTransaction") => `[2,${JSON.stringify(id)},${JSON.stringify(action)},${payload}]`;
const ACCEPTED = (id) => [3, id, { idTagInfo: { status: "Accepted" } }];
/** The 2.x station actions the gateway answers with NotSupported (README "OCPP 2.0.1 and 2.1"). */
const NOT_ACKNOWLEDGED = ["Get15118EVCertificate", "GetCertificateChainStatus", "GetCertificateStatus", "NotifyEVChargingNeeds", "NotifyPeriodicEventStream", "PullDynamicScheduleUpdate", "SignCertificate", "VatNumberValidation"];
const ISO_Z = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/** @type {Awaited<ReturnType<typeof startGateway>>} */
let gw;
/** @type {Awaited<ReturnType<typeof startGateway>>} */
let strict;
/** Log lines of `gw`, and waiters for the next matching one. */
const logs = [];
const logWaiters = [];
/** Resolves with the first log line matching `re` written after this call. */
const nextLog = (re) => new Promise((resolve) => logWaiters.push({ re, resolve }));

beforeAll(async () => {
  gw = await startGateway({
    port: 0,
    heartbeatMs: 0,
    heartbeatInterval: 120,
    log: (line) => {
      logs.push(line);
      for (let i = 0; i < logWaiters.length; i++) {
        if (logWaiters[i].re.test(line)) logWaiters.splice(i--, 1)[0].resolve(line);
      }
    },
  });
  strict = await startGateway({ port: 0, heartbeatMs: 0, strictUtf8: true, maxPayload: 64 * 1024 });
});
afterAll(async () => {
  await gw?.close();
  await strict?.close();
});

/** A client of `gw` unless told otherwise (test/client.mjs). */
const connect = (url = gw.url + "CP-1", ...rest) => connectClient(url, ...rest);

async function expectStillServing(server = gw) {
  const ws = await connect(server.url + "CP-check");
  ws.send(call("alive"));
  expect(await ws.next()).toEqual(ACCEPTED("alive"));
  ws.close();
}

/** The CALLRESULT payload passes `<action>Response` of the protocol, as text and as the whole frame. */
function expectValidAnswer(action, answer, uniqueId, protocol = "ocpp1.6") {
  const v = validators[protocol];
  expect(answer.slice(0, 2)).toEqual([3, uniqueId]);
  expect(v.validate(JSON.stringify(answer[2]), { message: `${action}Response`, allErrors: true }).errors).toEqual([]);
  expect(v.isValid(JSON.stringify(answer[2]), { message: `${action}Response` })).toBe(true);
  expect(v.validateFrame(JSON.stringify(answer), { responseTo: action }).valid).toBe(true);
}

describe("gateway answers every Charge Point action", () => {
  const SIZES = [
    { size: "small", seed: 1 },
    { size: "medium", seed: 2 },
    { size: "large", seed: 3 },
    { size: "small", seed: 4, optional: false },
  ];
  it.each(CHARGE_POINT_ACTIONS)("%s: a CALLRESULT that passes its response schema, for payloads of every size", async (action) => {
    const ws = await connect(gw.url + `CP-each-${action}`);
    for (const opts of SIZES) {
      const payload = payloadValueFor(action, opts);
      expect(validator.isValid(JSON.stringify(payload), { message: action })).toBe(true);
      const uniqueId = `${action}-${opts.seed}`;
      ws.send(JSON.stringify([2, uniqueId, action, payload]));
      expectValidAnswer(action, await ws.next(), uniqueId);
    }
    ws.close();
  });

  it("BootNotification: Accepted, currentTime now (ISO, Z), the configured interval; Heartbeat: currentTime", async () => {
    const ws = await connect(gw.url + "CP-boot");
    const before = Date.now();
    const boot = await ws.request("BootNotification", { chargePointVendor: "Acme", chargePointModel: "AC-22" });
    expect(boot[2]).toEqual({ status: "Accepted", currentTime: expect.stringMatching(ISO_Z), interval: 120 });
    const heartbeat = await ws.request("Heartbeat", {});
    expect(Object.keys(heartbeat[2])).toEqual(["currentTime"]);
    for (const t of [boot[2].currentTime, heartbeat[2].currentTime]) {
      expect(t).toMatch(ISO_Z);
      expect(Date.parse(t)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(t)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    expectValidAnswer("BootNotification", boot, "r-1");
    expectValidAnswer("Heartbeat", heartbeat, "r-2");
    ws.close();
  });

  it("Authorize: idTagInfo Accepted; notifications: {}; DataTransfer: UnknownVendorId, or Accepted (data echoed) for our vendor", async () => {
    const ws = await connect(gw.url + "CP-misc");
    expect((await ws.request("Authorize", { idTag: "TAG-42" }))[2]).toEqual({ idTagInfo: { status: "Accepted" } });
    expect((await ws.request("StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Available" }))[2]).toEqual({});
    expect((await ws.request("MeterValues", { connectorId: 1, meterValue: [{ timestamp: "2024-05-17T14:32:05Z", sampledValue: [{ value: "10" }] }] }))[2]).toEqual({});
    expect((await ws.request("DiagnosticsStatusNotification", { status: "Uploaded" }))[2]).toEqual({});
    expect((await ws.request("FirmwareStatusNotification", { status: "Installed" }))[2]).toEqual({});
    expect((await ws.request("DataTransfer", { vendorId: "com.example", messageId: "x", data: "1" }))[2]).toEqual({ status: "UnknownVendorId" });
    expect((await ws.request("DataTransfer", { vendorId: DATA_TRANSFER_VENDOR_ID, data: "ping" }))[2]).toEqual({ status: "Accepted", data: "ping" });
    expect((await ws.request("DataTransfer", { vendorId: DATA_TRANSFER_VENDOR_ID }))[2]).toEqual({ status: "Accepted" });
    ws.close();
  });

  it("StartTransaction: a new transactionId per call, increasing across charge points, remembered until StopTransaction", async () => {
    const a = await connect(gw.url + "CP-tx-a");
    const b = await connect(gw.url + "CP-tx-b");
    const start = (ws, connectorId, idTag, meterStart) => ws.request("StartTransaction", { connectorId, idTag, meterStart, timestamp: "2024-05-17T14:32:05Z" });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      for (const [ws, tag] of [[a, "TAG-A"], [b, "TAG-B"]]) {
        const answer = await start(ws, i + 1, tag, 1000 * i);
        expectValidAnswer("StartTransaction", answer, answer[1]);
        expect(answer[2].idTagInfo).toEqual({ status: "Accepted" });
        ids.push(answer[2].transactionId);
      }
    }
    expect(ids.every((id, i) => Number.isInteger(id) && (i === 0 || id > ids[i - 1]))).toBe(true);
    expect(gw.openTransactions("CP-tx-a").map((t) => [t.transactionId, t.connectorId, t.idTag, t.meterStart])).toEqual([
      [ids[0], 1, "TAG-A", 0],
      [ids[2], 2, "TAG-A", 1000],
      [ids[4], 3, "TAG-A", 2000],
    ]);
    expect(gw.transactions.get(ids[1])).toMatchObject({ chargePointId: "CP-tx-b", connectorId: 1, idTag: "TAG-B", meterStart: 0, timestamp: "2024-05-17T14:32:05Z" });

    // Stopped with an idTag: idTagInfo; without: {} (the schema makes it optional). Either way closed.
    const stopped = gw.stats.transactions.stopped;
    const stop1 = await a.request("StopTransaction", { transactionId: ids[0], idTag: "TAG-A", meterStop: 50, timestamp: "2024-05-17T15:00:00Z" });
    expect(stop1[2]).toEqual({ idTagInfo: { status: "Accepted" } });
    const stop2 = await a.request("StopTransaction", { transactionId: ids[2], meterStop: 1050, timestamp: "2024-05-17T15:00:00Z", reason: "EVDisconnected" });
    expect(stop2[2]).toEqual({});
    expectValidAnswer("StopTransaction", stop1, stop1[1]);
    expectValidAnswer("StopTransaction", stop2, stop2[1]);
    expect(gw.stats.transactions.stopped).toBe(stopped + 2);
    expect(gw.openTransactions("CP-tx-a").map((t) => t.transactionId)).toEqual([ids[4]]);
    expect(gw.transactions.has(ids[0])).toBe(false);

    // A transaction of another charge point is answered but left open; an unknown one is answered and logged.
    const foreign = await a.request("StopTransaction", { transactionId: ids[1], meterStop: 1, timestamp: "2024-05-17T15:00:00Z" });
    expect(foreign[2]).toEqual({});
    expect(logs).toContain(`CP-tx-a: StopTransaction for transaction ${ids[1]} of CP-tx-b (left open)`);
    expect(gw.transactions.has(ids[1])).toBe(true);
    const unknown = await a.request("StopTransaction", { transactionId: 999_999_999, idTag: "TAG-A", meterStop: 1, timestamp: "2024-05-17T15:00:00Z" });
    expect(unknown[2]).toEqual({ idTagInfo: { status: "Accepted" } });
    expect(logs).toContain("CP-tx-a: StopTransaction for unknown transaction 999999999");
    // The same id stopped twice: the second is unknown.
    await a.request("StopTransaction", { transactionId: ids[0], meterStop: 50, timestamp: "2024-05-17T15:00:00Z" });
    expect(logs).toContain(`CP-tx-a: StopTransaction for unknown transaction ${ids[0]}`);

    // Open transactions outlive the connection.
    a.close();
    await a.closed;
    expect(gw.openTransactions("CP-tx-a").map((t) => t.transactionId)).toEqual([ids[4]]);
    b.close();
  });

  it("a custom authorize policy decides idTagInfo for Authorize, StartTransaction and StopTransaction", async () => {
    const custom = await startGateway({
      port: 0,
      heartbeatMs: 0,
      firstTransactionId: 1000,
      authorize: (idTag) => (idTag.startsWith("BAD") ? { status: "Blocked" } : { status: "Accepted", expiryDate: "2030-01-01T00:00:00Z", parentIdTag: "FLEET-1" }),
    });
    try {
      const ws = await connect(custom.url + "CP-auth");
      const answers = [
        ["Authorize", await ws.request("Authorize", { idTag: "BAD-1" })],
        ["Authorize", await ws.request("Authorize", { idTag: "GOOD-1" })],
        ["StartTransaction", await ws.request("StartTransaction", { connectorId: 1, idTag: "BAD-2", meterStart: 0, timestamp: "2024-05-17T14:32:05Z" })],
        ["StopTransaction", await ws.request("StopTransaction", { transactionId: 1000, idTag: "GOOD-2", meterStop: 1, timestamp: "2024-05-17T14:32:05Z" })],
      ];
      expect(answers.map(([, a]) => a[2])).toEqual([
        { idTagInfo: { status: "Blocked" } },
        { idTagInfo: { status: "Accepted", expiryDate: "2030-01-01T00:00:00Z", parentIdTag: "FLEET-1" } },
        { transactionId: 1000, idTagInfo: { status: "Blocked" } },
        { idTagInfo: { status: "Accepted", expiryDate: "2030-01-01T00:00:00Z", parentIdTag: "FLEET-1" } },
      ]);
      for (const [action, a] of answers) expectValidAnswer(action, a, a[1]);
      ws.close();
    } finally {
      await custom.close();
    }
  });

  it("a handler that throws: InternalError CALLERROR, logged, connection kept", async () => {
    const lines = [];
    const broken = await startGateway({ port: 0, heartbeatMs: 0, log: (l) => lines.push(l), authorize: () => { throw new Error("directory down"); } });
    try {
      const ws = await connect(broken.url + "CP-err");
      expect(await ws.request("Authorize", { idTag: "T" })).toEqual([4, "r-1", "InternalError", "The gateway failed to handle Authorize", {}]);
      expect(lines).toEqual(["CP-err: Authorize handler failed: directory down"]);
      expect((await ws.request("Heartbeat", {}))[0]).toBe(3);
      ws.close();
    } finally {
      await broken.close();
    }
  });
});

describe("gateway answers failures with the validator's CALLERROR", () => {
  it("payload failures with the keyword's CallError code and the issues in details", async () => {
    const ws = await connect();
    ws.send(call("b-1", '{"transactionId":"x","timestamp":"2024-05-17T14:32:05Z","meterStop":1}'));
    expect(await ws.next()).toEqual([4, "b-1", "TypeConstraintViolation", "Payload is not a valid StopTransaction.req: /transactionId type", { issues: [{ instancePath: "/transactionId", keyword: "type" }] }]);
    ws.send(call("b-2", "{}"));
    expect((await ws.next()).slice(0, 3)).toEqual([4, "b-2", "OccurenceConstraintViolation"]);
    ws.send(call("b-3", '{"chargePointVendor":"Acme"}', "BootNotification"));
    expect(await ws.next()).toEqual([4, "b-3", "OccurenceConstraintViolation", "Payload is not a valid BootNotification.req: (root) required", { issues: [{ instancePath: "", keyword: "required" }] }]);
    ws.send(call("b-4", '{"connectorId":1,"errorCode":"NoError","status":"Plugged"}', "StatusNotification"));
    expect((await ws.next()).slice(0, 4)).toEqual([4, "b-4", "PropertyConstraintViolation", "Payload is not a valid StatusNotification.req: /status enum"]);
    ws.send(call("b-5", '{"x":1}', "Heartbeat"));
    expect((await ws.next()).slice(0, 4)).toEqual([4, "b-5", "FormationViolation", "Payload is not a valid Heartbeat.req: (root) additionalProperties"]);
    ws.close();
  });

  it("Central System actions with NotSupported, unknown actions with NotImplemented, broken envelopes with ProtocolError, non-JSON with FormationViolation", async () => {
    const ws = await connect();
    ws.send(call("c-1", '{"type":"Soft"}', "Reset"));
    expect(await ws.next()).toEqual([4, "c-1", "NotSupported", "Reset is sent by a Central System, not to it", {}]);
    ws.send(call("c-1b", "{}", "FooBar"));
    expect(await ws.next()).toEqual([4, "c-1b", "NotImplemented", "Action is not an OCPP 1.6 action", {}]);
    ws.send(`[2,"${"x".repeat(37)}","StopTransaction",${PAYLOAD}]`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "x".repeat(37), "ProtocolError"]);
    ws.send(`{"not":"an array"}`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "ProtocolError"]);
    // Not JSON, but the id can be read: it is echoed so the charger can match the answer (SEMANTICS, Frames step 3).
    ws.send(`[2,"c-2","StopTransaction",{`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "c-2", "FormationViolation"]);
    ws.send("");
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
    // responses that answer no pending call are not answered (and are logged): the next answer is for c-3
    const ignored = nextLog(/ignored a CALLERROR for unknown uniqueId "whatever"/);
    ws.send(`[3,"whatever",{}]`);
    ws.send(`[4,"whatever","GenericError","",{}]`);
    ws.send(call("c-3"));
    expect(await ws.next()).toEqual(ACCEPTED("c-3"));
    expect(await ignored).toBe('CP-1: ignored a CALLERROR for unknown uniqueId "whatever"');
    expect(logs).toContain('CP-1: ignored a CALLRESULT for unknown uniqueId "whatever"');
    ws.close();
  });

  it.each(["ocpp1.6", "ocpp2.0.1", "ocpp2.1"])(
    "every %s frame vector: CALLs answered exactly as the vector expects (CALLERROR text, or a CALLRESULT passing the response schema), responses and SENDs not answered",
    async (protocol) => {
      const ws = await connect(gw.url + `CP-vectors-${protocol}`, [protocol]);
      expect(ws.protocol).toBe(protocol);
      const vectors = loadFrameVectors({ protocol });
      expect(vectors.length).toBeGreaterThan(0);
      let answered = 0;
      let silent = 0;
      for (const [i, v] of vectors.entries()) {
        const expected = v.expectedFirst;
        const sentinel = `sentinel-${i}`;
        ws.send(v.data, { binary: false });
        ws.send(call(sentinel, "{}", "Heartbeat"));
        const first = await ws.nextRaw();
        if (expected.callError) {
          expect(first, v.name).toBe(expected.callError.frame);
          answered++;
        } else if (expected.kind === "call") {
          const answer = JSON.parse(first);
          // A valid 2.x station action with no acknowledgement to give (README "OCPP 2.0.1 and 2.1"): NotSupported.
          if (answer[0] === 4) {
            expect([answer[1], answer[2]], v.name).toEqual([expected.uniqueId, "NotSupported"]);
            expect(NOT_ACKNOWLEDGED, v.name).toContain(expected.action);
          }
          else expectValidAnswer(expected.action, answer, expected.uniqueId, protocol);
          answered++;
        } else {
          // a CALLRESULT, CALLERROR, 2.1 CALLRESULTERROR or SEND: nothing comes before the sentinel's answer
          silent++;
          expect(JSON.parse(first).slice(0, 2), v.name).toEqual([3, sentinel]);
          continue;
        }
        expect(JSON.parse(await ws.nextRaw()).slice(0, 2), v.name).toEqual([3, sentinel]);
      }
      expect(answered + silent).toBe(vectors.length);
      expect(silent).toBeGreaterThan(0);
      ws.close();
    },
    SLOW,
  );
});

describe("CSMS-initiated calls (gateway.call)", () => {
  /** A charger client plus the CP id it connected as. */
  const charger = async (id) => Object.assign(await connect(gw.url + id), { id });

  it("sends a validated CALL and resolves with the charger's CALLRESULT payload", async () => {
    const cp = await charger("CP-call-1");
    const result = gw.call(cp.id, "Reset", { type: "Soft" });
    const [type, uniqueId, action, payload] = await cp.next();
    expect([type, action, payload]).toEqual([2, "Reset", { type: "Soft" }]);
    expect(typeof uniqueId).toBe("string");
    expect(uniqueId.length).toBeLessThanOrEqual(36);
    cp.send(JSON.stringify([3, uniqueId, { status: "Accepted" }]));
    expect(await result).toEqual({ status: "Accepted" });
    cp.close();
  });

  it("every Central System action: the request as sent, the response resolved as the charger sent it", async () => {
    const cp = await charger("CP-call-all");
    expect(CENTRAL_SYSTEM_ACTIONS).toHaveLength(19);
    for (const [i, action] of CENTRAL_SYSTEM_ACTIONS.entries()) {
      const request = payloadValueFor(action, { size: "medium", seed: 10 + i });
      const response = payloadValueFor(`${action}Response`, { size: "medium", seed: 20 + i });
      const result = gw.call(cp.id, action, request);
      const [, uniqueId, sentAction, sentPayload] = await cp.next();
      expect([sentAction, sentPayload]).toEqual([action, request]);
      cp.send(JSON.stringify([3, uniqueId, response]));
      expect(await result).toEqual(response);
    }
    cp.close();
  });

  it("rejects an invalid request locally (issues listed, nothing sent), CP-side actions, unknown actions and unknown charge points", async () => {
    const cp = await charger("CP-call-2");
    const sentBefore = gw.stats.outgoing.sent;
    await expect(gw.call(cp.id, "Reset", { type: "Sofft" })).rejects.toMatchObject({
      name: "CallFailure",
      kind: "invalid-request",
      message: "Reset payload is not a valid Reset.req: /type enum",
      uniqueId: null,
      issues: [{ instancePath: "/type", keyword: "enum", ocppErrorCode: "PropertyConstraintViolation" }],
    });
    await expect(gw.call(cp.id, "RemoteStartTransaction", { idTag: "X".repeat(21), connectorId: 1.5 })).rejects.toMatchObject({
      kind: "invalid-request",
      message: "RemoteStartTransaction payload is not a valid RemoteStartTransaction.req: /connectorId type; /idTag maxLength",
    });
    await expect(gw.call(cp.id, "ChangeConfiguration", { key: "a", value: "b", more: 1 })).rejects.toMatchObject({ kind: "invalid-request" });
    await expect(gw.call(cp.id, "BootNotification", {})).rejects.toMatchObject({ kind: "invalid-request", message: "BootNotification is sent by a Charge Point, not to it" });
    await expect(gw.call(cp.id, "FooBar", {})).rejects.toMatchObject({ kind: "invalid-request", message: "FooBar is not an OCPP 1.6 action" });
    await expect(gw.call(cp.id, "Reset", { type: "Soft" }, { timeoutMs: 0 })).rejects.toMatchObject({ kind: "invalid-request" });
    const cyclic = { type: "Soft" };
    cyclic.self = cyclic;
    await expect(gw.call(cp.id, "Reset", cyclic)).rejects.toMatchObject({ kind: "invalid-request" });
    await expect(gw.call("CP-nobody", "Reset", { type: "Soft" })).rejects.toMatchObject({ kind: "not-connected", message: "CP-nobody is not connected" });
    expect(gw.stats.outgoing.sent).toBe(sentBefore);
    // nothing reached the charger: the first thing it gets is the next valid call
    const ok = gw.call(cp.id, "ClearCache", {});
    const [, uniqueId, action] = await cp.next();
    expect(action).toBe("ClearCache");
    cp.send(JSON.stringify([3, uniqueId, { status: "Rejected" }]));
    expect(await ok).toEqual({ status: "Rejected" });
    cp.close();
  });

  it("rejects an invalid CALLRESULT with its issues, and a CALLERROR with its code, description and details", async () => {
    const cp = await charger("CP-call-3");
    const bad = gw.call(cp.id, "UnlockConnector", { connectorId: 1 });
    const [, id1] = await cp.next();
    cp.send(JSON.stringify([3, id1, { status: "Maybe", extra: 1 }]));
    await expect(bad).rejects.toMatchObject({
      kind: "invalid-response",
      uniqueId: id1,
      action: "UnlockConnector",
      chargePointId: "CP-call-3",
      issues: [
        { instancePath: "", keyword: "additionalProperties" },
        { instancePath: "/status", keyword: "enum" },
      ],
    });
    const refused = gw.call(cp.id, "TriggerMessage", { requestedMessage: "MeterValues", connectorId: 1 });
    const [, id2] = await cp.next();
    cp.send(JSON.stringify([4, id2, "NotSupported", "no trigger here", { why: "firmware" }]));
    const failure = await refused.catch((e) => e);
    expect(failure).toBeInstanceOf(CallFailure);
    expect(failure).toMatchObject({ kind: "callerror", uniqueId: id2, errorCode: "NotSupported", errorDescription: "no trigger here", errorDetails: { why: "firmware" } });
    // a malformed CALLRESULT (4 elements) is a ProtocolError answered to the charger; the call still waits
    const waiting = gw.call(cp.id, "GetLocalListVersion", {});
    const [, id3] = await cp.next();
    cp.send(JSON.stringify([3, id3, { listVersion: 1 }, "extra"]));
    expect((await cp.next()).slice(0, 3)).toEqual([4, id3, "ProtocolError"]);
    cp.send(JSON.stringify([3, id3, { listVersion: 1 }]));
    expect(await waiting).toEqual({ listVersion: 1 });
    cp.close();
  });

  it("ignores (and logs) a CALLRESULT for an unknown uniqueId; the pending call still resolves", async () => {
    const cp = await charger("CP-call-4");
    const result = gw.call(cp.id, "GetConfiguration", { key: ["HeartbeatInterval"] });
    const [, uniqueId] = await cp.next();
    const logged = nextLog(/CP-call-4: ignored a CALLRESULT/);
    const ignoredBefore = gw.stats.ignored;
    cp.send(JSON.stringify([3, "not-a-pending-id", { configurationKey: [] }]));
    expect(await logged).toBe('CP-call-4: ignored a CALLRESULT for unknown uniqueId "not-a-pending-id"');
    expect(gw.stats.ignored).toBe(ignoredBefore + 1);
    cp.send(JSON.stringify([3, uniqueId, { configurationKey: [{ key: "HeartbeatInterval", readonly: false, value: "300" }] }]));
    expect(await result).toEqual({ configurationKey: [{ key: "HeartbeatInterval", readonly: false, value: "300" }] });
    cp.close();
  });

  it("times out (timeoutMs) and then ignores the late answer; rejects pending calls when the connection closes", async () => {
    const cp = await charger("CP-call-5");
    const late = gw.call(cp.id, "Reset", { type: "Hard" }, { timeoutMs: 50 });
    const [, uniqueId] = await cp.next();
    await expect(late).rejects.toMatchObject({ kind: "timeout", uniqueId, message: "CP-call-5 did not answer Reset within 50 ms" });
    const logged = nextLog(/CP-call-5: ignored a CALLRESULT/);
    cp.send(JSON.stringify([3, uniqueId, { status: "Accepted" }]));
    expect(await logged).toBe(`CP-call-5: ignored a CALLRESULT for unknown uniqueId ${JSON.stringify(uniqueId)}`);

    const pending = gw.call(cp.id, "ChangeAvailability", { connectorId: 0, type: "Inoperative" });
    const queued = gw.call(cp.id, "ClearCache", {});
    await cp.next();
    cp.close();
    await expect(pending).rejects.toMatchObject({ kind: "closed" });
    await expect(queued).rejects.toMatchObject({ kind: "closed" });
    await expect(gw.call(cp.id, "ClearCache", {})).rejects.toMatchObject({ kind: "not-connected" });
  });

  it("sends calls to one charger one at a time, in order (OCPP-J 1.6 §4.1.1)", async () => {
    const cp = await charger("CP-call-6");
    const sent = gw.stats.outgoing.sent;
    const results = [1, 2, 3].map((n) => gw.call(cp.id, "CancelReservation", { reservationId: n }));
    for (const n of [1, 2, 3]) {
      const [, uniqueId, , payload] = await cp.next();
      expect(payload).toEqual({ reservationId: n });
      // the next one goes out only after this one is answered
      expect(gw.stats.outgoing.sent).toBe(sent + n);
      cp.send(JSON.stringify([3, uniqueId, { status: n === 2 ? "Rejected" : "Accepted" }]));
    }
    expect(await Promise.all(results)).toEqual([{ status: "Accepted" }, { status: "Rejected" }, { status: "Accepted" }]);
    cp.close();
  });

  it("a charger with two connections: calls go to the newest, then to the older one when the newest closes", async () => {
    const older = await charger("CP-twice");
    const newer = await charger("CP-twice");
    const start = await older.request("StartTransaction", { connectorId: 1, idTag: "T", meterStart: 0, timestamp: "2024-05-17T14:32:05Z" });
    const first = gw.call("CP-twice", "ClearCache", {});
    const [, id1, action1] = await newer.next();
    expect(action1).toBe("ClearCache");
    newer.send(JSON.stringify([3, id1, { status: "Accepted" }]));
    expect(await first).toEqual({ status: "Accepted" });
    newer.close();
    await newer.closed;
    expect(gw.connected()).toContain("CP-twice");
    const second = gw.call("CP-twice", "ClearCache", {});
    const [, id2] = await older.next();
    older.send(JSON.stringify([3, id2, { status: "Rejected" }]));
    expect(await second).toEqual({ status: "Rejected" });
    expect(gw.openTransactions("CP-twice").map((t) => t.transactionId)).toEqual([start[2].transactionId]);
    const stop = await older.request("StopTransaction", { transactionId: start[2].transactionId, meterStop: 5, timestamp: "2024-05-17T15:32:05Z" });
    expect(stop[2]).toEqual({});
    expect(gw.openTransactions("CP-twice")).toEqual([]);
    older.close();
    await older.closed;
    expect(gw.connected()).not.toContain("CP-twice");
  });

  it("an ocpp-rpc RPCClient as the charger: RemoteStartTransaction followed by its StartTransaction, then Reset", async () => {
    const { RPCClient } = await import("ocpp-rpc");
    const client = new RPCClient({ endpoint: gw.url.replace(/\/$/, ""), identity: "CP-rpc", protocols: ["ocpp1.6"], strictMode: true, reconnect: false });
    /** @type {Promise<any>} */
    let started = Promise.resolve(null);
    client.handle("RemoteStartTransaction", ({ params }) => {
      started = new Promise((resolve) => setImmediate(() => resolve(client.call("StartTransaction", { connectorId: params.connectorId, idTag: params.idTag, meterStart: 0, timestamp: new Date().toISOString() }))));
      return { status: "Accepted" };
    });
    client.handle("Reset", () => ({ status: "Rejected" }));
    await client.connect();
    try {
      expect(await gw.call("CP-rpc", "RemoteStartTransaction", { connectorId: 2, idTag: "APP-USER-7" })).toEqual({ status: "Accepted" });
      const tx = await started;
      expect(tx).toMatchObject({ transactionId: expect.any(Number), idTagInfo: { status: "Accepted" } });
      expect(gw.openTransactions("CP-rpc")).toEqual([expect.objectContaining({ transactionId: tx.transactionId, connectorId: 2, idTag: "APP-USER-7" })]);
      expect(await gw.call("CP-rpc", "Reset", { type: "Soft" })).toEqual({ status: "Rejected" });
    } finally {
      await client.close({ force: true });
    }
  });
});

describe("gateway refuses", () => {
  it("connections without a subprotocol in common (400) or off /ocpp/<id> (404)", async () => {
    await expect(connect(gw.url + "CP-1", ["ocpp1.5"])).rejects.toMatchObject({ status: 400 });
    await expect(connect(gw.url + "CP-1", [])).rejects.toMatchObject({ status: 400 });
    await expect(connect(gw.url.replace("/ocpp/", "/other/") + "CP-1")).rejects.toMatchObject({ status: 404 });
    await expect(connect(gw.url)).rejects.toMatchObject({ status: 404 });
    await expect(connect(gw.url + "x".repeat(49))).rejects.toMatchObject({ status: 404 });
    const ok = await connect(gw.url + "CP%20with%20space", ["ocpp1.5", "ocpp1.6"]);
    expect(ok.protocol).toBe("ocpp1.6");
    expect(gw.connected()).toContain("CP with space");
    ok.close();
    await expectStillServing();
  });
});

describe("gateway survives", () => {
  it(
    "a 1 MB frame (answered) and a frame above maxPayload (connection closed with 1009)",
    async () => {
      const ws = await connect();
      const big = PAYLOAD.replace("}", `,"transactionData":[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[{"value":"${"9".repeat(1 << 20)}"}]}]}`);
      ws.send(call("big", big));
      expect(await ws.next()).toEqual(ACCEPTED("big"));
      ws.send(call("too-big", big.replace("9", "9".repeat(1 << 20))));
      expect((await ws.closed).code).toBe(1009);
      await expectStillServing();
    },
    SLOW,
  );

  it(
    "100 000 nested brackets in the payload and as the whole frame",
    async () => {
      const ws = await connect();
      const deep = "[".repeat(100_000) + "]".repeat(100_000);
      ws.send(call("deep", PAYLOAD.replace("}", `,"x":${deep}}`)));
      expect((await ws.next()).slice(0, 3)).toEqual([4, "deep", "FormationViolation"]);
      ws.send(call("deep-2", `{"connectorId":1,"meterValue":${deep}}`, "MeterValues"));
      expect((await ws.next()).slice(0, 3)).toEqual([4, "deep-2", "TypeConstraintViolation"]);
      ws.send(deep);
      expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "ProtocolError"]);
      ws.send("[".repeat(100_000));
      expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
      ws.close();
      await expectStillServing();
    },
    SLOW,
  );

  it("invalid UTF-8 in text and binary frames: FormationViolation, connection kept", async () => {
    const ws = await connect();
    const bad = Buffer.concat([Buffer.from('[2,"u-1","StopTransaction",{"idTag":"'), Buffer.from([0xc0, 0xaf]), Buffer.from(`",${PAYLOAD.slice(1)}]`)]);
    ws.send(bad, { binary: false });
    // The bad bytes come after a readable id, which the answer echoes (SEMANTICS, Frames step 3).
    expect(await ws.next()).toEqual([4, "u-1", "FormationViolation", "Frame is not a valid UTF-8 JSON text", {}]);
    ws.send(bad, { binary: true });
    expect((await ws.next()).slice(0, 3)).toEqual([4, "u-1", "FormationViolation"]);
    // Invalid UTF-8 inside the id: nothing can be read, so "-1".
    ws.send(Buffer.concat([Buffer.from('[2,"u'), Buffer.from([0xc0, 0xaf]), Buffer.from(`","StopTransaction",${PAYLOAD}]`)]), { binary: false });
    expect(await ws.next()).toEqual([4, "-1", "FormationViolation", "Frame is not a valid UTF-8 JSON text", {}]);
    ws.send(Buffer.from(call("u-2")), { binary: true });
    expect(await ws.next()).toEqual(ACCEPTED("u-2"));
    ws.close();
  });

  it("with strictUtf8, ws closes a connection sending invalid UTF-8 text with 1007 and keeps serving", async () => {
    const ws = await connect(strict.url + "CP-strict");
    ws.send(Buffer.from([0x5b, 0xff, 0x5d]), { binary: false });
    expect((await ws.closed).code).toBe(1007);
    await expectStillServing(strict);
  });

  it(
    "half-closed sockets: a client that sends and then ends its side",
    async () => {
      const before = gw.stats.open;
      const n = 20;
      let gone = 0;
      const allGone = new Promise((resolve) => {
        const onDisconnect = (id) => {
          if (id.startsWith("CP-half-") && ++gone === n) {
            gw.events.off("disconnect", onDisconnect);
            resolve(undefined);
          }
        };
        gw.events.on("disconnect", onDisconnect);
      });
      for (let i = 0; i < n; i++) {
        const ws = await connect(gw.url + `CP-half-${i}`);
        ws.send(call(`h-${i}`));
        ws._socket.end(); // FIN after the frame: the gateway reads the call, then the end
      }
      await allGone;
      expect(gw.stats.open).toBe(before);
      // and a raw TCP connection that half-closes in the middle of the HTTP upgrade
      const { connect: tcp } = await import("node:net");
      await new Promise((resolve) => {
        const s = tcp(gw.port, "127.0.0.1", () => {
          s.end("GET /ocpp/CP-raw HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n");
        });
        s.on("close", resolve);
        s.on("error", resolve);
        s.resume();
      });
      await expectStillServing();
    },
    SLOW,
  );

  it(
    "3000 concurrent connections, one call each (every action, some invalid), every one answered",
    async () => {
      const n = 3000;
      const clients = await Promise.all(Array.from({ length: n }, (_, i) => connect(gw.url + `CP-${i}`)));
      const answers = await Promise.all(
        clients.map((ws, i) => {
          const action = CHARGE_POINT_ACTIONS[i % CHARGE_POINT_ACTIONS.length];
          ws.send(call(`m-${i}`, i % 20 === 0 ? '{"x":1}' : JSON.stringify(payloadValueFor(action, { seed: i })), action));
          return ws.next().then((a) => [action, a]);
        }),
      );
      answers.forEach(([action, a], i) => {
        if (i % 20 === 0) expect(a.slice(0, 3)).toEqual([4, `m-${i}`, "FormationViolation"]);
        else expect(validator.isValid(JSON.stringify(a[2]), { message: `${action}Response` }) && a[0] === 3 && a[1] === `m-${i}`).toBe(true);
      });
      expect(gw.stats.open).toBeGreaterThanOrEqual(n);
      expect(gw.connected().length).toBeGreaterThanOrEqual(n);
      await Promise.all(clients.map((ws) => (ws.close(), ws.closed)));
      await expectStillServing();
    },
    SLOW,
  );
});
