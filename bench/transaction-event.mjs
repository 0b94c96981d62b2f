// OCPP 2.0.1 TransactionEventRequest payloads for the bench, shaped like what a CSMS receives from a
// three-phase AC station. Hand-built rather than taken from the schema-driven generator in
// packages/test-vectors: that one fills fields with arbitrary schema-valid values, while the point
// here is the mix a real transaction produces (which fields are present, how many sampled values a
// meter reading has, plausible numbers whose text length matches a station's output).
// Deterministic: a pure function of the arguments (seeded PRNG from @ocpp-validate/test-vectors).
import { createPrng } from "@ocpp-validate/test-vectors/payloads";

export const TE_PROTOCOL = "ocpp2.0.1";
export const TE_MESSAGE = "TransactionEventRequest";

const T0 = Date.parse("2024-05-17T09:12:03.512Z");
const iso = (ms) => new Date(ms).toISOString();
const TRANSACTION_ID = "0d6f2a6e-3b9c-4f1e-9a47-5c2b7e8d1f30"; // a UUID, as most stations use
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;

/** eventType "Started": the station's first event of a transaction (authorized, cable plugged in). */
export function startedValue() {
  return {
    eventType: "Started",
    timestamp: iso(T0),
    triggerReason: "Authorized",
    seqNo: 0,
    transactionInfo: { transactionId: TRANSACTION_ID, chargingState: "EVConnected" },
    idToken: { idToken: "04A2B5C2D61280", type: "ISO14443" },
    evse: { id: 1, connectorId: 1 },
    meterValue: [{
      timestamp: iso(T0),
      sampledValue: [{ value: 152340, context: "Transaction.Begin", measurand: "Energy.Active.Import.Register", location: "Outlet", unitOfMeasure: { unit: "Wh" } }],
    }],
  };
}

/**
 * One periodic reading of a three-phase meter: what a station configured with the usual
 * SampledDataCtrlr.TxUpdatedMeasurands sends (15 sampled values).
 */
function reading(ms, energyWh, rnd) {
  const amps = [0, 1, 2].map(() => round(15.5 + rnd() * 0.8, 2));
  const volts = [0, 1, 2].map(() => round(229 + rnd() * 3, 1));
  const watts = amps.map((a, i) => round(a * volts[i], 0));
  const sv = (value, measurand, unit, extra = {}) => ({ value, context: "Sample.Periodic", measurand, ...extra, location: "Outlet", unitOfMeasure: { unit } });
  return {
    timestamp: iso(ms),
    sampledValue: [
      sv(energyWh, "Energy.Active.Import.Register", "Wh"),
      sv(watts[0] + watts[1] + watts[2], "Power.Active.Import", "W"),
      ...watts.map((w, i) => sv(w, "Power.Active.Import", "W", { phase: `L${i + 1}` })),
      ...amps.map((a, i) => sv(a, "Current.Import", "A", { phase: `L${i + 1}` })),
      ...volts.map((v, i) => sv(v, "Voltage", "V", { phase: `L${i + 1}-N` })),
      sv(16, "Current.Offered", "A"),
      sv(11040, "Power.Offered", "W"),
      sv(round(49.95 + rnd() * 0.1, 2), "Frequency", "Hz"),
      { value: Math.min(100, 23 + Math.floor((ms - T0) / 120_000)), context: "Sample.Periodic", measurand: "SoC", location: "EV", unitOfMeasure: { unit: "Percent" } },
    ],
  };
}

/**
 * eventType "Updated" carrying `readings` periodic meter readings (one a minute): a station that was
 * offline sends its queued readings in one event (`offline: true`), or one configured to sample every
 * minute and report every N. The default (20 readings × 15 sampled values) is ~40 KB.
 */
export function updatedValue({ readings = 20, seed = 20240517 } = {}) {
  const rnd = createPrng(seed);
  let energy = 152340;
  const meterValue = [];
  for (let i = 0; i < readings; i++) {
    const ms = T0 + (i + 1) * 60_000;
    energy += Math.round(180 + rnd() * 10); // ~11 kW for a minute
    meterValue.push(reading(ms, energy, rnd));
  }
  return {
    eventType: "Updated",
    timestamp: iso(T0 + readings * 60_000 + 412),
    triggerReason: "MeterValuePeriodic",
    seqNo: 7,
    offline: true,
    numberOfPhasesUsed: 3,
    transactionInfo: { transactionId: TRANSACTION_ID, chargingState: "Charging", timeSpentCharging: readings * 60 },
    evse: { id: 1, connectorId: 1 },
    meterValue,
  };
}

export const startedPayload = () => JSON.stringify(startedValue());
export const updatedPayload = (opts) => JSON.stringify(updatedValue(opts));

/**
 * The Started event with a 1.6 habit in it: idToken type "RFID" (2.0.1 says "ISO14443"). An enum
 * violation in the middle of the payload, so a fail-fast validator still reads half of it.
 */
export function invalidPayload() {
  const v = startedValue();
  v.idToken.type = "RFID";
  return JSON.stringify(v);
}
