import path from "node:path";
import { defineConfig } from "vitest/config";

/** Browser stories: the real server in-process and Debian's Chromium, one file at a time. */
export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: "tests/artifacts/browser.json" },
  },
});
