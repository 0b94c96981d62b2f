//! String-level helpers: SWAR scanning, UTF-8 well-formedness, escape decoding, ucs2length.

use crate::SyntaxError;

use crate::simd::{quote_bits32, special_bits32, special_mask};

/// A string (opening quote at `start - 1`) whose closing quote lies within the next 32 bytes
/// with nothing before it that needs attention (escape, control or non-ASCII byte): its length
/// and its content as `hash::words`. Reads one fixed 32-byte window and finds the quote without
/// a loop, so strings of varying length (enum values) cause no branch mispredicts. `None` means
/// "use `scan_string`", never "invalid".
#[cfg(test)]
#[inline(always)]
pub(crate) fn short_plain(src: &[u8], start: usize) -> Option<(usize, [u64; 4])> {
    use crate::hash::{word, LEN_MASKS};
    let c = src.get(start..)?.first_chunk::<32>()?;
    let len = short_plain_len(c)?;
    let m = LEN_MASKS.get(len)?;
    Some((len, [word(c, 0) & m[0], word(c, 1) & m[1], word(c, 2) & m[2], word(c, 3) & m[3]]))
}

/// [`short_plain`] for a caller that then compares the content against names holding no byte
/// that needs attention (`PlainString::Enum`'s names, `plainly_valid`'s shape): the window up to
/// the first quote, which is the closing quote whenever that compare succeeds. `None` and a
/// failed compare both mean "use `scan_string`".
#[inline(always)]
pub(crate) fn short_quoted(src: &[u8], start: usize) -> Option<(usize, [u64; 4])> {
    use crate::hash::{word, LEN_MASKS};
    let c = src.get(start..)?.first_chunk::<32>()?;
    let len = short_quoted_len(c)?;
    let m = LEN_MASKS.get(len)?;
    Some((len, [word(c, 0) & m[0], word(c, 1) & m[1], word(c, 2) & m[2], word(c, 3) & m[3]]))
}

/// [`short_quoted`]'s length alone.
#[inline(always)]
pub(crate) fn short_quoted_len(c: &[u8; 32]) -> Option<usize> {
    let len = quote_bits32(c).trailing_zeros() as usize;
    (len < 32).then_some(len)
}

/// [`short_plain`]'s length alone, for a 32-byte window starting just past the opening quote.
#[inline(always)]
pub(crate) fn short_plain_len(c: &[u8; 32]) -> Option<usize> {
    let len = special_bits32(c).trailing_zeros() as usize;
    (c.get(len) == Some(&b'"')).then_some(len)
}

/// JSON whitespace (RFC 8259: space, tab, line feed, carriage return).
#[inline(always)]
pub(crate) fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// The offset of the first non-whitespace byte at or after `i`.
pub(crate) fn skip_ws(src: &[u8], mut i: usize) -> usize {
    while src.get(i).is_some_and(|&b| is_ws(b)) {
        i += 1;
    }
    i
}

/// A scanned string: content is `src[start..end]` (still escaped), `end` is the closing quote.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Str {
    pub start: usize,
    pub end: usize,
    pub escaped: bool,
    pub non_ascii: bool,
    /// A `\uD800`–`\uDFFF` escape occurs: maybe a lone surrogate (a warning), decided later.
    pub surrogate_escape: bool,
}

/// Scans a string whose opening quote is at `start - 1`. Returns the string and the offset just
/// past the closing quote. Validates escapes, control characters and UTF-8 on the way.
#[inline(always)]
pub(crate) fn scan_string(src: &[u8], start: usize) -> Result<(Str, usize), SyntaxError> {
    let mut i = start;
    let mut escaped = false;
    let mut non_ascii = false;
    let mut surrogate_escape = false;
    loop {
        while let Some(chunk) = src.get(i..).and_then(|s| s.first_chunk::<8>()) {
            let m = special_mask(u64::from_le_bytes(*chunk));
            if m != 0 {
                i += (m.trailing_zeros() / 8) as usize;
                break;
            }
            i += 8;
        }
        let Some(&b) = src.get(i) else {
            return Err(SyntaxError::UnexpectedEnd);
        };
        match b {
            b'"' => {
                return Ok((Str { start, end: i, escaped, non_ascii, surrogate_escape }, i + 1));
            }
            b'\\' => {
                escaped = true;
                surrogate_escape |= src.get(i + 1) == Some(&b'u')
                    && matches!(src.get(i + 2), Some(b'd' | b'D'))
                    && matches!(src.get(i + 3), Some(b'8'..=b'9' | b'a'..=b'f' | b'A'..=b'F'));
                i = check_escape(src, i)?;
            }
            0..=0x1F => return Err(SyntaxError::ControlCharacter { at: i }),
            0x80..=0xFF => {
                non_ascii = true;
                i = utf8_char(src, i)?;
                // Non-ASCII text tends to come in runs; stay on the byte path while it lasts.
                while let Some(&c) = src.get(i) {
                    if c < 0x80 {
                        break;
                    }
                    i = utf8_char(src, i)?;
                }
            }
            _ => i += 1,
        }
    }
}

/// Validates the escape whose backslash is at `i`; returns the offset after it.
#[inline]
fn check_escape(src: &[u8], i: usize) -> Result<usize, SyntaxError> {
    match src.get(i + 1) {
        None => Err(SyntaxError::UnexpectedEnd),
        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => Ok(i + 2),
        Some(b'u') => {
            for k in 2..6 {
                match src.get(i + k) {
                    None => return Err(SyntaxError::UnexpectedEnd),
                    Some(c) if c.is_ascii_hexdigit() => {}
                    Some(_) => return Err(SyntaxError::InvalidEscape { at: i }),
                }
            }
            Ok(i + 6)
        }
        Some(_) => Err(SyntaxError::InvalidEscape { at: i }),
    }
}

/// Validates one non-ASCII UTF-8 scalar starting at `i` (RFC 3629 table: no overlongs, no
/// surrogates, nothing above U+10FFFF). Returns the offset after it.
#[inline]
pub(crate) fn utf8_char(src: &[u8], i: usize) -> Result<usize, SyntaxError> {
    let err = SyntaxError::InvalidUtf8 { at: i };
    let b0 = src.get(i).copied().ok_or(SyntaxError::UnexpectedEnd)?;
    let (len, lo, hi) = match b0 {
        0xC2..=0xDF => (2, 0x80, 0xBF),
        0xE0 => (3, 0xA0, 0xBF),
        0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
        0xED => (3, 0x80, 0x9F),
        0xF0 => (4, 0x90, 0xBF),
        0xF1..=0xF3 => (4, 0x80, 0xBF),
        0xF4 => (4, 0x80, 0x8F),
        _ => return Err(err),
    };
    match src.get(i + 1) {
        Some(&b) if (lo..=hi).contains(&b) => {}
        _ => return Err(err),
    }
    for k in 2..len {
        match src.get(i + k) {
            Some(&b) if b & 0xC0 == 0x80 => {}
            _ => return Err(err),
        }
    }
    Ok(i + len)
}

fn hex(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'f' => (b - b'a' + 10) as u32,
        b'A'..=b'F' => (b - b'A' + 10) as u32,
        _ => 0,
    }
}

/// Iterates the decoded content of an already validated string. Yields Unicode scalars for raw
/// UTF-8 and single escapes, and UTF-16 code units for `\uXXXX` (so an escaped surrogate pair
/// comes out as two items, like the JS string's code units). Never panics, even on garbage.
#[derive(Clone)]
pub(crate) struct Units<'a> {
    src: &'a [u8],
    i: usize,
    end: usize,
}

impl<'a> Units<'a> {
    pub fn new(src: &'a [u8], s: Str) -> Self {
        Units { src, i: s.start, end: s.end }
    }
}

impl Iterator for Units<'_> {
    type Item = u32;
    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.i >= self.end {
            return None;
        }
        let b = *self.src.get(self.i)?;
        if b == b'\\' {
            let e = *self.src.get(self.i + 1)?;
            self.i += 2;
            return Some(match e {
                b'b' => 0x08,
                b'f' => 0x0C,
                b'n' => 0x0A,
                b'r' => 0x0D,
                b't' => 0x09,
                b'u' => {
                    let h = self.src.get(self.i..self.i + 4)?;
                    self.i += 4;
                    h.iter().fold(0, |acc, &c| acc << 4 | hex(c))
                }
                other => other as u32,
            });
        }
        if b < 0x80 {
            self.i += 1;
            return Some(b as u32);
        }
        let (len, init) = match b {
            0xC0..=0xDF => (2, (b & 0x1F) as u32),
            0xE0..=0xEF => (3, (b & 0x0F) as u32),
            _ => (4, (b & 0x07) as u32),
        };
        let mut cp = init;
        for k in 1..len {
            cp = cp << 6 | (*self.src.get(self.i + k)? & 0x3F) as u32;
        }
        self.i += len;
        Some(cp)
    }
}

/// ajv's `ucs2length`: code points of the UTF-16 string, a lone surrogate counting as one.
pub(crate) fn ucs2_length(src: &[u8], s: Str, stop_above: usize) -> usize {
    if !s.escaped {
        let raw = src.get(s.start..s.end).unwrap_or(&[]);
        if !s.non_ascii {
            return raw.len();
        }
        // Every scalar (astral ones are one surrogate pair) counts once: count lead bytes.
        return raw.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    }
    let mut it = Units::new(src, s).peekable();
    let mut n = 0;
    while let Some(u) = it.next() {
        n += 1;
        if n > stop_above {
            break;
        }
        if (0xD800..=0xDBFF).contains(&u) {
            if let Some(&next) = it.peek() {
                if (0xDC00..=0xDFFF).contains(&next) {
                    it.next();
                }
            }
        }
    }
    n
}

/// Decodes a string into `buf` as UTF-8 (escaped surrogate pairs combined, lone surrogates as
/// their 3-byte generalized UTF-8 form, which never equals a valid UTF-8 name). Returns `None`
/// when the decoded text does not fit, i.e. cannot equal any name of at most `buf.len()` bytes.
pub(crate) fn decode_utf8<'b>(src: &[u8], s: Str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if !s.escaped {
        let raw = src.get(s.start..s.end)?;
        let dst = buf.get_mut(..raw.len())?;
        dst.copy_from_slice(raw);
        return Some(dst);
    }
    let mut n = 0;
    let mut it = Units::new(src, s).peekable();
    while let Some(mut u) = it.next() {
        if (0xD800..=0xDBFF).contains(&u) {
            if let Some(&lo) = it.peek() {
                if (0xDC00..=0xDFFF).contains(&lo) {
                    it.next();
                    u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                }
            }
        }
        let mut tmp = [0u8; 4];
        let enc: &[u8] = if u < 0x80 {
            tmp[0] = u as u8;
            &tmp[..1]
        } else if u < 0x800 {
            tmp[0] = 0xC0 | (u >> 6) as u8;
            tmp[1] = 0x80 | (u & 0x3F) as u8;
            &tmp[..2]
        } else if u < 0x10000 {
            tmp[0] = 0xE0 | (u >> 12) as u8;
            tmp[1] = 0x80 | ((u >> 6) & 0x3F) as u8;
            tmp[2] = 0x80 | (u & 0x3F) as u8;
            &tmp[..3]
        } else {
            tmp[0] = 0xF0 | (u >> 18) as u8;
            tmp[1] = 0x80 | ((u >> 12) & 0x3F) as u8;
            tmp[2] = 0x80 | ((u >> 6) & 0x3F) as u8;
            tmp[3] = 0x80 | (u & 0x3F) as u8;
            &tmp[..4]
        };
        buf.get_mut(n..n + enc.len())?.copy_from_slice(enc);
        n += enc.len();
    }
    buf.get(..n)
}

/// Decodes a string to the UTF-16 code units of the JS string (identity of object keys).
pub(crate) fn decode_utf16(src: &[u8], s: Str) -> alloc::vec::Vec<u16> {
    let mut v = alloc::vec::Vec::with_capacity(s.end.saturating_sub(s.start));
    for u in Units::new(src, s) {
        if u >= 0x10000 {
            let c = u - 0x10000;
            v.push(0xD800 | (c >> 10) as u16);
            v.push(0xDC00 | (c & 0x3FF) as u16);
        } else {
            v.push(u as u16);
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Byte at a time, the obvious way.
    fn scan_reference(src: &[u8], start: usize) -> Result<(usize, bool, bool), SyntaxError> {
        let (mut i, mut escaped, mut non_ascii) = (start, false, false);
        loop {
            match *src.get(i).ok_or(SyntaxError::UnexpectedEnd)? {
                b'"' => return Ok((i, escaped, non_ascii)),
                b'\\' => {
                    escaped = true;
                    i = check_escape(src, i)?;
                }
                0..=0x1F => return Err(SyntaxError::ControlCharacter { at: i }),
                0x80..=0xFF => {
                    non_ascii = true;
                    i = utf8_char(src, i)?;
                }
                _ => i += 1,
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

        /// The 8-byte SWAR scan against the reference, with specials placed around every word
        /// boundary.
        #[test]
        fn scan_string_matches_bytewise_reference(bytes in proptest::collection::vec(
            prop::sample::select(b"aaaaaaaaaaaaaaaab\"\\\x00\x1f\x7f\x80\xc3\xa9\xe2\x82\xac ~u0Ab/".to_vec()), 0..120), start in 0usize..4) {
            let start = start.min(bytes.len());
            let got = scan_string(&bytes, start).map(|(s, next)| {
                assert_eq!((s.start, next), (start, s.end + 1));
                (s.end, s.escaped, s.non_ascii)
            });
            prop_assert_eq!(got, scan_reference(&bytes, start));
        }

        /// `short_plain` settles exactly the plain strings shorter than 32 bytes that have a
        /// 32-byte window, and agrees with `scan_string` and `hash::words` on them.
        #[test]
        fn short_plain_agrees_with_scan_string(bytes in proptest::collection::vec(
            prop::sample::select(b"ab\"\\\x00\x1f\x7f\x80\xc3\xa9 ~u0".to_vec()), 0..80), start in 0usize..8) {
            let start = start.min(bytes.len());
            let fast = short_plain(&bytes, start);
            match scan_string(&bytes, start) {
                Ok((s, next)) if !s.escaped && !s.non_ascii && s.end - start < 32 && bytes.len() >= start + 32 => {
                    let len = s.end - start;
                    prop_assert_eq!(next, s.end + 1);
                    prop_assert_eq!(fast, Some((len, crate::hash::words(&bytes, start, len))));
                }
                _ => prop_assert_eq!(fast, None),
            }
        }
    }

    #[test]
    fn mask_finds_first_special() {
        for pos in 0..8 {
            for &b in &[b'"', b'\\', 0u8, 0x1F, 0x80, 0xFF] {
                let mut w = *b"abcdefgh";
                w[pos] = b;
                let m = special_mask(u64::from_le_bytes(w));
                assert_eq!((m.trailing_zeros() / 8) as usize, pos, "byte {b:#x} at {pos}");
            }
        }
        assert_eq!(special_mask(u64::from_le_bytes(*b" ~!#[]}{")), 0);
    }
}
