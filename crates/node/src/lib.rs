//! Node.js binding of `ocpp-validate-core`: moves bytes in and results out, nothing else.
//! Bytes are borrowed from the Buffer/Uint8Array without a copy; strings are copied once into
//! UTF-8 by N-API (there is no way to borrow V8's string storage).

mod error;

use error::BindingError;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use ocpp_validate_core::Schema;

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

/// A message crosses as its index in `schemas::ALL` (the facade maps names, once per call site).
fn schema(message: u32) -> Result<&'static Schema> {
    ocpp_validate_core::schema_at(message as usize).ok_or_else(|| BindingError::UnknownMessage { index: message }.into())
}

/// -1: the pending call is not known.
fn response_to(message: i32) -> Result<Option<&'static Schema>> {
    if message < 0 {
        return Ok(None);
    }
    schema(message as u32).map(Some)
}

fn frame(input: &[u8], all_errors: bool, response_to: Option<&'static Schema>) -> FrameValidation {
    let f = ocpp_validate_core::validate_frame(input, all_errors, response_to);
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

fn issues(schema: &'static Schema, input: &[u8], all_errors: bool) -> Vec<ValidationIssue> {
    ocpp_validate_core::validate_with(schema, input, all_errors).into_iter().map(Into::into).collect()
}

#[napi]
pub fn version() -> &'static str {
    ocpp_validate_core::VERSION
}

/// The message names in table order: index `i` here is the `message` argument `i` below.
#[napi]
pub fn message_names() -> Vec<&'static str> {
    ocpp_validate_core::schemas::ALL.iter().map(|s| s.name()).collect()
}

#[napi]
pub fn is_valid_bytes(input: &[u8], message: u32) -> Result<bool> {
    Ok(ocpp_validate_core::is_valid_with(schema(message)?, input))
}

#[napi]
pub fn is_valid_string(input: String, message: u32) -> Result<bool> {
    Ok(ocpp_validate_core::is_valid_with(schema(message)?, input.as_bytes()))
}

#[napi]
pub fn validate_bytes(input: &[u8], message: u32, all_errors: bool) -> Result<Vec<ValidationIssue>> {
    Ok(issues(schema(message)?, input, all_errors))
}

#[napi]
pub fn validate_string(input: String, message: u32, all_errors: bool) -> Result<Vec<ValidationIssue>> {
    Ok(issues(schema(message)?, input.as_bytes(), all_errors))
}

#[napi]
pub fn validate_frame_bytes(input: &[u8], all_errors: bool, response_to_message: i32) -> Result<FrameValidation> {
    Ok(frame(input, all_errors, response_to(response_to_message)?))
}

#[napi]
pub fn validate_frame_string(input: String, all_errors: bool, response_to_message: i32) -> Result<FrameValidation> {
    Ok(frame(input.as_bytes(), all_errors, response_to(response_to_message)?))
}

/// One crossing for many payloads: one byte per input (1 valid, 0 invalid), in input order.
#[napi]
pub fn is_valid_batch(inputs: Array, message: u32) -> Result<Uint8Array> {
    let schema = schema(message)?;
    let mut verdicts = Vec::with_capacity(inputs.len() as usize);
    for index in 0..inputs.len() {
        let Some(item) = inputs.get::<Unknown>(index)? else {
            return Err(BindingError::NotJsonInput { index: Some(index), found: ValueType::Undefined }.into());
        };
        let valid = match item.get_type()? {
            ValueType::String => ocpp_validate_core::is_valid_with(schema, item.coerce_to_string()?.into_utf8()?.as_slice()),
            ValueType::Object if item.is_typedarray()? || item.is_buffer()? => {
                // SAFETY: `item` is a live value of this call's env, checked above to be a typed array;
                // the borrowed slice does not outlive this iteration.
                ocpp_validate_core::is_valid_with(schema, unsafe { <&[u8]>::from_napi_value(item.env(), item.raw()) }?)
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
