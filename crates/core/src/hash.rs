//! Perfect hashing of short names (property names, enum values). Shared verbatim by `build.rs`,
//! which searches a seed that maps a name set to distinct slots, and by the engine at run time.

/// Little-endian u64 of `s[off..off + 8]`, zero-padded past the end of `s`.
#[inline(always)]
pub(crate) fn load8(s: &[u8], off: usize) -> u64 {
    if let Some(c) = s.get(off..).and_then(|t| t.first_chunk::<8>()) {
        return u64::from_le_bytes(*c);
    }
    load8_slow(s, off)
}

#[cold]
fn load8_slow(s: &[u8], off: usize) -> u64 {
    let mut v = 0u64;
    for (k, &b) in s.get(off..).unwrap_or(&[]).iter().take(8).enumerate() {
        v |= u64::from(b) << (8 * k);
    }
    v
}

/// The first `min(len, 8)` bytes at `src[start..]` as a zero-padded little-endian u64. Reads 8
/// bytes and masks when the input allows, so short names cost one load.
#[inline(always)]
pub(crate) fn head(src: &[u8], start: usize, len: usize) -> u64 {
    if len >= 8 {
        return load8(src, start);
    }
    let mask = (1u64 << (8 * len)).wrapping_sub(1);
    match src.get(start..).and_then(|t| t.first_chunk::<8>()) {
        Some(c) => u64::from_le_bytes(*c) & mask,
        None => load8_slow(src, start) & mask,
    }
}

/// Mixes length, head, middle and tail: OCPP names share long prefixes and suffixes
/// (`Energy.Active.Import.Register` / `Energy.Active.Export.Register`).
/// `h` must be `head(src, start, len)`.
#[inline(always)]
pub(crate) fn fingerprint_at(src: &[u8], start: usize, len: usize, h: u64) -> u64 {
    let (b, c) = if len < 8 {
        (h, h)
    } else {
        (load8(src, start + len - 8), load8(src, start + len / 2 - 4))
    };
    h ^ b.rotate_left(21) ^ c.rotate_left(42) ^ (len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Used by `build.rs` (which includes this file) to place names.
#[allow(dead_code)]
pub(crate) fn fingerprint(s: &[u8]) -> u64 {
    fingerprint_at(s, 0, s.len(), head(s, 0, s.len()))
}

#[inline(always)]
pub(crate) fn slot(fp: u64, seed: u64, shift: u32) -> usize {
    (fp.wrapping_mul(seed) >> shift) as usize
}

/// Whether `name` equals `src[start..start + len]`, given `h = head(src, start, len)` and
/// `name_head = head(name)`; no libc `memcmp` call for these short strings.
#[inline(always)]
pub(crate) fn name_eq(name: &[u8], name_head: u64, src: &[u8], start: usize, len: usize, h: u64) -> bool {
    if name.len() != len || name_head != h {
        return false;
    }
    let mut i = 8;
    while i < len {
        // Overlapping last word: compares bytes `len - 8..len` once fewer than 8 remain.
        let at = if i + 8 <= len { i } else { len - 8 };
        if load8(name, at) != load8(src, start + at) {
            return false;
        }
        i += 8;
    }
    true
}
