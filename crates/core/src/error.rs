use core::fmt;

/// Why the bytes are not a JSON text `JSON.parse` would accept (or not UTF-8 at all).
/// Offsets are byte offsets into the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    /// The input ended inside a value (or was empty).
    UnexpectedEnd,
    /// A byte that cannot start or continue the JSON text here.
    UnexpectedByte { at: usize, byte: u8 },
    /// A UTF-8 byte order mark; `JSON.parse` rejects U+FEFF before the value.
    ByteOrderMark,
    /// Bytes that are not well-formed UTF-8 (overlong, surrogate, > U+10FFFF, truncated, stray).
    InvalidUtf8 { at: usize },
    /// A raw control character (< 0x20) inside a string.
    ControlCharacter { at: usize },
    /// A backslash not followed by one of `"\/bfnrt` or `u` + 4 hex digits.
    InvalidEscape { at: usize },
    /// A number not matching `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    InvalidNumber { at: usize },
}

impl SyntaxError {
    /// The byte offset the error was detected at (the input length for `UnexpectedEnd`).
    pub fn offset(&self, input_len: usize) -> usize {
        match *self {
            SyntaxError::UnexpectedEnd => input_len,
            SyntaxError::ByteOrderMark => 0,
            SyntaxError::UnexpectedByte { at, .. }
            | SyntaxError::InvalidUtf8 { at }
            | SyntaxError::ControlCharacter { at }
            | SyntaxError::InvalidEscape { at }
            | SyntaxError::InvalidNumber { at } => at,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SyntaxError::UnexpectedEnd => f.write_str("unexpected end of input"),
            SyntaxError::UnexpectedByte { at, byte } if byte.is_ascii_graphic() => {
                write!(f, "unexpected '{}' at byte {at}", byte as char)
            }
            SyntaxError::UnexpectedByte { at, byte } => write!(f, "unexpected byte 0x{byte:02x} at byte {at}"),
            SyntaxError::ByteOrderMark => f.write_str("byte order mark at byte 0: JSON text must not start with U+FEFF"),
            SyntaxError::InvalidUtf8 { at } => write!(f, "invalid UTF-8 at byte {at}"),
            SyntaxError::ControlCharacter { at } => write!(f, "unescaped control character in string at byte {at}"),
            SyntaxError::InvalidEscape { at } => write!(f, "invalid escape sequence at byte {at}"),
            SyntaxError::InvalidNumber { at } => write!(f, "invalid number at byte {at}"),
        }
    }
}
