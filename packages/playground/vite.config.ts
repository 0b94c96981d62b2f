import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset URLs: dist/ works from any path (a subfolder, a file share, GitHub Pages).
  base: "./",
  build: {
    target: "es2022",
    // The .wasm must stay a separate, cacheable asset; never inline it as base64.
    assetsInlineLimit: (file) => (file.endsWith(".wasm") ? false : undefined),
    reportCompressedSize: false,
  },
  preview: { host: "127.0.0.1", strictPort: false },
  server: { host: "127.0.0.1" },
});
