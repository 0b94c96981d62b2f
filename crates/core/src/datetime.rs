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

#[cfg(test)]
mod tests {
    use super::is_date_time;

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
