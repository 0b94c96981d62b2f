// `vite build` of web/ from the installed package (the `browser` export condition is Vite's default).
import { defineConfig } from "vite";

export default defineConfig({
  root: "web",
  logLevel: "warn",
  build: { outDir: "../dist-web", emptyOutDir: true },
});
