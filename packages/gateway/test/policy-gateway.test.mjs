// The validation policy, the frame log and /metrics on a running gateway, driven by ws clients
// playing charge points. Log records and counters are written before the answer is sent, so each
// test waits for the answer (or the CALLRESULT's resolution) and then reads them: no timing.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createValidator } from "ocpp-validate";
import { startGateway } from "../src/gateway.mjs";
import { connect, httpRequest } from "./client.mjs";
import { parsePrometheus, sample } from "./prometheus.mjs";

const validator = createValidator();
const TS = "2024-05-17T14:32:05Z";
/** A StopTransaction real chargers send: a timestamp without an offset, and the errata's "Celsius". */
const STOP_DEVIANT = JSON.stringify({
  transactionId: 1,
  timestamp: "2024-05-17T14:32:05",
  meterStop: 100,
  transactionData: [{ timestamp: TS, sampledValue: [{ value: "21.5", measurand: "Temperature", unit: "Celsius" }] }],
});
const TOLERATED = [
  { instancePath: "/timestamp", keyword: "format", message: '"2024-05-17T14:32:05" is not a date-time: no offset (add Z for UTC, or ±hh:mm)', tolerance: "offsetlessTimestamps" },
  { instancePath: "/transactionData/0/sampledValue/0/unit", keyword: "enum", message: '"Celsius" is not one of the 16 allowed values; did you mean "Celcius"?', tolerance: "errata" },
];
// MeterValues' own schema already lists "Celsius"; "Hertz" is the errata's other unit.
const METER_HERTZ = (n = 1) => JSON.stringify({ connectorId: 1, meterValue: [{ timestamp: TS, sampledValue: Array.from({ length: n }, () => ({ value: "50.0", measurand: "Frequency", unit: "Hertz" })) }] });
const call = (id, action, payload) => `[2,${JSON.stringify(id)},${JSON.stringify(action)},${payload}]`;
const RECORD_KEYS = ["time", "chargePointId", "protocol", "kind", "action", "uniqueId", "outcome", "issues", "tolerated", "warnings"];

/** A gateway on port 0 whose frame log lines are collected as parsed records. */
async function start(options = {}) {
  const records = [];
  const gw = await startGateway({ port: 0, heartbeatMs: 0, frameLog: (r) => records.push(JSON.parse(JSON.stringify(r))), ...options });
  return { gw, records, metricsUrl: `http://${gw.host}:${gw.port}${gw.metricsPath}` };
}

/** Scrapes /metrics over HTTP and parses it strictly. */
async function scrape(url) {
  const res = await httpRequest(url);
  expect(res.status).toBe(200);
  expect(res.headers["content-type"]).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parsePrometheus(res.body);
}

const expectRecord = (record, fields) => {
  for (const k of RECORD_KEYS) expect(record, k).toHaveProperty(k);
  expect(Number.isNaN(Date.parse(record.time))).toBe(false);
  expect(record.time).toMatch(/Z$/);
  expect(record).toMatchObject(fields);
};

describe("tolerances", () => {
  it("a StopTransaction with \"Celsius\" and an offsetless timestamp: CALLERROR when strict, CALLRESULT under tolerate errata,offsetlessTimestamps, logged and counted", async () => {
    const strict = await start();
    const tolerant = await start({ tolerate: ["errata", "offsetlessTimestamps"] });
    try {
      const a = await connect(strict.gw.url + "CP-strict");
      expect(await a.exchange(call("s-1", "StopTransaction", STOP_DEVIANT))).toEqual([
        4,
        "s-1",
        "PropertyConstraintViolation",
        "Payload is not a valid StopTransaction.req: /timestamp format",
        { issues: [{ instancePath: "/timestamp", keyword: "format" }] },
      ]);
      expect(strict.records).toHaveLength(1);
      expectRecord(strict.records[0], { chargePointId: "CP-strict", protocol: "ocpp1.6", kind: "call", action: "StopTransaction", uniqueId: "s-1", outcome: "rejected", answer: "CALLERROR", errorCode: "PropertyConstraintViolation", tolerated: [], warnings: [] });
      // Without --all-errors the frame (and so the log) carries the first sorted issue.
      expect(strict.records[0].issues).toEqual([{ instancePath: "/timestamp", keyword: "format", message: TOLERATED[0].message }]);

      const b = await connect(tolerant.gw.url + "CP-tolerant");
      const answer = await b.exchange(call("t-1", "StopTransaction", STOP_DEVIANT));
      expect(answer).toEqual([3, "t-1", {}]);
      expect(validator.isValid(JSON.stringify(answer[2]), { message: "StopTransactionResponse" })).toBe(true);
      expect(tolerant.records).toHaveLength(1);
      expectRecord(tolerant.records[0], { chargePointId: "CP-tolerant", protocol: "ocpp1.6", kind: "call", action: "StopTransaction", uniqueId: "t-1", outcome: "tolerated", answer: "CALLRESULT", issues: [], warnings: [] });
      expect(tolerant.records[0].tolerated).toEqual(TOLERATED);
      expect(tolerant.records[0]).not.toHaveProperty("errorCode");

      const m = await scrape(tolerant.metricsUrl);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-tolerant", protocol: "ocpp1.6", action: "StopTransaction", outcome: "tolerated" })).toBe(1);
      const issue = { charge_point: "CP-tolerant", protocol: "ocpp1.6", action: "StopTransaction", disposition: "tolerated" };
      expect(sample(m, "ocpp_gateway_issues_total", { ...issue, keyword: "format", path: "/timestamp", tolerance: "offsetlessTimestamps" })).toBe(1);
      expect(sample(m, "ocpp_gateway_issues_total", { ...issue, keyword: "enum", path: "/transactionData/*/sampledValue/*/unit", tolerance: "errata" })).toBe(1);
      const s = await scrape(strict.metricsUrl);
      expect(sample(s, "ocpp_gateway_frames_total", { charge_point: "CP-strict", protocol: "ocpp1.6", action: "StopTransaction", outcome: "rejected" })).toBe(1);
      expect(sample(s, "ocpp_gateway_issues_total", { charge_point: "CP-strict", protocol: "ocpp1.6", action: "StopTransaction", keyword: "format", path: "/timestamp", disposition: "rejected" })).toBe(1);
      a.close();
      b.close();
    } finally {
      await strict.gw.close();
      await tolerant.gw.close();
    }
  });

  it("a per-action list replaces the global one: the same deviation is tolerated in one action and rejected in another", async () => {
    // Global errata with MeterValues strict, and the other way round: both need the second, exact pass.
    for (const options of [
      { tolerate: ["errata", "offsetlessTimestamps"], actions: { MeterValues: { tolerate: [] } } },
      { actions: { StopTransaction: { tolerate: ["errata", "offsetlessTimestamps"] } } },
    ]) {
      const { gw, records } = await start(options);
      try {
        const ws = await connect(gw.url + "CP-mixed");
        expect(await ws.exchange(call("m-1", "MeterValues", METER_HERTZ()))).toEqual([
          4,
          "m-1",
          "PropertyConstraintViolation",
          "Payload is not a valid MeterValues.req: /meterValue/0/sampledValue/0/unit enum",
          { issues: [{ instancePath: "/meterValue/0/sampledValue/0/unit", keyword: "enum" }] },
        ]);
        expect(await ws.exchange(call("s-1", "StopTransaction", STOP_DEVIANT))).toEqual([3, "s-1", {}]);
        expect(records.map((r) => [r.action, r.outcome, r.issues.length, r.tolerated.length])).toEqual([
          ["MeterValues", "rejected", 1, 0],
          ["StopTransaction", "tolerated", 0, 2],
        ]);
        ws.close();
      } finally {
        await gw.close();
      }
    }
  });

  it("every tolerated deviation is counted; a log line lists at most 50 per kind and says how many it left out", async () => {
    const { gw, records, metricsUrl } = await start({ tolerate: ["errata"] });
    try {
      const ws = await connect(gw.url + "CP-many");
      expect(await ws.exchange(call("m-1", "MeterValues", METER_HERTZ(300)))).toEqual([3, "m-1", {}]);
      expect(records[0].tolerated).toHaveLength(50);
      expect(records[0].tolerated[49].instancePath).toBe("/meterValue/0/sampledValue/49/unit");
      expect(records[0].omitted).toEqual({ tolerated: 250 });
      const m = await scrape(metricsUrl);
      expect(sample(m, "ocpp_gateway_issues_total", { charge_point: "CP-many", protocol: "ocpp1.6", action: "MeterValues", keyword: "enum", path: "/meterValue/*/sampledValue/*/unit", disposition: "tolerated", tolerance: "errata" })).toBe(300);
      ws.close();
    } finally {
      await gw.close();
    }
  });
});

describe("--on-invalid accept", () => {
  it("StopTransaction=accept: an invalid StopTransaction gets the normal CALLRESULT, closes its transaction, and is logged and counted as accepted-invalid; other actions still get CALLERRORs", async () => {
    const { gw, records, metricsUrl } = await start({ actions: { StopTransaction: { onInvalid: "accept" } } });
    try {
      const ws = await connect(gw.url + "CP-accept");
      const started = await ws.request("StartTransaction", { connectorId: 1, idTag: "TAG-1", meterStart: 0, timestamp: TS });
      const transactionId = started[2].transactionId;
      // meterStop missing and an unknown member: the session must still end on both sides.
      const stop = JSON.stringify({ transactionId, timestamp: TS, idTag: "TAG-1", connectorId: 1 });
      const answer = await ws.exchange(call("s-1", "StopTransaction", stop));
      expect(answer).toEqual([3, "s-1", { idTagInfo: { status: "Accepted" } }]);
      expect(validator.isValid(JSON.stringify(answer[2]), { message: "StopTransactionResponse" })).toBe(true);
      expect(gw.openTransactions("CP-accept")).toEqual([]);
      expect(gw.stats.transactions.stopped).toBe(1);
      expect(records).toHaveLength(1);
      expectRecord(records[0], { chargePointId: "CP-accept", protocol: "ocpp1.6", kind: "call", action: "StopTransaction", uniqueId: "s-1", outcome: "accepted-invalid", answer: "CALLRESULT", tolerated: [], warnings: [] });
      expect(records[0].issues).toEqual([{ instancePath: "", keyword: "additionalProperties", message: 'has unknown property "connectorId"' }]);
      // A payload that is not even an object is answered too (its handler sees {}).
      expect(await ws.exchange(call("s-2", "StopTransaction", "null"))).toEqual([3, "s-2", {}]);
      expect(records[1]).toMatchObject({ outcome: "accepted-invalid", issues: [{ instancePath: "", keyword: "type", message: "must be object, got null" }] });
      // The policy is per action: an invalid BootNotification is still rejected, and so are
      // Central System actions and broken envelopes, which have no payload to accept.
      expect((await ws.exchange(call("b-1", "BootNotification", '{"chargePointVendor":"Acme"}'))).slice(0, 3)).toEqual([4, "b-1", "OccurenceConstraintViolation"]);
      expect((await ws.exchange(call("r-1", "Reset", '{"type":"Soft"}'))).slice(0, 3)).toEqual([4, "r-1", "NotSupported"]);
      expect((await ws.exchange('[2,"s-3","StopTransaction",{},"extra"]')).slice(0, 3)).toEqual([4, "s-3", "ProtocolError"]);

      const m = await scrape(metricsUrl);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-accept", protocol: "ocpp1.6", action: "StopTransaction", outcome: "accepted-invalid" })).toBe(2);
      expect(sample(m, "ocpp_gateway_issues_total", { charge_point: "CP-accept", protocol: "ocpp1.6", action: "StopTransaction", keyword: "additionalProperties", path: "", disposition: "accepted" })).toBe(1);
      expect(sample(m, "ocpp_gateway_issues_total", { charge_point: "CP-accept", protocol: "ocpp1.6", action: "StopTransaction", keyword: "type", path: "", disposition: "accepted" })).toBe(1);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-accept", protocol: "ocpp1.6", action: "BootNotification", outcome: "rejected" })).toBe(1);
      expect(sample(m, "ocpp_gateway_callresults_sent_total", { action: "StopTransaction" })).toBe(2);
      ws.close();
    } finally {
      await gw.close();
    }
  });

  it("onInvalid accept for every action answers every Charge Point action's invalid payload with a CALLRESULT that passes its response schema", async () => {
    const { gw, records } = await start({ onInvalid: "accept" });
    try {
      const ws = await connect(gw.url + "CP-accept-all");
      const broken = {
        Authorize: { idTag: 5 },
        BootNotification: { chargePointVendor: "Acme" },
        DataTransfer: { vendorId: "ocpp-validate", data: { not: "a string" } },
        DiagnosticsStatusNotification: { status: "Maybe" },
        FirmwareStatusNotification: {},
        Heartbeat: { extra: 1 },
        MeterValues: { connectorId: "1" },
        StartTransaction: { connectorId: 1, idTag: "TAG", meterStart: 1.5 },
        StatusNotification: { connectorId: 1, errorCode: "NoError", status: "Plugged" },
        StopTransaction: [],
      };
      for (const [action, payload] of Object.entries(broken)) {
        expect(validator.isValid(JSON.stringify(payload), { message: action })).toBe(false);
        const answer = await ws.exchange(call(action, action, JSON.stringify(payload)));
        expect(answer.slice(0, 2), action).toEqual([3, action]);
        expect(validator.validate(JSON.stringify(answer[2]), { message: `${action}Response`, allErrors: true }).errors, action).toEqual([]);
      }
      expect(records.map((r) => r.outcome)).toEqual(Object.keys(broken).map(() => "accepted-invalid"));
      ws.close();
    } finally {
      await gw.close();
    }
  });
});

describe("warnings", () => {
  it("duplicate keys and unsafe integers: valid-with-warnings (answered), in the log line and the counters; also beside a rejected verdict", async () => {
    const { gw, records, metricsUrl } = await start();
    try {
      const ws = await connect(gw.url + "CP-warn");
      const payload = `{"transactionId":9007199254740993,"timestamp":"${TS}","meterStop":1,"meterStop":2}`;
      expect(await ws.exchange(call("w-1", "StopTransaction", payload))).toEqual([3, "w-1", {}]);
      expectRecord(records[0], { chargePointId: "CP-warn", protocol: "ocpp1.6", kind: "call", action: "StopTransaction", uniqueId: "w-1", outcome: "valid-with-warnings", answer: "CALLRESULT", issues: [], tolerated: [] });
      expect(records[0].warnings).toEqual([
        { instancePath: "/transactionId", warning: "unsafeInteger", message: "9007199254740993 is beyond ±(2^53-1): JSON.parse reads it as 9007199254740992" },
        { instancePath: "/meterStop", warning: "duplicateKey", message: 'duplicate key "meterStop": JSON.parse keeps only the last value' },
      ]);
      // Warnings are looked for everywhere, also in a payload that is rejected.
      expect((await ws.exchange(call("w-2", "StatusNotification", '{"connectorId":1,"errorCode":"NoError","status":"Available","status":"Plugged"}'))).slice(0, 3)).toEqual([4, "w-2", "PropertyConstraintViolation"]);
      expect(records[1]).toMatchObject({ outcome: "rejected", warnings: [{ instancePath: "/status", warning: "duplicateKey" }] });
      const m = await scrape(metricsUrl);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-warn", protocol: "ocpp1.6", action: "StopTransaction", outcome: "valid-with-warnings" })).toBe(1);
      expect(sample(m, "ocpp_gateway_warnings_total", { charge_point: "CP-warn", protocol: "ocpp1.6", action: "StopTransaction", warning: "unsafeInteger" })).toBe(1);
      expect(sample(m, "ocpp_gateway_warnings_total", { charge_point: "CP-warn", protocol: "ocpp1.6", action: "StopTransaction", warning: "duplicateKey" })).toBe(1);
      expect(sample(m, "ocpp_gateway_warnings_total", { charge_point: "CP-warn", protocol: "ocpp1.6", action: "StatusNotification", warning: "duplicateKey" })).toBe(1);
      ws.close();
    } finally {
      await gw.close();
    }
  });
});

describe("/metrics", () => {
  it("after a known sequence of frames: exactly these counters, in a scrape that parses strictly", async () => {
    const { gw, records, metricsUrl } = await start({
      tolerate: ["errata", "offsetlessTimestamps"],
      actions: { StopTransaction: { onInvalid: "accept" }, MeterValues: { tolerate: [] } },
    });
    try {
      const a = await connect(gw.url + "CP-A");
      const b = await connect(gw.url + "CP-B");
      const answers = [
        await a.request("BootNotification", { chargePointVendor: "Acme", chargePointModel: "X" }), // valid
        await a.exchange(call("a-2", "StopTransaction", STOP_DEVIANT)), // tolerated (2 deviations)
        await a.exchange(call("a-3", "StopTransaction", `{"transactionId":1,"timestamp":"${TS}"}`)), // accepted-invalid (required)
        await a.exchange(call("a-4", "MeterValues", METER_HERTZ(2))), // rejected: MeterValues is strict
        await a.exchange(call("a-5", "StatusNotification", '{"connectorId":1,"errorCode":"NoError","status":"Available","connectorId":2}')), // valid-with-warnings
        await a.exchange(call("a-6", "Reset", '{"type":"Soft"}')), // rejected, NotSupported
        await a.exchange(call("a-7", "FooBar", "{}")), // rejected, NotImplemented
        await a.exchange('{"not":"an array"}'), // rejected, ProtocolError, no action
        await a.exchange(call("a-9", "BootNotification", '{"chargePointVendor":"Acme"}')), // rejected (required)
        await b.exchange(call("b-1", "StopTransaction", STOP_DEVIANT)), // tolerated
        await b.request("Heartbeat", {}), // valid
      ];
      expect(answers.map((x) => x[0])).toEqual([3, 3, 3, 4, 3, 4, 4, 4, 4, 3, 3]);

      const m = await scrape(metricsUrl);
      const series = (name) =>
        m
          .get(name)
          .samples.map((s) => [JSON.stringify(s.labels), s.value])
          .sort();
      const rows = (name, list) => list.map(([labels, value]) => [JSON.stringify(labels), value]).sort();
      const fr = (cp, action, outcome) => ({ charge_point: cp, protocol: "ocpp1.6", action, outcome });
      expect(series("ocpp_gateway_frames_total")).toEqual(
        rows("", [
          [fr("CP-A", "BootNotification", "valid"), 1],
          [fr("CP-A", "StopTransaction", "tolerated"), 1],
          [fr("CP-A", "StopTransaction", "accepted-invalid"), 1],
          [fr("CP-A", "MeterValues", "rejected"), 1],
          [fr("CP-A", "StatusNotification", "valid-with-warnings"), 1],
          [fr("CP-A", "Reset", "rejected"), 1],
          [fr("CP-A", "unknown", "rejected"), 1],
          [fr("CP-A", "none", "rejected"), 1],
          [fr("CP-A", "BootNotification", "rejected"), 1],
          [fr("CP-B", "StopTransaction", "tolerated"), 1],
          [fr("CP-B", "Heartbeat", "valid"), 1],
        ]),
      );
      const is = (cp, action, keyword, path, disposition, tolerance) => ({ charge_point: cp, protocol: "ocpp1.6", action, keyword, path, disposition, ...(tolerance ? { tolerance } : {}) });
      expect(series("ocpp_gateway_issues_total")).toEqual(
        rows("", [
          [is("CP-A", "StopTransaction", "format", "/timestamp", "tolerated", "offsetlessTimestamps"), 1],
          [is("CP-A", "StopTransaction", "enum", "/transactionData/*/sampledValue/*/unit", "tolerated", "errata"), 1],
          [is("CP-A", "StopTransaction", "required", "", "accepted"), 1],
          // Without allErrors a rejected frame brings its first sorted issue only.
          [is("CP-A", "MeterValues", "enum", "/meterValue/*/sampledValue/*/unit", "rejected"), 1],
          [is("CP-A", "BootNotification", "required", "", "rejected"), 1],
          [is("CP-B", "StopTransaction", "format", "/timestamp", "tolerated", "offsetlessTimestamps"), 1],
          [is("CP-B", "StopTransaction", "enum", "/transactionData/*/sampledValue/*/unit", "tolerated", "errata"), 1],
        ]),
      );
      expect(series("ocpp_gateway_warnings_total")).toEqual(rows("", [[{ charge_point: "CP-A", protocol: "ocpp1.6", action: "StatusNotification", warning: "duplicateKey" }, 1]]));
      expect(series("ocpp_gateway_callerrors_sent_total")).toEqual(
        rows("", [
          [{ code: "PropertyConstraintViolation" }, 1],
          [{ code: "NotSupported" }, 1],
          [{ code: "NotImplemented" }, 1],
          [{ code: "ProtocolError" }, 1],
          [{ code: "OccurenceConstraintViolation" }, 1],
        ]),
      );
      expect(series("ocpp_gateway_callresults_sent_total")).toEqual(
        rows("", [
          [{ action: "BootNotification" }, 1],
          [{ action: "StopTransaction" }, 3],
          [{ action: "StatusNotification" }, 1],
          [{ action: "Heartbeat" }, 1],
        ]),
      );
      expect(sample(m, "ocpp_gateway_messages_total")).toBe(11);
      expect(sample(m, "ocpp_gateway_connections_total")).toBe(2);
      expect(sample(m, "ocpp_gateway_connections_open")).toBe(2);
      expect(sample(m, "ocpp_gateway_charge_points_tracked")).toBe(2);
      expect(sample(m, "ocpp_gateway_transactions_unknown_stops_total")).toBe(3);
      // Every family has HELP and TYPE; counters end in _total.
      for (const [name, f] of m) expect(f.type === "gauge" || name.endsWith("_total"), name).toBe(true);
      // The same numbers through the API.
      expect(gw.metrics.get("ocpp_gateway_frames_total", fr("CP-B", "StopTransaction", "tolerated"))).toBe(1);
      // One log line per frame that was not plainly valid.
      expect(records.map((r) => [r.chargePointId, r.uniqueId, r.outcome])).toEqual([
        ["CP-A", "a-2", "tolerated"],
        ["CP-A", "a-3", "accepted-invalid"],
        ["CP-A", "a-4", "rejected"],
        ["CP-A", "a-5", "valid-with-warnings"],
        ["CP-A", "a-6", "rejected"],
        ["CP-A", "a-7", "rejected"],
        ["CP-A", null, "rejected"],
        ["CP-A", "a-9", "rejected"],
        ["CP-B", "b-1", "tolerated"],
      ]);
      expect(records[5]).toMatchObject({ kind: "call", action: "FooBar", answer: "CALLERROR", errorCode: "NotImplemented", issues: [] });
      expect(records[6]).toMatchObject({ kind: "invalid", action: "none", answer: "CALLERROR", errorCode: "ProtocolError", issues: [] });
      a.close();
      b.close();
    } finally {
      await gw.close();
    }
  });

  it("serves GET and HEAD on the WebSocket port, refuses other methods, and can be moved or switched off", async () => {
    const { gw, metricsUrl } = await start();
    const moved = await startGateway({ port: 0, heartbeatMs: 0, metricsPath: "/prom" });
    const off = await startGateway({ port: 0, heartbeatMs: 0, metricsPath: null });
    try {
      const get = await httpRequest(metricsUrl + "?x=1");
      expect(get.status).toBe(200);
      parsePrometheus(get.body);
      const head = await httpRequest(metricsUrl, "HEAD");
      expect(head.status).toBe(200);
      expect(head.body).toBe("");
      expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
      const post = await httpRequest(metricsUrl, "POST");
      expect(post.status).toBe(405);
      expect(post.headers.allow).toBe("GET, HEAD");
      expect((await httpRequest(`http://${gw.host}:${gw.port}/other`)).status).toBe(426);
      expect((await httpRequest(`http://${moved.host}:${moved.port}/prom`)).status).toBe(200);
      expect((await httpRequest(`http://${moved.host}:${moved.port}/metrics`)).status).toBe(426);
      expect(off.metricsPath).toBe(null);
      expect((await httpRequest(`http://${off.host}:${off.port}/metrics`)).status).toBe(426);
      // The WebSocket endpoint is unaffected.
      const ws = await connect(gw.url + "CP-1");
      expect((await ws.request("Heartbeat", {}))[0]).toBe(3);
      ws.close();
    } finally {
      await gw.close();
      await moved.close();
      await off.close();
    }
  });

  it("escapes \\, \" and newlines of a charge point id in label values; the parser reads the id back", async () => {
    const { gw, metricsUrl, records } = await start();
    try {
      const id = 'CP"quoted\\back\nline';
      const ws = await connect(gw.url + encodeURIComponent(id));
      expect((await ws.exchange(call("x", "Heartbeat", '{"a":1}'))).slice(0, 3)).toEqual([4, "x", "FormationViolation"]);
      const res = await httpRequest(metricsUrl);
      expect(res.body).toContain('charge_point="CP\\"quoted\\\\back\\nline"');
      expect(sample(parsePrometheus(res.body), "ocpp_gateway_frames_total", { charge_point: id, protocol: "ocpp1.6", action: "Heartbeat", outcome: "rejected" })).toBe(1);
      expect(records[0].chargePointId).toBe(id);
      ws.close();
    } finally {
      await gw.close();
    }
  });

  it("a flood of made-up charge point ids: the first maxChargePoints keep their label, the rest are counted as \"other\"", async () => {
    const { gw, metricsUrl } = await start({ maxChargePoints: 3 });
    try {
      const n = 40;
      const clients = [];
      // One at a time: a label is decided when a connection opens, so the first three ids are known.
      for (let i = 0; i < n; i++) clients.push(await connect(gw.url + `CP-flood-${i}`));
      for (const ws of clients) expect((await ws.exchange(call("h", "Heartbeat", '{"x":1}')))[0]).toBe(4);
      const m = await scrape(metricsUrl);
      const labels = new Set(m.get("ocpp_gateway_frames_total").samples.map((s) => s.labels.charge_point));
      expect(labels).toEqual(new Set(["CP-flood-0", "CP-flood-1", "CP-flood-2", "other"]));
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "other", protocol: "ocpp1.6", action: "Heartbeat", outcome: "rejected" })).toBe(n - 3);
      expect(sample(m, "ocpp_gateway_charge_points_tracked")).toBe(3);
      expect(sample(m, "ocpp_gateway_charge_points_folded_total")).toBe(n - 3);
      expect(m.get("ocpp_gateway_frames_total").help).toContain('charge_point="other"');
      await Promise.all(clients.map((ws) => (ws.close(), ws.closed)));
    } finally {
      await gw.close();
    }
  });
});

describe("the policy of a Central System action applies to the charger's CALLRESULT", () => {
  it("tolerated and accepted answers resolve the call and are logged and counted as <Action>Response; a rejected one fails it", async () => {
    const { gw, records, metricsUrl } = await start({ actions: { Reset: { tolerate: ["unknownProperties"] }, UnlockConnector: { onInvalid: "accept" } } });
    try {
      const cp = await connect(gw.url + "CP-resp");
      const reset = gw.call("CP-resp", "Reset", { type: "Soft" });
      const [, id1] = await cp.next();
      cp.send(JSON.stringify([3, id1, { status: "Accepted", vendorNote: "rebooting" }]));
      expect(await reset).toEqual({ status: "Accepted", vendorNote: "rebooting" });
      expectRecord(records[0], { chargePointId: "CP-resp", protocol: "ocpp1.6", kind: "callresult", action: "ResetResponse", uniqueId: id1, outcome: "tolerated", issues: [] });
      expect(records[0].tolerated).toEqual([{ instancePath: "", keyword: "additionalProperties", message: 'has unknown property "vendorNote"', tolerance: "unknownProperties" }]);
      expect(records[0]).not.toHaveProperty("answer");

      const unlock = gw.call("CP-resp", "UnlockConnector", { connectorId: 1 });
      const [, id2] = await cp.next();
      cp.send(JSON.stringify([3, id2, { status: "Maybe" }]));
      expect(await unlock).toEqual({ status: "Maybe" });
      expect(records[1]).toMatchObject({ kind: "callresult", action: "UnlockConnectorResponse", outcome: "accepted-invalid", issues: [{ instancePath: "/status", keyword: "enum" }] });

      const clear = gw.call("CP-resp", "ClearCache", {});
      const [, id3] = await cp.next();
      cp.send(JSON.stringify([3, id3, { status: "Accepted", extra: 1 }]));
      await expect(clear).rejects.toMatchObject({ kind: "invalid-response" });
      expect(records[2]).toMatchObject({ kind: "callresult", action: "ClearCacheResponse", outcome: "rejected" });

      const m = await scrape(metricsUrl);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-resp", protocol: "ocpp1.6", action: "ResetResponse", outcome: "tolerated" })).toBe(1);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-resp", protocol: "ocpp1.6", action: "UnlockConnectorResponse", outcome: "accepted-invalid" })).toBe(1);
      expect(sample(m, "ocpp_gateway_frames_total", { charge_point: "CP-resp", protocol: "ocpp1.6", action: "ClearCacheResponse", outcome: "rejected" })).toBe(1);
      expect(sample(m, "ocpp_gateway_calls_answered_total")).toBe(2);
      expect(sample(m, "ocpp_gateway_calls_failed_total", { kind: "invalid-response" })).toBe(1);
      cp.close();
    } finally {
      await gw.close();
    }
  });
});

describe("the frame log as a stream", () => {
  it("writes one JSON object per line; valid frames only with logValid", async () => {
    const quiet = new PassThrough();
    const verbose = new PassThrough();
    const a = await startGateway({ port: 0, heartbeatMs: 0, frameLog: quiet });
    const b = await startGateway({ port: 0, heartbeatMs: 0, frameLog: verbose, logValid: true });
    let quietText = "";
    let verboseText = "";
    quiet.on("data", (d) => (quietText += d));
    verbose.on("data", (d) => (verboseText += d));
    try {
      for (const gw of [a, b]) {
        const ws = await connect(gw.url + "CP-stream");
        expect((await ws.request("Heartbeat", {}))[0]).toBe(3);
        expect((await ws.request("Heartbeat", { x: 1 }))[0]).toBe(4);
        ws.close();
      }
      const parse = (text) => {
        expect(text.endsWith("\n")).toBe(true);
        return text.slice(0, -1).split("\n").map((l) => JSON.parse(l));
      };
      expect(parse(quietText).map((r) => r.outcome)).toEqual(["rejected"]);
      const lines = parse(verboseText);
      expect(lines.map((r) => r.outcome)).toEqual(["valid", "rejected"]);
      expectRecord(lines[0], { chargePointId: "CP-stream", protocol: "ocpp1.6", kind: "call", action: "Heartbeat", uniqueId: "r-1", answer: "CALLRESULT", issues: [], tolerated: [], warnings: [] });
      expect(lines[1].issues).toEqual([{ instancePath: "", keyword: "additionalProperties", message: 'has unknown property "x"' }]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
