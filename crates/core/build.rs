//! Compiles every `schemas/ocpp1.6/*.json` (draft-04, the subset OCPP 1.6 uses) into static tables.
//!
//! The engine in `src/engine.rs` is generic; everything schema-specific lives in the generated
//! `$OUT_DIR/schemas.rs`. Any keyword or shape this compiler does not understand is a build
//! failure, never a silent "accept": a schema we cannot enforce exactly must not compile.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Map, Value};

#[allow(dead_code)]
#[path = "src/hash.rs"]
mod hash;

/// A perfect hash for `names` as `NameHash { .. }` source, or the linear-scan fallback.
fn name_hash(names: &[&str]) -> String {
    if names.is_empty() || names.len() > 254 || names.iter().any(|n| n.len() > hash::WIDE) {
        return "NameHash::LINEAR".to_string();
    }
    let word_sets: Vec<[u64; 4]> = names.iter().map(|n| hash::words(n.as_bytes(), 0, n.len())).collect();
    let fps: Vec<u64> = names.iter().zip(&word_sets).map(|(n, w)| hash::fingerprint(w, n.len())).collect();
    let min_bits = (usize::BITS - (names.len() - 1).leading_zeros()).max(1);
    for bits in min_bits..=min_bits + 4 {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407) | 1;
            let shift = 64 - bits;
            let mut slots = vec![0u8; 1 << bits];
            let mut ok = true;
            for (i, &fp) in fps.iter().enumerate() {
                let s = hash::slot(fp, seed, shift);
                if slots[s] != 0 {
                    ok = false;
                    break;
                }
                slots[s] = i as u8 + 1;
            }
            if ok {
                let entries: Vec<String> = slots
                    .iter()
                    .map(|&k| match k {
                        0 => "NameEntry::EMPTY".to_string(),
                        k => {
                            let i = k as usize - 1;
                            let w = word_sets[i];
                            format!(
                                "NameEntry {{ w: [{:#x}, {:#x}, {:#x}, {:#x}], len: {}, index: {i} }}",
                                w[0],
                                w[1],
                                w[2],
                                w[3],
                                names[i].len()
                            )
                        }
                    })
                    .collect();
                return format!("NameHash {{ seed: {seed:#x}, shift: {shift}, entries: &[{}] }}", entries.join(", "));
            }
        }
    }
    "NameHash::LINEAR".to_string()
}

/// The `FastKey` that recognises `"name":` (quotes and colon included) in up to three masked
/// 8-byte compares, or `FastKey::NONE` when the raw bytes could not stand for the name (a name
/// needing escapes) or the pattern does not fit in 24 bytes.
fn fast_key(name: &str) -> String {
    let mut pat = vec![b'"'];
    pat.extend_from_slice(name.as_bytes());
    pat.extend_from_slice(b"\":");
    if pat.len() > 24 || name.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        return "FastKey::NONE".to_string();
    }
    let mut w = [0u64; 3];
    let mut m = [0u64; 3];
    for (i, &b) in pat.iter().enumerate() {
        w[i / 8] |= u64::from(b) << (8 * (i % 8));
        m[i / 8] |= 0xFFu64 << (8 * (i % 8));
    }
    format!(
        "FastKey {{ w: [{:#x}, {:#x}, {:#x}], m: [{:#x}, {:#x}, {:#x}], len: {} }}",
        w[0],
        w[1],
        w[2],
        m[0],
        m[1],
        m[2],
        pat.len()
    )
}

/// Keywords that carry no validation meaning for ajv (annotations / identifiers).
const ANNOTATIONS: &[&str] = &["$schema", "id", "title", "description", "$comment"];
/// Keywords the engine enforces.
const SUPPORTED: &[&str] =
    &["type", "properties", "required", "additionalProperties", "items", "enum", "maxLength", "format", "multipleOf"];
/// The engine recurses once per schema level (never per input level); this bounds that.
const MAX_SCHEMA_DEPTH: usize = 32;
/// Per-object property bookkeeping uses one bit per declared property in a u64.
const MAX_PROPERTIES: usize = 64;

struct Gen {
    prefix: String,
    file: String,
    out: String,
    count: usize,
    max_props: usize,
    max_name_len: usize,
    pred_slots: usize,
}

fn fail(file: &str, at: &str, msg: &str) -> ! {
    panic!("schema {file}: at JSON pointer '{at}': {msg} (extend build.rs and the engine before using this schema)")
}

fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

fn pointer_escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

impl Gen {
    /// Emits the node for `schema` and returns its static's name.
    fn node(&mut self, schema: &Value, at: &str, depth: usize) -> String {
        if depth > MAX_SCHEMA_DEPTH {
            fail(&self.file, at, &format!("schema nesting deeper than {MAX_SCHEMA_DEPTH}"));
        }
        let obj: &Map<String, Value> = match schema {
            Value::Object(m) => m,
            _ => fail(&self.file, at, "a schema must be a JSON object (boolean schemas are not draft-04)"),
        };
        for key in obj.keys() {
            if key == "$ref" {
                fail(&self.file, at, "$ref is not supported");
            }
            if !ANNOTATIONS.contains(&key.as_str()) && !SUPPORTED.contains(&key.as_str()) {
                fail(&self.file, at, &format!("unsupported keyword '{key}'"));
            }
        }

        let ty = match obj.get("type") {
            None => "None".to_string(),
            Some(Value::String(t)) => {
                let v = match t.as_str() {
                    "string" => "String",
                    "integer" => "Integer",
                    "number" => "Number",
                    "boolean" => "Boolean",
                    "object" => "Object",
                    "array" => "Array",
                    "null" => "Null",
                    other => fail(&self.file, at, &format!("unknown type '{other}'")),
                };
                format!("Some(JsonType::{v})")
            }
            Some(_) => fail(&self.file, at, "'type' must be a single type name (type arrays are not supported)"),
        };

        let mut enum_hash = name_hash(&[]);
        let enum_values = match obj.get("enum") {
            None => "None".to_string(),
            Some(Value::Array(vals)) => {
                if vals.is_empty() {
                    fail(&self.file, at, "'enum' must not be empty");
                }
                let mut parts = Vec::new();
                let mut strs = Vec::new();
                for v in vals {
                    match v {
                        Value::String(s) => {
                            self.max_name_len = self.max_name_len.max(s.len());
                            parts.push(rust_str(s));
                            strs.push(s.as_str());
                        }
                        _ => fail(&self.file, at, "only string enum values are supported"),
                    }
                }
                enum_hash = name_hash(&strs);
                format!("Some(&[{}])", parts.join(", "))
            }
            Some(_) => fail(&self.file, at, "'enum' must be an array"),
        };

        let max_length = match obj.get("maxLength") {
            None => "None".to_string(),
            Some(v) => match v.as_u64() {
                Some(n) if n <= u32::MAX as u64 => format!("Some({n})"),
                _ => fail(&self.file, at, "'maxLength' must be a non-negative integer below 2^32"),
            },
        };

        let multiple_of = match obj.get("multipleOf") {
            None => "None".to_string(),
            Some(Value::Number(n)) => decimal_multiple(&self.file, at, n),
            Some(_) => fail(&self.file, at, "'multipleOf' must be a number"),
        };

        let format = match obj.get("format") {
            None => "None".to_string(),
            Some(Value::String(f)) if f == "date-time" => "Some(Format::DateTime)".to_string(),
            Some(Value::String(f)) if f == "uri" => "Some(Format::Uri)".to_string(),
            Some(other) => fail(&self.file, at, &format!("unsupported format {other}")),
        };

        let additional = match obj.get("additionalProperties") {
            None | Some(Value::Bool(true)) => true,
            Some(Value::Bool(false)) => false,
            Some(_) => fail(&self.file, at, "'additionalProperties' must be a boolean (schemas are not supported)"),
        };

        let mut names: Vec<String> = Vec::new();
        let mut props = Vec::new();
        match obj.get("properties") {
            None => {}
            Some(Value::Object(p)) => {
                if p.len() > MAX_PROPERTIES {
                    fail(&self.file, at, &format!("more than {MAX_PROPERTIES} properties"));
                }
                for (name, sub) in p {
                    let child = self.node(sub, &format!("{at}/properties/{}", pointer_escape(name)), depth + 1);
                    self.max_name_len = self.max_name_len.max(name.len());
                    props.push(format!(
                        "Property {{ name: {}, path_segment: {}, node: &{child}, key: {} }}",
                        rust_str(name),
                        rust_str(&format!("/{}", pointer_escape(name))),
                        fast_key(name)
                    ));
                    names.push(name.clone());
                }
                self.max_props = self.max_props.max(p.len());
            }
            Some(_) => fail(&self.file, at, "'properties' must be an object"),
        }

        let mut required: u64 = 0;
        let mut required_order: Vec<String> = Vec::new();
        match obj.get("required") {
            None => {}
            Some(Value::Array(r)) => {
                for v in r {
                    let Value::String(name) = v else {
                        fail(&self.file, at, "'required' entries must be strings");
                    };
                    match names.iter().position(|n| n == name) {
                        Some(i) if required & (1u64 << i) == 0 => {
                            required |= 1u64 << i;
                            required_order.push(i.to_string());
                        }
                        Some(_) => fail(&self.file, at, &format!("required property '{name}' is listed twice")),
                        None => fail(&self.file, at, &format!("required property '{name}' is not declared in 'properties'")),
                    }
                }
            }
            Some(_) => fail(&self.file, at, "'required' must be an array"),
        }

        let items = match obj.get("items") {
            None => "None".to_string(),
            Some(v @ Value::Object(_)) => {
                let child = self.node(v, &format!("{at}/items"), depth + 1);
                format!("Some(&{child})")
            }
            Some(_) => fail(&self.file, at, "'items' must be a single schema (tuple validation is not supported)"),
        };

        let prop_hash = name_hash(&names.iter().map(String::as_str).collect::<Vec<_>>());
        // One slot for the first key of an object, then one per property for the key after it.
        let pred_base = self.pred_slots;
        if !props.is_empty() {
            self.pred_slots += 1 + props.len();
        }
        let object_keywords = !props.is_empty() || required != 0 || !additional;
        let enum_plain = matches!(obj.get("enum"), Some(Value::Array(v)) if v.iter().all(|x| {
            x.as_str().is_some_and(|t| t.bytes().all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\'))
        }));
        // Which check settles a plain short string here (see `PlainString`).
        let plain = if !matches!(ty.as_str(), "None" | "Some(JsonType::String)") || multiple_of != "None" {
            "General"
        } else {
            match (enum_values != "None", max_length != "None", format != "None") {
                (false, false, false) => "Any",
                // The engine's enum fast path relies on names without `"`, `\\`, control or
                // non-ASCII bytes (see `PlainString::Enum`).
                (true, false, false) if enum_hash != "NameHash::LINEAR" && enum_plain => "Enum",
                (false, true, false) => "MaxLength",
                (false, false, true) if format == "Some(Format::DateTime)" => "DateTime",
                _ => "General",
            }
        };
        // OCPP 1.6's UnitOfMeasure, the enum the errata tolerance widens (SEMANTICS.md, Tolerances).
        let unit_of_measure = matches!(obj.get("enum"), Some(Value::Array(v)) if v.iter().any(|x| x == "Celcius"));
        let name = format!("{}_N{}", self.prefix, self.count);
        self.count += 1;
        writeln!(
            self.out,
            "static {name}: Node = Node {{ ty: {ty}, enum_values: {enum_values}, enum_hash: {enum_hash}, max_length: {max_length}, \
             multiple_of: {multiple_of}, format: {format}, properties: &[{}], prop_hash: {prop_hash}, required: {required:#x}, required_order: &[{}], additional_properties: {additional}, \
             object_keywords: {object_keywords}, items: {items}, pred_base: {pred_base}, plain: PlainString::{plain}, unit_of_measure: {unit_of_measure} }};",
            props.join(", "),
            required_order.join(", ")
        )
        .unwrap();
        name
    }
}

/// `multipleOf` as `Some(Multiple { .. })`: the schema value m = `coefficient` × 10^`exponent` with
/// no trailing zero in `coefficient`, read from the number's shortest decimal form (serde_json's
/// float_roundtrip gives the f64 the file means; `{:e}` prints its shortest digits, as `String(m)`).
fn decimal_multiple(file: &str, at: &str, n: &serde_json::Number) -> String {
    let v = n.as_f64().unwrap_or(f64::NAN);
    if !(v.is_finite() && v > 0.0) {
        fail(file, at, "'multipleOf' must be a positive finite number");
    }
    let text = format!("{v:e}");
    let (mantissa, exp) = text.split_once('e').unwrap_or((&text, "0"));
    let mut exponent: i32 = exp.parse().unwrap();
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    exponent -= frac.len() as i32;
    let mut coefficient: u64 = digits.parse().unwrap_or_else(|_| fail(file, at, "'multipleOf' has too many digits"));
    while coefficient.is_multiple_of(10) {
        coefficient /= 10;
        exponent += 1;
    }
    if coefficient > 1 << 60 {
        fail(file, at, "'multipleOf' coefficient too large");
    }
    // ajv's message prints the schema value as JavaScript would.
    let js = if v.fract() == 0.0 && v < 1e21 { format!("{v:.0}") } else { format!("{v}") };
    format!("Some(Multiple {{ coefficient: {coefficient}, exponent: {exponent}, text: {js:?} }})")
}

fn screaming_snake(stem: &str) -> String {
    let mut s = String::new();
    let mut prev_lower = false;
    for c in stem.chars() {
        if c.is_ascii_uppercase() && prev_lower {
            s.push('_');
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_uppercase());
        } else {
            s.push('_');
            prev_lower = false;
        }
    }
    s
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas").join("ocpp1.6");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("crates/core/schemas/ocpp1.6 must exist") {
        let path = entry.expect("readable schemas dir").path();
        if path.extension().and_then(|e| e.to_str()) == Some("json") {
            println!("cargo:rerun-if-changed={}", path.display());
            let stem = path.file_stem().unwrap().to_str().expect("UTF-8 schema file name").to_string();
            files.insert(stem, path);
        }
    }
    assert!(!files.is_empty(), "no schemas/ocpp1.6/*.json found");

    let mut out = String::new();
    let mut all = Vec::new();
    let mut max_props = 1;
    let mut max_name_len = 1;
    // Each schema's key-order hints are a whole number of u64 words of one shared table, so a
    // parse copies in (and publishes) only its own schema's words.
    let mut hint_words_total = 0;
    let mut hint_words_max = 1;
    for (index, (stem, path)) in files.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
        match json.get("$schema").and_then(Value::as_str) {
            Some("http://json-schema.org/draft-04/schema#") | None => {}
            Some(other) => panic!("{}: only draft-04 schemas are supported, found $schema {other}", path.display()),
        }
        let ident = screaming_snake(stem);
        let mut g = Gen {
            prefix: ident.clone(),
            file: path.display().to_string(),
            out: String::new(),
            count: 0,
            max_props: 0,
            max_name_len: 0,
            pred_slots: 0,
        };
        let root = g.node(&json, "", 0);
        max_props = max_props.max(g.max_props);
        max_name_len = max_name_len.max(g.max_name_len);
        let hint_words = g.pred_slots.div_ceil(8);
        let hint_word = hint_words_total;
        hint_words_total += hint_words;
        hint_words_max = hint_words_max.max(hint_words);
        out.push_str(&g.out);
        let file_name = path.file_name().unwrap().to_str().unwrap();
        writeln!(
            out,
            "/// Compiled from `schemas/ocpp1.6/{file_name}`.\npub static {ident}: Schema = Schema {{ name: {}, file: {}, index: {index}, hint_word: {hint_word}, hint_words: {hint_words}, root: &{root} }};",
            rust_str(stem),
            rust_str(file_name)
        )
        .unwrap();
        all.push(ident);
    }
    writeln!(out, "/// Every schema compiled from `schemas/ocpp1.6/*.json`, sorted by file name: `ALL[i].index() == i`.")
        .unwrap();
    writeln!(out, "pub static ALL: &[&Schema] = &[{}];", all.iter().map(|i| format!("&{i}")).collect::<Vec<_>>().join(", "))
        .unwrap();
    // The requests (file names without the `Response` suffix) are the actions a CALL can name.
    let actions: Vec<(&str, &String)> = files
        .keys()
        .map(String::as_str)
        .zip(all.iter())
        .filter(|(stem, _)| !stem.ends_with("Response"))
        .collect();
    writeln!(out, "/// The request schemas (the actions a CALL can name), sorted by name.").unwrap();
    writeln!(
        out,
        "pub static ACTIONS: &[&Schema] = &[{}];",
        actions.iter().map(|(_, i)| format!("&{i}")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    let action_names: Vec<&str> = actions.iter().map(|(s, _)| *s).collect();
    // Who sends what is protocol knowledge, not payload shape: it lives beside the schema files.
    let directions_path = dir.with_file_name("directions.json");
    println!("cargo:rerun-if-changed={}", directions_path.display());
    let directions: Value = serde_json::from_str(&std::fs::read_to_string(&directions_path).expect("schemas/directions.json"))
        .expect("schemas/directions.json is JSON");
    let charge_point: Vec<&str> = directions["ocpp1.6"]["chargePoint"]
        .as_array()
        .expect("directions.json: ocpp1.6.chargePoint is an array")
        .iter()
        .map(|v| v.as_str().expect("directions.json: action names are strings"))
        .collect();
    for a in &charge_point {
        assert!(action_names.contains(a), "directions.json: '{a}' is not a request schema in schemas/ocpp1.6");
    }
    writeln!(out, "/// The actions a Charge Point initiates (`schemas/directions.json`).").unwrap();
    writeln!(
        out,
        "pub const CHARGE_POINT_ACTIONS: [&str; {}] = [{}];",
        charge_point.len(),
        charge_point.iter().map(|a| rust_str(a)).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    writeln!(out, "pub(crate) static ACTION_HASH: NameHash = {};", name_hash(&action_names)).unwrap();
    writeln!(out, "pub(crate) const MAX_PROPERTIES: usize = {max_props};").unwrap();
    writeln!(out, "pub(crate) const MAX_NAME_LEN: usize = {max_name_len};").unwrap();
    // A whole number of u64 words, so the hint table is copied in and out word by word.
    writeln!(out, "pub(crate) const PRED_SLOTS: usize = {};", hint_words_max * 8).unwrap();
    writeln!(out, "pub(crate) const HINT_WORDS: usize = {};", hint_words_total.max(1)).unwrap();

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("schemas.rs");
    std::fs::write(dest, out).unwrap();
}
