//! Property tests against a small independent reference written over `serde_json::Value`
//! (which, like JSON.parse, keeps the LAST of duplicate keys when building its map).
mod support;

use ocpp_validate_core::{is_valid, validate};
use proptest::prelude::*;
use serde_json::Value;
use support::gen::{damage, document};
use support::payloads::{self, Rng};

type Issues = Vec<(String, &'static str)>;

fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().unwrap_or(u32::MAX))
}

/// ajv-formats 3 `date-time`, transcribed as literally as possible.
fn ref_date_time(s: &str) -> bool {
    let parts: Vec<&str> = s.split(|c: char| c == 't' || c == 'T' || js_space(c)).collect();
    if parts.len() != 2 {
        return false;
    }
    let d: Vec<&str> = parts[0].split('-').collect();
    if d.len() != 3 || d[0].len() != 4 || d[1].len() != 2 || d[2].len() != 2 {
        return false;
    }
    let (Some(y), Some(m), Some(day)) = (num(d[0]), num(d[1]), num(d[2])) else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let dim = [0, 31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || day < 1 || day > dim[m as usize] {
        return false;
    }
    let t = parts[1];
    let Some(tz_at) = t.find(['z', 'Z', '+', '-']) else { return false };
    let (clock, tz) = t.split_at(tz_at);
    let c: Vec<&str> = clock.split(':').collect();
    if c.len() != 3 || c[0].len() != 2 || c[1].len() != 2 {
        return false;
    }
    let (Some(hr), Some(min)) = (num(c[0]), num(c[1])) else { return false };
    let (ss, frac) = match c[2].split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (c[2], None),
    };
    if ss.len() != 2 || num(ss).is_none() || frac.is_some_and(|f| num(f).is_none()) {
        return false;
    }
    let sec: f64 = c[2].parse().unwrap();
    // ajv's pattern wants ASCII digits in the offset; checking here also keeps the byte slicing
    // below on char boundaries.
    if !tz.is_ascii() {
        return false;
    }
    let (sign, th, tm) = if tz == "z" || tz == "Z" {
        (1i32, 0u32, 0u32)
    } else {
        let sign = if tz.starts_with('-') { -1 } else { 1 };
        let rest = &tz[1..];
        let (h, m) = match rest.len() {
            2 => (rest, "00"),
            4 => (&rest[..2], &rest[2..]),
            5 if &rest[2..3] == ":" => (&rest[..2], &rest[3..]),
            _ => return false,
        };
        let (Some(h), Some(m)) = (num(h), num(m)) else { return false };
        if h.to_string().len() > 2 || m.to_string().len() > 2 {
            return false;
        }
        (sign, h, m)
    };
    if th > 23 || tm > 59 {
        return false;
    }
    if hr <= 23 && min <= 59 && sec < 60.0 {
        return true;
    }
    let utc_min = min as i32 - tm as i32 * sign;
    let utc_hr = hr as i32 - th as i32 * sign - i32::from(utc_min < 0);
    (utc_hr == 23 || utc_hr == -1) && (utc_min == 59 || utc_min == -1) && sec < 61.0
}

fn is_int(v: &Value) -> bool {
    match v.as_f64() {
        Some(f) => f.is_finite() && f.fract() == 0.0,
        None => false,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Object(_) => "object",
        Value::Array(_) => "array",
        _ => "other",
    }
}

fn enum_prop(out: &mut Issues, path: &str, v: &Value, allowed: &[&str]) {
    match v {
        Value::String(s) => {
            if !allowed.contains(&s.as_str()) {
                out.push((path.into(), "enum"));
            }
        }
        _ => {
            out.push((path.into(), "type"));
            out.push((path.into(), "enum"));
            if let Value::Object(m) = v {
                out.extend(m.keys().map(|_| (path.to_string(), "additionalProperties")));
            }
        }
    }
}

fn object<'a>(
    out: &mut Issues,
    path: &str,
    v: &'a Value,
    known: &[&str],
    required: &[&str],
) -> Option<&'a serde_json::Map<String, Value>> {
    let Value::Object(m) = v else {
        out.push((path.into(), "type"));
        return None;
    };
    for r in required {
        if !m.contains_key(*r) {
            out.push((path.into(), "required"));
        }
    }
    for k in m.keys() {
        if !known.contains(&k.as_str()) {
            out.push((path.into(), "additionalProperties"));
        }
    }
    Some(m)
}

fn date_time(out: &mut Issues, path: &str, v: &Value) {
    match v {
        Value::String(s) if ref_date_time(s) => {}
        Value::String(_) => out.push((path.into(), "format")),
        _ => out.push((path.into(), "type")),
    }
}

fn reference(v: &Value) -> Issues {
    use payloads::*;
    let mut out = Vec::new();
    let root = ["idTag", "meterStop", "timestamp", "transactionId", "reason", "transactionData"];
    let Some(m) = object(&mut out, "", v, &root, &["transactionId", "timestamp", "meterStop"]) else { return out };
    for (k, val) in m {
        let p = format!("/{k}");
        match k.as_str() {
            "idTag" => match val {
                Value::String(s) => {
                    if s.chars().count() > 20 {
                        out.push((p, "maxLength"));
                    }
                }
                _ => out.push((p, "type")),
            },
            "meterStop" | "transactionId" if !is_int(val) => out.push((p, "type")),
            "timestamp" => date_time(&mut out, &p, val),
            "reason" => enum_prop(&mut out, &p, val, REASONS),
            "transactionData" => {
                let Value::Array(items) = val else {
                    out.push((p, "type"));
                    continue;
                };
                for (i, mv) in items.iter().enumerate() {
                    let mp = format!("{p}/{i}");
                    let Some(mm) = object(&mut out, &mp, mv, &["timestamp", "sampledValue"], &["timestamp", "sampledValue"])
                    else {
                        continue;
                    };
                    if let Some(ts) = mm.get("timestamp") {
                        date_time(&mut out, &format!("{mp}/timestamp"), ts);
                    }
                    let Some(svs) = mm.get("sampledValue") else { continue };
                    let sp = format!("{mp}/sampledValue");
                    let Value::Array(svs) = svs else {
                        out.push((sp, "type"));
                        continue;
                    };
                    for (j, s) in svs.iter().enumerate() {
                        let vp = format!("{sp}/{j}");
                        let known = ["value", "context", "format", "measurand", "phase", "location", "unit"];
                        let Some(sm) = object(&mut out, &vp, s, &known, &["value"]) else { continue };
                        for (sk, sval) in sm {
                            let fp = format!("{vp}/{sk}");
                            match sk.as_str() {
                                "value" if !sval.is_string() => out.push((fp, "type")),
                                "context" => enum_prop(&mut out, &fp, sval, CONTEXTS),
                                "format" => enum_prop(&mut out, &fp, sval, FORMATS),
                                "measurand" => enum_prop(&mut out, &fp, sval, MEASURANDS),
                                "phase" => enum_prop(&mut out, &fp, sval, PHASES),
                                "location" => enum_prop(&mut out, &fp, sval, LOCATIONS),
                                "unit" => enum_prop(&mut out, &fp, sval, UNITS),
                                _ => {}
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let _ = kind;
    out.sort();
    out
}

fn ours(input: &[u8]) -> Issues {
    let mut v: Issues = validate(input, true).into_iter().map(|i| (i.instance_path, i.keyword.as_str())).collect();
    v.sort();
    v
}

fn consistent(input: &[u8]) {
    let all = validate(input, true);
    let first = validate(input, false);
    let valid = is_valid(input);
    assert_eq!(valid, all.is_empty());
    assert_eq!(valid, first.is_empty());
    assert!(first.len() <= 1);
    if let Some(f) = first.first() {
        assert!(all.iter().any(|i| i.instance_path == f.instance_path && i.keyword == f.keyword));
    }
}

/// The reference only applies where serde_json parses like JSON.parse (serde_json rejects lone
/// surrogates and out-of-range numbers, which JSON.parse accepts).
fn check_against_reference(input: &[u8]) -> Result<(), TestCaseError> {
    consistent(input);
    if let Ok(v) = serde_json::from_slice::<Value>(input) {
        prop_assert_eq!(ours(input), reference(&v), "input {}", String::from_utf8_lossy(input));
    } else if std::str::from_utf8(input).is_ok_and(|s| !s.contains("\\u") && !s.contains('e') && !s.contains('E')) {
        // Without escapes or exponents, serde_json and JSON.parse agree on syntax.
        prop_assert_eq!(ours(input), vec![(String::new(), "parse")]);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        consistent(&bytes);
    }

    #[test]
    fn no_panic_on_json_alphabet(bytes in proptest::collection::vec(
        prop::sample::select(b"{}[],:\"\\ 0123456789eE.-+tfnulrsa\x00\x1f\x80\xc3\xa9\xed\xf0".to_vec()), 0..200)) {
        consistent(&bytes);
    }

    #[test]
    fn generated_valid_payloads_are_valid(seed in any::<u64>(), m in 0usize..5, s in 0usize..6) {
        let p = payloads::payload(seed, m, s);
        prop_assert!(is_valid(p.as_bytes()), "{}", p);
        prop_assert!(validate(p.as_bytes(), true).is_empty());
    }

    #[test]
    fn documents_agree_with_reference(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let d = document(&mut rng);
        check_against_reference(d.as_bytes())?;
    }

    #[test]
    fn damaged_documents_agree_with_reference(seed in any::<u64>()) {
        let mut rng = Rng::new(seed);
        let d = document(&mut rng);
        let dd = damage(&mut rng, d.as_bytes());
        check_against_reference(&dd)?;
    }

    #[test]
    fn truncated_payloads_are_parse_errors(seed in any::<u64>(), cut in any::<prop::sample::Index>()) {
        let p = payloads::payload(seed, 1, 2);
        let n = cut.index(p.len());
        prop_assert_eq!(ours(&p.as_bytes()[..n]), vec![(String::new(), "parse")]);
    }

    #[test]
    fn dropping_a_required_key(seed in any::<u64>(), which in 0usize..3) {
        let p = payloads::payload(seed, 1, 1);
        let mut v: Value = serde_json::from_str(&p).unwrap();
        let key = ["transactionId", "timestamp", "meterStop"][which];
        v.as_object_mut().unwrap().remove(key);
        let s = serde_json::to_string(&v).unwrap();
        prop_assert_eq!(ours(s.as_bytes()), vec![(String::new(), "required")]);
    }

    #[test]
    fn out_of_enum_strings(seed in any::<u64>(), junk in "[A-Za-z.]{0,12}") {
        let p = payloads::payload(seed, 1, 1);
        let mut v: Value = serde_json::from_str(&p).unwrap();
        v["reason"] = Value::String(junk.clone());
        let s = serde_json::to_string(&v).unwrap();
        let want = if payloads::REASONS.contains(&junk.as_str()) { vec![] } else { vec![("/reason".to_string(), "enum")] };
        prop_assert_eq!(ours(s.as_bytes()), want);
    }
}

/// `is_valid` reads inputs of 16 to 448 bytes from a zero-padded copy and everything else in
/// place; `validate` always reads in place. They must agree on every length across the copy's
/// size steps, on payloads cut anywhere (where the padding stands in for the missing end), and
/// where the input itself holds the padding's zero byte or ends in a byte that starts a token.
#[test]
fn padded_copy_agrees_with_reading_in_place() {
    let mut checked = 0;
    for seed in 0..6 {
        for (meter_values, samples) in [(0, 0), (1, 1), (1, 3), (3, 2)] {
            let p = payloads::payload(seed, meter_values, samples);
            let bytes = p.as_bytes();
            for n in 0..=bytes.len().min(520) {
                let mut input = bytes[..n].to_vec();
                let in_place = validate(&input, false).is_empty();
                assert_eq!(is_valid(&input), in_place, "{}", String::from_utf8_lossy(&input));
                for b in [0u8, b'"', b'1', b't', b'{', b'['] {
                    let Some(last) = input.last_mut() else { break };
                    *last = b;
                    assert_eq!(is_valid(&input), validate(&input, false).is_empty(), "{}", String::from_utf8_lossy(&input));
                    checked += 1;
                }
            }
            // Whole payloads, valid, of every size this seed gives: on both sides of 448 bytes.
            assert!(is_valid(bytes), "{p}");
        }
    }
    assert!(checked > 10_000, "{checked}");
}
