// @ts-check
/**
 * The reference of warnings (crates/core/SEMANTICS.md, "Warnings"): what JSON.parse hides, found in
 * the text. Written independently of the Rust scanner and of the js backend, in a different shape:
 * the text is first cut into tokens by one sticky regex, then the tokens are walked with an explicit
 * stack (no recursion, so 100 000 nested `[` are fine). Only for text JSON.parse accepts.
 */

/** @typedef {{ instancePath: string, warning: "unsafeInteger" | "duplicateKey" | "loneSurrogate" }} ReferenceWarning */

// Strings, numbers, literals, punctuation, whitespace: a valid JSON text is exactly a sequence of these.
const TOKEN = /[ \t\n\r]+|("(?:[^"\\]|\\.)*")|(-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)|(true|false|null)|([{}[\]:,])/y;

/** @param {string} key */
const pointer = (key) => "/" + key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * Whether the raw string token (quotes included) has a `\uD800`–`\uDFFF` escape that is not half of
 * a pair once decoded. Raw surrogates cannot come from UTF-8 bytes; a JS string may hold them, but
 * SEMANTICS.md defines no warning for those, so only escaped ones are reported.
 * @param {string} raw
 */
function hasLoneSurrogateEscape(raw) {
  if (!/\\u[dD][89a-fA-F]/.test(raw)) return false;
  const units = [];
  for (let i = 1; i < raw.length - 1; i++) {
    if (raw[i] === "\\") {
      if (raw[i + 1] === "u") {
        units.push({ unit: parseInt(raw.slice(i + 2, i + 6), 16), escaped: true });
        i += 5;
      } else {
        units.push({ unit: 0, escaped: false });
        i += 1;
      }
    } else {
      units.push({ unit: raw.charCodeAt(i), escaped: false });
    }
  }
  for (let i = 0; i < units.length; i++) {
    const u = units[i].unit;
    const next = units[i + 1]?.unit ?? 0;
    if (u >= 0xd800 && u <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    if (u >= 0xd800 && u <= 0xdfff && units[i].escaped) return true;
  }
  return false;
}

/** @param {string} literal */
function isUnsafeInteger(literal) {
  if (!/^-?[0-9]+$/.test(literal)) return false;
  return BigInt(literal) > 9007199254740991n || BigInt(literal) < -9007199254740991n;
}

/**
 * The warnings of a JSON text, in document order, as (instancePath, warning) pairs.
 * @param {string} text  must be a JSON text JSON.parse accepts
 * @returns {ReferenceWarning[]}
 */
export function referenceWarnings(text) {
  JSON.parse(text);
  /** @type {{ type: "s" | "n" | "l" | "p", text: string }[]} */
  const tokens = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`warnings reference: cannot tokenize at ${TOKEN.lastIndex}`);
    if (m[1] !== undefined) tokens.push({ type: "s", text: m[1] });
    else if (m[2] !== undefined) tokens.push({ type: "n", text: m[2] });
    else if (m[3] !== undefined) tokens.push({ type: "l", text: m[3] });
    else if (m[4] !== undefined) tokens.push({ type: "p", text: m[4] });
  }
  /** @type {ReferenceWarning[]} */
  const out = [];
  /** @type {{ kind: "object" | "array", path: string, keys: Set<string>, index: number }[]} */
  const stack = [];
  // The path of the value the next token starts.
  let path = "";
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    const top = stack[stack.length - 1];
    if (tok.type === "p") {
      if (tok.text === "{" || tok.text === "[") {
        stack.push({ kind: tok.text === "{" ? "object" : "array", path, keys: new Set(), index: 0 });
        if (tok.text === "[") path = stack[stack.length - 1].path + "/0";
      } else if (tok.text === "}" || tok.text === "]") {
        stack.pop();
      } else if (tok.text === "," && top?.kind === "array") {
        top.index++;
        path = `${top.path}/${top.index}`;
      }
      continue;
    }
    // A key: a string right after `{` or `,` inside an object, followed by `:`.
    if (tok.type === "s" && top?.kind === "object" && tokens[t + 1]?.text === ":") {
      const key = /** @type {string} */ (JSON.parse(tok.text));
      path = top.path + pointer(key.toWellFormed());
      if (hasLoneSurrogateEscape(tok.text)) out.push({ instancePath: path, warning: "loneSurrogate" });
      if (top.keys.has(key)) out.push({ instancePath: path, warning: "duplicateKey" });
      top.keys.add(key);
      continue;
    }
    if (tok.type === "s" && hasLoneSurrogateEscape(tok.text)) out.push({ instancePath: path, warning: "loneSurrogate" });
    if (tok.type === "n" && isUnsafeInteger(tok.text)) out.push({ instancePath: path, warning: "unsafeInteger" });
  }
  return out;
}
