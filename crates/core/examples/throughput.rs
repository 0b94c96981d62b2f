//! Throughput of `is_valid`, `validate(all_errors)` and sonic-rs parse-only on the same bytes.
//! Run: `cargo run --release -p ocpp-validate-core --example throughput`
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../tests/support/payloads.rs"]
mod payloads;

fn measure(bytes: &[u8], mut f: impl FnMut(&[u8]) -> bool) -> f64 {
    // Calibrate to ~0.3 s per sample, take the best of 5 samples (least disturbed by the OS).
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
    for _ in 0..5 {
        let t = Instant::now();
        for _ in 0..iters {
            black_box(f(black_box(bytes)));
        }
        best = best.min(t.elapsed().as_secs_f64() / iters as f64);
    }
    bytes.len() as f64 / best / 1e9
}

fn main() {
    println!("ocpp-validate-core {} throughput (GB/s, best of 5)", ocpp_validate_core::VERSION);
    println!(
        "{:<34} {:>8} {:>10} {:>10} {:>14} {:>14} {:>12}",
        "payload", "bytes", "is_valid", "validate", "sonic Value", "sonic lazy", "syntax only"
    );
    for (name, p) in payloads::bench_payloads() {
        let b = p.as_bytes();
        assert!(ocpp_validate_core::is_valid(b), "{name} must be valid");
        assert!(sonic_rs::from_slice::<sonic_rs::Value>(b).is_ok());
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
        println!("{name:<34} {:>8} {v:>10.2} {a:>10.2} {s:>14.2} {l:>14.2} {c:>12.2}", b.len());
    }
}
