// @ts-check
/**
 * The three protocols and their message lists, as the shared contract of issue 15 fixes them:
 * message names are schema file stems sorted in code-unit order; the global message index is the
 * position in the concatenation of the three lists (1.6, 2.0.1, 2.1). Browser-safe (data from
 * schemas.mjs, no node: imports), so payloads.mjs and arbitraries.mjs can use it too.
 */
import { PROTOCOL_SCHEMAS, DIRECTIONS } from "./schemas.mjs";

/** @typedef {"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1"} Protocol */

/** In protocol-index order (0, 1, 2). @type {readonly Protocol[]} */
export const PROTOCOLS = Object.freeze(/** @type {Protocol[]} */ (["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]));
/** @type {Protocol} */
export const DEFAULT_PROTOCOL = "ocpp1.6";

/**
 * The protocol, or a TypeError naming it and listing the three.
 * @param {unknown} protocol
 * @returns {Protocol}
 */
export function checkProtocol(protocol) {
  if (typeof protocol === "string" && /** @type {readonly string[]} */ (PROTOCOLS).includes(protocol)) return /** @type {Protocol} */ (protocol);
  const shown = typeof protocol === "string" ? JSON.stringify(protocol) : String(protocol);
  throw new TypeError(`unknown OCPP protocol ${shown}; known protocols: ${PROTOCOLS.join(", ")}`);
}

/** `1.6`, `2.0.1`, `2.1` (as the error descriptions print it). @param {Protocol} protocol */
export const protocolVersion = (protocol) => checkProtocol(protocol).slice("ocpp".length);

/** The protocol's index (0, 1, 2). @param {Protocol} protocol */
export const protocolIndex = (protocol) => PROTOCOLS.indexOf(checkProtocol(protocol));

/** @type {Record<Protocol, readonly string[]>} */
const NAMES = /** @type {any} */ ({});
for (const p of PROTOCOLS) NAMES[p] = Object.freeze(Object.keys(PROTOCOL_SCHEMAS[p]).sort());

/** Every message name of the protocol (schema file stems), sorted. @param {Protocol} [protocol] */
export const messageNamesOf = (protocol = DEFAULT_PROTOCOL) => NAMES[checkProtocol(protocol)];

/** All 365 names, 1.6's then 2.0.1's then 2.1's: position = global message index. @type {readonly string[]} */
export const GLOBAL_MESSAGE_NAMES = Object.freeze(PROTOCOLS.flatMap((p) => NAMES[p]));

/** @type {Record<Protocol, number>} */
const OFFSET = /** @type {any} */ ({});
{
  let n = 0;
  for (const p of PROTOCOLS) (OFFSET[p] = n), (n += NAMES[p].length);
}

/** Index of the protocol's first message in GLOBAL_MESSAGE_NAMES. @param {Protocol} protocol */
export const globalOffsetOf = (protocol) => OFFSET[checkProtocol(protocol)];

/**
 * The schema name, or a TypeError naming it and the protocol's known names.
 * @param {Protocol} protocol
 * @param {unknown} message
 * @returns {string}
 */
export function checkMessageOf(protocol, message) {
  const names = messageNamesOf(protocol);
  if (typeof message === "string" && Object.hasOwn(PROTOCOL_SCHEMAS[protocol], message)) return message;
  const shown = typeof message === "string" ? JSON.stringify(message) : String(message);
  throw new TypeError(`unknown OCPP ${protocolVersion(protocol)} message ${shown}; known messages: ${names.join(", ")}`);
}

/** Global message index of a protocol's message. @param {Protocol} protocol @param {string} message */
export const globalMessageIndex = (protocol, message) => OFFSET[checkProtocol(protocol)] + NAMES[protocol].indexOf(checkMessageOf(protocol, message));

/** The message validated when the caller names none. @param {Protocol} [protocol] */
export const defaultMessageOf = (protocol = DEFAULT_PROTOCOL) => (checkProtocol(protocol) === "ocpp1.6" ? "StopTransaction" : "TransactionEventRequest");

/**
 * The message a CALL (or 2.1 SEND) of `action` carries: 1.6 the action itself; 2.x `<Action>Request`,
 * or the suffix-less stem (2.1's NotifyPeriodicEventStream). Null when the protocol has no such action.
 * @param {Protocol} protocol @param {string} action @returns {string | null}
 */
export function requestMessageOf(protocol, action) {
  const schemas = PROTOCOL_SCHEMAS[checkProtocol(protocol)];
  if (typeof action !== "string" || action.endsWith("Response")) return null;
  if (protocol === "ocpp1.6") return Object.hasOwn(schemas, action) ? action : null;
  if (action.endsWith("Request")) return null;
  if (Object.hasOwn(schemas, `${action}Request`)) return `${action}Request`;
  return Object.hasOwn(schemas, action) ? action : null;
}

/** `<Action>Response`, or null (unknown action, or a SEND-only message without a response). @param {Protocol} protocol @param {string} action */
export function responseMessageOf(protocol, action) {
  if (requestMessageOf(protocol, action) === null) return null;
  return Object.hasOwn(PROTOCOL_SCHEMAS[protocol], `${action}Response`) ? `${action}Response` : null;
}

/** @type {Record<Protocol, readonly string[]>} */
const ACTIONS = /** @type {any} */ ({});
for (const p of PROTOCOLS) {
  ACTIONS[p] = Object.freeze(
    NAMES[p]
      .filter((m) => !m.endsWith("Response"))
      .map((m) => (p !== "ocpp1.6" && m.endsWith("Request") ? m.slice(0, -"Request".length) : m))
      .sort(),
  );
}

/** Every action of the protocol, sorted. @param {Protocol} [protocol] */
export const actionsOf = (protocol = DEFAULT_PROTOCOL) => ACTIONS[checkProtocol(protocol)];

/** The actions a Charge Point / Charging Station initiates (directions.json), sorted. @param {Protocol} [protocol] */
export function stationActionsOf(protocol = DEFAULT_PROTOCOL) {
  const d = /** @type {any} */ (DIRECTIONS)[checkProtocol(protocol)];
  return /** @type {readonly string[]} */ (protocol === "ocpp1.6" ? d.chargePoint : d.chargingStation);
}

/** The actions only a Central System / CSMS initiates, sorted. @param {Protocol} [protocol] */
export function csmsActionsOf(protocol = DEFAULT_PROTOCOL) {
  const station = new Set(stationActionsOf(protocol));
  return Object.freeze(actionsOf(protocol).filter((a) => !station.has(a)));
}
