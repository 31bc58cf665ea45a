/**
 * Global setup of the `report` test project: runs the real report command
 * once, on a copy of data/ with one hostile scenario name added, into a
 * temporary folder. The notebook, report and browser tests all read that
 * one report (through `inject("report")`), so every notebook executes once
 * per test run.
 *
 * A failed run is handed on, not thrown: the tests then say which notebook
 * failed and why.
 */
import { readFileSync, rmSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dataFolder } from "./dataFolder.js";
import type { CommandRun } from "./runReport.js";
import { runReport } from "./runReport.js";

/** A scenario name that would run a script if a page used it as markup. */
export const HOSTILE_NAME = "<img src=x onerror=alert(1)>";

export interface SharedReport {
  run: CommandRun;
  /** The folder the report was written to. */
  outDir: string;
  /** The data copy the report was computed from. */
  dataDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    report: SharedReport;
  }
}

export default async function setup(project: TestProject) {
  const scenarios = readFileSync("data/scenarios.csv", "utf8").trimEnd();
  const dataDir = dataFolder({
    "scenarios.csv": `${scenarios}\n${HOSTILE_NAME},300000\n`,
  });
  const workDir = mkdtempSync(path.join(tmpdir(), "workbook-report-"));
  const outDir = path.join(workDir, "reports");

  const run = await runReport(["--data", dataDir, "--out", outDir]);
  project.provide("report", { run, outDir, dataDir });

  return () => {
    if (process.env.KEEP_TEST_REPORT) return;
    rmSync(workDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  };
}
