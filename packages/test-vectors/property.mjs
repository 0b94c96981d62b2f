// @ts-check
/**
 * `property(...arbitraries, predicate)`: `fc.property` for long runs in vitest, on any machine.
 *
 * A vitest worker whose event loop stays blocked for 60 s fails the whole run with
 * `[vitest-worker]: Timeout calling "onTaskUpdate"`, whatever `testTimeout` says: one synchronous
 * `fc.assert` of 10 000 runs can do that on a slow or busy machine. This is the same property made
 * async: every YIELD_EVERY calls of the predicate it waits for one macrotask, so the worker answers
 * vitest between runs. The cases are exactly fc.property's (same seed, same runs, same shrinking);
 * the caller writes `await fc.assert(property(...), { numRuns, seed })`.
 */
import fc from "fast-check";

/** Predicate calls between two yields to the event loop (a count: the same on every machine). */
export const YIELD_EVERY = 64;

const macrotask = () => new Promise((resolve) => setImmediate(resolve));

/**
 * @template {[unknown, ...unknown[]]} Ts
 * @param {[...arbitraries: { [K in keyof Ts]: fc.Arbitrary<Ts[K]> }, predicate: (...args: Ts) => boolean | void]} args
 * @returns {fc.IAsyncPropertyWithHooks<Ts>}
 */
export function property(...args) {
  const predicate = /** @type {(...args: Ts) => boolean | void} */ (args[args.length - 1]);
  const arbitraries = /** @type {{ [K in keyof Ts]: fc.Arbitrary<Ts[K]> }} */ (/** @type {unknown} */ (args.slice(0, -1)));
  let calls = 0;
  return fc.asyncProperty(...arbitraries, async (/** @type {Ts} */ ...values) => {
    if (++calls % YIELD_EVERY === 0) await macrotask();
    return predicate(...values);
  });
}
