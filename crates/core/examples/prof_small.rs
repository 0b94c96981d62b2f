//! Profiling helper: loops `is_valid` on the ~1.4 KB payload (for `perf record`).
#[path = "../tests/support/payloads.rs"]
mod payloads;
fn main() {
    let p = payloads::payload(1, 0, 0);
    let n: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000_000);
    let mut ok = 0u64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        ok += ocpp_validate_core::is_valid(std::hint::black_box(p.as_bytes())) as u64;
    }
    let s = t.elapsed().as_secs_f64();
    println!("{ok} valid, {:.3} GB/s", (p.len() as f64 * n as f64) / s / 1e9);
}
