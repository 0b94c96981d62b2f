//! The words of issue and warning messages (SEMANTICS.md, "Messages"). Every backend must print
//! exactly these texts, so each rule here is one the TypeScript backend can repeat exactly: values
//! are shown the way `JSON.stringify` and `String(number)` show them.
//! Only the issue-collecting pass calls into this module.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

/// How many UTF-16 code units of a string value a message shows.
pub(crate) const SHOWN_UNITS: usize = 40;
/// Longer values get no "did you mean": the distance would cost too much and mean too little.
const MAX_SUGGESTION_UNITS: usize = 64;

/// A value as a message shows it.
pub(crate) enum Shown<'a> {
    /// Decoded UTF-16 code units.
    String(&'a [u16]),
    /// The JSON number literal as written.
    Number(&'a [u8]),
    Bool(bool),
    Null,
    Object,
    Array,
}

pub(crate) fn show(out: &mut String, v: &Shown) {
    match v {
        Shown::String(units) => show_string(out, units),
        Shown::Number(literal) => js_number(out, literal_value(literal)),
        Shown::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Shown::Null => out.push_str("null"),
        Shown::Object => out.push_str("an object"),
        Shown::Array => out.push_str("an array"),
    }
}

/// The double `JSON.parse` gives for a JSON number literal (correctly rounded, like V8's).
pub(crate) fn literal_value(literal: &[u8]) -> f64 {
    core::str::from_utf8(literal).ok().and_then(|t| t.parse::<f64>().ok()).unwrap_or(f64::NAN)
}

/// `JSON.stringify` of the first [`SHOWN_UNITS`] code units (one fewer when that would split a
/// surrogate pair), with `…` inside the quotes when the string was cut.
pub(crate) fn show_string(out: &mut String, units: &[u16]) {
    let mut take = units.len().min(SHOWN_UNITS);
    if take < units.len() && take > 0 {
        let last = units.get(take - 1).copied().unwrap_or(0);
        let next = units.get(take).copied().unwrap_or(0);
        if (0xD800..0xDC00).contains(&last) && (0xDC00..0xE000).contains(&next) {
            take -= 1;
        }
    }
    out.push('"');
    push_escaped_units(out, units.get(..take).unwrap_or(&[]));
    if take < units.len() {
        out.push('…');
    }
    out.push('"');
}

/// The inside of `JSON.stringify(s)` for UTF-16 code units (lone surrogates as `\udxxx`, as
/// well-formed `JSON.stringify` writes them).
fn push_escaped_units(out: &mut String, units: &[u16]) {
    for r in core::char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => push_escaped_char(out, c),
            Err(e) => {
                let _ = write!(out, "\\u{:04x}", e.unpaired_surrogate());
            }
        }
    }
}

/// One character as `JSON.stringify` writes it inside a string.
pub(crate) fn push_escaped_char(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 => {
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
        c => out.push(c),
    }
}

/// `String(v)` in JavaScript (Number::toString with radix 10).
pub(crate) fn js_number(out: &mut String, v: f64) {
    if v.is_nan() {
        out.push_str("NaN");
        return;
    }
    if v.is_infinite() {
        out.push_str(if v < 0.0 { "-Infinity" } else { "Infinity" });
        return;
    }
    if v == 0.0 {
        out.push('0');
        return;
    }
    if v < 0.0 {
        out.push('-');
    }
    // `{:e}` prints the shortest digits that round-trip, as ECMAScript's Number::toString picks them.
    let mut sci = String::new();
    let _ = write!(sci, "{:e}", v.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let k = digits.len() as i64;
    let n = exp.parse::<i64>().unwrap_or(0) + 1;
    if k <= n && n <= 21 {
        out.push_str(&digits);
        for _ in 0..(n - k) {
            out.push('0');
        }
    } else if 0 < n && n <= 21 {
        let (int, frac) = digits.split_at(n as usize);
        out.push_str(int);
        out.push('.');
        out.push_str(frac);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        for _ in 0..(-n) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let e = n - 1;
        let _ = write!(out, "e{}{}", if e >= 0 { "+" } else { "-" }, e.abs());
    }
}

/// The allowed value a mistyped string most likely meant: the one at the smallest Levenshtein
/// distance over UTF-16 code units after ASCII lowercasing (first in schema order on a tie),
/// suggested only if that distance is at most max(1, its length / 3).
pub(crate) fn suggestion(value: &[u16], allowed: &[&'static str]) -> Option<&'static str> {
    if value.is_empty() || value.len() > MAX_SUGGESTION_UNITS {
        return None;
    }
    let lower = |u: u16| if (u16::from(b'A')..=u16::from(b'Z')).contains(&u) { u + 32 } else { u };
    let a: Vec<u16> = value.iter().map(|&u| lower(u)).collect();
    let mut best: Option<(usize, usize, &'static str)> = None;
    let mut row: Vec<usize> = Vec::new();
    for &candidate in allowed {
        let b: Vec<u16> = candidate.encode_utf16().map(lower).collect();
        let d = levenshtein(&a, &b, &mut row);
        if best.is_none_or(|(bd, _, _)| d < bd) {
            best = Some((d, b.len(), candidate));
        }
    }
    best.filter(|&(d, len, _)| d <= (len / 3).max(1)).map(|(_, _, c)| c)
}

fn levenshtein(a: &[u16], b: &[u16], row: &mut Vec<usize>) -> usize {
    row.clear();
    row.extend(0..=b.len());
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = i;
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, &cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = usize::from(ca != cb);
            let value = (diagonal + cost).min(above + 1).min(left + 1);
            diagonal = above;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = value;
            }
        }
    }
    row.get(b.len()).copied().unwrap_or(0)
}

/// `/a/b` escaping of one JSON Pointer segment (RFC 6901), as ajv writes instance paths.
pub(crate) fn push_pointer_segment(out: &mut String, key: &str) {
    out.push('/');
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(v: f64) -> String {
        let mut s = String::new();
        js_number(&mut s, v);
        s
    }

    #[test]
    fn numbers_print_like_javascript() {
        for (v, want) in [
            (26008.333, "26008.333"),
            (1e21, "1e+21"),
            (1e20, "100000000000000000000"),
            (9007199254740993.0, "9007199254740992"),
            (1.5e-7, "1.5e-7"),
            (0.000001, "0.000001"),
            (-0.0, "0"),
            (123456789012345680000.0, "123456789012345680000"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (-2.5, "-2.5"),
            (f64::INFINITY, "Infinity"),
            (0.1, "0.1"),
            (100.0, "100"),
        ] {
            assert_eq!(num(v), want, "{v:e}");
        }
    }

    #[test]
    fn strings_are_cut_and_escaped_like_json_stringify() {
        let mut s = String::new();
        let units: Vec<u16> = "a\"b\\\n\u{1}é😀".encode_utf16().chain([0xD800]).collect();
        show_string(&mut s, &units);
        assert_eq!(s, "\"a\\\"b\\\\\\n\\u0001é😀\\ud800\"");
        let long: Vec<u16> = "x".repeat(39).encode_utf16().chain("😀z".encode_utf16()).collect();
        let mut s = String::new();
        show_string(&mut s, &long);
        assert_eq!(s, format!("\"{}…\"", "x".repeat(39)), "a pair is never split");
    }

    #[test]
    fn suggestions() {
        let units = ["Wh", "kWh", "Celcius", "Fahrenheit", "Percent"];
        let s = |v: &str| suggestion(&v.encode_utf16().collect::<Vec<_>>(), &units);
        assert_eq!(s("Celsius"), Some("Celcius"));
        assert_eq!(s("kwh"), Some("kWh"));
        assert_eq!(s("percent"), Some("Percent"));
        assert_eq!(s("Volt"), None);
        assert_eq!(s(""), None);
    }
}
