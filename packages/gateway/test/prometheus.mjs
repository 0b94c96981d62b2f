// A strict parser of the Prometheus text exposition format 0.0.4, for the tests: it throws on
// anything the format does not allow (and on a few things it allows that the gateway never writes:
// comments other than HELP and TYPE, blank lines, samples of an undeclared family, timestamps),
// so "it parses" means a Prometheus server would read the scrape as the tests read it.
// https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|NaN|[+-]Inf)$/;

/** `\\` and `\n` in HELP; `\\`, `\"` and `\n` in label values; any other escape is an error. */
function unescape(text, allowQuote, where) {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = text[++i];
    if (n === "\\") out += "\\";
    else if (n === "n") out += "\n";
    else if (n === '"' && allowQuote) out += '"';
    else throw new Error(`${where}: invalid escape \\${n ?? ""}`);
  }
  return out;
}

/** `{a="x",b="y\"z"}` from position `i` (at `{`): the labels and the position after `}`. */
function parseLabels(line, i, where) {
  const labels = {};
  i++; // {
  if (line[i] === "}") return { labels, end: i + 1 };
  for (;;) {
    const eq = line.indexOf("=", i);
    if (eq < 0) throw new Error(`${where}: label without =`);
    const name = line.slice(i, eq);
    if (!LABEL_NAME.test(name)) throw new Error(`${where}: invalid label name ${JSON.stringify(name)}`);
    if (name.startsWith("__")) throw new Error(`${where}: reserved label name ${name}`);
    if (Object.hasOwn(labels, name)) throw new Error(`${where}: label ${name} twice`);
    if (line[eq + 1] !== '"') throw new Error(`${where}: label value of ${name} not quoted`);
    let j = eq + 2;
    let raw = "";
    for (;;) {
      if (j >= line.length) throw new Error(`${where}: unterminated label value of ${name}`);
      const c = line[j];
      if (c === "\\") {
        raw += c + (line[j + 1] ?? "");
        j += 2;
        continue;
      }
      if (c === '"') break;
      raw += c;
      j++;
    }
    labels[name] = unescape(raw, true, where);
    j++; // closing quote
    if (line[j] === "}") return { labels, end: j + 1 };
    if (line[j] !== ",") throw new Error(`${where}: expected , or } after label ${name}`);
    i = j + 1;
    // A trailing comma is tolerated by some parsers; the gateway never writes one.
    if (line[i] === "}") throw new Error(`${where}: trailing comma in labels`);
  }
}

/**
 * @returns {Map<string, { type: string, help: string, samples: { labels: Record<string, string>, value: number }[] }>}
 */
export function parsePrometheus(text) {
  if (typeof text !== "string" || !text.endsWith("\n")) throw new Error("the exposition must end with a newline");
  const families = new Map();
  const closed = new Set();
  let current = null;
  const seen = new Set();
  const lines = text.slice(0, -1).split("\n");
  const family = (name) => {
    if (current !== name) {
      if (current !== null) closed.add(current);
      if (closed.has(name)) throw new Error(`lines of ${name} are not contiguous`);
      current = name;
    }
    let f = families.get(name);
    if (!f) families.set(name, (f = { type: undefined, help: undefined, samples: [] }));
    return f;
  };
  lines.forEach((line, n) => {
    const where = `line ${n + 1} (${JSON.stringify(line.slice(0, 80))})`;
    if (line === "") throw new Error(`${where}: blank line`);
    if (line.startsWith("#")) {
      const m = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
      if (!m) throw new Error(`${where}: a comment other than HELP or TYPE`);
      const [, kind, name, rest] = m;
      if (!NAME.test(name)) throw new Error(`${where}: invalid metric name`);
      const f = family(name);
      if (kind === "HELP") {
        if (f.help !== undefined) throw new Error(`${where}: second HELP for ${name}`);
        f.help = unescape(rest, false, where);
      } else {
        if (f.type !== undefined) throw new Error(`${where}: second TYPE for ${name}`);
        if (f.samples.length) throw new Error(`${where}: TYPE after samples of ${name}`);
        if (!TYPES.has(rest)) throw new Error(`${where}: unknown type ${JSON.stringify(rest)}`);
        f.type = rest;
      }
      return;
    }
    const nameEnd = line.search(/[{ ]/);
    if (nameEnd <= 0) throw new Error(`${where}: no metric name`);
    const name = line.slice(0, nameEnd);
    if (!NAME.test(name)) throw new Error(`${where}: invalid metric name ${JSON.stringify(name)}`);
    let labels = {};
    let i = nameEnd;
    if (line[i] === "{") ({ labels, end: i } = parseLabels(line, i, where));
    if (line[i] !== " ") throw new Error(`${where}: expected one space before the value`);
    const value = line.slice(i + 1);
    if (!VALUE.test(value)) throw new Error(`${where}: invalid value ${JSON.stringify(value)} (or a timestamp, which the gateway never writes)`);
    const f = family(name);
    if (f.type === undefined) throw new Error(`${where}: sample of ${name} before its TYPE`);
    if (f.type !== "counter" && f.type !== "gauge") throw new Error(`${where}: ${f.type} is not expected here`);
    const v = Number(value.replace("Inf", "Infinity"));
    if (f.type === "counter" && !(v >= 0)) throw new Error(`${where}: a counter must be a non-negative number`);
    const key = name + JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    if (seen.has(key)) throw new Error(`${where}: the same series twice`);
    seen.add(key);
    f.samples.push({ labels, value: v });
  });
  for (const [name, f] of families) {
    if (f.type === undefined) throw new Error(`${name} has no TYPE`);
    if (f.help === undefined) throw new Error(`${name} has no HELP`);
  }
  return families;
}

/** The value of the series with exactly these labels (undefined when there is none). */
export function sample(families, name, labels = {}) {
  const f = families.get(name);
  if (!f) throw new Error(`no family ${name}`);
  const want = JSON.stringify(Object.entries(labels).sort());
  return f.samples.find((s) => JSON.stringify(Object.entries(s.labels).sort()) === want)?.value;
}
