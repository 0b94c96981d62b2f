//! Every `unsafe` block of the crate: the Node-API calls of each exported function and the module
//! registration. Each callback is `extern "C"`, runs on the JS thread Node calls it on, and uses
//! only the `env` and `info` handles Node passes it, for the duration of the call.

use std::ffi::{c_char, c_void, CStr};
use std::hint::black_box;
use std::ptr;

use napi_sys::{
    napi_callback, napi_callback_info, napi_define_properties, napi_env, napi_get_boolean, napi_get_buffer_info,
    napi_get_cb_info, napi_get_typedarray_info, napi_get_value_uint32, napi_property_descriptor, napi_throw_type_error,
    napi_value, PropertyAttributes, Status, TypedarrayType,
};

/// Throws a `TypeError` and returns the null handle a callback returns after a throw.
fn throw(env: napi_env, message: &CStr) -> napi_value {
    // SAFETY: `env` is the live environment of the current callback; `message` is NUL-terminated
    // and outlives the call (Node copies it into the error). A failing throw (an exception is
    // already pending) leaves that exception to propagate, which is the right outcome too.
    unsafe { napi_throw_type_error(env, ptr::null(), message.as_ptr()) };
    ptr::null_mut()
}

/// `napi_get_boolean`, or a throw when it fails.
fn boolean(env: napi_env, value: bool) -> napi_value {
    let mut result = ptr::null_mut();
    // SAFETY: `env` is the current callback's environment and `result` a valid out-pointer.
    let status = unsafe { napi_get_boolean(env, value, &mut result) };
    if status != Status::napi_ok {
        return throw(env, c"napi_get_boolean failed");
    }
    result
}

/// The first `N` arguments (`undefined` for missing ones, as Node fills them), or `None` on failure.
fn args<const N: usize>(env: napi_env, info: napi_callback_info) -> Option<[napi_value; N]> {
    let mut argv = [ptr::null_mut(); N];
    let mut argc = N;
    // SAFETY: `argv` has room for `argc` handles; `this` and `data` are not asked for (null).
    let status = unsafe { napi_get_cb_info(env, info, &mut argc, argv.as_mut_ptr(), ptr::null_mut(), ptr::null_mut()) };
    (status == Status::napi_ok).then_some(argv)
}

/// A Buffer's (or any ArrayBufferView's) data pointer and length via `napi_get_buffer_info`.
fn buffer(env: napi_env, value: napi_value) -> Option<(*mut c_void, usize)> {
    let mut data = ptr::null_mut();
    let mut len = 0usize;
    // SAFETY: `value` is a handle of the current call's scope; both out-pointers are valid.
    let status = unsafe { napi_get_buffer_info(env, value, &mut data, &mut len) };
    (status == Status::napi_ok).then_some((data, len))
}

/// A Uint8Array's data pointer and length via `napi_get_typedarray_info`; `full` asks for every
/// out-parameter (the ArrayBuffer handle and the byte offset too), as napi-rs's `&[u8]` does.
fn typedarray(env: napi_env, value: napi_value, full: bool) -> Option<(*mut c_void, usize)> {
    let mut kind = -1;
    let mut len = 0usize;
    let mut data = ptr::null_mut();
    let mut arraybuffer = ptr::null_mut();
    let mut offset = 0usize;
    let (ab, off): (*mut napi_value, *mut usize) =
        if full { (&mut arraybuffer, &mut offset) } else { (ptr::null_mut(), ptr::null_mut()) };
    // SAFETY: `value` is a handle of the current call's scope; every out-pointer is valid or null,
    // and Node-API skips the null ones.
    let status = unsafe { napi_get_typedarray_info(env, value, &mut kind, &mut len, &mut data, ab, off) };
    (status == Status::napi_ok && kind == TypedarrayType::uint8_array).then_some((black_box(data), len))
}

fn uint32(env: napi_env, value: napi_value) -> Option<u32> {
    let mut n = 0u32;
    // SAFETY: `value` is a handle of the current call's scope; `n` a valid out-pointer.
    let status = unsafe { napi_get_value_uint32(env, value, &mut n) };
    (status == Status::napi_ok).then_some(n)
}

const NOT_A_BUFFER: &CStr = c"the first argument must be a Buffer";
const NOT_A_UINT8ARRAY: &CStr = c"the first argument must be a Uint8Array";
const NOT_A_NUMBER: &CStr = c"the second argument must be a number";
const NO_ARGS: &CStr = c"napi_get_cb_info failed";

/// The floor of `noopBytes(buffer)`: true when the buffer is empty.
unsafe extern "C" fn buffer_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input]) = args::<1>(env, info) else { return throw(env, NO_ARGS) };
    match buffer(env, input) {
        Some((data, len)) => {
            black_box(data);
            boolean(env, len == 0)
        }
        None => throw(env, NOT_A_BUFFER),
    }
}

/// The floor of `isValidBytes(buffer, message)`: true when the buffer's length equals the number.
unsafe extern "C" fn buffer_u32_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input, message]) = args::<2>(env, info) else { return throw(env, NO_ARGS) };
    let Some((data, len)) = buffer(env, input) else { return throw(env, NOT_A_BUFFER) };
    let Some(n) = uint32(env, message) else { return throw(env, NOT_A_NUMBER) };
    black_box(data);
    boolean(env, len == n as usize)
}

/// The call alone: no argument fetched, `false`.
unsafe extern "C" fn return_only(env: napi_env, _info: napi_callback_info) -> napi_value {
    boolean(env, false)
}

/// The argument fetched, not looked at: `false`.
unsafe extern "C" fn cb_info_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input]) = args::<1>(env, info) else { return throw(env, NO_ARGS) };
    black_box(input);
    boolean(env, false)
}

/// The buffer read, no result value created (a null handle is `undefined` in JS).
unsafe extern "C" fn buffer_to_undefined(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input]) = args::<1>(env, info) else { return throw(env, NO_ARGS) };
    match buffer(env, input) {
        Some((data, len)) => {
            black_box((data, len));
            ptr::null_mut()
        }
        None => throw(env, NOT_A_BUFFER),
    }
}

/// napi-rs's `&[u8]` extraction (every out-parameter of `napi_get_typedarray_info`, the type
/// checked): true when empty.
unsafe extern "C" fn typedarray_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input]) = args::<1>(env, info) else { return throw(env, NO_ARGS) };
    match typedarray(env, input, true) {
        Some((_, len)) => boolean(env, len == 0),
        None => throw(env, NOT_A_UINT8ARRAY),
    }
}

/// `napi_get_typedarray_info` asked for type, length and data only: true when empty.
unsafe extern "C" fn typedarray_lean_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input]) = args::<1>(env, info) else { return throw(env, NO_ARGS) };
    match typedarray(env, input, false) {
        Some((_, len)) => boolean(env, len == 0),
        None => throw(env, NOT_A_UINT8ARRAY),
    }
}

/// napi-rs's conversions for `fn(&[u8], u32) -> bool`, raw: true when the length equals the number.
unsafe extern "C" fn typedarray_u32_to_bool(env: napi_env, info: napi_callback_info) -> napi_value {
    let Some([input, message]) = args::<2>(env, info) else { return throw(env, NO_ARGS) };
    let Some((_, len)) = typedarray(env, input, true) else { return throw(env, NOT_A_UINT8ARRAY) };
    let Some(n) = uint32(env, message) else { return throw(env, NOT_A_NUMBER) };
    boolean(env, len == n as usize)
}

type Callback = unsafe extern "C" fn(napi_env, napi_callback_info) -> napi_value;

const EXPORTS: [(&CStr, Callback); 8] = [
    (c"bufferToBool", buffer_to_bool),
    (c"bufferU32ToBool", buffer_u32_to_bool),
    (c"returnOnly", return_only),
    (c"cbInfoToBool", cb_info_to_bool),
    (c"bufferToUndefined", buffer_to_undefined),
    (c"typedarrayToBool", typedarray_to_bool),
    (c"typedarrayLeanToBool", typedarray_lean_to_bool),
    (c"typedarrayU32ToBool", typedarray_u32_to_bool),
];

/// The entry point Node looks up in an addon that registers no module itself.
///
/// # Safety
/// Called by Node only, once per environment, with that environment and its `exports` object.
#[no_mangle]
pub unsafe extern "C" fn napi_register_module_v1(env: napi_env, exports: napi_value) -> napi_value {
    let descriptors = EXPORTS.map(|(name, method)| napi_property_descriptor {
        utf8name: name.as_ptr() as *const c_char,
        name: ptr::null_mut(),
        method: Some(method) as napi_callback,
        getter: None,
        setter: None,
        value: ptr::null_mut(),
        attributes: PropertyAttributes::enumerable,
        data: ptr::null_mut(),
    });
    // SAFETY: `descriptors` lives across the call and each names a 'static NUL-terminated string
    // and a callback of the signature Node-API expects; `exports` is the handle Node passed us.
    let status = unsafe { napi_define_properties(env, exports, descriptors.len(), descriptors.as_ptr()) };
    if status != Status::napi_ok {
        return throw(env, c"napi-floor: napi_define_properties failed");
    }
    exports
}
