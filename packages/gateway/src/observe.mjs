// @ts-check
/**
 * What the gateway records about each frame it validates: one JSON log line for every frame that
 * was tolerated, accepted although invalid, rejected, or carried warnings, and Prometheus
 * counters per charge point, action, outcome, issue and warning.
 *
 * Every label value is bounded whatever a charger sends: charge point ids through
 * ChargePointLabels, protocols to the three subprotocols, actions to the names of the frame's
 * protocol (plus `<Action>Response`, "unknown" and "none"), paths through pathLabel (issue paths are schema locations; warnings carry no path,
 * since a duplicate key can be anywhere, under any key a charger makes up), keywords, tolerances,
 * warnings and outcomes to their fixed sets.
 */
import { ChargePointLabels, DEFAULT_MAX_CHARGE_POINTS, OTHER_CHARGE_POINT, Registry, pathLabel } from "./metrics.mjs";

/**
 * @typedef {import("ocpp-validate").ValidationIssue} ValidationIssue
 * @typedef {import("ocpp-validate").ToleratedIssue} ToleratedIssue
 * @typedef {import("ocpp-validate").ValidationWarning} ValidationWarning
 * @typedef {"valid" | "tolerated" | "valid-with-warnings" | "accepted-invalid" | "rejected"} Outcome
 * @typedef {import("./metrics.mjs").Cell} Cell
 */

export const OUTCOMES = /** @type {const} */ (["valid", "tolerated", "valid-with-warnings", "accepted-invalid", "rejected"]);
/** Entries of each list a log line carries at most; the rest is counted in `omitted`. */
export const MAX_LOG_ENTRIES = 50;
/** Strings from the frame (an unknown action, an overlong uniqueId) are cut to this in log lines. */
const MAX_LOG_STRING = 100;
/** Unwritten log bytes after which lines are dropped (and counted) rather than buffered. */
export const MAX_LOG_BUFFER = 8 * 1024 * 1024;

const DISPOSITION = /** @type {const} */ ({ rejected: "rejected", "accepted-invalid": "accepted" });

/** @param {string} s */
const clip = (s) => (s.length > MAX_LOG_STRING ? s.slice(0, MAX_LOG_STRING - 1) + "…" : s);

/**
 * @typedef {"call" | "send" | "callresult" | "callresulterror" | "invalid"} RecordKind
 *   send: a 2.1 SEND (never answered); callresulterror: a 2.1 CALLRESULTERROR (the station
 *   refusing one of the gateway's CALLRESULTs; never answered)
 */

/**
 * The `action` label and log field: the CALL's action when the connection's protocol defines it,
 * "unknown" when it does not (the name is the charger's to choose), "none" for a frame with no
 * readable action, and `<Action>Response` for a CALLRESULT to a call the gateway sent.
 * @param {RecordKind} kind @param {string | null} action @param {ReadonlySet<string>} actions  the protocol's
 */
export function actionLabel(kind, action, actions) {
  if (kind === "callresult") return `${action}Response`;
  if (kind === "invalid" || kind === "callresulterror" || action === null) return "none";
  return actions.has(action) ? action : "unknown";
}

/**
 * @typedef {object} FrameRecord
 * @property {string} time               ISO 8601, UTC
 * @property {string} chargePointId      as the WebSocket path names it
 * @property {string} protocol           the connection's negotiated subprotocol
 * @property {RecordKind} kind
 * @property {string} action             see actionLabel
 * @property {string | null} uniqueId
 * @property {Outcome} outcome
 * @property {"CALLRESULT" | "CALLERROR" | "none"} [answer]   what the gateway sent back (CALLs and invalid frames; "none" for a SEND)
 * @property {string} [errorCode]        the CALLERROR's code
 * @property {{ instancePath: string, keyword: string, message: string }[]} issues
 * @property {{ instancePath: string, keyword: string, message: string, tolerance: string }[]} tolerated
 * @property {{ instancePath: string, warning: string, message: string }[]} warnings
 * @property {{ issues?: number, tolerated?: number, warnings?: number }} [omitted]  entries left out of this line
 */

/**
 * @typedef {object} ObserverOptions
 * @property {NodeJS.WritableStream | ((record: FrameRecord) => void) | null} [frameLog]
 *   where log lines go: a stream gets one JSON object per line, a function the record
 * @property {boolean} [logValid]        also log valid frames without warnings (outcome "valid")
 * @property {number} [maxChargePoints]  distinct charge points with their own label
 * @property {() => string} [now]
 */

/**
 * @param {import("./gateway.mjs").GatewayStats} stats  the gateway's own counters, exported at scrape time
 * @param {{ transactionsOpen: () => number }} state
 * @param {ObserverOptions} [options]
 */
export function createObserver(stats, state, options = {}) {
  const { frameLog = null, logValid = false, maxChargePoints = DEFAULT_MAX_CHARGE_POINTS, now = () => new Date().toISOString() } = options;
  const labels = new ChargePointLabels({ max: maxChargePoints });
  const registry = new Registry();
  let linesDropped = 0;

  const cpHelp = `charge_point is the id in the WebSocket path for the first ${maxChargePoints} distinct ids the gateway sees; every later id is counted as charge_point="${OTHER_CHARGE_POINT}"`;
  const frames = registry.counter(
    "ocpp_gateway_frames_total",
    `Frames validated: every CALL and malformed message received (answered), every OCPP 2.1 SEND and CALLRESULTERROR (never answered), and every CALLRESULT to a call the gateway sent (action "<Action>Response"). protocol: the connection's subprotocol. outcome: valid, tolerated (valid only thanks to a tolerance), valid-with-warnings, accepted-invalid (answered as valid by --on-invalid accept), rejected (answered with a CALLERROR, a CALLRESULT that failed its call, an invalid SEND, or a CALLRESULTERROR). action "unknown": not an action of the connection's protocol; "none": no readable action. ${cpHelp}.`,
    ["charge_point", "protocol", "action", "outcome"],
  );
  const issues = registry.counter(
    "ocpp_gateway_issues_total",
    `Schema issues, one per occurrence. disposition: rejected (in a rejected frame), accepted (in a frame accepted by --on-invalid accept), tolerated (with the tolerance that allowed it). path: the instancePath with array indices as *. Without --all-errors a rejected or accepted frame reports its first issue only; tolerated deviations are always all counted. ${cpHelp}.`,
    ["charge_point", "protocol", "action", "keyword", "path", "disposition", "tolerance"],
  );
  const warnings = registry.counter(
    "ocpp_gateway_warnings_total",
    `Things JSON.parse hides, found in the bytes of a frame (unsafeInteger, duplicateKey, loneSurrogate), one per occurrence, whatever the outcome. ${cpHelp}.`,
    ["charge_point", "protocol", "action", "warning"],
  );
  registry.gauge("ocpp_gateway_charge_points_tracked", `Distinct charge point ids with their own charge_point label (at most ${maxChargePoints}).`, [], () => [[[], labels.tracked.size]]);
  registry.counter("ocpp_gateway_charge_points_folded_total", `Connections counted under charge_point="${OTHER_CHARGE_POINT}" because ${maxChargePoints} ids were already tracked (or the id was too long).`, [], () => [[[], labels.folded]]);
  registry.counter("ocpp_gateway_connections_total", "WebSocket connections accepted.", [], () => [[[], stats.connections]]);
  registry.gauge("ocpp_gateway_connections_open", "WebSocket connections open now.", [], () => [[[], stats.open]]);
  registry.counter("ocpp_gateway_connections_refused_total", "Upgrade requests refused (wrong path, id longer than 48 characters, no subprotocol in common).", [], () => [[[], stats.rejected]]);
  registry.counter("ocpp_gateway_protocol_connections_total", "WebSocket connections accepted, per negotiated subprotocol.", ["protocol"], () => Object.entries(stats.protocols).map(([p, n]) => [[p], n]));
  registry.counter("ocpp_gateway_connections_dropped_total", "Connections terminated because the peer stopped reading (too many unsent bytes).", [], () => [[[], stats.dropped]]);
  registry.counter("ocpp_gateway_messages_total", "WebSocket messages received.", [], () => [[[], stats.messages]]);
  registry.counter("ocpp_gateway_callresults_sent_total", "CALLRESULTs sent, per action.", ["action"], () => Object.entries(stats.actions).map(([a, n]) => [[a], n]));
  registry.counter("ocpp_gateway_callerrors_sent_total", "CALLERRORs sent, per OCPP-J error code.", ["code"], () => Object.entries(stats.errors).map(([c, n]) => [[c], n]));
  registry.counter("ocpp_gateway_responses_ignored_total", "CALLRESULTs and CALLERRORs that answer no pending call.", [], () => [[[], stats.ignored]]);
  registry.counter("ocpp_gateway_transactions_started_total", "Transactions handed out (StartTransaction).", [], () => [[[], stats.transactions.started]]);
  registry.counter("ocpp_gateway_transactions_stopped_total", "Transactions closed by their charge point's StopTransaction.", [], () => [[[], stats.transactions.stopped]]);
  registry.counter("ocpp_gateway_transactions_unknown_stops_total", "StopTransactions for an unknown transaction, or one of another charge point (answered all the same).", [], () => [[[], stats.transactions.unknownStops]]);
  registry.gauge("ocpp_gateway_transactions_open", "Transactions started and not yet stopped.", [], () => [[[], state.transactionsOpen()]]);
  registry.counter("ocpp_gateway_calls_sent_total", "Calls the gateway sent to charge points (gateway.call).", [], () => [[[], stats.outgoing.sent]]);
  registry.counter("ocpp_gateway_calls_answered_total", "Calls the gateway sent that resolved with the charge point's CALLRESULT.", [], () => [[[], stats.outgoing.resolved]]);
  registry.counter("ocpp_gateway_calls_failed_total", "Calls the gateway sent or tried to send that failed, per kind (invalid-request, not-connected, invalid-response, callerror, timeout, closed).", ["kind"], () => Object.entries(stats.outgoing.failed).map(([k, n]) => [[k], n]));
  registry.counter("ocpp_gateway_log_lines_dropped_total", `Frame log lines dropped because more than ${MAX_LOG_BUFFER} bytes were waiting to be written.`, [], () => [[[], linesDropped]]);

  /** @param {FrameRecord} record */
  const emit =
    frameLog === null
      ? null
      : typeof frameLog === "function"
        ? frameLog
        : (/** @type {FrameRecord} */ record) => {
            const stream = /** @type {NodeJS.WritableStream & { writableLength?: number }} */ (frameLog);
            // A flood of rejected frames must not turn into unbounded memory behind a slow disk.
            if ((stream.writableLength ?? 0) > MAX_LOG_BUFFER) {
              linesDropped++;
              return;
            }
            stream.write(JSON.stringify(record) + "\n");
          };

  /**
   * @template T @param {readonly T[]} list @param {(x: T) => any} map
   * @param {"issues" | "tolerated" | "warnings"} name @param {FrameRecord} record
   */
  const entries = (list, map, name, record) => {
    if (list.length > MAX_LOG_ENTRIES) (record.omitted ??= {})[name] = list.length - MAX_LOG_ENTRIES;
    return list.slice(0, MAX_LOG_ENTRIES).map(map);
  };

  return {
    registry,
    labels,
    /** @returns {number} */
    get linesDropped() {
      return linesDropped;
    },
    /** The label a connection's frames are counted under, decided once when it connects. @param {string} id */
    chargePointLabel: (id) => labels.of(id),
    /**
     * Counts one frame and logs it when its outcome is worth a line.
     * @param {{ chargePointId: string, label: string, validCells: Map<string, Cell>, protocol: string, tables: { actionSet: ReadonlySet<string> } }} peer
     * @param {RecordKind} kind
     * @param {string | null} rawAction  as the frame names it, or the called action for a CALLRESULT
     * @param {string | null} uniqueId
     * @param {Outcome} outcome
     * @param {{ errors: readonly ValidationIssue[], tolerated: readonly ToleratedIssue[], warnings: readonly ValidationWarning[] }} result
     * @param {{ answer?: "CALLRESULT" | "CALLERROR" | "none", errorCode?: string }} [answer]
     */
    frame(peer, kind, rawAction, uniqueId, outcome, result, answer = {}) {
      const action = actionLabel(kind, rawAction, peer.tables.actionSet);
      if (outcome === "valid") {
        // The common case: one cached counter per connection and action, no key built per frame.
        let cell = peer.validCells.get(action);
        if (!cell) peer.validCells.set(action, (cell = frames.cell([peer.label, peer.protocol, action, "valid"])));
        cell.value++;
        if (!logValid) return;
      } else {
        frames.inc([peer.label, peer.protocol, action, outcome]);
        const disposition = outcome === "rejected" || outcome === "accepted-invalid" ? DISPOSITION[outcome] : null;
        if (disposition) for (const i of result.errors) issues.inc([peer.label, peer.protocol, action, i.keyword, pathLabel(i.instancePath), disposition, undefined]);
        for (const t of result.tolerated) issues.inc([peer.label, peer.protocol, action, t.keyword, pathLabel(t.instancePath), "tolerated", t.tolerance]);
        for (const w of result.warnings) warnings.inc([peer.label, peer.protocol, action, w.warning]);
      }
      if (!emit) return;
      /** @type {FrameRecord} */
      const record = {
        time: now(),
        chargePointId: peer.chargePointId,
        protocol: peer.protocol,
        kind,
        action: action === "unknown" && rawAction !== null ? clip(rawAction) : action,
        uniqueId: uniqueId === null ? null : clip(uniqueId),
        outcome,
        ...answer,
        issues: [],
        tolerated: [],
        warnings: [],
      };
      record.issues = entries(result.errors, (i) => ({ instancePath: i.instancePath, keyword: i.keyword, message: i.message }), "issues", record);
      record.tolerated = entries(result.tolerated, (t) => ({ instancePath: t.instancePath, keyword: t.keyword, message: t.message, tolerance: t.tolerance }), "tolerated", record);
      record.warnings = entries(result.warnings, (w) => ({ instancePath: w.instancePath, warning: w.warning, message: w.message }), "warnings", record);
      emit(record);
    },
  };
}

/** @typedef {ReturnType<typeof createObserver>} Observer */
