// ocpp-validate/ocpp-rpc: our validator as ocpp-rpc's strict-mode validator, tested with a real
// RPCServer and real RPCClients on 127.0.0.1 (random ports), and side by side with ocpp-rpc's own
// validator for every difference OCPP-RPC.md documents. Needs ocpp-rpc as a devDependency.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { CHARGE_POINT_ACTIONS, createValidator, MESSAGE_NAMES, type MessageName } from "ocpp-validate";
import { MESSAGE_NAMES as MESSAGE_NAMES_201 } from "ocpp-validate/ocpp2.0.1";
import { MESSAGE_NAMES as MESSAGE_NAMES_21 } from "ocpp-validate/ocpp2.1";
import { payloadTextArbFor, validPayloadArbFor } from "@ocpp-validate/test-vectors/arbitraries";
// The built adapter (what `ocpp-validate/ocpp-rpc` points at; that export is checked below).
import { createStrictModeValidator, messageForSchemaId, OcppRpcError, type StrictModeValidator } from "../dist/ocpp-rpc.js";

const require = createRequire(import.meta.url);
// ocpp-rpc is CommonJS and spreads its error classes into module.exports, so require it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const rpc = require("ocpp-rpc") as any;
const rpcSchemas = require("ocpp-rpc/lib/schemas/ocpp1_6.json") as Array<{ $id: string }>;
/** ocpp-rpc's own ocpp1.6 validator: ajv 8.14 + ajv-formats 2 over its bundled schemas. */
const stock: StrictModeValidator = rpc.createValidator("ocpp1.6", rpcSchemas);

const SLOW = 600_000;
const RUNS = Number(process.env.FC_RUNS ?? 10_000);
const RUNS_PER_MESSAGE = Math.max(20, Math.ceil(RUNS / 50));
const T = "2024-05-17T14:32:05Z";

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

type Outcome = { ok: true } | { ok: false; code: string; message: string; details: any; error: any };

function outcome(v: StrictModeValidator, schemaId: string, params: unknown): Outcome {
  try {
    expect(v.validate(schemaId, params)).toBe(true);
    return { ok: true };
  } catch (error: any) {
    return { ok: false, code: error.rpcErrorCode, message: error.message, details: error.details, error };
  }
}

const defaultAdapter = createStrictModeValidator();
/** Our code and ocpp-rpc's own validator's for the same payload ("ok" when valid). */
function both(schemaId: string, params: unknown): { ours: string; ocppRpc: string } {
  const [o, s] = [outcome(defaultAdapter, schemaId, params), outcome(stock, schemaId, params)];
  return { ours: o.ok ? "ok" : o.code, ocppRpc: s.ok ? "ok" : s.code };
}

/** What ocpp-rpc puts on the wire for a code when it answers a CALL on ocpp1.6 (client.js `_onCall`). */
const onTheWire = (code: string) =>
  code === "FormatViolation" ? "FormationViolation" : code === "OccurenceConstraintViolation" ? "OccurrenceConstraintViolation" : code;

const req = (action: string) => `urn:${action}.req`;
const conf = (action: string) => `urn:${action}.conf`;
const schemaIdOf = (m: MessageName) => (m.endsWith("Response") ? conf(m.slice(0, -"Response".length)) : req(m));

const stop = (extra: object = {}) => ({ transactionId: 1, timestamp: T, meterStop: 5, ...extra });
const chargingProfile = (limit: number) => ({
  connectorId: 1,
  csChargingProfiles: {
    chargingProfileId: 1,
    stackLevel: 0,
    chargingProfilePurpose: "TxProfile",
    chargingProfileKind: "Absolute",
    chargingSchedule: { chargingRateUnit: "A", chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
  },
});
const stopWithUnit = (unit: string) => stop({ transactionData: [{ timestamp: T, sampledValue: [{ value: "1", unit }] }] });

/** Valid payloads of the ten Charge Point actions and what a Central System answers. */
const CP_CALLS: Record<string, { params: object; result: object }> = {
  BootNotification: {
    params: { chargePointVendor: "Acme", chargePointModel: "X1" },
    result: { status: "Accepted", currentTime: T, interval: 300 },
  },
  Heartbeat: { params: {}, result: { currentTime: T } },
  Authorize: { params: { idTag: "TAG-1" }, result: { idTagInfo: { status: "Accepted" } } },
  StartTransaction: {
    params: { connectorId: 1, idTag: "TAG-1", meterStart: 0, timestamp: T },
    result: { transactionId: 42, idTagInfo: { status: "Accepted", expiryDate: "2024-06-01T00:00:00+02:00" } },
  },
  StatusNotification: { params: { connectorId: 1, errorCode: "NoError", status: "Available" }, result: {} },
  MeterValues: {
    params: { connectorId: 1, transactionId: 42, meterValue: [{ timestamp: T, sampledValue: [{ value: "10", unit: "Wh" }] }] },
    result: {},
  },
  StopTransaction: { params: stop({ idTag: "TAG-1", reason: "Local" }), result: { idTagInfo: { status: "Accepted" } } },
  DataTransfer: { params: { vendorId: "acme", data: "x" }, result: { status: "Accepted", data: "y" } },
  DiagnosticsStatusNotification: { params: { status: "Uploaded" }, result: {} },
  FirmwareStatusNotification: { params: { status: "Installed" }, result: {} },
};

// ── real servers and clients ─────────────────────────────────────────────────────────────────

const open: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  // clients first, then servers; each close waits for the socket's close handshake
  for (const x of open.splice(0).reverse()) await x.close();
});

interface ServerHandle {
  server: any;
  endpoint: string;
  /** The server side of the next client that connects. */
  nextClient(): Promise<any>;
}

async function startServer(options: { strict?: boolean; validators?: StrictModeValidator[]; handlers?: (client: any) => void } = {}): Promise<ServerHandle> {
  const server = new rpc.RPCServer({
    protocols: ["ocpp1.6"],
    strictMode: options.strict ?? true,
    strictModeValidators: options.validators ?? [createStrictModeValidator()],
  });
  const waiting: Array<(c: any) => void> = [];
  server.on("client", (client: any) => {
    options.handlers?.(client);
    waiting.shift()?.(client);
  });
  const http = await server.listen(0, "127.0.0.1");
  open.push({ close: () => server.close() });
  return {
    server,
    endpoint: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    nextClient: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

let identities = 0;
async function connect(endpoint: string, options: { strict?: boolean; validators?: StrictModeValidator[] } = {}): Promise<any> {
  const client = new rpc.RPCClient({
    endpoint,
    identity: `CP-${++identities}`,
    protocols: ["ocpp1.6"],
    reconnect: false,
    strictMode: options.strict ?? false,
    strictModeValidators: options.validators ?? [createStrictModeValidator()],
  });
  await client.connect();
  open.push({ close: () => client.close() });
  return client;
}

/** Handlers answering every Charge Point action with its valid result (or `results[action]`). */
const csmsHandlers = (results: Record<string, unknown> = {}) => (client: any) => {
  for (const [action, { result }] of Object.entries(CP_CALLS)) client.handle(action, () => (action in results ? results[action] : result));
};

/** Rejection of `promise`, failing the test if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    const value = await promise;
    throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (error) {
    return error;
  }
}

/** The raw CALLERROR frames a client receives, parsed. */
function callErrorsSeenBy(client: any): unknown[][] {
  const frames: unknown[][] = [];
  client.on("message", ({ message, outbound }: { message: unknown; outbound: boolean }) => {
    if (outbound) return;
    const frame = JSON.parse(String(message));
    if (frame[0] === 4) frames.push(frame);
  });
  return frames;
}

// ── the adapter on its own ────────────────────────────────────────────────────────────────────

describe("createStrictModeValidator", () => {
  const ours = createStrictModeValidator();

  it("maps ocpp-rpc's schema ids and the official schemas' ids to all 56 messages", () => {
    expect(ours.subprotocol).toBe("ocpp1.6");
    for (const m of MESSAGE_NAMES) expect(messageForSchemaId(schemaIdOf(m))).toBe(m);
    // every id ocpp-rpc 2.2.1 asks for that names one of our messages (the rest: the security whitepaper)
    const known = rpcSchemas.map((s) => s.$id).filter((id) => messageForSchemaId(id) !== null);
    expect(known).toHaveLength(56);
    const dir = new URL("../../../crates/core/schemas/ocpp1.6/", import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
    expect(files).toHaveLength(56);
    for (const f of files) {
      const { id } = JSON.parse(readFileSync(new URL(f, dir), "utf8")) as { id: string };
      expect(messageForSchemaId(id)).toBe(f.replace(/\.json$/, ""));
    }
    for (const id of ["urn:__proto__.req", "urn:constructor.conf", "urn:StopTransactionResponse.conf", "urn:Heartbeat", "Heartbeat", "", "urn:OCPP:1.6:2019:12:Heartbeat"]) {
      expect(messageForSchemaId(id)).toBeNull();
    }
  });

  it("returns true for valid payloads, requests and responses", () => {
    for (const [action, { params, result }] of Object.entries(CP_CALLS)) {
      expect(ours.validate(req(action), params)).toBe(true);
      expect(ours.validate(conf(action), result)).toBe(true);
    }
    expect(ours.validate("urn:OCPP:1.6:2019:12:HeartbeatResponse", { currentTime: T })).toBe(true);
  });

  it("throws errors shaped like ocpp-rpc's own: same own fields, message wording and details shape", () => {
    const payload = { chargePointVendor: 5, chargePointModel: "X1" };
    const mine = outcome(ours, req("BootNotification"), payload);
    const theirs = outcome(stock, req("BootNotification"), payload);
    if (mine.ok || theirs.ok) throw new Error("both must reject");
    expect(mine.code).toBe("TypeConstraintViolation");
    expect(theirs.code).toBe("TypeConstraintViolation");
    expect(mine.message).toBe(theirs.message); // "data/chargePointVendor must be string"
    expect(mine.error).toBeInstanceOf(Error);
    expect(mine.error).toBeInstanceOf(OcppRpcError);
    expect(mine.error.name).toBe(theirs.error.name);
    expect(Object.getOwnPropertyNames(mine.error).sort()).toEqual(Object.getOwnPropertyNames(theirs.error).sort());
    expect(mine.error.rpcErrorMessage).toBe(theirs.error.rpcErrorMessage);
    expect(Object.keys(mine.details)).toEqual(Object.keys(theirs.details)); // errors, data
    expect(mine.details.data).toBe(payload);
    expect(mine.details.errors).toEqual([{ instancePath: "/chargePointVendor", keyword: "type", message: "must be string" }]);
    expect(theirs.details.errors[0]).toMatchObject({ instancePath: "/chargePointVendor", keyword: "type", message: "must be string" });
    // rpcErrorMessage of every code we throw is ocpp-rpc's text for that code
    for (const code of ["ProtocolError", "FormationViolation", "PropertyConstraintViolation", "OccurenceConstraintViolation", "TypeConstraintViolation"] as const) {
      expect(new OcppRpcError(code, "m").rpcErrorMessage).toBe(rpc.createRPCError(code, "m").rpcErrorMessage);
    }
  });

  it("an unknown schema id is a ProtocolError worded like ocpp-rpc's missing schema", () => {
    for (const id of ["urn:Nope.req", "urn:__proto__.req", "urn:Heartbeat.nope"]) {
      const mine = outcome(ours, id, {});
      const theirs = outcome(stock, id, {});
      expect(mine).toMatchObject({ ok: false, code: "ProtocolError" });
      expect(theirs).toMatchObject({ ok: false, code: "ProtocolError" });
      if (!mine.ok && !theirs.ok) {
        expect(mine.message).toBe(theirs.message);
        expect(mine.details).toEqual(theirs.details); // {}
      }
    }
    expect(outcome(createStrictModeValidator({ subprotocol: "ocpp1.6j" }), "urn:Nope.req", {})).toMatchObject({
      message: "Schema 'urn:Nope.req' is missing from subprotocol schema 'ocpp1.6j'",
    });
  });

  it("the code is the first issue's after sorting by (instancePath, keyword); allErrors and includeData shape details", () => {
    const payload = { timestamp: 5, reason: "Bogus", meterStop: 1 }; // transactionId missing too
    const one = outcome(ours, req("StopTransaction"), payload);
    expect(one).toMatchObject({
      ok: false,
      code: "OccurenceConstraintViolation",
      message: "data must have required property 'transactionId'",
      details: { errors: [{ instancePath: "", keyword: "required" }], data: payload },
    });
    const all = outcome(createStrictModeValidator({ allErrors: true, includeData: false }), req("StopTransaction"), payload);
    if (all.ok) throw new Error("must reject");
    expect(all.code).toBe("OccurenceConstraintViolation");
    expect(all.details).toEqual({
      errors: [
        { instancePath: "", keyword: "required", message: "must have required property 'transactionId'" },
        { instancePath: "/reason", keyword: "enum", message: "must be equal to one of the allowed values" },
        { instancePath: "/timestamp", keyword: "type", message: "must be string" },
      ],
    });
    expect(all.message).toBe(
      "data must have required property 'transactionId', data/reason must be equal to one of the allowed values, data/timestamp must be string",
    );
    // the message names at most 8 issues
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${String(i).padStart(2, "0")}`, 1]));
    const capped = outcome(createStrictModeValidator({ allErrors: true }), req("Heartbeat"), many);
    if (capped.ok) throw new Error("must reject");
    expect(capped.details.errors).toHaveLength(12);
    expect(capped.message.split(", ")).toHaveLength(9);
    expect(capped.message.endsWith(", and 4 more")).toBe(true);
  });

  it("reads a string payload as a JSON string value, never as JSON text (and undefined params as null)", () => {
    const typeIssue = { ok: false, code: "TypeConstraintViolation", message: "data must be object" };
    // what ajv says too
    for (const params of ["{}", '{"currentTime":"2024-05-17T14:32:05Z"}', "", undefined, null, 1, true, []]) {
      expect(outcome(ours, req("Heartbeat"), params)).toMatchObject(typeIssue);
      expect(outcome(stock, req("Heartbeat"), params)).toMatchObject(typeIssue);
    }
    // not JSON values (outbound only): ajv takes any non-array object as an object, we refuse the type
    for (const params of [10n, Symbol("s"), () => ({}), new Uint8Array([123, 125]), new Date(0), new Map(), new (class Payload {})()]) {
      expect(outcome(ours, req("Heartbeat"), params)).toMatchObject({ ...typeIssue, details: { errors: [{ instancePath: "", keyword: "type" }], data: params } });
    }
    expect(outcome(stock, req("Heartbeat"), new Map())).toEqual({ ok: true });
    // a plain object without a prototype is a JSON object
    expect(outcome(ours, req("Heartbeat"), Object.create(null))).toEqual({ ok: true });
    // nested non-JSON values are checked as they are, as ajv does
    expect(both(req("StopTransaction"), stop({ timestamp: new Date(0) }))).toEqual({ ours: "TypeConstraintViolation", ocppRpc: "TypeConstraintViolation" });
    expect(both(req("StopTransaction"), stop({ idTag: undefined }))).toEqual({ ours: "ok", ocppRpc: "ok" });
    expect(both(req("StopTransaction"), stop({ extra: undefined }))).toEqual({ ours: "FormationViolation", ocppRpc: "PropertyConstraintViolation" });
    expect(both(req("SetChargingProfile"), chargingProfile(NaN))).toEqual({ ours: "TypeConstraintViolation", ocppRpc: "TypeConstraintViolation" });
  });

  it("gives the same outcome on every backend, and with a validator passed in", () => {
    const payloads: Array<[string, unknown]> = [
      [req("StopTransaction"), stop()],
      [req("StopTransaction"), stop({ idTag: "x".repeat(21) })],
      [req("SetChargingProfile"), chargingProfile(0.30000000000000004)],
      [conf("BootNotification"), { status: "Accepted", currentTime: "2024-05-17T14:32:05", interval: 300 }],
      [req("Heartbeat"), "{}"],
    ];
    const reference = payloads.map(([id, p]) => outcome(ours, id, p));
    for (const backend of ["native", "wasm", "js"] as const) {
      for (const v of [createStrictModeValidator({ backend }), createStrictModeValidator({ validator: createValidator({ backend, message: "Heartbeat" }) })]) {
        const got = payloads.map(([id, p]) => outcome(v, id, p));
        expect(got.map((o) => (o.ok ? "ok" : `${o.code} ${o.message}`))).toEqual(reference.map((o) => (o.ok ? "ok" : `${o.code} ${o.message}`)));
      }
    }
  });

  it("createError: ocpp-rpc's createRPCError gives its own classes", () => {
    const v = createStrictModeValidator({ createError: rpc.createRPCError });
    const bad = outcome(v, req("StopTransaction"), stop({ idTag: "x".repeat(21) }));
    if (bad.ok) throw new Error("must reject");
    expect(bad.error).toBeInstanceOf(rpc.RPCError);
    expect(bad.error).toBeInstanceOf(rpc.RPCPropertyConstraintViolationError);
    expect(bad.code).toBe("PropertyConstraintViolation");
    expect(bad.details.errors).toEqual([{ instancePath: "/idTag", keyword: "maxLength", message: "must NOT have more than 20 characters" }]);
    expect(outcome(v, "urn:Nope.req", {})).toMatchObject({ ok: false, error: expect.any(rpc.RPCProtocolError) });
  });

  it("fallback: schema ids we do not know (the security whitepaper's) go to ocpp-rpc's validator", () => {
    const withFallback = createStrictModeValidator({ fallback: stock });
    const event = { type: "FirmwareUpdated", timestamp: T };
    expect(outcome(ours, req("SecurityEventNotification"), event)).toMatchObject({ ok: false, code: "ProtocolError" });
    expect(withFallback.validate(req("SecurityEventNotification"), event)).toBe(true);
    expect(outcome(withFallback, req("SecurityEventNotification"), { ...event, type: "x".repeat(51) })).toMatchObject({ ok: false, code: "FormatViolation" });
    // known ids never reach the fallback
    expect(outcome(withFallback, req("StopTransaction"), stop({ idTag: "x".repeat(21) }))).toMatchObject({ code: "PropertyConstraintViolation" });
    expect(outcome(withFallback, "urn:Nope.req", {})).toMatchObject({ ok: false, code: "ProtocolError" }); // ocpp-rpc's own missing schema
  });

  it("is what the package exports as ocpp-validate/ocpp-rpc", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.exports["./ocpp-rpc"]).toBeDefined();
    const subpath = "ocpp-validate/ocpp-rpc"; // not a literal: a missing export fails this test, not the file
    const viaExport = await import(/* @vite-ignore */ subpath);
    expect(viaExport.createStrictModeValidator).toBe(createStrictModeValidator);
    expect(viaExport.OcppRpcError).toBe(OcppRpcError);
  });
});

// ── a real RPCServer and RPCClients ───────────────────────────────────────────────────────────

describe("with ocpp-rpc's RPCServer and RPCClient (strict mode)", () => {
  it("valid calls of every Charge Point action succeed, and server-to-client calls too", { timeout: SLOW }, async () => {
    const { endpoint, nextClient } = await startServer({ handlers: csmsHandlers() });
    const serverSide = nextClient();
    const client = await connect(endpoint, { strict: true }); // both ends validate with ocpp-validate
    client.handle("Reset", () => ({ status: "Accepted" }));
    client.handle("GetConfiguration", () => ({ configurationKey: [{ key: "HeartbeatInterval", readonly: false, value: "300" }], unknownKey: [] }));
    client.handle("SetChargingProfile", () => ({ status: "Accepted" }));
    const failures: unknown[] = [];
    client.on("strictValidationFailure", (f: unknown) => failures.push(f));
    for (const [action, { params, result }] of Object.entries(CP_CALLS)) {
      expect(await client.call(action, params)).toEqual(result);
    }
    const cs = await serverSide;
    cs.on("strictValidationFailure", (f: unknown) => failures.push(f));
    expect(await cs.call("Reset", { type: "Hard" })).toEqual({ status: "Accepted" });
    expect(await cs.call("GetConfiguration", { key: ["HeartbeatInterval"] })).toMatchObject({ unknownKey: [] });
    expect(await cs.call("SetChargingProfile", chargingProfile(32.1))).toEqual({ status: "Accepted" });
    expect(failures).toEqual([]);
  });

  it("invalid payloads get a CALLERROR with our code (the same code validateFrame gives)", { timeout: SLOW }, async () => {
    const { endpoint } = await startServer({ handlers: csmsHandlers() });
    const client = await connect(endpoint, { strict: false }); // sends whatever it is given
    const frames = callErrorsSeenBy(client);
    const frameValidator = createValidator({ backend: "auto" });
    const cases: Array<[string, unknown, string]> = [
      ["StopTransaction", stop({ idTag: "x".repeat(21) }), "PropertyConstraintViolation"],
      ["StopTransaction", { transactionId: 1, timestamp: T }, "OccurrenceConstraintViolation"], // ocpp-rpc's spelling on the wire
      ["StopTransaction", stop({ extra: true }), "FormationViolation"],
      ["StopTransaction", stop({ reason: "Bogus" }), "PropertyConstraintViolation"],
      ["StopTransaction", stopWithUnit("Celsius"), "PropertyConstraintViolation"],
      ["BootNotification", { chargePointVendor: 5, chargePointModel: "X1" }, "TypeConstraintViolation"],
      ["StatusNotification", { connectorId: 1, errorCode: "NoError", status: "Parked" }, "PropertyConstraintViolation"],
      ["MeterValues", { connectorId: 1, meterValue: [{ timestamp: "2024-05-17T14:32:05", sampledValue: [{ value: "1" }] }] }, "PropertyConstraintViolation"],
      ["StartTransaction", { connectorId: 1, idTag: "T", meterStart: 0.5, timestamp: T }, "TypeConstraintViolation"],
      ["Heartbeat", "{}", "TypeConstraintViolation"],
      ["Heartbeat", [], "TypeConstraintViolation"],
    ];
    for (const [action, params, code] of cases) {
      const error = await rejection(client.call(action, params));
      expect(error).toBeInstanceOf(rpc.RPCError); // re-created by ocpp-rpc from the CALLERROR it received
      expect([action, error.rpcErrorCode]).toEqual([action, code]);
      const local = outcome(createStrictModeValidator(), req(action), params);
      if (local.ok) throw new Error(`${action}: must be invalid`);
      expect(error.message).toBe(local.message);
      expect(error.details).toEqual(JSON.parse(JSON.stringify(local.details))); // { errors, data } as sent
      const frame = frames.at(-1)!;
      expect(frame.slice(2)).toEqual([code, local.message, JSON.parse(JSON.stringify(local.details))]);
      // the gateway's frame validator answers the same CALL with the same code
      const answer = frameValidator.validateFrame(JSON.stringify([2, "id-1", action, params])).callError;
      expect(onTheWire(answer!.errorCode)).toBe(code);
    }
    expect(frames).toHaveLength(cases.length);
  });

  it("ocpp-rpc treats our error exactly like its own: same CALLERROR frame from a stock server", { timeout: SLOW }, async () => {
    // payloads where both validators agree on the code: the frames must be identical apart from details.errors' extra ajv fields
    const handlers = (c: any) => {
      csmsHandlers()(c);
      c.handle("NoSuchAction", () => ({}));
    };
    const ourServer = await startServer({ handlers });
    const stockServer = await startServer({ validators: [], handlers }); // ocpp-rpc's bundled validator
    const a = await connect(ourServer.endpoint);
    const b = await connect(stockServer.endpoint);
    const framesA = callErrorsSeenBy(a);
    const framesB = callErrorsSeenBy(b);
    const cases: Array<[string, unknown]> = [
      ["BootNotification", { chargePointVendor: 5, chargePointModel: "X1" }],
      ["StopTransaction", { transactionId: 1, timestamp: T }],
      ["Heartbeat", "{}"],
      ["Authorize", { idTag: ["TAG"] }],
    ];
    for (const [action, params] of cases) {
      const [ea, eb] = [await rejection(a.call(action, params)), await rejection(b.call(action, params))];
      expect(ea.constructor).toBe(eb.constructor);
      expect([ea.rpcErrorCode, ea.message]).toEqual([eb.rpcErrorCode, eb.message]);
      const [fa, fb] = [framesA.at(-1)!, framesB.at(-1)!];
      expect(fa.slice(0, 4).filter((_, i) => i !== 1)).toEqual(fb.slice(0, 4).filter((_, i) => i !== 1));
      const [da, db] = [fa[4] as any, fb[4] as any];
      expect(da.data).toEqual(db.data);
      expect(da.errors).toHaveLength(1);
      expect(db.errors[0]).toMatchObject(da.errors[0]); // ajv's error objects also carry schemaPath and params
    }
    // a CALL of a handled action that has no schema: ProtocolError from both, word for word
    const [ea, eb] = [await rejection(a.call("NoSuchAction", {})), await rejection(b.call("NoSuchAction", {}))];
    expect(ea).toBeInstanceOf(rpc.RPCProtocolError);
    expect([ea.rpcErrorCode, ea.message, ea.details]).toEqual([eb.rpcErrorCode, eb.message, eb.details]);
    expect(ea.message).toBe("Schema 'urn:NoSuchAction.req' is missing from subprotocol schema 'ocpp1.6'");
  });

  it("a strict client refuses to send an invalid call: the error is ours, nothing reaches the server", { timeout: SLOW }, async () => {
    let received = 0;
    const { endpoint } = await startServer({
      handlers: (c) => {
        csmsHandlers()(c);
        c.handle("StopTransaction", () => (received++, CP_CALLS.StopTransaction!.result));
      },
    });
    const client = await connect(endpoint, { strict: true });
    const failures: any[] = [];
    client.on("strictValidationFailure", (f: unknown) => failures.push(f));
    const error = await rejection(client.call("StopTransaction", stop({ timestamp: "2024-05-17T14:32:05" })));
    expect(error).toBeInstanceOf(OcppRpcError);
    expect(error).toMatchObject({ rpcErrorCode: "PropertyConstraintViolation", message: 'data/timestamp must match format "date-time"' });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ method: "StopTransaction", outbound: true, isCall: true, error });
    // locally thrown, so not rewritten: the spec's spelling stays
    expect(await rejection(client.call("StopTransaction", { transactionId: 1, timestamp: T }))).toMatchObject({ rpcErrorCode: "OccurenceConstraintViolation" });
    expect(await client.call("StopTransaction", stop())).toEqual(CP_CALLS.StopTransaction!.result);
    expect(received).toBe(1);
  });

  it("an invalid response from a server handler is caught: the peer gets InternalError, the server our error", { timeout: SLOW }, async () => {
    const { endpoint, nextClient } = await startServer({
      handlers: csmsHandlers({ Heartbeat: { currentTime: "2024-05-17T14:32:05" }, BootNotification: { status: "Accepted", currentTime: T } }),
    });
    const serverSide = nextClient();
    const client = await connect(endpoint);
    const cs = await serverSide;
    const failures: any[] = [];
    cs.on("strictValidationFailure", (f: unknown) => failures.push(f));
    const heartbeat = await rejection(client.call("Heartbeat", {}));
    expect(heartbeat).toBeInstanceOf(rpc.RPCInternalError);
    expect(heartbeat.rpcErrorCode).toBe("InternalError");
    const boot = await rejection(client.call("BootNotification", CP_CALLS.BootNotification!.params));
    expect(boot.rpcErrorCode).toBe("InternalError");
    expect(failures.map((f) => [f.method, f.outbound, f.isCall, f.error.rpcErrorCode, f.error.message])).toEqual([
      ["Heartbeat", true, false, "PropertyConstraintViolation", 'data/currentTime must match format "date-time"'],
      ["BootNotification", true, false, "OccurenceConstraintViolation", "data must have required property 'interval'"],
    ]);
    expect(failures.every((f) => f.error instanceof OcppRpcError)).toBe(true);
  });

  it("an invalid CALLRESULT is caught on receipt: the pending call rejects with our error", { timeout: SLOW }, async () => {
    // server-to-client: the strict server checks the (non-strict) charge point's answer
    const { endpoint, nextClient } = await startServer();
    const serverSide = nextClient();
    const client = await connect(endpoint, { strict: false });
    client.handle("Reset", () => ({ status: "Maybe" }));
    client.handle("GetCompositeSchedule", () => ({
      status: "Accepted",
      chargingSchedule: { chargingRateUnit: "A", chargingSchedulePeriod: [{ startPeriod: 0, limit: 0.30000000000000004 }] },
    }));
    const cs = await serverSide;
    const failures: any[] = [];
    cs.on("strictValidationFailure", (f: unknown) => failures.push(f));
    expect(await rejection(cs.call("Reset", { type: "Soft" }))).toMatchObject({
      rpcErrorCode: "PropertyConstraintViolation",
      message: "data/status must be equal to one of the allowed values",
      details: { errors: [{ instancePath: "/status", keyword: "enum" }], data: { status: "Maybe" } },
    });
    expect(await rejection(cs.call("GetCompositeSchedule", { connectorId: 1, duration: 60 }))).toMatchObject({
      rpcErrorCode: "PropertyConstraintViolation",
      details: { errors: [{ instancePath: "/chargingSchedule/chargingSchedulePeriod/0/limit", keyword: "multipleOf" }] },
    });
    expect(failures.map((f) => [f.method, f.outbound, f.isCall])).toEqual([
      ["Reset", false, false],
      ["GetCompositeSchedule", false, false],
    ]);

    // client-side: a strict charge point checks a (non-strict) CSMS's answer
    const lax = await startServer({ strict: false, handlers: csmsHandlers({ BootNotification: { status: "Accepted", currentTime: T, interval: "300" } }) });
    const cp = await connect(lax.endpoint, { strict: true });
    const error = await rejection(cp.call("BootNotification", CP_CALLS.BootNotification!.params));
    expect(error).toBeInstanceOf(OcppRpcError);
    expect(error).toMatchObject({ rpcErrorCode: "TypeConstraintViolation", message: "data/interval must be integer" });
  });

  it("security whitepaper actions: ProtocolError with us alone, validated with ocpp-rpc's validator as fallback", { timeout: SLOW }, async () => {
    const event = { type: "FirmwareUpdated", timestamp: T };
    const handlers = (c: any) => c.handle("SecurityEventNotification", () => ({}));
    const plain = await startServer({ handlers });
    const withFallback = await startServer({ handlers, validators: [createStrictModeValidator({ fallback: stock })] });
    const a = await connect(plain.endpoint);
    const b = await connect(withFallback.endpoint);
    expect(await rejection(a.call("SecurityEventNotification", event))).toMatchObject({
      rpcErrorCode: "ProtocolError",
      message: "Schema 'urn:SecurityEventNotification.req' is missing from subprotocol schema 'ocpp1.6'",
    });
    expect(await b.call("SecurityEventNotification", event)).toEqual({});
  });

  it("details.data echoes the payload: a payload JSON.stringify cannot write closes the connection, as with ocpp-rpc's own", { timeout: SLOW }, async () => {
    const N = 100_000; // JSON.parse reads it; JSON.stringify overflows its stack writing it back
    const frame = `[2,"deep-1","Authorize",{"idTag":"TAG","deep":${"[".repeat(N)}${"]".repeat(N)}}]`;
    const handlers = csmsHandlers();
    const servers = {
      ours: await startServer({ handlers }),
      stock: await startServer({ handlers, validators: [] }),
      withoutData: await startServer({ handlers, validators: [createStrictModeValidator({ includeData: false })] }),
    };
    const seen: Record<string, unknown> = {};
    for (const [name, { endpoint }] of Object.entries(servers)) {
      const client = await connect(endpoint);
      const frames = callErrorsSeenBy(client);
      const closed = new Promise<{ code: number; reason: string }>((resolve) => client.once("close", resolve));
      const answered = new Promise<void>((resolve) => client.on("message", () => frames.length && resolve()));
      client.on("badMessage", () => {}); // the CALLERROR answers no pending call of this client
      client.sendRaw(frame);
      seen[name] = await Promise.race([closed.then(({ code, reason }) => ({ closed: [code, String(reason)] })), answered.then(() => ({ answered: frames[0] }))]);
    }
    expect(seen.ours).toEqual({ closed: [1000, "Unable to send call result"] });
    expect(seen.stock).toEqual(seen.ours);
    expect(seen.withoutData).toEqual({
      answered: [4, "deep-1", "FormationViolation", "data must NOT have additional properties: 'deep'", { errors: [{ instancePath: "", keyword: "additionalProperties", message: "must NOT have additional properties: 'deep'" }] }],
    });
  });

  it("the documented differences on the wire: a stock server accepts what ours refuses", { timeout: SLOW }, async () => {
    const ourServer = await startServer({ handlers: csmsHandlers() });
    const stockServer = await startServer({ validators: [], handlers: csmsHandlers() });
    const a = await connect(ourServer.endpoint);
    const b = await connect(stockServer.endpoint);
    const cases: Array<[string, object]> = [
      ["StopTransaction", stop({ timestamp: "2024-05-17T14:32:05" })],
      ["StopTransaction", stopWithUnit("Celsius")],
      ["MeterValues", { connectorId: 1, meterValue: [{ timestamp: "2016-12-31T23:59:60+01:00", sampledValue: [{ value: "1" }] }] }],
    ];
    for (const [action, params] of cases) {
      expect(await b.call(action, params)).toEqual(CP_CALLS[action]!.result);
      expect(await rejection(a.call(action, params))).toMatchObject({ rpcErrorCode: "PropertyConstraintViolation" });
    }
    // and the other way round: a leap second at 23:59:60 UTC written with a negative offset
    const leap = stop({ timestamp: "2016-12-31T22:59:60-01:00" });
    expect(await a.call("StopTransaction", leap)).toEqual(CP_CALLS.StopTransaction!.result);
    expect(await rejection(b.call("StopTransaction", leap))).toMatchObject({ rpcErrorCode: "FormationViolation" });
  });
});

// ── verdicts and codes vs ocpp-rpc's own validator ────────────────────────────────────────────

describe("differences from ocpp-rpc's own validator (OCPP-RPC.md)", () => {
  const ours = createStrictModeValidator();

  it("multipleOf: ocpp-rpc tolerates 1e-6 of the quotient, we decide in decimal", () => {
    const id = req("SetChargingProfile");
    expect(both(id, chargingProfile(0.3))).toEqual({ ours: "ok", ocppRpc: "ok" }); // stock ajv would refuse 0.3 (0.3/0.1 = 2.9999999999999996)
    expect(both(id, chargingProfile(32.1))).toEqual({ ours: "ok", ocppRpc: "ok" });
    for (const limit of [0.30000000000000004, 12.30000001, 0.1000001, 1e-8, 5e-324]) {
      expect([limit, both(id, chargingProfile(limit))]).toEqual([limit, { ours: "PropertyConstraintViolation", ocppRpc: "ok" }]);
    }
    // both refuse: codes differ (ocpp-rpc: OccurenceConstraintViolation, sent as OccurrenceConstraintViolation)
    for (const limit of [0.35, 1e-7, 0.100001]) {
      expect([limit, both(id, chargingProfile(limit))]).toEqual([limit, { ours: "PropertyConstraintViolation", ocppRpc: "OccurenceConstraintViolation" }]);
    }
    const msg = outcome(stock, id, chargingProfile(0.35));
    expect(msg.ok || msg.message).toBe('data/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit must pass "multipleOf" keyword validation');
    const ourMsg = outcome(ours, id, chargingProfile(0.35));
    expect(ourMsg.ok || ourMsg.message).toBe("data/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit must be multiple of 0.1");
  });

  it("date-time: ajv-formats 2 (ocpp-rpc) vs ajv-formats 3 (us)", () => {
    const id = req("StopTransaction");
    const accepted = ["2024-05-17T14:32:05Z", "2024-05-17t14:32:05.5+02:00", "2024-05-17 14:32:05-0130", "2016-12-31T23:59:60Z"];
    for (const ts of accepted) expect([ts, both(id, stop({ timestamp: ts }))]).toEqual([ts, { ours: "ok", ocppRpc: "ok" }]);
    const onlyOcppRpc = [
      "2024-05-17T14:32:05", // no offset: ajv-formats 2 tests `undefined !== ""`
      "2024-05-17T14:32:05.123",
      "2024-05-17 14:32:05",
      "2024-05-17T14:32:05+24:00", // offset hours > 23
      "2024-05-17T14:32:05+05:60", // offset minutes > 59
      "2024-05-17T14:32:05+99:99",
      "2016-12-31T23:59:60+01:00", // leap second at 23:59:60 local, 22:59:60 UTC
      "2024-05-17T12:00:59.99999999999999999Z", // seconds round to 60 in ajv-formats 3
    ];
    for (const ts of onlyOcppRpc) expect([ts, both(id, stop({ timestamp: ts }))]).toEqual([ts, { ours: "PropertyConstraintViolation", ocppRpc: "ok" }]);
    const onlyUs = ["2016-12-31T22:59:60-01:00", "2017-01-01T05:29:60.5+05:30"]; // leap seconds at 23:59:60 UTC
    for (const ts of onlyUs) expect([ts, both(id, stop({ timestamp: ts }))]).toEqual([ts, { ours: "ok", ocppRpc: "FormatViolation" }]);
    // also in responses (what a CSMS's own handlers return)
    expect(both(conf("BootNotification"), { status: "Accepted", currentTime: "2024-05-17T14:32:05", interval: 300 })).toEqual({
      ours: "PropertyConstraintViolation",
      ocppRpc: "ok",
    });
  });

  it("schemas: ocpp-rpc's StopTransaction accepts unit Celsius; the official schema has only Celcius", () => {
    expect(both(req("StopTransaction"), stopWithUnit("Celcius"))).toEqual({ ours: "ok", ocppRpc: "ok" });
    expect(both(req("StopTransaction"), stopWithUnit("Celsius"))).toEqual({ ours: "PropertyConstraintViolation", ocppRpc: "ok" });
    const meter = (unit: string) => ({ connectorId: 1, meterValue: [{ timestamp: T, sampledValue: [{ value: "1", unit }] }] });
    for (const unit of ["Celcius", "Celsius"]) expect(both(req("MeterValues"), meter(unit))).toEqual({ ours: "ok", ocppRpc: "ok" });
  });

  it("schemas: the 11 security whitepaper actions are only in ocpp-rpc's bundle", () => {
    const extra = rpcSchemas.map((s) => s.$id).filter((id) => messageForSchemaId(id) === null);
    expect(extra.sort()).toEqual(
      [
        "CertificateSigned",
        "DeleteCertificate",
        "ExtendedTriggerMessage",
        "GetInstalledCertificateIds",
        "GetLog",
        "InstallCertificate",
        "LogStatusNotification",
        "SecurityEventNotification",
        "SignCertificate",
        "SignedFirmwareStatusNotification",
        "SignedUpdateFirmware",
      ]
        .flatMap((a) => [conf(a), req(a)])
        .sort(),
    );
    for (const id of extra) expect(outcome(ours, id, {})).toMatchObject({ ok: false, code: "ProtocolError" });
  });

  it("codes per keyword: ocpp-rpc's table vs OCPP-J 1.6 (SEMANTICS.md)", () => {
    const id = req("StopTransaction");
    const table: Array<[string, unknown, { ours: string; ocppRpc: string }]> = [
      ["type", stop({ meterStop: "5" }), { ours: "TypeConstraintViolation", ocppRpc: "TypeConstraintViolation" }],
      ["required", { transactionId: 1, timestamp: T }, { ours: "OccurenceConstraintViolation", ocppRpc: "OccurenceConstraintViolation" }],
      ["maxLength", stop({ idTag: "x".repeat(21) }), { ours: "PropertyConstraintViolation", ocppRpc: "FormatViolation" }],
      ["enum", stop({ reason: "Bogus" }), { ours: "PropertyConstraintViolation", ocppRpc: "FormatViolation" }],
      ["format", stop({ timestamp: "yesterday" }), { ours: "PropertyConstraintViolation", ocppRpc: "FormatViolation" }],
      ["additionalProperties", stop({ extra: 1 }), { ours: "FormationViolation", ocppRpc: "PropertyConstraintViolation" }],
    ];
    for (const [keyword, payload, codes] of table) expect([keyword, both(id, payload)]).toEqual([keyword, codes]);
    expect(both(req("UpdateFirmware"), { location: "not a uri", retrieveDate: T })).toEqual({ ours: "PropertyConstraintViolation", ocppRpc: "FormatViolation" });
    // additionalProperties: we name the key
    const extra = outcome(ours, id, stop({ extra: 1 }));
    const extraStock = outcome(stock, id, stop({ extra: 1 }));
    expect([extra.ok || extra.message, extraStock.ok || extraStock.message]).toEqual([
      "data must NOT have additional properties: 'extra'",
      "data must NOT have additional properties",
    ]);
  });

  it("which issue is first: ajv's evaluation order vs sorted (instancePath, keyword)", () => {
    const id = req("StopTransaction");
    // ajv checks properties in schema order (timestamp before reason); we sort "/reason" < "/timestamp"
    expect(both(id, stop({ reason: "Bogus", timestamp: 5 }))).toEqual({ ours: "PropertyConstraintViolation", ocppRpc: "TypeConstraintViolation" });
    // ajv checks required before additionalProperties; we sort "additionalProperties" < "required"
    expect(both(id, { transactionId: 1, timestamp: T, extra: 1 })).toEqual({ ours: "FormationViolation", ocppRpc: "OccurenceConstraintViolation" });
    // the official schemas put additionalProperties:false on enum strings (ocpp-rpc's bundle drops it): an object value
    expect(both(id, stop({ reason: { a: 1 } }))).toEqual({ ours: "FormationViolation", ocppRpc: "TypeConstraintViolation" });
    const all = outcome(createStrictModeValidator({ allErrors: true }), id, stop({ reason: { a: 1 } }));
    expect(all.ok || all.details.errors.map((e: any) => e.keyword)).toEqual(["additionalProperties", "enum", "type"]);
  });

  it("agree on everything else: random valid and mutated payloads of all 56 messages", { timeout: SLOW }, () => {
    const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|[+-](\d\d)(?::?(\d\d))?)?$/i;
    /** A date-time where ajv-formats 2 and 3 may disagree: no offset, an offset out of range, or seconds that are (or round to) 60. */
    const dateTimeEdge = (s: unknown) => {
      if (typeof s !== "string") return false;
      const parts = s.split(/t|\s/i);
      const m = parts.length === 2 ? TIME.exec(parts[1]!) : null;
      return !!m && (m[4] === undefined || Number(m[5] ?? 0) > 23 || Number(m[6] ?? 0) > 59 || Number(m[3]) >= 60);
    };
    const within1e6 = (x: unknown) => typeof x === "number" && Math.abs(Math.round(x / 0.1) - x / 0.1) < 1e-6;
    const at = (v: unknown, path: string) => path.split("/").slice(1).reduce<any>((o, k) => o?.[k], v);
    const allOurs = createStrictModeValidator({ allErrors: true });
    const frames = createValidator({ backend: "auto" });
    const cpActions = new Set<string>(CHARGE_POINT_ACTIONS);
    let compared = 0;
    let differing = 0;
    for (const m of MESSAGE_NAMES) {
      fc.assert(
        fc.property(payloadTextArbFor(m), (text) => {
          let p: unknown;
          try {
            p = JSON.parse(text);
          } catch {
            return; // ocpp-rpc never validates what JSON.parse refused
          }
          compared++;
          const [o, s] = [outcome(allOurs, schemaIdOf(m), p), outcome(stock, schemaIdOf(m), p)];
          if (!o.ok && cpActions.has(m)) {
            // the adapter's code is the one validateFrame answers the same CALL with
            expect(frames.validateFrame(`[2,"x","${m}",${text}]`).callError?.errorCode).toBe(o.code);
          }
          if (o.ok === s.ok) return;
          differing++;
          // a verdict differs only for a documented reason, found at the issue of the side that refused
          const issues = o.ok ? [(s as any).details.errors[0]] : (o as any).details.errors;
          const explained = issues.every(
            (e: any) =>
              (e.keyword === "format" && dateTimeEdge(at(p, e.instancePath))) ||
              (e.keyword === "multipleOf" && !o.ok && within1e6(at(p, e.instancePath))),
          );
          expect(explained, `${m}: ${text}`).toBe(true);
        }),
        { numRuns: RUNS_PER_MESSAGE, seed: 0x0cc9 },
      );
    }
    expect(compared).toBeGreaterThan(RUNS_PER_MESSAGE * 40);
    expect(differing).toBeLessThan(compared / 10);
  });
});

// ── OCPP 2.0.1 and 2.1: the adapter validates the subprotocol's protocol ───────────────────────

describe("OCPP 2.0.1 and 2.1 subprotocols", () => {
  const V201_CALLS: Record<string, { params: object; result: object }> = {
    BootNotification: {
      params: { chargingStation: { model: "X1", vendorName: "Acme" }, reason: "PowerUp" },
      result: { currentTime: T, interval: 300, status: "Accepted" },
    },
    Heartbeat: { params: {}, result: { currentTime: T } },
    StatusNotification: { params: { timestamp: T, connectorStatus: "Available", evseId: 1, connectorId: 1 }, result: {} },
    Authorize: { params: { idToken: { idToken: "TAG-1", type: "ISO14443" } }, result: { idTokenInfo: { status: "Accepted" } } },
    TransactionEvent: {
      params: {
        eventType: "Updated",
        timestamp: T,
        triggerReason: "MeterValuePeriodic",
        seqNo: 3,
        transactionInfo: { transactionId: "tx-1", chargingState: "Charging" },
        meterValue: [{ timestamp: T, sampledValue: [{ value: 1234.5, measurand: "Energy.Active.Import.Register" }] }],
        customData: { vendorId: "acme", anything: { goes: [1, 2, 3] } },
      },
      result: { totalCost: 1.5 },
    },
  };
  const adapter201 = createStrictModeValidator({ subprotocol: "ocpp2.0.1" });
  const stock201: StrictModeValidator = rpc.createValidator("ocpp2.0.1", require("ocpp-rpc/lib/schemas/ocpp2_0_1.json"));

  it("maps ocpp-rpc's ids (urn:<Action>.req / .conf), the OCA's ids and urn:<Message> to the protocol's messages", () => {
    for (const [protocol, names, oca] of [
      ["ocpp2.0.1", MESSAGE_NAMES_201, "urn:OCPP:Cp:2:2020:3:"],
      ["ocpp2.1", MESSAGE_NAMES_21, "urn:OCPP:Cp:2:2025:1:"],
    ] as const) {
      for (const name of names as readonly string[]) {
        expect(messageForSchemaId(`${oca}${name}`, protocol)).toBe(name);
        expect(messageForSchemaId(`urn:${name}`, protocol)).toBe(name);
        const ocppRpcId = name.endsWith("Response") ? conf(name.slice(0, -"Response".length)) : req(name.replace(/Request$/, ""));
        expect(messageForSchemaId(ocppRpcId, protocol), ocppRpcId).toBe(name);
      }
      // 1.6's names mean nothing here, and 2.x's nothing in 1.6
      expect(messageForSchemaId("urn:OCPP:1.6:2019:12:StopTransactionRequest", protocol)).toBeNull();
      expect(messageForSchemaId(req("StopTransaction"), protocol)).toBeNull();
      expect(messageForSchemaId(`${oca}TransactionEventRequest`)).toBeNull();
      expect(messageForSchemaId(req("TransactionEvent"))).toBeNull();
    }
    // every id ocpp-rpc's own 2.0.1 bundle has, we know
    for (const { $id } of require("ocpp-rpc/lib/schemas/ocpp2_0_1.json") as Array<{ $id: string }>) expect(messageForSchemaId($id, "ocpp2.0.1"), $id).not.toBeNull();
    for (const { $id } of require("ocpp-rpc/lib/schemas/ocpp2_1.json") as Array<{ $id: string }>) expect(messageForSchemaId($id, "ocpp2.1"), $id).not.toBeNull();
    expect(messageForSchemaId(req("NotifyPeriodicEventStream"), "ocpp2.1")).toBe("NotifyPeriodicEventStream");
    expect(messageForSchemaId(conf("NotifyPeriodicEventStream"), "ocpp2.1")).toBeNull();
    expect(adapter201.subprotocol).toBe("ocpp2.0.1");
  });

  it("valid payloads are true; invalid ones throw the 2.x code, worded like ajv", () => {
    for (const [action, { params, result }] of Object.entries(V201_CALLS)) {
      expect(outcome(adapter201, req(action), params)).toEqual({ ok: true });
      expect(outcome(adapter201, conf(action), result)).toEqual({ ok: true });
    }
    const event = V201_CALLS.TransactionEvent!.params as Record<string, unknown>;
    const needs = (dc: object) => ({ evseId: 1, chargingNeeds: { requestedEnergyTransfer: "DC", dcChargingParameters: { evMaxCurrent: 100, evMaxVoltage: 400, ...dc } } });
    const soc = "data/chargingNeeds/dcChargingParameters/stateOfCharge";
    expect(outcome(adapter201, req("NotifyEVChargingNeeds"), needs({ stateOfCharge: 50 }))).toEqual({ ok: true });
    const cases: Array<[string, unknown, string, string]> = [
      ["NotifyEVChargingNeeds", needs({ stateOfCharge: -1 }), "PropertyConstraintViolation", `${soc} must be >= 0`],
      ["NotifyEVChargingNeeds", needs({ stateOfCharge: 101 }), "PropertyConstraintViolation", `${soc} must be <= 100`],
      ["TransactionEvent", { ...event, meterValue: [] }, "OccurrenceConstraintViolation", "data/meterValue must NOT have fewer than 1 items"],
      ["TransactionEvent", { ...event, timestamp: undefined }, "OccurrenceConstraintViolation", "data must have required property 'timestamp'"],
      ["TransactionEvent", { ...event, extra: 1 }, "ProtocolError", "data must NOT have additional properties: 'extra'"],
      ["TransactionEvent", { ...event, seqNo: "3" }, "TypeConstraintViolation", "data/seqNo must be integer"],
    ];
    for (const [action, params, code, message] of cases) {
      const o = outcome(adapter201, req(action), params);
      expect(o.ok ? "ok" : [o.code, o.message]).toEqual([code, message]);
    }
    const bad = outcome(adapter201, req("Heartbeat"), { x: 1 });
    expect(bad.ok ? null : [bad.error.rpcErrorCode, bad.error.rpcErrorMessage]).toEqual(["ProtocolError", "Payload for method is incomplete"]);
    expect(outcome(adapter201, req("StopTransaction"), {})).toMatchObject({ ok: false, code: "ProtocolError", message: "Schema 'urn:StopTransaction.req' is missing from subprotocol schema 'ocpp2.0.1'" });
    // ocpp-rpc's own 2.0.1 validator agrees on the verdicts
    for (const [action, params] of cases) expect(outcome(stock201, req(action), params).ok).toBe(false);
    for (const [action, { params }] of Object.entries(V201_CALLS)) expect(outcome(stock201, req(action), params)).toEqual({ ok: true });
  });

  it("a validator of another protocol is refused at creation; one of the same protocol is used", () => {
    expect(() => createStrictModeValidator({ subprotocol: "ocpp2.0.1", validator: createValidator() })).toThrow(/validates ocpp1\.6, this adapter ocpp2\.0\.1/);
    expect(() => createStrictModeValidator({ validator: createValidator({ protocol: "ocpp2.1" }) })).toThrow(TypeError);
    const js = createStrictModeValidator({ subprotocol: "ocpp2.1", validator: createValidator({ protocol: "ocpp2.1", backend: "js" }) });
    expect(outcome(js, req("NotifyPeriodicEventStream"), { id: 1, pending: 0, basetime: T, data: [{ t: 0, v: "1" }] })).toEqual({ ok: true });
    // a subprotocol name of one's own, validated as a given protocol
    const custom = createStrictModeValidator({ subprotocol: "acme-2.0.1", protocol: "ocpp2.0.1" });
    expect([custom.subprotocol, outcome(custom, req("Heartbeat"), {})]).toEqual(["acme-2.0.1", { ok: true }]);
    expect(() => createStrictModeValidator({ protocol: "ocpp2" as never })).toThrow(/unknown protocol "ocpp2"/);
  });

  // Verdicts beside ocpp-rpc's own 2.x validators differ as OCPP-RPC.md says for 1.6 (ajv-formats 2's
  // date-time, multipleOf); what matters here is that each schema id reaches its message.
  it("accepts generated valid payloads of every 2.0.1 and 2.1 message through ocpp-rpc's schema ids", { timeout: SLOW }, () => {
    for (const [protocol, names] of [["ocpp2.0.1", MESSAGE_NAMES_201], ["ocpp2.1", MESSAGE_NAMES_21]] as const) {
      const adapter = createStrictModeValidator({ subprotocol: protocol });
      for (const name of names as readonly string[]) {
        const id = name.endsWith("Response") ? conf(name.slice(0, -"Response".length)) : req(name.replace(/Request$/, ""));
        fc.assert(fc.property(validPayloadArbFor(name, protocol), (text) => {
          expect(outcome(adapter, id, JSON.parse(text)), `${protocol} ${name}`).toEqual({ ok: true });
        }), { numRuns: Math.max(5, Math.ceil(RUNS / 1000)), seed: 41 });
      }
    }
  });

  it("with a real RPCServer and RPCClient on subprotocol ocpp2.0.1: valid calls both ways, invalid ones answered with our 2.x code", { timeout: SLOW }, async () => {
    const server = new rpc.RPCServer({
      protocols: ["ocpp2.0.1", "ocpp1.6"],
      strictMode: true,
      strictModeValidators: [createStrictModeValidator(), createStrictModeValidator({ subprotocol: "ocpp2.0.1" })],
    });
    const sides: any[] = [];
    server.on("client", (client: any) => {
      sides.push(client);
      for (const [action, { result }] of Object.entries(client.protocol === "ocpp2.0.1" ? V201_CALLS : CP_CALLS)) client.handle(action, () => result);
    });
    const http = await server.listen(0, "127.0.0.1");
    open.push({ close: () => server.close() });
    const endpoint = `ws://127.0.0.1:${(http.address() as AddressInfo).port}`;
    const client = new rpc.RPCClient({ endpoint, identity: `CS-${++identities}`, protocols: ["ocpp2.0.1"], reconnect: false, strictMode: false });
    await client.connect();
    open.push({ close: () => client.close() });
    expect(client.protocol).toBe("ocpp2.0.1");
    for (const [action, { params, result }] of Object.entries(V201_CALLS)) expect(await client.call(action, params), action).toEqual(result);
    // the CSMS calls the station: RequestStartTransaction is validated both ways too
    client.handle("RequestStartTransaction", () => ({ status: "Accepted", transactionId: "tx-2" }));
    expect(await sides[0].call("RequestStartTransaction", { idToken: { idToken: "TAG-1", type: "ISO14443" }, remoteStartId: 7 })).toEqual({ status: "Accepted", transactionId: "tx-2" });
    expect((await rejection(sides[0].call("RequestStartTransaction", { remoteStartId: 7 }))).rpcErrorCode).toBe("OccurrenceConstraintViolation");

    const frames = callErrorsSeenBy(client);
    const frameValidator = createValidator({ protocol: "ocpp2.0.1" });
    const event = V201_CALLS.TransactionEvent!.params as Record<string, unknown>;
    const cases: Array<[string, unknown, string]> = [
      ["TransactionEvent", { ...event, seqNo: 1.5 }, "TypeConstraintViolation"],
      ["TransactionEvent", { ...event, meterValue: [] }, "OccurrenceConstraintViolation"],
      ["TransactionEvent", { ...event, extra: true }, "ProtocolError"],
      ["BootNotification", { chargingStation: { model: 5, vendorName: "Acme" }, reason: "PowerUp" }, "TypeConstraintViolation"],
      ["Authorize", { idToken: { idToken: "x".repeat(37), type: "ISO14443" } }, "PropertyConstraintViolation"],
    ];
    for (const [action, params, code] of cases) {
      const error = await rejection(client.call(action, params));
      // no renaming on 2.0.1: ocpp-rpc only rewrites codes for ocpp1.6
      expect([action, error.rpcErrorCode]).toEqual([action, code]);
      const local = outcome(adapter201, req(action), params);
      if (local.ok) throw new Error(`${action}: must be invalid`);
      expect(frames.at(-1)!.slice(2)).toEqual([code, local.message, JSON.parse(JSON.stringify(local.details))]);
      // the gateway's 2.0.1 frame validator answers the same CALL with the same code
      expect(frameValidator.validateFrame(JSON.stringify([2, "id-1", action, params])).callError?.errorCode).toBe(code);
    }
    // a 1.6 station on the same server is validated as 1.6
    const old = new rpc.RPCClient({ endpoint, identity: `CP-${++identities}`, protocols: ["ocpp1.6"], reconnect: false, strictMode: false });
    await old.connect();
    open.push({ close: () => old.close() });
    expect(old.protocol).toBe("ocpp1.6");
    expect(await old.call("Heartbeat", {})).toEqual({ currentTime: T });
    expect((await rejection(old.call("Heartbeat", { x: 1 }))).rpcErrorCode).toBe("FormationViolation");
  });
});
