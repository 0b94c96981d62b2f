//! Compiles every `schemas/<protocol>/*.json` (OCPP 1.6: draft-04; 2.0.1 and 2.1: draft-06 with
//! local `$ref`s, resolved here) into static tables.
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
    let fps: Vec<u64> = word_sets.iter().map(hash::fingerprint).collect();
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
    fast_key_after(name, b"")
}

/// [`fast_key`] for `before` then `"name":`: `,"name":` recognises the comma before a key and the
/// key in one compare (`Property::next_key`).
fn fast_key_after(name: &str, before: &[u8]) -> String {
    let mut pat = before.to_vec();
    pat.push(b'"');
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

/// Keywords that carry no validation meaning for ajv (annotations / identifiers). `definitions`
/// only matters through the `$ref`s that point into it; `additionalItems` has no effect beside a
/// single `items` schema (checked where it appears).
const ANNOTATIONS: &[&str] = &[
    "$schema", "id", "$id", "title", "description", "$comment", "comment", "javaType", "default", "definitions",
    "additionalItems",
];
/// Keywords the engine enforces.
const SUPPORTED: &[&str] = &[
    "type", "properties", "required", "additionalProperties", "items", "enum", "maxLength", "format", "multipleOf", "minimum",
    "maximum", "minItems", "maxItems",
];
/// `$ref` chains nest at most 7 deep in the OCA files; a longer one is more likely a mistake.
const MAX_REF_DEPTH: usize = 16;
/// The engine recurses once per schema level (never per input level); this bounds that.
const MAX_SCHEMA_DEPTH: usize = 32;
/// Per-object property bookkeeping uses one bit per declared property in a u64.
const MAX_PROPERTIES: usize = 64;

struct Gen<'a> {
    prefix: String,
    file: String,
    /// The file's `definitions`, what its `$ref`s point into.
    definitions: Option<&'a Map<String, Value>>,
    /// `$ref` target → the static compiled for it, so a definition used many times is one node.
    compiled_refs: BTreeMap<String, String>,
    /// The `$ref`s being compiled, outermost first: a cycle is a build failure.
    ref_stack: Vec<String>,
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

impl Gen<'_> {
    /// A `$ref` node: the definition it names, compiled once per file.
    fn reference(&mut self, obj: &Map<String, Value>, at: &str, depth: usize) -> String {
        if obj.keys().any(|k| k != "$ref" && !ANNOTATIONS.contains(&k.as_str())) {
            // draft-06 ignores a `$ref`'s siblings, ajv 8 does not: a file relying on either is ambiguous.
            fail(&self.file, at, "keywords beside '$ref' are not supported");
        }
        let Some(Value::String(target)) = obj.get("$ref") else {
            fail(&self.file, at, "'$ref' must be a string");
        };
        if let Some(name) = self.compiled_refs.get(target) {
            return name.clone();
        }
        let Some(def_name) = target.strip_prefix("#/definitions/") else {
            fail(&self.file, at, &format!("only local '#/definitions/...' references are supported, found '{target}'"));
        };
        if def_name.contains('/') || def_name.contains('~') || def_name.contains('%') {
            fail(&self.file, at, &format!("'$ref' '{target}' needs pointer unescaping, which is not supported"));
        }
        if self.ref_stack.contains(target) {
            fail(&self.file, at, &format!("'$ref' cycle through '{target}'"));
        }
        if self.ref_stack.len() >= MAX_REF_DEPTH {
            fail(&self.file, at, &format!("'$ref' chain deeper than {MAX_REF_DEPTH}"));
        }
        let Some(def) = self.definitions.and_then(|d| d.get(def_name)) else {
            fail(&self.file, at, &format!("'$ref' '{target}' names no definition"));
        };
        self.ref_stack.push(target.clone());
        let name = self.node(def, &format!("/definitions/{def_name}"), depth);
        self.ref_stack.pop();
        self.compiled_refs.insert(target.clone(), name.clone());
        name
    }

    /// Emits the node for `schema` and returns its static's name.
    fn node(&mut self, schema: &Value, at: &str, depth: usize) -> String {
        if depth > MAX_SCHEMA_DEPTH {
            fail(&self.file, at, &format!("schema nesting deeper than {MAX_SCHEMA_DEPTH}"));
        }
        let obj: &Map<String, Value> = match schema {
            Value::Object(m) => m,
            _ => fail(&self.file, at, "a schema must be a JSON object (boolean schemas are not supported)"),
        };
        if obj.contains_key("$ref") {
            return self.reference(obj, at, depth);
        }
        for key in obj.keys() {
            if !ANNOTATIONS.contains(&key.as_str()) && !SUPPORTED.contains(&key.as_str()) {
                fail(&self.file, at, &format!("unsupported keyword '{key}'"));
            }
            if key == "definitions" && !at.is_empty() {
                fail(&self.file, at, "'definitions' is only supported at the root");
            }
        }
        if obj.contains_key("additionalItems") && !matches!(obj.get("items"), Some(Value::Object(_))) {
            fail(&self.file, at, "'additionalItems' only without effect (beside a single 'items' schema) is supported");
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

        let minimum = self.bound(obj, "minimum", at);
        let maximum = self.bound(obj, "maximum", at);
        let min_items = count(&self.file, at, obj, "minItems");
        let max_items = count(&self.file, at, obj, "maxItems");

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
                        "Property {{ name: {}, path_segment: {}, node: &{child}, key: {}, next_key: {} }}",
                        rust_str(name),
                        rust_str(&format!("/{}", pointer_escape(name))),
                        fast_key(name),
                        fast_key_after(name, b",")
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
        let plain = if !matches!(ty.as_str(), "None" | "Some(JsonType::String)")
            || multiple_of != "None"
            || minimum != "None"
            || maximum != "None"
        {
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
        let plain_number = match ty.as_str() {
            _ if enum_values != "None" || multiple_of != "None" || minimum != "None" || maximum != "None" => "No",
            "Some(JsonType::Integer)" => "Integer",
            "Some(JsonType::Number)" => "Number",
            _ => "No",
        };
        // OCPP 1.6's UnitOfMeasure, the enum the errata tolerance widens (SEMANTICS.md, Tolerances).
        let unit_of_measure = matches!(obj.get("enum"), Some(Value::Array(v)) if v.iter().any(|x| x == "Celcius"));
        let name = format!("{}_N{}", self.prefix, self.count);
        self.count += 1;
        writeln!(
            self.out,
            "static {name}: Node = Node {{ ty: {ty}, enum_values: {enum_values}, enum_hash: {enum_hash}, max_length: {max_length}, \
             multiple_of: {multiple_of}, minimum: {minimum}, maximum: {maximum}, min_items: {min_items}, max_items: {max_items}, format: {format}, properties: &[{}], prop_hash: {prop_hash}, required: {required:#x}, required_order: &[{}], additional_properties: {additional}, \
             object_keywords: {object_keywords}, items: {items}, pred_base: {pred_base}, plain: PlainString::{plain}, plain_number: PlainNumber::{plain_number}, unit_of_measure: {unit_of_measure} }};",
            props.join(", "),
            required_order.join(", ")
        )
        .unwrap();
        name
    }
}

impl Gen<'_> {
    /// `minimum` / `maximum` as `Some(Bound { .. })`: ajv compares the double `JSON.parse` gives
    /// with the schema's double.
    fn bound(&self, obj: &Map<String, Value>, keyword: &str, at: &str) -> String {
        match obj.get(keyword) {
            None => "None".to_string(),
            Some(Value::Number(n)) => {
                let v = n.as_f64().unwrap_or(f64::NAN);
                if !v.is_finite() {
                    fail(&self.file, at, &format!("'{keyword}' must be a finite number"));
                }
                format!("Some(Bound {{ value: {v:?}, text: {:?} }})", js_number_text(v))
            }
            Some(_) => fail(&self.file, at, &format!("'{keyword}' must be a number")),
        }
    }
}

/// `minItems` / `maxItems` as `Some(n)`.
fn count(file: &str, at: &str, obj: &Map<String, Value>, keyword: &str) -> String {
    match obj.get(keyword) {
        None => "None".to_string(),
        Some(v) => match v.as_u64() {
            Some(n) if n <= u32::MAX as u64 => format!("Some({n})"),
            _ => fail(file, at, &format!("'{keyword}' must be a non-negative integer below 2^32")),
        },
    }
}

/// A schema number as JavaScript's `String()` prints it, for the numbers these files use
/// (integral below 1e21, or a short decimal): the text an issue message quotes.
fn js_number_text(v: f64) -> String {
    if v == 0.0 {
        "0".to_string()
    } else if v.fract() == 0.0 && v.abs() < 1e21 {
        format!("{v:.0}")
    } else {
        let text = format!("{v}");
        assert!(v.abs() >= 1e-6 && v.abs() < 1e21, "{v}: JavaScript would print this in exponent form; extend js_number_text");
        text
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
    let js = js_number_text(v);
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

/// The protocols, in the order their schemas appear in `ALL` (the global message index).
const PROTOCOLS: [(&str, &str, &str, &str); 3] = [
    // (folder, Rust variant, `$schema`, directions.json key of the station-initiated actions)
    ("ocpp1.6", "Ocpp16", "http://json-schema.org/draft-04/schema#", "chargePoint"),
    ("ocpp2.0.1", "Ocpp201", "http://json-schema.org/draft-06/schema#", "chargingStation"),
    ("ocpp2.1", "Ocpp21", "http://json-schema.org/draft-06/schema#", "chargingStation"),
];

/// The action a request schema's stem names, and the stem of its response schema, if any.
/// 1.6: `Authorize` / `AuthorizeResponse`; 2.x: `AuthorizeRequest` / `AuthorizeResponse`, and a
/// message with neither suffix (2.1's `NotifyPeriodicEventStream`, only ever a SEND) is its own action.
fn action_of(protocol: &str, stem: &str) -> Option<(String, String)> {
    if stem.ends_with("Response") {
        return None;
    }
    if protocol == "ocpp1.6" {
        return Some((stem.to_string(), format!("{stem}Response")));
    }
    let action = stem.strip_suffix("Request").unwrap_or(stem);
    Some((action.to_string(), format!("{action}Response")))
}

fn main() {
    let schemas_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    // Who sends what is protocol knowledge, not payload shape: it lives beside the schema files.
    let directions_path = schemas_dir.join("directions.json");
    println!("cargo:rerun-if-changed={}", directions_path.display());
    let directions: Value = serde_json::from_str(&std::fs::read_to_string(&directions_path).expect("schemas/directions.json"))
        .expect("schemas/directions.json is JSON");

    let mut out = String::new();
    let mut all: Vec<String> = Vec::new();
    let mut max_props = 1;
    let mut max_name_len = 1;
    // Each schema's key-order hints are a whole number of u64 words of one shared table, so a
    // parse copies in (and publishes) only its own schema's words.
    let mut hint_words_total = 0;
    let mut hint_words_max = 1;
    let mut protocol_tables = Vec::new();
    for (protocol, variant, draft, station_key) in PROTOCOLS {
        let dir = schemas_dir.join(protocol);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("readable schemas dir").path();
            if path.extension().and_then(|e| e.to_str()) == Some("json") {
                println!("cargo:rerun-if-changed={}", path.display());
                let stem = path.file_stem().unwrap().to_str().expect("UTF-8 schema file name").to_string();
                files.insert(stem, path);
            }
        }
        assert!(!files.is_empty(), "no schemas/{protocol}/*.json found");
        // 1.6 keeps its historical names (`STOP_TRANSACTION`); 2.x names carry the version.
        let ident_prefix = match protocol {
            "ocpp1.6" => "",
            "ocpp2.0.1" => "V201_",
            _ => "V21_",
        };
        let mut idents: BTreeMap<String, String> = BTreeMap::new();
        let mut protocol_schemas = Vec::new();
        for (stem, path) in &files {
            let index = all.len();
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()));
            match json.get("$schema").and_then(Value::as_str) {
                Some(s) if s == draft => {}
                None if protocol == "ocpp1.6" => {}
                other => panic!("{}: expected $schema {draft}, found {other:?}", path.display()),
            }
            let ident = format!("{ident_prefix}{}", screaming_snake(stem));
            let definitions = match json.get("definitions") {
                None => None,
                Some(Value::Object(d)) => Some(d),
                Some(_) => panic!("{}: 'definitions' must be an object", path.display()),
            };
            let mut g = Gen {
                prefix: ident.clone(),
                file: path.display().to_string(),
                definitions,
                compiled_refs: BTreeMap::new(),
                ref_stack: Vec::new(),
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
                "/// Compiled from `schemas/{protocol}/{file_name}`.\npub static {ident}: Schema = Schema {{ name: {}, file: {}, protocol: Protocol::{variant}, index: {index}, hint_word: {hint_word}, hint_words: {hint_words}, root: &{root} }};",
                rust_str(stem),
                rust_str(file_name)
            )
            .unwrap();
            idents.insert(stem.clone(), ident.clone());
            protocol_schemas.push(ident.clone());
            all.push(ident);
        }
        let station: Vec<&str> = directions[protocol][station_key]
            .as_array()
            .unwrap_or_else(|| panic!("directions.json: {protocol}.{station_key} is an array"))
            .iter()
            .map(|v| v.as_str().expect("directions.json: action names are strings"))
            .collect();
        // (action, request ident, response ident) sorted by action name.
        let mut actions: Vec<(String, String, Option<String>)> = Vec::new();
        for stem in files.keys() {
            if let Some((action, response)) = action_of(protocol, stem) {
                actions.push((action, idents[stem].clone(), idents.get(&response).cloned()));
            }
        }
        actions.sort();
        for a in &station {
            assert!(actions.iter().any(|(n, _, _)| n == a), "directions.json: '{a}' is not an action of schemas/{protocol}");
        }
        let names: Vec<&str> = actions.iter().map(|(n, _, _)| n.as_str()).collect();
        let table = format!("{}_TABLE", variant.to_uppercase());
        writeln!(
            out,
            "/// OCPP {protocol}'s messages (file-name order) and actions (name order).\npub(crate) static {table}: ProtocolTable = ProtocolTable {{ schemas: &[{}], actions: &[{}], action_hash: {} }};",
            protocol_schemas.iter().map(|i| format!("&{i}")).collect::<Vec<_>>().join(", "),
            actions
                .iter()
                .map(|(name, request, response)| format!(
                    "ActionEntry {{ name: {}, request: &{request}, response: {}, station_initiated: {} }}",
                    rust_str(name),
                    response.as_ref().map_or("None".to_string(), |r| format!("Some(&{r})")),
                    station.contains(&name.as_str())
                ))
                .collect::<Vec<_>>()
                .join(", "),
            name_hash(&names)
        )
        .unwrap();
        protocol_tables.push(table);
        if protocol == "ocpp1.6" {
            writeln!(out, "/// The actions a Charge Point initiates (`schemas/directions.json`).").unwrap();
            writeln!(
                out,
                "pub const CHARGE_POINT_ACTIONS: [&str; {}] = [{}];",
                station.len(),
                station.iter().map(|a| rust_str(a)).collect::<Vec<_>>().join(", ")
            )
            .unwrap();
        }
    }
    writeln!(
        out,
        "/// Every compiled schema, protocol by protocol (1.6, 2.0.1, 2.1), each sorted by file name: `ALL[i].index() == i`."
    )
    .unwrap();
    writeln!(out, "pub static ALL: &[&Schema] = &[{}];", all.iter().map(|i| format!("&{i}")).collect::<Vec<_>>().join(", "))
        .unwrap();
    writeln!(
        out,
        "pub(crate) static PROTOCOL_TABLES: [&ProtocolTable; 3] = [{}];",
        protocol_tables.iter().map(|t| format!("&{t}")).collect::<Vec<_>>().join(", ")
    )
    .unwrap();
    writeln!(out, "pub(crate) const MAX_PROPERTIES: usize = {max_props};").unwrap();
    writeln!(out, "pub(crate) const MAX_NAME_LEN: usize = {max_name_len};").unwrap();
    // A whole number of u64 words, so the hint table is copied in and out word by word.
    writeln!(out, "pub(crate) const PRED_SLOTS: usize = {};", hint_words_max * 8).unwrap();
    writeln!(out, "pub(crate) const HINT_WORDS: usize = {};", hint_words_total.max(1)).unwrap();

    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("schemas.rs");
    std::fs::write(dest, out).unwrap();
}
