/**
 * `tsx bench/report.ts [--runs N]` (part of `npm run bench`)
 *
 * Wall times of the report command, measured the way a student meets them:
 * - an empty notebook: the floor, a kernel's start-up and shut-down and
 *   one HTML export;
 * - a notebook whose one cell imports ./build/lib/notebook, as the
 *   notebooks do (the compiled declarations), and one that imports the
 *   sources, ./lib/notebook: the floor plus tslab's type-checking;
 * - every notebook of notebooks/, as the report timed it, run alone and
 *   run as many at a time as there are cores;
 * - the whole report, with notebooks run as many at a time as there are
 *   cores, and one at a time.
 *
 * Each figure is the median of N runs (default 1). Reports go to a
 * temporary folder, which is deleted.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { writeNotebook } from "../test/helpers/notebookFile.js";

interface Manifest {
  seconds: number;
  notebooks: { notebook: string; seconds: number; bytes: number }[];
}

interface Run {
  /** Wall time of the whole command, tsx start included. */
  commandSeconds: number;
  manifest: Manifest;
}

const work = mkdtempSync(path.join(os.tmpdir(), "workbook-bench-"));

function report(args: readonly string[]): Run {
  const out = mkdtempSync(path.join(work, "out-"));
  const started = performance.now();
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/report.ts", "--out", out, ...args],
    { encoding: "utf8" },
  );
  const commandSeconds = (performance.now() - started) / 1000;
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`report ${args.join(" ")} exited ${result.status}`);
  }
  const manifest = JSON.parse(
    readFileSync(path.join(out, "report.json"), "utf8"),
  ) as Manifest;
  rmSync(out, { recursive: true, force: true });
  return { commandSeconds, manifest };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function seconds(value: number): string {
  return `${value.toFixed(1)} s`;
}

function say(label: string, value: string): void {
  process.stdout.write(`bench report: ${label} ... ${value}\n`);
}

/** A folder holding one notebook with `cells`. */
function notebookFolder(name: string, cells: { code: string }[]): string {
  const dir = mkdtempSync(path.join(work, "notebooks-"));
  writeNotebook(path.join(dir, name), cells);
  return dir;
}

function main(argv: readonly string[]): void {
  const { runs: runsText } = new Command("bench-report")
    .option("--runs <n>", "runs per figure; the median is printed", "1")
    .parse([...argv], { from: "user" })
    .opts<{ runs: string }>();
  const runs = Math.max(1, Number.parseInt(runsText, 10) || 1);
  const repeat = (args: readonly string[]) =>
    Array.from({ length: runs }, () => report(args));
  const cores = os.availableParallelism();

  const importing = (from: string) =>
    notebookFolder("import.ipynb", [
      { code: `import { show } from "${from}";` },
    ]);
  const floors: [string, string][] = [
    [
      "empty notebook (kernel start-up floor)",
      notebookFolder("empty.ipynb", []),
    ],
    [
      "notebook that imports ./build/lib/notebook, as notebooks do",
      importing("./build/lib/notebook"),
    ],
    [
      "notebook that imports the sources, ./lib/notebook",
      importing("./lib/notebook"),
    ],
  ];
  for (const [label, dir] of floors) {
    const measured = repeat(["--notebooks", dir]);
    const notebook = median(
      measured.map((run) => run.manifest.notebooks[0].seconds),
    );
    const command = median(measured.map((run) => run.commandSeconds));
    say(label, `${seconds(notebook)} (whole command ${seconds(command)})`);
  }

  const parallel = repeat([]);
  const serial = repeat(["--jobs", "1"]);
  const timeOf = (run: Run, name: string) =>
    run.manifest.notebooks.find((entry) => entry.notebook === name)?.seconds ??
    Number.NaN;
  for (const { notebook, bytes } of serial[0].manifest.notebooks) {
    const alone = median(serial.map((run) => timeOf(run, notebook)));
    const shared = median(parallel.map((run) => timeOf(run, notebook)));
    say(
      notebook,
      `${seconds(alone)} alone, ${seconds(shared)} ${cores} at a time, ` +
        `${(bytes / 1e6).toFixed(2)} MB`,
    );
  }
  say(
    `whole report, ${cores} at a time`,
    seconds(median(parallel.map((run) => run.commandSeconds))),
  );
  say(
    "whole report, one at a time",
    seconds(median(serial.map((run) => run.commandSeconds))),
  );
}

try {
  main(process.argv.slice(2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
