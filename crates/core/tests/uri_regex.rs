//! Differential test of the hand-written `uri` matcher (src/uri.rs) against ajv-formats 3.0.1's
//! full-mode `uri` regex itself, compiled with the `regex` crate.
//!
//! The pattern below is copied byte for byte from `ajv-formats/dist/formats.js` (`const URI`);
//! `embedded_pattern_is_ajv_formats_own` checks that against node_modules when it is installed.
//! Translation to the `regex` crate: only the flags. JS `/…/i` without `u` folds ASCII letters
//! only and `\d` is `[0-9]`: that is `(?i-u)` over bytes (a byte >= 0x80 matches no class, as a
//! non-ASCII UTF-16 unit matches none in JS). `^`/`$` without `m` are the text's ends in both.
//! (`NOT_URI_FRAGMENT = /\/|:/` is implied by the scheme's `:`.) The anchored pattern has no
//! lookaround or backreference, so the set of strings it matches does not depend on the engine.
//!
//! Needs the dev-dependencies `regex` and `proptest`. 700,000 generated cases with fixed seeds:
//! about 10-15 s of CPU under `--release` (as scripts/test.sh runs it), minutes in a debug build.
#[path = "../src/uri.rs"]
#[allow(dead_code)]
mod uri;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use regex::bytes::Regex;
use std::sync::OnceLock;

/// `const URI = /<this>/i;` in ajv-formats 3.0.1 dist/formats.js.
pub const AJV_URI: &str = r#"^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$"#;

/// The ajv-formats verdict: `NOT_URI_FRAGMENT.test(s) && URI.test(s)`.
pub fn reference(s: &[u8]) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| Regex::new(&format!("(?i-u){AJV_URI}")).expect("ajv uri pattern"));
    s.iter().any(|&b| b == b'/' || b == b':') && re.is_match(s)
}

fn config(cases: u32, seed: u64) -> Config {
    Config { cases, rng_seed: RngSeed::Fixed(seed), failure_persistence: None, ..Config::default() }
}

/// Single characters: every ASCII class boundary of the regex, plus non-ASCII look-alikes
/// (`ſ` and KELVIN SIGN fold to `s`/`k` under Unicode rules, never in JS non-unicode `i`).
const CHARS: &[&str] = &[
    "a", "b", "f", "g", "v", "V", "x", "z", "A", "F", "G", "Z", "0", "1", "2", "5", "9", ":", "/", "?", "#", "[", "]", "@", "!",
    "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", "-", ".", "_", "~", "%", " ", "\"", "\\", "<", ">", "{", "}", "|", "^",
    "`", "\t", "\n", "\r", "\u{0}", "\u{7f}", "é", "ſ", "\u{212a}", "€", "😀", "\u{a0}",
];

/// Multi-character pieces: IPv6 groups, octets, escapes, authority punctuation.
const PIECES: &[&str] = &[
    "::", ":::", "ffff:", "FFFF", "1:", "0:", "abcd:", "12345", "1234", "v1.", "V1F.", "[::1]", "[v1.x]", "[", "]", "//", "/",
    "@", "u@", ":80", ":", "256", "255", "250", "249", "199", "100", "099", "025", "0025", "00", "000", "300", "1.", ".",
    "1.2.3.4", "%41", "%aF", "%zz", "%4", "%", "http:", "a:", "x+y:", "?", "#", "?q", "#f",
];

const OCTETS: &[&str] = &[
    "0", "1", "9", "25", "99", "00", "000", "025", "099", "100", "199", "200", "249", "250", "255", "256", "260", "300", "0025",
    "1000", "",
];

fn char_s() -> impl Strategy<Value = String> {
    prop::sample::select(CHARS).prop_map(String::from)
}

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        5 => char_s(),
        3 => prop::sample::select(PIECES).prop_map(String::from),
        1 => "[0-9a-fA-F]{1,5}",
        1 => "%[0-9a-fA-FgG]{0,2}",
        1 => prop::sample::select(OCTETS).prop_map(String::from),
    ]
}

/// A free mix of atoms.
fn soup(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..max).prop_map(|v| v.concat())
}

/// Characters every part but the host takes (PCHAR, `%hh`), now and then anything else.
const CLEAN: &[&str] = &[
    "a", "Z", "0", "9", "-", ".", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "%41", "%fF", "ab",
];

/// Mostly-valid part text.
fn clean(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![12 => prop::sample::select(CLEAN).prop_map(String::from), 1 => atom()], 0..max)
        .prop_map(|v| v.concat())
}

/// Octets the regex takes (1-3 digits, <= 255, leading zeros allowed).
const GOOD_OCTETS: &[&str] = &["0", "1", "9", "25", "99", "00", "000", "025", "099", "100", "199", "200", "249", "250", "255"];

fn octet() -> impl Strategy<Value = &'static str> {
    prop_oneof![12 => prop::sample::select(GOOD_OCTETS), 1 => prop::sample::select(OCTETS)]
}

fn ipv4() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::collection::vec(octet(), 4..=4),
        1 => prop::collection::vec(prop::sample::select(OCTETS), 1..=6),
    ]
    .prop_map(|v| v.join("."))
}

fn h16() -> impl Strategy<Value = String> {
    prop_oneof![20 => "[0-9a-fA-F]{1,4}", 1 => "[0-9a-fA-FgG]{0,5}"]
}

/// IPv6-shaped: mostly group counts at the edges of the grammar (8 without `::`, 7 around it),
/// maybe an IPv4 tail, sometimes a second `::`.
pub fn ipv6() -> impl Strategy<Value = String> {
    let count = prop_oneof![3 => 6usize..=8, 1 => 0usize..=9];
    (
        count,
        prop_oneof![2 => Just(0u8), 5 => Just(1u8), 1 => Just(2u8)],
        0usize..=8,
        prop::collection::vec(h16(), 10..=10),
        prop::option::weighted(0.3, ipv4()),
        any::<u8>(),
    )
        .prop_map(|(total, dc, split, g, v4, pos)| {
            let n = if v4.is_some() { total.saturating_sub(2) } else { total };
            let n = if dc == 0 { n } else { n.min(7).saturating_sub(usize::from(pos % 3 == 0)) };
            let k = split.min(n);
            let (l, r) = g[..n].split_at(k);
            let mut s = l.join(":");
            if dc == 0 {
                if !l.is_empty() && !r.is_empty() {
                    s.push(':');
                }
            } else {
                s.push_str("::");
            }
            s.push_str(&r.join(":"));
            if dc == 2 {
                let at = pos as usize % (s.len() + 1);
                if s.is_char_boundary(at) {
                    s.insert_str(at, "::");
                }
            }
            if let Some(v4) = v4 {
                if !s.is_empty() && !s.ends_with(':') {
                    s.push(':');
                }
                s.push_str(&v4);
            }
            s
        })
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => ipv6().prop_map(|h| format!("[{h}]")),
        1 => ("[vV]", "[0-9a-fA-FgG]{0,3}", prop::sample::select(&[".", ".", "", ".."][..]), clean(4)).prop_map(|(v, h, d, t)| format!("[{v}{h}{d}{t}]")),
        2 => ipv4(),
        2 => clean(5),
        1 => soup(5).prop_map(|s| format!("[{s}]")),
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![6 => clean(4).prop_map(|s| format!("/{s}")), 1 => soup(3)], 0..4).prop_map(|v| v.concat())
}

/// scheme ":" [slashes [userinfo "@"] host [":" port]] path ["?" query] ["#" fragment], then
/// up to three single-character insertions, deletions or replacements.
pub fn structured() -> impl Strategy<Value = String> {
    let scheme = prop_oneof![
        4 => "[a-zA-Z][a-zA-Z0-9+.\\-]{0,4}",
        1 => prop::sample::select(&["http", "HTTP", "urn", "1a", "", "a_b", "ſ", "\u{212a}", "a b"][..]).prop_map(String::from),
    ];
    let slashes = prop::sample::select(&["//", "//", "/", "", "///"][..]);
    let userinfo = prop::option::weighted(0.3, clean(4).prop_map(|u| format!("{u}@")));
    let port = prop::option::weighted(0.3, prop_oneof![3 => "[0-9]{0,5}", 1 => soup(3)].prop_map(|p| format!(":{p}")));
    let query = prop::option::weighted(0.3, prop_oneof![4 => clean(5), 1 => soup(5)].prop_map(|q| format!("?{q}")));
    let fragment = prop::option::weighted(0.3, prop_oneof![4 => clean(5), 1 => soup(5)].prop_map(|f| format!("#{f}")));
    let colon = prop_oneof![12 => Just(":"), 1 => Just("")];
    let mutation = (any::<prop::sample::Index>(), 0u8..3, char_s());
    let mutations = prop_oneof![1 => Just(vec![]), 1 => prop::collection::vec(mutation, 1..=3)];
    (scheme, colon, slashes, userinfo, host(), port, path(), query, fragment, mutations).prop_map(
        |(sc, co, sl, ui, h, po, pa, q, f, muts)| {
            let mut s = format!(
                "{sc}{co}{sl}{}{h}{}{pa}{}{}",
                ui.unwrap_or_default(),
                po.unwrap_or_default(),
                q.unwrap_or_default(),
                f.unwrap_or_default()
            );
            for (at, kind, c) in muts {
                let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
                let i = bounds[at.index(bounds.len())];
                let next = bounds.iter().copied().find(|&b| b > i);
                match (kind, next) {
                    (0, _) => s.insert_str(i, &c),
                    (1, Some(n)) => s.replace_range(i..n, ""),
                    (_, Some(n)) => s.replace_range(i..n, &c),
                    _ => s.push_str(&c),
                }
            }
            s
        },
    )
}

/// Just an IP-literal authority: `a:` slashes [userinfo@] `[` IPv6 | IPvFuture `]` [:port] path,
/// with at most one mutation.
pub fn ip_literal_uri() -> impl Strategy<Value = String> {
    let lit = prop_oneof![
        6 => ipv6(),
        1 => ("[vV]", "[0-9a-fA-F]{0,2}", prop::sample::select(&[".", ".", ""][..]), clean(3)).prop_map(|(v, h, d, t)| format!("{v}{h}{d}{t}")),
    ];
    let slashes = prop::sample::select(&["//", "//", "/", "", "///"][..]);
    let userinfo = prop::option::weighted(0.3, clean(3).prop_map(|u| format!("{u}@")));
    let port = prop::option::weighted(0.4, "[0-9]{0,3}").prop_map(|p| p.map(|p| format!(":{p}")).unwrap_or_default());
    let tail = prop_oneof![6 => path(), 1 => clean(3)];
    let mutation = prop::option::weighted(0.25, (any::<prop::sample::Index>(), char_s()));
    (slashes, userinfo, lit, port, tail, mutation).prop_map(|(sl, ui, lit, po, tail, m)| {
        let mut s = format!("a:{sl}{}[{lit}]{po}{tail}", ui.unwrap_or_default());
        if let Some((at, c)) = m {
            let bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
            let i = bounds[at.index(bounds.len())];
            s.insert_str(i, &c);
        }
        s
    })
}

/// Either generator, for tools (the node cross-check) that want one stream of strings.
pub fn uri_ish() -> impl Strategy<Value = String> {
    prop_oneof![3 => structured(), 1 => ip_literal_uri(), 1 => (prop::sample::select(&["a:", "a://", "a:/", "HTTP://", ""][..]), soup(14)).prop_map(|(p, s)| format!("{p}{s}"))]
}

fn check(s: &[u8]) -> Result<(), TestCaseError> {
    prop_assert_eq!(uri::is_uri(s), reference(s), "{:?}", String::from_utf8_lossy(s));
    Ok(())
}

proptest! {
    #![proptest_config(config(300_000, 0x5552_4901))]
    #[test]
    fn structured_uris_match_the_regex(s in structured()) {
        check(s.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(150_000, 0x5552_4904))]
    #[test]
    fn ip_literal_uris_match_the_regex(s in ip_literal_uri()) {
        check(s.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(200_000, 0x5552_4902))]
    #[test]
    fn prefixed_soup_matches_the_regex(p in prop::sample::select(&["a:", "a://", "a:/", "HTTP://", "x+y-z.w:", ""][..]), s in soup(14)) {
        check(format!("{p}{s}").as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(50_000, 0x5552_4903))]
    #[test]
    fn raw_bytes_match_the_regex(p in prop::sample::select(&["a:", "a://[", "a://", ""][..]), b in prop::collection::vec(any::<u8>(), 0..24)) {
        let mut v = p.as_bytes().to_vec();
        v.extend(b);
        check(&v)?;
    }
}

#[test]
fn hand_picked_agree_with_the_regex() {
    for s in [
        "ftp://a/b", "http://[::1]:80/x", "urn:isbn:123", "/a/b", "a b", "http://a%zz", "", "HTTP://A", "http://256.1.1.1",
        "mailto:x@y", "x:", "1a:b", "a:b#c#d", "http://host:abc", "a:/[::1]/x", "a:////x", "a://[::1]:", "a://u@v@[::1]",
        "a://[1:2:3:4:5:6::1.2.3.4]", "a://[::0025.1.1.1]", "a:\u{17f}", "a:b\n",
    ] {
        assert_eq!(uri::is_uri(s.as_bytes()), reference(s.as_bytes()), "{s:?}");
    }
}

/// The embedded pattern is ajv-formats' own (when node_modules is installed; skipped otherwise).
#[test]
fn embedded_pattern_is_ajv_formats_own() {
    let pnpm = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../node_modules/.pnpm");
    let Ok(dir) = std::fs::read_dir(&pnpm) else {
        eprintln!("skipped: no {}", pnpm.display());
        return;
    };
    let mut checked = 0;
    for e in dir.flatten() {
        if !e.file_name().to_string_lossy().starts_with("ajv-formats@3.0.1") {
            continue;
        }
        let js = std::fs::read_to_string(e.path().join("node_modules/ajv-formats/dist/formats.js")).expect("formats.js");
        let line = js.lines().find(|l| l.starts_with("const URI = /")).expect("const URI line");
        assert_eq!(line, format!("const URI = /{AJV_URI}/i;"));
        assert!(js.contains("const NOT_URI_FRAGMENT = /\\/|:/;"));
        assert!(js.contains("return NOT_URI_FRAGMENT.test(str) && URI.test(str);"));
        checked += 1;
    }
    if checked == 0 {
        eprintln!("skipped: no ajv-formats@3.0.1 under {}", pnpm.display());
    }
}
