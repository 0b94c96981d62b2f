//! API CONTRACT STUB — replaced by the real implementation. Bindings compile against these signatures.
#![no_std]
extern crate alloc;
use alloc::string::String;
use alloc::vec::Vec;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The ajv keyword an issue is reported under; `Parse` is ours (bytes that are not UTF-8 JSON).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Keyword { Parse, Type, Required, Enum, MaxLength, Format, AdditionalProperties }

impl Keyword {
    pub const fn as_str(self) -> &'static str {
        match self {
            Keyword::Parse => "parse",
            Keyword::Type => "type",
            Keyword::Required => "required",
            Keyword::Enum => "enum",
            Keyword::MaxLength => "maxLength",
            Keyword::Format => "format",
            Keyword::AdditionalProperties => "additionalProperties",
        }
    }
    pub const fn ocpp_error_code(self) -> OcppErrorCode {
        match self {
            Keyword::Parse | Keyword::AdditionalProperties => OcppErrorCode::FormationViolation,
            Keyword::Type => OcppErrorCode::TypeConstraintViolation,
            Keyword::Required => OcppErrorCode::OccurenceConstraintViolation,
            Keyword::Enum | Keyword::MaxLength | Keyword::Format => OcppErrorCode::PropertyConstraintViolation,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OcppErrorCode { FormationViolation, PropertyConstraintViolation, OccurenceConstraintViolation, TypeConstraintViolation }

impl OcppErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            OcppErrorCode::FormationViolation => "FormationViolation",
            OcppErrorCode::PropertyConstraintViolation => "PropertyConstraintViolation",
            OcppErrorCode::OccurenceConstraintViolation => "OccurenceConstraintViolation",
            OcppErrorCode::TypeConstraintViolation => "TypeConstraintViolation",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue { pub instance_path: String, pub keyword: Keyword, pub message: String }

pub fn is_valid(_input: &[u8]) -> bool { false }

/// Empty vector = valid. `all_errors == false` returns at most one issue.
pub fn validate(_input: &[u8], _all_errors: bool) -> Vec<Issue> { Vec::new() }
