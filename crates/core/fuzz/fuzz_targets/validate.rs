#![no_main]
use libfuzzer_sys::fuzz_target;
use ocpp_validate_core::{check_syntax, is_valid_with, schemas, validate_frame, validate_with, Keyword, Protocol, Tolerances};

// The first two bytes pick one of the compiled schemas of every protocol; the rest is the
// payload, and also a frame of each protocol.
fuzz_target!(|input: &[u8]| {
    let Some((&[lo, hi], data)) = input.split_first_chunk::<2>() else {
        return;
    };
    let schema = schemas::ALL[usize::from(u16::from_le_bytes([lo, hi])) % schemas::ALL.len()];
    let valid = is_valid_with(schema, data);
    let all = validate_with(schema, data, true);
    let first = validate_with(schema, data, false);
    assert_eq!(valid, all.is_empty());
    assert_eq!(valid, first.is_empty());
    assert!(first.len() <= 1);
    if let Some(f) = first.first() {
        assert!(all.iter().any(|i| i.instance_path == f.instance_path && i.keyword == f.keyword));
    }
    // A parse issue is always alone; schema issues only for syntactically valid input.
    let parse = all.iter().any(|i| i.keyword == Keyword::Parse);
    assert!(!parse || all.len() == 1);
    assert_eq!(parse, check_syntax(data).is_err());
    for protocol in Protocol::ALL {
        let f = validate_frame(protocol, data, true, Some(schema), Tolerances::STRICT);
        assert!(f.call_error.as_ref().is_none_or(|c| c.frame.starts_with("[4,")));
    }
});

