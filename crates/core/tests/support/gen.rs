//! A structure-aware random generator of nasty StopTransaction.req-like inputs (valid and invalid),
//! used by the differential (ajv oracle) test and the property tests.
#![allow(dead_code)]

use super::payloads::*;

pub fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// Spells a key or string with random escapes (`\uXXXX` in either case, `\/`).
pub fn escape_some(rng: &mut Rng, s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match (c, rng.below(6)) {
            ('"', _) => out.push_str("\\\""),
            ('\\', _) => out.push_str("\\\\"),
            ('/', 0) => out.push_str("\\/"),
            (c, 0) if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            (c, 1) if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            (c, _) if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            (c, _) => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn key(rng: &mut Rng, k: &str) -> String {
    if rng.below(8) == 0 {
        escape_some(rng, k)
    } else {
        json_str(k)
    }
}

const NUMBERS: &[&str] = &[
    "0", "-0", "1", "42", "-7", "1.0", "1.5", "1e2", "1E+2", "100e-2", "1e-1", "1e400", "-1e400", "1e-400",
    "123456789012345678901234567890", "9007199254740993", "0.0000", "2.5e-3", "4503599627370496.5", "4503599627370495.5",
    "1.7976931348623157e308", "1.8e308", "0e0",
];

fn datetime(rng: &mut Rng) -> String {
    const DT: &[&str] = &[
        "2024-05-17T14:32:05.123Z", "2024-05-17t14:32:05z", "2024-05-17 14:32:05+05", "2024-05-17T14:32:05+0530",
        "2024-05-17T14:32:05+05:30", "2024-05-17T14:32:05-23:59", "2024-05-17T14:32:05", "2024-05-17T24:00:00Z",
        "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.999Z", "2016-12-31T22:59:60Z", "2016-12-31T18:59:60-05:00", "2016-12-31T00:59:60+01:00",
        "2016-12-31T23:59:61Z", "2016-12-31T23:59:59.99999999999999999Z", "2016-12-31T23:59:60.99999999999999999Z",
        "2016-12-31T22:59:59.99999999999999999Z", "2024-05-17T14:32:05.Z", "2024-05-17T14:32:05+24:00",
        "2024-05-17T14:32:05+05:60", "2024-05-17T14:32:05+05:", "2024-05-17T14:32:05+5", "2024-13-01T00:00:00Z",
        "2024-00-01T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-17\u{a0}14:32:05Z", "2024-05-17\u{2028}14:32:05Z",
        "2024-05-17\u{3000}14:32:05Z", "2024-05-17\u{feff}14:32:05Z", "2024-05-17\u{85}14:32:05Z", "2024-05-17\u{200b}14:32:05Z",
        "2024-05-17TT14:32:05Z", "2024-05-17T14:32:05ZZ", "2024-05-17T14:32:05.1234567890123456789012345Z",
        "２０２４-05-17T14:32:05Z", "2024-5-17T14:32:05Z", "", "T", "2024-05-17T14:60:00Z", "2024-05-17T14:32:05z ",
        "2024-05-17\t14:32:05Z", "2024-05-17\n14:32:05Z", "2024-05-17\u{b}14:32:05Z",
    ];
    let s = rng.pick(DT);
    if rng.below(5) == 0 {
        escape_some(rng, s)
    } else {
        json_str(s)
    }
}

fn id_tag(rng: &mut Rng) -> String {
    const T: &[&str] = &[
        "ABC", "", "12345678901234567890", "123456789012345678901", "\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}\u{1F600}",
        "ééééééééééééééééééééé", "éééééééééééééééééééé",
    ];
    match rng.below(6) {
        0 => r#""\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00""#.to_string(),
        1 => r#""\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ud83d\ude00\ude00""#.to_string(),
        2 => r#""\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀\ud83d😀""#.to_string(),
        _ => {
            let s = rng.pick(T);
            if rng.below(4) == 0 { escape_some(rng, s) } else { json_str(s) }
        }
    }
}

/// Any JSON value (small), including nested containers with duplicate keys.
pub fn any_value(rng: &mut Rng, depth: u32) -> String {
    match rng.below(if depth > 2 { 6 } else { 8 }) {
        0 => rng.pick(NUMBERS).to_string(),
        1 => rng.pick(&["true", "false", "null"]).to_string(),
        2 => json_str(rng.pick(&["", "x", "Local", "__proto__", "a\u{0}b", "\u{1F600}"])),
        3 => datetime(rng),
        4 => id_tag(rng),
        5 => {
            let __a = rng.pick(REASONS);
            key(rng, __a)
        }
        6 => {
            let n = rng.below(4);
            let items: Vec<String> = (0..n).map(|_| any_value(rng, depth + 1)).collect();
            format!("[{}]", items.join(","))
        }
        _ => {
            let n = rng.below(4);
            let items: Vec<String> = (0..n)
                .map(|_| {
                    format!(
                        "{}:{}",
                        {
                            let __a = rng.pick(&["a", "b", "a", "__proto__", "value"]);
                            key(rng, __a)
                        },
                        any_value(rng, depth + 1)
                    )
                })
                .collect();
            format!("{{{}}}", items.join(","))
        }
    }
}

fn enum_value(rng: &mut Rng, values: &[&str]) -> String {
    match rng.below(10) {
        0 => any_value(rng, 1),
        1 => json_str(&rng.pick(values).to_lowercase()),
        2 => {
            let __a = rng.pick(values);
            escape_some(rng, __a)
        }
        _ => json_str(rng.pick(values)),
    }
}

fn maybe_bad(rng: &mut Rng, good: String) -> String {
    if rng.below(12) == 0 {
        any_value(rng, 1)
    } else {
        good
    }
}

fn object(rng: &mut Rng, fields: Vec<(String, String)>) -> String {
    let mut fields = fields;
    // drop, duplicate, add unknown keys, shuffle
    if rng.below(6) == 0 && !fields.is_empty() {
        let i = rng.below(fields.len() as u64) as usize;
        fields.remove(i);
    }
    if rng.below(6) == 0 && !fields.is_empty() {
        let i = rng.below(fields.len() as u64) as usize;
        let (k, _) = fields[i].clone();
        let v = any_value(rng, 1);
        let at = rng.below(fields.len() as u64 + 1) as usize;
        fields.insert(at, (k, v));
    }
    if rng.below(10) == 0 {
        let k = rng.pick(&["\"extra\"", "\"__proto__\"", "\"Value\"", "\"\\u0065xtra\"", "\"extra\""]).to_string();
        let v = any_value(rng, 1);
        let at = rng.below(fields.len() as u64 + 1) as usize;
        fields.insert(at, (k, v));
    }
    if rng.below(4) == 0 && fields.len() > 1 {
        let i = rng.below(fields.len() as u64) as usize;
        let j = rng.below(fields.len() as u64) as usize;
        fields.swap(i, j);
    }
    let ws = if rng.below(10) == 0 { " \n\t\r" } else { "" };
    let body: Vec<String> = fields.into_iter().map(|(k, v)| format!("{ws}{k}{ws}:{ws}{v}{ws}")).collect();
    format!("{{{}}}", body.join(","))
}

fn sampled(rng: &mut Rng) -> String {
    let mut f = vec![(key(rng, "value"), maybe_bad(rng, json_str("12.5")))];
    let opt: [(&str, &[&str]); 6] = [
        ("context", CONTEXTS),
        ("format", FORMATS),
        ("measurand", MEASURANDS),
        ("phase", PHASES),
        ("location", LOCATIONS),
        ("unit", UNITS),
    ];
    for (k, vals) in opt {
        if rng.below(2) == 0 {
            f.push((key(rng, k), enum_value(rng, vals)));
        }
    }
    object(rng, f)
}

fn array_of(rng: &mut Rng, max: u64, mut item: impl FnMut(&mut Rng) -> String) -> String {
    let n = rng.below(max + 1);
    let v: Vec<String> = (0..n).map(|_| item(rng)).collect();
    format!("[{}]", v.join(","))
}

fn meter_value(rng: &mut Rng) -> String {
    let ts = datetime(rng);
    let sv = {
        let __a = array_of(rng, 3, sampled);
        maybe_bad(rng, __a)
    };
    let f = vec![(key(rng, "timestamp"), ts), (key(rng, "sampledValue"), sv)];
    object(rng, f)
}

/// A random StopTransaction.req-ish document (often valid, often subtly not).
pub fn document(rng: &mut Rng) -> String {
    let mut f = vec![
        (key(rng, "transactionId"), {
            let __a = rng.pick(&["1", "42", "-0", "1.0"]).to_string();
            maybe_bad(rng, __a)
        }),
        (key(rng, "timestamp"), datetime(rng)),
        (key(rng, "meterStop"), {
            let __a = rng.pick(NUMBERS).to_string();
            maybe_bad(rng, __a)
        }),
    ];
    if rng.below(2) == 0 {
        f.push((key(rng, "idTag"), id_tag(rng)));
    }
    if rng.below(2) == 0 {
        f.push((key(rng, "reason"), enum_value(rng, REASONS)));
    }
    if rng.below(2) == 0 {
        let v = {
            let __a = array_of(rng, 2, meter_value);
            maybe_bad(rng, __a)
        };
        f.push((key(rng, "transactionData"), v));
    }
    object(rng, f)
}

/// Byte-level damage: truncate, delete, insert or replace a byte.
pub fn damage(rng: &mut Rng, s: &[u8]) -> Vec<u8> {
    let mut v = s.to_vec();
    if v.is_empty() {
        return v;
    }
    let i = rng.below(v.len() as u64) as usize;
    const BYTES: &[u8] = b"{}[],:\"\\ 0123456789eE.-+tfnul\x00\x1f\x7f\x80\xbf\xc0\xed\xf4\xf5\xff";
    match rng.below(4) {
        0 => v.truncate(i),
        1 => {
            v.remove(i);
        }
        2 => v.insert(i, BYTES[rng.below(BYTES.len() as u64) as usize]),
        _ => v[i] = BYTES[rng.below(BYTES.len() as u64) as usize],
    }
    v
}
