/**
 * The words of issue and warning messages (crates/core/SEMANTICS.md, "Messages"). Every backend
 * prints exactly these texts; the Rust core's are in crates/core/src/display.rs and datetime.rs
 * (`diagnose`), and the cross-backend tests compare the two word for word.
 */

/** How many UTF-16 code units of a string value a message shows. */
const SHOWN_UNITS = 40;
/** Longer values get no "did you mean": the distance would cost much and mean little. */
const MAX_SUGGESTION_UNITS = 64;

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** `JSON.stringify` of the first 40 code units (39 rather than split a pair), `…` inside the quotes when cut. */
export function showString(s: string): string {
  if (s.length <= SHOWN_UNITS) return JSON.stringify(s);
  const take = isHigh(s.charCodeAt(SHOWN_UNITS - 1)) && isLow(s.charCodeAt(SHOWN_UNITS)) ? SHOWN_UNITS - 1 : SHOWN_UNITS;
  const quoted = JSON.stringify(s.slice(0, take));
  return `${quoted.slice(0, -1)}…"`;
}

/** A value as a message shows it: `show(v)` of SEMANTICS.md (plus what only the object path can hold). */
export function show(v: unknown): string {
  switch (typeof v) {
    case "string":
      return showString(v);
    case "number":
    case "boolean":
      return String(v);
    case "undefined":
      return "undefined";
    case "object":
      return v === null ? "null" : Array.isArray(v) ? "an array" : "an object";
    default:
      return `a ${typeof v}`;
  }
}

/** ASCII lowercasing of one UTF-16 code unit. */
const lower = (u: number) => (u >= 0x41 && u <= 0x5a ? u + 32 : u);

function levenshtein(a: string, b: string, row: number[]): number {
  row.length = 0;
  for (let j = 0; j <= b.length; j++) row.push(j);
  for (let i = 0; i < a.length; i++) {
    const ca = lower(a.charCodeAt(i));
    let diagonal = i;
    row[0] = i + 1;
    for (let j = 0; j < b.length; j++) {
      const above = row[j + 1]!;
      const cost = ca === lower(b.charCodeAt(j)) ? 0 : 1;
      row[j + 1] = Math.min(diagonal + cost, above + 1, row[j]! + 1);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The allowed value a mistyped string most likely meant: the one with the smallest Levenshtein
 * distance over UTF-16 code units after ASCII lowercasing (the first in schema order on a tie),
 * suggested when that distance is at most max(1, ⌊its length / 3⌋).
 */
export function suggestion(value: string, allowed: readonly string[]): string | undefined {
  if (value.length === 0 || value.length > MAX_SUGGESTION_UNITS) return undefined;
  const row: number[] = [];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = levenshtein(value, candidate, row);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : undefined;
}

export const typeMessage = (type: string, v: unknown): string => `must be ${type}, got ${show(v)}`;

export function enumMessage(v: unknown, allowed: readonly string[]): string {
  const head = `${show(v)} is not one of the ${allowed.length} allowed values`;
  const near = typeof v === "string" ? suggestion(v, allowed) : undefined;
  return near === undefined ? head : `${head}; did you mean ${showString(near)}?`;
}

export const maxLengthMessage = (length: number, max: number): string => `has ${length} characters, more than the ${max} allowed`;
export const uriMessage = (v: string): string => `${showString(v)} is not a URI (RFC 3986, with a scheme such as https:)`;
export const multipleOfMessage = (v: number, m: string): string => `${show(v)} is not a multiple of ${m}`;
export const minimumMessage = (v: number, m: number): string => `${show(v)} is less than the minimum ${String(m)}`;
export const maximumMessage = (v: number, m: number): string => `${show(v)} is more than the maximum ${String(m)}`;
export const minItemsMessage = (n: number, min: number): string => `has ${n} items, fewer than the ${min} required`;
export const maxItemsMessage = (n: number, max: number): string => `has ${n} items, more than the ${max} allowed`;
export const requiredMessage = (name: string): string => `must have required property '${name}'`;
export const unknownPropertyMessage = (key: string): string => `has unknown property ${showString(key)}`;
export const dateTimeMessage = (v: string): string => `${showString(v)} is not a date-time: ${dateTimeReason(v)}`;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const SHAPE = "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)";
// The regexes of ajv-formats' date-time (date-time.ts), with the offset optional so a missing one can be named.
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d)((?:\.\d+)?)(z|[+-](\d\d)(?::?(\d\d))?)?$/i;
const SEPARATOR = /t|\s/i;

/**
 * Why a string that is not a date-time (ajv-formats 3 full mode) is not one: the first reason of
 * SEMANTICS.md's list that applies. Numbers are quoted as written.
 */
export function dateTimeReason(s: string): string {
  const parts = s.split(SEPARATOR);
  if (parts.length !== 2) return SHAPE;
  const date = DATE.exec(parts[0]!);
  const time = TIME.exec(parts[1]!);
  if (!date || !time) return SHAPE;
  const [, yyyy, mm, dd] = date as unknown as [string, string, string, string];
  const month = +mm;
  if (month < 1 || month > 12) return `month ${mm} does not exist`;
  const year = +yyyy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && leap ? 29 : DAYS[month]!;
  const day = +dd;
  if (day < 1) return `day ${dd} does not exist`;
  if (day > maxDay) return `day ${dd} does not exist: ${MONTHS[month - 1]}${month === 2 ? ` ${yyyy}` : ""} has ${maxDay} days`;
  const [, hh, mi, ss, fraction, zone, offH, offM] = time;
  if (zone === undefined) return "no offset (add Z for UTC, or ±hh:mm)";
  if (offH !== undefined && +offH > 23) return `offset hour ${offH} is out of range 00-23`;
  if (offM !== undefined && +offM > 59) return `offset minute ${offM} is out of range 00-59`;
  if (+hh! > 23) return `hour ${hh} is out of range 00-23`;
  if (+mi! > 59) return `minute ${mi} is out of range 00-59`;
  // The value ajv compares, fraction included (`59.99999999999999999` is 60).
  return +(ss! + fraction!) < 61 ? `second ${ss} is a leap second, allowed only at 23:59:60 UTC` : `second ${ss} is out of range 00-60`;
}
