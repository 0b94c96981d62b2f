//! The table types `build.rs` emits, and read-only accessors for them (used by tests that check
//! the tables against the schema files, and by anyone who wants to introspect a schema).

/// A draft-04 `type` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JsonType {
    String,
    Integer,
    Number,
    Boolean,
    Object,
    Array,
    Null,
}

impl JsonType {
    pub const fn as_str(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Boolean => "boolean",
            JsonType::Object => "object",
            JsonType::Array => "array",
            JsonType::Null => "null",
        }
    }
}

/// An OCPP version whose schemas are compiled in, in the order of [`schemas::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Protocol {
    Ocpp16,
    Ocpp201,
    Ocpp21,
}

impl Protocol {
    /// In index order: `ALL[i].index() == i`, the protocol index the bindings pass.
    pub const ALL: [Protocol; 3] = [Protocol::Ocpp16, Protocol::Ocpp201, Protocol::Ocpp21];
    /// The WebSocket subprotocol name (and schema folder).
    pub const fn as_str(self) -> &'static str {
        match self {
            Protocol::Ocpp16 => "ocpp1.6",
            Protocol::Ocpp201 => "ocpp2.0.1",
            Protocol::Ocpp21 => "ocpp2.1",
        }
    }
    /// The version as the specifications write it (`1.6`, `2.0.1`, `2.1`).
    pub const fn version(self) -> &'static str {
        match self {
            Protocol::Ocpp16 => "1.6",
            Protocol::Ocpp201 => "2.0.1",
            Protocol::Ocpp21 => "2.1",
        }
    }
    pub const fn index(self) -> usize {
        self as usize
    }
    pub fn from_index(index: usize) -> Option<Protocol> {
        Protocol::ALL.get(index).copied()
    }
    pub fn from_name(name: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.as_str() == name)
    }
    /// Whether this is OCPP 2.0.1 or later (draft-06 schemas, the OCPP-J 2.x error codes).
    pub const fn is_2x(self) -> bool {
        !matches!(self, Protocol::Ocpp16)
    }
    pub(crate) fn table(self) -> &'static ProtocolTable {
        schemas::PROTOCOL_TABLES[self.index()]
    }
    /// This protocol's schemas, sorted by file name.
    pub fn schemas(self) -> &'static [&'static Schema] {
        self.table().schemas
    }
    /// This protocol's actions (what a CALL can name), sorted by name.
    pub fn actions(self) -> &'static [ActionEntry] {
        self.table().actions
    }
    /// The action named `name`, if this protocol has it.
    pub fn action(self, name: &str) -> Option<&'static ActionEntry> {
        self.action_index(name).and_then(|i| self.actions().get(i))
    }
    /// Where the action named `name` is in [`Protocol::actions`], if this protocol has it.
    pub fn action_index(self, name: &str) -> Option<usize> {
        let t = self.table();
        t.action_hash.find(t.actions, |a| a.name, name.as_bytes(), 0, name.len())
    }
    /// The schema of the message named `name` (a file stem), if this protocol has it.
    pub fn schema(self, name: &str) -> Option<&'static Schema> {
        self.schemas().iter().copied().find(|s| s.name == name)
    }
}

/// One protocol's part of the generated tables.
#[derive(Debug)]
pub(crate) struct ProtocolTable {
    pub(crate) schemas: &'static [&'static Schema],
    pub(crate) actions: &'static [ActionEntry],
    pub(crate) action_hash: NameHash,
}

/// An action: the request a CALL of it carries, the response its CALLRESULT carries (none for
/// 2.1's SEND-only `NotifyPeriodicEventStream`), and who initiates it (`schemas/directions.json`).
#[derive(Debug)]
pub struct ActionEntry {
    pub(crate) name: &'static str,
    pub(crate) request: &'static Schema,
    pub(crate) response: Option<&'static Schema>,
    pub(crate) station_initiated: bool,
}

impl ActionEntry {
    pub fn name(&self) -> &'static str {
        self.name
    }
    pub fn request(&self) -> &'static Schema {
        self.request
    }
    pub fn response(&self) -> Option<&'static Schema> {
        self.response
    }
    /// Sent by the Charge Point / Charging Station (a Central System / CSMS receives it as a CALL).
    pub fn station_initiated(&self) -> bool {
        self.station_initiated
    }
}

/// A supported `format` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// ajv-formats 3, full mode.
    DateTime,
    /// ajv-formats 3, full mode (RFC 3986 absolute URI, see `uri.rs`).
    Uri,
}

impl Format {
    pub const fn as_str(self) -> &'static str {
        match self {
            Format::DateTime => "date-time",
            Format::Uri => "uri",
        }
    }
}

/// One compiled (sub)schema.
#[derive(Debug)]
pub struct Node {
    pub(crate) ty: Option<JsonType>,
    pub(crate) enum_values: Option<&'static [&'static str]>,
    pub(crate) enum_hash: NameHash,
    pub(crate) max_length: Option<u32>,
    pub(crate) multiple_of: Option<Multiple>,
    pub(crate) minimum: Option<Bound>,
    pub(crate) maximum: Option<Bound>,
    pub(crate) min_items: Option<u32>,
    pub(crate) max_items: Option<u32>,
    pub(crate) format: Option<Format>,
    pub(crate) properties: &'static [Property],
    pub(crate) prop_hash: NameHash,
    /// Bit `i` set = `properties[i]` is required.
    pub(crate) required: u64,
    /// The required properties' indices in the order of the schema's `required` array, the order
    /// ajv reports them missing in.
    pub(crate) required_order: &'static [u8],
    pub(crate) additional_properties: bool,
    /// Whether an object value needs key-by-key tracking (else it is only skipped).
    pub(crate) object_keywords: bool,
    pub(crate) items: Option<&'static Node>,
    /// First of this node's slots in the parser's key-prediction table (see `engine::Parser::pred`).
    pub(crate) pred_base: u16,
    /// How a plain short string is settled here without the general string checks.
    pub(crate) plain: PlainString,
    /// Whether a number here needs only its type checked (no enum, bounds or multipleOf).
    pub(crate) plain_number: PlainNumber,
    /// An enum that contains `Celcius` (UnitOfMeasure): the errata tolerance adds values here.
    pub(crate) unit_of_measure: bool,
}

/// A `minimum` or `maximum`: ajv compares the double `JSON.parse` gives with this double.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    pub(crate) value: f64,
    /// The bound as JavaScript prints it, for the issue message.
    pub(crate) text: &'static str,
}

impl Bound {
    pub fn value(&self) -> f64 {
        self.value
    }
    pub fn text(&self) -> &'static str {
        self.text
    }
}

/// A `multipleOf` value m = `coefficient` × 10^`exponent` (`coefficient` has no trailing zero).
/// Decided exactly in decimal: see `engine::is_multiple`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Multiple {
    pub(crate) coefficient: u64,
    pub(crate) exponent: i32,
    /// m as JavaScript prints it, for the issue message.
    pub(crate) text: &'static str,
}

impl Multiple {
    pub fn text(&self) -> &'static str {
        self.text
    }
}

/// For a plain short string (no escape, control or non-ASCII byte; closes within 32 bytes, see
/// `text::short_plain`), the one check that can prove it valid at a node whose type admits
/// strings and that has at most one string keyword. A failed check proves nothing: the general
/// path then decides and reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlainString {
    /// Type is not string, or several string keywords: always the general path.
    General,
    /// No string keyword: any string is valid.
    Any,
    /// `enum` alone (with a hashed name table of names without `"`, `\`, control or non-ASCII
    /// bytes): one hash probe of the window up to the first quote (`text::short_quoted`).
    Enum,
    /// `maxLength` alone: an ASCII string's length is its code-point count.
    MaxLength,
    /// `format: date-time` alone: `datetime::plainly_valid`.
    DateTime,
}

/// For a number value: whether its type is the only check (`Integer` / `Number`), so the object
/// loop settles a plainly valid one without the general value path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PlainNumber {
    No,
    Integer,
    Number,
}

/// A perfect hash over a name table of names up to `hash::WIDE` bytes:
/// `entries[slot(fingerprint(name))]` holds the only name that can match. No entries means
/// "scan linearly" (longer names, no seed found, or no names).
#[derive(Debug)]
pub(crate) struct NameHash {
    pub(crate) seed: u64,
    pub(crate) shift: u32,
    pub(crate) entries: &'static [NameEntry],
}

/// One slot: the name as zero-padded words, its length and its table index, so a lookup is one
/// dependent load and a branch-free compare.
#[derive(Debug)]
pub(crate) struct NameEntry {
    pub(crate) w: [u64; 4],
    pub(crate) len: u32,
    pub(crate) index: u32,
}

impl NameEntry {
    pub(crate) const EMPTY: NameEntry = NameEntry { w: [0; 4], len: u32::MAX, index: 0 };
}

impl NameHash {
    pub(crate) const LINEAR: NameHash = NameHash { seed: 0, shift: 63, entries: &[] };

    /// Index of the name equal to `src[start..start + len]` in `names` (the table this hash was
    /// built for), if any.
    #[inline(always)]
    pub(crate) fn find<T>(
        &self,
        names: &'static [T],
        get: impl Fn(&T) -> &'static str,
        src: &[u8],
        start: usize,
        len: usize,
    ) -> Option<usize> {
        use crate::hash::{name_eq, words, WIDE};
        if self.entries.is_empty() {
            return names.iter().position(|n| name_eq(get(n).as_bytes(), src, start, len));
        }
        if len > WIDE {
            return None;
        }
        self.find_words(&words(src, start, len), len)
    }

    /// [`find`](Self::find) for a name already read as `hash::words`; only for hashed tables
    /// (non-empty `entries`).
    #[inline(always)]
    pub(crate) fn find_words(&self, w: &[u64; 4], len: usize) -> Option<usize> {
        let at = self.find_slot(w, len)?;
        self.entries.get(at).map(|e| e.index as usize)
    }

    /// [`find_words`](Self::find_words)'s slot in `entries` rather than the table index: what
    /// the parser remembers to predict the next value of the same property.
    #[inline(always)]
    pub(crate) fn find_slot(&self, w: &[u64; 4], len: usize) -> Option<usize> {
        use crate::hash::{fingerprint, slot};
        let at = slot(fingerprint(w), self.seed, self.shift);
        let e = self.entries.get(at)?;
        let diff = (w[0] ^ e.w[0]) | (w[1] ^ e.w[1]) | (w[2] ^ e.w[2]) | (w[3] ^ e.w[3]) | (e.len as usize ^ len) as u64;
        (diff == 0).then_some(at)
    }
}

/// A declared property of an object schema.
#[derive(Debug)]
pub struct Property {
    pub(crate) name: &'static str,
    /// `/` + the JSON-Pointer-escaped name, ready to append to an instance path.
    pub(crate) path_segment: &'static str,
    pub(crate) node: &'static Node,
    pub(crate) key: FastKey,
    /// `,"name":`: the comma before this key and the key itself, for a key that follows a value
    /// in compact JSON (most of them).
    pub(crate) next_key: FastKey,
}

/// `"name":` as masked little-endian words, so a predicted key (with its quotes and the colon
/// right after it) is confirmed straight from the input bytes without scanning or hashing it.
/// `len == 0`: no fast path for this name.
#[derive(Debug)]
pub(crate) struct FastKey {
    pub(crate) w: [u64; 3],
    pub(crate) m: [u64; 3],
    pub(crate) len: u32,
}

impl FastKey {
    #[allow(dead_code)] // emitted by build.rs for names that need escapes or exceed 21 bytes
    pub(crate) const NONE: FastKey = FastKey { w: [0; 3], m: [0; 3], len: 0 };

    /// Whether the bytes at `src[at..]` are `"name":`. Needs 24 readable bytes; near the end of
    /// the input it says no and the caller takes the general path.
    #[inline(always)]
    pub(crate) fn matches(&self, src: &[u8], at: usize) -> bool {
        let Some(c) = src.get(at..).and_then(|s| s.first_chunk::<24>()) else {
            return false;
        };
        let (a, rest) = c.split_at(8);
        let (b, c) = rest.split_at(8);
        let diff =
            ((load(a) ^ self.w[0]) & self.m[0]) | ((load(b) ^ self.w[1]) & self.m[1]) | ((load(c) ^ self.w[2]) & self.m[2]);
        self.len != 0 && diff == 0
    }

    /// `matches` for an object's first key, the one key the object loop does not reach through
    /// the comma-fused compare. Out of line on x86-64: inlined there, this second copy of the
    /// compare cost the StopTransaction payloads 2-3% in the addon, and as part of an out-of-line
    /// call that also took the general path it cost TransactionEvent's many small objects 3%
    /// (this call: 1.6%). Inline in wasm, where V8 ran the loop fastest with it.
    #[cfg_attr(target_arch = "wasm32", inline(always))]
    #[cfg_attr(not(target_arch = "wasm32"), inline(never))]
    pub(crate) fn matches_first(&self, src: &[u8], at: usize) -> bool {
        self.matches(src, at)
    }
}

#[inline(always)]
fn load(b: &[u8]) -> u64 {
    u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))
}

/// A compiled schema file.
#[derive(Debug)]
pub struct Schema {
    pub(crate) name: &'static str,
    pub(crate) file: &'static str,
    pub(crate) protocol: Protocol,
    /// Position in [`schemas::ALL`] (file-name order), the id that crosses the bindings.
    pub(crate) index: u32,
    /// This schema's words in the learned key-order table (see `engine::LEARNED`).
    pub(crate) hint_word: u16,
    pub(crate) hint_words: u16,
    pub(crate) root: &'static Node,
}

impl Schema {
    /// The file stem, e.g. `StopTransaction`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The file name inside `crates/core/schemas/<protocol>/`.
    pub fn file(&self) -> &'static str {
        self.file
    }
    pub fn protocol(&self) -> Protocol {
        self.protocol
    }
    /// Position in [`schemas::ALL`].
    pub fn index(&self) -> usize {
        self.index as usize
    }
    pub fn root(&self) -> &'static Node {
        self.root
    }
}

impl Node {
    pub fn json_type(&self) -> Option<JsonType> {
        self.ty
    }
    pub fn enum_values(&self) -> Option<&'static [&'static str]> {
        self.enum_values
    }
    pub fn max_length(&self) -> Option<u32> {
        self.max_length
    }
    pub fn format(&self) -> Option<Format> {
        self.format
    }
    pub fn multiple_of(&self) -> Option<Multiple> {
        self.multiple_of
    }
    pub fn minimum(&self) -> Option<Bound> {
        self.minimum
    }
    pub fn maximum(&self) -> Option<Bound> {
        self.maximum
    }
    pub fn min_items(&self) -> Option<u32> {
        self.min_items
    }
    pub fn max_items(&self) -> Option<u32> {
        self.max_items
    }
    /// `false` when the schema says `"additionalProperties": false`.
    pub fn additional_properties(&self) -> bool {
        self.additional_properties
    }
    pub fn items(&self) -> Option<&'static Node> {
        self.items
    }
    /// Declared properties in table order.
    pub fn properties(&self) -> impl Iterator<Item = (&'static str, &'static Node)> {
        self.properties.iter().map(|p| (p.name, p.node))
    }
    pub fn property(&self, name: &str) -> Option<&'static Node> {
        self.properties.iter().find(|p| p.name == name).map(|p| p.node)
    }
    /// Names of the required properties, in the order of the schema's `required` array.
    pub fn required(&self) -> impl Iterator<Item = &'static str> {
        self.required_order.iter().filter_map(|&i| self.properties.get(i as usize)).map(|p| p.name)
    }
}

/// The empty schema `{}`: accepts any JSON value.
pub(crate) static ANY: Node = Node {
    ty: None,
    enum_values: None,
    enum_hash: NameHash::LINEAR,
    max_length: None,
    multiple_of: None,
    minimum: None,
    maximum: None,
    min_items: None,
    max_items: None,
    format: None,
    properties: &[],
    prop_hash: NameHash::LINEAR,
    required: 0,
    required_order: &[],
    additional_properties: true,
    object_keywords: false,
    items: None,
    pred_base: 0,
    plain: PlainString::General,
    plain_number: PlainNumber::No,
    unit_of_measure: false,
};

/// Every schema compiled from `crates/core/schemas/<protocol>/*.json`.
pub mod schemas {
    #[allow(unused_imports)]
    use super::{
        ActionEntry, Bound, FastKey, Format, JsonType, Multiple, NameEntry, NameHash, Node, PlainNumber, PlainString, Property,
        Protocol, ProtocolTable, Schema,
    };
    include!(concat!(env!("OUT_DIR"), "/schemas.rs"));
}
