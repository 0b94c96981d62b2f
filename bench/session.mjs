// The mixed-session batch: what a CSMS receives from a fleet of charge points, in the proportions
// of real sessions. Each charge point boots (BootNotification, one StatusNotification per connector),
// then runs charging sessions: StatusNotification Preparing → StartTransaction → Charging →
// MeterValues once a minute for 10–60 minutes (one meterValue with the station's configured sampled
// values: 1, 4, 6 or 10 measurands, every field filled) → Finishing → StopTransaction (a third carry
// transactionData) → Available, with Heartbeats while idle and now and then while charging.
// About 1 % of the frames are broken (truncated JSON, an unknown property, a wrong type).
// Deterministic: a pure function of (n, seed); payloads come from @ocpp-validate/test-vectors.
import { createPrng, invalidPayloadFor, payloadValueFor } from "@ocpp-validate/test-vectors/payloads";

/** Every message the session contains, in the order the bench reports them. */
export const SESSION_MESSAGES = Object.freeze(["MeterValues", "StatusNotification", "Heartbeat", "StartTransaction", "StopTransaction", "BootNotification"]);

const SAMPLED_VALUES_PER_STATION = [1, 4, 6, 10];
const INVALID_RATE = 0.01;

/**
 * @param {number} [n] frames
 * @param {number} [seed]
 * @returns {{ message: string, text: string }[]}
 */
export function sessionBatch(n = 10_000, seed = 20240517) {
  const rnd = createPrng(seed);
  const out = [];
  let s = seed >>> 0;
  const nextSeed = () => (s = (Math.imul(s, 1_000_003) + 12345) >>> 0);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  /** @param {string} message @param {Record<string, any>} [opts] @param {(v: any) => void} [edit] */
  const push = (message, opts = {}, edit) => {
    if (out.length >= n) return;
    const v = payloadValueFor(message, { seed: nextSeed(), ...opts });
    if (edit) edit(v);
    let text = JSON.stringify(v);
    if (rnd() < INVALID_RATE) {
      const k = Math.floor(rnd() * 3);
      text = k === 0 ? text.slice(0, Math.floor(rnd() * text.length)) : k === 1 ? JSON.stringify({ ...v, extra: true }) : invalidPayloadFor(message);
    }
    out.push({ message, text });
  };
  const status = (connectorId, st, full) =>
    push("StatusNotification", { optional: full }, (v) => {
      v.connectorId = connectorId;
      v.status = st;
      v.errorCode = "NoError";
    });
  while (out.length < n) {
    // one charge point: boot, then sessions until its share of the batch is used up
    const samples = SAMPLED_VALUES_PER_STATION[Math.floor(rnd() * SAMPLED_VALUES_PER_STATION.length)];
    const fullStatus = rnd() < 0.5; // some stations send timestamp/info/vendor fields, others only the required ones
    const quota = out.length + int(200, 600);
    push("BootNotification");
    status(1, "Available", fullStatus);
    status(2, "Available", fullStatus);
    while (out.length < Math.min(n, quota)) {
      for (let h = int(0, 6); h > 0; h--) push("Heartbeat");
      const connectorId = int(1, 2);
      status(connectorId, "Preparing", fullStatus);
      push("StartTransaction", {}, (v) => (v.connectorId = connectorId));
      status(connectorId, "Charging", fullStatus);
      for (let m = int(10, 60); m > 0; m--) {
        push("MeterValues", { arrayLengths: [1, samples] }, (v) => (v.connectorId = connectorId));
        if (rnd() < 0.08) push("Heartbeat");
      }
      status(connectorId, "Finishing", fullStatus);
      push("StopTransaction", rnd() < 1 / 3 ? { arrayLengths: [2, samples] } : { size: "small" });
      status(connectorId, "Available", fullStatus);
    }
  }
  return out;
}
