//! OCPP-J frames as a Central System (1.6) or CSMS (2.x) receives them: CALLs
//! `[2,"<uniqueId>","<action>",{payload}]` of every action, CALLRESULTs checked against the pending
//! call's response schema, CALLERRORs checked for shape, and in 2.1 CALLRESULTERRORs (shape) and
//! SENDs (payload, never answered); one pass over the bytes, with the CALLERROR answer built here
//! as JSON text, in the protocol's own error codes. The contract is in `SEMANTICS.md`
//! ("Frames"); `packages/test-vectors/frame-reference.mjs` is the executable reference.
//!
//! A well-formed CALL is read left to right by a fast path that never revisits a byte: the
//! envelope tokens, then the payload sub-slice (found from the end: the frame must close with
//! `]`), validated by the payload engine, which checks the slice is exactly one JSON value.
//! Anything unusual (another message type, extra elements, broken JSON, a long uniqueId) falls
//! to a slow path that first checks the whole frame's syntax and then reads the envelope of a
//! text known to be valid JSON. Both paths are O(n), iterative and never panic.

use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt::Write;

use crate::display::push_escaped_char;
use crate::engine::Parser;
use crate::schema::{ActionEntry, Protocol, ANY};
use crate::text::{decode_utf16, decode_utf8, is_ws, scan_string, skip_ws, ucs2_length, Str};
use crate::{check, warnings, Issue, Keyword, OcppErrorCode, Schema, Tolerances, Warning};

/// OCPP-J 1.6 §4.1.2 and 2.0.1 §4.1.3: the uniqueId is at most 36 characters (counted as code points, the way
/// ajv's `maxLength` counts).
pub const MAX_UNIQUE_ID_LEN: usize = 36;
/// How many payload issues a CALLERROR names; the answer stays small whatever the payload.
pub const MAX_REPORTED_ISSUES: usize = 8;
/// The uniqueId of a CALLERROR answering a frame whose uniqueId could not be read (as ocpp-rpc
/// and OCPP 2.0.1 §4.2.3 do).
pub const UNKNOWN_UNIQUE_ID: &str = "-1";
/// The actions a Charge Point initiates (OCPP 1.6 §3), generated from `schemas/directions.json`:
/// the CALLs a Central System validates and answers. Every other 1.6 action is sent by the
/// Central System, so receiving it as a CALL is `NotSupported`.
pub use crate::schema::schemas::CHARGE_POINT_ACTIONS;

/// Fixed CallError descriptions. They never quote input, so they are the same on every backend
/// and bounded in size.
pub mod descriptions {
    pub const NOT_JSON: &str = "Frame is not a valid UTF-8 JSON text";
    pub const NOT_ARRAY: &str = "Frame is not a JSON array";
    pub const TYPE_NOT_NUMBER: &str = "Message type id is not a number";
    pub const TYPE_UNSUPPORTED: &str = "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)";
    /// OCPP 2.1 adds CALLRESULTERROR and SEND.
    pub const TYPE_UNSUPPORTED_2_1: &str =
        "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)";
    pub const ID_NOT_STRING: &str = "Unique id is not a string";
    pub const ID_TOO_LONG: &str = "Unique id is longer than 36 characters";
    pub const ACTION_NOT_STRING: &str = "Action is not a string";
    pub const WRONG_LENGTH: &str = "A CALL frame has exactly 4 elements";
    pub const WRONG_LENGTH_RESULT: &str = "A CALLRESULT frame has exactly 3 elements";
    pub const WRONG_LENGTH_ERROR: &str = "A CALLERROR frame has exactly 5 elements";
    pub const WRONG_LENGTH_RESULT_ERROR: &str = "A CALLRESULTERROR frame has exactly 5 elements";
    pub const WRONG_LENGTH_SEND: &str = "A SEND frame has exactly 4 elements";
    pub const ERROR_CODE_NOT_STRING: &str = "Error code is not a string";
    pub const ERROR_DESCRIPTION_NOT_STRING: &str = "Error description is not a string";
    pub const ERROR_DETAILS_NOT_OBJECT: &str = "Error details is not an object";
    /// `Action is not an OCPP <version> action`.
    pub const NOT_IMPLEMENTED_PREFIX: &str = "Action is not an OCPP ";
    pub const NOT_IMPLEMENTED_SUFFIX: &str = " action";
    /// After the action's name (one of the protocol's, never input text).
    pub const NOT_SUPPORTED_SUFFIX: &str = " is sent by a Central System, not to it";
    pub const NOT_SUPPORTED_SUFFIX_2X: &str = " is sent by a CSMS, not to it";
    /// `Payload is not a valid <Action>.req: ` (1.6) or `Payload is not a valid <message>: ` (2.x,
    /// the schema's name: `TransactionEventRequest`), then the listed issues.
    pub const PAYLOAD_PREFIX: &str = "Payload is not a valid ";
    pub const PAYLOAD_INFIX: &str = ".req: ";
    pub const PAYLOAD_INFIX_2X: &str = ": ";
}

/// What the frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// `[2, ...]`: a CALL with a string uniqueId (≤ 36) and action and exactly 4 elements.
    Call,
    /// `[3, ...]`: a CALLRESULT. Never answered (OCPP-J: responses get no response).
    CallResult,
    /// `[4, ...]`: a CALLERROR. Never answered.
    CallError,
    /// `[5, ...]` (2.1): a CALLRESULTERROR, a CALLRESULT's receiver reporting it could not use it. Never answered.
    CallResultError,
    /// `[6, ...]` (2.1): a SEND, a CALL that expects no answer: its payload is checked, never answered.
    Send,
    /// Not a frame a server can act on: the CallError says why.
    Invalid,
}

impl FrameKind {
    /// In the order of [`Frame::plain_offsets`]'s kind index.
    pub const ALL: [FrameKind; 6] = [
        FrameKind::Call,
        FrameKind::CallResult,
        FrameKind::CallError,
        FrameKind::CallResultError,
        FrameKind::Send,
        FrameKind::Invalid,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            FrameKind::Call => "call",
            FrameKind::CallResult => "callresult",
            FrameKind::CallError => "callerror",
            FrameKind::CallResultError => "callresulterror",
            FrameKind::Send => "send",
            FrameKind::Invalid => "invalid",
        }
    }
}

/// The CallError codes of OCPP-J 1.6 (§4.2.3; "Occurence" is its spelling) and 2.0.1 (§4.3).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallErrorCode {
    /// 2.x
    FormatViolation,
    /// 2.x
    MessageTypeNotSupported,
    /// 2.x
    OccurrenceConstraintViolation,
    /// 2.x
    RpcFrameworkError,
    NotImplemented,
    NotSupported,
    InternalError,
    ProtocolError,
    SecurityError,
    FormationViolation,
    PropertyConstraintViolation,
    OccurenceConstraintViolation,
    TypeConstraintViolation,
    GenericError,
}

impl CallErrorCode {
    pub const fn as_str(self) -> &'static str {
        match self {
            CallErrorCode::FormatViolation => "FormatViolation",
            CallErrorCode::MessageTypeNotSupported => "MessageTypeNotSupported",
            CallErrorCode::OccurrenceConstraintViolation => "OccurrenceConstraintViolation",
            CallErrorCode::RpcFrameworkError => "RpcFrameworkError",
            CallErrorCode::NotImplemented => "NotImplemented",
            CallErrorCode::NotSupported => "NotSupported",
            CallErrorCode::InternalError => "InternalError",
            CallErrorCode::ProtocolError => "ProtocolError",
            CallErrorCode::SecurityError => "SecurityError",
            CallErrorCode::FormationViolation => "FormationViolation",
            CallErrorCode::PropertyConstraintViolation => "PropertyConstraintViolation",
            CallErrorCode::OccurenceConstraintViolation => "OccurenceConstraintViolation",
            CallErrorCode::TypeConstraintViolation => "TypeConstraintViolation",
            CallErrorCode::GenericError => "GenericError",
        }
    }
}

impl From<OcppErrorCode> for CallErrorCode {
    fn from(code: OcppErrorCode) -> Self {
        match code {
            OcppErrorCode::FormationViolation => CallErrorCode::FormationViolation,
            OcppErrorCode::FormatViolation => CallErrorCode::FormatViolation,
            OcppErrorCode::ProtocolError => CallErrorCode::ProtocolError,
            OcppErrorCode::OccurrenceConstraintViolation => CallErrorCode::OccurrenceConstraintViolation,
            OcppErrorCode::PropertyConstraintViolation => CallErrorCode::PropertyConstraintViolation,
            OcppErrorCode::OccurenceConstraintViolation => CallErrorCode::OccurenceConstraintViolation,
            OcppErrorCode::TypeConstraintViolation => CallErrorCode::TypeConstraintViolation,
        }
    }
}

/// The answer to send for a frame that fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallError {
    pub code: CallErrorCode,
    pub description: String,
    /// `[4,"<uniqueId>","<code>","<description>",{details}]`, byte for byte what
    /// `JSON.stringify` writes for the same array.
    pub frame: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    pub kind: FrameKind,
    /// Unescaped; lone surrogates (only writable as `\uD800` escapes) become U+FFFD.
    /// `None` when the frame has no readable uniqueId.
    pub unique_id: Option<String>,
    /// Unescaped like `unique_id`; only for `Call` and `Send`.
    pub action: Option<String>,
    /// Byte range of the payload without surrounding whitespace: a CALL's 4th element, a
    /// CALLRESULT's 3rd, a CALLERROR's errorDetails; `None` for `Invalid`.
    pub payload: Option<(usize, usize)>,
    /// Payload issues sorted by (instancePath, keyword), or the one `parse` issue of a frame that
    /// is not JSON. Without `all_errors`, the first of the sorted list.
    pub issues: Vec<Issue>,
    /// The payload's deviations the caller's tolerances accepted, in issue order.
    pub tolerated: Vec<Issue>,
    /// The payload's warnings (paths relative to the payload).
    pub warnings: Vec<Warning>,
    /// The answer for `Call` frames that fail and `Invalid` frames; `None` otherwise (responses
    /// and SENDs are never answered).
    pub call_error: Option<CallError>,
    /// A CALL or SEND of an action the receiver does not take (NotImplemented or NotSupported):
    /// such a frame is not valid even where nothing answers it (a SEND).
    pub refused_action: bool,
    /// Where `unique_id` and `action` are written in the input, when that is exactly their text.
    pub spans: Option<FrameSpans>,
    /// Where `action` is in `Protocol::actions` of the frame's protocol, for an action the
    /// receiver validates.
    pub action_index: Option<usize>,
}

/// How many numbers [`Frame::plain_offsets`] gives.
pub const PLAIN_OFFSETS: usize = 6;

/// The uniqueId's and the action's text in the input (between their quotes), for a binding that
/// hands a frame over as offsets rather than as strings: creating two strings and an object per
/// frame across a JS boundary costs more than validating a small frame. Given only when neither
/// holds an escape and every byte up to the later one's end is ASCII, so the same offsets index
/// the UTF-16 text a JS string of the frame holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameSpans {
    pub unique_id: (usize, usize),
    /// `None` for frames without an action (CALLRESULT).
    pub action: Option<(usize, usize)>,
}

impl FrameSpans {
    fn of(src: &[u8], unique_id: Str, action: Option<Str>) -> Option<FrameSpans> {
        let plain = |s: Str| (!s.escaped && !s.non_ascii).then_some((s.start, s.end));
        let spans = FrameSpans {
            unique_id: plain(unique_id)?,
            action: match action {
                Some(a) => Some(plain(a)?),
                None => None,
            },
        };
        let end = spans.action.map_or(spans.unique_id.1, |a| a.1);
        src.get(..end)?.is_ascii().then_some(spans)
    }
}

impl Frame {
    /// A CALL of a Charge Point action with a valid payload (answer it with a CALLRESULT), a
    /// CALLRESULT whose payload passed (or was not checked), or a well-formed CALLERROR.
    pub fn is_valid(&self) -> bool {
        self.kind != FrameKind::Invalid && self.call_error.is_none() && self.issues.is_empty() && !self.refused_action
    }

    /// Valid with nothing else to say (no tolerated deviation, no warning), and its uniqueId and
    /// action readable at `spans`: what most frames of a gateway are, and all a binding's lean
    /// path needs to hand over (kind, spans, payload range).
    pub fn plain(&self) -> Option<(FrameSpans, (usize, usize))> {
        if !self.is_valid() || !self.tolerated.is_empty() || !self.warnings.is_empty() {
            return None;
        }
        Some((self.spans?, self.payload?))
    }

    /// [`Frame::plain`] as the numbers both bindings hand to JavaScript in place of a result
    /// object: the kind's index in [`FrameKind::ALL`], the uniqueId's start and end, the action's
    /// index in `Protocol::actions` plus one (0: no action), the payload's start and end. `None`
    /// also when an offset needs more than 32 bits.
    pub fn plain_offsets(&self) -> Option<[u32; PLAIN_OFFSETS]> {
        let (spans, payload) = self.plain()?;
        let kind = FrameKind::ALL.iter().position(|&k| k == self.kind)?;
        let action = match (spans.action, self.action_index) {
            (None, _) => 0,
            (Some(_), Some(i)) => i + 1,
            (Some(_), None) => return None,
        };
        let words = [kind, spans.unique_id.0, spans.unique_id.1, action, payload.0, payload.1];
        let mut out = [0u32; PLAIN_OFFSETS];
        for (o, w) in out.iter_mut().zip(words) {
            *o = u32::try_from(w).ok()?;
        }
        Some(out)
    }

    fn invalid(unique_id: Option<String>, code: CallErrorCode, description: &str, issues: Vec<Issue>) -> Frame {
        let call_error = call_error(unique_id.as_deref(), code, String::from(description), &[]);
        Frame {
            kind: FrameKind::Invalid,
            unique_id,
            action: None,
            payload: None,
            issues,
            tolerated: Vec::new(),
            warnings: Vec::new(),
            call_error: Some(call_error),
            refused_action: false,
            spans: None,
            action_index: None,
        }
    }
}

/// What a payload's check found.
struct Payload {
    issues: Vec<Issue>,
    tolerated: Vec<Issue>,
    warnings: Vec<Warning>,
}

/// Validates an OCPP-J frame of `protocol`; see the module docs and `SEMANTICS.md` ("Frames").
/// `response_to` is the request schema of the pending CALL that a CALLRESULT answers, when the
/// caller knows it.
pub fn validate_frame(
    protocol: Protocol,
    input: &[u8],
    all_errors: bool,
    response_to: Option<&'static Schema>,
    tolerate: Tolerances,
) -> Frame {
    let rules = Rules::of(protocol);
    fast(rules, input, all_errors, response_to, tolerate).unwrap_or_else(|| slow(rules, input, all_errors, response_to, tolerate))
}

/// The response schema of the action whose request schema is `request` (none for 2.1's
/// SEND-only `NotifyPeriodicEventStream`).
pub fn response_schema(request: &Schema) -> Option<&'static Schema> {
    request
        .protocol()
        .actions()
        .iter()
        .find(|a| core::ptr::eq(a.request(), request))
        .and_then(ActionEntry::response)
}

/// What differs between the protocols' frames: codes, descriptions, message types.
#[derive(Clone, Copy)]
struct Rules {
    protocol: Protocol,
    /// The code of a frame that is not a valid RPC message (1.6 ProtocolError, 2.x RpcFrameworkError).
    framing: CallErrorCode,
    /// The code of a frame that is not JSON text.
    not_json: CallErrorCode,
}

impl Rules {
    fn of(protocol: Protocol) -> Rules {
        let v2 = protocol.is_2x();
        Rules {
            protocol,
            framing: if v2 { CallErrorCode::RpcFrameworkError } else { CallErrorCode::ProtocolError },
            not_json: if v2 { CallErrorCode::FormatViolation } else { CallErrorCode::FormationViolation },
        }
    }
    /// 2.1's CALLRESULTERROR and SEND.
    fn has_2_1_types(self) -> bool {
        self.protocol == Protocol::Ocpp21
    }
}

/// What a CALL's action asks of the receiver.
#[derive(Clone, Copy)]
enum Action {
    /// An action the station initiates (at this index of `Protocol::actions`): validate the
    /// payload against its request schema.
    Validate(&'static Schema, usize),
    /// An action of the protocol that only the Central System / CSMS sends.
    NotSupported(&'static str),
    /// Not an action of the protocol.
    NotImplemented,
}

fn resolve_action(protocol: Protocol, src: &[u8], s: Str) -> Action {
    let mut buf = [0u8; 48];
    let name = if s.escaped { decode_utf8(src, s, &mut buf) } else { src.get(s.start..s.end) };
    let index = name.and_then(|n| core::str::from_utf8(n).ok()).and_then(|n| protocol.action_index(n));
    match index.and_then(|i| Some((i, protocol.actions().get(i)?))) {
        Some((i, entry)) if entry.station_initiated() => Action::Validate(entry.request(), i),
        Some((_, entry)) => Action::NotSupported(entry.name()),
        None => Action::NotImplemented,
    }
}

/// `[4,"<uniqueId>","<code>","<description>",{"issues":[{"instancePath":..,"keyword":..},..]}]`
/// with at most [`MAX_REPORTED_ISSUES`] issues (`{}` when there are none), escaped like
/// `JSON.stringify`.
pub fn build_call_error(unique_id: &str, code: CallErrorCode, description: &str, issues: &[Issue]) -> String {
    let mut out = String::with_capacity(64 + unique_id.len() + description.len() + issues.len().min(MAX_REPORTED_ISSUES) * 48);
    out.push_str("[4,");
    write_json_string(&mut out, unique_id);
    out.push(',');
    write_json_string(&mut out, code.as_str());
    out.push(',');
    write_json_string(&mut out, description);
    if issues.is_empty() {
        out.push_str(",{}]");
        return out;
    }
    out.push_str(",{\"issues\":[");
    for (n, issue) in issues.iter().take(MAX_REPORTED_ISSUES).enumerate() {
        if n > 0 {
            out.push(',');
        }
        out.push_str("{\"instancePath\":");
        write_json_string(&mut out, &issue.instance_path);
        out.push_str(",\"keyword\":");
        write_json_string(&mut out, issue.keyword.as_str());
        out.push('}');
    }
    out.push_str("]}]");
    out
}

/// `JSON.stringify` of a (well-formed) string.
pub fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    let mut rest = s;
    while let Some(i) = rest.find(|c: char| c < ' ' || c == '"' || c == '\\') {
        let (plain, tail) = rest.split_at(i);
        out.push_str(plain);
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            push_escaped_char(out, c);
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.push('"');
}

/// The description of a payload failure: the listed issues as `<path> <keyword>` (`(root)` for
/// the empty path), then how many were left out.
pub fn payload_description(schema: &Schema, issues: &[Issue]) -> String {
    let mut out = String::from(descriptions::PAYLOAD_PREFIX);
    out.push_str(schema.name());
    out.push_str(if schema.protocol().is_2x() { descriptions::PAYLOAD_INFIX_2X } else { descriptions::PAYLOAD_INFIX });
    for (n, issue) in issues.iter().take(MAX_REPORTED_ISSUES).enumerate() {
        if n > 0 {
            out.push_str("; ");
        }
        out.push_str(if issue.instance_path.is_empty() { "(root)" } else { &issue.instance_path });
        out.push(' ');
        out.push_str(issue.keyword.as_str());
    }
    if issues.len() > MAX_REPORTED_ISSUES {
        let _ = write!(out, "; and {} more", issues.len() - MAX_REPORTED_ISSUES);
    }
    out
}

fn call_error(unique_id: Option<&str>, code: CallErrorCode, description: String, issues: &[Issue]) -> CallError {
    let frame = build_call_error(unique_id.unwrap_or(UNKNOWN_UNIQUE_ID), code, &description, issues);
    CallError { code, description, frame }
}

/// The string's value as a Rust string (lone surrogates → U+FFFD, like `toWellFormed`).
fn decode(src: &[u8], s: Str) -> String {
    if !s.escaped {
        if let Some(text) = src.get(s.start..s.end).and_then(|raw| core::str::from_utf8(raw).ok()) {
            return String::from(text);
        }
    }
    String::from_utf16_lossy(&decode_utf16(src, s))
}

/// Issues sorted by (instancePath, keyword), so every backend names the same first issue
/// (ajv's own order is not part of the payload contract).
fn sorted(mut issues: Vec<Issue>, all_errors: bool) -> Vec<Issue> {
    let order =
        |a: &Issue, b: &Issue| a.instance_path.cmp(&b.instance_path).then_with(|| a.keyword.as_str().cmp(b.keyword.as_str()));
    if all_errors {
        issues.sort_by(order);
        return issues;
    }
    // The first of the (stably) sorted list without sorting: a hostile payload can carry ~10^5 issues.
    let first = issues.iter().enumerate().min_by(|(_, a), (_, b)| order(a, b)).map_or(0, |(i, _)| i);
    issues.swap(0, first);
    issues.truncate(1);
    issues
}

/// The CALL (or SEND) result once envelope and payload syntax are known good.
#[allow(clippy::too_many_arguments)]
fn call(
    rules: Rules,
    kind: FrameKind,
    src: &[u8],
    id: Str,
    action_text: Str,
    action: Action,
    payload: (usize, usize),
    found: Payload,
    all_errors: bool,
) -> Frame {
    let Payload { issues, tolerated, warnings } = found;
    let unique_id = decode(src, id);
    let protocol = rules.protocol;
    let (issues, call_error) = match action {
        // Nothing may answer a SEND: the caller sees the action and decides.
        Action::NotImplemented | Action::NotSupported(_) if kind == FrameKind::Send => (Vec::new(), None),
        Action::NotImplemented => {
            let mut description = String::from(descriptions::NOT_IMPLEMENTED_PREFIX);
            description.push_str(protocol.version());
            description.push_str(descriptions::NOT_IMPLEMENTED_SUFFIX);
            (Vec::new(), Some(call_error(Some(&unique_id), CallErrorCode::NotImplemented, description, &[])))
        }
        Action::NotSupported(name) => {
            let mut description = String::from(name);
            description.push_str(if protocol.is_2x() {
                descriptions::NOT_SUPPORTED_SUFFIX_2X
            } else {
                descriptions::NOT_SUPPORTED_SUFFIX
            });
            (Vec::new(), Some(call_error(Some(&unique_id), CallErrorCode::NotSupported, description, &[])))
        }
        Action::Validate(..) if issues.is_empty() => (issues, None),
        Action::Validate(..) if kind == FrameKind::Send => (sorted(issues, all_errors), None),
        Action::Validate(schema, _) => {
            let issues = sorted(issues, all_errors);
            let code = issues.first().map_or(rules.not_json, |i| i.ocpp_error_code(protocol).into());
            let error = call_error(Some(&unique_id), code, payload_description(schema, &issues), &issues);
            (issues, Some(error))
        }
    };
    Frame {
        kind,
        action: Some(decode(src, action_text)),
        unique_id: Some(unique_id),
        payload: Some(payload),
        issues,
        tolerated,
        warnings,
        call_error,
        refused_action: matches!(action, Action::NotImplemented | Action::NotSupported(_)),
        spans: FrameSpans::of(src, id, Some(action_text)),
        action_index: match action {
            Action::Validate(_, i) => Some(i),
            _ => None,
        },
    }
}

/// Payload issues against `schema` (none when there is no schema to apply), tolerated
/// deviations and warnings; `Err` when the slice is not exactly one JSON value (the frame then
/// needs the slow path's diagnosis).
fn check_payload(slice: &[u8], schema: Option<&'static Schema>, tolerate: Tolerances) -> Result<Payload, ()> {
    match schema {
        Some(schema) => {
            let report = check(schema, slice, true, tolerate);
            if report.issues.first().is_some_and(|i| i.keyword == Keyword::Parse) {
                return Err(());
            }
            Ok(Payload { issues: report.issues, tolerated: report.tolerated, warnings: report.warnings })
        }
        None => {
            let mut p = Parser::<false>::new(slice);
            p.run(&ANY).map_err(|_| ())?;
            let warnings = if p.suspect { warnings::scan(slice) } else { Vec::new() };
            Ok(Payload { issues: Vec::new(), tolerated: Vec::new(), warnings })
        }
    }
}

fn schema_of(action: Action) -> Option<&'static Schema> {
    match action {
        Action::Validate(schema, _) => Some(schema),
        _ => None,
    }
}

/// `[2,"id","action",<payload>]` and `[3,"id",<payload>]` with the message type written as a
/// single digit, in one pass over the payload; `None` for anything else, which the slow path
/// (whole-text syntax first, then the envelope) decides.
fn fast(rules: Rules, src: &[u8], all_errors: bool, response_to: Option<&'static Schema>, tolerate: Tolerances) -> Option<Frame> {
    let mut i = skip_ws(src, 0);
    let expect = |i: usize, b: u8| (src.get(i) == Some(&b)).then_some(i + 1);
    i = skip_ws(src, expect(i, b'[')?);
    let result = match src.get(i) {
        Some(b'2') => false,
        Some(b'3') => true,
        _ => return None,
    };
    i = skip_ws(src, expect(skip_ws(src, i + 1), b',')?);
    let (id, next) = scan_string(src, expect(i, b'"')?).ok()?;
    if ucs2_length(src, id, MAX_UNIQUE_ID_LEN) > MAX_UNIQUE_ID_LEN {
        return None;
    }
    i = skip_ws(src, expect(skip_ws(src, next), b',')?);
    let action = if result {
        None
    } else {
        let (action, next) = scan_string(src, expect(i, b'"')?).ok()?;
        i = skip_ws(src, expect(skip_ws(src, next), b',')?);
        Some(action)
    };
    let start = i;
    let mut end = src.len();
    while end > start && src.get(end - 1).is_some_and(|&b| is_ws(b)) {
        end -= 1;
    }
    if end <= start || src.get(end - 1) != Some(&b']') {
        return None;
    }
    end -= 1;
    while end > start && src.get(end - 1).is_some_and(|&b| is_ws(b)) {
        end -= 1;
    }
    let payload = src.get(start..end)?;
    let Some(action) = action else {
        let found = check_payload(payload, response_to.and_then(response_schema), tolerate).ok()?;
        return Some(call_result(src, id, (start, end), found, all_errors));
    };
    let resolved = resolve_action(rules.protocol, src, action);
    let found = check_payload(payload, schema_of(resolved), tolerate).ok()?;
    Some(call(rules, FrameKind::Call, src, id, action, resolved, (start, end), found, all_errors))
}

/// The CALLRESULT once envelope and payload syntax are known good.
fn call_result(src: &[u8], id: Str, payload: (usize, usize), found: Payload, all_errors: bool) -> Frame {
    let issues = if found.issues.is_empty() { found.issues } else { sorted(found.issues, all_errors) };
    Frame {
        kind: FrameKind::CallResult,
        unique_id: Some(decode(src, id)),
        action: None,
        payload: Some(payload),
        issues,
        tolerated: found.tolerated,
        warnings: found.warnings,
        call_error: None,
        refused_action: false,
        spans: FrameSpans::of(src, id, None),
        action_index: None,
    }
}

/// Any frame: whole-text syntax first, then the envelope of a text known to be valid JSON.
fn slow(rules: Rules, src: &[u8], all_errors: bool, response_to: Option<&'static Schema>, tolerate: Tolerances) -> Frame {
    if let Err(e) = crate::check_syntax(src) {
        let parse = Issue { instance_path: String::new(), keyword: Keyword::Parse, message: e.to_string(), tolerated_by: None };
        let id = readable_id(src);
        return Frame::invalid(id, rules.not_json, descriptions::NOT_JSON, alloc::vec![parse]);
    }
    let open = skip_ws(src, 0);
    if src.get(open) != Some(&b'[') {
        return Frame::invalid(None, rules.framing, descriptions::NOT_ARRAY, Vec::new());
    }
    let (count, el) = elements(src, open + 1);
    let string_at = |k: usize| -> Option<Str> {
        let (s, e) = *el.get(k)?;
        if k >= count || src.get(s) != Some(&b'"') {
            return None;
        }
        scan_string(src, s + 1).ok().filter(|&(_, next)| next == e).map(|(st, _)| st)
    };
    let message_type = el.first().filter(|_| count > 0).and_then(|&(s, e)| number(src.get(s..e)?));
    let Some(message_type) = message_type else {
        return Frame::invalid(None, rules.framing, descriptions::TYPE_NOT_NUMBER, Vec::new());
    };
    let known = message_type == 2.0
        || message_type == 3.0
        || message_type == 4.0
        || (rules.has_2_1_types() && (message_type == 5.0 || message_type == 6.0));
    if !known {
        let (code, description) = match rules.protocol {
            Protocol::Ocpp16 => (CallErrorCode::ProtocolError, descriptions::TYPE_UNSUPPORTED),
            Protocol::Ocpp201 => (CallErrorCode::MessageTypeNotSupported, descriptions::TYPE_UNSUPPORTED),
            Protocol::Ocpp21 => (CallErrorCode::MessageTypeNotSupported, descriptions::TYPE_UNSUPPORTED_2_1),
        };
        return Frame::invalid(None, code, description, Vec::new());
    }
    let id = string_at(1);
    let unique_id = || id.map(|s| decode(src, s));
    let Some(id) = id else {
        // A number id is echoed as written, so a charger that numbers its calls can match the answer.
        let echoed = el
            .get(1)
            .filter(|_| count > 1)
            .and_then(|&(s, e)| src.get(s..e))
            .filter(|t| t.len() <= MAX_UNIQUE_ID_LEN && number(t).is_some())
            .and_then(|t| core::str::from_utf8(t).ok())
            .map(String::from);
        return Frame::invalid(echoed, rules.framing, descriptions::ID_NOT_STRING, Vec::new());
    };
    if ucs2_length(src, id, MAX_UNIQUE_ID_LEN) > MAX_UNIQUE_ID_LEN {
        return Frame::invalid(unique_id(), rules.framing, descriptions::ID_TOO_LONG, Vec::new());
    }
    let protocol_error = |description: &str| Frame::invalid(unique_id(), rules.framing, description, Vec::new());
    // Unreachable for a text check_syntax accepted; answered as broken JSON all the same.
    let not_json = || Frame::invalid(None, rules.not_json, descriptions::NOT_JSON, Vec::new());
    if message_type == 3.0 {
        let Some((start, end)) = el.get(2).copied().filter(|_| count == 3) else {
            return protocol_error(descriptions::WRONG_LENGTH_RESULT);
        };
        let response = response_to.and_then(response_schema);
        let Ok(found) = check_payload(src.get(start..end).unwrap_or(&[]), response, tolerate) else {
            return not_json();
        };
        return call_result(src, id, (start, end), found, all_errors);
    }
    if message_type == 4.0 || message_type == 5.0 {
        let (kind, wrong_length) = if message_type == 4.0 {
            (FrameKind::CallError, descriptions::WRONG_LENGTH_ERROR)
        } else {
            (FrameKind::CallResultError, descriptions::WRONG_LENGTH_RESULT_ERROR)
        };
        let Some((start, end)) = el.get(4).copied().filter(|_| count == 5) else {
            return protocol_error(wrong_length);
        };
        if string_at(2).is_none() {
            return protocol_error(descriptions::ERROR_CODE_NOT_STRING);
        }
        if string_at(3).is_none() {
            return protocol_error(descriptions::ERROR_DESCRIPTION_NOT_STRING);
        }
        if src.get(start) != Some(&b'{') {
            return protocol_error(descriptions::ERROR_DETAILS_NOT_OBJECT);
        }
        return Frame {
            kind,
            unique_id: unique_id(),
            action: None,
            payload: Some((start, end)),
            issues: Vec::new(),
            tolerated: Vec::new(),
            warnings: Vec::new(),
            call_error: None,
            refused_action: false,
            spans: FrameSpans::of(src, id, None),
            action_index: None,
        };
    }
    let Some(action) = string_at(2) else {
        return protocol_error(descriptions::ACTION_NOT_STRING);
    };
    let (kind, wrong_length) = if message_type == 6.0 {
        (FrameKind::Send, descriptions::WRONG_LENGTH_SEND)
    } else {
        (FrameKind::Call, descriptions::WRONG_LENGTH)
    };
    let payload = el.get(3).copied().filter(|_| count == 4);
    let Some((start, end)) = payload else {
        return protocol_error(wrong_length);
    };
    let resolved = resolve_action(rules.protocol, src, action);
    let Ok(found) = check_payload(src.get(start..end).unwrap_or(&[]), schema_of(resolved), tolerate) else {
        return not_json();
    };
    call(rules, kind, src, id, action, resolved, (start, end), found, all_errors)
}

/// The uniqueId of a frame that is not JSON, when its start still reads `[`, a number, `,` and a
/// complete string of at most 36 code points (SEMANTICS.md, Frames step 3).
fn readable_id(src: &[u8]) -> Option<String> {
    let mut i = skip_ws(src, 0);
    if src.get(i) != Some(&b'[') {
        return None;
    }
    i = skip_ws(src, i + 1);
    i = skip_ws(src, i + json_number_len(src, i)?);
    if src.get(i) != Some(&b',') {
        return None;
    }
    i = skip_ws(src, i + 1);
    if src.get(i) != Some(&b'"') {
        return None;
    }
    let (id, _) = scan_string(src, i + 1).ok()?;
    (ucs2_length(src, id, MAX_UNIQUE_ID_LEN) <= MAX_UNIQUE_ID_LEN).then(|| decode(src, id))
}

/// The length of the JSON number (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`) at `i`, if one starts there.
fn json_number_len(src: &[u8], start: usize) -> Option<usize> {
    let digit = |i: usize| src.get(i).is_some_and(u8::is_ascii_digit);
    let digits = |mut i: usize| {
        while digit(i) {
            i += 1;
        }
        i
    };
    let mut i = start + usize::from(src.get(start) == Some(&b'-'));
    match src.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(i),
        _ => return None,
    }
    if src.get(i) == Some(&b'.') {
        if !digit(i + 1) {
            return None;
        }
        i = digits(i + 1);
    }
    if matches!(src.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(src.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digit(i) {
            return None;
        }
        i = digits(i);
    }
    Some(i - start)
}

/// The JavaScript value of a JSON number token (`None` if the token is not a number).
fn number(token: &[u8]) -> Option<f64> {
    match token.first() {
        Some(b'-' | b'0'..=b'9') => core::str::from_utf8(token).ok()?.parse::<f64>().ok(),
        _ => None,
    }
}

/// The number of elements of the array whose `[` is just before `i`, and the byte ranges of the
/// first five (without whitespace). Only for text already known to be valid JSON: brackets are
/// counted, not matched, and strings are skipped by their quotes.
fn elements(src: &[u8], mut i: usize) -> (usize, [(usize, usize); 5]) {
    let mut ranges = [(0, 0); 5];
    let mut count = 0;
    i = skip_ws(src, i);
    if src.get(i) == Some(&b']') {
        return (0, ranges);
    }
    while i < src.len() {
        let start = i;
        i = value_end(src, i);
        if let Some(r) = ranges.get_mut(count) {
            *r = (start, i);
        }
        count += 1;
        i = skip_ws(src, i);
        match src.get(i) {
            Some(b',') => i = skip_ws(src, i + 1),
            _ => break,
        }
    }
    (count, ranges)
}

/// End of the (valid) value starting at `i`.
fn value_end(src: &[u8], i: usize) -> usize {
    let mut j = i;
    match src.get(i) {
        Some(b'"') => string_end(src, i + 1),
        Some(b'[' | b'{') => {
            let mut depth = 0usize;
            loop {
                match src.get(j) {
                    None => return j,
                    Some(b'"') => j = string_end(src, j + 1),
                    Some(b'[' | b'{') => {
                        depth += 1;
                        j += 1;
                    }
                    Some(b']' | b'}') => {
                        depth = depth.saturating_sub(1);
                        j += 1;
                        if depth == 0 {
                            return j;
                        }
                    }
                    Some(_) => j += 1,
                }
            }
        }
        _ => {
            while src.get(j).is_some_and(|&b| !matches!(b, b',' | b']' | b'}') && !is_ws(b)) {
                j += 1;
            }
            j
        }
    }
}

/// Just past the closing quote of the (valid) string whose content starts at `i`.
fn string_end(src: &[u8], mut i: usize) -> usize {
    loop {
        match src.get(i) {
            None => return i,
            Some(b'\\') => i += 2,
            Some(b'"') => return i + 1,
            Some(_) => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_json_stringify() {
        let mut s = String::new();
        write_json_string(&mut s, "a\"b\\c\u{8}\u{c}\n\r\t\u{1}\u{1f}\u{7f}\u{2028}é😀");
        assert_eq!(s, "\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0001\\u001f\u{7f}\u{2028}é😀\"");
    }

    #[test]
    fn value_end_of_each_shape() {
        let src = br#"[1, "a\"]", [[]], {"k":"]"}, true,-2.5e3]"#;
        let (n, el) = elements(src, 1);
        assert_eq!(n, 6);
        let texts: Vec<&[u8]> = el.iter().map(|&(s, e)| &src[s..e]).collect();
        assert_eq!(texts, [&b"1"[..], br#""a\"]""#, b"[[]]", br#"{"k":"]"}"#, b"true"]);
    }
}
