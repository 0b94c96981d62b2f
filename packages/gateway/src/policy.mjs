// @ts-check
/**
 * The gateway's validation policy: which tolerances apply to which action, and what to do with a
 * payload that is still invalid (`reject`: the validator's CALLERROR; `accept`: answer as if it were
 * valid and record it). A CALLERROR to a StopTransaction leaves the session open on the charger
 * and makes it retry forever, which is why an operator may prefer to accept and count.
 *
 * The policy of an action applies to everything the gateway validates for it: the CALL a charge
 * point sends (the ten Charge Point actions) and the CALLRESULT a charge point returns to a call
 * the gateway sent (the Central System actions; DataTransfer goes both ways). An action name
 * applies in every protocol that has it (Heartbeat is Heartbeat in 1.6 and 2.0.1): the policy is
 * about how much a deployment trusts a message, and the message keeps its meaning across versions.
 */
import { TOLERANCES } from "ocpp-validate";
import { ALL_ACTIONS, AVAILABLE_PROTOCOLS, tablesOf } from "./protocols.mjs";

/**
 * @typedef {import("ocpp-validate").Tolerance} Tolerance
 * @typedef {string} Action  an action of any of the protocols (ALL_ACTIONS)
 * @typedef {"reject" | "accept"} OnInvalid
 * @typedef {{ tolerate?: readonly Tolerance[], onInvalid?: OnInvalid }} ActionPolicyOptions
 * @typedef {object} PolicyOptions
 * @property {readonly Tolerance[]} [tolerate]  for every action without its own list
 * @property {OnInvalid} [onInvalid]              for every action without its own setting (default reject)
 * @property {Partial<Record<Action, ActionPolicyOptions>>} [actions]
 *   per action; each field given replaces the global one for that action
 * @typedef {{ readonly tolerate: readonly Tolerance[], readonly onInvalid: OnInvalid }} ActionPolicy
 */

export const ON_INVALID = /** @type {const} */ (["reject", "accept"]);

/** A policy that names an action or tolerance that does not exist: a startup error. */
export class PolicyError extends TypeError {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "PolicyError";
  }
}

/** Levenshtein distance over code units, after lowercasing both: typos and wrong case. */
function distance(/** @type {string} */ a, /** @type {string} */ b) {
  a = a.toLowerCase();
  b = b.toLowerCase();
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(/** @type {number} */ (prev[j]) + 1, /** @type {number} */ (row[j - 1]) + 1, /** @type {number} */ (prev[j - 1]) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return /** @type {number} */ (prev[b.length]);
}

/** ` (did you mean "errata"?)` when a known name is close, else "". */
function suggestion(/** @type {string} */ name, /** @type {readonly string[]} */ known) {
  let best = "";
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(name, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? ` (did you mean ${JSON.stringify(best)}?)` : "";
}

const TOLERANCE_SET = new Set(/** @type {readonly string[]} */ (TOLERANCES));
const ACTION_SET = new Set(/** @type {readonly string[]} */ (ALL_ACTIONS));
const KNOWN_ACTIONS = AVAILABLE_PROTOCOLS.slice()
  .reverse()
  .map((p) => `the OCPP ${tablesOf(p).version} actions are ${tablesOf(p).actions.join(", ")}`)
  .join("; ");

/** @param {unknown} name @param {string} where @returns {Action} */
function checkAction(name, where) {
  if (typeof name === "string" && ACTION_SET.has(name)) return /** @type {Action} */ (name);
  throw new PolicyError(`${where}: unknown action ${JSON.stringify(name)}${suggestion(String(name), ALL_ACTIONS)}; ${KNOWN_ACTIONS}`);
}

/** @param {unknown} list @param {string} where @returns {Tolerance[]} in TOLERANCES order, each once */
function checkTolerances(list, where) {
  if (!Array.isArray(list)) throw new PolicyError(`${where}: tolerate must be an array of tolerance names, not ${JSON.stringify(list)}`);
  for (const t of list) {
    if (typeof t !== "string" || !TOLERANCE_SET.has(t)) throw new PolicyError(`${where}: unknown tolerance ${JSON.stringify(t)}${suggestion(String(t), TOLERANCES)}; the tolerances are ${TOLERANCES.join(", ")}`);
  }
  return TOLERANCES.filter((t) => list.includes(t));
}

/** @param {unknown} value @param {string} where @returns {OnInvalid} */
function checkOnInvalid(value, where) {
  if (value === "reject" || value === "accept") return value;
  throw new PolicyError(`${where}: on-invalid must be "accept" or "reject", not ${JSON.stringify(value)}`);
}

/**
 * The checked policy. `forAction` is what the gateway asks for each frame; `union` is every
 * tolerance any action uses, so one validateFrame call can serve a frame whose action is not yet
 * known (see gateway.mjs).
 */
export class Policy {
  /** @param {PolicyOptions} [options] */
  constructor(options = {}) {
    const { tolerate = [], onInvalid = "reject", actions = {} } = options;
    /** @type {ActionPolicy} */
    this.global = Object.freeze({ tolerate: Object.freeze(checkTolerances(tolerate, "tolerate")), onInvalid: checkOnInvalid(onInvalid, "onInvalid") });
    /** @type {Map<Action, ActionPolicy>} */
    this.actions = new Map();
    if (typeof actions !== "object" || actions === null) throw new PolicyError(`actions must be an object keyed by action name`);
    for (const [name, entry] of Object.entries(actions)) {
      const action = checkAction(name, "actions");
      if (entry === undefined) continue;
      const where = `actions.${action}`;
      this.actions.set(
        action,
        Object.freeze({
          tolerate: entry.tolerate === undefined ? this.global.tolerate : Object.freeze(checkTolerances(entry.tolerate, where)),
          onInvalid: entry.onInvalid === undefined ? this.global.onInvalid : checkOnInvalid(entry.onInvalid, where),
        }),
      );
    }
    const used = new Set(this.global.tolerate);
    for (const p of this.actions.values()) for (const t of p.tolerate) used.add(t);
    /** @type {readonly Tolerance[]} */
    this.union = Object.freeze(TOLERANCES.filter((t) => used.has(t)));
    /** Some action's tolerances differ from the union: a frame may need a second, exact pass. */
    this.varies = [this.global, ...this.actions.values()].some((p) => p.tolerate.length !== this.union.length);
  }

  /** @param {string | null} action @returns {ActionPolicy} */
  forAction(action) {
    return this.actions.get(/** @type {Action} */ (action)) ?? this.global;
  }

  /** True when nothing differs from strict validation with CALLERRORs. */
  get strict() {
    return this.union.length === 0 && this.global.onInvalid === "reject" && [...this.actions.values()].every((p) => p.onInvalid === "reject");
  }

  /** One line for the startup banner: `tolerate errata (all actions); StopTransaction: …`. */
  describe() {
    const one = (/** @type {ActionPolicy} */ p) => `tolerate ${p.tolerate.join(",") || "none"}, on invalid ${p.onInvalid}`;
    return [`${one(this.global)} (all actions)`, ...[...this.actions].map(([a, p]) => `${a}: ${one(p)}`)].join("; ");
  }

  toJSON() {
    return { tolerate: this.global.tolerate, onInvalid: this.global.onInvalid, actions: Object.fromEntries(this.actions) };
  }
}

/**
 * The CLI's `--tolerate` and `--on-invalid` values (each repeatable) as PolicyOptions.
 * - `--tolerate errata,offsetlessTimestamps`: every action (repeats add up);
 * - `--tolerate StopTransaction=fractionalIntegers,overlongStrings`: that action instead of the
 *   global list (repeats add up); `StopTransaction=none` or `StopTransaction=` makes it strict;
 * - `--on-invalid accept` (every action), `--on-invalid StopTransaction=accept`; `reject` is the default.
 * Throws a PolicyError naming the flag and the bad name.
 * @param {{ tolerate?: readonly string[], onInvalid?: readonly string[] }} args
 * @returns {PolicyOptions}
 */
export function parsePolicyArgs({ tolerate = [], onInvalid = [] }) {
  /** @type {Set<Tolerance>} */
  const global = new Set();
  /** @type {Map<Action, Set<Tolerance>>} */
  const perAction = new Map();
  for (const arg of tolerate) {
    const eq = arg.indexOf("=");
    const where = `--tolerate ${arg}`;
    const names = (eq < 0 ? arg : arg.slice(eq + 1)).split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (eq < 0 && names.length === 0) throw new PolicyError(`${where}: expected tolerance names (${TOLERANCES.join(", ")}) or <Action>=<names>`);
    const none = names.length === 1 && names[0] === "none";
    const list = none ? [] : checkTolerances(names, where);
    if (eq < 0) {
      for (const t of list) global.add(t);
      continue;
    }
    const action = checkAction(arg.slice(0, eq).trim(), where);
    let set = perAction.get(action);
    if (!set) perAction.set(action, (set = new Set()));
    for (const t of list) set.add(t);
  }
  /** @type {OnInvalid | undefined} */
  let globalOnInvalid;
  /** @type {Map<Action, OnInvalid>} */
  const onInvalidPerAction = new Map();
  for (const arg of onInvalid) {
    const eq = arg.indexOf("=");
    const where = `--on-invalid ${arg}`;
    const value = checkOnInvalid((eq < 0 ? arg : arg.slice(eq + 1)).trim(), where);
    if (eq < 0) {
      if (globalOnInvalid !== undefined && globalOnInvalid !== value) throw new PolicyError(`${where}: contradicts --on-invalid ${globalOnInvalid}`);
      globalOnInvalid = value;
      continue;
    }
    const action = checkAction(arg.slice(0, eq).trim(), where);
    const before = onInvalidPerAction.get(action);
    if (before !== undefined && before !== value) throw new PolicyError(`${where}: contradicts --on-invalid ${action}=${before}`);
    onInvalidPerAction.set(action, value);
  }
  /** @type {Partial<Record<Action, ActionPolicyOptions>>} */
  const actions = {};
  for (const action of ALL_ACTIONS) {
    const t = perAction.get(action);
    const o = onInvalidPerAction.get(action);
    if (t === undefined && o === undefined) continue;
    /** @type {ActionPolicyOptions} */
    const entry = {};
    if (t !== undefined) entry.tolerate = TOLERANCES.filter((x) => t.has(x));
    if (o !== undefined) entry.onInvalid = o;
    actions[action] = entry;
  }
  /** @type {PolicyOptions} */
  const options = { tolerate: TOLERANCES.filter((x) => global.has(x)), actions };
  if (globalOnInvalid !== undefined) options.onInvalid = globalOnInvalid;
  return options;
}
