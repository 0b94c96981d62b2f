/**
 * The protocol, or a TypeError naming it and listing the three.
 * @param {unknown} protocol
 * @returns {Protocol}
 */
export function checkProtocol(protocol: unknown): Protocol;
/**
 * The schema name, or a TypeError naming it and the protocol's known names.
 * @param {Protocol} protocol
 * @param {unknown} message
 * @returns {string}
 */
export function checkMessageOf(protocol: Protocol, message: unknown): string;
/**
 * The message a CALL (or 2.1 SEND) of `action` carries: 1.6 the action itself; 2.x `<Action>Request`,
 * or the suffix-less stem (2.1's NotifyPeriodicEventStream). Null when the protocol has no such action.
 * @param {Protocol} protocol @param {string} action @returns {string | null}
 */
export function requestMessageOf(protocol: Protocol, action: string): string | null;
/** `<Action>Response`, or null (unknown action, or a SEND-only message without a response). @param {Protocol} protocol @param {string} action */
export function responseMessageOf(protocol: Protocol, action: string): string;
/** The actions a Charge Point / Charging Station initiates (directions.json), sorted. @param {Protocol} [protocol] */
export function stationActionsOf(protocol?: Protocol): readonly string[];
/** The actions only a Central System / CSMS initiates, sorted. @param {Protocol} [protocol] */
export function csmsActionsOf(protocol?: Protocol): readonly string[];
/** @typedef {"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1"} Protocol */
/** In protocol-index order (0, 1, 2). @type {readonly Protocol[]} */
export const PROTOCOLS: readonly Protocol[];
/** @type {Protocol} */
export const DEFAULT_PROTOCOL: Protocol;
export function protocolVersion(protocol: Protocol): string;
export function protocolIndex(protocol: Protocol): number;
export function messageNamesOf(protocol?: Protocol): readonly string[];
/** All 365 names, 1.6's then 2.0.1's then 2.1's: position = global message index. @type {readonly string[]} */
export const GLOBAL_MESSAGE_NAMES: readonly string[];
export function globalOffsetOf(protocol: Protocol): number;
export function globalMessageIndex(protocol: Protocol, message: string): number;
export function defaultMessageOf(protocol?: Protocol): "StopTransaction" | "TransactionEventRequest";
export function actionsOf(protocol?: Protocol): readonly string[];
export type Protocol = "ocpp1.6" | "ocpp2.0.1" | "ocpp2.1";
