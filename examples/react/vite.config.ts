// Relative asset URLs (`base: "./"`), so the built app works from any folder. The package's
// wasm, stylesheet and chunks are found through its `new URL("./…", import.meta.url)` calls
// and copied into dist/assets/ with the app's own files.
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  base: "./",
  server: {
    // The package is linked from ../../pkg, outside this folder, for the dev server too. An
    // app that installs it from the registry has it in node_modules and needs no such line.
    fs: { allow: [".", "../../pkg"] },
  },
  plugins: [react()],
});
