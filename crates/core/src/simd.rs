//! The one place with explicit SIMD: a bitmask of the bytes that end the fast path inside a JSON
//! string (`"`, `\`, < 0x20, >= 0x80) over a 32-byte window.
//!
//! Why SIMD here: every plain short string value (enum values, dates, idTag, sampled values) is
//! settled from one such window (`text::short_plain`), and the SWAR version costs ~45 ALU
//! operations per window against ~12 for SSE2 (baseline on every x86_64) or wasm simd128 (when
//! the build enables it: scripts/build-wasm.sh does). Other targets use the SWAR fallback, which
//! the tests pin to the SSE2 path. `scan_string` stays on 8-byte SWAR words: the strings it still
//! sees are mostly short keys, for which a vector round trip did not pay.
#![allow(unsafe_code)]

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Flags bytes that end the fast path inside a string: `"`, `\`, < 0x20, >= 0x80, as the high
/// bit of each byte. Only the lowest flagged byte is guaranteed exact (borrows can flag bytes
/// above a true hit); callers only use the lowest one.
#[inline(always)]
pub(crate) fn special_mask(w: u64) -> u64 {
    let q = w ^ (ONES * b'"' as u64);
    let bs = w ^ (ONES * b'\\' as u64);
    let has_q = q.wrapping_sub(ONES) & !q;
    let has_bs = bs.wrapping_sub(ONES) & !bs;
    let ctl = w.wrapping_sub(ONES * 0x20) & !w;
    (has_q | has_bs | ctl | w) & HIGH
}

/// Portable [`special_bits32`]: bit `i` per byte `i`; the lowest set bit is exact, higher ones
/// may be spurious.
#[cfg_attr(
    all(
        any(all(target_arch = "x86_64", target_feature = "sse2"), all(target_arch = "wasm32", target_feature = "simd128")),
        not(test)
    ),
    allow(dead_code)
)]
#[inline(always)]
pub(crate) fn special_bits32_swar(c: &[u8; 32]) -> u32 {
    let mut bits = 0u32;
    for k in 0..4 {
        let mut w = [0u8; 8];
        if let Some(s) = c.get(8 * k..8 * k + 8) {
            w.copy_from_slice(s);
        }
        // Gather the eight high bits into one byte (bit j = byte j).
        let m = special_mask(u64::from_le_bytes(w)) >> 7;
        bits |= ((m.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * k);
    }
    bits
}

/// Bit `i` set when byte `i` of `c` is `"`, `\`, < 0x20 or >= 0x80. The lowest set bit is
/// exact; on x86_64 and on wasm32 with simd128 every bit is.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn special_bits32(c: &[u8; 32]) -> u32 {
    use core::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    // SAFETY: the only requirement of these intrinsics is SSE2, which the cfg above guarantees
    // is enabled for this compilation. Each `_mm_loadu_si128` reads 16 bytes at offset 0 or 16
    // of `c`, a reference to 32 initialised bytes, and has no alignment requirement.
    unsafe {
        let (lo, hi) = (_mm_loadu_si128(c.as_ptr().cast::<__m128i>()), _mm_loadu_si128(c.as_ptr().add(16).cast::<__m128i>()));
        let (q, bs, sp) = (_mm_set1_epi8(b'"' as i8), _mm_set1_epi8(b'\\' as i8), _mm_set1_epi8(0x20));
        // Signed compare: bytes >= 0x80 are negative, so `< 0x20` also flags every non-ASCII byte.
        let lo = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(lo, q), _mm_cmpeq_epi8(lo, bs)), _mm_cmplt_epi8(lo, sp));
        let hi = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(hi, q), _mm_cmpeq_epi8(hi, bs)), _mm_cmplt_epi8(hi, sp));
        (_mm_movemask_epi8(lo) as u32 & 0xFFFF) | (_mm_movemask_epi8(hi) as u32) << 16
    }
}

/// The SSE2 version, op for op, in wasm simd128 (which engines lower to the same SSE2
/// instructions on x86_64 hosts). Every bit is exact.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
pub(crate) fn special_bits32(c: &[u8; 32]) -> u32 {
    use core::arch::wasm32::{i8x16_lt, i8x16_splat, u8x16_bitmask, u8x16_eq, v128, v128_load, v128_or};
    // SAFETY: `v128_load` reads 16 bytes from its pointer with no alignment requirement; the two
    // loads read offsets 0..16 and 16..32 of `c`, a reference to 32 initialised bytes. simd128
    // itself is guaranteed by the cfg above (a module using it fails validation as a whole on an
    // engine without it, before any of this runs).
    let (lo, hi) = unsafe { (v128_load(c.as_ptr().cast::<v128>()), v128_load(c.as_ptr().add(16).cast::<v128>())) };
    let (q, bs, sp) = (i8x16_splat(b'"' as i8), i8x16_splat(b'\\' as i8), i8x16_splat(0x20));
    // Signed compare: bytes >= 0x80 are negative, so `< 0x20` also flags every non-ASCII byte.
    let lo = v128_or(v128_or(u8x16_eq(lo, q), u8x16_eq(lo, bs)), i8x16_lt(lo, sp));
    let hi = v128_or(v128_or(u8x16_eq(hi, q), u8x16_eq(hi, bs)), i8x16_lt(hi, sp));
    u8x16_bitmask(lo) as u32 | (u8x16_bitmask(hi) as u32) << 16
}

#[cfg(not(any(all(target_arch = "x86_64", target_feature = "sse2"), all(target_arch = "wasm32", target_feature = "simd128"))))]
#[inline(always)]
pub(crate) fn special_bits32(c: &[u8; 32]) -> u32 {
    special_bits32_swar(c)
}

/// Portable [`quote_bits32`]: the lowest set bit is exact, higher ones may be spurious.
#[cfg_attr(
    all(
        any(all(target_arch = "x86_64", target_feature = "sse2"), all(target_arch = "wasm32", target_feature = "simd128")),
        not(test)
    ),
    allow(dead_code)
)]
#[inline(always)]
pub(crate) fn quote_bits32_swar(c: &[u8; 32]) -> u32 {
    let mut bits = 0u32;
    for k in 0..4 {
        let mut w = [0u8; 8];
        if let Some(s) = c.get(8 * k..8 * k + 8) {
            w.copy_from_slice(s);
        }
        let q = u64::from_le_bytes(w) ^ (ONES * b'"' as u64);
        let m = (q.wrapping_sub(ONES) & !q & HIGH) >> 7;
        bits |= ((m.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * k);
    }
    bits
}

/// Bit `i` set when byte `i` of `c` is `"`. Where the bytes before the first quote are
/// compared against names that hold no special byte (enum values, the date-time shape), that
/// quote is the closing one whenever the compare succeeds: a `\`, control or non-ASCII byte
/// before it fails the compare. One compare per 16 bytes instead of [`special_bits32`]'s three.
/// The lowest set bit is exact; on x86_64 and on wasm32 with simd128 every bit is.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
#[inline(always)]
pub(crate) fn quote_bits32(c: &[u8; 32]) -> u32 {
    use core::arch::x86_64::{__m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8};
    // SAFETY: as in `special_bits32`: SSE2 is guaranteed by the cfg above, and the two unaligned
    // 16-byte loads read offsets 0..16 and 16..32 of `c`, a reference to 32 initialised bytes.
    unsafe {
        let (lo, hi) = (_mm_loadu_si128(c.as_ptr().cast::<__m128i>()), _mm_loadu_si128(c.as_ptr().add(16).cast::<__m128i>()));
        let q = _mm_set1_epi8(b'"' as i8);
        (_mm_movemask_epi8(_mm_cmpeq_epi8(lo, q)) as u32 & 0xFFFF) | (_mm_movemask_epi8(_mm_cmpeq_epi8(hi, q)) as u32) << 16
    }
}

/// The SSE2 [`quote_bits32`] in wasm simd128. Every bit is exact.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[inline(always)]
pub(crate) fn quote_bits32(c: &[u8; 32]) -> u32 {
    use core::arch::wasm32::{i8x16_splat, u8x16_bitmask, u8x16_eq, v128, v128_load};
    // SAFETY: as in `special_bits32`: two unaligned 16-byte loads at offsets 0..16 and 16..32 of
    // `c`, a reference to 32 initialised bytes; simd128 is guaranteed by the cfg above.
    let (lo, hi) = unsafe { (v128_load(c.as_ptr().cast::<v128>()), v128_load(c.as_ptr().add(16).cast::<v128>())) };
    let q = i8x16_splat(b'"' as i8);
    u8x16_bitmask(u8x16_eq(lo, q)) as u32 | (u8x16_bitmask(u8x16_eq(hi, q)) as u32) << 16
}

#[cfg(not(any(all(target_arch = "x86_64", target_feature = "sse2"), all(target_arch = "wasm32", target_feature = "simd128"))))]
#[inline(always)]
pub(crate) fn quote_bits32(c: &[u8; 32]) -> u32 {
    quote_bits32_swar(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn special(b: u8) -> bool {
        b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b)
    }

    /// Exact reference: every bit.
    fn reference(c: &[u8; 32]) -> u32 {
        c.iter().enumerate().filter(|(_, &b)| special(b)).fold(0, |m, (i, _)| m | 1 << i)
    }

    fn check(c: [u8; 32]) -> Result<(), TestCaseError> {
        let quotes = c.iter().enumerate().filter(|(_, &b)| b == b'"').fold(0u32, |m, (i, _)| m | 1 << i);
        let (qf, qs) = (quote_bits32(&c), quote_bits32_swar(&c));
        prop_assert_eq!(qf.trailing_zeros(), quotes.trailing_zeros(), "{:?}", c);
        prop_assert_eq!(qs.trailing_zeros(), quotes.trailing_zeros(), "{:?}", c);
        prop_assert_eq!(qs & quotes, quotes);
        #[cfg(any(
            all(target_arch = "x86_64", target_feature = "sse2"),
            all(target_arch = "wasm32", target_feature = "simd128")
        ))]
        prop_assert_eq!(qf, quotes);
        let want = reference(&c);
        let (fast, swar) = (special_bits32(&c), special_bits32_swar(&c));
        prop_assert_eq!(fast.trailing_zeros(), want.trailing_zeros(), "{:?}", c);
        prop_assert_eq!(swar.trailing_zeros(), want.trailing_zeros(), "{:?}", c);
        // Spurious bits only ever sit above a true one.
        prop_assert_eq!(fast & want, want);
        prop_assert_eq!(swar & want, want);
        #[cfg(any(
            all(target_arch = "x86_64", target_feature = "sse2"),
            all(target_arch = "wasm32", target_feature = "simd128")
        ))]
        prop_assert_eq!(fast, want);
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

        #[test]
        fn simd_and_swar_agree_on_any_bytes(c in any::<[u8; 32]>()) {
            check(c)?;
        }

        #[test]
        fn simd_and_swar_agree_near_the_boundaries(c in proptest::collection::vec(
            prop::sample::select(vec![b'a', b'"', b'\\', 0x00, 0x1F, 0x20, 0x21, 0x5B, 0x5D, 0x7F, 0x80, 0xFF, 0xC3]), 32)) {
            let mut a = [0u8; 32];
            a.copy_from_slice(&c);
            check(a)?;
        }
    }

    #[test]
    fn every_byte_value_at_every_position() {
        for pos in 0..32 {
            for b in 0..=255u8 {
                let mut c = [b'a'; 32];
                c[pos] = b;
                check(c).unwrap();
            }
        }
    }
}
