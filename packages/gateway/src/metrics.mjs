// @ts-check
/**
 * A small metrics registry rendered in the Prometheus text exposition format 0.0.4, and the two
 * helpers that keep label values derived from input bounded: charge point ids (first come, first
 * tracked, the rest folded into "other") and instance paths (array indices replaced by `*`).
 *
 * No dependency on purpose: an example gateway should show the format, and a scrape must not be
 * able to allocate more than the series the gateway has already decided to keep.
 */

export const CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
/** The label value every charge point beyond the tracked ones is counted under. */
export const OTHER_CHARGE_POINT = "other";
/** OCPP 1.6 identifies a charge point by a CiString of at most 48 characters. */
export const DEFAULT_MAX_CHARGE_POINT_LABEL = 48;
export const DEFAULT_MAX_CHARGE_POINTS = 1000;
/** Longer paths are cut: a bound even if a path ever came from somewhere other than a schema. */
export const MAX_PATH_LABEL = 200;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `\` → `\\`, `"` → `\"`, newline → `\n` (the three escapes 0.0.4 defines for label values). */
export const escapeLabelValue = (/** @type {string} */ v) => v.replace(/[\\"\n]/g, (c) => (c === "\\" ? "\\\\" : c === '"' ? '\\"' : "\\n"));
/** HELP text escapes only `\` and newline. */
const escapeHelp = (/** @type {string} */ v) => v.replace(/[\\\n]/g, (c) => (c === "\\" ? "\\\\" : "\\n"));

/** @param {number} n */
const formatValue = (n) => (Number.isFinite(n) ? String(n) : Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf");

// Array indices become `*` (`/meterValue/3/sampledValue/12/unit` is counted under
// `/meterValue/<*>/sampledValue/<*>/unit`, written with a bare star): one series per schema
// location instead of one per array element a charger can make up.
/** @param {string} path */
export function pathLabel(path) {
  const p = path.replace(/\/\d+(?=\/|$)/g, "/*");
  return p.length > MAX_PATH_LABEL ? p.slice(0, MAX_PATH_LABEL - 1) + "…" : p;
}

/**
 * Decides the `charge_point` label of an id. The first `max` distinct ids of at most `maxLength`
 * characters get their own label for the life of the process (a counter series must not change
 * owner); every other id is counted as "other", so a flood of made-up ids cannot grow the scrape.
 */
export class ChargePointLabels {
  /** @param {{ max?: number, maxLength?: number }} [options] */
  constructor({ max = DEFAULT_MAX_CHARGE_POINTS, maxLength = DEFAULT_MAX_CHARGE_POINT_LABEL } = {}) {
    if (!(Number.isInteger(max) && max >= 0)) throw new TypeError(`the number of tracked charge points must be a non-negative integer, not ${max}`);
    this.max = max;
    this.maxLength = maxLength;
    /** @type {Set<string>} */
    this.tracked = new Set();
    /** Ids counted under "other" (each time one connects). */
    this.folded = 0;
  }

  /** @param {string} id @returns {string} */
  of(id) {
    if (this.tracked.has(id)) return id;
    if (this.tracked.size < this.max && id.length <= this.maxLength) {
      this.tracked.add(id);
      return id;
    }
    this.folded++;
    return OTHER_CHARGE_POINT;
  }
}

/**
 * One value of a family: keep it (`family.cell(values)`) to count without a lookup per event.
 * @typedef {{ values: (string | undefined)[], value: number }} Cell
 */

/**
 * A counter or gauge with a fixed list of label names. A value `undefined` leaves that label out
 * of the series (an optional label, such as `tolerance` on an issue that was not tolerated).
 */
export class Family {
  /**
   * @param {string} name
   * @param {"counter" | "gauge"} type
   * @param {string} help
   * @param {readonly string[]} labelNames
   * @param {(() => Iterable<[(string | undefined)[], number]>) | undefined} collect
   *   read the values at scrape time instead of counting them (for state kept elsewhere)
   */
  constructor(name, type, help, labelNames, collect) {
    if (!NAME.test(name)) throw new TypeError(`invalid metric name ${JSON.stringify(name)}`);
    for (const l of labelNames) if (!LABEL_NAME.test(l) || l.startsWith("__")) throw new TypeError(`invalid label name ${JSON.stringify(l)}`);
    this.name = name;
    this.type = type;
    this.help = help;
    this.labelNames = labelNames;
    this.collect = collect;
    /** @type {Map<string, Cell>} */
    this.cells = new Map();
  }

  /** @param {(string | undefined)[]} values @returns {Cell} */
  cell(values) {
    if (values.length !== this.labelNames.length) throw new TypeError(`${this.name} has ${this.labelNames.length} labels, got ${values.length} values`);
    // JSON keeps any two different lists apart, whatever characters a charge point id carries.
    const key = JSON.stringify(values);
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { values: values.slice(), value: 0 }));
    return c;
  }

  /** @param {(string | undefined)[]} values @param {number} [n] */
  inc(values, n = 1) {
    this.cell(values).value += n;
  }

  /** @param {(string | undefined)[]} values @returns {number} the value, 0 for a series never counted */
  get(values) {
    if (this.collect) {
      const key = JSON.stringify(values);
      for (const [v, n] of this.collect()) if (JSON.stringify(v) === key) return n;
      return 0;
    }
    return this.cells.get(JSON.stringify(values))?.value ?? 0;
  }

  /** @param {string[]} out */
  render(out) {
    out.push(`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`);
    /** @type {Iterable<[(string | undefined)[], number]>} */
    const samples = this.collect ? this.collect() : [...this.cells.values()].map((c) => /** @type {[(string | undefined)[], number]} */ ([c.values, c.value]));
    for (const [values, value] of samples) {
      let labels = "";
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === undefined) continue;
        labels += `${labels ? "," : ""}${this.labelNames[i]}="${escapeLabelValue(v)}"`;
      }
      out.push(`${this.name}${labels ? `{${labels}}` : ""} ${formatValue(value)}`);
    }
  }
}

export class Registry {
  constructor() {
    /** @type {Map<string, Family>} */
    this.families = new Map();
  }

  /**
   * @param {string} name @param {string} help @param {readonly string[]} [labelNames]
   * @param {() => Iterable<[(string | undefined)[], number]>} [collect]
   */
  counter(name, help, labelNames = [], collect) {
    return this.#add(new Family(name, "counter", help, labelNames, collect));
  }

  /**
   * @param {string} name @param {string} help @param {readonly string[]} [labelNames]
   * @param {() => Iterable<[(string | undefined)[], number]>} [collect]
   */
  gauge(name, help, labelNames = [], collect) {
    return this.#add(new Family(name, "gauge", help, labelNames, collect));
  }

  /** @param {Family} f */
  #add(f) {
    if (this.families.has(f.name)) throw new TypeError(`metric ${f.name} registered twice`);
    this.families.set(f.name, f);
    return f;
  }

  /** The whole exposition, one family after another, each with its HELP and TYPE lines. */
  render() {
    /** @type {string[]} */
    const out = [];
    for (const f of this.families.values()) f.render(out);
    return out.join("\n") + "\n";
  }
}
