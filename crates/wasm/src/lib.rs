//! WebAssembly binding of `ocpp-validate-core`: moves bytes in and results out, nothing else.
//!
//! The hot path allocates nothing per call: JavaScript asks for a scratch region once (it only
//! grows), writes the payload into wasm memory there (`set` for bytes, `TextEncoder.encodeInto`
//! for strings) and calls a `*Scratch` function with the length.

use ocpp_validate_core::{Protocol, Schema, Tolerances};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;

thread_local! {
    static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Where `validateFramePlainScratch` writes a plain frame's `Frame::plain_offsets`.
    static PLAIN_OFFSETS: Cell<[u32; ocpp_validate_core::PLAIN_OFFSETS]> = const { Cell::new([0; ocpp_validate_core::PLAIN_OFFSETS]) };
    /// The full result of the last `*PlainScratch` call that had one, until `take*` hands it over.
    static REPORT: RefCell<Option<ValidationReport>> = const { RefCell::new(None) };
    static FRAME: RefCell<Option<FrameValidation>> = const { RefCell::new(None) };
}

/// What a `*PlainScratch` call answers: a number, not an object or a `Result` (each costs a JS
/// allocation per call, more than the validation of a small payload).
const PLAIN: u32 = 0;
/// Not plain: the full result waits for `takeReport` / `takeFrame`.
const FULL: u32 = 1;

fn with_scratch<R>(len: usize, f: impl FnOnce(&[u8]) -> R) -> R {
    SCRATCH.with_borrow(|scratch| f(scratch.get(..len).unwrap_or(&[])))
}

/// A message crosses as its index in `schemas::ALL`; the facade only passes indices it looked up.
fn schema(message: u32) -> Result<&'static Schema, JsError> {
    ocpp_validate_core::schema_at(message as usize).ok_or_else(|| {
        JsError::new(&format!("no message with index {message} (there are {})", ocpp_validate_core::schemas::ALL.len()))
    })
}

#[wasm_bindgen(getter_with_clone)]
#[derive(Clone)]
pub struct ValidationIssue {
    #[wasm_bindgen(js_name = instancePath)]
    pub instance_path: String,
    pub keyword: String,
    pub message: String,
    #[wasm_bindgen(js_name = ocppErrorCode)]
    pub ocpp_error_code: String,
}

/// Issues carry the error code of the protocol whose schema found them.
fn issues(issues: Vec<ocpp_validate_core::Issue>, protocol: Protocol) -> Vec<ValidationIssue> {
    issues
        .into_iter()
        .map(|issue| ValidationIssue {
            keyword: issue.keyword.as_str().into(),
            ocpp_error_code: issue.keyword.ocpp_error_code(protocol).as_str().into(),
            instance_path: issue.instance_path,
            message: issue.message,
        })
        .collect()
}

/// An issue the caller's tolerances accepted.
#[wasm_bindgen(getter_with_clone)]
#[derive(Clone)]
pub struct ToleratedIssue {
    #[wasm_bindgen(js_name = instancePath)]
    pub instance_path: String,
    pub keyword: String,
    pub message: String,
    #[wasm_bindgen(js_name = ocppErrorCode)]
    pub ocpp_error_code: String,
    pub tolerance: String,
}

#[wasm_bindgen(getter_with_clone)]
#[derive(Clone)]
pub struct ValidationWarning {
    #[wasm_bindgen(js_name = instancePath)]
    pub instance_path: String,
    pub warning: String,
    pub message: String,
}

/// `check`'s result: the verdict, the issues, what was tolerated, the warnings.
#[wasm_bindgen(getter_with_clone)]
pub struct ValidationReport {
    pub valid: bool,
    pub errors: Vec<ValidationIssue>,
    pub tolerated: Vec<ToleratedIssue>,
    pub warnings: Vec<ValidationWarning>,
}

fn tolerated(issues: Vec<ocpp_validate_core::Issue>, protocol: Protocol) -> Vec<ToleratedIssue> {
    issues
        .into_iter()
        .map(|i| ToleratedIssue {
            keyword: i.keyword.as_str().into(),
            ocpp_error_code: i.keyword.ocpp_error_code(protocol).as_str().into(),
            tolerance: i.tolerated_by.map_or("", |t| t.as_str()).into(),
            instance_path: i.instance_path,
            message: i.message,
        })
        .collect()
}

fn warnings(warnings: Vec<ocpp_validate_core::Warning>) -> Vec<ValidationWarning> {
    warnings
        .into_iter()
        .map(|w| ValidationWarning { warning: w.kind.as_str().into(), instance_path: w.instance_path, message: w.message })
        .collect()
}

/// The facade passes the tolerance set as its bit mask (bit i = `Tolerance::ALL[i]`).
fn tolerances(mask: u32) -> Tolerances {
    Tolerances(mask as u8)
}

/// `validate_frame`'s result (see `ocpp_validate_core::frame`); ranges are in bytes, `callError*`
/// fields are set only when there is an answer to send.
#[wasm_bindgen(getter_with_clone)]
pub struct FrameValidation {
    pub kind: String,
    #[wasm_bindgen(js_name = uniqueId)]
    pub unique_id: Option<String>,
    pub action: Option<String>,
    #[wasm_bindgen(js_name = payloadStart)]
    pub payload_start: Option<u32>,
    #[wasm_bindgen(js_name = payloadEnd)]
    pub payload_end: Option<u32>,
    pub valid: bool,
    pub errors: Vec<ValidationIssue>,
    pub tolerated: Vec<ToleratedIssue>,
    pub warnings: Vec<ValidationWarning>,
    #[wasm_bindgen(js_name = errorCode)]
    pub error_code: Option<String>,
    #[wasm_bindgen(js_name = errorDescription)]
    pub error_description: Option<String>,
    #[wasm_bindgen(js_name = callErrorFrame)]
    pub call_error_frame: Option<String>,
}

#[wasm_bindgen]
pub fn version() -> String {
    ocpp_validate_core::VERSION.into()
}

/// The module's memory, so JavaScript can write into the scratch region directly.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// Address of a scratch region of at least `len` bytes. It may move (and wasm memory may grow)
/// whenever a larger region is asked for: callers re-read `wasmMemory().buffer` afterwards.
#[wasm_bindgen]
pub fn scratch(len: usize) -> *mut u8 {
    SCRATCH.with_borrow_mut(|scratch| {
        if scratch.len() < len {
            scratch.resize(len, 0);
        }
        scratch.as_mut_ptr()
    })
}

/// The message names in table order: index `i` here is the `message` argument `i` below.
#[wasm_bindgen(js_name = messageNames)]
pub fn message_names() -> Vec<String> {
    ocpp_validate_core::schemas::ALL.iter().map(|s| s.name().into()).collect()
}

/// `isValidScratch`'s answer for a message index outside the table (0 and 1 are the verdict), and
/// a `*PlainScratch` call's.
const UNKNOWN_MESSAGE: u32 = 2;
/// `validateFramePlainScratch`'s answer for a protocol index outside `Protocol::ALL`.
const UNKNOWN_PROTOCOL: u32 = 3;

/// 1 valid, 0 invalid, 2 (`UNKNOWN_MESSAGE`) for a bad index. A number, not a `Result`: wasm-bindgen
/// returns a `Result` as a multi-value array, one JS allocation on the hottest call there is.
#[wasm_bindgen(js_name = isValidScratch)]
pub fn is_valid_scratch(len: usize, message: u32) -> u32 {
    match ocpp_validate_core::schema_at(message as usize) {
        Some(schema) => u32::from(with_scratch(len, |input| ocpp_validate_core::is_valid_with(schema, input))),
        None => UNKNOWN_MESSAGE,
    }
}

/// The tolerance names in bit order: bit `1 << i` of a `tolerate` argument is name `i`.
#[wasm_bindgen(js_name = toleranceNames)]
pub fn tolerance_names() -> Vec<String> {
    ocpp_validate_core::Tolerance::ALL.iter().map(|t| t.as_str().to_string()).collect()
}

/// [`is_valid_scratch`] with tolerances.
#[wasm_bindgen(js_name = isValidTolerantScratch)]
pub fn is_valid_tolerant_scratch(len: usize, message: u32, tolerate: u32) -> u32 {
    match ocpp_validate_core::schema_at(message as usize) {
        Some(schema) => {
            u32::from(with_scratch(len, |input| ocpp_validate_core::is_valid_tolerant(schema, input, tolerances(tolerate))))
        }
        None => UNKNOWN_MESSAGE,
    }
}

/// A payload's report in the shape it usually has: `PLAIN` when the payload is valid with nothing to
/// report, else `FULL` with the report kept for `takeReport`; `UNKNOWN_MESSAGE` for a bad index.
#[wasm_bindgen(js_name = validatePlainScratch)]
pub fn validate_plain_scratch(len: usize, message: u32, all_errors: bool, tolerate: u32) -> u32 {
    let Some(schema) = ocpp_validate_core::schema_at(message as usize) else {
        return UNKNOWN_MESSAGE;
    };
    let r = with_scratch(len, |input| ocpp_validate_core::check(schema, input, all_errors, tolerances(tolerate)));
    if r.is_plain() {
        return PLAIN;
    }
    REPORT.set(Some(report(schema, r)));
    FULL
}

/// The report the last `validatePlainScratch` answered `FULL` for.
#[wasm_bindgen(js_name = takeReport)]
pub fn take_report() -> Option<ValidationReport> {
    REPORT.take()
}

fn report(schema: &'static Schema, r: ocpp_validate_core::Report) -> ValidationReport {
    ValidationReport {
        valid: r.valid,
        errors: issues(r.issues, schema.protocol()),
        tolerated: tolerated(r.tolerated, schema.protocol()),
        warnings: warnings(r.warnings),
    }
}

/// A frame's result in the shape a gateway mostly needs it: `PLAIN` when the frame is valid
/// with nothing to report, its kind and offsets written at `plainOffsets()`; else `FULL` with the
/// result kept for `takeFrame`; `UNKNOWN_MESSAGE` or `UNKNOWN_PROTOCOL` for a bad index.
/// `response_to_message` -1: the pending call is not known; `protocol_index`: position in
/// `Protocol::ALL`.
#[wasm_bindgen(js_name = validateFramePlainScratch)]
pub fn validate_frame_plain_scratch(
    len: usize,
    all_errors: bool,
    response_to_message: i32,
    tolerate: u32,
    protocol_index: u32,
) -> u32 {
    let response_to = match u32::try_from(response_to_message) {
        Err(_) => None,
        Ok(m) => match ocpp_validate_core::schema_at(m as usize) {
            Some(schema) => Some(schema),
            None => return UNKNOWN_MESSAGE,
        },
    };
    let Some(protocol) = Protocol::from_index(protocol_index as usize) else {
        return UNKNOWN_PROTOCOL;
    };
    let f = with_scratch(len, |input| {
        ocpp_validate_core::validate_frame(protocol, input, all_errors, response_to, tolerances(tolerate))
    });
    if let Some(offsets) = f.plain_offsets() {
        PLAIN_OFFSETS.set(offsets);
        return PLAIN;
    }
    FRAME.set(Some(frame_validation(f, protocol)));
    FULL
}

/// Address of the `PLAIN_OFFSETS` numbers (little-endian u32s) a plain frame's answer leaves.
#[wasm_bindgen(js_name = plainOffsets)]
pub fn plain_offsets() -> *const u32 {
    PLAIN_OFFSETS.with(|o| o.as_ptr().cast::<u32>().cast_const())
}

/// The result the last `validateFramePlainScratch` answered `FULL` for.
#[wasm_bindgen(js_name = takeFrame)]
pub fn take_frame() -> Option<FrameValidation> {
    FRAME.take()
}

/// A protocol's action names in the order of the plain offsets' action index (none for a bad index).
#[wasm_bindgen(js_name = frameActionNames)]
pub fn frame_action_names(protocol_index: u32) -> Vec<String> {
    Protocol::from_index(protocol_index as usize).map_or_else(Vec::new, |p| p.actions().iter().map(|a| a.name().into()).collect())
}

/// The kind names in the order of the plain offsets' kind index.
#[wasm_bindgen(js_name = frameKindNames)]
pub fn frame_kind_names() -> Vec<String> {
    ocpp_validate_core::FrameKind::ALL.iter().map(|k| k.as_str().into()).collect()
}

fn frame_validation(f: ocpp_validate_core::Frame, protocol: Protocol) -> FrameValidation {
    let valid = f.is_valid();
    let (code, description, frame) = match f.call_error {
        Some(c) => (Some(c.code.as_str().into()), Some(c.description), Some(c.frame)),
        None => (None, None, None),
    };
    FrameValidation {
        kind: f.kind.as_str().into(),
        valid,
        unique_id: f.unique_id,
        action: f.action,
        payload_start: f.payload.map(|(start, _)| start as u32),
        payload_end: f.payload.map(|(_, end)| end as u32),
        errors: issues(f.issues, protocol),
        tolerated: tolerated(f.tolerated, protocol),
        warnings: warnings(f.warnings),
        error_code: code,
        error_description: description,
        call_error_frame: frame,
    }
}

/// Many payloads in one crossing. Scratch layout: `count` little-endian u32 end offsets (relative
/// to the payload area), then the payloads back to back. One byte per payload, in order.
#[wasm_bindgen(js_name = isValidBatchScratch)]
pub fn is_valid_batch_scratch(count: usize, len: usize, message: u32, tolerate: u32) -> Result<Vec<u8>, JsError> {
    let schema = schema(message)?;
    let tolerate = tolerances(tolerate);
    Ok(with_scratch(len, |region| {
        let (ends, payloads) = region.split_at(region.len().min(count * 4));
        let mut start = 0usize;
        ends.chunks_exact(4)
            .map(|end| {
                let end = u32::from_le_bytes([end[0], end[1], end[2], end[3]]) as usize;
                let valid = payloads.get(start..end).is_some_and(|p| ocpp_validate_core::is_valid_tolerant(schema, p, tolerate));
                start = end;
                valid as u8
            })
            .collect()
    }))
}

/// The crossing without reading the input: shows what the boundary (and the copy) alone costs.
#[wasm_bindgen(js_name = noopScratch)]
pub fn noop_scratch(len: usize) -> bool {
    len == usize::MAX
}
