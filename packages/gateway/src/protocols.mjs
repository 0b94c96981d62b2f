// @ts-check
/**
 * The OCPP-J subprotocols the gateway speaks and what it needs to know about each: which actions
 * exist, which ones the station initiates (the CALLs the gateway answers) and which the CSMS sends
 * (what `gateway.call` may send), the request and response message of an action, and how the
 * subprotocol is negotiated.
 *
 * Everything comes from ocpp-validate's own per-protocol name lists (generated from the schema
 * files and schemas/directions.json), so the gateway cannot disagree with the validator about
 * which action belongs to whom.
 */
import * as ocpp from "ocpp-validate";

/** @typedef {"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1"} Protocol */

/**
 * Every subprotocol the gateway can speak, newest first. This is also the default supported list;
 * its order does not matter for negotiation, where the client's order decides.
 * @type {readonly Protocol[]}
 */
export const PROTOCOLS = Object.freeze(/** @type {Protocol[]} */ (["ocpp2.1", "ocpp2.0.1", "ocpp1.6"]));

/**
 * @typedef {object} ProtocolTables
 * @property {Protocol} protocol
 * @property {"1.6" | "2.0.1" | "2.1"} version  as the OCPP documents print it
 * @property {readonly string[]} actions  every action, sorted
 * @property {ReadonlySet<string>} actionSet
 * @property {readonly string[]} stationActions  what a Charge Point / Charging Station initiates
 * @property {ReadonlySet<string>} stationSet
 * @property {readonly string[]} csmsActions  what `gateway.call` may send: every action the station
 *   does not initiate, plus DataTransfer (both ways)
 * @property {ReadonlySet<string>} csmsSet
 * @property {(action: string) => string} requestName  the message a CALL of the action carries
 * @property {(action: string) => string | null} responseName  `<Action>Response`; null for a SEND-only action
 * @property {string} stationName  "Charge Point" (1.6) or "Charging Station" (2.x), for messages
 */

/**
 * Each protocol's names, from ocpp-validate's per-protocol modules (`ocpp-validate/ocpp2.0.1`: its
 * MESSAGE_NAMES, ACTIONS and STATION_ACTIONS). A protocol the installed ocpp-validate lacks is
 * left out, and the gateway then speaks the others.
 * @param {Protocol} protocol
 * @returns {Promise<{ MESSAGE_NAMES: readonly string[], ACTIONS: readonly string[], STATION_ACTIONS?: readonly string[], CHARGE_POINT_ACTIONS?: readonly string[] } | null>}
 */
async function loadNames(protocol) {
  try {
    return await import(/* @vite-ignore */ `ocpp-validate/${protocol}`);
  } catch {
    return protocol === "ocpp1.6" ? /** @type {any} */ (ocpp) : null;
  }
}

/** @param {Protocol} protocol @returns {Promise<ProtocolTables | null>} */
async function build(protocol) {
  const m = await loadNames(protocol);
  const station = m?.STATION_ACTIONS ?? m?.CHARGE_POINT_ACTIONS;
  if (!m?.ACTIONS || !m.MESSAGE_NAMES || !station) return null;
  const names = new Set(m.MESSAGE_NAMES);
  const actions = Object.freeze([...m.ACTIONS]);
  const stationSet = new Set(station);
  const csmsActions = Object.freeze(actions.filter((a) => a === "DataTransfer" || !stationSet.has(a)));
  // 2.x: `<Action>Request`; 1.6, and 2.1's SEND-only NotifyPeriodicEventStream: the action itself.
  const requestName = (/** @type {string} */ a) => (names.has(`${a}Request`) ? `${a}Request` : a);
  // null: an action without a response (it only comes as a SEND).
  const responseName = (/** @type {string} */ a) => (names.has(`${a}Response`) ? `${a}Response` : null);
  return Object.freeze({
    protocol,
    version: /** @type {ProtocolTables["version"]} */ (protocol.slice("ocpp".length)),
    actions,
    actionSet: new Set(actions),
    stationActions: Object.freeze([...station]),
    stationSet,
    csmsActions,
    csmsSet: new Set(csmsActions),
    requestName,
    responseName,
    stationName: protocol === "ocpp1.6" ? "Charge Point" : "Charging Station",
  });
}

/** @type {Partial<Record<Protocol, ProtocolTables>>} */
const TABLES = {};
for (const p of PROTOCOLS) {
  const t = await build(p);
  if (t) TABLES[p] = t;
}
/** The protocols this build of ocpp-validate can validate (the default supported list). */
export const AVAILABLE_PROTOCOLS = Object.freeze(PROTOCOLS.filter((p) => TABLES[p] !== undefined));

/** @param {Protocol} protocol @returns {ProtocolTables} */
export function tablesOf(protocol) {
  const t = TABLES[protocol];
  if (!t) throw new TypeError(`no protocol tables for ${protocol}`);
  return t;
}

/** Every action name of every protocol (policy names are checked against this). */
export const ALL_ACTIONS = Object.freeze([...new Set(AVAILABLE_PROTOCOLS.flatMap((p) => tablesOf(p).actions))].sort());

/** A list of supported protocols that names one the gateway cannot speak: a startup error. */
export class SubprotocolError extends TypeError {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "SubprotocolError";
  }
}

/**
 * The supported list, checked: every name known, each once, in the order given.
 * @param {unknown} list  an array of names, or the CLI's comma-separated text
 * @returns {Protocol[]}
 */
export function checkProtocols(list) {
  const names = typeof list === "string" ? list.split(",").map((s) => s.trim()).filter((s) => s !== "") : list;
  if (!Array.isArray(names) || names.length === 0) throw new SubprotocolError(`protocols must name at least one of ${AVAILABLE_PROTOCOLS.join(", ")}`);
  /** @type {Protocol[]} */
  const out = [];
  for (const n of names) {
    if (typeof n !== "string" || !(/** @type {readonly string[]} */ (AVAILABLE_PROTOCOLS)).includes(n)) {
      throw new SubprotocolError(`unknown protocol ${JSON.stringify(n)}; the gateway speaks ${AVAILABLE_PROTOCOLS.join(", ")}`);
    }
    if (!out.includes(/** @type {Protocol} */ (n))) out.push(/** @type {Protocol} */ (n));
  }
  return out;
}

/**
 * The `Sec-WebSocket-Protocol` request header as a list, in the client's order (RFC 6455 §4.1:
 * comma-separated tokens; repeated headers arrive joined by commas).
 * @param {string | string[] | undefined} header
 */
export const offeredProtocols = (header) =>
  (Array.isArray(header) ? header.join(",") : String(header ?? ""))
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");

/**
 * The first protocol in the client's order that the server supports, or null. OCPP-J lists the
 * offer in the client's order of preference and leaves the choice to the server; taking the
 * client's first common one means a station that prefers 2.0.1 gets 2.0.1.
 * @param {Iterable<string>} offered  in the client's order
 * @param {readonly Protocol[]} supported
 * @returns {Protocol | null}
 */
export function negotiate(offered, supported) {
  for (const p of offered) if ((/** @type {readonly string[]} */ (supported)).includes(p)) return /** @type {Protocol} */ (p);
  return null;
}
