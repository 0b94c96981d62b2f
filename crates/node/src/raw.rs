//! The hot entry points (`isValidBytes`, `isValidString`, their no-op twins and the frame's
//! `validateFrameBytesPlain` / `validateFrameStringPlain`) as plain Node-API
//! callbacks. A `#[napi]` function pays napi-rs 3's per-call borrow bookkeeping (an `Arc<Mutex>`
//! and thread-local stacks: about 85 ns, more than the validation of a small payload), measured
//! against the floor addon in `crates/napi-floor` (bench/README.md). These do what the floor does:
//! read the arguments, call the core, return a boolean. Everything else stays `#[napi]`.
//!
//! The only `unsafe` of the binding besides the batch's typed-array borrow lives here.

use std::cell::RefCell;
use std::ffi::{c_char, c_void};
use std::ptr;

use napi::bindgen_prelude::{Env, Object, Result};
use napi::sys;
use napi::JsValue;

use crate::error::BindingError;

/// What a raw entry point decides from its borrowed input.
type Verdict = fn(&[u8], Option<u32>) -> std::result::Result<bool, BindingError>;

fn is_valid(input: &[u8], message: Option<u32>) -> std::result::Result<bool, BindingError> {
    let message = message.unwrap_or(u32::MAX);
    let schema = ocpp_validate_core::schema_at(message as usize).ok_or(BindingError::UnknownMessage { index: message })?;
    Ok(ocpp_validate_core::is_valid_with(schema, input))
}

/// Crosses exactly as `is_valid` does and reads nothing: the bench's boundary cost.
fn noop(input: &[u8], _: Option<u32>) -> std::result::Result<bool, BindingError> {
    Ok(input.len() == usize::MAX)
}

thread_local! {
    /// UTF-8 of the last string input, reused: strings must be copied out of V8, allocating once
    /// per size class instead of once per call.
    static UTF8: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Registers the raw callbacks on the module's exports (called once per Node.js environment).
pub fn register(exports: &mut Object, env: &Env) -> Result<()> {
    let entries: [(&str, sys::napi_callback); 6] = [
        ("isValidBytes", Some(is_valid_bytes)),
        ("isValidString", Some(is_valid_string)),
        ("noopBytes", Some(noop_bytes)),
        ("noopString", Some(noop_string)),
        ("validateFrameBytesPlain", Some(validate_frame_bytes_plain)),
        ("validateFrameStringPlain", Some(validate_frame_string_plain)),
    ];
    for (name, callback) in entries {
        let mut function = ptr::null_mut();
        // SAFETY: `env` is the live environment of this module's initialisation; the name is a
        // valid UTF-8 buffer of the given length; `function` receives the new value.
        let status = unsafe {
            sys::napi_create_function(
                env.raw(),
                name.as_ptr().cast::<c_char>(),
                name.len() as isize,
                callback,
                ptr::null_mut(),
                &mut function,
            )
        };
        check(status)?;
        let mut key = ptr::null_mut();
        // SAFETY: as above; `key` receives a new string value.
        check(unsafe { sys::napi_create_string_utf8(env.raw(), name.as_ptr().cast::<c_char>(), name.len() as isize, &mut key) })?;
        // SAFETY: `exports`, `key` and `function` are live values of this environment.
        check(unsafe { sys::napi_set_property(env.raw(), exports.raw(), key, function) })?;
    }
    Ok(())
}

fn check(status: sys::napi_status) -> Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::new(napi::Status::GenericFailure, format!("could not register a raw entry point (status {status})")))
    }
}

/// The first `N` arguments of a call (null where fewer were passed) and how many there were.
///
/// # Safety
/// `env` and `info` must be the arguments Node-API passed to the running callback.
unsafe fn arguments<const N: usize>(env: sys::napi_env, info: sys::napi_callback_info) -> ([sys::napi_value; N], usize) {
    let mut argv = [ptr::null_mut(); N];
    let mut argc = argv.len();
    // SAFETY: the caller's contract; `argv` has room for `argc` values.
    let status = unsafe { sys::napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut()) };
    if status != sys::Status::napi_ok {
        argc = 0;
    }
    (argv, argc.min(N))
}

/// The second argument as a u32, if it is a number.
///
/// # Safety
/// `env` must be the running callback's environment and `value` one of its arguments (or null).
unsafe fn message_of(env: sys::napi_env, value: sys::napi_value) -> Option<u32> {
    if value.is_null() {
        return None;
    }
    let mut message = 0u32;
    // SAFETY: the caller's contract.
    (unsafe { sys::napi_get_value_uint32(env, value, &mut message) } == sys::Status::napi_ok).then_some(message)
}

/// Returns `verdict` as a JS boolean, or throws the binding error as a TypeError.
///
/// # Safety
/// `env` must be the running callback's environment.
unsafe fn answer(env: sys::napi_env, verdict: std::result::Result<bool, BindingError>) -> sys::napi_value {
    match verdict {
        Ok(valid) => {
            let mut result = ptr::null_mut();
            // SAFETY: the caller's contract; `result` receives the boolean.
            unsafe { sys::napi_get_boolean(env, valid, &mut result) };
            result
        }
        // SAFETY: the caller's contract.
        Err(e) => unsafe { throw_type_error(env, e.to_string()) },
    }
}

/// Throws `message` as a TypeError; the callback then returns the null value this gives.
///
/// # Safety
/// `env` must be the running callback's environment.
unsafe fn throw_type_error(env: sys::napi_env, message: String) -> sys::napi_value {
    let mut text = message.into_bytes();
    text.push(0);
    // SAFETY: the caller's contract; `text` is NUL-terminated and outlives the call.
    unsafe { sys::napi_throw_type_error(env, ptr::null(), text.as_ptr().cast::<c_char>()) };
    ptr::null_mut()
}

/// `f` of a string argument's UTF-8, copied once into the thread's reusable buffer. The buffer is
/// taken out of its cell for the call, so that nothing `f` runs (converting a frame's full result
/// allocates, which can start a garbage collection) can find it borrowed.
///
/// # Safety
/// `env` must be the running callback's environment and `value` one of its arguments (or null).
unsafe fn with_utf8<R>(
    env: sys::napi_env,
    value: sys::napi_value,
    f: impl FnOnce(&[u8]) -> R,
) -> std::result::Result<R, BindingError> {
    let mut length = 0usize;
    // SAFETY: the caller's contract; a null buffer asks for the length only (a null `value` fails).
    if value.is_null()
        || unsafe { sys::napi_get_value_string_utf8(env, value, ptr::null_mut(), 0, &mut length) } != sys::Status::napi_ok
    {
        return Err(BindingError::NotText);
    }
    let mut buffer = UTF8.take();
    // Node-API writes a terminating NUL, so the buffer needs one byte more than the text.
    buffer.resize(length + 1, 0);
    let mut written = 0usize;
    // SAFETY: `buffer` has `length + 1` writable bytes, the size passed.
    let status =
        unsafe { sys::napi_get_value_string_utf8(env, value, buffer.as_mut_ptr().cast::<c_char>(), length + 1, &mut written) };
    let result = (status == sys::Status::napi_ok).then(|| f(buffer.get(..written).unwrap_or(&[])));
    UTF8.set(buffer);
    result.ok_or(BindingError::NotText)
}

/// A typed array argument's storage: (kind, element count, data pointer), or `None`.
///
/// # Safety
/// `env` must be the running callback's environment and `value` one of its arguments (or null).
unsafe fn typed_array(env: sys::napi_env, value: sys::napi_value) -> Option<(sys::napi_typedarray_type, usize, *mut c_void)> {
    if value.is_null() {
        return None;
    }
    let mut kind = 0;
    let mut length = 0usize;
    let mut data: *mut c_void = ptr::null_mut();
    // SAFETY: the caller's contract; the out-pointers are valid.
    let status =
        unsafe { sys::napi_get_typedarray_info(env, value, &mut kind, &mut length, &mut data, ptr::null_mut(), ptr::null_mut()) };
    (status == sys::Status::napi_ok).then_some((kind, length, data))
}

/// A Buffer / Uint8Array argument's bytes, borrowed for the duration of the callback.
///
/// # Safety
/// As [`typed_array`]; the slice must not outlive the callback.
unsafe fn bytes_of<'a>(env: sys::napi_env, value: sys::napi_value) -> std::result::Result<&'a [u8], BindingError> {
    // SAFETY: the caller's contract.
    match unsafe { typed_array(env, value) } {
        Some((kind, _, _)) if kind != sys::TypedarrayType::uint8_array => Err(BindingError::NotBytes),
        // A detached or empty array has no storage to point into.
        Some((_, length, data)) if length == 0 || data.is_null() => Ok(&[]),
        // SAFETY: Node-API reports `length` readable bytes at `data`, owned by the typed array,
        // which is an argument of this call and so stays alive and unmoved until it returns.
        Some((_, length, data)) => Ok(unsafe { std::slice::from_raw_parts(data.cast::<u8>(), length) }),
        None => Err(BindingError::NotBytes),
    }
}

/// A Buffer / Uint8Array argument, borrowed for the duration of the callback.
///
/// # Safety
/// `env` and `info` must be the arguments Node-API passed to the running callback; `decide` must
/// not keep the slice.
unsafe fn bytes_call(env: sys::napi_env, info: sys::napi_callback_info, decide: Verdict) -> sys::napi_value {
    // SAFETY: the caller's contract.
    let (argv, _) = unsafe { arguments::<2>(env, info) };
    // SAFETY: the caller's contract; argv[0] is an argument of this call or null.
    let input = match unsafe { bytes_of(env, argv[0]) } {
        Ok(input) => input,
        // SAFETY: the caller's contract.
        Err(e) => return unsafe { answer(env, Err(e)) },
    };
    // SAFETY: the caller's contract; argv[1] is an argument of this call or null.
    let message = unsafe { message_of(env, argv[1]) };
    // SAFETY: the caller's contract.
    unsafe { answer(env, decide(input, message)) }
}

/// A string argument, copied once into the thread's reusable UTF-8 buffer.
///
/// # Safety
/// As [`bytes_call`].
unsafe fn string_call(env: sys::napi_env, info: sys::napi_callback_info, decide: Verdict) -> sys::napi_value {
    // SAFETY: the caller's contract.
    let (argv, _) = unsafe { arguments::<2>(env, info) };
    // SAFETY: the caller's contract; argv[1] is an argument of this call or null.
    let message = unsafe { message_of(env, argv[1]) };
    // SAFETY: the caller's contract; argv[0] is an argument of this call or null.
    let verdict = unsafe { with_utf8(env, argv[0], |input| decide(input, message)) }.and_then(|verdict| verdict);
    // SAFETY: the caller's contract.
    unsafe { answer(env, verdict) }
}

unsafe extern "C" fn is_valid_bytes(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    unsafe { bytes_call(env, info, is_valid) }
}

unsafe extern "C" fn is_valid_string(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    unsafe { string_call(env, info, is_valid) }
}

unsafe extern "C" fn noop_bytes(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    unsafe { bytes_call(env, info, noop) }
}

unsafe extern "C" fn noop_string(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    unsafe { string_call(env, info, noop) }
}

/// `validateFrame*Plain(input, offsets, allErrors, responseTo, tolerate, protocol)` after the
/// input: the other arguments read, the frame validated, its answer returned (see
/// `crate::frame_plain`). Raw for the same reason as `isValidBytes`: a `#[napi]` function with
/// these six arguments cost three times the validation of a small frame.
///
/// # Safety
/// `env` must be the running callback's environment and `argv` its arguments.
unsafe fn frame_call(env: sys::napi_env, argv: &[sys::napi_value; 6], input: &[u8]) -> sys::napi_value {
    // SAFETY: the caller's contract.
    let offsets = match unsafe { typed_array(env, argv[1]) } {
        // SAFETY: Node-API reports `length` u32s at `data`, owned by the typed array, an argument
        // of this call that nothing else views while it runs (the facade's own array).
        Some((kind, length, data)) if kind == sys::TypedarrayType::uint32_array && !data.is_null() => unsafe {
            std::slice::from_raw_parts_mut(data.cast::<u32>(), length)
        },
        _ => &mut [],
    };
    let mut all_errors = false;
    let mut response_to = -1i32;
    let mut tolerate = 0u32;
    let mut protocol = u32::MAX;
    // SAFETY: the caller's contract; a value of another type leaves the default, which the
    // checks below (protocol) or the core (a strict, no-response-known call) take as it is.
    unsafe {
        sys::napi_get_value_bool(env, argv[2], &mut all_errors);
        sys::napi_get_value_int32(env, argv[3], &mut response_to);
        sys::napi_get_value_uint32(env, argv[4], &mut tolerate);
        sys::napi_get_value_uint32(env, argv[5], &mut protocol);
    }
    let result = crate::protocol(protocol)
        .and_then(|protocol| Ok((protocol, crate::response_to(response_to)?)))
        .map(|(protocol, response_to)| crate::frame_plain(protocol, input, offsets, all_errors, response_to, tolerate));
    let value = match result {
        // SAFETY: the caller's contract.
        Ok(frame) => unsafe { <Option<crate::FrameValidation> as napi::bindgen_prelude::ToNapiValue>::to_napi_value(env, frame) },
        Err(e) => Err(e),
    };
    match value {
        Ok(value) => value,
        // SAFETY: the caller's contract.
        Err(e) => unsafe { throw_type_error(env, e.reason) },
    }
}

unsafe extern "C" fn validate_frame_bytes_plain(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    let (argv, _) = unsafe { arguments::<6>(env, info) };
    // SAFETY: as above; argv[0] is an argument of this call or null.
    match unsafe { bytes_of(env, argv[0]) } {
        // SAFETY: as above.
        Ok(input) => unsafe { frame_call(env, &argv, input) },
        // SAFETY: as above.
        Err(e) => unsafe { answer(env, Err(e)) },
    }
}

unsafe extern "C" fn validate_frame_string_plain(env: sys::napi_env, info: sys::napi_callback_info) -> sys::napi_value {
    // SAFETY: Node-API calls this with its own env and info.
    let (argv, _) = unsafe { arguments::<6>(env, info) };
    // SAFETY: as above; argv[0] is an argument of this call or null.
    match unsafe { with_utf8(env, argv[0], |input| frame_call(env, &argv, input)) } {
        Ok(value) => value,
        // SAFETY: as above.
        Err(e) => unsafe { answer(env, Err(e)) },
    }
}
