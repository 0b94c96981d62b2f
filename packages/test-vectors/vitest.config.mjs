// Property tests run a fixed number of cases (never "as many as fit in N seconds"), so the timeouts
// only guard against hangs: generous and independent of machine speed.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.mjs"],
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
