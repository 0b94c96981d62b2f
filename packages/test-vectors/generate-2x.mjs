// @ts-check
/**
 * The INPUTS of vectors/ocpp2.0.1.json and vectors/ocpp2.1.json (generate.mjs computes every
 * expectation with the reference). Like messages.json for 1.6, but 2.x has ~20 times the schema
 * nodes, most of them uses of the same definitions (CustomDataType alone is in every message), so a
 * full battery per use would be tens of MB that test nothing new. The rule: the first use of a
 * schema node in a protocol gets every case; a later use of an identical node (same JSON) in
 * another message gets only what that message still lacks: one case per keyword group, so every
 * message keeps a case for every keyword its schema can fail on.
 */
import { copy, ensurePath, isEmptyObject, isOpenObject, itemBoundsOf, boundsOf, messageSchema, pointer, sites, typeOf, valueOf } from "./schema-walk.mjs";
import { messageNamesOf } from "./protocols.mjs";

/** A raw JSON value text spliced into a value (number forms JSON.stringify cannot write). */
class Raw {
  constructor(/** @type {string} */ text) {
    this.text = text;
  }
}
const rawv = (/** @type {string} */ t) => new Raw(t);
/** JSON text of a value that may hold Raw texts. @param {any} v @returns {string} */
const toText = (v) => {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return "[" + v.map(toText).join(",") + "]";
  if (v !== null && typeof v === "object") return "{" + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ":" + toText(x)).join(",") + "}";
  return JSON.stringify(v);
};
const DELETE = Symbol("delete");
const E1 = "\u{1F600}";

/** Deep JSON texts for members no schema describes (the core skips them without recursion). */
const deepArrays = (/** @type {number} */ n) => "[".repeat(n) + "]".repeat(n);
const deepObjects = (/** @type {number} */ n) => '{"a":'.repeat(n) + "1" + "}".repeat(n);

/** Every kind of JSON value, as texts (for open members and DataTransfer data). */
const ANY_JSON = [
  ["null", "null"], ["true", "true"], ["false", "false"], ["0", "0"], ["-1.5", "-1.5"], ["1e400 (Infinity once parsed)", "1e400"],
  ["9007199254740993 (unsafe integer)", "9007199254740993"], ['""', '""'], ['"text"', '"text"'], ['"\\ud800" (lone surrogate)', '"\\ud800"'],
  ["[]", "[]"], ["{}", "{}"], ['[1,"a",null,{"b":[]}]', '[1,"a",null,{"b":[]}]'], ['{"a":{"b":{"c":[true]}}}', '{"a":{"b":{"c":[true]}}}'],
  ['{"k":1,"k":2} (duplicate key)', '{"k":1,"k":2}'], ['{"__proto__":{"x":1}}', '{"__proto__":{"x":1}}'],
  ["3000 nested arrays", deepArrays(3000)], ["3000 nested objects", deepObjects(3000)],
];

/**
 * Number texts around a bound b (the reference decides which are inside): b in other forms,
 * texts that round to b as doubles, just beyond on either side, fractions, non-finite.
 * @param {number} b
 * @returns {string[]}
 */
function boundTexts(b) {
  const s = String(b);
  const out = [s, `${s}.0`, `${s}e0`, `${s}.00000000000000001`, `${s}.0000000000001`, `${b + 1}`, `${b - 1}`, `${b + 0.5}`, `${b - 0.5}`, `${b + 0.1}`, `${b - 0.1}`];
  if (b === 0) out.push("-0", "-0.0", "0e5", "0E-5", "-1e-400", "1e-400", "5e-324", "-5e-324", "-0.0000000000001");
  else if (Number.isInteger(b)) {
    // 100 as 1000e-1 and 1.00e2; 99.99999999999999999 is the double 100, 99.9999999999999 is not
    const digits = String(Math.abs(b));
    const sign = b < 0 ? "-" : "";
    out.push(`${b * 10}e-1`, `${sign}${digits[0]}${digits.length > 1 ? "." + digits.slice(1) : ""}e${digits.length - 1}`);
    out.push(`${b - 1}.99999999999999999`, `${b - 1}.9999999999999`);
    if (b % 10 === 0) out.push(`${b / 10}e1`);
  }
  out.push("1e400", "-1e400");
  return [...new Set(out)];
}

/** A wrong-type value text per schema type. */
const WRONG = { string: "1", integer: '"1"', number: '"1.5"', boolean: '"true"', object: "[]", array: "{}" };

/**
 * Feeds every case of every message of a 2.x protocol to `add(name, input, { message })`.
 * @param {import("./protocols.mjs").Protocol} protocol
 * @param {(name: string, input: string, options: { message: string }) => void} add
 */
export function messageCases2x(protocol, add) {
  /** keyword group + node JSON → already given its full battery in this protocol */
  const seen = new Set();
  for (const M of messageNamesOf(protocol)) {
    const S = messageSchema(M, protocol);
    const o = { message: M };
    const min = valueOf(S, "minimal");
    const full = valueOf(S, "full", 2);
    const inputs = new Set();
    const names = new Set();
    /** groups this message already has a case of */
    const covered = new Set();
    const c = (/** @type {string} */ name, /** @type {string} */ input) => {
      if (inputs.has(input) || names.has(name)) return;
      inputs.add(input);
      names.add(name);
      add(`${M}: ${name}`, input, o);
    };
    /** @type {Map<string, { cost: number, fn: () => void }>} the cheapest big coverage case per group, used only if nothing small comes */
    const pending = new Map();
    /**
     * Runs `fn(first)` unless this message already has a case of `group` and the node was seen in
     * the protocol; `first`: the node's first use (give it every case), else one case suffices.
     * `cost`: about how many bytes that one case has; a large one (1025 items, 32 769 characters) is
     * kept back in case a later node of the message covers the group more cheaply.
     * @param {string} group @param {string} key @param {(first: boolean) => void} fn @param {number} [cost]
     */
    const once = (group, key, fn, cost = 0) => {
      const k = `${group}\u0000${key}`;
      const first = !seen.has(k);
      if (!first && covered.has(group)) return;
      if (!first && cost > 1000) {
        const p = pending.get(group);
        if (!p || cost < p.cost) pending.set(group, { cost, fn: () => fn(false) });
        return;
      }
      seen.add(k);
      covered.add(group);
      pending.delete(group);
      fn(first);
    };
    /** Once per protocol (deep nesting: the skip is the same code wherever it happens). @param {string} what */
    const oncePerProtocol = (what) => !seen.has(`protocol\u0000${what}`) && !!seen.add(`protocol\u0000${what}`);
    /** A text of the minimal payload with the value at `path` replaced (or deleted). @param {import("./schema-walk.mjs").Segment[]} path @param {any} value */
    const withAt = (path, value) => {
      if (path.length === 0) return value === DELETE ? "" : toText(value);
      const v = copy(min);
      const { parent, key } = ensurePath(S, v, path);
      if (value === DELETE) delete parent[key];
      else parent[key] = value;
      return toText(v);
    };

    c("minimal valid", toText(min));
    c("full valid", toText(full));
    c("{}", "{}");
    c("[]", "[]");
    c("null", "null");
    const fullText = toText(full);
    if (fullText.length <= 800) c("full, first character of every key escaped", escapeKeys(fullText));
    const firstKey = Object.keys(min)[0];
    if (firstKey !== undefined) {
      const rest = toText(min).slice(1);
      c(`duplicate ${firstKey}: wrong value first, valid value last`, `{${JSON.stringify(firstKey)}:{"wrong":[1]},${rest}`);
      c(`duplicate ${firstKey}: valid value first, wrong value last`, `${toText(min).slice(0, -1)},${JSON.stringify(firstKey)}:{"wrong":[1]}}`);
    }

    for (const s of sites(S)) {
      const P = pointer(s.path) || "(root)";
      const t = typeOf(s.node);
      const key = JSON.stringify(s.node);
      const at = (/** @type {string} */ name, /** @type {any} */ value, path = s.path) => c(`${P} ${name}`, withAt(path, value));
      // the same node as the last of two array items (every array on the path gets a second item)
      const deepPath = s.path.map((seg) => (typeof seg === "number" ? 1 : seg));
      const deep = (/** @type {string} */ name, /** @type {any} */ value) => {
        if (s.arrayDepth > 0) c(`${pointer(deepPath)} ${name} (second item)`, withAt(deepPath, value));
      };
      const last = s.path.at(-1);
      if (s.path.length > 0 && s.required && typeof last === "string") {
        once("required", `${last}\u0000${key}`, (first) => {
          at("missing", DELETE);
          if (first) deep("missing", DELETE);
        });
      }
      if (t !== "any" && s.path.length > 0) {
        once("type", key, (first) => {
          at(`= ${WRONG[t]}`, rawv(WRONG[t]));
          if (!first) return;
          deep(`= ${WRONG[t]}`, rawv(WRONG[t]));
          at("= null", rawv("null"));
        });
      }
      if (t === "object") {
        if (isOpenObject(s.node)) {
          once("open", key, (first) => {
            const base = valueOf(s.node, "minimal");
            if (!first) return at("with an extra member", { ...base, extra: 1 });
            for (const [label, text] of ANY_JSON) at(`with an extra member ${label}`, { ...base, extra: rawv(text) });
            at("with 20 extra members", { ...base, ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, i])) });
            const props = Object.keys(s.node.properties ?? {});
            if (props.length) {
              const p0 = JSON.stringify(props[0]);
              const rest = toText(base).slice(1);
              at(`duplicate ${props[0]}: extra-typed value first`, rawv(`{${p0}:[1],${rest}`));
              at(`duplicate ${props[0]}: extra-typed value last`, rawv(`${toText(base).slice(0, -1)},${p0}:[1]}`));
            }
            if (oncePerProtocol("open deep")) deep("with an extra member 3000 nested arrays", { ...base, extra: rawv(deepArrays(3000)) });
          });
        } else {
          once("additionalProperties", key, (first) => {
            at("with an extra member", { ...valueOf(s.node, "minimal"), extraMember: 1 });
            if (!first) return;
            if (oncePerProtocol("closed deep")) at("with an extra member holding 3000 nested arrays", { ...valueOf(s.node, "minimal"), extraMember: rawv(deepArrays(3000)) });
            deep("with an extra member", { ...valueOf(s.node, "minimal"), extraMember: 1 });
            if (isEmptyObject(s.node)) at('= {"a":1,"a":2,"b":3} (two distinct unknown keys)', rawv('{"a":1,"a":2,"b":3}'));
          });
        }
      } else if (t === "array") {
        const [lo, hi] = itemBoundsOf(s.node);
        const item = valueOf(s.node.items, "minimal");
        const items = (/** @type {number} */ n) => Array.from({ length: n }, () => item);
        once("items", key, (first) => {
          at("= [null, 1]", [null, 1]);
          if (first) at(`= [${toText(item)}, null]`, [item, null]);
        });
        if (lo > 0) {
          once("minItems", key, (first) => {
            at("= [] (fewer than minItems)", []);
            if (!first) return;
            deep("= [] (fewer than minItems)", []);
            if (lo > 1) at(`${lo - 1} items (minItems - 1)`, items(lo - 1));
          });
        } else at("= [] (empty)", []);
        if (hi !== Infinity) {
          // a 1025-item case tests the count, whatever the items: one per protocol, then only where a message has no other
          once("maxItems", hi > 64 ? "big" : key, (first) => {
            at(`${hi + 1} items (maxItems + 1)`, items(hi + 1));
            if (!first) return;
            // a big maxItems once per protocol at the limit: the count, not the size, is the point
            if (hi <= 64 || !seen.has("maxItemsAt\u0000big")) {
              seen.add("maxItemsAt\u0000big");
              at(`${hi} items (at maxItems)`, items(hi));
            }
            if (hi <= 64) at(`${hi + 1} items (maxItems + 1), one of them null`, [...items(hi), null]);
          }, (hi + 1) * (toText(item).length + 1));
        }
      } else if (t === "string") {
        if (s.node.enum) {
          once("enum", JSON.stringify(s.node.enum), (first) => {
            const e0 = s.node.enum[0];
            at(`near miss ${JSON.stringify(e0.toLowerCase() === e0 ? e0.toUpperCase() : e0.toLowerCase())}`, e0.toLowerCase() === e0 ? e0.toUpperCase() : e0.toLowerCase());
            if (!first) return;
            for (const e of s.node.enum) at(`= ${JSON.stringify(e)}`, e);
            for (const v of new Set([e0 + " ", e0.slice(0, -1), ""])) if (!s.node.enum.includes(v)) at(`near miss ${JSON.stringify(v)}`, v);
            at(`= ${JSON.stringify(e0)} with an escaped first character`, rawv(`"\\u${e0.charCodeAt(0).toString(16).padStart(4, "0")}${e0.slice(1)}"`));
            at('= {"a":1,"b":2} (type, enum, additionalProperties x2)', { a: 1, b: 2 });
            at(`= [${JSON.stringify(e0)}]`, [e0]);
            deep('= {"a":1}', { a: 1 });
          });
        }
        if (s.node.maxLength !== undefined) {
          const n = s.node.maxLength;
          once("maxLength", String(n), (first) => {
            at(`${n + 1} ASCII characters (maxLength + 1)`, "A".repeat(n + 1));
            if (!first) return;
            at(`${n - 1} ASCII + 1 astral (at maxLength)`, "A".repeat(n - 1) + E1);
            if (n <= 512) {
              at(`${n} ASCII characters (at maxLength)`, "A".repeat(n));
              at(`${n} ASCII + 1 astral (maxLength + 1)`, "A".repeat(n) + E1);
              at(`${n} astral code points (at maxLength)`, E1.repeat(n));
              at(`${n + 1} astral code points (maxLength + 1)`, E1.repeat(n + 1));
              at(`${n - 1} ASCII + 1 escaped surrogate pair (at maxLength)`, rawv(`"${"A".repeat(n - 1)}\\uD83D\\uDE00"`));
              at(`${n} lone surrogates escaped (at maxLength)`, rawv(`"${"\\uD800".repeat(n)}"`));
              at(`${n + 1} lone surrogates escaped (maxLength + 1)`, rawv(`"${"\\uDC00".repeat(n + 1)}"`));
            }
            if (n <= 512) deep(`${n + 1} ASCII characters (maxLength + 1)`, "A".repeat(n + 1));
          }, n + 1);
        }
        if (s.node.format === "date-time") {
          once("format", "date-time", (first) => {
            at('date-time "2024-05-17T14:32:05" (no offset)', "2024-05-17T14:32:05");
            if (!first) return;
            for (const d of ["2024-05-17T14:32:05Z", "2024-05-17t14:32:05.123+05:30", "2016-12-31T23:59:60Z", "2023-02-29T00:00:00Z", "2024-05-17T24:00:00Z", "2024-05-17", ""]) at(`date-time ${JSON.stringify(d)}`, d);
            deep('date-time "2024-05-17T14:32:05"', "2024-05-17T14:32:05");
          });
        }
        if (!s.node.enum && s.node.maxLength === undefined && !s.node.format) {
          once("string", key, (first) => {
            if (first) for (const v of ["", "\u00e9\u{1F600} \\ \" \u2028", "9".repeat(2000)]) at(`= ${JSON.stringify(v.slice(0, 12))}${v.length > 12 ? "…" : ""} (${v.length} units)`, v);
          });
        }
      } else if (t === "integer" || t === "number") {
        once(t, key, (first) => {
          at("= 1.5", rawv("1.5"));
          if (!first) return;
          const forms = t === "integer" ? ["1.0", "1e2", "-0", "1e400", "9007199254740993", "true"] : ["1e400", "-1e400", "1", "-0", "1e-400"];
          for (const v of forms) at(`= ${v}`, rawv(v));
          deep("= 1.5", rawv("1.5"));
        });
        const [lo, hi] = boundsOf(s.node);
        if (lo !== -Infinity) {
          once("minimum", key, (first) => {
            at(`minimum ${lo}: ${lo - 1}`, rawv(String(lo - 1)));
            if (!first) return;
            for (const v of boundTexts(lo)) at(`minimum ${lo}: ${v}`, rawv(v));
            deep(`minimum ${lo}: ${lo - 1}`, rawv(String(lo - 1)));
          });
        }
        if (hi !== Infinity) {
          once("maximum", key, (first) => {
            at(`maximum ${hi}: ${hi + 1}`, rawv(String(hi + 1)));
            if (!first) return;
            for (const v of boundTexts(hi)) at(`maximum ${hi}: ${v}`, rawv(v));
            deep(`maximum ${hi}: ${hi + 1}`, rawv(String(hi + 1)));
          });
        }
        if (s.node.multipleOf !== undefined) {
          once("multipleOf", key, () => {
            for (const v of ["0.3", "12", "1e2", "0.35", "0.30000000000000004", "1e-7", "1e21", "5e-324", "0.30000000000000001"]) at(`multipleOf ${s.node.multipleOf}: ${v}`, rawv(v));
          });
        }
      } else if (t === "boolean") {
        once("boolean", key, (first) => {
          at("= 0", rawv("0"));
          if (first) for (const v of ["true", "false", "1", '"false"', "[]"]) at(`= ${v}`, rawv(v));
        });
      } else if (t === "any") {
        // every message with an untyped node gets all of them: there are four such nodes in all
        for (const [label, text] of ANY_JSON) at(`= ${label}`, rawv(text));
        at("missing", DELETE);
      }
    }
    for (const { fn } of pending.values()) fn();
  }
}

/** Escapes the first character of every object key (`"\u0069dTag"`). @param {string} text */
function escapeKeys(text) {
  return text.replace(/([{,])"([A-Za-z])/g, (_, p, ch) => `${p}"\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
