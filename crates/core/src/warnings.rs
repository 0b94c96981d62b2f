//! Warnings (SEMANTICS.md, "Warnings"): what `JSON.parse` silently hides, found anywhere in the
//! text, with no schema involved. Runs only on a text the validator already parsed, and only when
//! that pass saw something that could be one (`Parser::suspect`), so a clean payload never pays.
//!
//! Iterative (a stack of open containers, not recursion); memory grows with the nesting depth and
//! with the keys of the open objects, both bounded by the input's length.

use alloc::collections::BTreeSet;
use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write;

use crate::display::{js_number, literal_value, push_pointer_segment, show_string};
use crate::text::{decode_utf16, scan_string, skip_ws, Str};
use crate::{Warning, WarningKind};

/// Number.MAX_SAFE_INTEGER's 16 digits: a longer or larger plain integer may be rounded.
const MAX_SAFE: &[u8] = b"9007199254740991";
/// How much of a long literal a message repeats.
const SHOWN_LITERAL: usize = 40;

struct Open {
    object: bool,
    /// Where the path stood before this container's member segment.
    path_len: usize,
    index: usize,
    keys: BTreeSet<Vec<u16>>,
}

pub(crate) fn scan(src: &[u8]) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut path = String::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = skip_ws(src, 0);
    loop {
        // A value starts at `i`.
        let Some(&b) = src.get(i) else { return out };
        match b {
            b'"' => {
                let Ok((s, next)) = scan_string(src, i + 1) else { return out };
                lone_surrogate(src, s, &path, &mut out);
                i = next;
            }
            b'{' | b'[' => {
                let object = b == b'{';
                let j = skip_ws(src, i + 1);
                if src.get(j) == Some(if object { &b'}' } else { &b']' }) {
                    i = j + 1;
                } else {
                    stack.push(Open { object, path_len: path.len(), index: 0, keys: BTreeSet::new() });
                    if object {
                        match member(src, j, &mut path, &mut stack, &mut out) {
                            Some(next) => i = next,
                            None => return out,
                        }
                    } else {
                        path.push_str("/0");
                        i = j;
                    }
                    continue;
                }
            }
            b'-' | b'0'..=b'9' => {
                let end = number_end(src, i);
                unsafe_integer(src.get(i..end).unwrap_or(&[]), &path, &mut out);
                i = end;
            }
            b't' | b'n' => i += 4,
            b'f' => i += 5,
            _ => return out,
        }
        // A value ended: close containers until one goes on with `,`.
        loop {
            i = skip_ws(src, i);
            let Some(top) = stack.last_mut() else { return out };
            path.truncate(top.path_len);
            match src.get(i) {
                Some(b',') if top.object => match member(src, skip_ws(src, i + 1), &mut path, &mut stack, &mut out) {
                    Some(next) => {
                        i = next;
                        break;
                    }
                    None => return out,
                },
                Some(b',') => {
                    top.index += 1;
                    let _ = write!(path, "/{}", top.index);
                    i = skip_ws(src, i + 1);
                    break;
                }
                Some(b'}' | b']') => {
                    stack.pop();
                    i += 1;
                }
                _ => return out,
            }
        }
    }
}

/// Reads `"key":` at `i` inside the innermost (object) container: the warnings the key itself
/// carries, and the member's path. Returns where the value starts.
fn member(src: &[u8], i: usize, path: &mut String, stack: &mut [Open], out: &mut Vec<Warning>) -> Option<usize> {
    if src.get(i) != Some(&b'"') {
        return None;
    }
    let (key, next) = scan_string(src, i + 1).ok()?;
    let units = decode_utf16(src, key);
    push_pointer_segment(path, &String::from_utf16_lossy(&units));
    lone_surrogate(src, key, path, out);
    let top = stack.last_mut()?;
    if !top.keys.insert(units.clone()) {
        let mut message = String::from("duplicate key ");
        show_string(&mut message, &units);
        message.push_str(": JSON.parse keeps only the last value");
        out.push(Warning { instance_path: path.clone(), kind: WarningKind::DuplicateKey, message });
    }
    let colon = skip_ws(src, next);
    (src.get(colon) == Some(&b':')).then(|| skip_ws(src, colon + 1))
}

fn lone_surrogate(src: &[u8], s: Str, path: &str, out: &mut Vec<Warning>) {
    if !s.surrogate_escape {
        return;
    }
    let units = decode_utf16(src, s);
    let mut k = 0;
    while let Some(&u) = units.get(k) {
        let paired = (0xD800..0xDC00).contains(&u) && units.get(k + 1).is_some_and(|n| (0xDC00..0xE000).contains(n));
        if paired {
            k += 2;
            continue;
        }
        if (0xD800..0xE000).contains(&u) {
            let mut message = String::new();
            let _ = write!(message, "lone surrogate \\u{u:04x}: not a Unicode character; UTF-8 encoders replace it with U+FFFD");
            out.push(Warning { instance_path: String::from(path), kind: WarningKind::LoneSurrogate, message });
            return;
        }
        k += 1;
    }
}

fn unsafe_integer(literal: &[u8], path: &str, out: &mut Vec<Warning>) {
    let digits = literal.strip_prefix(b"-").unwrap_or(literal);
    if !digits.iter().all(u8::is_ascii_digit) || digits.len() < MAX_SAFE.len() {
        return;
    }
    if digits.len() == MAX_SAFE.len() && digits <= MAX_SAFE {
        return;
    }
    let mut message = String::new();
    for (n, &b) in literal.iter().enumerate() {
        if n == SHOWN_LITERAL {
            message.push('…');
            break;
        }
        message.push(b as char);
    }
    message.push_str(" is beyond ±(2^53-1): JSON.parse reads it as ");
    js_number(&mut message, literal_value(literal));
    out.push(Warning { instance_path: String::from(path), kind: WarningKind::UnsafeInteger, message });
}

fn number_end(src: &[u8], mut i: usize) -> usize {
    while src.get(i).is_some_and(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
        i += 1;
    }
    i
}
