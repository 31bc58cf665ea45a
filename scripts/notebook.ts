/**
 * `npm run notebook -- [--data DIR] [-- JUPYTER OPTIONS...]`
 *
 * Starts a local Jupyter server in notebooks/ that lists the workbook's
 * kernel, "TypeScript (scaling workbook)". JupyterLab is used when it is
 * installed, else the classic Notebook (Debian's `jupyter-notebook`);
 * neither is installed for you. With --data, every kernel reads that
 * folder (through WORKBOOK_DATA_DIR) instead of data/.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { Command } from "commander";
import { userErrorStatus } from "./userError.js";
import { loadWorkbookData } from "../lib/index.js";
import {
  jupyterEnvironment,
  KERNEL_DISPLAY_NAME,
  PROJECT_ROOT,
} from "./setup.mjs";

interface Options {
  data?: string;
}

function readOptions(argv: readonly string[]) {
  const program = new Command("notebook")
    .description("Start Jupyter in notebooks/ with the workbook's kernel.")
    .option("--data <dir>", "folder with the three CSV files for every kernel")
    .argument("[jupyter...]", "options passed on to Jupyter")
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.parse([...argv], { from: "user" });
  return { options: program.opts<Options>(), extra: program.args };
}

/** `jupyter lab` or `jupyter notebook`, whichever answers first. */
function findServer(): string | undefined {
  return ["lab", "notebook"].find(
    (app) => spawnSync("jupyter", [app, "--version"]).status === 0,
  );
}

const HOW_TO_GET_ONE = `notebook: no Jupyter server is installed. Either
  - on Debian or Ubuntu: sudo apt-get install jupyter-notebook
  - elsewhere: pipx install jupyterlab   (or python3 -m pip install --user jupyterlab)
  - or open notebooks/ in VS Code with its Jupyter extension and pick the
    kernel "${KERNEL_DISPLAY_NAME}" (npm run report installed it).
Then run npm run notebook again.`;

function main(argv: readonly string[]): number {
  const { options, extra } = readOptions(argv);
  const environment = jupyterEnvironment();
  if (options.data !== undefined) {
    // Checked here, so a typo shows now rather than in the first cell.
    const data = loadWorkbookData(path.resolve(options.data));
    environment.WORKBOOK_DATA_DIR = data.dir;
  }

  const app = findServer();
  if (app === undefined) {
    process.stderr.write(`${HOW_TO_GET_ONE}\n`);
    return 1;
  }

  const notebooks = path.join(PROJECT_ROOT, "notebooks");
  const args = [app, `--notebook-dir=${notebooks}`];
  // Jupyter refuses to start as root unless told to (containers, CI).
  if (process.getuid?.() === 0) args.push("--allow-root");
  process.stdout.write(
    `notebook: starting jupyter ${app} in notebooks/` +
      (options.data ? ` with data from ${environment.WORKBOOK_DATA_DIR}` : "") +
      "\n",
  );
  const server = spawn("jupyter", [...args, ...extra], {
    cwd: notebooks,
    env: environment,
    stdio: "inherit",
  });
  // Ctrl-C reaches Jupyter too; wait for it to shut its kernels down.
  process.on("SIGINT", () => undefined);
  server.on("exit", (code) => process.exit(code ?? 1));
  return 0;
}

try {
  const code = main(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
} catch (error) {
  const status = userErrorStatus(error);
  if (status === undefined) throw error;
  process.exitCode = status;
}
