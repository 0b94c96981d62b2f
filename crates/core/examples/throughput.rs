//! Throughput of `is_valid`, `validate(all_errors)`, sonic-rs parse-only and simd-json (the Rust
//! port of simdjson) parse-to-tape on the same bytes: the speed-of-light row of issue 14.
//! Run: `cargo run --release -p ocpp-validate-core --example throughput`
//!
//! simd-json parses in place (it may unescape strings into its input), so each parse gets a fresh
//! mutable copy of the bytes, made outside the timed region (`measure_in_place`); the other
//! columns read the same `&[u8]` every time. Two simd-json columns: `to_tape`, the one-call API
//! (its scratch buffers and tape allocated per call), and `fill_tape` with its `Buffers` and
//! `Tape` reused across calls (the fastest way simd-json offers; simd-json still copies the input
//! into its padded buffer inside both, which is its design, not this harness's).
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../tests/support/payloads.rs"]
mod payloads;

/// Calibrate to ~0.3 s per sample, take the best of 5 samples (least disturbed by the OS).
const SAMPLES: usize = 5;

fn measure(bytes: &[u8], mut f: impl FnMut(&[u8]) -> bool) -> f64 {
    let mut iters = 1u64;
    loop {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f(black_box(bytes)));
        }
        if t.elapsed() > Duration::from_millis(50) {
            break;
        }
        iters *= 2;
    }
    iters *= 6;
    let mut best = f64::MAX;
    for _ in 0..SAMPLES {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f(black_box(bytes)));
        }
        best = best.min(t.elapsed().as_secs_f64() / iters as f64);
    }
    bytes.len() as f64 / best / 1e9
}

/// Like `measure`, for a parser that writes into its input: parses run over a pool of fresh
/// copies (at most 64 KiB in all, so they stay in cache like the borrowed bytes of the other
/// columns); only the parses are timed, the refill of the pool between rounds is not.
fn measure_in_place(bytes: &[u8], mut f: impl FnMut(&mut [u8]) -> bool) -> f64 {
    let copies = (64 * 1024 / bytes.len().max(1)).clamp(1, 64);
    let mut pool: Vec<Vec<u8>> = vec![bytes.to_vec(); copies];
    // one round = refill (untimed), then `copies` timed parses; returns the timed seconds
    let mut rounds = |n: u64, pool: &mut Vec<Vec<u8>>| {
        let mut timed = Duration::ZERO;
        for _ in 0..n {
            for p in pool.iter_mut() {
                p.copy_from_slice(bytes);
            }
            let t = Instant::now();
            for p in pool.iter_mut() {
                black_box(f(black_box(p.as_mut_slice())));
            }
            timed += t.elapsed();
        }
        timed
    };
    let mut n = 1u64;
    while rounds(n, &mut pool) <= Duration::from_millis(50) {
        n *= 2;
    }
    n *= 6;
    let mut best = f64::MAX;
    for _ in 0..SAMPLES {
        best = best.min(rounds(n, &mut pool).as_secs_f64() / (n * copies as u64) as f64);
    }
    bytes.len() as f64 / best / 1e9
}

fn main() {
    println!(
        "ocpp-validate-core {} throughput (GB/s, best of {SAMPLES}); simd-json's implementation on this CPU: {}",
        ocpp_validate_core::VERSION,
        simd_json::Deserializer::algorithm()
    );
    println!(
        "{:<32} {:>7} {:>9} {:>9} {:>12} {:>11} {:>12} {:>13} {:>14} {:>10} {:>10}",
        "payload",
        "bytes",
        "is_valid",
        "validate",
        "sonic Value",
        "sonic lazy",
        "syntax only",
        "simd to_tape",
        "simd fill_tape",
        "÷ simd",
        "÷ sonic"
    );
    for (name, p) in payloads::bench_payloads() {
        let b = p.as_bytes();
        assert!(ocpp_validate_core::is_valid(b), "{name} must be valid");
        assert!(sonic_rs::from_slice::<sonic_rs::Value>(b).is_ok());
        assert!(simd_json::to_tape(&mut b.to_vec()).is_ok(), "simd-json must parse {name}");
        let v = measure(b, ocpp_validate_core::is_valid);
        let a = measure(b, |x| ocpp_validate_core::validate(x, true).is_empty());
        let s = measure(b, |x| sonic_rs::from_slice::<sonic_rs::Value>(x).is_ok());
        let l = measure(b, |x| {
            // Lazy iteration validates the syntax of every skipped value, without building a DOM.
            let mut ok = true;
            for item in sonic_rs::to_object_iter(x) {
                ok &= item.is_ok();
            }
            ok
        });
        let c = measure(b, |x| ocpp_validate_core::check_syntax(x).is_ok());
        let t = measure_in_place(b, |x| simd_json::to_tape(x).is_ok());
        let mut buffers = simd_json::Buffers::new(b.len());
        let mut tape = Some(simd_json::Tape::null());
        let r = measure_in_place(b, |x| {
            let mut t = tape.take().map(simd_json::Tape::reset).unwrap_or_else(simd_json::Tape::null);
            let ok = simd_json::fill_tape(x, &mut buffers, &mut t).is_ok();
            black_box(&t);
            tape = Some(t.reset());
            ok
        });
        // is_valid against the faster simd-json column, and against sonic-rs `Value` (issue 14's goals: > 1×, ≥ 1.5×)
        let vs_simd = v / t.max(r);
        let vs_sonic = v / s;
        println!(
            "{name:<32} {:>7} {v:>9.2} {a:>9.2} {s:>12.2} {l:>11.2} {c:>12.2} {t:>13.2} {r:>14.2} {:>9.2}× {:>9.2}×",
            b.len(),
            vs_simd,
            vs_sonic
        );
    }
}
