//! Deterministic StopTransaction.req payloads shared by tests and the throughput example.
#![allow(dead_code)]

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len() as u64) as usize]
    }
}

pub const REASONS: &[&str] = &[
    "EmergencyStop", "EVDisconnected", "HardReset", "Local", "Other", "PowerLoss", "Reboot", "Remote", "SoftReset",
    "UnlockCommand", "DeAuthorized",
];
pub const CONTEXTS: &[&str] = &[
    "Interruption.Begin", "Interruption.End", "Sample.Clock", "Sample.Periodic", "Transaction.Begin", "Transaction.End",
    "Trigger", "Other",
];
pub const FORMATS: &[&str] = &["Raw", "SignedData"];
pub const MEASURANDS: &[&str] = &[
    "Energy.Active.Export.Register", "Energy.Active.Import.Register", "Energy.Reactive.Export.Register",
    "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval", "Energy.Active.Import.Interval",
    "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Power.Active.Export", "Power.Active.Import",
    "Power.Offered", "Power.Reactive.Export", "Power.Reactive.Import", "Power.Factor", "Current.Import", "Current.Export",
    "Current.Offered", "Voltage", "Frequency", "Temperature", "SoC", "RPM",
];
pub const PHASES: &[&str] = &["L1", "L2", "L3", "N", "L1-N", "L2-N", "L3-N", "L1-L2", "L2-L3", "L3-L1"];
pub const LOCATIONS: &[&str] = &["Cable", "EV", "Inlet", "Outlet", "Body"];
pub const UNITS: &[&str] =
    &["Wh", "kWh", "varh", "kvarh", "W", "kW", "VA", "kVA", "var", "kvar", "A", "V", "K", "Celcius", "Fahrenheit", "Percent"];

pub fn timestamp(rng: &mut Rng) -> String {
    format!(
        "2024-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60),
        rng.below(60),
        rng.below(1000)
    )
}

pub fn sampled_value(rng: &mut Rng) -> String {
    format!(
        r#"{{"value":"{}.{}","context":"{}","format":"{}","measurand":"{}","phase":"{}","location":"{}","unit":"{}"}}"#,
        rng.below(100_000),
        rng.below(10),
        rng.pick(CONTEXTS),
        rng.pick(FORMATS),
        rng.pick(MEASURANDS),
        rng.pick(PHASES),
        rng.pick(LOCATIONS),
        rng.pick(UNITS)
    )
}

/// A valid payload with `meter_values` meter values of `samples` sampled values each.
pub fn payload(seed: u64, meter_values: usize, samples: usize) -> String {
    let mut rng = Rng::new(seed);
    let mut s = String::new();
    s.push_str(&format!(
        r#"{{"transactionId":{},"idTag":"{:014X}","timestamp":"{}","meterStop":{},"reason":"{}""#,
        rng.below(1 << 31),
        rng.below(1 << 56),
        timestamp(&mut rng),
        rng.below(10_000_000),
        rng.pick(REASONS)
    ));
    if meter_values > 0 {
        s.push_str(r#","transactionData":["#);
        for m in 0..meter_values {
            if m > 0 {
                s.push(',');
            }
            s.push_str(&format!(r#"{{"timestamp":"{}","sampledValue":["#, timestamp(&mut rng)));
            for k in 0..samples {
                if k > 0 {
                    s.push(',');
                }
                s.push_str(&sampled_value(&mut rng));
            }
            s.push_str("]}");
        }
        s.push(']');
    }
    s.push('}');
    s
}

/// The three benchmark payloads: ~130 B, ~1.4 KB, ~72 KB.
pub fn bench_payloads() -> Vec<(&'static str, String)> {
    vec![
        ("small (no meter values)", payload(1, 0, 0)),
        ("medium (2 x 4 sampled values)", payload(2, 2, 4)),
        ("large (50 x 10 sampled values)", payload(3, 50, 10)),
    ]
}
