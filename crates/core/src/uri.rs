//! ajv-formats 3.0.1 (full mode) `uri`, hand-written over the decoded string's UTF-8 bytes.
//!
//! ajv: `NOT_URI_FRAGMENT.test(s) && URI.test(s)` with `NOT_URI_FRAGMENT = /\/|:/` and `URI` the
//! big RFC 3986 regex (jmrware's, `i` flag, no `u` flag) in `dist/formats.js`. Its shape:
//!
//! ```text
//! ^ [a-z][a-z0-9+\-.]* ":"
//!   (?: \/?\/ (?:USERINFO* "@")? (?: "[" (IPv6 | IPvFuture) "]" | IPv4 | REGNAME* ) (?::\d*)? (?:\/ PCHAR*)*   (A)
//!     | \/ (?: PCHAR+ (?:\/ PCHAR*)* )?                                                                     (B)
//!     | PCHAR+ (?:\/ PCHAR*)* )                                                                             (C)
//!   (?:\? QCHAR*)? (?:# QCHAR*)? $
//! ```
//!
//! where every `X*` class also takes `%[0-9a-f]{2}`. What that language really is, and how this
//! matcher decides it in one deterministic left-to-right pass (O(n), no allocation, no backtracking):
//!
//! * `NOT_URI_FRAGMENT` is implied: `URI` needs the scheme's `:`.
//! * The regex is case-insensitive but not unicode: in JS's non-unicode `i` canonicalisation a
//!   non-ASCII character never folds to an ASCII one (`ſ`, U+212A KELVIN SIGN do not match `s`,
//!   `k`), and every class is ASCII, so any non-ASCII character (any byte >= 0x80 here) fails.
//!   `\d` is `[0-9]`; `$` (no `m` flag) is the very end, so a trailing `\n` fails.
//! * The scheme ends at the first `:` (scheme chars exclude `:`). The hier-part (A|B|C) ends at the
//!   first `?` or `#` (no class of A, B or C has them); the query ends at the first `#` (QCHAR has
//!   `/` and `?` but not `#`); the fragment runs to the end (so a second `#` fails). Neither may
//!   follow `x:` directly: A, B and C are all non-empty, so `x:`, `x:?q` and `x:#f` fail.
//! * Let PATH = PCHAR ∪ {`/`} (PCHAR = unreserved, sub-delims, `:`, `@`, `%hh`). A non-empty
//!   hier-part H that is all PATH always matches: C when it does not start with `/`, B when it
//!   starts with one `/`, and when it starts with `//` the A branch with `\/?` empty, an empty
//!   authority (REGNAME* matches nothing) and path-abempty = H[1..]. So `http://host:abc` is a uri
//!   (the bad port is just path) and so is `a:////x`. Every USERINFO, REGNAME, IPv4, port and
//!   IPvFuture character is in PATH too, so the only hier-parts beyond "all PATH" are A's with an
//!   IP-literal: `/` or `//`, `[userinfo@]`, `[` IPv6 | IPvFuture `]`, `[:digits]`, path-abempty.
//!   After `//` the authority must start right there (a one-slash A would put `/` first in the
//!   authority, which only an empty one allows, and then there is no `[`); `a:/[::1]/x` is a uri.
//! * USERINFO has no `@`, `/` or `[`, so the userinfo is present iff the USERINFO run stops at `@`.
//!   Neither IPv6 nor IPvFuture has `]`, so the literal is everything up to the first `]`. After it
//!   the port digits run greedily, and then only `/` (path-abempty) or the end of H may follow.
//! * IPv6 is RFC 3986's nine alternatives, i.e.: with no `::`, exactly 8 groups; with one `::`,
//!   at most 7 around it; groups are 1-4 hex digits, an IPv4 may stand for the last two (only at
//!   the very end, after `::` or after 6 groups), a second `::` or `:::` fails.
//! * The regex's IPv4 octet `25[0-5]|2[0-4]\d|[01]?\d\d?` is "1 to 3 digits, value <= 255",
//!   leading zeros allowed (`025`, `00`, `000` match; `0025`, `256` do not). Only IP-literals need
//!   it (a host IPv4 is PATH anyway, so `http://256.1.1.1` is a uri).
//! * IPvFuture: `[Vv][0-9a-f]+\.` then one or more of unreserved / sub-delims / `:`, no `%hh`.

/// Unreserved and sub-delims: `a-z A-Z 0-9 - . _ ~ ! $ & ' ( ) * + , ; =` (REGNAME).
const SUB: u8 = 1;
const COLON: u8 = 2;
const AT: u8 = 4;
const SLASH: u8 = 8;
const QMARK: u8 = 16;
const HEX: u8 = 32;
const DIGIT: u8 = 64;
/// Scheme characters after the first: `a-z A-Z 0-9 + - .`.
const SCHEME: u8 = 128;

const USERINFO: u8 = SUB | COLON;
const PATH: u8 = SUB | COLON | AT | SLASH;
const QUERY: u8 = PATH | QMARK;

static CLASS: [u8; 256] = build_class();

const fn build_class() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        let c = b as u8;
        let mut f = 0u8;
        if c.is_ascii_alphanumeric() {
            f |= SUB | SCHEME;
        }
        if c.is_ascii_hexdigit() {
            f |= HEX;
        }
        if c.is_ascii_digit() {
            f |= DIGIT;
        }
        f |= match c {
            b'-' | b'.' => SUB | SCHEME,
            b'+' => SUB | SCHEME,
            b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b',' | b';' | b'=' => SUB,
            b':' => COLON,
            b'@' => AT,
            b'/' => SLASH,
            b'?' => QMARK,
            _ => 0,
        };
        t[b] = f;
        b += 1;
    }
    t
}

#[inline]
fn has(b: u8, mask: u8) -> bool {
    CLASS[b as usize] & mask != 0
}

#[inline]
fn at_has(s: &[u8], i: usize, mask: u8) -> bool {
    s.get(i).is_some_and(|&b| has(b, mask))
}

/// The end of the longest run from `i` of `mask` bytes and `%hh` escapes.
fn scan(s: &[u8], mut i: usize, mask: u8) -> usize {
    while let Some(&b) = s.get(i) {
        if has(b, mask) {
            i += 1;
        } else if b == b'%' && at_has(s, i + 1, HEX) && at_has(s, i + 2, HEX) {
            i += 3;
        } else {
            break;
        }
    }
    i
}

/// The full-mode `uri` verdict of ajv-formats 3.0.1 for the (already JSON-unescaped) string.
pub(crate) fn is_uri(s: &[u8]) -> bool {
    // scheme ":"
    if !s.first().is_some_and(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut i = 1;
    while at_has(s, i, SCHEME) {
        i += 1;
    }
    if s.get(i) != Some(&b':') {
        return false;
    }
    i += 1;
    // hier-part
    let p = scan(s, i, PATH);
    i = if p > i && matches!(s.get(p), None | Some(b'?' | b'#')) {
        p
    } else {
        match ip_literal_hier(s, i) {
            Some(e) => e,
            None => return false,
        }
    };
    // ?query #fragment
    if s.get(i) == Some(&b'?') {
        i = scan(s, i + 1, QUERY);
    }
    if s.get(i) == Some(&b'#') {
        i = scan(s, i + 1, QUERY);
    }
    i == s.len()
}

/// Branch A with an IP-literal host, from `i` (just after the scheme's `:`): the end of its
/// path-abempty, or `None`.
fn ip_literal_hier(s: &[u8], i: usize) -> Option<usize> {
    if s.get(i) != Some(&b'/') {
        return None;
    }
    let mut j = i + 1;
    if s.get(j) == Some(&b'/') {
        j += 1;
    }
    let u = scan(s, j, USERINFO);
    let mut k = if s.get(u) == Some(&b'@') { u + 1 } else { j };
    if s.get(k) != Some(&b'[') {
        return None;
    }
    k += 1;
    let lit = s.get(k..)?;
    let close = lit.iter().position(|&b| b == b']')?;
    if !ip_literal(lit.get(..close)?) {
        return None;
    }
    k += close + 1;
    if s.get(k) == Some(&b':') {
        k += 1;
        while at_has(s, k, DIGIT) {
            k += 1;
        }
    }
    let e = scan(s, k, PATH);
    if e > k && s.get(k) != Some(&b'/') {
        return None;
    }
    Some(e)
}

/// The inside of `[...]`: IPv6address or IPvFuture.
fn ip_literal(c: &[u8]) -> bool {
    match c.split_first() {
        Some((b'v' | b'V', rest)) => {
            let h = rest.iter().take_while(|&&b| has(b, HEX)).count();
            match rest.get(h..).and_then(|r| r.split_first()) {
                Some((b'.', tail)) => h > 0 && !tail.is_empty() && tail.iter().all(|&b| has(b, USERINFO)),
                _ => false,
            }
        }
        _ => ipv6(c),
    }
}

fn ipv6(c: &[u8]) -> bool {
    match c.windows(2).position(|w| w == b"::") {
        None => groups(c, true) == Some(8),
        Some(d) => match (c.get(..d), c.get(d + 2..)) {
            (Some(left), Some(right)) => match (groups(left, false), groups(right, true)) {
                (Some(l), Some(r)) => l + r <= 7,
                _ => false,
            },
            _ => false,
        },
    }
}

/// `h16 *(":" h16)` (empty = 0 groups), the last one optionally an IPv4 counting as two.
fn groups(s: &[u8], v4_last: bool) -> Option<usize> {
    if s.is_empty() {
        return Some(0);
    }
    let mut n = 0usize;
    let mut it = s.split(|&b| b == b':').peekable();
    while let Some(g) = it.next() {
        if v4_last && it.peek().is_none() && g.contains(&b'.') {
            if !ipv4(g) {
                return None;
            }
            n += 2;
        } else if !g.is_empty() && g.len() <= 4 && g.iter().all(|&b| has(b, HEX)) {
            n += 1;
        } else {
            return None;
        }
    }
    Some(n)
}

/// Four dot-separated octets of 1-3 digits, each <= 255 (leading zeros allowed).
fn ipv4(s: &[u8]) -> bool {
    let mut dots = 0u32;
    let mut digits = 0u32;
    let mut value = 0u32;
    for &b in s {
        if b == b'.' {
            if digits == 0 || dots == 3 {
                return false;
            }
            dots += 1;
            digits = 0;
            value = 0;
        } else if b.is_ascii_digit() {
            digits += 1;
            value = value * 10 + u32::from(b - b'0');
            if digits > 3 || value > 255 {
                return false;
            }
        } else {
            return false;
        }
    }
    dots == 3 && digits > 0
}

#[cfg(test)]
mod tests {
    use super::is_uri;

    /// Every expectation was first confirmed against ajv-formats 3.0.1 `fullFormats.uri` in node.
    const CASES: &[(&str, bool)] = &[
        ("ftp://a/b", true),
        ("http://[::1]:80/x", true),
        ("urn:isbn:123", true),
        ("/a/b", false),
        ("a b", false),
        ("a:b c", false),
        ("http://a%zz", false),
        ("http://a%4", false),
        ("a:%41", true),
        ("a:%4", false),
        ("a:%", false),
        ("", false),
        ("a", false),
        (":", false),
        (":b", false),
        ("HTTP://A", true),
        ("http://256.1.1.1", true),
        ("mailto:x@y", true),
        ("x:", false),
        ("x:?q", false),
        ("x:#f", false),
        ("x:/", true),
        ("x://", true),
        ("x:/?", true),
        ("1a:b", false),
        ("a_b:c", false),
        ("a+b-.c:d", true),
        ("a:b#c#d", false),
        ("a:b?#", true),
        ("a:b?a?b/c#d/?", true),
        ("a:b#[", false),
        ("http://host:abc", true),
        ("http://x:12/", true),
        ("a:////x", true),
        ("a:/[::1]/x", true),
        ("a:/@[::1]", true),
        ("a://u@[::1]", true),
        ("a://u:p%41@[::1]:8080/p?q#f", true),
        ("a://u@v@[::1]", false),
        ("a://u/@[::1]", false),
        ("a:[::1]", false),
        ("a:///[::1]", false),
        ("a://[::1", false),
        ("a://[::1]x", false),
        ("a://[::1]:", true),
        ("a://[::1]:80:90", false),
        ("a://[::1]/[", false),
        ("a://[::1]]", false),
        ("a:[", false),
        ("a://[]", false),
        ("a://[::]", true),
        ("a://[:::]", false),
        ("a://[1:::2]", false),
        ("a://[1::2::3]", false),
        ("a://[::1.2.3.4]", true),
        ("a://[::ffff:1.2.3.4]", true),
        ("a://[::256.1.1.1]", false),
        ("a://[::025.1.1.1]", true),
        ("a://[::00.000.0.1]", true),
        ("a://[::0025.1.1.1]", false),
        ("a://[::1.2.3]", false),
        ("a://[::1.2.3.4.5]", false),
        ("a://[1.2.3.4]", false),
        ("a://[1.2.3.4::]", false),
        ("a://[1:2:3:4:5:6:7:8]", true),
        ("a://[1:2:3:4:5:6:7:8:9]", false),
        ("a://[1:2:3:4:5:6:7]", false),
        ("a://[1:2:3:4:5:6:1.2.3.4]", true),
        ("a://[1:2:3:4:5:1.2.3.4]", false),
        ("a://[1:2:3:4:5:6:7::]", true),
        ("a://[::2:3:4:5:6:7:8]", true),
        ("a://[1:2:3:4:5:6:7:8::]", false),
        ("a://[1:2:3:4:5:6::1.2.3.4]", false),
        ("a://[1:2:3:4:5::1.2.3.4]", true),
        ("a://[1:2:3:4:5:6::8]", true),
        ("a://[FFFF::abcd]", true),
        ("a://[12345::]", false),
        ("a://[::1:]", false),
        ("a://[:1::]", false),
        ("a://[v1.x]", true),
        ("a://[V1F.a:b~]", true),
        ("a://[v1.]", false),
        ("a://[v.x]", false),
        ("a://[vg.x]", false),
        ("a://[v1.%41]", false),
        ("a:b\"", false),
        ("a:b\n", false),
        ("a:b\\", false),
        ("a:b{", false),
        ("a:b\u{7f}", false),
        ("a:\u{17f}", false),
        ("\u{17f}:x", false),
        ("a:\u{212a}", false),
        ("a:é", false),
        ("a:b?é", false),
    ];

    #[test]
    fn hand_picked() {
        for &(s, want) in CASES {
            assert_eq!(is_uri(s.as_bytes()), want, "{s:?}");
        }
    }

    #[test]
    fn long_inputs_are_linear_and_do_not_panic() {
        let mut v = b"a:".to_vec();
        v.resize(100_002, b'/');
        assert!(is_uri(&v));
        v.push(b'[');
        assert!(!is_uri(&v));
        let mut w = b"a://[".to_vec();
        w.resize(100_005, b':');
        assert!(!is_uri(&w));
        w.push(b']');
        assert!(!is_uri(&w));
        let mut x = b"a://[::1]".to_vec();
        x.resize(100_009, b'/');
        assert!(is_uri(&x));
    }
}
