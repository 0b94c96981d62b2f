//! Profiling helper: loops `is_valid` on one bench payload (for `perf record` or callgrind).
//! Run: `profile_is_valid [iterations=2000000] [payload: 0 small, 1 medium (default), 2 large]`.
//! Instructions per byte: run it under `valgrind --tool=callgrind` with two iteration counts
//! and divide the difference in instructions by the difference in bytes.
#[path = "../tests/support/payloads.rs"]
mod payloads;
fn main() {
    let mut args = std::env::args().skip(1);
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2_000_000);
    let which: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let ps = payloads::bench_payloads();
    let (name, p) = ps.get(which).unwrap_or(&ps[1]);
    let mut ok = 0u64;
    let t = std::time::Instant::now();
    for _ in 0..n {
        ok += ocpp_validate_core::is_valid(std::hint::black_box(p.as_bytes())) as u64;
    }
    let s = t.elapsed().as_secs_f64();
    println!("{name} ({} B): {ok} valid, {:.3} GB/s", p.len(), (p.len() as f64 * n as f64) / s / 1e9);
}
