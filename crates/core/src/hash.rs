//! Perfect hashing of short names (property names, enum values). Shared verbatim by `build.rs`,
//! which searches a seed that maps a name set to distinct slots, and by the engine at run time.
//!
//! Names of up to `WIDE` bytes are read as four zero-padded little-endian words with one
//! fixed-size load and a length-indexed mask, so neither hashing nor comparing branches on the
//! length: enum values of varying length in one property (`"W"`, `"Energy.Active.Import.Register"`)
//! otherwise cost a branch mispredict or two per lookup.

/// Longest name the hashed lookup handles; longer name sets fall back to a linear scan.
pub(crate) const WIDE: usize = 32;

const fn len_masks() -> [[u64; 4]; WIDE + 1] {
    let mut t = [[0u64; 4]; WIDE + 1];
    let mut len = 0;
    while len <= WIDE {
        let mut k = 0;
        while k < 4 {
            let n = len.saturating_sub(8 * k);
            t[len][k] = if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
            k += 1;
        }
        len += 1;
    }
    t
}

/// `LEN_MASKS[len][k]` keeps the bytes of word `k` that lie within the first `len` bytes.
pub(crate) static LEN_MASKS: [[u64; 4]; WIDE + 1] = len_masks();

#[inline(always)]
pub(crate) fn word(c: &[u8; WIDE], k: usize) -> u64 {
    let mut w = [0u8; 8];
    if let Some(s) = c.get(8 * k..8 * k + 8) {
        w.copy_from_slice(s);
    }
    u64::from_le_bytes(w)
}

/// `src[start..start + len]` (`len <= WIDE`) as four zero-padded little-endian words.
#[inline(always)]
pub(crate) fn words(src: &[u8], start: usize, len: usize) -> [u64; 4] {
    let Some(m) = LEN_MASKS.get(len) else {
        return [u64::MAX; 4];
    };
    match src.get(start..).and_then(|s| s.first_chunk::<WIDE>()) {
        Some(c) => [word(c, 0) & m[0], word(c, 1) & m[1], word(c, 2) & m[2], word(c, 3) & m[3]],
        None => words_slow(src, start, len),
    }
}

/// Near the end of the input a 32-byte load at `start` would overrun: load the last 32 bytes
/// of the input instead and shift the name down (no byte loop, no `memcpy` call; payloads end
/// with a short enum value or key often enough for this to show on small inputs).
#[inline(never)]
fn words_slow(src: &[u8], start: usize, len: usize) -> [u64; 4] {
    let Some(m) = LEN_MASKS.get(len) else {
        return [u64::MAX; 4];
    };
    let Some(tail) = src.last_chunk::<WIDE>() else {
        return words_tiny(src, start, len);
    };
    let half = |k: usize| u128::from(word(tail, 2 * k)) | u128::from(word(tail, 2 * k + 1)) << 64;
    let (lo, hi) = (half(0), half(1));
    // `start` lies in the last 32 bytes, so `r < 32`.
    let r = 8 * (start + WIDE).saturating_sub(src.len()) as u32;
    let (lo, hi) = if r >= 128 {
        (hi.checked_shr(r - 128).unwrap_or(0), 0)
    } else {
        (lo.checked_shr(r).unwrap_or(0) | hi.checked_shl(128 - r).unwrap_or(0), hi.checked_shr(r).unwrap_or(0))
    };
    [lo as u64 & m[0], (lo >> 64) as u64 & m[1], hi as u64 & m[2], (hi >> 64) as u64 & m[3]]
}

/// Inputs shorter than 32 bytes.
#[cold]
fn words_tiny(src: &[u8], start: usize, len: usize) -> [u64; 4] {
    let mut buf = [0u8; WIDE];
    if let (Some(d), Some(s)) = (buf.get_mut(..len), src.get(start..start + len)) {
        d.copy_from_slice(s);
    }
    [word(&buf, 0), word(&buf, 1), word(&buf, 2), word(&buf, 3)]
}

/// Mixes all four words: OCPP names share long prefixes and suffixes
/// (`Energy.Active.Import.Register` / `Energy.Active.Export.Register`). Two rotations and the
/// length's multiply fewer than a rotation per word: the fingerprint is on the path from a
/// value's bytes to its table entry. The length adds nothing: no name holds a NUL byte, so the
/// zero-padded words already tell names of different lengths apart, and a table whose names
/// collided would get no seed and fall back to the linear scan (the lookup compares the words
/// and the length either way, so the fingerprint never decides a verdict).
#[inline(always)]
pub(crate) fn fingerprint(w: &[u64; 4]) -> u64 {
    (w[0] ^ w[2]) ^ (w[1] ^ w[3]).rotate_left(29)
}

#[inline(always)]
pub(crate) fn slot(fp: u64, seed: u64, shift: u32) -> usize {
    (fp.wrapping_mul(seed) >> shift) as usize
}

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

/// Whether `name` equals `src[start..start + len]` (the linear-scan fallback); no libc `memcmp`
/// call for these short strings.
#[inline]
pub(crate) fn name_eq(name: &[u8], src: &[u8], start: usize, len: usize) -> bool {
    if name.len() != len {
        return false;
    }
    let mut i = 0;
    while i < len {
        // Overlapping last word: compares bytes `len - 8..len` once fewer than 8 remain.
        let at = if i + 8 <= len || len < 8 { i } else { len - 8 };
        let n = (len - at).min(8);
        let mask = if n == 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 };
        if (load8(name, at) ^ load8(src, start + at)) & mask != 0 {
            return false;
        }
        i += 8;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(s: &[u8]) -> [u64; 4] {
        let mut buf = [0u8; WIDE];
        buf[..s.len()].copy_from_slice(s);
        core::array::from_fn(|k| u64::from_le_bytes(buf[8 * k..8 * k + 8].try_into().unwrap()))
    }

    #[test]
    fn words_anywhere_in_the_input() {
        // Every position and length, including the shifted tail load and inputs under 32 bytes.
        for n in [0usize, 1, 7, 31, 32, 33, 40, 64, 71] {
            let src: Vec<u8> = (0..n).map(|i| (i * 37 + 11) as u8 | 1).collect();
            for start in 0..=n {
                for len in 0..=WIDE.min(n - start) {
                    assert_eq!(words(&src, start, len), reference(&src[start..start + len]), "n {n} start {start} len {len}");
                }
            }
        }
    }

    #[test]
    fn name_eq_matches_slice_equality() {
        let src = b"xxEnergy.Active.Import.Registerxx";
        for name in ["", "E", "Energy.A", "Energy.Ac", "Energy.Active.Import.Register", "Energy.Active.Import.Registe"] {
            for start in 0..src.len() {
                for len in 0..=src.len() - start {
                    assert_eq!(name_eq(name.as_bytes(), src, start, len), name.as_bytes() == &src[start..start + len]);
                }
            }
        }
    }
}
