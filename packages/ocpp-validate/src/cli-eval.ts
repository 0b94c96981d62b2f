// How the CLI reads one raw line or document: the frame inside a log line, a wrapped frame, the
// verdict as an Outcome. Shared by the CLI (cli.ts) and its workers (cli-worker.ts), so that
// `--jobs 1` and `--jobs N` run exactly the same code on every line.
import type { MessageNameOf, Protocol, TolerantProtocolValidator, ToleratedIssue, ValidationIssue, ValidationWarning } from "./index.js";

/** `[`s tried per log line: bounds the work on a line full of `[2,` that never close to a small multiple of its length. */
const MAX_FRAME_CANDIDATES = 16;
const FRAME_MEMBERS = new Set(["message", "frame"]);
const CHARGE_POINT_MEMBERS = new Set(["chargePointId", "chargeBoxId", "stationId", "identity"]);

export const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

export function isBlank(b: Uint8Array): boolean {
  for (const c of b) if (!isSpace(c)) return false;
  return true;
}

export function skipSpace(b: Uint8Array, i: number): number {
  while (i < b.length && isSpace(b[i]!)) i++;
  return i;
}

/** Where a scan of brackets is: carried from line to line for a multi-line document. */
export interface Brackets {
  depth: number;
  inString: boolean;
  escaped: boolean;
  /** Commas at depth 1: a frame's elements minus one. */
  commas: number;
}

export const brackets = (): Brackets => ({ depth: 0, inString: false, escaped: false, commas: 0 });

/**
 * Scans `b` from `from` for the bracket that closes what is open (`[`/`{` and `]`/`}` alike, outside
 * strings) and returns the index after it, or -1 when the text ends first. Only nesting is
 * checked; whether the text is JSON is the validator's business.
 */
export function scanBrackets(b: Uint8Array, from: number, s: Brackets): number {
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (s.inString) {
      if (s.escaped) s.escaped = false;
      else if (c === 0x5c) s.escaped = true;
      else if (c === 0x22) s.inString = false;
    } else if (c === 0x22) s.inString = true;
    else if (c === 0x5b || c === 0x7b) s.depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (--s.depth <= 0) return i + 1;
    } else if (c === 0x2c && s.depth === 1) s.commas++;
  }
  return -1;
}

/**
 * The OCPP-J frame in a log line, as [start, end), or null. Candidates are the `[` followed by
 * 2, 3 or 4 (up to `lastType`: OCPP 2.1 adds 5 CALLRESULTERROR and 6 SEND) and a comma: the first that closes with at least three elements is the frame (so a
 * prefix's `[2024-05-17 …]` or `[3,CP1]` is skipped); failing that, the first that never closes is
 * a frame cut off and runs to the end of the line, so that it is reported rather than ignored.
 */
export function findFrame(b: Uint8Array, lastType = 4): [number, number] | null {
  const last = 0x30 + lastType;
  let cut = -1;
  let tried = 0;
  for (let i = b.indexOf(0x5b); i >= 0 && tried < MAX_FRAME_CANDIDATES; i = b.indexOf(0x5b, i + 1)) {
    let j = skipSpace(b, i + 1);
    if (!(b[j]! >= 0x32 && b[j]! <= last)) continue;
    j = skipSpace(b, j + 1);
    if (b[j] !== 0x2c) continue;
    tried++;
    const s = brackets();
    const end = scanBrackets(b, i, s);
    if (end < 0) {
      if (cut < 0) cut = i;
    } else if (s.commas >= 2) return [i, end];
  }
  if (cut < 0) return null;
  let end = b.length;
  while (end > cut && isSpace(b[end - 1]!)) end--;
  return [cut, end];
}

/** The end of the JSON string starting at b[i] (`"`), after its closing quote; -1 if it does not close. */
export function stringEnd(b: Uint8Array, i: number): number {
  for (let j = i + 1; j < b.length; j++) {
    if (b[j] === 0x5c) j++;
    else if (b[j] === 0x22) return j + 1;
  }
  return -1;
}

/** The end of the JSON value starting at b[i] (only its extent, not its validity); -1 if it does not end. */
export function valueEnd(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === 0x22) return stringEnd(b, i);
  if (c === 0x5b || c === 0x7b) return scanBrackets(b, i, brackets());
  let j = i;
  while (j < b.length && !isSpace(b[j]!) && b[j] !== 0x2c && b[j] !== 0x7d && b[j] !== 0x5d) j++;
  return j > i ? j : -1;
}

export const decoder = new TextDecoder();

export function decodeString(b: Uint8Array, start: number, end: number): string | null {
  try {
    const v: unknown = JSON.parse(decoder.decode(b.subarray(start, end)));
    return typeof v === "string" ? v : null;
  } catch {
    return null;
  }
}

export interface Unwrapped {
  frame: Uint8Array | string;
  chargePoint: string | null;
}

/**
 * A wrapped frame: an object with a `message` or `frame` member that holds a frame (an array, or
 * a string of one), and maybe a charge point id member. The raw bytes of an array member are
 * what gets validated, so warnings (duplicate keys, unsafe integers) are still seen. Anything
 * else is not a wrapper (null) and is validated as it is.
 */
export function unwrap(b: Uint8Array): Unwrapped | null {
  let i = skipSpace(b, 0);
  if (b[i] !== 0x7b) return null;
  let frame: Uint8Array | string | null = null;
  let chargePoint: string | null = null;
  i = skipSpace(b, i + 1);
  if (b[i] === 0x7d) return null;
  for (;;) {
    if (b[i] !== 0x22) return null;
    const keyEnd = stringEnd(b, i);
    if (keyEnd < 0) return null;
    const key = decodeString(b, i, keyEnd);
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return null;
    const start = skipSpace(b, i + 1);
    const end = valueEnd(b, start);
    if (end < 0) return null;
    if (key !== null && FRAME_MEMBERS.has(key)) {
      if (b[start] === 0x5b) frame = b.subarray(start, end);
      else if (b[start] === 0x22) {
        const text = decodeString(b, start, end);
        frame = text !== null && text.trimStart().startsWith("[") ? text : null;
      } else frame = null;
    } else if (key !== null && CHARGE_POINT_MEMBERS.has(key)) {
      chargePoint = b[start] === 0x22 ? decodeString(b, start, end) : decoder.decode(b.subarray(start, end));
    }
    i = skipSpace(b, end);
    if (b[i] === 0x2c) i = skipSpace(b, i + 1);
    else if (b[i] === 0x7d) break;
    else return null;
  }
  return frame === null ? null : { frame, chargePoint };
}

/** Only an object that names a frame member can be a wrapper: a byte search keeps the unwrap scan off plain payloads. */
export function mayBeWrapper(b: Buffer): boolean {
  return b.indexOf('"message"') >= 0 || b.indexOf('"frame"') >= 0;
}

export type Status = "valid" | "tolerated" | "invalid" | "unparseable";

export interface Outcome {
  status: Status;
  valid: boolean;
  errors: ValidationIssue[];
  tolerated: ToleratedIssue[];
  warnings: ValidationWarning[];
  frame?: { kind: string; uniqueId: string | null; action: string | null; errorCode: string | null };
  /** For the summary: what a frame that failed without payload issues was answered (ProtocolError, NotImplemented, ...). */
  refusal?: { errorCode: string; errorDescription: string };
  chargePoint: string | null;
}

export function statusOf(valid: boolean, errors: ValidationIssue[], tolerated: ToleratedIssue[]): Status {
  if (!valid) return errors.some((e) => e.keyword === "parse") ? "unparseable" : "invalid";
  return tolerated.length ? "tolerated" : "valid";
}

/** Any validator of any protocol (the CLI checks --message against --protocol before creating it). */
export type CliValidator = TolerantProtocolValidator<Protocol, MessageNameOf<Protocol>>;

export function check(v: CliValidator, input: Uint8Array | string, frame: boolean, allErrors: boolean, chargePoint: string | null): Outcome {
  if (frame) {
    const f = v.validateFrame(input, { allErrors });
    return {
      status: statusOf(f.valid, f.errors, f.tolerated),
      valid: f.valid,
      errors: f.errors,
      tolerated: f.tolerated,
      warnings: f.warnings,
      frame: { kind: f.kind, uniqueId: f.uniqueId, action: f.action, errorCode: f.callError?.errorCode ?? null },
      ...(f.callError && f.errors.length === 0 ? { refusal: { errorCode: f.callError.errorCode, errorDescription: f.callError.errorDescription } } : {}),
      chargePoint,
    };
  }
  const r = v.validate(input, { allErrors });
  return { status: statusOf(r.valid, r.errors, r.tolerated), valid: r.valid, errors: r.errors, tolerated: r.tolerated, warnings: r.warnings, chargePoint };
}

/** What decides how a raw line or document is read, besides the validator. */
export interface EvaluateOptions {
  extract: boolean;
  allErrors: boolean;
  chargePoint: RegExp | null;
}

/**
 * Whether a payload valid against the validator's schema (strictly, nothing tolerated) can never
 * be a wrapped frame: true when the schema's root rejects both a "message" and a "frame" member
 * (every OCPP schema's root has `additionalProperties: false`), which a wrapper must have.
 */
function validRulesOutWrapper(validator: CliValidator): boolean {
  const probe = validator.validate('{"message":[],"frame":[]}', { allErrors: true });
  return [...probe.errors, ...probe.tolerated].filter((e) => e.keyword === "additionalProperties" && e.instancePath === "").length === 2;
}

/** The input inside a raw line or document, with its charge point; null for a log line with no frame. */
export function evaluator(validator: CliValidator, o: EvaluateOptions): (raw: Buffer) => Outcome | null {
  const lastType = validator.protocol === "ocpp2.1" ? 6 : 4;
  // Looking for a wrapper's member name costs a search of the whole line, more than validating
  // it: for a payload line, validate first and look only when it is not valid. Lines that follow
  // a wrapper are expected to be wrappers too and are unwrapped first, as that costs less there.
  // Either order gives the same outcome (see validRulesOutWrapper).
  const payloadFirst = !o.extract && validRulesOutWrapper(validator);
  let afterWrapper = false;
  const wrappedFrame = (raw: Buffer, named: string | null): Outcome | null => {
    const wrapped = mayBeWrapper(raw) ? unwrap(raw) : null;
    afterWrapper = wrapped !== null;
    return wrapped && check(validator, wrapped.frame, true, o.allErrors, named ?? wrapped.chargePoint);
  };
  return (raw) => {
    const named = o.chargePoint?.exec(raw.toString("utf8"))?.[1] ?? null;
    const first = raw[skipSpace(raw, 0)];
    if (first === 0x7b && payloadFirst && !afterWrapper) {
      const outcome = check(validator, raw, false, o.allErrors, named);
      return outcome.status === "valid" ? outcome : (wrappedFrame(raw, named) ?? outcome);
    }
    const wrapped = first === 0x7b ? wrappedFrame(raw, named) : null;
    if (wrapped) return wrapped;
    if (o.extract) {
      const at = findFrame(raw, lastType);
      return at ? check(validator, raw.subarray(at[0], at[1]), true, o.allErrors, named) : null;
    }
    return check(validator, raw, first === 0x5b, o.allErrors, named);
  };
}

/** One code per line of a chunk: what the CLI needs to know about it, most lines in one byte. */
export const enum LineCode {
  Blank = 0,
  /** A log line without a frame (`evaluate` said null). */
  NoFrame = 1,
  /** Valid, nothing tolerated, no warning, no charge point: counted, never printed (without --json). */
  Valid = 2,
  /** The next Outcome of `outcomes`. */
  Outcome = 3,
}

/** A chunk's lines evaluated: `codes[i]` for line i, and the Outcomes of the lines coded Outcome, in order. */
export interface ChunkResult {
  codes: Uint8Array;
  outcomes: Outcome[];
}

/**
 * Evaluates every line of `chunk` (cut at `\n`; a last line without one counts when not empty),
 * as the CLI's line loop does. `full`: every Outcome is kept (--json prints each one).
 */
export function evaluateChunk(chunk: Buffer, evaluate: (raw: Buffer) => Outcome | null, full: boolean): ChunkResult {
  const codes: number[] = [];
  const outcomes: Outcome[] = [];
  const line = (b: Buffer) => {
    if (isBlank(b)) return codes.push(LineCode.Blank);
    const outcome = evaluate(b);
    if (outcome === null) return codes.push(LineCode.NoFrame);
    if (!full && outcome.status === "valid" && outcome.warnings.length === 0 && outcome.chargePoint === null && !outcome.refusal) return codes.push(LineCode.Valid);
    outcomes.push(outcome);
    return codes.push(LineCode.Outcome);
  };
  let start = 0;
  for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
    line(chunk.subarray(start, nl));
    start = nl + 1;
  }
  if (start < chunk.length) line(chunk.subarray(start));
  return { codes: Uint8Array.from(codes), outcomes };
}

/**
 * `evaluateChunk` of `head` (or nothing) joined to `body`, without joining them: only the line
 * that starts in `head` and ends in `body` is copied.
 */
export function evaluateJoined(head: Uint8Array | null, body: Buffer, evaluate: (raw: Buffer) => Outcome | null, full: boolean): ChunkResult {
  if (head === null || head.length === 0) return evaluateChunk(body, evaluate, full);
  const nl = body.indexOf(10);
  const shared = nl < 0 ? body.length : nl + 1;
  const first = evaluateChunk(Buffer.concat([head, body.subarray(0, shared)]), evaluate, full);
  if (shared === body.length) return first;
  const rest = evaluateChunk(body.subarray(shared), evaluate, full);
  const codes = new Uint8Array(first.codes.length + rest.codes.length);
  codes.set(first.codes);
  codes.set(rest.codes, first.codes.length);
  return { codes, outcomes: first.outcomes.concat(rest.outcomes) };
}
