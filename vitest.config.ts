/**
 * Two projects:
 * - `unit`: the model and display tests, a few seconds;
 * - `report`: the notebook, report and browser tests. They share one run
 *   of the real report command (test/helpers/reportOnce.ts), started once
 *   before them, so every notebook executes once per test run.
 *
 * A test file that calls `inject("report")` belongs in REPORT_TESTS.
 * `npx vitest run --project unit` skips the report altogether.
 */
import { defineConfig } from "vitest/config";

const REPORT_TESTS = [
  "test/notebooks.test.ts",
  "test/report.test.ts",
  "test/browser.test.ts",
  "test/headlines.test.ts",
];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: REPORT_TESTS,
        },
      },
      {
        test: {
          name: "report",
          include: REPORT_TESTS,
          globalSetup: ["test/helpers/reportOnce.ts"],
          // Each of these starts kernels or a browser.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
