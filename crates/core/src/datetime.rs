//! ajv-formats 3 (full mode) `date-time`, hand-written over the decoded string's code units.
//!
//! ajv: `str.split(/t|\s/i)` must give two parts, then
//! `^(\d\d\d\d)-(\d\d)-(\d\d)$` and `^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)$/i`
//! (offset required in strict mode). Neither regex can match a separator character, so "two
//! parts" is the same as: exactly 10 date chars, one separator, then the time to the end.

/// JS `\s` (WhiteSpace + LineTerminator), plus `t`/`T` from the split regex.
#[inline]
fn is_separator(u: u32) -> bool {
    matches!(
        u,
        0x74 | 0x54
            | 0x09..=0x0D
            | 0x20
            | 0xA0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
            | 0xFEFF
    )
}

#[inline]
fn digit(u: Option<u32>) -> Option<u32> {
    match u {
        Some(d @ 0x30..=0x39) => Some(d - 0x30),
        _ => None,
    }
}

#[inline]
fn two<I: Iterator<Item = u32>>(it: &mut I) -> Option<u32> {
    Some(digit(it.next())? * 10 + digit(it.next())?)
}

fn is_leap(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// Seconds as JavaScript's `+"SS.fff"`: the correctly rounded double. Digits beyond the 64th
/// fraction digit only matter as "some nonzero digit follows" (a rounding boundary near 60 has at
/// most ~50 significant fraction digits), so they collapse into one sticky `1`.
struct Seconds {
    buf: [u8; 2 + 1 + 64 + 1],
    len: usize,
    sticky: bool,
}

impl Seconds {
    fn value(&self) -> f64 {
        let mut len = self.len;
        let mut buf = self.buf;
        if self.sticky {
            if let Some(slot) = buf.get_mut(len) {
                *slot = b'1';
                len += 1;
            }
        }
        core::str::from_utf8(buf.get(..len).unwrap_or(&[]))
            .ok()
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(f64::INFINITY)
    }
}

/// A date-time written in plain ASCII (the raw bytes of an unescaped string).
#[inline]
pub(crate) fn is_date_time_ascii(s: &[u8]) -> bool {
    plainly_valid(s) || is_date_time(s.iter().map(|&b| u32::from(b)))
}

/// The everyday shape `YYYY-MM-DD(T|t| )HH:MM:SS(.f+)?(Z|z|+HH:MM|-HH:MM|+HHMM|+HH)` with
/// ordinary values, decided on fixed byte positions without the general parser. Only ever says
/// "valid": anything else, including every leap-second and rounding case (hour > 23, minute > 59,
/// second >= 59 with a fraction, second >= 60), goes to the general path, which decides.
///
/// The fixed 19-byte head is checked as three little-endian words (all fourteen digits and the
/// four separators at once, no branch per field): timestamps are on every meter value, and the
/// field-by-field version cost ~170 instructions each.
#[inline]
pub(crate) fn plainly_valid(s: &[u8]) -> bool {
    const LO: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const SIX: u64 = 0x0606_0606_0606_0606;
    let (Some(head), Some(rest)) = (s.first_chunk::<19>(), s.get(19..)) else {
        return false;
    };
    let le = |at: usize| {
        let mut w = [0u8; 8];
        if let Some(b) = head.get(at..at + 8) {
            w.copy_from_slice(b);
        }
        u64::from_le_bytes(w) ^ 0x3030_3030_3030_3030
    };
    // `YYYY-MM-`, `DDTHH:MM`, `HH:MM:SS` (bytes 0, 8 and 11 on), each byte XOR '0': a digit is 0..9.
    let (a, b, c) = (le(0), le(8), le(11));
    // A non-zero byte where a digit belongs: a high nibble, or a low nibble above 9 (no carries
    // between bytes, since only low nibbles are added to).
    let not_digit = |x: u64, digits: u64| (x & HI | ((x & LO) + SIX) & HI) & digits;
    let bad = not_digit(a, 0x00FF_FF00_FFFF_FFFF) | not_digit(b, 0xFFFF) | not_digit(c, 0xFFFF_00FF_FF00_FFFF);
    // '-' ^ '0' = 0x1D and ':' ^ '0' = 0x0A at their fixed places.
    let seps = a & 0xFF00_00FF_0000_0000 ^ 0x1D00_001D_0000_0000 | c & 0x0000_FF00_00FF_0000 ^ 0x0000_0A00_000A_0000;
    let sep = head.get(10).copied().unwrap_or(0);
    if bad | seps != 0 || !matches!(sep, b'T' | b't' | b' ') {
        return false;
    }
    let two = |x: u64, k: u32| ((x >> (8 * k)) & 0xFF) as u32 * 10 + ((x >> (8 * k + 8)) & 0xFF) as u32;
    let (yh, yl, month, day, hr, min, sec) = (two(a, 0), two(a, 2), two(a, 5), two(b, 0), two(c, 0), two(c, 3), two(c, 6));
    let mut rest = rest;
    if let [b'.', tail @ ..] = rest {
        let digits = tail.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || sec >= 59 {
            return false;
        }
        rest = tail.get(digits..).unwrap_or(&[]);
    }
    let n = |a: u8, b: u8| -> Option<u32> {
        let (a, b) = (a.wrapping_sub(b'0'), b.wrapping_sub(b'0'));
        (a < 10 && b < 10).then(|| u32::from(a) * 10 + u32::from(b))
    };
    let offset_ok = match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', a, b] => n(*a, *b).is_some_and(|h| h <= 23),
        [b'+' | b'-', a, b, c, d] | [b'+' | b'-', a, b, b':', c, d] => {
            n(*a, *b).is_some_and(|h| h <= 23) && n(*c, *d).is_some_and(|m| m <= 59)
        }
        _ => false,
    };
    let year = yh * 100 + yl;
    const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let max_day = if month == 2 && is_leap(year) { 29 } else { *DAYS.get(month as usize).unwrap_or(&0) };
    offset_ok && (1..=max_day).contains(&day) && hr <= 23 && min <= 59 && sec <= 59
}

/// `units`: the decoded string (code points; lone surrogates as code units).
pub(crate) fn is_date_time<I: Iterator<Item = u32>>(mut it: I) -> bool {
    check(&mut it).unwrap_or(false)
}

fn check<I: Iterator<Item = u32>>(it: &mut I) -> Option<bool> {
    let year = two(it)? * 100 + two(it)?;
    if it.next()? != u32::from(b'-') {
        return None;
    }
    let month = two(it)?;
    if it.next()? != u32::from(b'-') {
        return None;
    }
    let day = two(it)?;
    if !is_separator(it.next()?) {
        return None;
    }
    let hr = two(it)?;
    if it.next()? != u32::from(b':') {
        return None;
    }
    let min = two(it)?;
    if it.next()? != u32::from(b':') {
        return None;
    }
    let ss = two(it)?;
    // Only 59.x can round up to 60 and only 60.x up to 61; other fractions never change a
    // comparison, so their digits are checked but not kept.
    let mut secs: Option<Seconds> = None;
    let mut next = it.next();
    if next == Some(u32::from(b'.')) {
        if ss == 59 || ss == 60 {
            let mut buf = [0u8; 68];
            buf[0] = if ss == 59 { b'5' } else { b'6' };
            buf[1] = if ss == 59 { b'9' } else { b'0' };
            buf[2] = b'.';
            secs = Some(Seconds { buf, len: 3, sticky: false });
        }
        let mut frac_digits = 0usize;
        loop {
            next = it.next();
            let Some(d) = digit(next) else { break };
            frac_digits += 1;
            if let Some(sc) = secs.as_mut() {
                match sc.buf.get_mut(sc.len) {
                    Some(slot) if sc.len < 67 => {
                        *slot = b'0' + d as u8;
                        sc.len += 1;
                    }
                    _ => sc.sticky |= d != 0,
                }
            }
        }
        if frac_digits == 0 {
            return None;
        }
    }

    let (sign, tz_h, tz_m): (i32, u32, u32) = match next? {
        0x5A | 0x7A => {
            if it.next().is_some() {
                return None;
            }
            (1, 0, 0)
        }
        c @ (0x2B | 0x2D) => {
            let sign = if c == 0x2D { -1 } else { 1 };
            let h = two(it)?;
            let m = match it.next() {
                None => 0,
                Some(0x3A) => two(it)?,
                d @ Some(0x30..=0x39) => digit(d)? * 10 + digit(it.next())?,
                Some(_) => return None,
            };
            if it.next().is_some() {
                return None;
            }
            (sign, h, m)
        }
        _ => return None,
    };

    const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let max_day = if month == 2 && is_leap(year) { 29 } else { *DAYS.get(month as usize).unwrap_or(&0) };
    if !(1..=12).contains(&month) || day < 1 || day > max_day {
        return Some(false);
    }
    if tz_h > 23 || tz_m > 59 {
        return Some(false);
    }
    let sec = match &secs {
        Some(sc) => sc.value(),
        None => ss as f64,
    };
    if hr <= 23 && min <= 59 && sec < 60.0 {
        return Some(true);
    }
    let utc_min = min as i32 - tz_m as i32 * sign;
    let utc_hr = hr as i32 - tz_h as i32 * sign - i32::from(utc_min < 0);
    Some((utc_hr == 23 || utc_hr == -1) && (utc_min == 59 || utc_min == -1) && sec < 61.0)
}

/// Why a string that failed `is_date_time` is not a date-time: the first reason of the list in
/// SEMANTICS.md ("Messages"), written to `out`. `cps` are the decoded code points (lone
/// surrogates as code units).
pub(crate) fn diagnose(cps: &[u32], out: &mut alloc::string::String) {
    use core::fmt::Write;
    const SHAPE: &str = "expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)";
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
    let Some(fields) = Fields::read(cps) else {
        out.push_str(SHAPE);
        return;
    };
    let text = |d: [u32; 2]| [char::from_u32(d[0]).unwrap_or('0'), char::from_u32(d[1]).unwrap_or('0')];
    let num = |d: [u32; 2]| (d[0] - 0x30) * 10 + (d[1] - 0x30);
    let month = num(fields.month);
    if !(1..=12).contains(&month) {
        let [a, b] = text(fields.month);
        let _ = write!(out, "month {a}{b} does not exist");
        return;
    }
    let year = num(fields.year_hi) * 100 + num(fields.year_lo);
    const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let max_day = if month == 2 && is_leap(year) { 29 } else { DAYS.get(month as usize).copied().unwrap_or(0) };
    let day = num(fields.day);
    if day < 1 || day > max_day {
        let [a, b] = text(fields.day);
        let _ = write!(out, "day {a}{b} does not exist");
        if day >= 1 {
            let name = MONTHS.get(month as usize - 1).copied().unwrap_or("");
            if month == 2 {
                let _ = write!(out, ": {name} {year:04} has {max_day} days");
            } else {
                let _ = write!(out, ": {name} has {max_day} days");
            }
        }
        return;
    }
    let Some(offset) = fields.offset else {
        out.push_str("no offset (add Z for UTC, or ±hh:mm)");
        return;
    };
    if let Some((_, h, m)) = offset {
        if num(h) > 23 {
            let [a, b] = text(h);
            let _ = write!(out, "offset hour {a}{b} is out of range 00-23");
            return;
        }
        if num(m) > 59 {
            let [a, b] = text(m);
            let _ = write!(out, "offset minute {a}{b} is out of range 00-59");
            return;
        }
    }
    if num(fields.hour) > 23 {
        let [a, b] = text(fields.hour);
        let _ = write!(out, "hour {a}{b} is out of range 00-23");
    } else if num(fields.minute) > 59 {
        let [a, b] = text(fields.minute);
        let _ = write!(out, "minute {a}{b} is out of range 00-59");
    } else {
        let [a, b] = text(fields.second);
        if fields.second_value < 61.0 {
            let _ = write!(out, "second {a}{b} is a leap second, allowed only at 23:59:60 UTC");
        } else {
            let _ = write!(out, "second {a}{b} is out of range 00-60");
        }
    }
}

/// An offset's sign and its hour and minute digits.
type Offset = (u32, [u32; 2], [u32; 2]);

/// The fields of a string shaped like a date-time whose offset may be missing.
struct Fields {
    year_hi: [u32; 2],
    year_lo: [u32; 2],
    month: [u32; 2],
    day: [u32; 2],
    hour: [u32; 2],
    minute: [u32; 2],
    second: [u32; 2],
    second_value: f64,
    /// None: no offset; Some(None): `Z`; Some(Some((sign, hours, minutes))).
    offset: Option<Option<Offset>>,
}

impl Fields {
    fn read(cps: &[u32]) -> Option<Fields> {
        let is_digit = |u: u32| (0x30..=0x39).contains(&u);
        let pair = |i: usize| -> Option<[u32; 2]> {
            let (a, b) = (*cps.get(i)?, *cps.get(i + 1)?);
            (is_digit(a) && is_digit(b)).then_some([a, b])
        };
        let at = |i: usize, c: u8| cps.get(i) == Some(&u32::from(c));
        // Exactly one separator, at index 10, as `split(/t|\s/i)` into two parts requires.
        if cps.iter().filter(|&&u| is_separator(u)).count() != 1 || !cps.get(10).is_some_and(|&u| is_separator(u)) {
            return None;
        }
        let (year_hi, year_lo, month, day) = (pair(0)?, pair(2)?, pair(5)?, pair(8)?);
        if !at(4, b'-') || !at(7, b'-') || !at(13, b':') || !at(16, b':') {
            return None;
        }
        let (hour, minute, second) = (pair(11)?, pair(14)?, pair(17)?);
        let mut i = 19;
        let mut secs = Seconds { buf: [0; 68], len: 2, sticky: false };
        secs.buf[0] = second[0] as u8;
        secs.buf[1] = second[1] as u8;
        if at(i, b'.') {
            i += 1;
            let start = i;
            if let Some(slot) = secs.buf.get_mut(2) {
                *slot = b'.';
                secs.len = 3;
            }
            while cps.get(i).is_some_and(|&u| is_digit(u)) {
                let d = cps.get(i).copied().unwrap_or(0x30);
                match secs.buf.get_mut(secs.len) {
                    Some(slot) if secs.len < 67 => {
                        *slot = d as u8;
                        secs.len += 1;
                    }
                    _ => secs.sticky |= d != 0x30,
                }
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        let rest = cps.get(i..)?;
        let sign = |u: u32| u == 0x2B || u == 0x2D;
        let offset = match rest {
            [] => None,
            [0x5A | 0x7A] => Some(None),
            [s, ..] if sign(*s) => {
                let h = pair(i + 1)?;
                let m = match rest.len() {
                    3 => [0x30, 0x30],
                    5 => pair(i + 3)?,
                    6 if at(i + 3, b':') => pair(i + 4)?,
                    _ => return None,
                };
                Some(Some((*s, h, m)))
            }
            _ => return None,
        };
        Some(Fields { year_hi, year_lo, month, day, hour, minute, second, second_value: secs.value(), offset })
    }
}

#[cfg(test)]
mod tests {
    use super::{is_date_time, is_date_time_ascii, is_leap, plainly_valid};
    use proptest::prelude::*;

    // The field-by-field version the word-wise `plainly_valid` replaced: they must agree on
    // every input, not only be both sound.
    /// The everyday shape `YYYY-MM-DD(T|t| )HH:MM:SS(.f+)?(Z|z|+HH:MM|-HH:MM|+HHMM|+HH)` with
    /// ordinary values, decided on fixed byte positions without the general parser. Only ever says
    /// "valid": anything else, including every leap-second and rounding case (hour > 23, minute > 59,
    /// second >= 59 with a fraction, second >= 60), goes to the general path, which decides.
    fn plainly_valid_fields(s: &[u8]) -> bool {
        let [y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, sep, h0, h1, b':', mi0, mi1, b':', s0, s1, rest @ ..] = s else {
            return false;
        };
        if !matches!(sep, b'T' | b't' | b' ') {
            return false;
        }
        let n = |a: u8, b: u8| -> Option<u32> {
            let (a, b) = (a.wrapping_sub(b'0'), b.wrapping_sub(b'0'));
            (a < 10 && b < 10).then(|| u32::from(a) * 10 + u32::from(b))
        };
        let (Some(yh), Some(yl), Some(month), Some(day), Some(hr), Some(min), Some(sec)) =
            (n(*y0, *y1), n(*y2, *y3), n(*mo0, *mo1), n(*d0, *d1), n(*h0, *h1), n(*mi0, *mi1), n(*s0, *s1))
        else {
            return false;
        };
        let mut rest = rest;
        if let [b'.', tail @ ..] = rest {
            let digits = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 || sec >= 59 {
                return false;
            }
            rest = tail.get(digits..).unwrap_or(&[]);
        }
        let offset_ok = match rest {
            [b'Z' | b'z'] => true,
            [b'+' | b'-', a, b] => n(*a, *b).is_some_and(|h| h <= 23),
            [b'+' | b'-', a, b, c, d] | [b'+' | b'-', a, b, b':', c, d] => {
                n(*a, *b).is_some_and(|h| h <= 23) && n(*c, *d).is_some_and(|m| m <= 59)
            }
            _ => false,
        };
        let year = yh * 100 + yl;
        const DAYS: [u32; 13] = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let max_day = if month == 2 && is_leap(year) { 29 } else { *DAYS.get(month as usize).unwrap_or(&0) };
        offset_ok && (1..=max_day).contains(&day) && hr <= 23 && min <= 59 && sec <= 59
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 50000, ..ProptestConfig::default() })]

        #[test]
        fn word_wise_head_equals_field_by_field(s in proptest::collection::vec(prop::sample::select(
                b"0123456789-:Tt Zz+.\x00/;\x2c\xca\xcf\xff\x7f\x10\x1d\x0a".to_vec()), 0..32)) {
            prop_assert_eq!(plainly_valid(&s), plainly_valid_fields(&s), "{:?}", s);
        }

        #[test]
        fn word_wise_head_equals_field_by_field_near_valid(y in 0u32..10000, mo in 0u32..100, d in 0u32..100, h in 0u32..100,
                mi in 0u32..100, sec in 0u32..100, sep in prop::sample::select(b"Tt -x".to_vec()),
                tail in "(\\.[0-9]{0,4})?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)?", flip in 0usize..40, to in any::<u8>()) {
            let mut s = format!("{y:04}-{mo:02}-{d:02}{}{h:02}:{mi:02}:{sec:02}{tail}", sep as char).into_bytes();
            prop_assert_eq!(plainly_valid(&s), plainly_valid_fields(&s), "{:?}", s);
            if let Some(b) = s.get_mut(flip) {
                *b = to;
            }
            prop_assert_eq!(plainly_valid(&s), plainly_valid_fields(&s), "{:?}", s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 50000, ..ProptestConfig::default() })]

        /// The fixed-position fast path never accepts what the general parser rejects, and the
        /// combined check is the general parser.
        #[test]
        fn fast_path_agrees_with_general_parser(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt \\-][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,3})?([Zz]|[+-][0-9]{2}(:?[0-9]{2})?|[+-][0-9]{1,3}|[Zz ]{0,2})") {
            let general = is_date_time(s.bytes().map(u32::from));
            if plainly_valid(s.as_bytes()) {
                prop_assert!(general, "{}", s);
            }
            prop_assert_eq!(is_date_time_ascii(s.as_bytes()), general, "{}", s);
        }

        #[test]
        fn fast_path_agrees_on_realistic_values(y in 1900u32..2100, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..62, sec in 57u32..62,
                frac in proptest::option::of("[0-9]{1,20}"), tz in "[Zz]|[+-](0[0-9]|1[0-9]|2[0-5])(:?[0-6][0-9])?") {
            let s = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{}{tz}", frac.map(|f| format!(".{f}")).unwrap_or_default());
            let general = is_date_time(s.bytes().map(u32::from));
            prop_assert!(!plainly_valid(s.as_bytes()) || general, "{}", s);
            prop_assert_eq!(is_date_time_ascii(s.as_bytes()), general, "{}", s);
        }
    }

    fn dt(s: &str) -> bool {
        is_date_time(s.chars().map(|c| c as u32))
    }

    #[test]
    fn basics() {
        assert!(dt("2024-05-17T14:32:05.123Z"));
        assert!(dt("2024-05-17t14:32:05z"));
        assert!(dt("2024-05-17 14:32:05+05"));
        assert!(dt("2024-05-17\u{3000}14:32:05+0530"));
        assert!(dt("2024-02-29T00:00:00Z"));
        assert!(!dt("2023-02-29T00:00:00Z"));
        assert!(!dt("2024-05-17T14:32:05"));
        assert!(!dt("2024-05-17T24:00:00Z"));
        assert!(dt("2016-12-31T23:59:60Z"));
        assert!(dt("2016-12-31T18:59:60-05:00"));
        assert!(!dt("2016-12-31T22:59:60Z"));
        assert!(dt("2016-12-31T23:59:59.99999999999999999Z"));
        assert!(!dt("2016-12-31T22:59:59.99999999999999999Z"));
        assert!(!dt("2024-05-17T14:32:05+05:"));
        assert!(!dt("2024-05-17T14:32:05+24:00"));
    }
}
