/**
 * mulberry32: a small, fast, seedable 32-bit PRNG.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
export function createPrng(seed: number): () => number;
/**
 * A valid StopTransaction.req value.
 * @param {{ seed?: number, meterValues?: number, samples?: number, reason?: boolean }} [opts]
 */
export function payloadValue({ seed, meterValues, samples, reason }?: {
    seed?: number;
    meterValues?: number;
    samples?: number;
    reason?: boolean;
}): Record<string, unknown>;
/** ~130 B, no meter values. */
export function smallPayloadValue(): Record<string, unknown>;
/** ~1.4 KB: 2 meter values × 4 sampled values. */
export function mediumPayloadValue(): Record<string, unknown>;
/** ~72 KB: 50 meter values × 10 sampled values. */
export function largePayloadValue(): Record<string, unknown>;
/** JSON text, ~130 B, no meter values. */
export function smallPayload(): string;
/** JSON text, ~1.4 KB: 2 meter values × 4 sampled values. */
export function mediumPayload(): string;
/** JSON text, ~72 KB: 50 meter values × 10 sampled values. */
export function largePayload(): string;
/** JSON text that fails early: transactionId is a string (a `type` issue at the first key). */
export function invalidPayload(): string;
/**
 * A deterministic batch of JSON texts: varied sizes (mostly small, some medium, a few large),
 * about 5% invalid (schema and syntax failures mixed).
 * @param {number} [n]
 * @param {number} [seed]
 * @returns {string[]}
 */
export function mixedBatch(n?: number, seed?: number): string[];
/**
 * A deterministic, realistic, valid payload VALUE for any OCPP message (schema-driven).
 * @param {string} message  one of the protocol's message names
 * @param {PayloadOptions} [opts]
 * @returns {any}
 */
export function payloadValueFor(message: string, { size, seed, arrayLengths, optional, protocol }?: PayloadOptions): any;
/**
 * JSON text of payloadValueFor(message, opts).
 * @param {string} message
 * @param {PayloadOptions} [opts]
 */
export function payloadFor(message: string, opts?: PayloadOptions): string;
/**
 * JSON text of a small payload of `message` that fails early: the first required property has the
 * wrong type (a `type` issue), or, for a message without required properties, an unknown key
 * (`additionalProperties`).
 * @param {string} message
 * @param {import("./protocols.mjs").Protocol} [protocol]
 */
export function invalidPayloadFor(message: string, protocol?: import("./protocols.mjs").Protocol): string;
/**
 * A deterministic batch of JSON texts of `message`: mostly small, some medium, a few large payloads
 * (for messages with arrays), about 5% invalid (schema and syntax failures mixed).
 * @param {string} message
 * @param {number} [n]
 * @param {number} [seed]
 * @param {import("./protocols.mjs").Protocol} [protocol]
 * @returns {string[]}
 */
export function mixedBatchFor(message: string, n?: number, seed?: number, protocol?: import("./protocols.mjs").Protocol): string[];
/**
 * A valid OCPP 2.0.1 / 2.1 TransactionEventRequest value (every field used here has the same shape
 * in both). `"small"` is a transaction start (`Started`, one meter value of one sample, ~400 B);
 * `"medium"` an `Updated` event with 2 meter values × 4 samples; `"large"` an `Updated` event with
 * 50 meter values × 10 samples (~90 KB as JSON). `meterValues` / `samples` override the size.
 * @param {{ size?: PayloadSize, seed?: number, meterValues?: number, samples?: number }} [opts]
 */
export function transactionEventValue({ size, seed, meterValues, samples }?: {
    size?: PayloadSize;
    seed?: number;
    meterValues?: number;
    samples?: number;
}): {
    evse: {
        id: number;
        connectorId: number;
    };
    meterValue: {
        timestamp: string;
        sampledValue: {
            location: string;
            unitOfMeasure: {
                unit: "A" | "W" | "Wh" | "V" | "Percent" | "Hz";
            };
            phase?: string;
            value: number;
            context: string;
            measurand: "Energy.Active.Export.Register" | "Energy.Active.Import.Register" | "Power.Active.Import" | "Power.Offered" | "Power.Factor" | "Current.Import" | "Current.Offered" | "Voltage" | "Frequency" | "SoC";
        }[];
    }[];
    idToken?: {
        idToken: string;
        type: string;
    };
    eventType: string;
    timestamp: string;
    triggerReason: string;
    seqNo: number;
    transactionInfo: {
        transactionId: string;
        chargingState: string;
    };
};
/** JSON text of transactionEventValue(opts). @param {{ size?: PayloadSize, seed?: number, meterValues?: number, samples?: number }} [opts] */
export function transactionEventPayload(opts?: {
    size?: PayloadSize;
    seed?: number;
    meterValues?: number;
    samples?: number;
}): string;
/** @typedef {"small" | "medium" | "large"} PayloadSize */
/**
 * @typedef {{ size?: PayloadSize, seed?: number, arrayLengths?: readonly number[], optional?: boolean, protocol?: import("./protocols.mjs").Protocol }} PayloadOptions
 *   size: array lengths by nesting depth: small [1] (optional arrays left out), medium [2, 4], large [50, 10];
 *   arrayLengths overrides them (depth 0 = the outermost arrays; deeper arrays take the last entry),
 *   e.g. MeterValues with one meter value of N sampled values: `{ arrayLengths: [1, N] }`;
 *   optional: include optional properties (default true; false gives only required ones);
 *   protocol: "ocpp1.6" (default), "ocpp2.0.1" or "ocpp2.1" (message names are that protocol's;
 *   array lengths are kept within minItems / maxItems, numbers within minimum / maximum)
 */
/** @type {Readonly<Record<PayloadSize, readonly number[]>>} */
export const ARRAY_LENGTHS: Readonly<Record<PayloadSize, readonly number[]>>;
export const PAYLOAD_SIZES: readonly PayloadSize[];
export type PayloadSize = "small" | "medium" | "large";
/**
 * size: array lengths by nesting depth: small [1] (optional arrays left out), medium [2, 4], large [50, 10];
 * arrayLengths overrides them (depth 0 = the outermost arrays; deeper arrays take the last entry),
 * e.g. MeterValues with one meter value of N sampled values: `{ arrayLengths: [1, N] }`;
 * optional: include optional properties (default true; false gives only required ones);
 * protocol: "ocpp1.6" (default), "ocpp2.0.1" or "ocpp2.1" (message names are that protocol's;
 * array lengths are kept within minItems / maxItems, numbers within minimum / maximum)
 */
export type PayloadOptions = {
    size?: PayloadSize;
    seed?: number;
    arrayLengths?: readonly number[];
    optional?: boolean;
    protocol?: import("./protocols.mjs").Protocol;
};
