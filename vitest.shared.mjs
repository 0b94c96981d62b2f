// Vitest settings shared by every package's vitest.config.mjs (imported, not run by itself).
// A correctness test must never fail because the machine is slow or busy: the suites run
// property tests with a fixed number of fast-check runs (a count, never a time budget), and
// vitest's default 5 s per test turns a slow machine into red tests. These limits only catch a
// hang; they are not a speed target. Do not give single tests their own smaller timeouts.
const TEN_MINUTES = 10 * 60_000;

export const slowMachineSafe = {
  testTimeout: TEN_MINUTES,
  hookTimeout: TEN_MINUTES,
  // Waiting for workers and servers to close at the end; generous for the same reason.
  teardownTimeout: 2 * 60_000,
};
