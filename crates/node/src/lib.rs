//! Node.js binding of `ocpp-validate-core`: moves bytes in and results out, nothing else.
//! Bytes are borrowed from the Buffer/Uint8Array without a copy; strings are copied once into
//! UTF-8 by N-API (there is no way to borrow V8's string storage).

mod error;

use error::BindingError;
use napi::bindgen_prelude::*;
use napi_derive::napi;

#[napi(object, object_from_js = false)]
pub struct ValidationIssue {
    pub instance_path: String,
    pub keyword: &'static str,
    pub message: String,
    pub ocpp_error_code: &'static str,
}

impl From<ocpp_validate_core::Issue> for ValidationIssue {
    fn from(issue: ocpp_validate_core::Issue) -> Self {
        ValidationIssue {
            keyword: issue.keyword.as_str(),
            ocpp_error_code: issue.keyword.ocpp_error_code().as_str(),
            instance_path: issue.instance_path,
            message: issue.message,
        }
    }
}

/// The CallError answer of a frame (see `ocpp_validate_core::frame`).
#[napi(object, object_from_js = false)]
pub struct FrameCallError {
    pub error_code: &'static str,
    pub error_description: String,
    pub frame: String,
}

/// `validate_frame`'s result; absent values are `null`. `payloadRange` is in bytes.
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct FrameValidation {
    pub kind: &'static str,
    pub unique_id: Option<String>,
    pub action: Option<String>,
    pub payload_range: Option<Vec<f64>>,
    pub valid: bool,
    pub errors: Vec<ValidationIssue>,
    pub call_error: Option<FrameCallError>,
}

fn frame(input: &[u8], all_errors: bool) -> FrameValidation {
    let f = ocpp_validate_core::validate_frame(input, all_errors);
    FrameValidation {
        kind: f.kind.as_str(),
        valid: f.is_valid(),
        unique_id: f.unique_id,
        action: f.action,
        payload_range: f.payload.map(|(start, end)| vec![start as f64, end as f64]),
        errors: f.issues.into_iter().map(Into::into).collect(),
        call_error: f.call_error.map(|c| FrameCallError {
            error_code: c.code.as_str(),
            error_description: c.description,
            frame: c.frame,
        }),
    }
}

fn issues(input: &[u8], all_errors: bool) -> Vec<ValidationIssue> {
    ocpp_validate_core::validate(input, all_errors).into_iter().map(Into::into).collect()
}

#[napi]
pub fn version() -> &'static str {
    ocpp_validate_core::VERSION
}

#[napi]
pub fn is_valid_bytes(input: &[u8]) -> bool {
    ocpp_validate_core::is_valid(input)
}

#[napi]
pub fn is_valid_string(input: String) -> bool {
    ocpp_validate_core::is_valid(input.as_bytes())
}

#[napi]
pub fn validate_bytes(input: &[u8], all_errors: bool) -> Vec<ValidationIssue> {
    issues(input, all_errors)
}

#[napi]
pub fn validate_string(input: String, all_errors: bool) -> Vec<ValidationIssue> {
    issues(input.as_bytes(), all_errors)
}

#[napi]
pub fn validate_frame_bytes(input: &[u8], all_errors: bool) -> FrameValidation {
    frame(input, all_errors)
}

#[napi]
pub fn validate_frame_string(input: String, all_errors: bool) -> FrameValidation {
    frame(input.as_bytes(), all_errors)
}

/// One crossing for many payloads: one byte per input (1 valid, 0 invalid), in input order.
#[napi]
pub fn is_valid_batch(inputs: Array) -> Result<Uint8Array> {
    let mut verdicts = Vec::with_capacity(inputs.len() as usize);
    for index in 0..inputs.len() {
        let Some(item) = inputs.get::<Unknown>(index)? else {
            return Err(BindingError::NotJsonInput { index: Some(index), found: ValueType::Undefined }.into());
        };
        let valid = match item.get_type()? {
            ValueType::String => ocpp_validate_core::is_valid(item.coerce_to_string()?.into_utf8()?.as_slice()),
            ValueType::Object if item.is_typedarray()? || item.is_buffer()? => {
                // SAFETY: `item` is a live value of this call's env, checked above to be a typed array;
                // the borrowed slice does not outlive this iteration.
                ocpp_validate_core::is_valid(unsafe { <&[u8]>::from_napi_value(item.env(), item.raw()) }?)
            }
            found => return Err(BindingError::NotJsonInput { index: Some(index), found }.into()),
        };
        verdicts.push(valid as u8);
    }
    Ok(Uint8Array::new(verdicts))
}

/// The same crossings as `isValidBytes`/`isValidString` without reading the input, so the
/// benchmark can show what the boundary alone costs.
#[napi]
pub fn noop_bytes(input: &[u8]) -> bool {
    input.is_empty()
}

#[napi]
pub fn noop_string(input: String) -> bool {
    input.is_empty()
}
