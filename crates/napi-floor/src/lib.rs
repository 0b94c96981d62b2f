//! The N-API floor: what a crossing from JavaScript into Rust costs at the least, for the call
//! shapes of the napi-rs binding (`crates/node`): `noopBytes(buffer)` and
//! `isValidBytes(buffer, message)`. Written directly against the Node-API C functions (no napi-rs
//! runtime, no macros), each function does only what any correct binding must: fetch the
//! arguments, read the Buffer's pointer and length, check each status, answer a boolean.
//!
//! The bench (`bench/index.mjs`) loads the built `.node` file (`scripts/build-napi-floor.sh`) and
//! prints these rows beside the napi-rs ones; the variants below take the floor apart call by
//! call, so the distance from napi-rs to the floor can be attributed.
//!
//! | export | what it calls | answers |
//! |---|---|---|
//! | `bufferToBool(buf)` | `napi_get_cb_info`, `napi_get_buffer_info`, `napi_get_boolean` | `buf.length === 0` (the floor of `noopBytes`) |
//! | `bufferU32ToBool(buf, n)` | the same + `napi_get_value_uint32` | `buf.length === n` (the floor of `isValidBytes`) |
//! | `returnOnly(buf)` | `napi_get_boolean` | `false`: the call alone |
//! | `cbInfoToBool(buf)` | `napi_get_cb_info`, `napi_get_boolean` | `false`: fetching the argument |
//! | `bufferToUndefined(buf)` | `napi_get_cb_info`, `napi_get_buffer_info` | `undefined`: no result value created |
//! | `typedarrayToBool(buf)` | `napi_get_cb_info`, `napi_get_typedarray_info` (all out-parameters, as napi-rs's `&[u8]` asks), `napi_get_boolean` | `buf.length === 0` |
//! | `typedarrayLeanToBool(buf)` | the same with only type, length and data asked for | `buf.length === 0` |
//! | `typedarrayU32ToBool(buf, n)` | napi-rs's conversions for `(&[u8], u32) -> bool`, raw | `buf.length === n` |
//!
//! Every function throws a `TypeError` when an argument is not what it reads (a non-Buffer, a
//! non-number), as the napi-rs ones do; none reads the bytes.
//!
//! All the `unsafe` code is in [`raw`]: the FFI calls and the module registration.
#![deny(unsafe_code)]

#[allow(unsafe_code)]
mod raw;
