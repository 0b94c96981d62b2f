/**
 * `multipleOf`, decided exactly in decimal (the one deliberate difference from stock ajv, which tests
 * `x / m` in binary floating point, so that `0.3` is not a multiple of `0.1` there).
 *
 * x is a multiple of m when x's shortest decimal form, `String(x)`, is an exact decimal multiple of
 * m's decimal form. Against 0.1: `0.3`, `12`, `1e2`, `-0`, `1e21` pass; `0.35`, `0.30000000000000004`,
 * `1e-7`, `5e-324` fail. NaN and ±Infinity are multiples of nothing. The same rule as the Rust core
 * (crates/core/src/decimal.rs).
 */

/** A positive decimal d × 10^e with d not divisible by 10 (`digits` is d without sign or leading zeros). */
interface Decimal {
  readonly digits: string;
  readonly exponent: number;
}

/**
 * Parses what `String(x)` prints for a finite non-zero number (`123`, `-1.25`, `1e+21`, `1.5e-7`), or a
 * plain decimal literal for m. Returns null for anything else.
 */
function parseDecimal(text: string): Decimal | null {
  const m = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return null;
  const int = m[1]!;
  const frac = m[2] ?? "";
  let digits = (int + frac).replace(/^0+/, "");
  if (digits === "") return null; // zero
  let exponent = (m[3] === undefined ? 0 : Number(m[3])) - frac.length;
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48 /* 0 */) end--;
  exponent += digits.length - end;
  digits = digits.slice(0, end);
  return { digits, exponent };
}

const divisors = new Map<string, Decimal>();

function divisor(m: string | number): Decimal {
  const key = String(m);
  let d = divisors.get(key);
  if (d === undefined) {
    const parsed = parseDecimal(key);
    if (parsed === null || key.startsWith("-")) throw new RangeError(`multipleOf: ${key} is not a positive decimal`);
    d = parsed;
    divisors.set(key, d);
  }
  return d;
}

/** Whether `x` is a multiple of `m` (a positive decimal, as a number or its decimal text) by the rule above. */
export function isMultipleOf(x: number, m: string | number): boolean {
  const div = divisor(m);
  if (!Number.isFinite(x)) return false;
  if (x === 0) return true;
  const dec = parseDecimal(String(x))!;
  // x = dx·10^ex, m = dm·10^em, neither dx nor dm divisible by 10. If ex < em, x/m = dx / (dm·10^(em−ex))
  // would need 10 | dx: never. Otherwise x/m is an integer iff dm | dx·10^(ex−em).
  if (dec.exponent < div.exponent) return false;
  if (div.digits === "1") return true;
  const modulus = BigInt(div.digits);
  const residue = (BigInt(dec.digits) % modulus) * (10n ** BigInt(dec.exponent - div.exponent) % modulus);
  return residue % modulus === 0n;
}
