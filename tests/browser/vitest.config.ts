import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Browser stories: the real server in-process and Debian's Chromium. Each file starts its own server on its own
 * database and its own browser, so two files run side by side (one per core of the machines CI runs on).
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default", "json"],
    outputFile: { json: "tests/artifacts/browser.json" },
  },
});
