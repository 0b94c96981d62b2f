#![no_main]
use libfuzzer_sys::fuzz_target;
use ocpp_validate_core::{check_syntax, is_valid, validate};

fuzz_target!(|data: &[u8]| {
    let valid = is_valid(data);
    let all = validate(data, true);
    let first = validate(data, false);
    assert_eq!(valid, all.is_empty());
    assert_eq!(valid, first.is_empty());
    assert!(first.len() <= 1);
    if let Some(f) = first.first() {
        assert!(all.iter().any(|i| i.instance_path == f.instance_path && i.keyword == f.keyword));
    }
    // A parse issue is always alone; schema issues only for syntactically valid input.
    let parse = all.iter().any(|i| i.keyword == ocpp_validate_core::Keyword::Parse);
    assert!(!parse || all.len() == 1);
    assert_eq!(parse, check_syntax(data).is_err());
});
