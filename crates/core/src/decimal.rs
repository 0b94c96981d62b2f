//! `multipleOf`, decided exactly in decimal: the one deliberate difference from stock ajv.
//!
//! Stock ajv tests `x / m` in binary floating point, so `0.3` is not a multiple of `0.1` there
//! (`0.3 / 0.1 = 2.9999999999999996`). Our rule, which a bytes validator can apply exactly: x is
//! a multiple of m when x's shortest decimal form — what `String(x)` prints for the double
//! `JSON.parse` gives — is an exact decimal multiple of m. So `0.3`, `12`, `1e2` pass and `0.35`,
//! `0.30000000000000004`, `1e-7` fail against 0.1. A literal that is not a finite double
//! (`1e400`) is not checked at all: with `strictNumbers` ajv runs number keywords only on finite
//! numbers (the `type` keyword reports it instead).

use core::fmt::Write;

use crate::schema::Multiple;

/// A stack buffer for `{:e}`: the longest shortest form is 17 digits, a point and `e-324`.
struct Buf {
    bytes: [u8; 40],
    len: usize,
}

impl Write for Buf {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len + s.len();
        let dst = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        dst.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Whether the JSON number `literal` passes `multipleOf: m` by the rule above.
pub(crate) fn is_multiple(literal: &[u8], m: Multiple) -> bool {
    let Some(v) = core::str::from_utf8(literal).ok().and_then(|t| t.parse::<f64>().ok()) else {
        return false;
    };
    if !v.is_finite() {
        return true;
    }
    if v == 0.0 {
        return true;
    }
    // Rust's `{:e}` and JavaScript's `String` both print the shortest digits that round-trip.
    let mut buf = Buf { bytes: [0; 40], len: 0 };
    if write!(buf, "{:e}", v.abs()).is_err() {
        return false;
    }
    let Some(text) = buf.bytes.get(..buf.len) else {
        return false;
    };
    let Some((coefficient, exponent)) = digits_and_exponent(text) else {
        return false;
    };
    // x = coefficient × 10^exponent with no trailing zero in coefficient, and the same for m.
    // x / m is an integer iff exponent ≥ m.exponent (else x has a non-zero digit below m's
    // last place) and coefficient × 10^(exponent − m.exponent) ≡ 0 (mod m.coefficient).
    if exponent < m.exponent {
        return false;
    }
    let modulus = u128::from(m.coefficient);
    if modulus <= 1 {
        return true;
    }
    let shift = (exponent - m.exponent) as u32;
    let residue = u128::from(coefficient) % modulus * pow10_mod(shift, modulus) % modulus;
    residue == 0
}

/// `d.ddde±x` → (digits without trailing zeros, exponent of the last digit).
fn digits_and_exponent(text: &[u8]) -> Option<(u64, i32)> {
    let e = text.iter().position(|&b| b == b'e')?;
    let (mantissa, exp) = (text.get(..e)?, text.get(e + 1..)?);
    let exp: i32 = core::str::from_utf8(exp).ok()?.parse().ok()?;
    let mut coefficient: u64 = 0;
    let mut fraction_digits = 0i32;
    let mut after_point = false;
    for &b in mantissa {
        match b {
            b'.' => after_point = true,
            b'0'..=b'9' => {
                coefficient = coefficient.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                if after_point {
                    fraction_digits += 1;
                }
            }
            _ => return None,
        }
    }
    let mut exponent = exp - fraction_digits;
    while coefficient != 0 && coefficient.is_multiple_of(10) {
        coefficient /= 10;
        exponent += 1;
    }
    Some((coefficient, exponent))
}

/// 10^`power` mod `modulus` (`modulus` < 2^61, so products fit in u128).
fn pow10_mod(mut power: u32, modulus: u128) -> u128 {
    let mut result = 1 % modulus;
    let mut base = 10 % modulus;
    while power > 0 {
        if power & 1 == 1 {
            result = result * base % modulus;
        }
        base = base * base % modulus;
        power >>= 1;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENTH: Multiple = Multiple { coefficient: 1, exponent: -1, text: "0.1" };

    fn multiple(literal: &str, m: Multiple) -> bool {
        is_multiple(literal.as_bytes(), m)
    }

    #[test]
    fn tenths() {
        // ±Infinity is left to `type`, as ajv's strictNumbers does.
        for yes in [
            "0.3", "12", "1e2", "-0.5", "0", "-0", "0.0", "1e21", "1e300", "100e-3", "1e-1", "-12.3", "0.30000000000000001",
            "1e400", "-1e400",
        ] {
            assert!(multiple(yes, TENTH), "{yes}");
        }
        for no in ["0.35", "0.30000000000000004", "1e-7", "5e-324", "0.01", "1.23"] {
            assert!(!multiple(no, TENTH), "{no}");
        }
    }

    #[test]
    fn other_multiples() {
        let quarter = Multiple { coefficient: 25, exponent: -2, text: "0.25" };
        assert!(multiple("0.75", quarter));
        assert!(multiple("1", quarter));
        assert!(multiple("1e5", quarter));
        assert!(!multiple("0.1", quarter));
        assert!(!multiple("0.3", quarter));
        let seven = Multiple { coefficient: 7, exponent: 0, text: "7" };
        assert!(multiple("14", seven));
        assert!(multiple("7e20", seven));
        assert!(!multiple("1e20", seven));
        assert!(!multiple("3.5", seven));
        let hundred = Multiple { coefficient: 1, exponent: 2, text: "100" };
        assert!(multiple("300", hundred));
        assert!(!multiple("310", hundred));
        assert!(multiple("1e300", hundred));
    }

    #[test]
    fn shortest_form_is_what_counts() {
        // 2^53 + 1 rounds to 2^53: the double's shortest form decides, not the literal.
        let two = Multiple { coefficient: 2, exponent: 0, text: "2" };
        assert!(multiple("9007199254740993", two));
        assert!(digits_and_exponent(b"1.5e300") == Some((15, 299)));
        assert!(digits_and_exponent(b"5e-324") == Some((5, -324)));
    }
}
