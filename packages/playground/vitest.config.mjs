// Vitest for the playground: vite.config.ts plus the shared slow-machine-safe timeouts
// (see ../../vitest.shared.mjs). A vitest.config.* replaces vite.config.ts for vitest, so merge it.
import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";
import { slowMachineSafe } from "../../vitest.shared.mjs";

export default mergeConfig(viteConfig, defineConfig({ test: { ...slowMachineSafe } }));
