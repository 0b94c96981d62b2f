//! Frame invariants on generated and hostile input (the exact expectations live in the shared
//! vectors, frames.json, checked by tests/vectors.rs against the JS reference).
use ocpp_validate_core::frame::{descriptions, MAX_REPORTED_ISSUES};
use ocpp_validate_core::{
    build_call_error, check_syntax, find_schema, validate_frame, validate_with, CallErrorCode, Frame, FrameKind, Issue, Keyword,
    Protocol, Tolerances, CHARGE_POINT_ACTIONS,
};
use proptest::prelude::*;
use serde_json::Value;

const PAYLOAD: &str = r#"{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}"#;

fn frame(id: &str, action: &str, payload: &str) -> String {
    format!("[2,{},{},{payload}]", serde_json::to_string(id).unwrap(), serde_json::to_string(action).unwrap())
}

/// What every result must satisfy, whatever the input.
fn check_invariants(input: &[u8], f: &Frame, all_errors: bool) {
    match f.kind {
        FrameKind::Call | FrameKind::CallResult | FrameKind::CallError | FrameKind::CallResultError | FrameKind::Send => {
            let (s, e) = f.payload.expect("every frame kind has a payload range");
            assert!(s < e && e <= input.len());
            let payload = &input[s..e];
            assert!(check_syntax(payload).is_ok(), "payload range is one JSON value");
            if f.kind == FrameKind::Call {
                if let Some(schema) = f.action.as_deref().filter(|a| CHARGE_POINT_ACTIONS.contains(a)).and_then(find_schema) {
                    assert_eq!(f.issues.is_empty(), validate_with(schema, payload, false).is_empty());
                }
            } else {
                assert!(f.call_error.is_none(), "responses and SENDs are never answered");
            }
            assert!(f.unique_id.as_ref().is_some_and(|id| id.chars().count() <= 36));
        }
        FrameKind::Invalid => assert!(f.call_error.is_some() && f.payload.is_none() && !f.is_valid()),
    }
    if !all_errors {
        assert!(f.issues.len() <= 1);
    }
    if let Some(spans) = f.spans {
        // The offsets are the text itself, and UTF-16 offsets too (all ASCII up to the later one).
        let text = |(s, e): (usize, usize)| std::str::from_utf8(&input[s..e]).unwrap().to_string();
        assert_eq!(Some(text(spans.unique_id)), f.unique_id);
        assert_eq!(spans.action.map(text), f.action);
        assert!(input[..spans.action.unwrap_or(spans.unique_id).1].is_ascii());
    }
    if let Some(i) = f.action_index {
        // (the frame's protocol is not known here: one of them names the action there)
        assert!(Protocol::ALL.iter().any(|p| p.actions().get(i).map(|a| a.name()) == f.action.as_deref()));
    }
    if let Some((_, payload)) = f.plain() {
        assert!(f.is_valid() && f.tolerated.is_empty() && f.warnings.is_empty() && f.payload == Some(payload));
    }
    assert_eq!(f.is_valid(), f.kind != FrameKind::Invalid && f.call_error.is_none() && f.issues.is_empty() && !f.refused_action);
    assert!(!f.refused_action || matches!(f.kind, FrameKind::Call | FrameKind::Send));
    if let Some(ce) = &f.call_error {
        let v: Value = serde_json::from_str(&ce.frame).expect("the CALLERROR frame is JSON");
        let a = v.as_array().unwrap();
        assert_eq!(a.len(), 5);
        assert_eq!(a[0], 4);
        assert_eq!(a[1].as_str(), Some(f.unique_id.as_deref().unwrap_or("-1")));
        assert_eq!(a[2].as_str(), Some(ce.code.as_str()));
        assert_eq!(a[3].as_str(), Some(ce.description.as_str()));
        assert!(a[4].is_object());
        assert!(ce.frame.len() <= 2048 + f.unique_id.as_ref().map_or(0, |id| id.len() * 6), "answer stays small");
    }
}

fn check(input: &[u8]) -> Frame {
    let first = validate_frame(Protocol::Ocpp16, input, false, None, Tolerances::STRICT);
    check_invariants(input, &first, false);
    let all = validate_frame(Protocol::Ocpp16, input, true, None, Tolerances::STRICT);
    check_invariants(input, &all, true);
    assert_eq!(
        (first.kind, &first.unique_id, &first.action, first.payload),
        (all.kind, &all.unique_id, &all.action, all.payload)
    );
    assert_eq!(first.issues.first(), all.issues.first(), "the first issue is the first of the sorted list");
    // Knowing the pending call changes only what a CALLRESULT's payload is checked against.
    let answered = validate_frame(Protocol::Ocpp16, input, true, find_schema("BootNotification"), Tolerances::STRICT);
    check_invariants(input, &answered, true);
    if all.kind != FrameKind::CallResult {
        assert_eq!(answered, all);
    }
    all
}

#[test]
fn every_action_gets_the_right_answer() {
    for protocol in Protocol::ALL {
        let central = if protocol.is_2x() { "CSMS" } else { "Central System" };
        for action in protocol.actions() {
            let request = action.request();
            let f = validate_frame(protocol, frame("id", action.name(), "{}").as_bytes(), true, None, Tolerances::STRICT);
            check_invariants(frame("id", action.name(), "{}").as_bytes(), &f, true);
            assert_eq!(f.kind, FrameKind::Call);
            let station = action.station_initiated();
            assert_eq!(f.issues.is_empty(), !station || validate_with(request, b"{}", false).is_empty(), "{}", action.name());
            if !station {
                let ce = f.call_error.unwrap();
                assert_eq!(ce.code, CallErrorCode::NotSupported);
                assert_eq!(ce.description, format!("{} is sent by a {central}, not to it", action.name()));
            } else if let Some(ce) = f.call_error {
                let prefix = if protocol.is_2x() {
                    format!("Payload is not a valid {}: ", request.name())
                } else {
                    format!("Payload is not a valid {}.req: ", action.name())
                };
                assert!(ce.description.starts_with(&prefix), "{}", ce.description);
            }
        }
        let f = validate_frame(protocol, frame("id", "Foo", "{}").as_bytes(), true, None, Tolerances::STRICT);
        let ce = f.call_error.unwrap();
        assert_eq!(
            (ce.code, ce.description),
            (CallErrorCode::NotImplemented, format!("Action is not an OCPP {} action", protocol.version()))
        );
        assert!(validate_frame(protocol, frame("id", "Heartbeat", "{}").as_bytes(), true, None, Tolerances::STRICT).is_valid());
    }
    assert!(!check(frame("id", "Heartbeat", r#"{"a":1}"#).as_bytes()).is_valid());
    // An escaped action name is the same action.
    assert!(check(frame("id", "Heartbeat", "{}").replace("Heartbeat", "\\u0048eartbeat").as_bytes()).is_valid());
}

#[test]
fn protocol_codes_of_broken_frames() {
    let codes = |protocol, input: &[u8]| {
        let f = validate_frame(protocol, input, true, None, Tolerances::STRICT);
        check_invariants(input, &f, true);
        f.call_error.map(|c| c.code.as_str())
    };
    for (input, v16, v201, v21) in [
        (&b"[2,"[..], "FormationViolation", "FormatViolation", "FormatViolation"),
        (b"{}", "ProtocolError", "RpcFrameworkError", "RpcFrameworkError"),
        (br#"[7,"a"]"#, "ProtocolError", "MessageTypeNotSupported", "MessageTypeNotSupported"),
        (br#"[6,"a","Heartbeat",{}]"#, "ProtocolError", "MessageTypeNotSupported", ""),
        (br#"[5,"a","GenericError","",{}]"#, "ProtocolError", "MessageTypeNotSupported", ""),
        (br#"[2,"a","Heartbeat",{"x":1}]"#, "FormationViolation", "ProtocolError", "ProtocolError"),
        (
            br#"[2,"a","Authorize",{}]"#, "OccurenceConstraintViolation", "OccurrenceConstraintViolation",
            "OccurrenceConstraintViolation",
        ),
    ] {
        let got = [Protocol::Ocpp16, Protocol::Ocpp201, Protocol::Ocpp21].map(|p| codes(p, input).unwrap_or(""));
        assert_eq!(got, [v16, v201, v21], "{}", String::from_utf8_lossy(input));
    }
    // 2.1's SEND is checked, never answered; a CALLRESULTERROR is shape-checked.
    let f = validate_frame(Protocol::Ocpp21, br#"[6,"s1","NotifyPeriodicEventStream",{}]"#, true, None, Tolerances::STRICT);
    assert_eq!(f.kind, FrameKind::Send);
    assert!(f.call_error.is_none() && !f.issues.is_empty());
    let f = validate_frame(Protocol::Ocpp21, br#"[5,"r1","GenericError","",{}]"#, true, None, Tolerances::STRICT);
    assert!(f.kind == FrameKind::CallResultError && f.is_valid());
}

#[test]
fn responses_are_checked_not_answered() {
    let boot = find_schema("BootNotification");
    let ok = br#"[3,"r1",{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z","interval":300}]"#;
    let f = validate_frame(Protocol::Ocpp16, ok, true, boot, Tolerances::STRICT);
    assert!(f.is_valid() && f.kind == FrameKind::CallResult && f.call_error.is_none());
    assert_eq!(
        &ok[f.payload.unwrap().0..f.payload.unwrap().1],
        br#"{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z","interval":300}"#
    );
    let missing = br#"[3,"r1",{"status":"Accepted","currentTime":"2024-05-17T14:32:05Z"}]"#;
    let f = validate_frame(Protocol::Ocpp16, missing, true, boot, Tolerances::STRICT);
    assert!(!f.is_valid() && f.call_error.is_none());
    assert_eq!(f.issues[0].keyword, Keyword::Required);
    assert!(
        validate_frame(Protocol::Ocpp16, missing, true, None, Tolerances::STRICT).is_valid(),
        "without the pending call only syntax is checked"
    );
    let f = check(br#"[3,"r1",{},1]"#);
    assert_eq!((f.kind, f.call_error.unwrap().description.as_str()), (FrameKind::Invalid, descriptions::WRONG_LENGTH_RESULT));
    assert!(check(br#"[4,"e1","GenericError","",{}]"#).is_valid());
    for (text, why) in [
        (&br#"[4,"e1","GenericError",""]"#[..], descriptions::WRONG_LENGTH_ERROR),
        (br#"[4,"e1",1,"",{}]"#, descriptions::ERROR_CODE_NOT_STRING),
        (br#"[4,"e1","GenericError",null,{}]"#, descriptions::ERROR_DESCRIPTION_NOT_STRING),
        (br#"[4,"e1","GenericError","",[]]"#, descriptions::ERROR_DETAILS_NOT_OBJECT),
        (br#"[4,7,"GenericError","",{}]"#, descriptions::ID_NOT_STRING),
    ] {
        let f = check(text);
        assert_eq!((f.kind, f.call_error.unwrap().description.as_str()), (FrameKind::Invalid, why));
    }
}

#[test]
fn valid_call_and_its_range() {
    let text = frame("abc", "StopTransaction", PAYLOAD);
    let f = check(text.as_bytes());
    assert!(f.is_valid());
    let (s, e) = f.payload.unwrap();
    assert_eq!(&text[s..e], PAYLOAD);
}

#[test]
fn payload_issues_are_sorted_and_the_description_is_bounded() {
    let mut payload = String::from(r#"{"transactionId":"x","timestamp":1,"meterStop":1"#);
    for i in 0..50 {
        payload.push_str(&format!(r#","k{i}":1"#));
    }
    payload.push('}');
    let f = check(frame("id", "StopTransaction", &payload).as_bytes());
    let ce = f.call_error.as_ref().unwrap();
    assert_eq!(ce.code, CallErrorCode::FormationViolation, "(root) additionalProperties sorts first");
    assert_eq!(f.issues.len(), 52);
    let pairs: Vec<_> = f.issues.iter().map(|i| (i.instance_path.clone(), i.keyword.as_str())).collect();
    let mut sorted = pairs.clone();
    sorted.sort();
    assert_eq!(pairs, sorted);
    assert!(ce.description.starts_with(descriptions::PAYLOAD_PREFIX));
    assert!(ce.description.ends_with("; and 44 more"), "{}", ce.description);
    let details: Value = serde_json::from_str::<Value>(&ce.frame).unwrap()[4].clone();
    assert_eq!(details["issues"].as_array().unwrap().len(), MAX_REPORTED_ISSUES);
}

#[test]
fn hostile_frames_get_an_answer() {
    let deep = format!("[2,\"a\",\"StopTransaction\",{}{}]", "[".repeat(1_000_000), "]".repeat(1_000_000));
    assert_eq!(check(deep.as_bytes()).call_error.unwrap().code, CallErrorCode::TypeConstraintViolation);
    let unclosed = "[".repeat(1_000_000);
    assert_eq!(check(unclosed.as_bytes()).call_error.unwrap().code, CallErrorCode::FormationViolation);
    let nested_frame = format!("{}{}", "[".repeat(1_000_000), "]".repeat(1_000_000));
    assert_eq!(check(nested_frame.as_bytes()).call_error.unwrap().code, CallErrorCode::ProtocolError);
    let big = frame("a", "StopTransaction", &PAYLOAD.replace("}", &format!(r#","idTag":"{}"}}"#, "x".repeat(1 << 20))));
    assert_eq!(check(big.as_bytes()).issues[0].keyword, Keyword::MaxLength);
    let long_id = frame(&"i".repeat(1 << 20), "StopTransaction", PAYLOAD);
    let f = check(long_id.as_bytes());
    assert_eq!((f.kind, f.call_error.unwrap().code), (FrameKind::Invalid, CallErrorCode::ProtocolError));
    let mut bad_utf8 = frame("a", "StopTransaction", PAYLOAD).into_bytes();
    bad_utf8[4] = 0xFF;
    let f = check(&bad_utf8);
    assert_eq!((f.unique_id, f.issues[0].keyword), (None, Keyword::Parse));
}

#[test]
fn call_error_builder_escapes() {
    let issue = Issue { instance_path: "/a\"b".into(), keyword: Keyword::Type, message: String::new(), tolerated_by: None };
    let text = build_call_error("i\"d\n\u{1}", CallErrorCode::GenericError, "d\\", &[issue]);
    assert_eq!(text, r#"[4,"i\"d\n\u0001","GenericError","d\\",{"issues":[{"instancePath":"/a\"b","keyword":"type"}]}]"#);
}

#[test]
fn plain_frames_come_with_their_spans() {
    let plain = |text: &str, response_to| {
        let f = validate_frame(Protocol::Ocpp16, text.as_bytes(), false, response_to, Tolerances::STRICT);
        check_invariants(text.as_bytes(), &f, false);
        f.plain().map(|(spans, payload)| (spans.unique_id, spans.action, payload))
    };
    let call = frame("abc-123", "StopTransaction", PAYLOAD);
    assert_eq!(plain(&call, None), Some(((4, 11), Some((14, 29)), (31, call.len() - 1))));
    let stop = Protocol::Ocpp16.actions().iter().position(|a| a.name() == "StopTransaction").unwrap() as u32;
    let offsets = validate_frame(Protocol::Ocpp16, call.as_bytes(), false, None, Tolerances::STRICT).plain_offsets();
    assert_eq!(offsets, Some([0, 4, 11, stop + 1, 31, call.len() as u32 - 1]));
    assert_eq!(
        plain(
            " [ 3 , \"r1\" , {\"currentTime\":\"2024-05-17T14:32:05Z\",\"interval\":300,\"status\":\"Accepted\"} ] ",
            find_schema("BootNotification")
        ),
        Some(((8, 10), None, (14, 87)))
    );
    assert_eq!(plain(r#"[4,"e1","GenericError","",{}]"#, None), Some(((4, 6), None, (26, 28))));
    // Escaped or after non-ASCII text: valid, but handed over as strings.
    assert_eq!(plain(&frame("a\"b", "StopTransaction", PAYLOAD), None), None);
    assert_eq!(plain(&frame("é", "StopTransaction", PAYLOAD), None), None);
    assert!(validate_frame(Protocol::Ocpp16, frame("é", "StopTransaction", PAYLOAD).as_bytes(), false, None, Tolerances::STRICT)
        .is_valid());
    // Not plain: invalid, or valid only with something to report.
    assert_eq!(plain(&frame("a", "StopTransaction", "{}"), None), None);
    assert_eq!(
        plain(
            &frame(
                "a",
                "StopTransaction",
                r#"{"transactionId":1,"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}"#
            ),
            None
        ),
        None
    );
    assert_eq!(plain(&frame("a", "Reset", r#"{"type":"Hard"}"#), None), None);
}

fn envelope_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2".to_string()),
        Just("3".to_string()),
        Just("4".to_string()),
        Just("\"BootNotification\"".to_string()),
        Just("\"Reset\"".to_string()),
        Just("2.0".to_string()),
        Just("\"2\"".to_string()),
        Just("\"id\"".to_string()),
        Just("\"StopTransaction\"".to_string()),
        Just("\"Heartbeat\"".to_string()),
        Just(PAYLOAD.to_string()),
        Just("{}".to_string()),
        Just("[[]]".to_string()),
        Just("null".to_string()),
        "[ -~]{0,40}".prop_map(|s| serde_json::to_string(&s).unwrap()),
        "\\PC{0,40}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        check(&bytes);
    }

    #[test]
    fn arbitrary_envelopes(pieces in proptest::collection::vec(envelope_piece(), 0..6), ws in "[ \t\r\n]{0,2}") {
        let text = format!("[{ws}{}{ws}]", pieces.join(&format!("{ws},{ws}")));
        check(text.as_bytes());
    }

    #[test]
    fn truncated_and_mutated_calls(cut in 0usize..120, at in 0usize..120, byte in any::<u8>()) {
        let text = frame("abc-123", "StopTransaction", PAYLOAD);
        let mut bytes = text.into_bytes();
        if let Some(b) = bytes.get_mut(at) {
            *b = byte;
        }
        check(&bytes);
        bytes.truncate(cut);
        check(&bytes);
    }
}
