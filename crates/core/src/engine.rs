//! The table-driven single-pass validator.
//!
//! Recursion follows the *schema* (depth bounded at build time by `MAX_SCHEMA_DEPTH`), never the
//! input: any value the schema says nothing more about is skipped by `skip_value`, which keeps
//! its nesting in a bit stack and so handles any depth in O(1) stack space.
//!
//! `C` selects the mode: `false` only computes the verdict (no allocation), `true` also collects
//! ajv's allErrors issues with their instance paths.

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use core::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::datetime::{diagnose, is_date_time, is_date_time_ascii, plainly_valid};
use crate::decimal::is_multiple;
use crate::display::{show, show_string, suggestion, Shown};
use crate::hash::words;
use crate::schema::schemas::{HINT_WORDS, MAX_NAME_LEN, MAX_PROPERTIES, PRED_SLOTS};
use crate::schema::{Format, JsonType, Node, PlainNumber, PlainString, Property, Schema, ANY};
use crate::simd::{quote_bits32, special_bits32};
use crate::text::{
    decode_utf16, decode_utf8, is_ws, scan_string, short_plain_len, short_quoted, short_quoted_len, skip_ws, ucs2_length,
    utf8_char, Str, Units,
};
use crate::uri::is_uri;
use crate::{Issue, Keyword, SyntaxError, Tolerance, Tolerances};

/// The values the errata tolerance adds to OCPP 1.6's UnitOfMeasure (SEMANTICS.md, Tolerances).
const ERRATA_UNITS: [&[u8]; 2] = [b"Celsius", b"Hertz"];

/// Syntax errors are stored in the parser and signalled by this zero-sized error, so every
/// `Result` on the hot path fits in registers.
pub(crate) struct Stop;
type R<T> = Result<T, Stop>;

pub(crate) struct Parser<'a, const C: bool> {
    src: &'a [u8],
    /// Where the input ends: `src.len()`, or less when `src` is a copy with padding behind it
    /// (see [`Parser::padded`]).
    end: usize,
    pos: usize,
    pub issues: Vec<Issue>,
    path: String,
    pub error: Option<SyntaxError>,
    /// Key prediction: slot `node.pred_base` holds the property the last object of that node
    /// started with, slot `node.pred_base + 1 + i` the property that last followed property `i`.
    /// Payloads repeat one key order (their serialiser's), so most keys are confirmed by
    /// `FastKey::matches` alone. A wrong or stale guess only costs the general path; the verdict
    /// never depends on it (see the tests).
    pred: [u8; PRED_SLOTS],
    /// Whether `pred` learned something this parse that `LEARNED` does not know yet.
    pred_changed: bool,
    /// Where `pred` came from in `LEARNED` (shard, word offset, word count); word count 0 = nowhere.
    hints: (usize, usize, usize),
    /// C mode: the deviations the caller accepts; their issues are marked `tolerated_by`.
    tolerate: Tolerances,
    /// Something was seen that may be a warning (a repeated key, a 16+ digit integer, a surrogate
    /// escape): `warnings::scan` decides. Set in both modes, so the verdict pass can tell.
    pub suspect: bool,
}

/// Key-order hints carried from one parse to the next, so that even a lone small object (whose
/// keys the per-parse table would only see once) hits. Relaxed atomics, eight hints per word so
/// that copying the table costs a few loads: any value, including a torn mix of two threads'
/// orders, is a valid hint, and steady traffic in one key order only reads this table.
/// Each schema owns `hint_words` words from `hint_word` on (its slots are numbered from 0).
///
/// One table per shard, and a thread mostly keeps to its own shard (`shard`): on traffic that
/// mixes key orders a parse publishes often, and two cores writing one table bounced its cache
/// lines between them (2 threads on the 100 MB log of bench/scaling.mjs: 1.5x the speed of one
/// instead of 1.9x).
static LEARNED: [[AtomicU64; HINT_WORDS]; HINT_SHARDS] = [const { [const { AtomicU64::new(0) }; HINT_WORDS] }; HINT_SHARDS];
const HINT_SHARDS: usize = 8;

/// The calling thread's shard of `LEARNED`, told by where its stack is: threads' stacks lie
/// megabytes apart, and one thread's parses stay within a few kilobytes of one another, so a
/// thread keeps its shard (and what it learned) while other threads mostly get others. No
/// thread id in `no_std`; a collision only shares a table, as all threads did before.
#[inline(always)]
fn shard() -> usize {
    let here = 0u8;
    let stack = core::ptr::addr_of!(here) as usize as u64;
    ((stack >> 20).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 61) as usize
}

/// Nesting of a skipped value, one bit per level (1 = object). The first 4096 levels live inline;
/// deeper input spills to the heap.
struct BitStack {
    inline: [u64; 64],
    heap: Vec<u64>,
    depth: usize,
}

impl BitStack {
    fn new() -> Self {
        BitStack { inline: [0; 64], heap: Vec::new(), depth: 0 }
    }
    #[inline]
    fn push(&mut self, object: bool) {
        let word = self.depth / 64;
        let bit = 1u64 << (self.depth % 64);
        let slot = match self.inline.get_mut(word) {
            Some(s) => s,
            None => {
                let w = word - 64;
                if self.heap.len() <= w {
                    self.heap.push(0);
                }
                match self.heap.get_mut(w) {
                    Some(s) => s,
                    None => return,
                }
            }
        };
        if object {
            *slot |= bit;
        } else {
            *slot &= !bit;
        }
        self.depth += 1;
    }
    /// Whether the innermost open container is an object.
    #[inline]
    fn top_is_object(&self) -> bool {
        let d = self.depth.wrapping_sub(1);
        let word = d / 64;
        let w = match self.inline.get(word) {
            Some(w) => *w,
            None => self.heap.get(word - 64).copied().unwrap_or(0),
        };
        w & (1u64 << (d % 64)) != 0
    }
}

/// The end of the run of ASCII digits starting at `i`. Eight bytes per step: ids, meter readings
/// and fractions run to 7-10 digits, which cost a compare and a branch each byte by byte.
#[inline(always)]
fn digit_run(src: &[u8], mut i: usize) -> usize {
    const LO: u64 = 0x0F0F_0F0F_0F0F_0F0F;
    const HI: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    while let Some(c) = src.get(i..).and_then(|s| s.first_chunk::<8>()) {
        let x = u64::from_le_bytes(*c) ^ 0x3030_3030_3030_3030;
        // Non-zero exactly in the bytes that are not digits (only low nibbles are added to, so no
        // carry crosses a byte).
        let not_digit = x & HI | ((x & LO) + 0x0606_0606_0606_0606) & HI;
        if not_digit != 0 {
            return i + (not_digit.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(b'0'..=b'9') = src.get(i) {
        i += 1;
    }
    i
}

enum NumClass {
    Integer,
    Fraction,
    Infinite,
}

/// The double `JSON.parse` gives for a scanned number literal, if finite. A literal of at most 15
/// integer digits and no fraction or exponent is exact as an integer; anything else takes the
/// correctly rounded parse.
fn number_value(literal: &[u8], simple: bool, digits: usize) -> Option<f64> {
    if simple && digits <= 15 {
        let (negative, body) = match literal.split_first() {
            Some((b'-', rest)) => (true, rest),
            _ => (false, literal),
        };
        let n = body.iter().fold(0u64, |n, &b| n * 10 + u64::from(b.wrapping_sub(b'0')));
        let v = n as f64;
        return Some(if negative { -v } else { v });
    }
    core::str::from_utf8(literal).ok()?.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The value of a key that is an array index (the canonical decimal form of 0 … 2^32−2), which
/// JavaScript lists before every other own key.
fn array_index(key: &[u16]) -> Option<u64> {
    if key.is_empty() || key.len() > 10 || (key.len() > 1 && key.first() == Some(&u16::from(b'0'))) {
        return None;
    }
    let mut n = 0u64;
    for &u in key {
        let d = u.checked_sub(u16::from(b'0')).filter(|d| *d <= 9)?;
        n = n * 10 + u64::from(d);
    }
    (n <= 4_294_967_294).then_some(n)
}

impl<'a, const C: bool> Parser<'a, C> {
    pub fn new(src: &'a [u8]) -> Self {
        Parser {
            src,
            end: src.len(),
            pos: 0,
            issues: Vec::new(),
            path: String::new(),
            error: None,
            pred: [0; PRED_SLOTS],
            pred_changed: false,
            hints: (0, 0, 0),
            tolerate: Tolerances::STRICT,
            suspect: false,
        }
    }

    /// A parser of `buf[..len]` that may read the zero bytes after it. Every window, key
    /// compare and digit run then has its full width wherever a short input ends, instead of
    /// taking the end-of-input path for its last bytes. A zero byte is valid nowhere in JSON
    /// text (not whitespace, not in a token, a control character in a string), so the parser
    /// never consumes one and stops at `len` exactly where it would at the real end; only the
    /// kind and offset of a syntax error there differ, so verdict-only callers use this.
    pub fn padded(buf: &'a [u8], len: usize) -> Self {
        Parser { end: len.min(buf.len()), ..Parser::new(buf) }
    }

    pub fn tolerating(self, tolerate: Tolerances) -> Self {
        Parser { tolerate, ..self }
    }

    /// `scan_string` at `start` (just past the quote), noting a possible lone surrogate.
    #[inline(always)]
    fn string(&mut self, start: usize) -> R<(Str, usize)> {
        let (s, next) = scan_string(self.src, start).map_err(|e| self.fail(e))?;
        self.suspect |= s.surrogate_escape;
        Ok((s, next))
    }

    /// [`run`](Self::run) against a compiled schema, starting from the key order its last parses
    /// learned.
    pub fn run_schema(&mut self, schema: &'static Schema) -> Result<bool, SyntaxError> {
        let (shard, word, words) = (shard(), schema.hint_word as usize, schema.hint_words as usize);
        if let Some(learned) = LEARNED.get(shard).and_then(|table| table.get(word..word + words)) {
            for (p, l) in self.pred.chunks_exact_mut(8).zip(learned) {
                p.copy_from_slice(&l.load(Relaxed).to_le_bytes());
            }
            self.hints = (shard, word, words);
        }
        self.run(schema.root)
    }

    #[cfg(test)]
    fn with_pred(src: &'a [u8], pred: [u8; PRED_SLOTS]) -> Self {
        Parser { pred, ..Parser::new(src) }
    }

    /// Validates the whole input against `root`: `Ok(valid)` or the syntax error.
    pub fn run(&mut self, root: &'static Node) -> Result<bool, SyntaxError> {
        let r = self.run_inner(root).map_err(|Stop| self.error.unwrap_or(SyntaxError::UnexpectedEnd));
        if self.pred_changed {
            self.publish_pred();
        }
        r
    }

    #[cold]
    fn publish_pred(&self) {
        let (shard, word, words) = self.hints;
        let Some(learned) = LEARNED.get(shard).and_then(|table| table.get(word..word + words)) else {
            return;
        };
        for (l, p) in learned.iter().zip(self.pred.chunks_exact(8)) {
            let mut w = [0; 8];
            w.copy_from_slice(p);
            l.store(u64::from_le_bytes(w), Relaxed);
        }
    }

    fn run_inner(&mut self, root: &'static Node) -> R<bool> {
        if self.src.starts_with(&[0xEF, 0xBB, 0xBF]) {
            return Err(self.fail(SyntaxError::ByteOrderMark));
        }
        self.skip_ws();
        let ok = self.value(root)?;
        self.skip_ws();
        match self.src.get(self.pos) {
            Some(&b) if self.pos < self.end => Err(self.fail_unexpected(self.pos, b)),
            _ => Ok(ok),
        }
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.src.get(self.pos) {
            if !is_ws(b) {
                break;
            }
            self.pos += 1;
        }
    }

    /// An unexpected byte; a stray non-ASCII byte is reported as UTF-8 when it is not UTF-8.
    #[cold]
    #[inline(never)]
    fn fail(&mut self, e: SyntaxError) -> Stop {
        self.error = Some(e);
        Stop
    }

    #[cold]
    #[inline(never)]
    fn fail_unexpected(&mut self, at: usize, byte: u8) -> Stop {
        let e = self.unexpected(at, byte);
        self.fail(e)
    }

    fn unexpected(&self, at: usize, byte: u8) -> SyntaxError {
        if byte >= 0x80 && utf8_char(self.src, at).is_err() {
            return SyntaxError::InvalidUtf8 { at };
        }
        SyntaxError::UnexpectedByte { at, byte }
    }

    #[inline(always)]
    fn expect(&mut self, want: u8) -> R<()> {
        match self.src.get(self.pos) {
            Some(&b) if b == want => {
                self.pos += 1;
                Ok(())
            }
            Some(&b) => Err(self.fail_unexpected(self.pos, b)),
            None => Err(self.fail(SyntaxError::UnexpectedEnd)),
        }
    }

    /// `tolerance`: the one that would accept this deviation (it is marked when the caller
    /// asked for it).
    #[cold]
    fn issue(&mut self, keyword: Keyword, message: String, tolerance: Option<Tolerance>) {
        if C {
            let tolerated_by = tolerance.filter(|&t| self.tolerate.contains(t));
            self.issues.push(Issue { instance_path: self.path.clone(), keyword, message, tolerated_by });
        }
    }

    #[cold]
    fn type_issue(&mut self, ty: JsonType, got: &Shown, tolerance: Option<Tolerance>) {
        if C {
            let mut message = format!("must be {}, got ", ty.as_str());
            show(&mut message, got);
            self.issue(Keyword::Type, message, tolerance);
        }
    }

    /// `value`: the string's code units when it is one (for "did you mean").
    #[cold]
    fn enum_issue(&mut self, node: &'static Node, got: &Shown, tolerance: Option<Tolerance>) {
        if C {
            let allowed = node.enum_values.unwrap_or(&[]);
            let mut message = String::new();
            show(&mut message, got);
            let _ =
                core::fmt::Write::write_fmt(&mut message, format_args!(" is not one of the {} allowed values", allowed.len()));
            if let Shown::String(units) = got {
                if let Some(near) = suggestion(units, allowed) {
                    message.push_str("; did you mean ");
                    let near: Vec<u16> = near.encode_utf16().collect();
                    show_string(&mut message, &near);
                    message.push('?');
                }
            }
            self.issue(Keyword::Enum, message, tolerance);
        }
    }

    /// Type and enum checks for a non-string value (enum values are all strings), in ajv's order:
    /// the type-less `enum` goes first only where the type has keywords of its own.
    #[inline]
    fn non_string_checks(&mut self, node: &'static Node, got: Shown, type_ok: bool, type_tolerance: Option<Tolerance>) -> bool {
        let type_bad = node.ty.is_some() && !type_ok;
        let enum_bad = node.enum_values.is_some();
        if !type_bad && !enum_bad {
            return true;
        }
        if C {
            let enum_first = enum_bad && (node.max_length.is_some() || node.format.is_some());
            if enum_first {
                self.enum_issue(node, &got, None);
            }
            if let (true, Some(ty)) = (type_bad, node.ty) {
                self.type_issue(ty, &got, type_tolerance);
            }
            if enum_bad && !enum_first {
                self.enum_issue(node, &got, None);
            }
        }
        false
    }

    /// Validates the value at `pos` against `node`; `Ok(false)` = schema issues (collected in C mode).
    fn value(&mut self, node: &'static Node) -> R<bool> {
        let Some(&b) = self.src.get(self.pos) else {
            return Err(self.fail(SyntaxError::UnexpectedEnd));
        };
        match b {
            b'"' => {
                let (s, next) = self.string(self.pos + 1)?;
                self.pos = next;
                Ok(self.string_checks(node, s))
            }
            b'{' => {
                let type_ok = matches!(node.ty, None | Some(JsonType::Object));
                let mut ok = self.non_string_checks(node, Shown::Object, type_ok, None);
                if node.object_keywords {
                    self.pos += 1;
                    ok &= self.object(node)?;
                } else {
                    self.skip_value()?;
                }
                Ok(ok)
            }
            b'[' => {
                let type_ok = matches!(node.ty, None | Some(JsonType::Array));
                let mut ok = self.non_string_checks(node, Shown::Array, type_ok, None);
                if node.items.is_some() || node.min_items.is_some() || node.max_items.is_some() {
                    self.pos += 1;
                    ok &= self.array(node)?;
                } else {
                    self.skip_value()?;
                }
                Ok(ok)
            }
            b'-' | b'0'..=b'9' => {
                let (start, simple, digits) = self.scan_number()?;
                let src = self.src;
                let literal = src.get(start..self.pos).unwrap_or(&[]);
                let mut fractional = false;
                let type_ok = match node.ty {
                    None => true,
                    Some(JsonType::Integer) => match self.classify(start, simple, digits) {
                        NumClass::Integer => true,
                        NumClass::Fraction => {
                            fractional = true;
                            false
                        }
                        NumClass::Infinite => false,
                    },
                    // Without an exponent a literal below 10^308 is finite: no need to parse it.
                    Some(JsonType::Number) if digits <= 308 && !literal.iter().any(|&b| b | 0x20 == b'e') => true,
                    Some(JsonType::Number) => !matches!(self.classify(start, simple, digits), NumClass::Infinite),
                    Some(_) => false,
                };
                let tolerance = fractional.then_some(Tolerance::FractionalIntegers);
                let mut ok = self.non_string_checks(node, Shown::Number(literal), type_ok, tolerance);
                if node.minimum.is_some() || node.maximum.is_some() {
                    ok &= self.bounds(node, literal, simple, digits);
                }
                if let Some(m) = node.multiple_of {
                    if !is_multiple(literal, m) {
                        if C {
                            let mut message = String::new();
                            show(&mut message, &Shown::Number(literal));
                            message.push_str(" is not a multiple of ");
                            message.push_str(m.text);
                            self.issue(Keyword::MultipleOf, message, None);
                        }
                        ok = false;
                    }
                }
                Ok(ok)
            }
            b't' | b'f' | b'n' => {
                let (lit, ty, shown): (&[u8], _, _) = match b {
                    b't' => (b"true", JsonType::Boolean, Shown::Bool(true)),
                    b'f' => (b"false", JsonType::Boolean, Shown::Bool(false)),
                    _ => (b"null", JsonType::Null, Shown::Null),
                };
                self.literal(lit)?;
                let type_ok = node.ty.is_none() || node.ty == Some(ty);
                Ok(self.non_string_checks(node, shown, type_ok, None))
            }
            _ => Err(self.fail_unexpected(self.pos, b)),
        }
    }

    /// A number at a node whose type is its only check: settled here when plainly valid (an
    /// integer literal of at most 308 digits; for `number`, any literal without an exponent below
    /// 10^308), else read again by the general path, which decides and reports.
    #[inline(always)]
    fn plain_number(&mut self, node: &'static Node) -> R<bool> {
        let (start, simple, digits) = self.scan_number()?;
        let plainly_valid = digits <= 308
            && match node.plain_number {
                PlainNumber::Integer => simple,
                _ => simple || !self.src.get(start..self.pos).unwrap_or(&[]).iter().any(|&b| b | 0x20 == b'e'),
            };
        if plainly_valid {
            return Ok(true);
        }
        self.pos = start;
        self.value(node)
    }

    /// `maximum` then `minimum` (ajv's order), which ajv applies to any finite number whatever the
    /// `type` says, comparing the double `JSON.parse` gives.
    fn bounds(&mut self, node: &'static Node, literal: &[u8], simple: bool, digits: usize) -> bool {
        let Some(x) = number_value(literal, simple, digits) else {
            return true;
        };
        let mut ok = true;
        for (bound, keyword, words) in [
            (node.maximum.filter(|m| x > m.value), Keyword::Maximum, " is more than the maximum "),
            (node.minimum.filter(|m| x < m.value), Keyword::Minimum, " is less than the minimum "),
        ] {
            if let Some(m) = bound {
                ok = false;
                if C {
                    let mut message = String::new();
                    show(&mut message, &Shown::Number(literal));
                    message.push_str(words);
                    message.push_str(m.text);
                    self.issue(keyword, message, None);
                }
            }
        }
        ok
    }

    #[inline]
    fn literal(&mut self, lit: &[u8]) -> R<()> {
        for (k, &want) in lit.iter().enumerate() {
            match self.src.get(self.pos + k) {
                Some(&b) if b == want => {}
                Some(&b) => return Err(self.fail_unexpected(self.pos + k, b)),
                None => return Err(self.fail(SyntaxError::UnexpectedEnd)),
            }
        }
        self.pos += lit.len();
        Ok(())
    }

    /// Scans a JSON number at `pos`. Returns (start, plain-integer syntax?, integer digit count).
    #[inline(always)]
    fn scan_number(&mut self) -> R<(usize, bool, usize)> {
        let src = self.src;
        let start = self.pos;
        let mut i = start;
        if src.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        match src.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => i = digit_run(src, i + 1),
            Some(_) => return Err(self.fail(SyntaxError::InvalidNumber { at: i })),
            None => return Err(self.fail(SyntaxError::UnexpectedEnd)),
        }
        let digits = i - int_start;
        // Number.MAX_SAFE_INTEGER has 16 digits: only such a literal can be an unsafe integer.
        self.suspect |= digits >= 16;
        let mut simple = true;
        if src.get(i) == Some(&b'.') {
            i += 1;
            i = self.digits1(i)?;
            simple = false;
        }
        if let Some(b'e' | b'E') = src.get(i) {
            i += 1;
            if let Some(b'+' | b'-') = src.get(i) {
                i += 1;
            }
            i = self.digits1(i)?;
            simple = false;
        }
        self.pos = i;
        Ok((start, simple, digits))
    }

    #[inline]
    fn digits1(&mut self, i: usize) -> R<usize> {
        let src = self.src;
        match src.get(i) {
            Some(b'0'..=b'9') => Ok(digit_run(src, i + 1)),
            Some(_) => Err(self.fail(SyntaxError::InvalidNumber { at: i })),
            None => Err(self.fail(SyntaxError::UnexpectedEnd)),
        }
    }

    /// Classifies the number just scanned (`start..pos`) by its JavaScript (double) value.
    fn classify(&self, start: usize, simple: bool, digits: usize) -> NumClass {
        // Below 10^308 < f64::MAX, a digits-only literal is always a finite integer.
        if simple && digits <= 308 {
            return NumClass::Integer;
        }
        let v = self
            .src
            .get(start..self.pos)
            .and_then(|t| core::str::from_utf8(t).ok())
            .and_then(|t| t.parse::<f64>().ok())
            .unwrap_or(f64::NAN);
        if !v.is_finite() {
            NumClass::Infinite
        } else if v.abs() >= 4_503_599_627_370_496.0 || (v as i64) as f64 == v {
            NumClass::Integer
        } else {
            NumClass::Fraction
        }
    }

    /// Type, enum, maxLength and format for a string value.
    #[inline(always)]
    fn string_checks(&mut self, node: &'static Node, s: Str) -> bool {
        let mut ok = true;
        if let Some(ty) = node.ty {
            if ty != JsonType::String {
                if C {
                    let units = decode_utf16(self.src, s);
                    self.type_issue(ty, &Shown::String(&units), None);
                }
                ok = false;
            }
        }
        if let Some(values) = node.enum_values {
            let found = if !s.escaped {
                node.enum_hash.find(values, |v| v, self.src, s.start, s.end - s.start).is_some()
            } else {
                let mut buf = [0u8; MAX_NAME_LEN];
                match decode_utf8(self.src, s, &mut buf) {
                    Some(text) => node.enum_hash.find(values, |v| v, text, 0, text.len()).is_some(),
                    None => false,
                }
            };
            if !found {
                if C {
                    self.string_enum_issue(node, s);
                }
                ok = false;
            }
        }
        if let Some(max) = node.max_length {
            let max = max as usize;
            if s.end - s.start > max && ucs2_length(self.src, s, max) > max {
                if C {
                    let n = ucs2_length(self.src, s, usize::MAX);
                    self.issue(
                        Keyword::MaxLength,
                        format!("has {n} characters, more than the {max} allowed"),
                        Some(Tolerance::OverlongStrings),
                    );
                }
                ok = false;
            }
        }
        match node.format {
            None => {}
            Some(Format::DateTime) => {
                let valid = if s.escaped || s.non_ascii {
                    is_date_time(Units::new(self.src, s))
                } else {
                    is_date_time_ascii(self.src.get(s.start..s.end).unwrap_or(&[]))
                };
                if !valid {
                    if C {
                        self.date_time_issue(s);
                    }
                    ok = false;
                }
            }
            Some(Format::Uri) if !self.string_is_uri(s) => {
                if C {
                    let mut message = String::new();
                    show_string(&mut message, &decode_utf16(self.src, s));
                    message.push_str(" is not a URI (RFC 3986, with a scheme such as https:)");
                    self.issue(Keyword::Format, message, None);
                }
                ok = false;
            }
            Some(Format::Uri) => {}
        }
        ok
    }

    #[cold]
    fn string_enum_issue(&mut self, node: &'static Node, s: Str) {
        let units = decode_utf16(self.src, s);
        let errata = node.unit_of_measure
            && ERRATA_UNITS
                .iter()
                .any(|v| v.len() == units.len() && v.iter().zip(&units).all(|(&a, &b)| u16::from(a) == b));
        self.enum_issue(node, &Shown::String(&units), errata.then_some(Tolerance::Errata));
    }

    #[cold]
    fn date_time_issue(&mut self, s: Str) {
        let cps: Vec<u32> = Units::new(self.src, s).collect();
        let mut message = String::new();
        show_string(&mut message, &decode_utf16(self.src, s));
        message.push_str(" is not a date-time: ");
        diagnose(&cps, &mut message);
        let offsetless = is_date_time(cps.iter().copied().chain([u32::from(b'Z')]));
        self.issue(Keyword::Format, message, offsetless.then_some(Tolerance::OffsetlessTimestamps));
    }

    /// The uri grammar is ASCII only, so any non-ASCII character (raw or escaped) already fails
    /// it; only escaped ASCII needs decoding, which is rare enough to allocate for.
    fn string_is_uri(&self, s: Str) -> bool {
        if s.non_ascii {
            return false;
        }
        if !s.escaped {
            return is_uri(self.src.get(s.start..s.end).unwrap_or(&[]));
        }
        let units = decode_utf16(self.src, s);
        if units.iter().any(|&u| u >= 0x80) {
            return false;
        }
        let bytes: Vec<u8> = units.iter().map(|&u| u as u8).collect();
        is_uri(&bytes)
    }

    /// The length of the string at `start` (just past its opening quote) when it is plain and
    /// short and `node.plain`'s check proves it valid, with no issue to report. `None` sends the
    /// caller down the general path, which decides everything else.
    #[inline(always)]
    fn plain_hit(&self, node: &'static Node, start: usize) -> Option<usize> {
        let src = self.src;
        let window = || src.get(start..).and_then(|s| s.first_chunk::<32>());
        match node.plain {
            PlainString::General => None,
            PlainString::Any => match window() {
                Some(c) => short_plain_len(c),
                None => self.tail_len(start, special_bits32),
            },
            // Neither an enum name nor the date-time shape holds a quote, backslash, control or
            // non-ASCII byte, so a match up to the first quote is a plain string ending there.
            PlainString::Enum => {
                // The hashed lookup reads the value once and compares it with one entry; it
                // costs less than guessing "the same value again" (tried: a per-property guess
                // that had to be right seven times in eight to be tried at all) did on average.
                let (len, w) = match short_quoted(src, start) {
                    Some(hit) => hit,
                    None if window().is_none() => {
                        let len = self.tail_len(start, quote_bits32)?;
                        (len, words(src, start, len))
                    }
                    None => return None,
                };
                node.enum_hash.find_slot(&w, len)?;
                Some(len)
            }
            PlainString::MaxLength => {
                let len = match window() {
                    Some(c) => short_plain_len(c)?,
                    None => self.tail_len(start, special_bits32)?,
                };
                (len <= node.max_length? as usize).then_some(len)
            }
            PlainString::DateTime => {
                let len = match window() {
                    Some(c) => short_quoted_len(c)?,
                    None => self.tail_len(start, quote_bits32)?,
                };
                plainly_valid(self.src.get(start..start + len)?).then_some(len)
            }
        }
    }

    /// `plain_hit`'s window where fewer than 32 bytes follow `start` (the last values of every
    /// payload): the input's last 32 bytes, shifted so that bit 0 is `start`. The closing quote is
    /// checked here, since a shifted SWAR mask's lowest bit may be a spurious one.
    #[inline(never)]
    fn tail_len(&self, start: usize, bits: fn(&[u8; 32]) -> u32) -> Option<usize> {
        let off = start.checked_sub(self.src.len().checked_sub(32)?)?;
        let len = bits(self.src.last_chunk::<32>()?).checked_shr(u32::try_from(off).ok()?)?.trailing_zeros() as usize;
        (len < 32 && self.src.get(start + len) == Some(&b'"')).then_some(len)
    }

    /// Finds the declared property a key names (after decoding escapes).
    #[inline]
    fn lookup(&self, node: &'static Node, key: Str) -> Option<(usize, &'static Property)> {
        let props = node.properties;
        let i = if !key.escaped {
            node.prop_hash.find(props, |p| p.name, self.src, key.start, key.end - key.start)?
        } else {
            let mut buf = [0u8; MAX_NAME_LEN];
            let text = decode_utf8(self.src, key, &mut buf)?;
            node.prop_hash.find(props, |p| p.name, text, 0, text.len())?
        };
        Some((i, props.get(i)?))
    }

    /// The key at `pos` (its opening quote): the predicted `guess` confirmed with one compare
    /// that consumes `"name":`, else the general path. `first` (a constant at each call) picks
    /// the object's first key's compare, placed apart (`FastKey::matches_first`).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn key_at(
        &mut self,
        node: &'static Node,
        slot: usize,
        guess: usize,
        first: bool,
        pos: &mut usize,
        unknown: &mut usize,
        unknown_keys: &mut Option<BTreeMap<Vec<u16>, usize>>,
    ) -> R<Option<(usize, &'static Property)>> {
        if let Some(p) = node.properties.get(guess) {
            let hit = if first { p.key.matches_first(self.src, *pos) } else { p.key.matches(self.src, *pos) };
            if hit {
                *pos += p.key.len as usize;
                return Ok(Some((guess, p)));
            }
        }
        let (found, next) = self.general_key(node, slot, *pos, unknown, unknown_keys)?;
        *pos = next;
        Ok(found)
    }

    /// A key the prediction at `slot` did not match: scanned and looked up, the prediction
    /// updated to it, and counted (in C mode also recorded) when the schema does not declare it.
    /// Out of line, so the object loop keeps its registers for the predicted path.
    #[inline(never)]
    fn general_key(
        &mut self,
        node: &'static Node,
        slot: usize,
        pos: usize,
        unknown: &mut usize,
        unknown_keys: &mut Option<BTreeMap<Vec<u16>, usize>>,
    ) -> R<(Option<(usize, &'static Property)>, usize)> {
        self.pos = pos;
        self.expect(b'"')?;
        let (key, next) = self.string(self.pos)?;
        self.pos = next;
        let found = self.lookup(node, key);
        match found {
            Some((i, _)) => {
                // Near the end of a long input the key compare cannot read its full width and
                // lands here with the right guess: no news.
                if let Some(g) = self.pred.get_mut(slot).filter(|g| **g != i as u8) {
                    *g = i as u8;
                    self.pred_changed = true;
                }
            }
            None => {
                *unknown += 1;
                // Two keys nobody checks may be one key twice.
                self.suspect |= *unknown > 1;
                if C && !node.additional_properties {
                    let ordinal = *unknown;
                    unknown_keys.get_or_insert_with(BTreeMap::new).entry(decode_utf16(self.src, key)).or_insert(ordinal);
                }
            }
        }
        if self.src.get(self.pos) == Some(&b':') {
            self.pos += 1;
        } else {
            self.skip_ws();
            self.expect(b':')?;
        }
        Ok((found, self.pos))
    }

    /// An object validated against `node`'s object keywords; `pos` is just past `{`.
    fn object(&mut self, node: &'static Node) -> R<bool> {
        let props = node.properties;
        let mut seen = 0u64;
        let mut bad = 0u64;
        // Properties seen more than once (a repeated key: maybe a warning). Folded into `suspect`
        // once per object: a read-modify-write of `self.suspect` per key cost more.
        let mut repeated = 0u64;
        let mut unknown = 0usize;
        // C mode: where each property's last occurrence put its issues, and the distinct unknown
        // keys with the ordinal of their first occurrence. A repeated key's earlier issues are
        // withdrawn (JSON.parse keeps the last value).
        let region = self.issues.len();
        let mut ranges = [(0usize, 0usize); MAX_PROPERTIES];
        let mut unknown_keys: Option<BTreeMap<Vec<u16>, usize>> = None;

        self.skip_ws();
        if self.src.get(self.pos) == Some(&b'}') {
            self.pos += 1;
        } else {
            let base = node.pred_base as usize;
            let mut slot = base;
            // The loop's position lives in a local, not in `self.pos`: through `self` every
            // advance was a store and the next read a load of it, a store-to-load round trip on
            // the one dependency chain that runs through the whole input. `self.pos` is written
            // before, and read back after, each call that uses it.
            let src = self.src;
            let mut pos = self.pos;
            let guess = self.pred.get(slot).map_or(0, |&g| g as usize);
            let mut found = self.key_at(node, slot, guess, true, &mut pos, &mut unknown, &mut unknown_keys)?;
            // Shaped as "value, then the next key", so the key a value's end already matched
            // (with its comma) goes straight to its value: carried to the loop's top instead, it
            // was one more test per key, and V8 kept more of the loop's state on the stack (wasm
            // 6-9% slower on StopTransaction and TransactionEvent).
            loop {
                pos = skip_ws(src, pos);
                match found {
                    Some((i, prop)) => {
                        slot = base + 1 + i;
                        let bit = 1u64 << i;
                        repeated |= seen & bit;
                        let path_len = self.path.len();
                        if C {
                            self.path.push_str(prop.path_segment);
                        }
                        let mut start = self.issues.len();
                        // Most property values are strings: keep that path inline.
                        let ok = if src.get(pos) == Some(&b'"') {
                            if let Some(len) = self.plain_hit(prop.node, pos + 1) {
                                pos += len + 2;
                                true
                            } else {
                                let (s, next) = self.string(pos + 1)?;
                                pos = next;
                                self.string_checks(prop.node, s)
                            }
                        } else {
                            self.pos = pos;
                            let ok = if prop.node.plain_number != PlainNumber::No
                                && matches!(src.get(pos), Some(b'-' | b'0'..=b'9'))
                            {
                                self.plain_number(prop.node)?
                            } else {
                                self.value(prop.node)?
                            };
                            pos = self.pos;
                            ok
                        };
                        if C {
                            self.path.truncate(path_len);
                            let mut end = self.issues.len();
                            if seen & bit != 0 {
                                if let Some(&(os, oe)) = ranges.get(i) {
                                    let n = oe - os;
                                    if n > 0 {
                                        self.issues.drain(os..oe);
                                        for (j, r) in ranges.iter_mut().enumerate() {
                                            if j != i && seen & (1u64 << j) != 0 && r.0 >= oe {
                                                r.0 -= n;
                                                r.1 -= n;
                                            }
                                        }
                                        start -= n;
                                        end -= n;
                                    }
                                }
                            }
                            if let Some(r) = ranges.get_mut(i) {
                                *r = (start, end);
                            }
                        }
                        seen |= bit;
                        // Branch-free: a repeated key's last value decides, valid or not.
                        bad = (bad & !bit) | (bit & u64::from(!ok).wrapping_neg());
                    }
                    None => {
                        self.pos = pos;
                        self.skip_value()?;
                        pos = self.pos;
                    }
                }
                // Compact JSON, what serialisers send: `,"name":` right after the value, most
                // often the predicted key's, which one compare confirms with its comma; else
                // `,"` and the next key's own compare.
                let guess = self.pred.get(slot).map_or(0, |&g| g as usize);
                if let Some(p) = props.get(guess) {
                    if p.next_key.matches(src, pos) {
                        pos += p.next_key.len as usize;
                        found = Some((guess, p));
                        continue;
                    }
                }
                if src.get(pos..).and_then(|s| s.first_chunk::<2>()) == Some(b",\"") {
                    // The predicted key just failed on these very bytes (with the comma): no
                    // second compare without it.
                    let (key, next) = self.general_key(node, slot, pos + 1, &mut unknown, &mut unknown_keys)?;
                    pos = next;
                    found = key;
                    continue;
                }
                pos = skip_ws(src, pos);
                match src.get(pos) {
                    Some(b',') => pos = skip_ws(src, pos + 1),
                    Some(b'}') => {
                        pos += 1;
                        break;
                    }
                    Some(&b) => return Err(self.fail_unexpected(pos, b)),
                    None => return Err(self.fail(SyntaxError::UnexpectedEnd)),
                }
                found = self.key_at(node, slot, guess, false, &mut pos, &mut unknown, &mut unknown_keys)?;
            }
            self.pos = pos;
        }
        self.suspect |= repeated != 0;
        let missing = node.required & !seen;
        if C && (missing != 0 || unknown_keys.is_some() || self.issues.len() > region) {
            self.order_object_issues(node, region, missing, seen, &ranges, unknown_keys);
        }
        Ok(bad == 0 && missing == 0 && (unknown == 0 || node.additional_properties))
    }

    /// Rewrites this object's issues (from `region` on, grouped by property in document order)
    /// into ajv's order: `required` in the schema's `required` order, `additionalProperties` in
    /// JavaScript's key order, then each property's issues in schema order.
    #[cold]
    fn order_object_issues(
        &mut self,
        node: &'static Node,
        region: usize,
        missing: u64,
        seen: u64,
        ranges: &[(usize, usize); MAX_PROPERTIES],
        unknown_keys: Option<BTreeMap<Vec<u16>, usize>>,
    ) {
        let mut body: Vec<Option<Issue>> = self.issues.drain(region..).map(Some).collect();
        for &i in node.required_order {
            if missing & (1u64 << i) != 0 {
                let name = node.properties.get(i as usize).map_or("", |p| p.name);
                self.issue(Keyword::Required, format!("must have required property '{name}'"), None);
            }
        }
        let mut keys: Vec<(Vec<u16>, usize)> = unknown_keys.into_iter().flatten().collect();
        // JavaScript's own-key order: array indices ascending, then strings in insertion order.
        keys.sort_by_key(|(k, ordinal)| match array_index(k) {
            Some(n) => (0, n, 0),
            None => (1, 0, *ordinal),
        });
        for (key, _) in keys {
            let mut message = String::from("has unknown property ");
            show_string(&mut message, &key);
            self.issue(Keyword::AdditionalProperties, message, Some(Tolerance::UnknownProperties));
        }
        for (i, &(start, end)) in ranges.iter().enumerate().take(node.properties.len()) {
            if seen & (1u64 << i) == 0 {
                continue;
            }
            for slot in body.get_mut(start.saturating_sub(region)..end.saturating_sub(region)).into_iter().flatten() {
                if let Some(issue) = slot.take() {
                    self.issues.push(issue);
                }
            }
        }
    }

    /// An array validated against `node`'s `items` (any value when it has none) and item counts;
    /// `pos` is just past `[`.
    fn array(&mut self, node: &'static Node) -> R<bool> {
        let items = node.items.unwrap_or(&ANY);
        let region = self.issues.len();
        let mut ok = true;
        let mut count = 0usize;
        self.skip_ws();
        if self.src.get(self.pos) == Some(&b']') {
            self.pos += 1;
        } else {
            loop {
                let path_len = self.path.len();
                if C {
                    use core::fmt::Write;
                    let _ = write!(self.path, "/{count}");
                }
                let item_ok = self.value(items)?;
                ok &= item_ok;
                if C {
                    self.path.truncate(path_len);
                }
                count += 1;
                self.skip_ws();
                match self.src.get(self.pos) {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_ws();
                    }
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    Some(&b) => return Err(self.fail_unexpected(self.pos, b)),
                    None => return Err(self.fail(SyntaxError::UnexpectedEnd)),
                }
            }
        }
        let too_many = node.max_items.filter(|&m| count > m as usize);
        let too_few = node.min_items.filter(|&m| count < m as usize);
        if too_many.is_some() || too_few.is_some() {
            ok = false;
            if C {
                self.count_issues(region, count, too_many, too_few);
            }
        }
        Ok(ok)
    }

    /// ajv checks `maxItems` and `minItems` before it looks at any item: their issues go before
    /// the items' issues, which were collected from `region` on.
    #[cold]
    fn count_issues(&mut self, region: usize, count: usize, too_many: Option<u32>, too_few: Option<u32>) {
        let items: Vec<Issue> = self.issues.drain(region..).collect();
        if let Some(max) = too_many {
            self.issue(Keyword::MaxItems, format!("has {count} items, more than the {max} allowed"), None);
        }
        if let Some(min) = too_few {
            self.issue(Keyword::MinItems, format!("has {count} items, fewer than the {min} required"), None);
        }
        self.issues.extend(items);
    }

    /// Skips one value of any shape and depth at `pos`, checking its syntax only.
    fn skip_value(&mut self) -> R<()> {
        let src = self.src;
        let mut stack: Option<BitStack> = None;
        loop {
            // A value starts here.
            let Some(&b) = src.get(self.pos) else {
                return Err(self.fail(SyntaxError::UnexpectedEnd));
            };
            match b {
                b'"' => {
                    let (_, next) = self.string(self.pos + 1)?;
                    self.pos = next;
                }
                b'-' | b'0'..=b'9' => {
                    self.scan_number()?;
                }
                b't' => self.literal(b"true")?,
                b'f' => self.literal(b"false")?,
                b'n' => self.literal(b"null")?,
                b'{' | b'[' => {
                    let object = b == b'{';
                    let close = if object { b'}' } else { b']' };
                    self.pos += 1;
                    self.skip_ws();
                    if src.get(self.pos) == Some(&close) {
                        self.pos += 1;
                    } else {
                        stack.get_or_insert_with(BitStack::new).push(object);
                        if object {
                            self.key_colon()?;
                        }
                        continue;
                    }
                }
                _ => return Err(self.fail_unexpected(self.pos, b)),
            }
            // A value ended: close containers until one continues with `,`.
            loop {
                let Some(st) = stack.as_mut() else {
                    return Ok(());
                };
                if st.depth == 0 {
                    return Ok(());
                }
                self.skip_ws();
                let object = st.top_is_object();
                match src.get(self.pos) {
                    Some(b',') => {
                        self.pos += 1;
                        self.skip_ws();
                        if object {
                            // A second key in an object nobody checks: maybe a repeated one.
                            self.suspect = true;
                            self.key_colon()?;
                        }
                        break;
                    }
                    Some(b'}') if object => {
                        self.pos += 1;
                        st.depth -= 1;
                    }
                    Some(b']') if !object => {
                        self.pos += 1;
                        st.depth -= 1;
                    }
                    Some(&b) => return Err(self.fail_unexpected(self.pos, b)),
                    None => return Err(self.fail(SyntaxError::UnexpectedEnd)),
                }
            }
        }
    }

    /// Inside a skipped object: a key, `:`, and the whitespace before the value.
    #[inline]
    fn key_colon(&mut self) -> R<()> {
        self.expect(b'"')?;
        let (_, next) = self.string(self.pos)?;
        self.pos = next;
        self.skip_ws();
        self.expect(b':')?;
        self.skip_ws();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support as support;
    use crate::DEFAULT_SCHEMA;
    use proptest::prelude::*;
    use support::gen::{damage, document};
    use support::payloads::{payload, Rng};

    fn outcome<const C: bool>(input: &[u8], pred: [u8; PRED_SLOTS]) -> (Result<bool, SyntaxError>, Vec<Issue>) {
        let mut p = Parser::<C>::with_pred(input, pred);
        let r = p.run(DEFAULT_SCHEMA.root);
        (r, p.issues)
    }

    /// Key prediction is only a shortcut: any starting table (including out-of-range indices)
    /// gives the same verdict, issues and syntax error as no prediction at all.
    fn same_with_any_prediction(input: &[u8], pred: [u8; PRED_SLOTS]) -> Result<(), TestCaseError> {
        let zero = [0; PRED_SLOTS];
        prop_assert_eq!(outcome::<false>(input, pred), outcome::<false>(input, zero));
        prop_assert_eq!(outcome::<true>(input, pred), outcome::<true>(input, zero));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

        #[test]
        fn prediction_never_changes_the_outcome(seed in any::<u64>(), pred in proptest::collection::vec(any::<u8>(), PRED_SLOTS), small in any::<bool>()) {
            let mut table = [0u8; PRED_SLOTS];
            for (t, g) in table.iter_mut().zip(pred) {
                *t = if small { g % 8 } else { g };
            }
            let pred = table;
            let mut rng = Rng::new(seed);
            let doc = document(&mut rng);
            same_with_any_prediction(doc.as_bytes(), pred)?;
            same_with_any_prediction(&damage(&mut rng, doc.as_bytes()), pred)?;
            let p = payload(seed, (seed % 3) as usize, (seed % 4) as usize);
            same_with_any_prediction(p.as_bytes(), pred)?;
            // Keys cut short at the end of the input, where the 16-byte compare cannot read.
            let cut = (seed as usize) % (p.len() + 1);
            same_with_any_prediction(&p.as_bytes()[..cut], pred)?;
        }
    }

    /// Every node with a plain-string fast path, with the strings most likely to fool it.
    fn plain_nodes() -> Vec<&'static Node> {
        let root = DEFAULT_SCHEMA.root;
        let mv = root.property("transactionData").and_then(|n| n.items()).unwrap();
        let sv = mv.property("sampledValue").and_then(|n| n.items()).unwrap();
        let mut nodes: Vec<&'static Node> = root.properties().map(|(_, n)| n).collect();
        nodes.extend(mv.properties().map(|(_, n)| n));
        nodes.extend(sv.properties().map(|(_, n)| n));
        nodes.retain(|n| n.plain != PlainString::General);
        assert_eq!(nodes.len(), 11);
        nodes
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

        /// `plain_hit` only ever says "valid" where the general path finds the same string
        /// valid, with the same end.
        #[test]
        fn plain_hit_implies_general_path_valid(content in "([0-9]{1,4}[-:.T tZz+]?){0,8}|[A-Za-z.-]{0,34}|[0-9A-F]{18,23}|(Energy|Power|Current|Sample|L1|N|k?W?h?|Raw|Other){1,3}",
                pre in 0usize..40, pad in 0usize..40) {
            // `pre` puts the string anywhere, also within the input's last 32 bytes (`tail_len`).
            let doc = format!("{}\"{content}\"{}", " ".repeat(pre), " ".repeat(pad));
            for node in plain_nodes() {
                let p = Parser::<true>::new(doc.as_bytes());
                if let Some(len) = p.plain_hit(node, pre + 1) {
                    let mut q = Parser::<true>::new(doc.as_bytes());
                    let (s, next) = scan_string(doc.as_bytes(), pre + 1).unwrap();
                    prop_assert_eq!(next, pre + len + 2);
                    prop_assert!(q.string_checks(node, s), "{} at {:?}", doc, node);
                    prop_assert!(q.issues.is_empty());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

        /// The quote-only windows of the enum and date-time fast paths: escapes, escaped quotes,
        /// control and non-ASCII bytes inside or around an allowed value never make `plain_hit`
        /// say "valid" where the general path does not, or end the string elsewhere.
        #[test]
        fn plain_hit_with_special_bytes(parts in proptest::collection::vec(prop::sample::select(vec![
                &b"Sample.Clock"[..], b"Raw", b"L1", b"N", b"Wh", b"kWh", b"Energy.Active.Import.Register", b"Celsius",
                b"2024-05-17T14:32:05", b".123", b"Z", b"+05:30", b"\\", b"\\\"", b"\\u0041", b"\\n", b"\x00", b"\x1f",
                b"\x7f", b"\xc3\xa9", b"\xe2\x82\xac", b"\xff", b"\"", b" ", b"a", b"."]), 0..6),
                pre in 0usize..40, pad in 0usize..40) {
            let mut doc = vec![b' '; pre];
            doc.push(b'"');
            for p in &parts {
                doc.extend_from_slice(p);
            }
            doc.push(b'"');
            doc.extend(core::iter::repeat_n(b' ', pad));
            for node in plain_nodes() {
                let p = Parser::<true>::new(&doc);
                if let Some(len) = p.plain_hit(node, pre + 1) {
                    let mut q = Parser::<true>::new(&doc);
                    let scanned = scan_string(&doc, pre + 1);
                    prop_assert!(scanned.is_ok(), "{:?} at {:?}", doc, node);
                    let (s, next) = scanned.unwrap();
                    prop_assert_eq!(next, pre + len + 2);
                    prop_assert!(q.string_checks(node, s), "{:?} at {:?}", doc, node);
                    prop_assert!(q.issues.is_empty());
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 20000, ..ProptestConfig::default() })]

        #[test]
        fn digit_run_matches_bytewise(bytes in proptest::collection::vec(prop::sample::select(
                b"0123456789/:.eE-+ \x00\xb0\xb9\xff\x30\x39\x2f\x3a".to_vec()), 0..40), start in 0usize..40) {
            let start = start.min(bytes.len());
            let mut want = start;
            while bytes.get(want).is_some_and(u8::is_ascii_digit) {
                want += 1;
            }
            prop_assert_eq!(digit_run(&bytes, start), want, "{:?} from {}", bytes, start);
        }
    }

    #[test]
    fn digit_run_every_byte_at_every_position() {
        for pos in 0..12 {
            for b in 0..=255u8 {
                let mut s = [b'7'; 12];
                s[pos] = b;
                let want = if b.is_ascii_digit() { 12 } else { pos };
                assert_eq!(digit_run(&s, 0), want, "byte {b:#x} at {pos}");
            }
        }
    }

    #[test]
    fn near_misses_of_a_predicted_key_after_a_comma() {
        // The key after a value is confirmed together with its comma (`Property::next_key`):
        // near misses of the separator and of the key, wherever the document then ends, must
        // come out as they do with no prediction at all, error offsets included.
        for sep in [",", " ,", ", ", ",\n", ";", ",,", "", ",\"\","] {
            for key in [
                r#""unit""#, r#""uni""#, r#""units""#, r#""Unit""#, r#""\u0075nit""#, r#""unit ""#, r#""context""#,
                r#""contex""#, r#""value""#, r#""unit"#, r#""unit" "#,
            ] {
                for tail in ["", r#":"Wh"}"#, r#":"Wh"}]}]}"#, r#":"Wh","unit":"W"}]}]}"#, r#":"Wh" }]}]}"#, ":"] {
                    let doc = format!(
                        r#"{{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":2,"transactionData":[{{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[{{"value":"1"{sep}{key}{tail}"#
                    );
                    let none = outcome::<true>(doc.as_bytes(), [0; PRED_SLOTS]);
                    assert_eq!(outcome::<false>(doc.as_bytes(), [0; PRED_SLOTS]).0, none.0, "{doc}");
                    for g in 0..8u8 {
                        let pred = [g; PRED_SLOTS];
                        assert_eq!(outcome::<true>(doc.as_bytes(), pred), none, "{doc} with {g} predicted everywhere");
                        assert_eq!(outcome::<false>(doc.as_bytes(), pred).0, none.0, "{doc} with {g} predicted everywhere");
                    }
                }
            }
        }
    }

    #[test]
    fn near_misses_of_a_predicted_key() {
        // Prefixes, extensions, escapes and case changes of the key that will be predicted.
        for key in [
            r#""valu""#, r#""valuee""#, r#""value ""#, r#""Value""#, r#""\u0076alue""#, r#""valu\u0065""#, r#""value\"""#,
            r#""value"#, r#""value" "#, r#""value"	"#,
        ] {
            for tail in ["", "}", "}]}]}"] {
                let doc = format!(
                    r#"{{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":2,"transactionData":[{{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[{{"value":"1"}},{{{key}:"1"}}{tail}"#
                );
                for g in 0..8u8 {
                    let mut pred = [0; PRED_SLOTS];
                    pred.iter_mut().for_each(|p| *p = g);
                    let a = outcome::<true>(doc.as_bytes(), pred);
                    let b = outcome::<true>(doc.as_bytes(), [0; PRED_SLOTS]);
                    assert_eq!(a, b, "{doc}");
                }
            }
        }
    }
}
