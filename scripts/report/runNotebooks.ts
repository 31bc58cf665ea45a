/**
 * Runs notebooks through scripts/run_notebooks.py: Jupyter's own nbclient
 * executes them (one kernel each, `jobs` at a time) and nbconvert's
 * HTMLExporter writes one page per notebook.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import {
  findJupyterPython,
  jupyterEnvironment,
  KERNEL_NAME,
  PROJECT_ROOT,
} from "../setup.mjs";

/** A notebook that ran to its end and was exported. */
export interface NotebookDone {
  event: "done";
  notebook: string;
  seconds: number;
  /** The page's file name inside the output folder. */
  html: string;
  /** The notebook's first heading. */
  title: string;
  bytes: number;
}

/** A notebook stopped by a failing cell, a timeout or a dead kernel. */
export interface NotebookFailed {
  event: "failed";
  notebook: string;
  seconds: number;
  /** 1-based position of the cell in the notebook, markdown included. */
  cell: number | null;
  /** The first line of the cell's source. */
  source: string;
  /** What the kernel wrote to the cell's stderr, without kernel frames. */
  error: string;
}

export type NotebookResult = NotebookDone | NotebookFailed;

export interface RunOptions {
  notebooks: readonly string[];
  /** Folder the pages are written to. */
  outDir: string;
  /** Absolute data folder, passed to kernels as WORKBOOK_DATA_DIR. */
  dataDir: string;
  jobs: number;
  /** Called as each notebook finishes, in the order they finish. */
  onResult?: (result: NotebookResult) => void;
  /**
   * Stops the run: the runner shuts its kernels down and starts no more.
   * The promise still resolves, once the runner has exited.
   */
  signal?: AbortSignal;
}

export interface RunOutcome {
  results: NotebookResult[];
  /** The runner's own stderr when it failed without naming a notebook. */
  crash?: string;
}

const RUNNER = path.join(PROJECT_ROOT, "scripts", "run_notebooks.py");

/** Thrown when no Python can import nbclient and nbconvert. */
export class MissingJupyterError extends Error {}

/** Runs `options.notebooks`; resolves once every one has finished. */
export function runNotebooks(options: RunOptions): Promise<RunOutcome> {
  const python = findJupyterPython();
  if (python === undefined) {
    throw new MissingJupyterError(
      "no Python here can import nbclient and nbconvert: " +
        "run `node scripts/setup.mjs report`",
    );
  }

  const child = spawn(
    python,
    [
      RUNNER,
      "execute",
      "--out",
      options.outDir,
      "--kernel",
      KERNEL_NAME,
      "--jobs",
      String(options.jobs),
      ...options.notebooks,
    ],
    {
      env: {
        ...jupyterEnvironment(),
        WORKBOOK_DATA_DIR: options.dataDir,
        PYTHONUNBUFFERED: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  stopWithParent(child.pid);
  options.signal?.addEventListener("abort", () => child.kill("SIGTERM"));

  const results: NotebookResult[] = [];
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (text: string) => (stderr += text));
  createInterface({ input: child.stdout }).on("line", (line) => {
    const result = JSON.parse(line) as NotebookResult;
    results.push(result);
    options.onResult?.(result);
  });

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const named = new Set(results.map((result) => result.notebook));
      const allNamed = options.notebooks.every((notebook) =>
        named.has(path.basename(notebook)),
      );
      const crashed = code !== 0 && !results.some(isFailure);
      resolve({
        results,
        crash:
          crashed || !allNamed ? stderr.trim() || `exit ${code}` : undefined,
      });
    });
  });
}

export function isFailure(result: NotebookResult): result is NotebookFailed {
  return result.event === "failed";
}

/**
 * Stops the runner if this process exits first (an uncaught error), so no
 * runner outlives the command. Its SIGTERM handler shuts its kernels down;
 * they run in sessions of their own, which a Ctrl-C does not reach.
 */
function stopWithParent(pid: number | undefined): void {
  if (pid === undefined) return;
  const stop = () => {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", stop);
}
