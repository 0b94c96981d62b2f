pub mod gen;
pub mod payloads;
