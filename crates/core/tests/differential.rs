//! Differential test against the real reference (Node + ajv, via `scripts/ajv-oracle.mjs`).
//! Needs `node` and `pnpm install` in packages/test-vectors, so it is opt-in:
//! `cargo test -p ocpp-validate-core --test differential -- --ignored`
//! (`OCPP_DIFF_CASES=N` to change the case count).
mod support;

use std::io::Write;
use std::process::{Command, Stdio};

use ocpp_validate_core::{is_valid, validate};
use support::gen::{damage, document};
use support::payloads::Rng;

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for c in bytes.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        s.push(A[(n >> 18) as usize & 63] as char);
        s.push(A[(n >> 12) as usize & 63] as char);
        s.push(if c.len() > 1 { A[(n >> 6) as usize & 63] as char } else { '=' });
        s.push(if c.len() > 2 { A[n as usize & 63] as char } else { '=' });
    }
    s
}

#[test]
#[ignore = "needs node + packages/test-vectors/node_modules"]
fn agrees_with_ajv() {
    let n: usize = std::env::var("OCPP_DIFF_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    let mut rng = Rng::new(0xD1FF);
    let mut cases: Vec<Vec<u8>> = Vec::with_capacity(n);
    for i in 0..n {
        let doc = document(&mut rng).into_bytes();
        cases.push(if i % 4 == 3 { damage(&mut rng, &doc) } else { doc });
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/ajv-oracle.mjs");
    let mut child = Command::new("node")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node must be on PATH");
    let mut input = String::new();
    for c in &cases {
        input.push_str(&base64(c));
        input.push('\n');
    }
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success(), "oracle failed");
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), cases.len());

    let mut failures = 0;
    let mut valid_count = 0;
    for (c, line) in cases.iter().zip(lines) {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let valid = r["valid"].as_bool().unwrap();
        valid_count += valid as usize;
        let mut want: Vec<(String, String)> = r["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["instancePath"].as_str().unwrap().to_string(), e["keyword"].as_str().unwrap().to_string()))
            .collect();
        want.sort();
        let mut got: Vec<(String, String)> =
            validate(c, true).into_iter().map(|i| (i.instance_path, i.keyword.as_str().to_string())).collect();
        got.sort();
        let first = validate(c, false);
        let first_ok = first.len() <= 1
            && first.is_empty() == valid
            && first.iter().all(|i| want.contains(&(i.instance_path.clone(), i.keyword.as_str().to_string())));
        if is_valid(c) != valid || got != want || !first_ok {
            failures += 1;
            if failures <= 15 {
                eprintln!(
                    "MISMATCH input={:?}\n  ajv valid={valid} {want:?}\n  ours valid={} {got:?} first={first:?}",
                    String::from_utf8_lossy(c),
                    is_valid(c)
                );
            }
        }
    }
    eprintln!("{} cases, {valid_count} valid per ajv, {failures} mismatches", cases.len());
    assert_eq!(failures, 0);
}
