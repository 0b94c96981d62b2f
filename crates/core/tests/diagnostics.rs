//! packages/test-vectors/vectors/diagnostics.json: the exact texts of messages, tolerated
//! deviations and warnings (hand-written; every backend must print exactly these).
use ocpp_validate_core::{check, find_schema_in, is_valid_tolerant, Protocol, Tolerance, Tolerances, DEFAULT_SCHEMA};
use serde_json::{json, Value};

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packages/test-vectors/vectors/diagnostics.json");

fn tolerances(case: &Value) -> Tolerances {
    let mut mask = 0u8;
    for name in case.get("tolerate").and_then(Value::as_array).into_iter().flatten() {
        let name = name.as_str().unwrap();
        let t = Tolerance::ALL
            .iter()
            .find(|t| t.as_str() == name)
            .unwrap_or_else(|| panic!("unknown tolerance {name}"));
        mask |= t.bit();
    }
    Tolerances(mask)
}

fn input(case: &Value) -> Vec<u8> {
    if let Some(s) = case.get("input").and_then(Value::as_str) {
        return s.as_bytes().to_vec();
    }
    let b64 = case["inputBase64"].as_str().unwrap();
    let table = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in b64.bytes().filter(|&c| c != b'=') {
        bits = (bits << 6) | table.iter().position(|&t| t == c).unwrap() as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    out
}

#[test]
fn messages_tolerances_and_warnings_are_exactly_the_written_ones() {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(FILE).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 60);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let protocol = case.get("protocol").map_or(Protocol::Ocpp16, |p| Protocol::from_name(p.as_str().unwrap()).unwrap());
        let schema = case
            .get("message")
            .map_or(DEFAULT_SCHEMA, |m| find_schema_in(protocol, m.as_str().unwrap()).expect("a message of the protocol"));
        let all_errors = case.get("allErrors").and_then(Value::as_bool).unwrap_or(false);
        let tolerate = tolerances(case);
        let bytes = input(case);
        let r = check(schema, &bytes, all_errors, tolerate);
        let got = json!({
            "valid": r.valid,
            "errors": r.issues.iter().map(|i| json!({"instancePath": i.instance_path, "keyword": i.keyword.as_str(), "message": i.message})).collect::<Vec<_>>(),
            "tolerated": r.tolerated.iter().map(|i| json!({"instancePath": i.instance_path, "keyword": i.keyword.as_str(), "message": i.message, "tolerance": i.tolerated_by.map(|t| t.as_str())})).collect::<Vec<_>>(),
            "warnings": r.warnings.iter().map(|w| json!({"instancePath": w.instance_path, "warning": w.kind.as_str(), "message": w.message})).collect::<Vec<_>>(),
        });
        if got != case["expect"] {
            failures.push(format!("{name}:\n  got      {got}\n  expected {}", case["expect"]));
        }
        if is_valid_tolerant(schema, &bytes, tolerate) != r.valid {
            failures.push(format!("{name}: is_valid_tolerant disagrees with check"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
