//! Tolerances only move issues from `issues` to `tolerated`, never invent or drop one; warnings
//! never change a verdict. On generated payloads of every message and damaged documents.
mod support;

use ocpp_validate_core::{check, is_valid_tolerant, is_valid_with, schemas, Keyword, Tolerance, Tolerances};
use proptest::prelude::*;
use support::gen::{damage, document};
use support::payloads::{payload, Rng};

fn pairs(issues: &[ocpp_validate_core::Issue]) -> Vec<(String, Keyword)> {
    let mut v: Vec<_> = issues.iter().map(|i| (i.instance_path.clone(), i.keyword)).collect();
    v.sort();
    v
}

/// Which tolerance may accept an issue of this keyword (the value-level conditions are in the
/// shared vectors and the reference differential).
fn may_tolerate(keyword: Keyword, t: Tolerance) -> bool {
    matches!(
        (keyword, t),
        (Keyword::Enum, Tolerance::Errata)
            | (Keyword::Format, Tolerance::OffsetlessTimestamps)
            | (Keyword::Type, Tolerance::FractionalIntegers)
            | (Keyword::MaxLength, Tolerance::OverlongStrings)
            | (Keyword::AdditionalProperties, Tolerance::UnknownProperties)
    )
}

fn same_issues_moved(input: &[u8], mask: u8) -> Result<(), TestCaseError> {
    for schema in [schemas::ALL[0], ocpp_validate_core::DEFAULT_SCHEMA, schemas::ALL[(mask as usize * 7) % schemas::ALL.len()]] {
        let strict = check(schema, input, true, Tolerances::STRICT);
        let tolerant = check(schema, input, true, Tolerances(mask));
        prop_assert_eq!(strict.valid, is_valid_with(schema, input));
        prop_assert!(strict.tolerated.is_empty());
        let mut moved = tolerant.issues.clone();
        moved.extend(tolerant.tolerated.iter().cloned());
        prop_assert_eq!(pairs(&moved), pairs(&strict.issues));
        for t in &tolerant.tolerated {
            let by = t.tolerated_by.expect("a tolerated issue names its tolerance");
            prop_assert!(Tolerances(mask).contains(by) && may_tolerate(t.keyword, by), "{:?}", t);
        }
        prop_assert_eq!(tolerant.valid, tolerant.issues.is_empty());
        prop_assert_eq!(is_valid_tolerant(schema, input, Tolerances(mask)), tolerant.valid);
        prop_assert_eq!(&tolerant.warnings, &strict.warnings, "tolerances never change warnings");
        let first = check(schema, input, false, Tolerances(mask));
        prop_assert_eq!(first.issues.first(), tolerant.issues.first(), "without allErrors: the first of the list");
        prop_assert_eq!(&first.tolerated, &tolerant.tolerated);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn tolerances_move_issues_and_nothing_else(seed in any::<u64>(), mask in 0u8..32) {
        let mut rng = Rng::new(seed);
        let doc = document(&mut rng);
        same_issues_moved(doc.as_bytes(), mask)?;
        same_issues_moved(&damage(&mut rng, doc.as_bytes()), mask)?;
        let p = payload(seed, (seed % 3) as usize, (seed % 4) as usize);
        same_issues_moved(p.as_bytes(), mask)?;
        same_issues_moved(&damage(&mut rng, p.as_bytes()), mask)?;
    }
}

#[test]
fn hostile_inputs_give_warnings_without_trouble() {
    let deep = format!(
        "{{\"transactionId\":1,\"timestamp\":\"2024-05-17T14:32:05Z\",\"meterStop\":1,\"x\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let r = check(ocpp_validate_core::DEFAULT_SCHEMA, deep.as_bytes(), true, Tolerances(31));
    assert!(r.valid && r.tolerated.len() == 1 && r.warnings.is_empty());
    let many: String = (0..20_000).map(|i| format!("\"k{}\":9007199254740993,", i % 100)).collect();
    let doc = format!("{{{many}\"transactionId\":1,\"timestamp\":\"2024-05-17T14:32:05Z\",\"meterStop\":1}}");
    let r = check(ocpp_validate_core::DEFAULT_SCHEMA, doc.as_bytes(), false, Tolerances::STRICT);
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.warnings.iter().filter(|w| w.kind.as_str() == "duplicateKey").count(), 20_000 - 100);
    assert_eq!(r.warnings.iter().filter(|w| w.kind.as_str() == "unsafeInteger").count(), 20_000);
}
