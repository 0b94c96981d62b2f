//! Quick A/B benchmark for a noisy 2-core machine: many short interleaved samples, best of
//! each. Compare builds by running each binary in several processes (code placement under ASLR
//! moves results by up to ~25% between processes) and taking medians.
//! Run: `cargo run --release -p ocpp-validate-core --example quick -- [rounds=40]`
use std::hint::black_box;
use std::time::Instant;
#[path = "../tests/support/payloads.rs"]
mod payloads;

fn sample(bytes: &[u8], iters: u64, f: &dyn Fn(&[u8]) -> bool) -> f64 {
    let t = Instant::now();
    for _ in 0..iters {
        black_box(f(black_box(bytes)));
    }
    t.elapsed().as_secs_f64() / iters as f64
}

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(40);
    let ps = payloads::bench_payloads();
    type Check = Box<dyn Fn(&[u8]) -> bool>;
    let fs: Vec<(&str, Check)> = vec![
        ("is_valid", Box::new(ocpp_validate_core::is_valid)),
        ("validate", Box::new(|x| ocpp_validate_core::validate(x, true).is_empty())),
        ("sonic", Box::new(|x| sonic_rs::from_slice::<sonic_rs::Value>(x).is_ok())),
        ("syntax", Box::new(|x| ocpp_validate_core::check_syntax(x).is_ok())),
    ];
    let mut best = vec![f64::MAX; ps.len() * fs.len()];
    let iters: Vec<u64> = ps.iter().map(|(_, p)| (2_000_000 / p.len() as u64).max(1)).collect();
    for _ in 0..rounds {
        for (pi, (_, p)) in ps.iter().enumerate() {
            for (fi, (_, f)) in fs.iter().enumerate() {
                let t = sample(p.as_bytes(), iters[pi], f.as_ref());
                let b = &mut best[pi * fs.len() + fi];
                *b = b.min(t);
            }
        }
    }
    for (pi, (name, p)) in ps.iter().enumerate() {
        print!("{:<8}", name.split(' ').next().unwrap());
        for (fi, (fname, _)) in fs.iter().enumerate() {
            print!(" {fname} {:>5.2}", p.len() as f64 / best[pi * fs.len() + fi] / 1e9);
        }
        println!();
    }
}
