/**
 * Deterministic OCPP 1.6 StopTransaction.req payloads shared by the tests, the benchmark and the docs.
 * Every generator is a pure function of its arguments (seeded PRNG, never Math.random).
 * Functions ending in `Value` return objects; the others return JSON text (strings).
 */
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
