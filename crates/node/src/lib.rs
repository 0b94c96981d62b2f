//! Node.js binding of `ocpp-validate-core`: moves bytes in and results out, nothing else.
//! Bytes are borrowed from the Buffer/Uint8Array without a copy; strings are copied once into
//! UTF-8 by N-API (there is no way to borrow V8's string storage).

mod error;
mod raw;

use error::BindingError;
use napi::bindgen_prelude::*;
use napi_derive::napi;
use ocpp_validate_core::{Protocol, Schema, Tolerances};

#[napi(object, object_from_js = false)]
pub struct ValidationIssue {
    pub instance_path: String,
    pub keyword: &'static str,
    pub message: String,
    pub ocpp_error_code: &'static str,
}

/// Issues carry the error code of the protocol whose schema found them.
fn issues(issues: Vec<ocpp_validate_core::Issue>, protocol: Protocol) -> Vec<ValidationIssue> {
    issues
        .into_iter()
        .map(|issue| ValidationIssue {
            keyword: issue.keyword.as_str(),
            ocpp_error_code: issue.keyword.ocpp_error_code(protocol).as_str(),
            instance_path: issue.instance_path,
            message: issue.message,
        })
        .collect()
}

/// An issue the caller's tolerances accepted.
#[napi(object, object_from_js = false)]
pub struct ToleratedIssue {
    pub instance_path: String,
    pub keyword: &'static str,
    pub message: String,
    pub ocpp_error_code: &'static str,
    pub tolerance: &'static str,
}

#[napi(object, object_from_js = false)]
pub struct ValidationWarning {
    pub instance_path: String,
    pub warning: &'static str,
    pub message: String,
}

/// `check`'s result: the verdict, the issues, what was tolerated, the warnings.
#[napi(object, object_from_js = false)]
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
            keyword: i.keyword.as_str(),
            ocpp_error_code: i.keyword.ocpp_error_code(protocol).as_str(),
            tolerance: i.tolerated_by.map_or("", |t| t.as_str()),
            instance_path: i.instance_path,
            message: i.message,
        })
        .collect()
}

fn warnings(warnings: Vec<ocpp_validate_core::Warning>) -> Vec<ValidationWarning> {
    warnings
        .into_iter()
        .map(|w| ValidationWarning { warning: w.kind.as_str(), instance_path: w.instance_path, message: w.message })
        .collect()
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
    pub tolerated: Vec<ToleratedIssue>,
    pub warnings: Vec<ValidationWarning>,
    pub call_error: Option<FrameCallError>,
}

/// A message crosses as its index in `schemas::ALL` (the facade maps names, once per call site).
fn schema(message: u32) -> Result<&'static Schema> {
    ocpp_validate_core::schema_at(message as usize).ok_or_else(|| BindingError::UnknownMessage { index: message }.into())
}

/// -1: the pending call is not known.
pub(crate) fn response_to(message: i32) -> Result<Option<&'static Schema>> {
    if message < 0 {
        return Ok(None);
    }
    schema(message as u32).map(Some)
}

/// The facade passes the tolerance set as its bit mask (bit i = `Tolerance::ALL[i]`).
fn tolerances(mask: u32) -> Tolerances {
    Tolerances(mask as u8)
}

/// A protocol crosses as its index in `Protocol::ALL`.
pub(crate) fn protocol(index: u32) -> Result<Protocol> {
    Protocol::from_index(index as usize).ok_or_else(|| BindingError::UnknownProtocol { index }.into())
}

fn frame_validation(f: ocpp_validate_core::Frame, protocol: Protocol) -> FrameValidation {
    FrameValidation {
        kind: f.kind.as_str(),
        valid: f.is_valid(),
        unique_id: f.unique_id,
        action: f.action,
        payload_range: f.payload.map(|(start, end)| vec![start as f64, end as f64]),
        errors: issues(f.issues, protocol),
        tolerated: tolerated(f.tolerated, protocol),
        warnings: warnings(f.warnings),
        call_error: f.call_error.map(|c| FrameCallError {
            error_code: c.code.as_str(),
            error_description: c.description,
            frame: c.frame,
        }),
    }
}

/// A frame's result, in the shape a gateway mostly needs it (`validateFrameBytesPlain` and
/// `validateFrameStringPlain`, raw entry points: see `raw`): `None` when the frame is valid with
/// nothing to report, its kind and offsets written to `offsets` (`Frame::plain_offsets`), so no
/// result object, arrays and strings are made across N-API (they cost three times the validation
/// of a 1.6 KB frame); else the full result, and `offsets` is left as it was.
pub(crate) fn frame_plain(
    protocol: Protocol,
    input: &[u8],
    offsets: &mut [u32],
    all_errors: bool,
    response_to: Option<&'static Schema>,
    tolerate: u32,
) -> Option<FrameValidation> {
    let f = ocpp_validate_core::validate_frame(protocol, input, all_errors, response_to, tolerances(tolerate));
    match (f.plain_offsets(), offsets.get_mut(..ocpp_validate_core::PLAIN_OFFSETS)) {
        (Some(plain), Some(out)) => {
            out.copy_from_slice(&plain);
            None
        }
        _ => Some(frame_validation(f, protocol)),
    }
}

/// `None` for a valid payload with nothing to report: the facade builds that result itself, since
/// creating an object with three empty arrays across N-API costs ten times the validation of a
/// small payload.
fn report(schema: &'static Schema, input: &[u8], all_errors: bool, tolerate: u32) -> Option<ValidationReport> {
    let r = ocpp_validate_core::check(schema, input, all_errors, tolerances(tolerate));
    if r.is_plain() {
        return None;
    }
    Some(ValidationReport {
        valid: r.valid,
        errors: issues(r.issues, schema.protocol()),
        tolerated: tolerated(r.tolerated, schema.protocol()),
        warnings: warnings(r.warnings),
    })
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

/// `isValidBytes(input, message)`, `isValidString(input, message)` and their no-op twins
/// `noopBytes`/`noopString` (the bench's boundary cost) are plain Node-API callbacks: see `raw`.
#[napi(module_exports)]
pub fn exports(mut exports: Object, env: Env) -> Result<()> {
    raw::register(&mut exports, &env)
}

/// The tolerance names in bit order: bit `1 << i` of a `tolerate` argument is name `i`.
#[napi]
pub fn tolerance_names() -> Vec<&'static str> {
    ocpp_validate_core::Tolerance::ALL.iter().map(|t| t.as_str()).collect()
}

#[napi]
pub fn is_valid_tolerant_bytes(input: &[u8], message: u32, tolerate: u32) -> Result<bool> {
    Ok(ocpp_validate_core::is_valid_tolerant(schema(message)?, input, tolerances(tolerate)))
}

#[napi]
pub fn is_valid_tolerant_string(input: String, message: u32, tolerate: u32) -> Result<bool> {
    Ok(ocpp_validate_core::is_valid_tolerant(schema(message)?, input.as_bytes(), tolerances(tolerate)))
}

#[napi]
pub fn validate_bytes(input: &[u8], message: u32, all_errors: bool, tolerate: u32) -> Result<Option<ValidationReport>> {
    Ok(report(schema(message)?, input, all_errors, tolerate))
}

#[napi]
pub fn validate_string(input: String, message: u32, all_errors: bool, tolerate: u32) -> Result<Option<ValidationReport>> {
    Ok(report(schema(message)?, input.as_bytes(), all_errors, tolerate))
}

/// A protocol's action names in the order of the plain offsets' action index.
#[napi]
pub fn frame_action_names(protocol_index: u32) -> Result<Vec<&'static str>> {
    Ok(protocol(protocol_index)?.actions().iter().map(|a| a.name()).collect())
}

/// The kind names in the order of the plain offsets' kind index.
#[napi]
pub fn frame_kind_names() -> Vec<&'static str> {
    ocpp_validate_core::FrameKind::ALL.iter().map(|k| k.as_str()).collect()
}

/// One crossing for many payloads: one byte per input (1 valid, 0 invalid), in input order.
#[napi]
pub fn is_valid_batch(inputs: Array, message: u32, tolerate: u32) -> Result<Uint8Array> {
    let schema = schema(message)?;
    let tolerate = tolerances(tolerate);
    let mut verdicts = Vec::with_capacity(inputs.len() as usize);
    for index in 0..inputs.len() {
        let Some(item) = inputs.get::<Unknown>(index)? else {
            return Err(BindingError::NotJsonInput { index: Some(index), found: ValueType::Undefined }.into());
        };
        let valid = match item.get_type()? {
            ValueType::String => {
                ocpp_validate_core::is_valid_tolerant(schema, item.coerce_to_string()?.into_utf8()?.as_slice(), tolerate)
            }
            ValueType::Object if item.is_typedarray()? || item.is_buffer()? => {
                // SAFETY: `item` is a live value of this call's env, checked above to be a typed array;
                // the borrowed slice does not outlive this iteration.
                ocpp_validate_core::is_valid_tolerant(
                    schema,
                    unsafe { <&[u8]>::from_napi_value(item.env(), item.raw()) }?,
                    tolerate,
                )
            }
            found => return Err(BindingError::NotJsonInput { index: Some(index), found }.into()),
        };
        verdicts.push(valid as u8);
    }
    Ok(Uint8Array::new(verdicts))
}

/// Below this many bytes a batch is validated on the one libuv thread its task runs on: a thread
/// costs tens of microseconds to start, which a small batch would not win back.
const BYTES_PER_THREAD: usize = 256 * 1024;

/// `isValidBatchAsync`'s work: every input copied into one owned buffer on the JS thread, so the
/// libuv thread never touches a JS value and a Buffer the caller changes (or frees) after the call
/// cannot be seen half-written: the verdicts are those of the bytes as they were at the call.
pub struct BatchTask {
    schema: &'static Schema,
    tolerate: Tolerances,
    bytes: Vec<u8>,
    /// `ends[i]`: where input `i` ends in `bytes` (it starts where input `i - 1` ends).
    ends: Vec<usize>,
}

impl BatchTask {
    fn verdicts(&self, range: std::ops::Range<usize>, out: &mut [u8]) {
        let mut start = if range.start == 0 { 0 } else { self.ends[range.start - 1] };
        for (slot, &end) in out.iter_mut().zip(&self.ends[range]) {
            *slot = ocpp_validate_core::is_valid_tolerant(self.schema, &self.bytes[start..end], self.tolerate) as u8;
            start = end;
        }
    }
}

impl Task for BatchTask {
    type Output = Vec<u8>;
    type JsValue = Uint8Array;

    fn compute(&mut self) -> Result<Vec<u8>> {
        let count = self.ends.len();
        let mut out = vec![0u8; count];
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(self.bytes.len() / BYTES_PER_THREAD)
            .min(count);
        if threads <= 1 {
            self.verdicts(0..count, &mut out);
            return Ok(out);
        }
        // Cut by bytes, not by count: one large payload among small ones must not leave a thread idle.
        let per_thread = self.bytes.len().div_ceil(threads);
        let mut cuts = Vec::with_capacity(threads + 1);
        cuts.push(0);
        for t in 1..threads {
            let at = self.ends.partition_point(|&end| end < t * per_thread) + 1;
            cuts.push(at.clamp(*cuts.last().unwrap_or(&0), count));
        }
        cuts.push(count);
        let this = &*self;
        std::thread::scope(|scope| {
            let mut rest = out.as_mut_slice();
            for pair in cuts.windows(2) {
                let (mine, tail) = rest.split_at_mut(pair[1] - pair[0]);
                rest = tail;
                let range = pair[0]..pair[1];
                scope.spawn(move || this.verdicts(range, mine));
            }
        });
        Ok(out)
    }

    fn resolve(&mut self, _env: Env, output: Vec<u8>) -> Result<Uint8Array> {
        Ok(Uint8Array::new(output))
    }
}

/// `isValidBatch` off the JS thread: the inputs are copied here (strings converted to UTF-8,
/// bytes copied as they are now), then validated on libuv's pool using every core for a large
/// batch. Resolves to one byte per input (1 valid, 0 invalid), in input order.
#[napi(ts_return_type = "Promise<Uint8Array>")]
pub fn is_valid_batch_async(inputs: Array, message: u32, tolerate: u32) -> Result<AsyncTask<BatchTask>> {
    let schema = schema(message)?;
    // Two passes, so the copy goes into one buffer of the exact size: grown as it went, the
    // buffer's reallocations and fresh pages made the copy on the JS thread cost as much as
    // validating the whole batch there (44 MB of medium payloads: 27 ms against 27 ms). The
    // first pass keeps handles, not slices: reading a later element can run JavaScript (a
    // getter, a Proxy) that detaches an earlier Buffer, so each slice is borrowed only for its
    // copy, and the first pass's sizes are only the capacity.
    let mut parts = Vec::with_capacity(inputs.len() as usize);
    let mut total = 0usize;
    for index in 0..inputs.len() {
        let Some(item) = inputs.get::<Unknown>(index)? else {
            return Err(BindingError::NotJsonInput { index: Some(index), found: ValueType::Undefined }.into());
        };
        let part = match item.get_type()? {
            // SAFETY: checked above to be a string. Taken by `cast`, not `coerce_to_string`, so
            // the UTF-8 buffer napi makes is kept as it is rather than copied out of a borrow.
            ValueType::String => Part::Text(unsafe { item.cast::<napi::JsString>() }?.into_utf8()?),
            ValueType::Object if item.is_typedarray()? || item.is_buffer()? => Part::Bytes(item),
            found => return Err(BindingError::NotJsonInput { index: Some(index), found }.into()),
        };
        total += part.with_bytes(<[u8]>::len)?;
        parts.push(part);
    }
    let mut bytes = Vec::with_capacity(total);
    let mut ends = Vec::with_capacity(parts.len());
    for part in &parts {
        part.with_bytes(|b| bytes.extend_from_slice(b))?;
        ends.push(bytes.len());
    }
    Ok(AsyncTask::new(BatchTask { schema, tolerate: tolerances(tolerate), bytes, ends }))
}

/// One input of `isValidBatchAsync` between its two passes.
enum Part<'env> {
    Bytes(Unknown<'env>),
    Text(napi::JsStringUtf8<'env>),
}

impl Part<'_> {
    fn with_bytes<T>(&self, f: impl FnOnce(&[u8]) -> T) -> Result<T> {
        match self {
            // SAFETY: a live value of this call's env, checked to be a typed array or Buffer when
            // the part was made; `f` runs no JavaScript, so the slice cannot be detached under it.
            Part::Bytes(item) => Ok(f(unsafe { <&[u8]>::from_napi_value(item.env(), item.raw()) }?)),
            Part::Text(text) => Ok(f(text.as_slice())),
        }
    }
}
