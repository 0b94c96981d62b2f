/** Renders a model to JSON text; `ws` picks whitespace (deterministic from a seed). */
export function render(node: JNode, rnd?: () => number): string;
/**
 * JSON string text of `s`, escaping code points chosen by `flags` as \uXXXX (a surrogate pair becomes two
 * escapes). Lone surrogates are always escaped so the text stays well-formed.
 */
export function stringText(s: string, flags?: boolean[]): string;
/**
 * Arbitrary model of a valid value for a schema node.
 * @param {any} node
 * @returns {fc.Arbitrary<JNode>}
 */
export function schemaNodeArb(node: any): fc.Arbitrary<JNode>;
/**
 * `{ message, text }` over every message of a protocol, valid and mutated texts mixed.
 * @param {Protocol} protocol
 * @returns {fc.Arbitrary<{ message: string, text: string }>}
 */
export function messagePayloadArbOf(protocol: Protocol): fc.Arbitrary<{
    message: string;
    text: string;
}>;
/**
 * OCPP-J frame texts of a protocol with the pending call a CALLRESULT would answer, for a
 * differential against `referenceValidateFrame(text, { protocol, responseTo, allErrors })`: CALLs
 * (and 2.1 SENDs) of station actions with valid and mutated payloads of their request message, of
 * CSMS actions and of unknown ones; CALLRESULTs with a payload of `<responseTo>Response`;
 * CALLERRORs and CALLRESULTERRORs, well-formed or not; other message type ids; a uniqueId of any
 * length or escaping, numeric sometimes; whitespace; a stray extra element now and then.
 * `responseTo` is an action of the protocol that has a response, or null.
 * @param {Protocol} [protocol]
 * @returns {fc.Arbitrary<{ text: string, responseTo: string | null }>}
 */
export function frameArbOf(protocol?: Protocol): fc.Arbitrary<{
    text: string;
    responseTo: string | null;
}>;
/**
 * Inputs of one message of any protocol as a backend receives them: the texts of
 * payloadArbitrary(protocol, message), and their UTF-8 bytes, some with an invalid sequence, a BOM
 * or a cut inside a character (the byte-level half of a differential).
 * @param {Protocol} protocol @param {string} message
 * @returns {fc.Arbitrary<string | Uint8Array>}
 */
export function inputArbOf(protocol: Protocol, message: string): fc.Arbitrary<string | Uint8Array>;
export namespace ENUMS {
    let reason: string[];
    let context: string[];
    let format: string[];
    let measurand: string[];
    let phase: string[];
    let location: string[];
    let unit: string[];
}
/** Texts of JSON numbers whose JS value is a finite integer. */
export const integerTextArb: fc.Arbitrary<string>;
/** Date-time strings ajv-formats 3 (full) accepts: every separator, zone form, fraction, leap years and leap seconds. */
export const dateTimeArb: fc.Arbitrary<string>;
/** idTag strings of at most 20 code points (ajv ucs2length), incl. astral characters and lone surrogates. */
export const idTagArb: fc.Arbitrary<string>;
/** Model of a valid payload. */
export const validModelArb: fc.Arbitrary<ObjNode>;
/** JSON texts of valid payloads (random whitespace, key order, escapes and number forms). */
export const validPayloadArb: fc.Arbitrary<string>;
/** Valid payloads as parsed values. */
export const validValueArb: fc.Arbitrary<any>;
/** @type {Record<string, ModelMutation>} */
export const MODEL_MUTATIONS: Record<string, ModelMutation>;
/** @type {Record<string, TextMutation>} */
export const TEXT_MUTATIONS: Record<string, TextMutation>;
/** JSON texts derived from valid payloads: 1–3 model mutations and/or a text mutation. */
export const mutatedTextArb: fc.Arbitrary<string>;
/** Raw byte inputs: UTF-8 of valid/mutated texts, with invalid sequences, BOMs, truncation inside a character, random bytes. */
export const bytesArb: fc.Arbitrary<Uint8Array<ArrayBuffer>>;
/** Any input a backend accepts as text: strings and bytes. */
export const anyInputArb: fc.Arbitrary<string | Uint8Array<ArrayBuffer>>;
/** Every message name (56), for properties over all messages. */
export const messageNameArb: fc.Arbitrary<string>;
export function messageNameArbOf(protocol: import("./protocols.mjs").Protocol): fc.Arbitrary<string>;
/** Strings ajv-formats 3 (full) accepts as `format: uri`. */
export const uriArb: fc.Arbitrary<string>;
export function boundedStringArb(n: number): fc.Arbitrary<string>;
export function boundedIntegerTextArb(lo: number, hi: number): fc.Arbitrary<string>;
export function boundedNumberTextArb(lo: number, hi: number, m?: number): fc.Arbitrary<string>;
/** Any JSON value as text (for untyped nodes and open objects' extra members), now and then very deep. */
export const anyJsonTextArb: fc.Arbitrary<string>;
export function multipleOfTextArb(m: number): fc.Arbitrary<string>;
/** Texts of finite JSON numbers (for `type: number` without multipleOf). */
export const numberTextArb: fc.Arbitrary<string>;
export function validModelArbFor(message: string, protocol?: Protocol): fc.Arbitrary<JNode>;
export function validPayloadArbFor(message: string, protocol?: Protocol): fc.Arbitrary<string>;
export function validValueArbFor(message: string, protocol?: Protocol): fc.Arbitrary<unknown>;
export function mutatedTextArbFor(message: string, protocol?: Protocol): fc.Arbitrary<string>;
export function payloadTextArbFor(message: string, protocol?: Protocol): fc.Arbitrary<string>;
export function payloadArbitrary(protocol: Protocol, message: string): fc.Arbitrary<string>;
/** `{ message, text }` over every message, valid and mutated texts mixed. */
export const messagePayloadArb: fc.Arbitrary<{
    message: string;
    text: string;
}>;
/**
 * Deviations applied to a schema-driven model in place; each falls back to an unknown key at the
 * root when the message has no node it applies to.
 * @type {Record<string, (m: any, rnd: () => number) => void>}
 */
export const SCHEMA_MUTATIONS: Record<string, (m: any, rnd: () => number) => void>;
/**
 * a value node of the model, its schema node, and where it sits (parent object's fields / array's items; root: parent null)
 */
export type ModelSite = {
    node: any;
    s: any;
    parent: any;
    index: number;
};
export type RawNode = {
    t: "raw";
    text: string;
};
/**
 * key texts include the quotes
 */
export type ObjNode = {
    t: "obj";
    kind: "root" | "meter" | "sampled" | "other";
    fields: [string, JNode][];
};
export type ArrNode = {
    t: "arr";
    items: JNode[];
};
export type JNode = RawNode | ObjNode | ArrNode;
export type ModelMutation = (m: ObjNode, rnd: () => number) => void;
export type TextMutation = (text: string, rnd: () => number) => string;
export type SRawNode = RawNode & {
    s?: any;
};
export type Protocol = import("./protocols.mjs").Protocol;
import fc from "fast-check";
