//! One test per rule of SEMANTICS.md (expectations checked against ajv; see also the shared vectors).
mod support;

use ocpp_validate_core::{check_syntax, is_valid, validate, Keyword, OcppErrorCode, Protocol, SyntaxError};

const OK: &str = r#""transactionId":1,"timestamp":"2024-05-17T14:32:05.123Z","meterStop":100"#;

fn doc(extra: &str) -> String {
    format!("{{{OK}{extra}}}")
}

fn with_ts(ts: &str) -> String {
    format!(r#"{{"transactionId":1,"timestamp":"{ts}","meterStop":1}}"#)
}

fn sv(s: &str) -> String {
    doc(&format!(r#","transactionData":[{{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[{s}]}}]"#))
}

/// Sorted (path, keyword) multiset, after checking the API invariants.
fn errs(input: impl AsRef<[u8]>) -> Vec<(String, &'static str)> {
    let input = input.as_ref();
    let all = validate(input, true);
    let first = validate(input, false);
    assert_eq!(is_valid(input), all.is_empty(), "is_valid vs validate(all)");
    assert_eq!(first.is_empty(), all.is_empty());
    assert!(first.len() <= 1);
    if let Some(f) = first.first() {
        assert!(all.iter().any(|i| i.instance_path == f.instance_path && i.keyword == f.keyword));
    }
    let mut v: Vec<_> = all.into_iter().map(|i| (i.instance_path, i.keyword.as_str())).collect();
    v.sort();
    v
}

fn e(path: &str, kw: &'static str) -> (String, &'static str) {
    (path.to_string(), kw)
}

fn parse_err(input: impl AsRef<[u8]>) {
    assert_eq!(errs(input.as_ref()), vec![e("", "parse")], "{:?}", String::from_utf8_lossy(input.as_ref()));
}

#[test]
fn valid_payloads() {
    assert_eq!(errs(doc("")), vec![]);
    for (_, p) in support::payloads::bench_payloads() {
        assert_eq!(errs(&p), vec![]);
    }
    assert!(is_valid(sv(r#"{"value":"1","context":"Trigger","format":"SignedData","measurand":"RPM","phase":"N","location":"EV","unit":"Celcius"}"#).as_bytes()));
}

#[test]
fn syntax_whitespace_bom_comments_commas() {
    assert_eq!(errs(format!(" \t\r\n{} \t\r\n", doc(""))), vec![]);
    parse_err(format!("\u{feff}{}", doc("")));
    assert_eq!(check_syntax(format!("\u{feff}{}", doc("")).as_bytes()), Err(SyntaxError::ByteOrderMark));
    parse_err(format!("{}\u{a0}", doc("")));
    parse_err(format!("{}\x0c", doc("")));
    parse_err(format!("/* c */{}", doc("")));
    parse_err(format!("{}//", doc("")));
    parse_err(r#"{"transactionId":1,}"#);
    parse_err(doc(r#","transactionData":[1,]"#));
    parse_err(format!("{}{}", doc(""), doc("")));
    parse_err("");
    parse_err("   ");
    parse_err(doc(r#","x":tru"#));
    parse_err(doc(r#","x":nul"#));
    parse_err(doc(r#","x":True"#));
    parse_err(r#"{'transactionId':1}"#);
    parse_err(r#"{transactionId:1}"#);
}

#[test]
fn syntax_strings() {
    parse_err(doc(",\"idTag\":\"a\x01b\""));
    parse_err(doc(",\"idTag\":\"a\x1fb\""));
    parse_err(doc(",\"idTag\":\"a\tb\""));
    parse_err(doc(",\"idTag\":\"a\nb\""));
    assert_eq!(errs(doc(",\"idTag\":\"a\x7fb\"")), vec![]);
    for bad in [r"\x", r"\u12", r"\u12G4", r"\U0041", r"\'", r"\0", r"\a", r"\v"] {
        parse_err(doc(&format!(r#","idTag":"{bad}""#)));
    }
    for good in [r#"\"\\\/\b\f\n\r\t"#, r"\u00e9\u00E9", r"\ud800", r"\udfff\ud800"] {
        assert_eq!(errs(doc(&format!(r#","idTag":"{good}""#))), vec![], "{good}");
    }
    // Escapes and controls inside skipped values and keys are checked too.
    parse_err(doc(",\"x\":[\"a\x01\"]"));
    parse_err(doc(",\"x\\q\":1"));
    parse_err(doc(",\"x\":\"\\q\""));
}

#[test]
fn syntax_numbers() {
    for bad in ["01", "-", "+1", "1.", ".5", "1e", "1e+", "-01", "0x10", "1.e2", "--1", "Infinity", "NaN", "1_000"] {
        parse_err(doc(&format!(r#","meterStop":{bad}"#)));
        parse_err(doc(&format!(r#","x":[{bad}]"#)));
    }
}

#[test]
fn truncated_at_every_offset() {
    for (_, p) in support::payloads::bench_payloads().into_iter().take(2) {
        let b = p.as_bytes();
        for n in 0..b.len() {
            assert!(!is_valid(&b[..n]), "prefix {n}");
            let v = validate(&b[..n], true);
            assert_eq!(v.len(), 1, "prefix {n}");
            assert_eq!(v[0].keyword, Keyword::Parse);
            assert_eq!(v[0].instance_path, "");
        }
        assert!(is_valid(b));
    }
}

#[test]
fn invalid_utf8() {
    let cases: &[&[u8]] = &[
        &[0xC0, 0xAF],             // overlong '/'
        &[0xC1, 0xBF],             // overlong
        &[0xE0, 0x80, 0xAF],       // overlong 3-byte
        &[0xF0, 0x80, 0x80, 0xAF], // overlong 4-byte
        &[0xED, 0xA0, 0x80],       // surrogate U+D800
        &[0xED, 0xBF, 0xBF],       // surrogate U+DFFF
        &[0xF4, 0x90, 0x80, 0x80], // > U+10FFFF
        &[0xF5, 0x80, 0x80, 0x80],
        &[0xFF],
        &[0x80],             // lone continuation
        &[0xE2, 0x82],       // truncated
        &[0xF0, 0x9F, 0x98], // truncated
        &[0xC3],
    ];
    for bad in cases {
        let mut v = doc(r#","idTag":""#).into_bytes();
        v.truncate(v.len() - 2);
        v.extend_from_slice(bad);
        v.extend_from_slice(b"\"}");
        parse_err(&v);
        assert!(matches!(check_syntax(&v), Err(SyntaxError::InvalidUtf8 { .. })), "{bad:x?}");
        // also inside a key and inside a skipped value
        let mut k = b"{\"".to_vec();
        k.extend_from_slice(bad);
        k.extend_from_slice(b"\":1}");
        parse_err(&k);
        let mut s = doc(r#","x":[""#).into_bytes();
        s.truncate(s.len() - 2);
        s.extend_from_slice(bad);
        s.extend_from_slice(b"\"]}");
        parse_err(&s);
    }
    // non-ASCII outside strings
    parse_err([doc("").as_bytes(), &[0xC3, 0xA9]].concat());
    // valid multi-byte text of every length
    assert_eq!(errs(doc(r#","idTag":"é€😀߿퟿"#).replace("퟿", "\u{d7ff}\u{e000}\u{10ffff}\"")), vec![]);
}

#[test]
fn deep_nesting_unknown_key() {
    let n = 100_000;
    let deep = format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(errs(doc(&format!(r#","x":{deep}"#))), vec![e("", "additionalProperties")]);
    let deep_obj = format!("{}1{}", r#"{"a":["#.repeat(n), "]}".repeat(n));
    assert_eq!(errs(doc(&format!(r#","x":{deep_obj}"#))), vec![e("", "additionalProperties")]);
    // unbalanced deep input is a parse error, not a crash
    parse_err(doc(&format!(r#","x":{}"#, "[".repeat(n))));
    parse_err(doc(&format!(r#","x":{}{}"#, "[".repeat(n), "]".repeat(n - 1))));
    parse_err(doc(&format!(r#","x":{}{}}}"#, "[".repeat(n), "]".repeat(n - 1))));
}

#[test]
fn deep_nesting_in_reason_then_valid_duplicate() {
    let n = 100_000;
    let deep = format!("{}{}", "[".repeat(n), "]".repeat(n));
    assert_eq!(errs(doc(&format!(r#","reason":{deep},"reason":"Local""#))), vec![]);
    assert_eq!(errs(doc(&format!(r#","reason":{deep}"#))), vec![e("/reason", "enum"), e("/reason", "type")]);
    let deep_obj = format!("{}{}", r#"{"a":"#.repeat(n) + "1", "}".repeat(n));
    assert_eq!(
        errs(doc(&format!(r#","reason":{deep_obj}"#))),
        vec![e("/reason", "additionalProperties"), e("/reason", "enum"), e("/reason", "type")]
    );
}

#[test]
fn one_megabyte_string() {
    let big = "x".repeat(1 << 20);
    assert_eq!(errs(doc(&format!(r#","idTag":"{big}""#))), vec![e("/idTag", "maxLength")]);
    assert_eq!(errs(doc(&format!(r#","x":"{big}""#))), vec![e("", "additionalProperties")]);
    let big_utf8 = "é😀".repeat(1 << 18);
    assert_eq!(errs(doc(&format!(r#","idTag":"{big_utf8}""#))), vec![e("/idTag", "maxLength")]);
    let big_esc = r"\u00e9".repeat(1 << 17);
    assert_eq!(errs(doc(&format!(r#","reason":"{big_esc}""#))), vec![e("/reason", "enum")]);
    let ts = format!("2016-12-31T22:59:59.{}Z", "9".repeat(1 << 20));
    assert_eq!(errs(with_ts(&ts)), vec![e("/timestamp", "format")]);
    let ts = format!("2016-12-31T22:59:59.{}1Z", "9".repeat(14) + &"0".repeat(1 << 20));
    assert_eq!(errs(with_ts(&ts)), vec![]);
    let ts = format!("2016-12-31T22:59:59.{}1Z", "9".repeat(15) + &"0".repeat(1 << 20));
    assert_eq!(errs(with_ts(&ts)), vec![e("/timestamp", "format")]);
    let ts = format!("2016-12-31T23:59:60.{}Z", "0".repeat(1 << 20));
    assert_eq!(errs(with_ts(&ts)), vec![]);
}

#[test]
fn numbers_integer_by_js_double() {
    for ok in [
        "0", "-0", "1.0", "1e2", "1E2", "1e+2", "100e-2", "1e-400", "-1e-400", "123456789012345678901234567890",
        "4503599627370496.5", "9007199254740993", "1.7976931348623157e308", "0.0e5", "10.000000000000000000001",
    ] {
        assert_eq!(errs(doc(&format!(r#","meterStop":{ok}"#))), vec![], "{ok}");
    }
    let big = format!("1{}", "0".repeat(308));
    assert_eq!(errs(doc(&format!(r#","meterStop":{big}"#))), vec![]);
    let inf = format!("1{}", "0".repeat(309));
    assert_eq!(errs(doc(&format!(r#","meterStop":{inf}"#))), vec![e("/meterStop", "type")]);
    for bad in ["1e400", "-1e400", "1.8e308", "1e-1", "1.5", "-0.5", "4503599627370495.5", "0.1e1000"] {
        assert_eq!(errs(doc(&format!(r#","meterStop":{bad}"#))), vec![e("/meterStop", "type")], "{bad}");
    }
    for other in ["\"1\"", "true", "null", "[]", "{}"] {
        assert_eq!(errs(doc(&format!(r#","transactionId":{other}"#))), vec![e("/transactionId", "type")]);
    }
}

#[test]
fn date_time_accept() {
    for ts in [
        "2024-05-17T14:32:05Z", "2024-05-17t14:32:05z", "2024-05-17 14:32:05+05", "2024-05-17T14:32:05+0530",
        "2024-05-17T14:32:05-05:30", "2024-05-17T14:32:05.1234567890123456789Z", "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
        "2016-12-31T23:59:60Z", "2016-12-31T23:59:60.5Z", "2016-12-31T18:59:60-05:00", "2017-01-01T00:59:60+01:00",
        "2024-05-17T23:59:59.99999999999999Z", "0000-01-01T00:00:00Z", "2024-05-17\t14:32:05Z", "2024-05-17\n14:32:05Z",
        "2024-05-17\u{0b}14:32:05Z", "2024-05-17\u{a0}14:32:05Z", "2024-05-17\u{1680}14:32:05Z", "2024-05-17\u{2000}14:32:05Z",
        "2024-05-17\u{200a}14:32:05Z", "2024-05-17\u{2028}14:32:05Z", "2024-05-17\u{2029}14:32:05Z",
        "2024-05-17\u{202f}14:32:05Z", "2024-05-17\u{205f}14:32:05Z", "2024-05-17\u{3000}14:32:05Z",
        "2024-05-17\u{feff}14:32:05Z", "2024-05-17T14:32:05+23:59", "2024-05-17T22:59:59.9999999999999964Z",
        // rounds to 60.0, then passes as a leap second at 23:59 UTC
        "2024-05-17T23:59:59.99999999999999999Z",
    ] {
        let json = serde_json::to_string(ts).unwrap();
        assert_eq!(errs(format!(r#"{{"transactionId":1,"timestamp":{json},"meterStop":1}}"#)), vec![], "{ts:?}");
    }
    // escapes are decoded first
    assert_eq!(errs(with_ts(r"2024-05-17\u005414:32:05\u005a")), vec![]);
    assert_eq!(errs(with_ts(r"2024-05-17\t14:32:05Z")), vec![]);
}

#[test]
fn date_time_reject() {
    for ts in [
        "2024-05-17T14:32:05", "2024-05-17T24:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2024-04-31T00:00:00Z",
        "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-05-17T14:60:00Z", "2016-12-31T22:59:60Z",
        "2016-12-31T23:59:61Z", "2016-12-31T23:58:60Z", "2016-12-31T23:59:60.99999999999999999Z",
        "2024-05-17T22:59:59.99999999999999999Z", "2024-05-17T22:59:59.9999999999999965Z", "2024-05-17T14:32:05.Z",
        "2024-05-17T14:32:05+24:00", "2024-05-17T14:32:05+05:60", "2024-05-17T14:32:05+05:", "2024-05-17T14:32:05+5",
        "2024-05-17T14:32:05+0530Z", "2024-05-17TT14:32:05Z", "2024-05-17T14:32:05ZZ", "2024-05-17T14:32:05Z ",
        " 2024-05-17T14:32:05Z", "2024-5-17T14:32:05Z", "24-05-17T14:32:05Z", "2024-05-17", "T", "", "2024-05-17\u{85}14:32:05Z",
        "2024-05-17\u{200b}14:32:05Z", "2024-05-17\u{180e}14:32:05Z", "２０２４-05-17T14:32:05Z", "2024-05-17T14:32:0５Z",
        "2024-05-17T14:32Z", "2024-05-17T14:32:05.5.5Z",
    ] {
        let json = serde_json::to_string(ts).unwrap();
        assert_eq!(
            errs(format!(r#"{{"transactionId":1,"timestamp":{json},"meterStop":1}}"#)),
            vec![e("/timestamp", "format")],
            "{ts:?}"
        );
    }
    assert_eq!(errs(with_ts(r"2024-05-17\u0000")), vec![e("/timestamp", "format")]);
    assert_eq!(errs(r#"{"transactionId":1,"timestamp":1,"meterStop":1}"#), vec![e("/timestamp", "type")]);
}

#[test]
fn max_length_in_code_points() {
    let cases: &[(&str, bool)] = &[
        ("12345678901234567890", true),
        ("123456789012345678901", false),
        ("", true),
        (&"é".repeat(20), true),
        (&"é".repeat(21), false),
        (&"😀".repeat(20), true),
        (&"😀".repeat(21), false),
        (&r"\ud83d\ude00".repeat(20), true),
        (&r"\ud83d\ude00".repeat(21), false),
        (&r"\ud83d".repeat(20), true),
        (&r"\ud83d".repeat(21), false),
        (&r"\ude00".repeat(20), true),
        (&r"\ude00\ud83d".repeat(10), true),
        (&(r"\ud83d".repeat(19) + r"\ude00\ude00"), true),
        (&(r"\ud83d".repeat(20) + r"\ude00\ude00"), false),
        (&r"\ud83d😀".repeat(10), true),
        (&r"\ud83d😀".repeat(11), false),
        (&r"\n".repeat(20), true),
        (&r"\u0041".repeat(21), false),
    ];
    for (s, ok) in cases {
        let got = errs(doc(&format!(r#","idTag":"{s}""#)));
        let want = if *ok { vec![] } else { vec![e("/idTag", "maxLength")] };
        assert_eq!(got, want, "{s}");
    }
    assert_eq!(errs(doc(r#","idTag":["x"]"#)), vec![e("/idTag", "type")]);
}

#[test]
fn duplicates_last_wins() {
    assert_eq!(errs(r#"{"transactionId":"x","transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}"#), vec![]);
    assert_eq!(
        errs(r#"{"transactionId":1,"transactionId":"x","timestamp":"2024-05-17T14:32:05Z","meterStop":1}"#),
        vec![e("/transactionId", "type")]
    );
    assert_eq!(errs(doc(r#","reason":"nope","reason":"Local""#)), vec![]);
    assert_eq!(errs(doc(r#","reason":"Local","reason":"nope""#)), vec![e("/reason", "enum")]);
    assert_eq!(errs(doc(r#","transactionData":[{}],"transactionData":[]"#)), vec![]);
    assert_eq!(
        errs(doc(r#","transactionData":[],"transactionData":[{}]"#)),
        vec![e("/transactionData/0", "required"), e("/transactionData/0", "required")]
    );
    // issues of an earlier occurrence are withdrawn even when other properties' issues follow them
    assert_eq!(
        errs(r#"{"meterStop":"a","idTag":1,"meterStop":2,"transactionId":"q","timestamp":"x","idTag":"ok"}"#),
        vec![e("/timestamp", "format"), e("/transactionId", "type")]
    );
    assert_eq!(errs(sv(r#"{"value":1,"unit":"x","value":"1","unit":"W"}"#)), vec![]);
    // escaped spelling of the same key is the same key
    assert_eq!(errs(r#"{"\u0074ransactionId":"x","transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}"#), vec![]);
    assert_eq!(errs(r#"{"transactionId":"x","\u0074ransactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}"#), vec![]);
    // a required key given only by a duplicate still counts as present
    assert_eq!(errs(doc(r#","meterStop":5"#)), vec![]);
}

#[test]
fn enum_properties() {
    assert_eq!(errs(doc(r#","reason":"Local""#)), vec![]);
    assert_eq!(errs(doc(r#","reason":"\u004cocal""#)), vec![]);
    assert_eq!(errs(doc(r#","reason":"local""#)), vec![e("/reason", "enum")]);
    assert_eq!(errs(doc(r#","reason":"Local ""#)), vec![e("/reason", "enum")]);
    assert_eq!(errs(doc(r#","reason":"""#)), vec![e("/reason", "enum")]);
    for v in ["1", "true", "null", "[]", r#"["Local"]"#, "1.5"] {
        assert_eq!(errs(doc(&format!(r#","reason":{v}"#))), vec![e("/reason", "enum"), e("/reason", "type")], "{v}");
    }
    assert_eq!(errs(doc(r#","reason":{}"#)), vec![e("/reason", "enum"), e("/reason", "type")]);
    assert_eq!(
        errs(doc(r#","reason":{"a":1,"a":2,"b":3}"#)),
        vec![
            e("/reason", "additionalProperties"),
            e("/reason", "additionalProperties"),
            e("/reason", "enum"),
            e("/reason", "type")
        ]
    );
    assert_eq!(
        errs(doc(r#","reason":{"a":1,"\u0061":2}"#)),
        vec![e("/reason", "additionalProperties"), e("/reason", "enum"), e("/reason", "type")]
    );
    // every enum of the schema
    let p = "/transactionData/0/sampledValue/0";
    assert_eq!(
        errs(sv(r#"{"value":"1","context":"x","format":"raw","measurand":"Power","phase":"l1","location":"ev","unit":"kwh"}"#)),
        ["context", "format", "location", "measurand", "phase", "unit"]
            .iter()
            .map(|k| e(&format!("{p}/{k}"), "enum"))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        errs(sv(r#"{"value":"1","unit":{"u":1}}"#)),
        vec![e(&format!("{p}/unit"), "additionalProperties"), e(&format!("{p}/unit"), "enum"), e(&format!("{p}/unit"), "type"),]
    );
    // astral / surrogate escapes in enum strings never match and never crash
    assert_eq!(errs(doc(r#","reason":"\ud83d\ude00""#)), vec![e("/reason", "enum")]);
    assert_eq!(errs(doc(r#","reason":"\ud800""#)), vec![e("/reason", "enum")]);
}

#[test]
fn required_properties() {
    assert_eq!(errs("{}"), vec![e("", "required"), e("", "required"), e("", "required")]);
    assert_eq!(errs(r#"{"transactionId":1,"meterStop":1}"#), vec![e("", "required")]);
    assert_eq!(
        errs(doc(r#","transactionData":[{},{"timestamp":"2024-05-17T14:32:05Z"}]"#)),
        vec![e("/transactionData/0", "required"), e("/transactionData/0", "required"), e("/transactionData/1", "required")]
    );
    assert_eq!(
        errs(sv("{},{}")),
        vec![e("/transactionData/0/sampledValue/0", "required"), e("/transactionData/0/sampledValue/1", "required"),]
    );
    // not an object: type only
    assert_eq!(
        errs(doc(r#","transactionData":[1,null,[],"x"]"#)),
        vec![
            e("/transactionData/0", "type"),
            e("/transactionData/1", "type"),
            e("/transactionData/2", "type"),
            e("/transactionData/3", "type"),
        ]
    );
    assert_eq!(errs("[]"), vec![e("", "type")]);
    assert_eq!(errs("null"), vec![e("", "type")]);
    assert_eq!(errs("\"x\""), vec![e("", "type")]);
    assert_eq!(errs("1"), vec![e("", "type")]);
    assert_eq!(errs(doc(r#","transactionData":{}"#)), vec![e("/transactionData", "type")]);
}

#[test]
fn additional_properties() {
    assert_eq!(errs(doc(r#","foo":1"#)), vec![e("", "additionalProperties")]);
    assert_eq!(errs(doc(r#","foo":1,"foo":{},"bar":[]"#)), vec![e("", "additionalProperties"), e("", "additionalProperties")]);
    assert_eq!(errs(doc(r#","__proto__":{}"#)), vec![e("", "additionalProperties")]);
    assert_eq!(errs(doc(r#","TransactionId":1"#)), vec![e("", "additionalProperties")]);
    assert_eq!(errs(doc(r#","😀":1,"\ud83d\ude00":2"#)), vec![e("", "additionalProperties")]);
    assert_eq!(
        errs(doc(r#","\ud800":1,"\ud800":2,"\udc00":3"#)),
        vec![e("", "additionalProperties"), e("", "additionalProperties")]
    );
    assert_eq!(errs(sv(r#"{"value":"1","extra":1}"#)), vec![e("/transactionData/0/sampledValue/0", "additionalProperties")]);
    assert_eq!(
        errs(doc(r#","transactionData":[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[],"x":1}]"#)),
        vec![e("/transactionData/0", "additionalProperties")]
    );
    let msg = &validate(doc(r#","foo":1"#).as_bytes(), true)[0];
    assert_eq!(msg.message, "has unknown property \"foo\"");
}

#[test]
fn messages_and_codes() {
    let v = validate(b"{}", true);
    assert!(v
        .iter()
        .all(|i| i.keyword.ocpp_error_code(Protocol::Ocpp16) == OcppErrorCode::OccurenceConstraintViolation));
    assert!(v.iter().any(|i| i.message == "must have required property 'transactionId'"));
    let v = validate(doc(r#","idTag":"123456789012345678901""#).as_bytes(), true);
    assert_eq!(v[0].message, "has 21 characters, more than the 20 allowed");
    assert_eq!(v[0].ocpp_error_code(Protocol::Ocpp16).as_str(), "PropertyConstraintViolation");
    let v = validate(with_ts("x").as_bytes(), true);
    assert_eq!(v[0].message, "\"x\" is not a date-time: expected YYYY-MM-DDThh:mm:ss with an offset (Z or ±hh:mm)");
    let v = validate(doc(r#","meterStop":1.5"#).as_bytes(), true);
    assert_eq!(v[0].message, "must be integer, got 1.5");
    assert_eq!(v[0].keyword.ocpp_error_code(Protocol::Ocpp16).as_str(), "TypeConstraintViolation");
    let v = validate(b"{\"a\":1,}", true);
    assert_eq!(v[0].message, "unexpected '}' at byte 7");
    assert_eq!(v[0].keyword.ocpp_error_code(Protocol::Ocpp16).as_str(), "FormationViolation");
    assert_eq!(validate(b"", true)[0].message, "unexpected end of input");
    let mut bad = b"{\"idTag\":\"".to_vec();
    bad.push(0xff);
    assert_eq!(validate(&bad, true)[0].message, "invalid UTF-8 at byte 10");
    assert_eq!(Keyword::AdditionalProperties.ocpp_error_code(Protocol::Ocpp16), OcppErrorCode::FormationViolation);
}

#[test]
fn syntax_error_wins_over_schema_issues() {
    assert_eq!(errs(r#"{"foo":1,"#), vec![e("", "parse")]);
    assert_eq!(errs(r#"{"reason":"x"} x"#), vec![e("", "parse")]);
    let mut v = doc(r#","foo":1,"idTag":""#).into_bytes();
    v.truncate(v.len() - 2);
    v.extend_from_slice(&[0xED, 0xA0, 0x80, b'"', b'}']);
    assert_eq!(errs(&v), vec![e("", "parse")]);
}
