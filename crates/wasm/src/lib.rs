// binding: see crates/core
