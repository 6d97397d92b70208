import { defineConfig } from "vitest/config";

// The JSON report is what .ci/run reads to print its closing "N passed, N failed" line.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: "reports/vitest.json" }]],
    pool: "forks",
  },
});
