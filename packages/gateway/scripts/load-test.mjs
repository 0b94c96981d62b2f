#!/usr/bin/env node
// @ts-check
/**
 * N charge points, each driving a realistic OCPP 1.6 session over a real ocpp-rpc RPCClient:
 * BootNotification, StatusNotification (connectors 0 and 1 Available), FirmwareStatusNotification,
 * DiagnosticsStatusNotification, DataTransfer, Heartbeat, then per transaction Authorize,
 * StatusNotification Preparing, StartTransaction, StatusNotification Charging, MeterValues every
 * 10 s of simulated time (a Heartbeat every 300 s), StopTransaction with the transactionId the
 * server handed out, StatusNotification Finishing and Available. Time is simulated (timestamps
 * advance, nothing waits); one CALL in flight per charge point (OCPP-J 1.6 §4.1.1).
 *
 * About 5 % of the calls carry a deliberately broken payload (wrong type, missing required member,
 * bad enum value, bad date-time, extra member, too long string) spread over every action; a broken
 * call that is refused is followed by the valid one (the charger fixes it and retries).
 *
 * With `--protocols ocpp2.0.1` (the default runs ocpp1.6 and then ocpp2.0.1), the same for an OCPP
 * 2.0.1 session: BootNotification, StatusNotification Available, NotifyReport (the station's base
 * report), Heartbeat, then per transaction Authorize, StatusNotification Occupied, TransactionEvent
 * Started (idToken, meter start), Updated (Charging), Updated every 10 s of simulated time with the
 * meter values (energy, power, current per phase, SoC), a MeterValues of the main meter (evse 0)
 * every 60 s, a Heartbeat every 300 s, TransactionEvent Ended (with or without idToken) and
 * StatusNotification Available; the station makes up the transactionId. Broken payloads there
 * also include an emptied array that requires items (minItems).
 *
 * Run against (a) the example gateway (ocpp-validate), (b) an ocpp-rpc RPCServer in strict mode
 * (its ajv validator) with handlers for the same ten actions and (c) that server with ocpp-validate
 * as its strict-mode validator (ocpp-validate/ocpp-rpc), each server in its own process. Checked for
 * every call: exactly one answer, of the right kind: a CALLRESULT that passes `<Action>Response`
 * (our validator) and says what the handlers say (Accepted, a fresh transactionId, ...), or a
 * CALLERROR with the right code: the frame reference's for the gateway and for (c) (as ocpp-rpc
 * spells it on the wire), ocpp-rpc's own validator's for (b). Where the two disagree the difference is classified and counted; a difference that no
 * documented rule explains fails the run. Then calls/s, latency and server CPU per call.
 *
 *   node scripts/load-test.mjs [--charge-points 100] [--transactions 3] [--meter-values 60]
 *                              [--invalid-ratio 0.05] [--seed 7] [--backend auto]
 *                              [--targets gateway,ocpp-rpc,ocpp-rpc-ocpp-validate] [--quick] [--json]
 *                              [--protocols ocpp1.6,ocpp2.0.1]
 *                              [--cpu-prof-dir DIR]   (a V8 CPU profile of each server process)
 * Exit status 1 if any call was lost, duplicated or answered wrongly, or a difference is undocumented.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { RPCClient } from "ocpp-rpc";
import { CHARGE_POINT_ACTIONS, createValidator } from "ocpp-validate";
import { referenceValidateFrame } from "@ocpp-validate/test-vectors/frame-reference";
import { messageSchema } from "@ocpp-validate/test-vectors/schema-walk";
import { createPrng } from "@ocpp-validate/test-vectors/payloads";
import { DATA_TRANSFER_VENDOR_ID, DEFAULT_HEARTBEAT_INTERVAL_S } from "../src/gateway.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** The session mixes: OCPP 1.6 and OCPP 2.0.1 (ocpp-rpc has strict-mode schemas for both). */
export const LOAD_PROTOCOLS = /** @type {const} */ (["ocpp1.6", "ocpp2.0.1"]);
/** @typedef {(typeof LOAD_PROTOCOLS)[number]} LoadProtocol */
/** ocpp-rpc's own strict-mode validators: the oracle for what its server answers, per subprotocol. */
const ocppRpcValidators = /** @type {{ subprotocol: string, validate(id: string, v: unknown): unknown }[]} */ (require("ocpp-rpc/lib/standard-validators.js"));
const ocppRpcValidatorOf = (/** @type {LoadProtocol} */ protocol) =>
  /** @type {{ subprotocol: string, validate(id: string, v: unknown): unknown }} */ (ocppRpcValidators.find((v) => v.subprotocol === protocol));
/** ocpp-rpc's keyword → code table (lib/validator.js); keywords not in it get FormatViolation. */
const OCPP_RPC_KEYWORD_CODE = /** @type {Record<string, string>} */ ({
  maximum: "FormatViolation",
  minimum: "FormatViolation",
  maxLength: "FormatViolation",
  minLength: "FormatViolation",
  exclusiveMaximum: "OccurenceConstraintViolation",
  exclusiveMinimum: "OccurenceConstraintViolation",
  multipleOf: "OccurenceConstraintViolation",
  maxItems: "OccurenceConstraintViolation",
  minItems: "OccurenceConstraintViolation",
  maxProperties: "OccurenceConstraintViolation",
  minProperties: "OccurenceConstraintViolation",
  additionalItems: "OccurenceConstraintViolation",
  required: "OccurenceConstraintViolation",
  pattern: "PropertyConstraintViolation",
  propertyNames: "PropertyConstraintViolation",
  additionalProperties: "PropertyConstraintViolation",
  type: "TypeConstraintViolation",
});
/**
 * ocpp-rpc (lib/client.js) renames these codes when the subprotocol is ocpp1.6 (OCPP-J 1.6 errata
 * v1.0 §5), and only then: on ocpp2.0.1 its table's "OccurenceConstraintViolation" goes out with
 * one r, which is not a 2.0.1 code.
 */
const OCPP16_WIRE_CODE = /** @type {Record<string, string>} */ ({
  FormatViolation: "FormationViolation",
  OccurenceConstraintViolation: "OccurrenceConstraintViolation",
});
/** @param {LoadProtocol} protocol @param {string} code */
const wireCode = (protocol, code) => (protocol === "ocpp1.6" ? (OCPP16_WIRE_CODE[code] ?? code) : code);
const ocppRpcCodeOf = (/** @type {string} */ keyword, /** @type {LoadProtocol} */ protocol = "ocpp1.6") => wireCode(protocol, OCPP_RPC_KEYWORD_CODE[keyword] ?? "FormatViolation");

/** @type {Record<LoadProtocol, { isValid(input: string, options: { message: any }): boolean }>} */
const validators = { "ocpp1.6": createValidator(), "ocpp2.0.1": /** @type {any} */ (createValidator({ protocol: "ocpp2.0.1" })) };
/** The message a CALL of `action` carries in the protocol. @param {string} action @param {LoadProtocol} protocol */
export const requestOf = (action, protocol) => (protocol === "ocpp1.6" ? action : `${action}Request`);
/** The station actions of each session mix. */
export const SESSION_ACTIONS = Object.freeze({
  "ocpp1.6": CHARGE_POINT_ACTIONS,
  "ocpp2.0.1": Object.freeze(["Authorize", "BootNotification", "Heartbeat", "MeterValues", "NotifyReport", "StatusNotification", "TransactionEvent"]),
});
const BASE_TIME = Date.UTC(2024, 4, 17, 6, 0, 0);
const METER_INTERVAL_S = 10;
/** Stands for the transactionId the server hands out (any integer gets the same verdict). */
const TX_PLACEHOLDER = 0;

/** @template T @param {() => number} rnd @param {readonly T[]} list @returns {T} */
const pick = (rnd, list) => /** @type {T} */ (list[Math.floor(rnd() * list.length)]);

/**
 * @typedef {{ action: string, value: any, usesTx: boolean }} Step
 * The valid calls of one charge point's session, in order, with simulated timestamps.
 * @param {number} cp @param {{ transactions: number, meterValues: number }} shape @param {() => number} rnd
 * @param {LoadProtocol} [protocol]
 * @returns {{ steps: Step[], simulatedSeconds: number }}
 */
export function session(cp, shape, rnd, protocol = "ocpp1.6") {
  return protocol === "ocpp1.6" ? session16(cp, shape, rnd) : session201(cp, shape, rnd);
}

/** @param {number} cp @param {{ transactions: number, meterValues: number }} shape @param {() => number} rnd */
function session16(cp, { transactions, meterValues }, rnd) {
  const start = BASE_TIME + cp * 7_000;
  let t = start;
  const at = (/** @type {number} */ seconds) => new Date((t += Math.round(seconds * 1000))).toISOString();
  /** @type {Step[]} */
  const steps = [];
  const add = (/** @type {string} */ action, /** @type {any} */ value, usesTx = false) => void steps.push({ action, value, usesTx });
  const serial = `SN-${String(cp).padStart(6, "0")}`;
  const status = (/** @type {number} */ connectorId, /** @type {string} */ s, /** @type {number} */ after) => ({ connectorId, errorCode: "NoError", status: s, timestamp: at(after) });
  add("BootNotification", { chargePointVendor: "ocpp-validate", chargePointModel: "LoadSim-22", chargePointSerialNumber: serial, firmwareVersion: "1.4.2", meterType: "EM-3P", meterSerialNumber: `M-${serial}` });
  add("StatusNotification", status(0, "Available", 1));
  add("StatusNotification", status(1, "Available", 0.2));
  add("FirmwareStatusNotification", { status: "Idle" });
  add("DiagnosticsStatusNotification", { status: "Idle" });
  add("DataTransfer", { vendorId: DATA_TRANSFER_VENDOR_ID, messageId: "SessionInfo", data: JSON.stringify({ serial, connectors: 1 }) });
  add("Heartbeat", {});
  let energyWh = Math.floor(rnd() * 5_000_000);
  for (let k = 0; k < transactions; k++) {
    at(600 + rnd() * 1800); // idle until the next driver arrives
    const idTag = `${cp.toString(16).toUpperCase().padStart(6, "0")}${k.toString(16).toUpperCase().padStart(4, "0")}`;
    add("Authorize", { idTag });
    add("StatusNotification", status(1, "Preparing", 5));
    add("StartTransaction", { connectorId: 1, idTag, meterStart: energyWh, timestamp: at(3) });
    add("StatusNotification", status(1, "Charging", 2));
    const powerW = 7_000 + rnd() * 15_000;
    let soc = 20 + rnd() * 40;
    for (let m = 0; m < meterValues; m++) {
      energyWh += Math.round((powerW * METER_INTERVAL_S) / 3600);
      soc = Math.min(100, soc + (powerW * METER_INTERVAL_S) / 3600 / 600);
      const amps = (powerW / 3 / 230).toFixed(1);
      add(
        "MeterValues",
        {
          connectorId: 1,
          transactionId: TX_PLACEHOLDER,
          meterValue: [
            {
              timestamp: at(METER_INTERVAL_S),
              sampledValue: [
                { value: String(energyWh), context: "Sample.Periodic", format: "Raw", measurand: "Energy.Active.Import.Register", location: "Outlet", unit: "Wh" },
                { value: (powerW / 1000).toFixed(2), context: "Sample.Periodic", measurand: "Power.Active.Import", unit: "kW" },
                { value: amps, context: "Sample.Periodic", measurand: "Current.Import", phase: "L1", unit: "A" },
                { value: amps, context: "Sample.Periodic", measurand: "Current.Import", phase: "L2", unit: "A" },
                { value: amps, context: "Sample.Periodic", measurand: "Current.Import", phase: "L3", unit: "A" },
                { value: String(Math.round(soc)), context: "Sample.Periodic", measurand: "SoC", location: "EV", unit: "Percent" },
              ],
            },
          ],
        },
        true,
      );
      if ((m + 1) % (DEFAULT_HEARTBEAT_INTERVAL_S / METER_INTERVAL_S) === 0) add("Heartbeat", {});
    }
    const stopped = at(4);
    add(
      "StopTransaction",
      {
        transactionId: TX_PLACEHOLDER,
        idTag,
        meterStop: energyWh,
        timestamp: stopped,
        reason: k % 2 ? "EVDisconnected" : "Local",
        transactionData: [{ timestamp: stopped, sampledValue: [{ value: String(energyWh), context: "Transaction.End", measurand: "Energy.Active.Import.Register", unit: "Wh" }] }],
      },
      true,
    );
    add("StatusNotification", status(1, "Finishing", 1));
    add("StatusNotification", status(1, "Available", 30));
  }
  return { steps, simulatedSeconds: (t - start) / 1000 };
}

/**
 * An OCPP 2.0.1 session (see the header). The station chooses the transactionId, so nothing waits
 * on an answer's content.
 * @param {number} cp @param {{ transactions: number, meterValues: number }} shape @param {() => number} rnd
 */
function session201(cp, { transactions, meterValues }, rnd) {
  const start = BASE_TIME + cp * 7_000;
  let t = start;
  const at = (/** @type {number} */ seconds) => new Date((t += Math.round(seconds * 1000))).toISOString();
  /** @type {Step[]} */
  const steps = [];
  const add = (/** @type {string} */ action, /** @type {any} */ value) => void steps.push({ action, value, usesTx: false });
  const serial = `SN-${String(cp).padStart(6, "0")}`;
  const status = (/** @type {string} */ s, /** @type {number} */ after) => ({ timestamp: at(after), connectorStatus: s, evseId: 1, connectorId: 1 });
  const model = "LoadSim-22";
  add("BootNotification", { reason: "PowerUp", chargingStation: { model, vendorName: "ocpp-validate", serialNumber: serial, firmwareVersion: "1.4.2", modem: { iccid: `8931${String(cp).padStart(16, "0")}`, imsi: `2620${String(cp).padStart(11, "0")}` } } });
  add("StatusNotification", status("Available", 1));
  const variable = (/** @type {string} */ component, /** @type {string} */ name, /** @type {string} */ value, /** @type {string} */ dataType) => ({
    component: { name: component },
    variable: { name },
    variableAttribute: [{ type: "Actual", value, mutability: "ReadOnly", persistent: true, constant: true }],
    variableCharacteristics: { dataType, supportsMonitoring: false },
  });
  add("NotifyReport", {
    requestId: cp,
    generatedAt: at(0.5),
    seqNo: 0,
    tbc: false,
    reportData: [
      variable("ChargingStation", "Model", model, "string"),
      variable("ChargingStation", "SerialNumber", serial, "string"),
      variable("EVSE", "Power", "22000", "decimal"),
      { component: { name: "OCPPCommCtrlr" }, variable: { name: "HeartbeatInterval" }, variableAttribute: [{ type: "Actual", value: String(DEFAULT_HEARTBEAT_INTERVAL_S), mutability: "ReadWrite" }], variableCharacteristics: { dataType: "integer", unit: "s", supportsMonitoring: true } },
    ],
  });
  add("Heartbeat", {});
  let energyWh = Math.floor(rnd() * 5_000_000);
  let seq = 0;
  for (let k = 0; k < transactions; k++) {
    at(600 + rnd() * 1800);
    const idToken = { idToken: `${cp.toString(16).toUpperCase().padStart(6, "0")}${k.toString(16).toUpperCase().padStart(4, "0")}`, type: "ISO14443" };
    const transactionId = `${serial}-${k}-${Math.floor(rnd() * 1e9).toString(36)}`;
    const energy = (/** @type {string} */ context) => ({ value: energyWh, context, measurand: "Energy.Active.Import.Register", location: "Outlet", unitOfMeasure: { unit: "Wh" } });
    const event = (/** @type {string} */ eventType, /** @type {string} */ triggerReason, /** @type {number} */ after, /** @type {any} */ info, /** @type {any} */ extra = {}) => ({
      eventType,
      timestamp: at(after),
      triggerReason,
      seqNo: seq++,
      transactionInfo: { transactionId, ...info },
      ...extra,
    });
    seq = 0;
    add("Authorize", { idToken });
    add("StatusNotification", status("Occupied", 5));
    add("TransactionEvent", event("Started", "Authorized", 3, { chargingState: "EVConnected" }, { evse: { id: 1, connectorId: 1 }, idToken, meterValue: [{ timestamp: new Date(t).toISOString(), sampledValue: [energy("Transaction.Begin")] }] }));
    add("TransactionEvent", event("Updated", "ChargingStateChanged", 2, { chargingState: "Charging" }));
    const powerW = 7_000 + rnd() * 15_000;
    let soc = 20 + rnd() * 40;
    for (let m = 0; m < meterValues; m++) {
      energyWh += Math.round((powerW * METER_INTERVAL_S) / 3600);
      soc = Math.min(100, soc + (powerW * METER_INTERVAL_S) / 3600 / 600);
      const amps = Math.round((powerW / 3 / 230) * 10) / 10;
      const current = (/** @type {string} */ phase) => ({ value: amps, context: "Sample.Periodic", measurand: "Current.Import", phase, unitOfMeasure: { unit: "A" } });
      const ts = at(METER_INTERVAL_S);
      add(
        "TransactionEvent",
        event("Updated", "MeterValuePeriodic", 0, {}, {
          meterValue: [
            {
              timestamp: ts,
              sampledValue: [
                energy("Sample.Periodic"),
                { value: Math.round(powerW) / 1000, context: "Sample.Periodic", measurand: "Power.Active.Import", unitOfMeasure: { unit: "kW" } },
                current("L1"),
                current("L2"),
                current("L3"),
                { value: Math.round(soc), context: "Sample.Periodic", measurand: "SoC", location: "EV", unitOfMeasure: { unit: "Percent" } },
              ],
            },
          ],
        }),
      );
      // The main meter, outside any transaction's events: what MeterValues carries in 2.0.1.
      if ((m + 1) % 6 === 0) add("MeterValues", { evseId: 0, meterValue: [{ timestamp: ts, sampledValue: [{ value: energyWh + 1_000_000, context: "Sample.Clock", measurand: "Energy.Active.Import.Register", unitOfMeasure: { unit: "Wh" } }] }] });
      if ((m + 1) % (DEFAULT_HEARTBEAT_INTERVAL_S / METER_INTERVAL_S) === 0) add("Heartbeat", {});
    }
    const local = k % 2 === 0;
    add(
      "TransactionEvent",
      event(
        "Ended",
        local ? "StopAuthorized" : "EVCommunicationLost",
        4,
        { chargingState: "Idle", stoppedReason: local ? "Local" : "EVDisconnected" },
        { ...(local ? { idToken } : {}), meterValue: [{ timestamp: new Date(t).toISOString(), sampledValue: [energy("Transaction.End")] }] },
      ),
    );
    add("StatusNotification", status("Available", 30));
  }
  return { steps, simulatedSeconds: (t - start) / 1000 };
}

/** Date-times that are not RFC 3339 date-times with an offset. */
const BAD_DATE_TIMES = ["2024-05-17T14:32:05", "2024-02-30T10:00:00Z", "2024-05-17T24:00:01Z", "17/05/2024 14:32", "2024-05-17"];
export const MUTATION_KINDS = /** @type {const} */ (["wrong-type", "missing-required", "bad-enum", "bad-date-time", "extra-member", "too-long"]);
/** 2.0.1 adds an emptied array that requires items (`minItems`, which no 1.6 schema has). */
export const MUTATION_KINDS_2X = /** @type {const} */ ([...MUTATION_KINDS, "empty-array"]);
/** @typedef {(typeof MUTATION_KINDS_2X)[number]} MutationKind */

/** @param {string | undefined} type @param {() => number} rnd */
function wrongType(type, rnd) {
  if (type === "integer") return pick(rnd, ["17", 1.5, null]);
  if (type === "number") return "1.5";
  if (type === "string") return pick(rnd, [42, true, null]);
  if (type === "array") return {};
  if (type === "object") return "object";
  return [];
}

/**
 * Every way to break `value` (walked together with its schema), as closures on `value` itself.
 * @param {any} value @param {any} schema
 * @param {{ kind: MutationKind, apply: (rnd: () => number) => void }[]} [out]
 */
function mutationSites(value, schema, out = []) {
  if (schema.type === "object" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    if (schema.additionalProperties === false) out.push({ kind: "extra-member", apply: () => void (value.vendorExtension = true) });
    const required = /** @type {string[]} */ (schema.required ?? []);
    for (const [key, sub] of Object.entries(/** @type {Record<string, any>} */ (schema.properties ?? {}))) {
      if (!(key in value)) continue;
      if (required.includes(key)) out.push({ kind: "missing-required", apply: () => void delete value[key] });
      out.push({ kind: "wrong-type", apply: (rnd) => void (value[key] = wrongType(sub.type, rnd)) });
      if (sub.type !== "string") {
        mutationSites(value[key], sub, out);
        continue;
      }
      if (sub.enum) {
        out.push({
          kind: "bad-enum",
          apply: () => {
            const s = String(value[key]);
            const wrongCase = s.toLowerCase() !== s ? s.toLowerCase() : s.toUpperCase();
            value[key] = sub.enum.includes(wrongCase) ? "NotAValue" : wrongCase;
          },
        });
      }
      if (sub.format === "date-time") out.push({ kind: "bad-date-time", apply: (rnd) => void (value[key] = pick(rnd, BAD_DATE_TIMES)) });
      if (sub.maxLength !== undefined) out.push({ kind: "too-long", apply: () => void (value[key] = "X".repeat(sub.maxLength + 1)) });
    }
  } else if (schema.type === "array" && Array.isArray(value)) {
    if ((schema.minItems ?? 0) > 0 && value.length > 0) out.push({ kind: "empty-array", apply: () => void value.splice(0) });
    for (const item of value) mutationSites(item, schema.items, out);
  }
  return out;
}

/**
 * A copy of `value` broken in one deliberate way: a kind chosen uniformly among those the value
 * allows, then one place of that kind.
 * @param {string} action @param {any} value @param {() => number} rnd @param {LoadProtocol} [protocol]
 * @returns {{ value: any, kind: MutationKind }}
 */
export function breakPayload(action, value, rnd, protocol = "ocpp1.6") {
  const copy = structuredClone(value);
  // $refs resolved: the walk reads each node's own type, enum, format, maxLength.
  const sites = mutationSites(copy, messageSchema(requestOf(action, protocol), protocol));
  const kinds = MUTATION_KINDS_2X.filter((k) => sites.some((s) => s.kind === k));
  const kind = pick(rnd, kinds);
  pick(rnd, sites.filter((s) => s.kind === kind)).apply(rnd);
  return { value: copy, kind };
}

/**
 * @typedef {{ code: string, keyword: string, instancePath: string } | null} Verdict  null = valid
 * @typedef {{ action: string, value: any, usesTx: boolean, broken: MutationKind | null, retry: boolean,
 *   expect: Record<Target, Verdict> }} PlannedCall
 * @typedef {"gateway" | "ocpp-rpc" | "ocpp-rpc-ocpp-validate"} Target
 */
export const TARGETS = /** @type {const} */ (["gateway", "ocpp-rpc", "ocpp-rpc-ocpp-validate"]);

/** @param {string} action @param {any} value @param {LoadProtocol} protocol @returns {Record<Target, Verdict>} */
function verdicts(action, value, protocol) {
  const ref = referenceValidateFrame(JSON.stringify([2, "id", action, value]), { allErrors: false, protocol });
  const first = ref.errors[0];
  /** @type {Verdict} */
  const gateway = ref.callError ? { code: ref.callError.errorCode, keyword: first?.keyword ?? "", instancePath: first?.instancePath ?? "" } : null;
  /** @type {Verdict} */
  let rpc = null;
  try {
    ocppRpcValidatorOf(protocol).validate(`urn:${action}.req`, value);
  } catch (e) {
    const err = /** @type {{ rpcErrorCode: string, details: { errors?: { keyword: string, instancePath: string }[] } }} */ (e);
    const firstRpc = err.details.errors?.[0];
    const code = wireCode(protocol, err.rpcErrorCode);
    rpc = { code, keyword: firstRpc?.keyword ?? "", instancePath: firstRpc?.instancePath ?? "" };
  }
  // ocpp-rpc with ocpp-validate as its strict-mode validator: our verdict and code, renamed on the wire by ocpp-rpc.
  const withOurs = gateway && { ...gateway, code: wireCode(protocol, gateway.code) };
  return { gateway, "ocpp-rpc": rpc, "ocpp-rpc-ocpp-validate": withOurs };
}

/**
 * The calls of one charge point: its session, with about `invalidRatio` of the calls broken (each
 * broken call directly before the valid one it spoils), and what each server must answer.
 * @param {number} cp @param {{ transactions: number, meterValues: number, invalidRatio: number, seed: number, protocol?: LoadProtocol }} o
 */
export function workload(cp, { transactions, meterValues, invalidRatio, seed, protocol = "ocpp1.6" }) {
  const rnd = createPrng((seed * 7919 + cp) >>> 0);
  const { steps, simulatedSeconds } = session(cp, { transactions, meterValues }, rnd, protocol);
  // A broken call adds a call, so steps are broken with p / (1 - p) to make p of all calls broken.
  const perStep = invalidRatio / (1 - invalidRatio);
  /** @type {PlannedCall[]} */
  const calls = [];
  for (const step of steps) {
    const broken = rnd() < perStep;
    if (broken) {
      const b = breakPayload(step.action, step.value, rnd, protocol);
      calls.push({ ...step, value: b.value, broken: b.kind, retry: false, expect: verdicts(step.action, b.value, protocol) });
    }
    calls.push({ ...step, broken: null, retry: broken, expect: verdicts(step.action, step.value, protocol) });
  }
  return { calls, simulatedSeconds };
}

/**
 * How ocpp-rpc's verdict on a call differs from the reference's, and whether a documented rule
 * explains it (README "Differences from ocpp-rpc").
 * @param {PlannedCall} c @param {LoadProtocol} [protocol]
 * @returns {{ key: string, explained: boolean } | null}
 */
export function difference(c, protocol = "ocpp1.6") {
  const ref = c.expect.gateway;
  const rpc = c.expect["ocpp-rpc"];
  if (ref === null && rpc === null) return null;
  if (ref !== null && rpc !== null && ref.code === rpc.code) return null;
  if (ref !== null && rpc === null) {
    const offending = valueAt(c.value, ref.instancePath);
    if (ref.keyword === "format" && typeof offending === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?$/.test(offending)) {
      return { key: "date-time without an offset: the reference rejects it (PropertyConstraintViolation), ocpp-rpc accepts it (ajv-formats 2)", explained: true };
    }
    return { key: `${ref.keyword} at ${ref.instancePath || "(root)"}: the reference rejects it (${ref.code}), ocpp-rpc accepts it`, explained: false };
  }
  if (ref === null && rpc !== null) return { key: `${rpc.keyword}: the reference accepts it, ocpp-rpc rejects it (${rpc.code})`, explained: false };
  const r = /** @type {NonNullable<Verdict>} */ (ref);
  const o = /** @type {NonNullable<Verdict>} */ (rpc);
  if (r.keyword === o.keyword) {
    return { key: `${r.keyword}: ${r.code} (reference) vs ${o.code} (ocpp-rpc)`, explained: ocppRpcCodeOf(r.keyword, protocol) === o.code };
  }
  // Several issues: the reference names the first in (instancePath, keyword) order, ocpp-rpc ajv's first.
  return { key: `first issue ${r.keyword} ${r.code} (reference, sorted) vs ${o.keyword} ${o.code} (ocpp-rpc, ajv order)`, explained: ocppRpcCodeOf(o.keyword, protocol) === o.code };
}

/** @param {any} value @param {string} pointer */
function valueAt(value, pointer) {
  let v = value;
  for (const seg of pointer.split("/").slice(1)) v = v?.[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return v;
}

/**
 * What a valid call must be answered with (the same handlers on both servers); null when right.
 * @param {string} action @param {any} request @param {any} result @param {LoadProtocol} [protocol]
 */
function wrongAnswer(action, request, result, protocol = "ocpp1.6") {
  if (!validators[protocol].isValid(JSON.stringify(result), { message: /** @type {any} */ (`${action}Response`) })) return `not a valid ${action}Response: ${JSON.stringify(result)}`;
  const text = JSON.stringify(result);
  if (protocol !== "ocpp1.6") {
    switch (action) {
      case "BootNotification":
        return result.status === "Accepted" && result.interval === DEFAULT_HEARTBEAT_INTERVAL_S && result.currentTime.endsWith("Z") ? null : text;
      case "Heartbeat":
        return result.currentTime.endsWith("Z") ? null : text;
      case "Authorize":
        return result.idTokenInfo.status === "Accepted" ? null : text;
      case "TransactionEvent":
        return (request.idToken === undefined ? text === "{}" : result.idTokenInfo?.status === "Accepted" && Object.keys(result).length === 1) ? null : text;
      default:
        return text === "{}" ? null : text;
    }
  }
  switch (action) {
    case "BootNotification":
      return result.status === "Accepted" && result.interval === DEFAULT_HEARTBEAT_INTERVAL_S && result.currentTime.endsWith("Z") ? null : text;
    case "Heartbeat":
      return result.currentTime.endsWith("Z") ? null : text;
    case "Authorize":
      return result.idTagInfo.status === "Accepted" ? null : text;
    case "StartTransaction":
      return Number.isInteger(result.transactionId) && result.idTagInfo.status === "Accepted" ? null : text;
    case "StopTransaction":
      return (request.idTag === undefined ? result.idTagInfo === undefined : result.idTagInfo?.status === "Accepted") ? null : text;
    case "DataTransfer":
      if (request.vendorId !== DATA_TRANSFER_VENDOR_ID) return result.status === "UnknownVendorId" ? null : text;
      return result.status === "Accepted" && result.data === request.data ? null : text;
    default:
      return text === "{}" ? null : text;
  }
}

/** @param {Target} target @param {string} backend @param {string | undefined} cpuProfDir @param {LoadProtocol} protocol */
async function startServer(target, backend, cpuProfDir, protocol) {
  const flags = cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfDir] : [];
  const child = spawn(process.execPath, [...flags, join(here, "load-server.mjs"), target, backend, protocol], { stdio: ["pipe", "pipe", "inherit"] });
  /** @type {((line: string) => void)[]} */
  const readers = [];
  let out = "";
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d) => {
    out += d;
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      readers.shift()?.(line);
    }
  });
  const nextLine = () =>
    new Promise((resolve, reject) => {
      readers.push(resolve);
      child.once("exit", (code) => reject(new Error(`load-server ${target} exited with ${code}`)));
    });
  const { port, validator: serverValidator } = JSON.parse(/** @type {string} */ (await nextLine()));
  return {
    /** Starts the server's CPU clock. */
    mark: () => void child.stdin.write("mark\n"),
    /** Server CPU ms since mark(), and its transaction bookkeeping. */
    report: async () => {
      const line = nextLine();
      child.stdin.write("cpu\n");
      return /** @type {{ cpuMs: number, transactions: { started: number, stopped: number, unknownStops: number, open: number } }} */ (JSON.parse(/** @type {string} */ (await line)));
    },
    port: /** @type {number} */ (port),
    validator: /** @type {string} */ (serverValidator),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", resolve);
        child.stdin.end();
      }),
  };
}

/** @param {number[]} sorted @param {number} q */
const percentile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

/**
 * @param {{ target: Target, chargePoints: number, transactions?: number, meterValues?: number,
 *   invalidRatio?: number, seed?: number, backend?: string, cpuProfDir?: string, protocol?: LoadProtocol }} o
 *   cpuProfDir: write a V8 CPU profile of the server process there; protocol: the session mix
 */
export async function runLoadTest({ target, chargePoints, transactions = 3, meterValues = 60, invalidRatio = 0.05, seed = 7, backend = "auto", cpuProfDir, protocol = "ocpp1.6" }) {
  const work = Array.from({ length: chargePoints }, (_, cp) => workload(cp, { transactions, meterValues, invalidRatio, seed, protocol }));
  const planned = work.flatMap((w) => w.calls);
  const server = await startServer(target, backend, cpuProfDir, protocol);
  /** @type {RPCClient[]} */
  const clients = [];
  const inbound = new Array(chargePoints).fill(0);
  let badMessages = 0;
  try {
    for (let start = 0; start < chargePoints; start += 200) {
      const batch = [];
      for (let cp = start; cp < Math.min(chargePoints, start + 200); cp++) {
        const client = new RPCClient(
          /** @type {any} */ ({
            endpoint: `ws://127.0.0.1:${server.port}/ocpp`,
            identity: `CP-${cp}`,
            protocols: [protocol],
            // ocpp-rpc validates outgoing calls only in strict mode: off, so broken payloads go out.
            strictMode: false,
            reconnect: false,
            callConcurrency: 1,
            callTimeoutMs: 120_000,
          }),
        );
        client.on("message", (/** @type {{ outbound: boolean }} */ m) => {
          if (!m.outbound) inbound[cp]++;
        });
        client.on("badMessage", () => badMessages++);
        clients[cp] = client;
        batch.push(client.connect());
      }
      await Promise.all(batch);
    }
    // One untimed Heartbeat per connection first (JIT, connection setup).
    await Promise.allSettled(clients.map((c) => c.call("Heartbeat", {})));

    /** @type {number[]} */
    const latencies = [];
    /** @type {string[]} */
    const mismatches = [];
    /** @type {Set<number>} */
    const transactionIds = new Set();
    /** @type {Set<string>} */
    const stationTransactionIds = new Set();
    let duplicateTransactionIds = 0;
    let lost = 0;
    let sent = 0;
    let callErrors = 0;
    /** @type {Record<string, { calls: number, callErrors: number }>} */
    const perAction = {};
    server.mark();
    const t0 = performance.now();
    await Promise.all(
      clients.map(async (client, cp) => {
        const calls = work[cp]?.calls ?? [];
        let transactionId = TX_PLACEHOLDER;
        let brokenGotResult = false;
        for (const [i, c] of calls.entries()) {
          // A broken call the server accepted (ocpp-rpc takes some) needs no retry.
          if (c.retry && brokenGotResult) continue;
          if (c.usesTx && Number.isInteger(c.value.transactionId)) c.value.transactionId = transactionId;
          const want = c.expect[target];
          const started = performance.now();
          sent++;
          const counts = (perAction[c.action] ??= { calls: 0, callErrors: 0 });
          counts.calls++;
          /** @type {string | null} */
          let wrong = null;
          let gotResult = false;
          try {
            /** @type {any} */
            const result = await client.call(c.action, c.value);
            gotResult = true;
            if (want !== null) wrong = `got a CALLRESULT, expected ${want.code}`;
            else wrong = wrongAnswer(c.action, c.value, result, protocol);
            if (c.action === "StartTransaction" && Number.isInteger(result?.transactionId)) {
              transactionId = result.transactionId;
              if (transactionIds.has(transactionId)) duplicateTransactionIds++;
              transactionIds.add(transactionId);
            }
            // 2.0.1: the station's own id, unique per station; a Started the server took opened it.
            if (c.action === "TransactionEvent" && c.value.eventType === "Started" && typeof c.value.transactionInfo?.transactionId === "string") {
              const key = `CP-${cp}/${c.value.transactionInfo.transactionId}`;
              if (stationTransactionIds.has(key)) duplicateTransactionIds++;
              stationTransactionIds.add(key);
            }
          } catch (e) {
            const code = /** @type {{ rpcErrorCode?: string }} */ (e).rpcErrorCode;
            if (code === undefined) {
              lost++;
              continue;
            }
            callErrors++;
            counts.callErrors++;
            if (want === null) wrong = `got ${code}, expected a CALLRESULT`;
            else if (code !== want.code) wrong = `got ${code}, expected ${want.code} (${want.keyword} at ${want.instancePath || "(root)"})`;
          }
          latencies.push(performance.now() - started);
          if (c.broken) brokenGotResult = gotResult;
          if (wrong) mismatches.push(`CP-${cp} call ${i} ${c.action}${c.broken ? ` (${c.broken})` : ""}: ${wrong}`);
        }
      }),
    );
    const wallMs = performance.now() - t0;
    const { cpuMs: serverCpuMs, transactions: serverTransactions } = await server.report();
    // Messages received minus calls made (the warm-up call included): 0 when every call got exactly one answer.
    const extraAnswers = inbound.reduce((n, count) => n + count, 0) - sent - clients.length;
    latencies.sort((a, b) => a - b);
    /** @type {Record<string, { count: number, explained: boolean }>} */
    const differences = {};
    for (const c of planned) {
      const d = difference(c, protocol);
      if (d) (differences[d.key] ??= { count: 0, explained: d.explained }).count++;
    }
    /** @type {Record<string, number>} */
    const brokenByKind = {};
    /** @type {Record<string, number>} */
    const brokenByAction = {};
    for (const c of planned) {
      if (!c.broken) continue;
      brokenByKind[c.broken] = (brokenByKind[c.broken] ?? 0) + 1;
      brokenByAction[c.action] = (brokenByAction[c.action] ?? 0) + 1;
    }
    const id = "00000000-0000-4000-8000-000000000000";
    const meanFrameBytes = Math.round(planned.reduce((n, c) => n + Buffer.byteLength(JSON.stringify([2, id, c.action, c.value])), 0) / Math.max(1, planned.length));
    return {
      target,
      protocol,
      validator: server.validator,
      /** Mean CALL frame size (bytes, with ocpp-rpc's 36-character uniqueIds). */
      meanFrameBytes,
      chargePoints,
      transactionsPerSession: transactions,
      meterValuesPerTransaction: meterValues,
      simulatedSecondsPerSession: Math.round((work.reduce((s, w) => s + w.simulatedSeconds, 0) / Math.max(1, work.length))),
      calls: sent,
      /** Calls whose expected answer is a CALLERROR (on this target), and CALLERRORs received. */
      invalid: planned.filter((c) => c.expect[target] !== null).length,
      callErrors,
      broken: planned.filter((c) => c.broken).length,
      brokenByKind,
      brokenByAction,
      perAction,
      wallMs,
      callsPerSecond: (sent / wallMs) * 1000,
      serverCpuMs,
      /** Server process CPU per call (µs): the server's own cost, robust to other load on the machine. */
      serverCpuUsPerCall: (serverCpuMs * 1000) / sent,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      lost,
      extraAnswers,
      badMessages,
      mismatches,
      transactionIds: transactionIds.size + stationTransactionIds.size,
      /** Valid calls planned (each must be made; a broken one adds a call unless the server took it). */
      plannedValid: planned.filter((c) => c.broken === null).length,
      duplicateTransactionIds,
      serverTransactions,
      /** How ocpp-rpc's strict mode judges the planned calls differently from the reference. */
      differences,
    };
  } finally {
    await Promise.all(clients.map((c) => c?.close({ force: true }).catch(() => {})));
    await server.stop();
  }
}

/** @param {Awaited<ReturnType<typeof runLoadTest>>} r */
export const problems = (r) => {
  const out = [];
  if (r.lost) out.push(`${r.lost} lost`);
  if (r.extraAnswers) out.push(`${r.extraAnswers} extra answers`);
  if (r.badMessages) out.push(`${r.badMessages} bad messages`);
  if (r.mismatches.length) out.push(`${r.mismatches.length} wrong`);
  if (r.duplicateTransactionIds) out.push(`${r.duplicateTransactionIds} duplicate transaction ids`);
  const t = r.serverTransactions;
  if (t.started !== r.transactionIds || t.stopped !== t.started || t.unknownStops || t.open) out.push(`transactions: ${JSON.stringify(t)}, ${r.transactionIds} ids seen`);
  const undocumented = Object.entries(r.differences).filter(([, d]) => !d.explained);
  if (undocumented.length) out.push(`${undocumented.length} undocumented differences from ocpp-rpc`);
  return out;
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      "charge-points": { type: "string", default: "100" },
      transactions: { type: "string", default: "3" },
      "meter-values": { type: "string", default: "60" },
      "invalid-ratio": { type: "string", default: "0.05" },
      seed: { type: "string", default: "7" },
      backend: { type: "string", default: "auto" },
      targets: { type: "string", default: TARGETS.join(",") },
      quick: { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      "cpu-prof-dir": { type: "string" },
      protocols: { type: "string", default: LOAD_PROTOCOLS.join(",") },
    },
  });
  const chargePoints = values.quick ? 20 : Number(values["charge-points"]);
  const transactions = values.quick ? 1 : Number(values.transactions);
  const meterValues = values.quick ? 10 : Number(values["meter-values"]);
  const invalidRatio = Number(values["invalid-ratio"]);
  const seed = Number(values.seed);
  const cpu = cpus();
  const protocols = /** @type {LoadProtocol[]} */ (String(values.protocols).split(","));
  const unknownProtocols = protocols.filter((p) => !(/** @type {readonly string[]} */ (LOAD_PROTOCOLS)).includes(p));
  if (unknownProtocols.length) {
    console.error(`load-test: no session mix for ${unknownProtocols.join(", ")} (known: ${LOAD_PROTOCOLS.join(", ")})`);
    process.exit(2);
  }
  console.log(
    `load test: ${chargePoints} charge points x 1 session (${transactions} transactions x ${meterValues} MeterValues every ${METER_INTERVAL_S} s simulated), ` +
      `ocpp-rpc RPCClient over loopback, one call in flight per charge point, ~${(invalidRatio * 100).toFixed(0)}% broken payloads\n` +
      `machine: ${cpu[0]?.model ?? "?"} x${cpu.length}, Node ${process.version}`,
  );
  const allResults = [];
  const targets = /** @type {Target[]} */ (String(values.targets).split(","));
  const unknown = targets.filter((t) => !(/** @type {readonly string[]} */ (TARGETS)).includes(t));
  if (unknown.length) {
    console.error(`load-test: unknown target ${unknown.join(", ")} (known: ${TARGETS.join(", ")})`);
    process.exit(2);
  }
  for (const protocol of protocols) {
    console.log(`\n${protocol} session mix:`);
    const results = [];
    for (const target of targets) {
      const r = await runLoadTest({ target, chargePoints, transactions, meterValues, invalidRatio, seed, backend: String(values.backend), cpuProfDir: values["cpu-prof-dir"], protocol });
      results.push(r);
      allResults.push(r);
      const name = target === "gateway" ? `gateway (${r.validator})` : target === "ocpp-rpc" ? "ocpp-rpc RPCServer strict (ajv)" : "ocpp-rpc RPCServer strict (ocpp-validate)";
      const bad = problems(r);
      console.log(
        `${name.padEnd(42)} ${String(r.calls).padStart(7)} calls ${r.callsPerSecond.toFixed(0).padStart(6)} calls/s  ` +
          `p50 ${r.p50.toFixed(2)} ms  p95 ${r.p95.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  server CPU ${r.serverCpuUsPerCall.toFixed(1)} µs/call  ` +
          `${r.callErrors} CALLERRORs, ${r.transactionIds} transactions; ${bad.length ? `FAILED: ${bad.join(", ")}` : "every call answered once, correctly"}`,
      );
      for (const m of r.mismatches.slice(0, 10)) console.log(`  ${m}`);
    }
    const first = results[0];
    if (first) {
      console.log(`simulated time per session: ${(first.simulatedSecondsPerSession / 60).toFixed(0)} min; mean CALL frame ${first.meanFrameBytes} B; broken payloads: ${first.broken} (${Object.entries(first.brokenByKind).map(([k, n]) => `${k} ${n}`).join(", ")})`);
      console.log(`calls per action (broken): ${SESSION_ACTIONS[protocol].map((a) => `${a} ${first.perAction[a]?.calls ?? 0} (${first.brokenByAction[a] ?? 0})`).join(", ")}`);
      const diffs = Object.entries(first.differences).sort((a, b) => b[1].count - a[1].count);
      console.log(diffs.length ? "ocpp-rpc's strict mode vs the reference, over the planned calls:" : "ocpp-rpc's strict mode agrees with the reference on every planned call");
      for (const [key, d] of diffs) console.log(`  ${String(d.count).padStart(5)}  ${key}${d.explained ? "" : "  [UNDOCUMENTED]"}`);
    }
  }
  if (values.json) console.log(JSON.stringify(allResults.map(({ mismatches, ...r }) => ({ ...r, mismatches: mismatches.length }))));
  process.exitCode = allResults.every((r) => problems(r).length === 0) ? 0 : 1;
}
