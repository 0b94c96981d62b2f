// Vitest for this package: the shared slow-machine-safe timeouts (see ../../vitest.shared.mjs).
import { defineConfig } from "vitest/config";
import { slowMachineSafe } from "../../vitest.shared.mjs";

export default defineConfig({ test: { ...slowMachineSafe } });
