/**
 * @template {[unknown, ...unknown[]]} Ts
 * @param {[...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => boolean | void]} args
 * @returns {fc.IAsyncPropertyWithHooks<Ts>}
 */
export function property<Ts extends [unknown, ...unknown[]]>(...args: [...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]>; }, predicate: (...args: Ts) => boolean | void]): fc.IAsyncPropertyWithHooks<Ts>;
/** Predicate calls between two yields to the event loop (a count: the same on every machine). */
export const YIELD_EVERY: 64;
import fc from "fast-check";
