/**
 * Exact port of ajv-formats 3.x `fullFormats["date-time"]` = `getDateTime(true)`
 * (node_modules/ajv-formats/dist/formats.js), plus ajv's `ucs2length` (ajv/dist/runtime/ucs2length.js).
 * Do not "improve" these: the verdict must equal ajv's on every string.
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const TIME = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i;
const DATE_TIME_SEPARATOR = /t|\s/i;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function isDate(str: string): boolean {
  const m = DATE.exec(str);
  if (!m) return false;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!);
}

/** ajv-formats getTime(true): the offset is required. */
function isTimeStrict(str: string): boolean {
  const m = TIME.exec(str);
  if (!m) return false;
  const hr = +m[1]!;
  const min = +m[2]!;
  const sec = +m[3]!;
  const tz = m[4];
  const tzSign = m[5] === "-" ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || !tz) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  // leap second
  const utcMin = min - tzM * tzSign;
  const utcHr = hr - tzH * tzSign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
}

/** Canonical shape `YYYY-MM-DDTHH:MM:SS[.f+]Z` (upper-case T/Z, ASCII digits): checked without regexes. */
function fastCanonical(s: string): boolean | undefined {
  const n = s.length;
  if (n < 20 || s.charCodeAt(n - 1) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return undefined;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  for (let i = 0; i < 19; i++) {
    if (i === 4 || i === 7 || i === 10 || i === 13 || i === 16) continue;
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  if (n !== 20) {
    if (s.charCodeAt(19) !== 46 /* . */ || n === 21) return undefined;
    for (let i = 20; i < n - 1; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return undefined;
    }
  }
  const d = (i: number) => s.charCodeAt(i) - 48;
  const year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const month = d(5) * 10 + d(6);
  const day = d(8) * 10 + d(9);
  const hr = d(11) * 10 + d(12);
  const min = d(14) * 10 + d(15);
  const sec = d(17) * 10 + d(18);
  // Date part: same rules as isDate.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && isLeapYear(year) ? 29 : DAYS[month]!))) return false;
  if (hr <= 23 && min <= 59 && sec <= 58) return true;
  return undefined; // second 59.x (may round to 60), 60, or out of range: use the exact path
}

/** ajv-formats 3 full-mode `date-time`. */
export function isDateTime(str: string): boolean {
  const fast = fastCanonical(str);
  if (fast !== undefined) return fast;
  const parts = str.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isDate(parts[0]!) && isTimeStrict(parts[1]!);
}

/** The unaccelerated port (used by tests to check the fast path). */
export function isDateTimeReference(str: string): boolean {
  const parts = str.split(DATE_TIME_SEPARATOR);
  return parts.length === 2 && isDate(parts[0]!) && isTimeStrict(parts[1]!);
}

/** ajv's ucs2length: UTF-16 length with each surrogate pair counted once. */
export function ucs2length(str: string): number {
  const len = str.length;
  let length = 0;
  let pos = 0;
  let value: number;
  while (pos < len) {
    length++;
    value = str.charCodeAt(pos++);
    if (value >= 0xd800 && value <= 0xdbff && pos < len) {
      value = str.charCodeAt(pos);
      if ((value & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

/** ajv `maxLength` on a string (fast path: UTF-16 length bounds the code point count). */
export function maxLengthOk(str: string, max: number): boolean {
  return str.length <= max || ucs2length(str) <= max;
}
