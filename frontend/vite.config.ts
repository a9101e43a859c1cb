import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The built app is served from the same origin as the API (the local stack, or CloudFront in AWS),
// so the dev server forwards /api to a running local stack.
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    host: "127.0.0.1",
    proxy: { "/api": "http://127.0.0.1:8080" },
  },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/testing/setup.ts"],
    restoreMocks: true,
  },
});
