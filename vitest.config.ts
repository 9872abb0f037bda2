import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/*/src/**/*.test.ts", "apps/server/src/**/*.test.ts", "tests/http/**/*.test.ts"],
    // Password hashing (scrypt) makes login-heavy tests slower than pure ones.
    testTimeout: 20_000,
    // Some suites start a server process in their setup.
    hookTimeout: 120_000,
    reporters: ["default", "json"],
    outputFile: { json: "tests/artifacts/unit.json" },
  },
});
