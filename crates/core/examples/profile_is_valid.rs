//! Profiling helper: loops `is_valid` on one payload (for `perf record` or callgrind).
//! Run: `profile_is_valid [iterations=2000000] [payload: 0 small, 1 medium (default), 2 large, or a
//! file path] [protocol message]` (a file is validated against `message` of `protocol`, default
//! `ocpp2.0.1 TransactionEventRequest`; the bench payloads against StopTransaction).
//! Instructions per byte: run it under `valgrind --tool=callgrind` with two iteration counts
//! and divide the difference in instructions by the difference in bytes.
#[path = "../tests/support/payloads.rs"]
mod payloads;
use ocpp_validate_core::{find_schema_in, is_valid_with, Protocol, DEFAULT_SCHEMA};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000_000);
    let which = args.next().unwrap_or_else(|| "1".to_string());
    let (name, payload, schema) = match which.parse::<usize>() {
        Ok(i) => {
            let ps = payloads::bench_payloads();
            let (name, p) = ps.get(i).unwrap_or(&ps[1]).clone();
            (name.to_string(), p, DEFAULT_SCHEMA)
        }
        Err(_) => {
            let protocol = args.next().map_or(Protocol::Ocpp201, |p| Protocol::from_name(&p).expect("a protocol name"));
            let message = args.next().unwrap_or_else(|| "TransactionEventRequest".to_string());
            let text = std::fs::read_to_string(&which).unwrap_or_else(|e| panic!("{which}: {e}"));
            (which.clone(), text, find_schema_in(protocol, &message).expect("a message of that protocol"))
        }
    };
    let mut ok = 0u64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        ok += is_valid_with(schema, std::hint::black_box(payload.as_bytes())) as u64;
    }
    let s = t.elapsed().as_secs_f64();
    println!("{name} ({} B): {ok} valid, {:.3} GB/s", payload.len(), (payload.len() as f64 * n as f64) / s / 1e9);
}
