// @ts-check
/**
 * An example OCPP-J Central System / CSMS endpoint: a `ws` server on /ocpp/<chargePointId> that
 * negotiates the subprotocol (ocpp2.1, ocpp2.0.1, ocpp1.6: the first the client offers that the
 * server supports), validates every incoming message with the validator of that protocol's
 * validateFrame (on the raw Buffer, never a string) and
 * - answers every CALL of the station-initiated actions with a CALLRESULT built by a typed handler
 *   (see HANDLERS_16 and handlers2x below; every answer passes its `<Action>Response` schema, which
 *   the tests check), or with the CALLERROR the validator built (payload failures, broken frames,
 *   NotSupported for CSMS actions, NotImplemented for unknown ones); a 2.1 SEND is never answered;
 * - hands out 1.6 transaction ids (one counter per gateway, strictly increasing) and remembers every
 *   open transaction per charge point until its StopTransaction (1.6) or TransactionEvent Ended (2.x);
 * - sends CSMS-initiated calls (`gateway.call(chargePointId, "Reset", { type: "Soft" })`): the
 *   request is validated before it is sent, the charger's CALLRESULT against `<Action>Response`;
 * - applies a validation policy per action (policy.mjs: tolerances, and `onInvalid: "accept"` to
 *   answer an invalid CALL as if it were valid), logs every frame that was tolerated, accepted,
 *   rejected or carried warnings as one JSON line, and counts them per charge point for
 *   `GET /metrics` (Prometheus text 0.0.4) on the same port (observe.mjs).
 *
 * Hostile input it is built to survive (see test/gateway.test.mjs):
 * - frames above `maxPayload` (default 2 MiB): ws closes that connection with 1009 before
 *   buffering more than the limit;
 * - deep nesting and huge strings: the validator is iterative and O(n);
 * - invalid UTF-8: ws's own check is switched off (`skipUTF8Validation`) because the validator
 *   checks UTF-8 in the same pass and the charge point gets a FormationViolation CALLERROR instead
 *   of losing its connection (RFC 6455 would close with 1007; `strictUtf8: true` restores that);
 *   binary frames are validated exactly like text frames;
 * - half-closed sockets and peers that stop reading: answers are dropped once a connection has
 *   `maxBufferedBytes` unsent, that connection is terminated, and a ping/pong sweep removes dead
 *   peers;
 * - thousands of connections: per-connection state is a few fields; nothing is per-message global.
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import { ACTIONS, CHARGE_POINT_ACTIONS, buildCallError, createValidator } from "ocpp-validate";
import { WebSocketServer } from "ws";
import { CONTENT_TYPE } from "./metrics.mjs";
import { createObserver } from "./observe.mjs";
import { Policy } from "./policy.mjs";
import { AVAILABLE_PROTOCOLS, checkProtocols, negotiate, offeredProtocols, tablesOf } from "./protocols.mjs";

export { Policy, PolicyError, parsePolicyArgs, ON_INVALID } from "./policy.mjs";
export { OUTCOMES } from "./observe.mjs";
export { AVAILABLE_PROTOCOLS, PROTOCOLS, SubprotocolError, checkProtocols, negotiate, tablesOf } from "./protocols.mjs";

/**
 * @typedef {import("ocpp-validate").MessageTypes} MessageTypes
 * @typedef {import("ocpp-validate").ChargePointAction} ChargePointAction
 * @typedef {import("ocpp-validate").Action} Action
 * @typedef {import("ocpp-validate").IdTagInfo} IdTagInfo
 * @typedef {import("ocpp-validate").ValidationIssue} ValidationIssue
 * @typedef {import("ocpp-validate").BootNotification} BootNotification
 * @typedef {import("ocpp-validate").BootNotificationResponse} BootNotificationResponse
 * @typedef {import("ocpp-validate").StartTransactionResponse} StartTransactionResponse
 * @typedef {import("ocpp-validate").StopTransactionResponse} StopTransactionResponse
 * @typedef {import("ocpp-validate").DataTransferResponse} DataTransferResponse
 * @typedef {import("ocpp-validate").Tolerance} Tolerance
 * @typedef {import("./policy.mjs").OnInvalid} OnInvalid
 * @typedef {import("./policy.mjs").ActionPolicyOptions} ActionPolicyOptions
 * @typedef {import("./observe.mjs").FrameRecord} FrameRecord
 * @typedef {import("./observe.mjs").Outcome} Outcome
 */
/**
 * The actions a Central System sends: the 18 that only it sends, and DataTransfer (both ways).
 * @typedef {Exclude<Action, Exclude<ChargePointAction, "DataTransfer">>} CentralSystemAction
 */

/**
 * @typedef {import("./protocols.mjs").Protocol} Protocol
 * @typedef {import("./protocols.mjs").ProtocolTables} ProtocolTables
 */
export const DEFAULT_MAX_PAYLOAD = 2 * 1024 * 1024;
/** How long `gateway.call` waits for the charger's answer (ms) unless told otherwise. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
/** The heartbeat interval (s) a BootNotification is answered with unless told otherwise. */
export const DEFAULT_HEARTBEAT_INTERVAL_S = 300;
/** DataTransfer with this vendorId is Accepted (its data echoed); any other gets UnknownVendorId. */
export const DATA_TRANSFER_VENDOR_ID = "ocpp-validate";
/** @type {readonly CentralSystemAction[]} */
export const CENTRAL_SYSTEM_ACTIONS = /** @type {CentralSystemAction[]} */ (
  ACTIONS.filter((a) => a === "DataTransfer" || !(/** @type {readonly string[]} */ (CHARGE_POINT_ACTIONS)).includes(a))
);
/** Where `GET` answers the Prometheus exposition unless told otherwise. */
export const DEFAULT_METRICS_PATH = "/metrics";
/** OCPP 1.6 identifies a charge point by a CiString of at most 48 characters (2.x's identity too). */
const MAX_CHARGE_POINT_ID = 48;
const PATH = /^\/ocpp\/([^/?#]+)\/?(?:\?.*)?$/;
/**
 * 2.x station actions never answered with a bare "Accepted" (see trivialAnswers): there it would
 * promise work this gateway never does (a certificate, an OCSP answer, a charging profile for the
 * EV's needs, a schedule update), so they get NotSupported.
 */
const NEVER_TRIVIAL = new Set(["SignCertificate", "GetCertificateStatus", "GetCertificateChainStatus", "Get15118EVCertificate", "NotifyEVChargingNeeds", "PullDynamicScheduleUpdate"]);
/** Largest delay setTimeout accepts (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Why `gateway.call` rejected.
 * - `invalid-request`: not sent; the action is not one a Central System sends, or the payload fails
 *   the action's request schema (`issues`), or it is not JSON-serialisable;
 * - `not-connected`: not sent; no open connection for that charge point;
 * - `invalid-response`: the CALLRESULT's payload fails `<Action>Response` (`issues`);
 * - `callerror`: the charger answered with a CALLERROR (`errorCode`, `errorDescription`, `errorDetails`);
 * - `timeout`: no answer within `timeoutMs` (a late answer is then ignored and logged);
 * - `closed`: the connection closed (or the gateway stopped) before the answer came.
 * @typedef {"invalid-request" | "not-connected" | "invalid-response" | "callerror" | "timeout" | "closed"} CallFailureKind
 */
export class CallFailure extends Error {
  /**
   * @param {CallFailureKind} kind
   * @param {string} message
   * @param {{ chargePointId: string, action: string, uniqueId?: string | null, issues?: ValidationIssue[],
   *   errorCode?: string, errorDescription?: string, errorDetails?: unknown }} details
   */
  constructor(kind, message, details) {
    super(message);
    this.name = "CallFailure";
    this.kind = kind;
    this.chargePointId = details.chargePointId;
    this.action = details.action;
    /** The uniqueId of the CALL that was sent; null when nothing was sent. */
    this.uniqueId = details.uniqueId ?? null;
    /** Schema issues (invalid-request, invalid-response). */
    this.issues = details.issues ?? [];
    /** From the charger's CALLERROR. */
    this.errorCode = details.errorCode ?? null;
    this.errorDescription = details.errorDescription ?? null;
    this.errorDetails = details.errorDetails ?? null;
  }
}

/**
 * @param {{ valid: boolean, tolerated: readonly unknown[], warnings: readonly unknown[] }} frame
 * @param {boolean} accepted  invalid, and answered as if valid (onInvalid "accept")
 * @returns {Outcome}
 */
const outcomeOf = (frame, accepted) =>
  !frame.valid ? (accepted ? "accepted-invalid" : "rejected") : frame.tolerated.length ? "tolerated" : frame.warnings.length ? "valid-with-warnings" : "valid";

/** Code-unit order. @param {string} a @param {string} b */
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** `/transactionId type; (root) required` — issues as the CALLERROR descriptions list them. */
const describeIssues = (/** @type {readonly ValidationIssue[]} */ issues) =>
  issues.map((i) => `${i.instancePath || "(root)"} ${i.keyword}`).join("; ");

/**
 * @typedef {object} Transaction
 * @property {number} transactionId
 * @property {string} chargePointId
 * @property {number} connectorId
 * @property {string} idTag
 * @property {number} meterStart
 * @property {string} timestamp   as the charger sent it
 * @property {number} [reservationId]
 */
/**
 * An OCPP 2.x transaction, as its TransactionEvents tell it. The station makes up the id (unique
 * per station only), so it is kept per charge point, never in the gateway-wide `transactions`.
 * @typedef {object} StationTransaction
 * @property {string} transactionId
 * @property {string} chargePointId
 * @property {Protocol} protocol
 * @property {number | null} evseId
 * @property {number | null} connectorId
 * @property {string | null} idToken   the last idToken a TransactionEvent carried
 * @property {string} timestamp   of the first event the gateway saw, as the station sent it
 * @property {number} seqNo   of the last event
 * @property {string | null} chargingState   the last one reported
 * @property {number} meterValues   meterValue entries received with its events
 */
/**
 * What the gateway remembers about a charge point: kept while it is connected or has open
 * transactions.
 * @typedef {object} ChargePointState
 * @property {string} id
 * @property {Peer | null} connection  the most recent open connection (CSMS calls go there)
 * @property {Peer[]} connections  every open connection with this id, oldest first
 * @property {BootNotification | null} boot  its last BootNotification
 * @property {Map<number | string, Transaction | StationTransaction>} transactions  its open
 *   transactions by id: numbers the gateway handed out (1.6), strings the station chose (2.x)
 */
/**
 * @typedef {object} Pending
 * @property {string} action
 * @property {(payload: any) => void} resolve
 * @property {(error: CallFailure) => void} reject
 * @property {ReturnType<typeof setTimeout> | null} timer
 */
/**
 * @typedef {object} Peer
 * @property {import("ws").WebSocket} ws
 * @property {string} chargePointId
 * @property {string} label  its charge_point label in the metrics
 * @property {Map<string, import("./metrics.mjs").Cell>} validCells  its frames_total{outcome="valid"} counters by action
 * @property {boolean} alive
 * @property {boolean} closed
 * @property {Map<string, Pending>} pending  CSMS calls sent and not yet answered, by uniqueId
 * @property {Promise<unknown>} queue  CSMS calls go out one at a time (OCPP-J 1.6 §4.1.1, 2.0.1 §4.1.1)
 * @property {Protocol} protocol  the negotiated subprotocol
 * @property {ProtocolTables} tables  its actions
 * @property {import("ocpp-validate").Validator<any>} validator  the one validator of that protocol
 * @property {ReadonlyMap<string, (payload: any, cp: ChargePointState) => object>} handlers  its station actions' handlers
 */

/**
 * @typedef {object} GatewayOptions
 * @property {number} [port]             0 = any free port (default 9000)
 * @property {string} [host]             default 127.0.0.1
 * @property {"auto" | "native" | "wasm" | "js"} [backend]
 * @property {number} [maxPayload]       largest accepted message in bytes (default 2 MiB)
 * @property {boolean} [allErrors]       CALLERRORs list every payload issue (default: the first)
 * @property {boolean} [strictUtf8]      let ws close connections that send invalid UTF-8 text (1007)
 * @property {number} [maxBufferedBytes] unsent bytes after which a peer that does not read is dropped
 * @property {number} [heartbeatMs]      ping interval; peers that miss a pong are terminated (0 = off)
 * @property {number} [heartbeatInterval] seconds, sent in the BootNotification answer (default 300)
 * @property {number} [callTimeoutMs]    default timeout of `gateway.call` (default 30 000)
 * @property {number} [firstTransactionId] the first transaction id handed out (default 1)
 * @property {(idTag: string, chargePointId: string) => IdTagInfo} [authorize]
 *   the idTagInfo for Authorize, StartTransaction and StopTransaction (default: Accepted); in 2.x,
 *   also the idTokenInfo for Authorize and TransactionEvent unless `authorizeIdToken` is given
 *   (its status, and expiryDate as cacheExpiryDateTime)
 * @property {(idToken: { idToken: string, type: string }, chargePointId: string) => object} [authorizeIdToken]
 *   the 2.x idTokenInfo (IdTokenInfoType) for Authorize and TransactionEvent
 * @property {readonly Protocol[] | string} [protocols]  the subprotocols the gateway accepts
 *   (default every one: ocpp2.1, ocpp2.0.1, ocpp1.6); the client's order of preference decides
 *   among them. An unknown name rejects startGateway with a SubprotocolError
 * @property {(line: string) => void} [log]  human-readable lines about the gateway itself
 * @property {readonly Tolerance[]} [tolerate]  tolerances for every action without its own list (default none: strict)
 * @property {OnInvalid} [onInvalid]  "reject" (default): answer an invalid CALL with the validator's
 *   CALLERROR; "accept": answer it with the normal CALLRESULT and record it as accepted-invalid
 * @property {Partial<Record<string, ActionPolicyOptions>>} [actions]
 *   per-action policy (`{ StopTransaction: { tolerate: [...], onInvalid: "accept" } }`); each field
 *   replaces the global one for that action. Unknown action or tolerance names reject startGateway
 *   with a PolicyError. For a Central System action it applies to the charger's CALLRESULT
 * @property {NodeJS.WritableStream | ((record: FrameRecord) => void) | null} [frameLog]
 *   one JSON line (or record) per frame that was tolerated, accepted-invalid, rejected or carried
 *   warnings (default: none)
 * @property {boolean} [logValid]  also log valid frames without warnings
 * @property {string | null} [metricsPath]  where GET serves the metrics (default /metrics; null: off)
 * @property {number} [maxChargePoints]  distinct charge points with their own metrics label (default 1000)
 */

/**
 * @typedef {object} GatewayStats
 * @property {number} connections
 * @property {number} open
 * @property {number} messages
 * @property {number} results  CALLRESULTs sent
 * @property {Record<string, number>} actions  CALLRESULTs sent per action
 * @property {Record<string, number>} errors  CALLERRORs sent per code
 * @property {number} ignored  CALLRESULT/CALLERROR frames that answer no pending call
 * @property {number} dropped
 * @property {number} rejected  upgrades refused
 * @property {Record<string, number>} protocols  connections accepted per negotiated subprotocol
 * @property {number} sends  2.1 SEND frames received (never answered)
 * @property {number} callResultErrors  2.1 CALLRESULTERRORs received (a station refusing a CALLRESULT)
 * @property {{ started: number, stopped: number, unknownStops: number }} transactions
 * @property {{ sent: number, resolved: number, failed: Record<string, number> }} outgoing  CSMS-initiated calls
 */

/**
 * @param {GatewayOptions} [options]
 */
export async function startGateway(options = {}) {
  const {
    port = 9000,
    host = "127.0.0.1",
    backend = "auto",
    maxPayload = DEFAULT_MAX_PAYLOAD,
    allErrors = false,
    strictUtf8 = false,
    maxBufferedBytes = 8 * 1024 * 1024,
    heartbeatMs = 30_000,
    heartbeatInterval = DEFAULT_HEARTBEAT_INTERVAL_S,
    callTimeoutMs = DEFAULT_CALL_TIMEOUT_MS,
    firstTransactionId = 1,
    authorize = () => ({ status: "Accepted" }),
    log = () => {},
    protocols: protocolsOption = AVAILABLE_PROTOCOLS,
    frameLog = null,
    logValid = false,
    metricsPath = DEFAULT_METRICS_PATH,
    maxChargePoints,
  } = options;
  // Before anything listens: a policy naming an action or tolerance that does not exist is a
  // startup error, not a surprise at the first StopTransaction.
  const policy = new Policy({ tolerate: options.tolerate, onInvalid: options.onInvalid, actions: options.actions });
  // One pass serves every action: validate with every tolerance some action uses, then redo the
  // few frames that relied on one their own action does not allow (validateIncoming).
  /** @type {{ allErrors: boolean, tolerate?: readonly Tolerance[] }} */
  const frameOptions = policy.union.length ? { allErrors, tolerate: policy.union } : { allErrors };
  const supported = checkProtocols(protocolsOption);
  // One validator per protocol, made once: a connection only picks the one of its subprotocol.
  /** @type {Map<Protocol, import("ocpp-validate").Validator<any>>} */
  const validators = new Map(supported.map((p) => [p, /** @type {any} */ (createValidator(/** @type {any} */ ({ backend, protocol: p })))]));
  const backendName = /** @type {import("ocpp-validate").Validator<any>} */ (validators.get(/** @type {Protocol} */ (supported[0]))).backend;
  const authorizeIdToken =
    options.authorizeIdToken ??
    ((/** @type {{ idToken: string }} */ idToken, /** @type {string} */ cpId) => {
      // 1.6's IdTagInfo statuses are all 2.x statuses too; its expiryDate is 2.x's cacheExpiryDateTime.
      const info = /** @type {IdTagInfo} */ (authorize(idToken?.idToken, cpId));
      /** @type {Record<string, unknown>} */
      const out = { status: info.status };
      if (info.expiryDate !== undefined) out.cacheExpiryDateTime = info.expiryDate;
      return out;
    });
  /** @type {GatewayStats} */
  const stats = {
    connections: 0,
    open: 0,
    messages: 0,
    /** CALLRESULTs sent, and the valid CALLs answered per action. */
    results: 0,
    actions: /** @type {Record<string, number>} */ ({}),
    /** CALLERRORs sent, per code. */
    errors: /** @type {Record<string, number>} */ ({}),
    /** CALLRESULT/CALLERROR frames that answer no pending call. */
    ignored: 0,
    dropped: 0,
    rejected: 0,
    protocols: /** @type {Record<string, number>} */ ({}),
    sends: 0,
    callResultErrors: 0,
    transactions: { started: 0, stopped: 0, unknownStops: 0 },
    /** CSMS-initiated calls: sent, resolved, and rejected by kind. */
    outgoing: { sent: 0, resolved: 0, failed: /** @type {Record<string, number>} */ ({}) },
  };
  /** @type {Set<Peer>} */
  const peers = new Set();
  /** @type {Map<string, ChargePointState>} */
  const chargePoints = new Map();
  /** Every open 1.6 transaction, by the id the gateway handed out. */
  /** @type {Map<number, Transaction>} */
  const transactions = new Map();
  let nextTransactionId = firstTransactionId;
  /** Open 2.x transactions (kept per charge point: their ids are the station's). */
  let stationTransactionsOpen = 0;
  /** "connect" (chargePointId), "disconnect" (chargePointId, code). */
  const events = new EventEmitter();
  const observer = createObserver(stats, { transactionsOpen: () => transactions.size + stationTransactionsOpen }, { frameLog, logValid, maxChargePoints });

  /** @param {string} id */
  const chargePoint = (id) => {
    let cp = chargePoints.get(id);
    if (!cp) chargePoints.set(id, (cp = { id, connection: null, connections: [], boot: null, transactions: new Map() }));
    return cp;
  };
  const now = () => new Date().toISOString();

  /**
   * One typed handler per Charge Point action: the payload passed its request schema; what it
   * returns is the CALLRESULT payload.
   * @type {{ [A in ChargePointAction]: (payload: MessageTypes[A], cp: ChargePointState) => MessageTypes[`${A}Response`] }}
   */
  const HANDLERS_16 = {
    Authorize: (p, cp) => ({ idTagInfo: authorize(p.idTag, cp.id) }),
    BootNotification: (p, cp) => {
      cp.boot = p;
      /** @type {BootNotificationResponse} */
      const answer = { status: "Accepted", currentTime: now(), interval: heartbeatInterval };
      return answer;
    },
    DataTransfer: (p) => {
      if (p.vendorId !== DATA_TRANSFER_VENDOR_ID) return { status: "UnknownVendorId" };
      /** @type {DataTransferResponse} */
      const answer = { status: "Accepted" };
      // Only a string: an accepted-invalid request must not make the answer invalid too.
      if (typeof p.data === "string") answer.data = p.data;
      return answer;
    },
    DiagnosticsStatusNotification: () => ({}),
    FirmwareStatusNotification: () => ({}),
    Heartbeat: () => ({ currentTime: now() }),
    MeterValues: () => ({}),
    StartTransaction: (p, cp) => {
      const idTagInfo = authorize(p.idTag, cp.id); // first: if it throws, no transaction is recorded
      const transactionId = nextTransactionId++;
      /** @type {Transaction} */
      const tx = { transactionId, chargePointId: cp.id, connectorId: p.connectorId, idTag: p.idTag, meterStart: p.meterStart, timestamp: p.timestamp };
      if (p.reservationId !== undefined) tx.reservationId = p.reservationId;
      cp.transactions.set(transactionId, tx);
      transactions.set(transactionId, tx);
      stats.transactions.started++;
      /** @type {StartTransactionResponse} */
      const answer = { transactionId, idTagInfo };
      return answer;
    },
    StatusNotification: () => ({}),
    StopTransaction: (p, cp) => {
      const tx = transactions.get(p.transactionId);
      if (tx && tx.chargePointId === cp.id) {
        transactions.delete(p.transactionId);
        cp.transactions.delete(p.transactionId);
        stats.transactions.stopped++;
      } else {
        // Still answered: a charger retries an unanswered StopTransaction forever.
        stats.transactions.unknownStops++;
        log(tx ? `${cp.id}: StopTransaction for transaction ${p.transactionId} of ${tx.chargePointId} (left open)` : `${cp.id}: StopTransaction for unknown transaction ${p.transactionId}`);
      }
      /** @type {StopTransactionResponse} */
      const answer = {};
      // idTagInfo is optional "because a transaction may have been stopped without an identifier".
      if (p.idTag !== undefined) answer.idTagInfo = authorize(p.idTag, cp.id);
      return answer;
    },
  };

  /** @param {unknown} v */
  const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
  /** The 2.x idTokenInfo, or undefined when the request carries no idToken (an accepted-invalid one may not). @param {unknown} idToken @param {string} cpId */
  const idTokenInfoOf = (idToken, cpId) => (isObject(idToken) ? authorizeIdToken(/** @type {any} */ (idToken), cpId) : undefined);

  /**
   * The 2.x TransactionEvent bookkeeping: Started opens, Ended closes, Updated updates. The station
   * generates the id and may have sent Started before a gateway restart (or lost its answer), so an
   * Updated or Ended for an unknown id is still answered; Updated then opens it, Ended is counted
   * as an unknown stop, as a 1.6 StopTransaction is.
   * @param {any} p @param {ChargePointState} cp @param {Protocol} protocol
   */
  const transactionEvent = (p, cp, protocol) => {
    const info = isObject(p.transactionInfo) ? p.transactionInfo : {};
    const id = info.transactionId;
    if (typeof id === "string") {
      let tx = /** @type {StationTransaction | undefined} */ (cp.transactions.get(id));
      const evse = isObject(p.evse) ? p.evse : {};
      if (!tx && p.eventType !== "Ended") {
        if (p.eventType !== "Started") log(`${cp.id}: TransactionEvent ${p.eventType} for unknown transaction ${JSON.stringify(id)} (opened)`);
        tx = {
          transactionId: id,
          chargePointId: cp.id,
          protocol,
          evseId: typeof evse.id === "number" ? evse.id : null,
          connectorId: typeof evse.connectorId === "number" ? evse.connectorId : null,
          idToken: null,
          timestamp: String(p.timestamp),
          seqNo: p.seqNo,
          chargingState: null,
          meterValues: 0,
        };
        cp.transactions.set(id, tx);
        stationTransactionsOpen++;
        stats.transactions.started++;
      }
      if (tx) {
        tx.seqNo = p.seqNo;
        if (isObject(p.idToken) && typeof p.idToken.idToken === "string") tx.idToken = p.idToken.idToken;
        if (typeof info.chargingState === "string") tx.chargingState = info.chargingState;
        if (Array.isArray(p.meterValue)) tx.meterValues += p.meterValue.length;
        if (tx.evseId === null && typeof evse.id === "number") tx.evseId = evse.id;
        if (tx.connectorId === null && typeof evse.connectorId === "number") tx.connectorId = evse.connectorId;
        if (p.eventType === "Ended") {
          cp.transactions.delete(id);
          stationTransactionsOpen--;
          stats.transactions.stopped++;
        }
      } else {
        // Still answered: the station keeps an unanswered TransactionEvent queued and retries it.
        stats.transactions.unknownStops++;
        log(`${cp.id}: TransactionEvent Ended for unknown transaction ${JSON.stringify(id)}`);
      }
    }
    /** @type {Record<string, unknown>} */
    const answer = {};
    // idTokenInfo only answers an idToken (the schema makes it optional).
    const idTokenInfo = idTokenInfoOf(p.idToken, cp.id);
    if (idTokenInfo !== undefined) answer.idTokenInfo = idTokenInfo;
    return answer;
  };

  /**
   * The handlers of the 2.x station actions a session needs, the same for 2.0.1 and 2.1 (the
   * shapes the answers use are the same in both). Every other station action is answered by
   * trivialAnswers or NotSupported.
   * @param {Protocol} protocol
   * @returns {Record<string, (p: any, cp: ChargePointState) => object>}
   */
  const handlers2x = (protocol) => ({
    BootNotification: (p, cp) => {
      cp.boot = p;
      return { currentTime: now(), interval: heartbeatInterval, status: "Accepted" };
    },
    Heartbeat: () => ({ currentTime: now() }),
    StatusNotification: () => ({}),
    // An accepted-invalid Authorize may have no idToken to decide on: Unknown, never Accepted.
    Authorize: (p, cp) => ({ idTokenInfo: idTokenInfoOf(p.idToken, cp.id) ?? { status: "Unknown" } }),
    TransactionEvent: (p, cp) => transactionEvent(p, cp, protocol),
    MeterValues: () => ({}),
    NotifyReport: () => ({}),
    DataTransfer: (p) => {
      if (p.vendorId !== DATA_TRANSFER_VENDOR_ID) return { status: "UnknownVendorId" };
      // 2.x's data has no type: whatever came can go back.
      return p.data === undefined ? { status: "Accepted" } : { status: "Accepted", data: p.data };
    },
  });

  /**
   * Station actions that take an acknowledgement: `{}` when the response schema requires nothing,
   * else `{"status":"Accepted"}` when that is all it requires. Decided at startup by the
   * protocol's own validator, so the table follows the schemas. NEVER_TRIVIAL's actions are left
   * out.
   * @param {Protocol} protocol @param {Record<string, unknown>} explicit
   */
  const trivialAnswers = (protocol, explicit) => {
    const tables = tablesOf(protocol);
    const v = /** @type {import("ocpp-validate").Validator<any>} */ (validators.get(protocol));
    /** @type {Record<string, (p: any, cp: ChargePointState) => object>} */
    const out = {};
    for (const action of tables.stationActions) {
      const response = tables.responseName(action);
      if (explicit[action] || response === null || NEVER_TRIVIAL.has(action)) continue;
      for (const candidate of [{}, { status: "Accepted" }]) {
        if (v.isValid(JSON.stringify(candidate), { message: /** @type {any} */ (response) })) {
          const text = JSON.stringify(candidate);
          out[action] = () => JSON.parse(text);
          break;
        }
      }
    }
    return out;
  };

  /** @type {Map<Protocol, ReadonlyMap<string, (payload: any, cp: ChargePointState) => object>>} */
  const HANDLERS = new Map();
  for (const p of supported) {
    if (p === "ocpp1.6") {
      HANDLERS.set(p, new Map(Object.entries(/** @type {Record<string, (payload: any, cp: ChargePointState) => object>} */ (HANDLERS_16))));
      continue;
    }
    const explicit = handlers2x(p);
    HANDLERS.set(p, new Map(Object.entries({ ...trivialAnswers(p, explicit), ...explicit })));
  }

  const http = createServer((req, res) => {
    if (metricsPath !== null && (req.url ?? "").split("?")[0] === metricsPath) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" });
        res.end("GET the metrics\n");
        return;
      }
      const body = observer.registry.render();
      res.writeHead(200, { "content-type": CONTENT_TYPE, "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    res.writeHead(426, { "content-type": "text/plain", upgrade: "websocket" });
    res.end(`OCPP-J endpoint: connect a WebSocket to /ocpp/<chargePointId> offering one of the subprotocols ${supported.join(", ")}\n`);
  });
  http.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload,
    perMessageDeflate: false,
    skipUTF8Validation: !strictUtf8,
    clientTracking: true,
    // The upgrade handler has already refused clients that offer none in common.
    handleProtocols: (/** @type {Set<string>} */ offered) => negotiate(offered, supported) ?? false,
  });

  http.on("upgrade", (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    const match = PATH.exec(req.url ?? "");
    let chargePointId = "";
    try {
      chargePointId = match ? decodeURIComponent(match[1] ?? "") : "";
    } catch {
      chargePointId = "";
    }
    const offered = offeredProtocols(req.headers["sec-websocket-protocol"]);
    const refuse = (/** @type {string} */ status, body = "") => {
      stats.rejected++;
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    if (!chargePointId || chargePointId.length > MAX_CHARGE_POINT_ID) return refuse("404 Not Found");
    // No subprotocol in common: refused before the upgrade, so the station learns it from the
    // status line and no OCPP session exists that would have to be closed again.
    if (negotiate(offered, supported) === null) {
      return refuse("400 Bad Request", `no common OCPP subprotocol: offered ${offered.join(", ") || "none"}; this server speaks ${supported.join(", ")}\n`);
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req, chargePointId));
  });

  /** @param {Peer} peer @param {string} text */
  const send = (peer, text) => {
    if (peer.ws.bufferedAmount > maxBufferedBytes) {
      // The peer stopped reading (or half-closed): stop spending memory on it.
      stats.dropped++;
      peer.ws.terminate();
      return;
    }
    peer.ws.send(text);
  };

  /** @param {Pending} pending @param {CallFailure} failure */
  const fail = (pending, failure) => {
    if (pending.timer) clearTimeout(pending.timer);
    stats.outgoing.failed[failure.kind] = (stats.outgoing.failed[failure.kind] ?? 0) + 1;
    pending.reject(failure);
  };

  /**
   * The charger's CALLRESULT or CALLERROR for a call this gateway sent.
   * @param {Peer} peer @param {Buffer} data @param {import("ocpp-validate").FrameValidationResult} frame
   */
  const onResponse = (peer, data, frame) => {
    const uniqueId = /** @type {string} */ (frame.uniqueId);
    const pending = peer.pending.get(uniqueId);
    const what = frame.kind === "callresult" ? "CALLRESULT" : "CALLERROR";
    if (!pending) {
      stats.ignored++;
      log(`${peer.chargePointId}: ignored a ${what} for unknown uniqueId ${JSON.stringify(uniqueId)}`);
      return;
    }
    peer.pending.delete(uniqueId);
    const { action } = pending;
    const about = { chargePointId: peer.chargePointId, action, uniqueId };
    if (frame.kind === "callerror") {
      const [, , errorCode, errorDescription, errorDetails] = JSON.parse(data.toString("utf8"));
      log(`${peer.chargePointId}: ${action} ${uniqueId} answered with CALLERROR ${errorCode}`);
      fail(pending, new CallFailure("callerror", `${peer.chargePointId} answered ${action} with ${errorCode}: ${errorDescription}`, { ...about, errorCode, errorDescription, errorDetails }));
      return;
    }
    // The first pass only knew the frame is a CALLRESULT; now that its call is known, check its
    // payload, with the policy of the action it answers.
    const own = policy.forAction(action);
    const checked = peer.validator.validateFrame(data, own.tolerate.length ? { allErrors: true, responseTo: /** @type {Action} */ (action), tolerate: own.tolerate } : { allErrors: true, responseTo: /** @type {Action} */ (action) });
    const accepted = !checked.valid && checked.kind === "callresult" && own.onInvalid === "accept";
    observer.frame(peer, "callresult", action, uniqueId, outcomeOf(checked, accepted), checked);
    if ((!checked.valid && !accepted) || !checked.payloadRange) {
      log(`${peer.chargePointId}: invalid ${action} CALLRESULT ${uniqueId}: ${describeIssues(checked.errors)}`);
      const response = peer.protocol === "ocpp1.6" ? `${action}.conf` : peer.tables.responseName(action);
      fail(pending, new CallFailure("invalid-response", `${peer.chargePointId} answered ${action} with a payload that is not a valid ${response}: ${describeIssues(checked.errors)}`, { ...about, issues: checked.errors }));
      return;
    }
    if (pending.timer) clearTimeout(pending.timer);
    stats.outgoing.resolved++;
    pending.resolve(JSON.parse(data.toString("utf8", checked.payloadRange[0], checked.payloadRange[1])));
  };

  /**
   * The frame for a CALL under its own action's tolerances. The first pass used every tolerance
   * any action uses; its result is exact for this action unless it tolerated something this
   * action does not allow (tolerances never overlap, so that is the only way they can differ).
   * @param {Peer} peer @param {Buffer} data
   * @returns {import("ocpp-validate").FrameValidationResult}
   */
  const validateIncoming = (peer, data) => {
    const frame = /** @type {any} */ (peer.validator.validateFrame(data, frameOptions));
    if (!policy.varies || (frame.kind !== "call" && frame.kind !== "send") || frame.tolerated.length === 0) return frame;
    const own = policy.forAction(frame.action).tolerate;
    return frame.tolerated.every((/** @type {{ tolerance: Tolerance }} */ t) => own.includes(t.tolerance)) ? frame : peer.validator.validateFrame(data, { allErrors, tolerate: own });
  };

  wss.on("connection", (/** @type {import("ws").WebSocket} */ ws, /** @type {unknown} */ _req, /** @type {string} */ chargePointId) => {
    stats.connections++;
    stats.open++;
    // handleProtocols chose it from the same offer the upgrade handler accepted.
    const protocol = /** @type {Protocol} */ (ws.protocol);
    stats.protocols[protocol] = (stats.protocols[protocol] ?? 0) + 1;
    /** @type {Peer} */
    const peer = {
      ws,
      chargePointId,
      label: observer.chargePointLabel(chargePointId),
      validCells: new Map(),
      alive: true,
      closed: false,
      pending: new Map(),
      queue: Promise.resolve(),
      protocol,
      tables: tablesOf(protocol),
      validator: /** @type {import("ocpp-validate").Validator<any>} */ (validators.get(protocol)),
      handlers: /** @type {ReadonlyMap<string, (payload: any, cp: ChargePointState) => object>} */ (HANDLERS.get(protocol)),
    };
    peers.add(peer);
    const cp = chargePoint(chargePointId);
    cp.connections.push(peer);
    cp.connection = peer;
    events.emit("connect", chargePointId);
    ws.on("pong", () => {
      peer.alive = true;
    });
    ws.on("error", (err) => log(`${chargePointId}: ${err.message}`));
    ws.on("close", (code) => {
      stats.open--;
      peer.closed = true;
      peers.delete(peer);
      for (const [uniqueId, pending] of peer.pending) {
        fail(pending, new CallFailure("closed", `the connection of ${chargePointId} closed before it answered ${pending.action}`, { chargePointId, action: pending.action, uniqueId }));
      }
      peer.pending.clear();
      // A charger that reconnected before its old connection closed: calls go to the newest one left.
      cp.connections = cp.connections.filter((p) => p !== peer);
      cp.connection = cp.connections.at(-1) ?? null;
      if (!cp.connection && cp.transactions.size === 0 && chargePoints.get(chargePointId) === cp) chargePoints.delete(chargePointId);
      events.emit("disconnect", chargePointId, code);
    });
    const { stationSet } = peer.tables;
    ws.on("message", (/** @type {Buffer} */ data) => {
      stats.messages++;
      const frame = /** @type {any} */ (validateIncoming(peer, data));
      const kind = /** @type {string} */ (frame.kind);
      if (kind === "send") {
        // OCPP 2.1 SEND: nothing may answer it, valid or not; it is only recorded.
        stats.sends++;
        observer.frame(peer, "send", frame.action, frame.uniqueId, outcomeOf(frame, false), frame, { answer: "none" });
        return;
      }
      if (kind === "callresulterror") {
        // The station refused a CALLRESULT of ours; it answers nothing pending, and is never answered.
        stats.callResultErrors++;
        const [, , errorCode, errorDescription] = JSON.parse(data.toString("utf8"));
        log(`${chargePointId}: CALLRESULTERROR ${errorCode} for ${JSON.stringify(frame.uniqueId)}: ${errorDescription}`);
        return;
      }
      // Only a payload that failed its schema can be accepted: NotSupported, NotImplemented and
      // broken envelopes have no payload a handler could read.
      const accepted = kind === "call" && !frame.valid && frame.errors.length > 0 && stationSet.has(frame.action) && policy.forAction(frame.action).onInvalid === "accept";
      if (kind === "call" && (frame.valid || accepted)) {
        const action = /** @type {string} */ (frame.action);
        const uniqueId = /** @type {string} */ (frame.uniqueId);
        const range = /** @type {[number, number]} */ (frame.payloadRange);
        let answer;
        /** @type {string | undefined} */
        let errorCode;
        const handler = peer.handlers.get(action);
        if (!handler) {
          // A station action this gateway has no answer for (no trivial one either).
          const code = "NotSupported";
          stats.errors[code] = (stats.errors[code] ?? 0) + 1;
          observer.frame(peer, "call", action, uniqueId, outcomeOf(frame, accepted), frame, { answer: "CALLERROR", errorCode: code });
          send(peer, buildCallError(uniqueId, code, `${action} is not supported by this CSMS`));
          return;
        }
        try {
          let payload = JSON.parse(data.toString("utf8", range[0], range[1]));
          // An accepted payload may be null, a number or an array; handlers read members of an object.
          if (accepted && (typeof payload !== "object" || payload === null || Array.isArray(payload))) payload = {};
          const result = handler(payload, cp);
          answer = `[3,${JSON.stringify(uniqueId)},${JSON.stringify(result)}]`;
          stats.results++;
          stats.actions[action] = (stats.actions[action] ?? 0) + 1;
        } catch (e) {
          log(`${chargePointId}: ${action} handler failed: ${/** @type {Error} */ (e).message}`);
          stats.errors.InternalError = (stats.errors.InternalError ?? 0) + 1;
          errorCode = "InternalError";
          answer = buildCallError(uniqueId, "InternalError", `The gateway failed to handle ${action}`);
        }
        observer.frame(peer, "call", action, uniqueId, outcomeOf(frame, accepted), frame, errorCode ? { answer: "CALLERROR", errorCode } : { answer: "CALLRESULT" });
        send(peer, answer);
      } else if (frame.callError) {
        const code = frame.callError.errorCode;
        stats.errors[code] = (stats.errors[code] ?? 0) + 1;
        observer.frame(peer, frame.kind, frame.action, frame.uniqueId, "rejected", frame, { answer: "CALLERROR", errorCode: code });
        send(peer, frame.callError.frame);
      } else if (frame.kind === "callresult" || frame.kind === "callerror") {
        onResponse(peer, data, frame);
      }
    });
  });

  /**
   * Sends a CSMS-initiated CALL to a connected charge point and resolves with its CALLRESULT's
   * payload once that passed `<action>Response`. The action and payload are those of the
   * protocol the charge point's connection negotiated (1.6 `Reset` `{ type: "Soft" }`, 2.0.1
   * `Reset` `{ type: "Immediate" }`). The request payload is validated against the action's
   * request schema of that protocol first (exactly the JSON text that is sent). Calls to one charge point go
   * out one at a time, in order; `timeoutMs` counts from the moment the CALL is sent. Rejects with a
   * CallFailure (see CallFailureKind).
   * @template {CentralSystemAction | string} A
   * @param {string} chargePointId
   * @param {A} action
   * @param {A extends CentralSystemAction ? MessageTypes[A] : unknown} payload
   * @param {{ timeoutMs?: number }} [callOptions]  timeoutMs: default the gateway's callTimeoutMs; Infinity = wait forever
   * @returns {Promise<A extends CentralSystemAction ? MessageTypes[`${A}Response`] : any>}
   */
  function call(chargePointId, action, payload, { timeoutMs = callTimeoutMs } = {}) {
    const about = { chargePointId, action };
    // The protocol decides what may be sent: the connection the call would go to.
    const peer = chargePoints.get(chargePointId)?.connection;
    if (!peer) return Promise.reject(new CallFailure("not-connected", `${chargePointId} is not connected`, about));
    const { tables } = peer;
    if (!tables.csmsSet.has(action)) {
      const why = tables.stationSet.has(action) ? `is sent by a ${tables.stationName}, not to it` : `is not an OCPP ${tables.version} action`;
      return Promise.reject(new CallFailure("invalid-request", `${String(action)} ${why}`, about));
    }
    if (!(timeoutMs > 0)) return Promise.reject(new CallFailure("invalid-request", `timeoutMs must be a positive number of milliseconds, not ${timeoutMs}`, about));
    /** @type {string | undefined} */
    let text;
    try {
      text = JSON.stringify(payload);
    } catch (e) {
      return Promise.reject(new CallFailure("invalid-request", `${action} payload cannot be serialised: ${/** @type {Error} */ (e).message}`, about));
    }
    if (text === undefined) return Promise.reject(new CallFailure("invalid-request", `${action} payload is not a JSON value`, about));
    const request = tables.requestName(action);
    const checked = peer.validator.validate(text, { message: /** @type {any} */ (request), allErrors: true });
    if (!checked.valid) {
      // Sorted by (instancePath, keyword) like the issues of validateFrame.
      const issues = checked.errors.slice().sort((a, b) => cmp(a.instancePath, b.instancePath) || cmp(a.keyword, b.keyword));
      const name = peer.protocol === "ocpp1.6" ? `${action}.req` : request;
      return Promise.reject(new CallFailure("invalid-request", `${action} payload is not a valid ${name}: ${describeIssues(issues)}`, { ...about, issues }));
    }
    const result = new Promise((resolve, reject) => {
      peer.queue = peer.queue.then(
        () =>
          new Promise((done) => {
            /** @type {Pending} */
            const pending = {
              action,
              timer: null,
              resolve: (value) => (resolve(value), done(undefined)),
              reject: (error) => (reject(error), done(undefined)),
            };
            if (peer.closed) {
              fail(pending, new CallFailure("closed", `the connection of ${chargePointId} closed before ${action} was sent`, about));
              return;
            }
            const uniqueId = randomUUID();
            peer.pending.set(uniqueId, pending);
            if (timeoutMs < Infinity) {
              pending.timer = setTimeout(() => {
                if (peer.pending.get(uniqueId) !== pending) return;
                peer.pending.delete(uniqueId);
                log(`${chargePointId}: ${action} ${uniqueId} timed out after ${timeoutMs} ms`);
                fail(pending, new CallFailure("timeout", `${chargePointId} did not answer ${action} within ${timeoutMs} ms`, { ...about, uniqueId }));
              }, Math.min(timeoutMs, MAX_TIMER_MS));
            }
            stats.outgoing.sent++;
            send(peer, `[2,${JSON.stringify(uniqueId)},${JSON.stringify(action)},${text}]`);
          }),
      );
    });
    return /** @type {any} */ (result);
  }

  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => {
          for (const peer of peers) {
            if (!peer.alive) {
              peer.ws.terminate();
              continue;
            }
            peer.alive = false;
            peer.ws.ping();
          }
        }, heartbeatMs).unref()
      : null;

  await new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve(undefined));
  });
  const address = http.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    port: boundPort,
    host,
    url: `ws://${host}:${boundPort}/ocpp/`,
    backend: backendName,
    /** The subprotocols accepted, as configured (negotiation follows the client's order). */
    protocols: /** @type {readonly Protocol[]} */ (Object.freeze([...supported])),
    /** @param {string} chargePointId @returns {Protocol | null} the protocol of its newest open connection */
    protocolOf: (chargePointId) => chargePoints.get(chargePointId)?.connection?.protocol ?? null,
    maxPayload,
    /** The checked validation policy (`policy.forAction("StopTransaction")`). */
    policy,
    /** Where GET serves the metrics, or null. */
    metricsPath,
    metrics: {
      /** The Prometheus text exposition, as GET /metrics answers it. */
      render: () => observer.registry.render(),
      /**
       * One series' value (0 if never counted); labels by name, as in the exposition.
       * @param {string} name @param {Record<string, string>} [labels]
       */
      get(name, labels = {}) {
        const family = observer.registry.families.get(name);
        if (!family) throw new TypeError(`no metric ${name}`);
        return family.get(family.labelNames.map((l) => labels[l]));
      },
      /** Frame log lines dropped because the stream did not keep up. */
      get linesDropped() {
        return observer.linesDropped;
      },
    },
    stats,
    events,
    call,
    /** Every open 1.6 transaction, by the id the gateway handed out (read it; the gateway updates it). */
    transactions: /** @type {ReadonlyMap<number, Readonly<Transaction>>} */ (transactions),
    /** @param {string} chargePointId @returns {Readonly<Transaction | StationTransaction>[]} its open transactions (1.6 and 2.x) */
    openTransactions: (chargePointId) => [...(chargePoints.get(chargePointId)?.transactions.values() ?? [])],
    /** @returns {string[]} the charge points with an open connection */
    connected: () => [...chargePoints.values()].filter((cp) => cp.connection !== null).map((cp) => cp.id),
    /** Closes every connection (1001 going away; pending calls reject with `closed`) and the listener. */
    close() {
      if (heartbeat) clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, "gateway shutting down");
      const forced = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, 1000).unref();
      return new Promise((resolve) => {
        wss.close(() => {
          http.close(() => {
            clearTimeout(forced);
            resolve(undefined);
          });
          http.closeAllConnections();
        });
      });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof startGateway>>} Gateway */
