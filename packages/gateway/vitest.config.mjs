import { defineConfig } from "vitest/config";

// Correctness tests must not depend on machine speed (2 shared cores, other builds running):
// generous defaults here, and the slow tests name their own (600 s).
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
