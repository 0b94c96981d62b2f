//! Runs every shared vector in packages/test-vectors/vectors/*.json (expectations from real ajv):
//! payload files through `validate`, frames.json through `validate_frame`.
use ocpp_validate_core::{
    check, find_schema_in, is_valid_with, validate_frame, validate_with, Frame, Protocol, Schema, Tolerances, Warning,
};
use serde_json::Value;

fn base64_decode(s: &str) -> Vec<u8> {
    let val = |c: u8| -> u32 {
        match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => panic!("bad base64 {c}"),
        }
    };
    let clean: Vec<u8> = s.bytes().filter(|&c| c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::new();
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c) << (18 - 6 * i);
        }
        out.push((n >> 16) as u8);
        if chunk.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if chunk.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

const VECTORS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packages/test-vectors/vectors");

fn case_input(case: &Value, name: &str) -> Vec<u8> {
    match (case.get("input"), case.get("inputBase64")) {
        (Some(Value::String(s)), _) => s.as_bytes().to_vec(),
        (_, Some(Value::String(b))) => base64_decode(b),
        _ => panic!("{name}: no input"),
    }
}

#[test]
fn shared_vectors() {
    let dir = VECTORS;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !is_frame_file(p) && !p.ends_with("diagnostics.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {dir}");

    let mut total = 0;
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let cases = doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases", file.display()));
        assert!(!cases.is_empty(), "{}: empty cases", file.display());
        for case in cases {
            total += 1;
            let name = format!("{}: {}", file.file_name().unwrap().to_string_lossy(), case["name"].as_str().unwrap_or("?"));
            let input = case_input(case, &name);
            let protocol = case_protocol(case, &name);
            let default = if protocol.is_2x() { "TransactionEventRequest" } else { "StopTransaction" };
            let schema = case_schema(protocol, case, "message", &name)
                .unwrap_or_else(|| find_schema_in(protocol, default).expect("the default message exists"));
            let valid = case["valid"].as_bool().unwrap_or_else(|| panic!("{name}: no valid"));
            let mut want: Vec<(String, String)> = case["errors"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|e| (e["instancePath"].as_str().unwrap().to_string(), e["keyword"].as_str().unwrap().to_string()))
                        .collect()
                })
                .unwrap_or_default();
            want.sort();

            let got_valid = is_valid_with(schema, &input);
            let mut all: Vec<(String, String)> = validate_with(schema, &input, true)
                .into_iter()
                .map(|i| (i.instance_path, i.keyword.as_str().to_string()))
                .collect();
            all.sort();
            let first = validate_with(schema, &input, false);
            let mut problems = Vec::new();
            if got_valid != valid {
                problems.push(format!("is_valid={got_valid}, expected {valid}"));
            }
            if all != want {
                problems.push(format!("validate(all)={all:?}, expected {want:?}"));
            }
            if first.len() > 1 || first.is_empty() != valid {
                problems.push(format!("validate(first)={first:?}"));
            }
            // ajv's first issue exactly, not just one of the set.
            let got_first = first
                .first()
                .map(|i| serde_json::json!({"instancePath": i.instance_path, "keyword": i.keyword.as_str()}));
            let want_first = case.get("first").cloned().unwrap_or(Value::Null);
            if got_first.clone().unwrap_or(Value::Null) != want_first {
                problems.push(format!("validate(first)={got_first:?}, expected ajv's first {want_first}"));
            }
            let warnings = warnings_json(&check(schema, &input, true, Tolerances::STRICT).warnings);
            if case.get("warnings").is_some_and(|w| *w != warnings) {
                problems.push(format!("warnings={warnings}, expected {}", case["warnings"]));
            }
            if !problems.is_empty() {
                failures.push(format!("{name}: {}", problems.join("; ")));
            }
        }
    }
    eprintln!("{} files, {total} cases, {} failures", files.len(), failures.len());
    assert!(failures.is_empty(), "{} of {total} vector cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// `frames.json`, `frames-2.x.json`: frame cases, not payload cases.
fn is_frame_file(path: &std::path::Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("frames"))
}

/// The case's `protocol` (absent: OCPP 1.6).
fn case_protocol(case: &Value, name: &str) -> Protocol {
    match case.get("protocol") {
        None => Protocol::Ocpp16,
        Some(p) => p.as_str().and_then(Protocol::from_name).unwrap_or_else(|| panic!("{name}: unknown protocol {p}")),
    }
}

/// The schema a case names under `key` (a message name of its protocol), if it names one.
fn case_schema(protocol: Protocol, case: &Value, key: &str, name: &str) -> Option<&'static Schema> {
    let message = case.get(key)?.as_str().unwrap_or_else(|| panic!("{name}: {key} is not a string"));
    Some(find_schema_in(protocol, message).unwrap_or_else(|| panic!("{name}: unknown {} message {message}", protocol.as_str())))
}

fn warnings_json(warnings: &[Warning]) -> Value {
    warnings
        .iter()
        .map(|w| serde_json::json!({"instancePath": w.instance_path, "warning": w.kind.as_str()}))
        .collect()
}

/// The frame result in the vectors' JSON shape (the facade's `FrameResult`).
fn frame_json(f: &Frame) -> Value {
    serde_json::json!({
        "kind": f.kind.as_str(),
        "uniqueId": f.unique_id,
        "action": f.action,
        "payloadRange": f.payload.map(|(s, e)| [s, e]),
        "valid": f.is_valid(),
        "errors": f.issues.iter().map(|i| serde_json::json!({"instancePath": i.instance_path, "keyword": i.keyword.as_str()})).collect::<Vec<_>>(),
        "tolerated": f.tolerated.iter().map(|i| serde_json::json!({"instancePath": i.instance_path, "keyword": i.keyword.as_str(), "tolerance": i.tolerated_by.map(|t| t.as_str())})).collect::<Vec<_>>(),
        "warnings": warnings_json(&f.warnings),
        "callError": f.call_error.as_ref().map(|c| serde_json::json!({"errorCode": c.code.as_str(), "errorDescription": c.description, "frame": c.frame})),
    })
}

#[test]
fn frame_vectors() {
    let mut files: Vec<_> = std::fs::read_dir(VECTORS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && is_frame_file(p))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut protocols_seen = std::collections::BTreeSet::new();
    for path in &files {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let cases = doc["cases"].as_array().unwrap_or_else(|| panic!("{}: no cases", path.display()));
        assert!(cases.len() > 100, "{}", path.display());
        for case in cases {
            let name = case["name"].as_str().unwrap_or("?").to_string();
            let protocol = case_protocol(case, &name);
            protocols_seen.insert(protocol);
            let input = case_input(case, &name);
            // The pending call's action (in 1.6 also its request message's name).
            let response_to = case.get("responseTo").map(|a| {
                let action = a.as_str().unwrap_or_else(|| panic!("{name}: responseTo is not a string"));
                protocol
                    .action(action)
                    .unwrap_or_else(|| panic!("{name}: unknown {} action {action}", protocol.as_str()))
                    .request()
            });
            for (all_errors, key) in [(true, "expected"), (false, "expectedFirst")] {
                let got = frame_json(&validate_frame(protocol, &input, all_errors, response_to, Tolerances::STRICT));
                if got != case[key] {
                    failures.push(format!("{name} ({key}):\n  got      {got}\n  expected {}", case[key]));
                }
            }
        }
    }
    assert_eq!(protocols_seen.len(), Protocol::ALL.len(), "frame vectors for every protocol");
    assert!(failures.is_empty(), "{} frame cases failed:\n{}", failures.len(), failures.join("\n"));
}
