/**
 * `npm run report -- [--data DIR] [--out DIR]`
 *
 * Executes every notebook of notebooks/ in its own kernel, as many at a time
 * as there are cores, and writes an offline HTML report: one page per
 * notebook and an index.html with the headline figures. The data folder
 * reaches the kernels as the absolute path in WORKBOOK_DATA_DIR.
 *
 * Prints one line per notebook with its wall time, then a total. Exits with
 * status 2 for bad input (CSV data, flags), before any kernel starts, and 1
 * when a notebook fails, naming the notebook, the cell and the error. The
 * report is swapped in only when every notebook succeeded.
 */
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command, Option } from "commander";
import { userErrorStatus } from "./userError.js";
import type { WorkbookData } from "../lib/index.js";
import { displayPath } from "../lib/csv.js";
import { defaultDataDir, InputError, loadWorkbookData } from "../lib/index.js";
import { indexPage } from "./report/indexPage.js";
import {
  checkOutputFolder,
  createBuildFolder,
  discard,
  MANIFEST,
  swapIn,
} from "./report/outputFolder.js";
import type { NotebookDone, NotebookResult } from "./report/runNotebooks.js";
import {
  isFailure,
  MissingJupyterError,
  runNotebooks,
} from "./report/runNotebooks.js";

interface Options {
  data: string;
  out: string;
  notebooks: string;
  jobs: string;
}

function readOptions(argv: readonly string[]): Options {
  const program = new Command("report")
    .description("Execute every notebook and write an offline HTML report.")
    .option("--data <dir>", "folder with the three CSV files", defaultDataDir())
    .option("--out <dir>", "folder the report is written to", "reports")
    .addOption(
      new Option("--notebooks <dir>", "folder of notebooks to run")
        .default("notebooks")
        .hideHelp(),
    )
    .addOption(
      new Option("--jobs <n>", "notebooks run at the same time")
        .default(String(os.availableParallelism()))
        .hideHelp(),
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.parse([...argv], { from: "user" });
  return program.opts<Options>();
}

function parseJobs(text: string): number {
  const jobs = Number(text);
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new InputError([`--jobs must be a whole number >= 1, got "${text}"`]);
  }
  return jobs;
}

function listNotebooks(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new InputError([`--notebooks ${dir}: folder not found`]);
  }
  const notebooks = names.filter((name) => name.endsWith(".ipynb")).sort();
  if (notebooks.length === 0) {
    throw new InputError([`--notebooks ${dir}: no .ipynb files`]);
  }
  return notebooks.map((name) => path.resolve(dir, name));
}

/** What became of the output folder after a run that did not succeed. */
function previousReport(outDir: string): string {
  return existsSync(outDir)
    ? `${displayPath(outDir)} is unchanged`
    : "no report written";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `    ${line}`)
    .join("\n");
}

function printResult(result: NotebookResult): void {
  const time = `${result.seconds.toFixed(1)} s`;
  if (!isFailure(result)) {
    say(`report: ${result.notebook} ... ${time}`);
    return;
  }
  const where =
    result.cell === null ? "before its first cell" : `cell ${result.cell}`;
  const source = result.source ? `: ${result.source}` : "";
  process.stderr.write(
    `report: ${result.notebook} ... failed in ${time}\n` +
      `  ${result.notebook}, ${where}${source}\n` +
      `${indent(result.error)}\n`,
  );
}

/** What the report was built from, for people and for the benchmarks. */
function manifest(
  data: WorkbookData,
  results: readonly NotebookDone[],
  seconds: number,
) {
  return {
    dataDir: data.dir,
    seconds: Math.round(seconds * 100) / 100,
    notebooks: results.map(({ notebook, html, title, seconds, bytes }) => ({
      notebook,
      html,
      title,
      seconds,
      bytes,
    })),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now();
  const options = readOptions(argv);
  const jobs = parseJobs(options.jobs);

  // Bad data stops the report here, with the lib's own messages, before
  // any kernel starts; every notebook would fail on it the same way.
  const data = loadWorkbookData(path.resolve(options.data));
  const outDir = path.resolve(options.out);
  checkOutputFolder(outDir);
  const notebooks = listNotebooks(options.notebooks);

  const buildDir = createBuildFolder(outDir);
  // Ctrl-C: the runner shuts its kernels down and exits, then the report
  // ends here. A second Ctrl-C ends it at once.
  const stop = new AbortController();
  const interrupt = () => {
    if (stop.signal.aborted) {
      discard(buildDir);
      process.exit(130);
    }
    process.stderr.write("report: stopping the kernels...\n");
    stop.abort();
  };
  process.on("SIGINT", interrupt).on("SIGTERM", interrupt);

  try {
    const { results, crash } = await runNotebooks({
      notebooks,
      outDir: buildDir,
      dataDir: data.dir,
      jobs,
      // Once stopped, kernels die on purpose: no need to say so.
      onResult: (result) => stop.signal.aborted || printResult(result),
      signal: stop.signal,
    });
    const seconds = (performance.now() - started) / 1000;
    if (stop.signal.aborted) {
      discard(buildDir);
      process.stderr.write(`report: interrupted; ${previousReport(outDir)}\n`);
      return 130;
    }
    const failures = results.filter(isFailure);
    if (crash !== undefined || failures.length > 0) {
      if (crash !== undefined) process.stderr.write(`${crash}\n`);
      discard(buildDir);
      const previous = previousReport(outDir);
      const failed = failures.length > 0 ? failures.length : "some";
      process.stderr.write(
        `report: ${failed} of ${plural(notebooks.length, "notebook")} ` +
          `failed after ${seconds.toFixed(1)} s; ${previous}\n`,
      );
      return 1;
    }

    // Pages in notebook order, whatever order they finished in.
    const order = notebooks.map((file) => path.basename(file));
    const done = (results as NotebookDone[]).sort(
      (a, b) => order.indexOf(a.notebook) - order.indexOf(b.notebook),
    );
    writeFileSync(path.join(buildDir, "index.html"), indexPage(data, done));
    writeFileSync(
      path.join(buildDir, MANIFEST),
      `${JSON.stringify(manifest(data, done, seconds), null, 2)}\n`,
    );
    swapIn(buildDir, outDir);
    say(
      `report: ${plural(done.length, "notebook")} in ${seconds.toFixed(1)} s, ` +
        displayPath(path.join(outDir, "index.html")),
    );
    return 0;
  } catch (error) {
    discard(buildDir);
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const status = userErrorStatus(error);
    if (status !== undefined) {
      process.exitCode = status;
    } else if (error instanceof MissingJupyterError) {
      process.stderr.write(`report: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
