#!/usr/bin/env node
/**
 * `node scripts/setup.mjs report|test|build`
 *
 * Installs what the report and the tests need, and only what is missing:
 *
 * 1. npm packages: `npm ci` when node_modules is missing or older than
 *    package-lock.json;
 * 2. the compiled library build/lib (see ensureLibBuild), when any file of
 *    lib/ is newer than it (`build` stops here);
 * 3. Jupyter's executor and exporter (nbclient, nbconvert): Debian's
 *    packages through apt-get when running as root on Debian or Ubuntu,
 *    otherwise the command to run is printed and setup stops;
 * 4. the TypeScript kernel "scaling-workbook" (tslab, started in the
 *    project root), written to .cache/jupyter for the project's commands
 *    and to the user's Jupyter folder for Jupyter and VS Code;
 * 5. for `test` only: Debian's chromium, for the browser test.
 *
 * Plain Node with no dependencies, so that it runs before node_modules
 * exists. Prints one line per step; the output of apt-get and npm is kept
 * and shown only when they fail. Other scripts import the helpers below.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The project root: the folder above scripts/. */
export const PROJECT_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
);

/** The kernelspec name that notebooks name in their metadata. */
export const KERNEL_NAME = "scaling-workbook";

/** The kernel as Jupyter lists it. */
export const KERNEL_DISPLAY_NAME = "TypeScript (scaling workbook)";

/** The git-ignored folder the project's commands put in JUPYTER_PATH. */
export const PROJECT_JUPYTER_PATH = path.join(
  PROJECT_ROOT,
  ".cache",
  "jupyter",
);

/** Debian's packages that hold nbclient, nbconvert and jupyter_client. */
export const JUPYTER_APT_PACKAGES = [
  "jupyter-nbconvert",
  "python3-nbclient",
  "jupyter-client",
];

/** The Python modules the notebook runner imports. */
const JUPYTER_MODULES = ["nbclient", "nbconvert", "nbformat", "jupyter_client"];

/** Runs a command and keeps its output; never throws. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  return {
    ok: result.status === 0 && !result.error,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${
      result.error ? String(result.error) : ""
    }`,
  };
}

/**
 * The first Python that can import nbclient and nbconvert: `$WORKBOOK_PYTHON`
 * when set, then Debian's /usr/bin/python3, then python3 on PATH. The first
 * python3 on PATH is often a pyenv or conda build without Jupyter, which is
 * why Debian's comes first.
 * @returns the command, or undefined when none can.
 */
export function findJupyterPython() {
  const candidates = [
    process.env.WORKBOOK_PYTHON,
    "/usr/bin/python3",
    "python3",
    "python",
  ].filter(Boolean);
  // find_spec locates a module without running it: 30 ms, not 700.
  const probe =
    "import sys, importlib.util as u; " +
    `sys.exit(any(u.find_spec(m) is None for m in ${JSON.stringify(JUPYTER_MODULES)}))`;
  return candidates.find((python) => run(python, ["-c", probe]).ok);
}

/** The environment the project's commands start Jupyter with. */
export function jupyterEnvironment(environment = process.env) {
  const inherited = environment.JUPYTER_PATH;
  return {
    ...environment,
    JUPYTER_PATH: inherited
      ? `${PROJECT_JUPYTER_PATH}${path.delimiter}${inherited}`
      : PROJECT_JUPYTER_PATH,
  };
}

function log(step, status) {
  process.stdout.write(`setup: ${step} ... ${status}\n`);
}

function seconds(start) {
  return `${Math.round((Date.now() - start) / 1000)} s`;
}

/** Stops setup with a message; the output of a failed command comes first. */
function fail(lines, output = "") {
  if (output.trim() !== "") process.stderr.write(`${output.trimEnd()}\n`);
  process.stderr.write(`${lines.join("\n")}\n`);
  process.exit(1);
}

function isDebianLike() {
  return existsSync("/etc/debian_version") && existsSync("/usr/bin/apt-get");
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

let aptUpdated = false;

/** `apt-get install` of `packages`, with one `apt-get update` per run. */
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    const update = run("apt-get", ["update"], { env });
    if (!update.ok) fail(["setup: apt-get update failed"], update.output);
    aptUpdated = true;
  }
  const install = run(
    "apt-get",
    ["install", "-y", "--no-install-recommends", ...packages],
    { env },
  );
  if (!install.ok) {
    fail(
      [`setup: apt-get install ${packages.join(" ")} failed`],
      install.output,
    );
  }
}

/** The command a person must run to install `packages`, when setup can't. */
function aptAdvice(packages) {
  return `sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
}

function modifiedMs(file) {
  return existsSync(file) ? statSync(file).mtimeMs : undefined;
}

function ensureNpmPackages() {
  const step = "npm packages";
  const lock = path.join(PROJECT_ROOT, "package-lock.json");
  // npm writes this file at the end of every install.
  const installed = modifiedMs(
    path.join(PROJECT_ROOT, "node_modules", ".package-lock.json"),
  );
  if (installed !== undefined && installed >= (modifiedMs(lock) ?? 0)) {
    log(step, "already installed");
    return;
  }

  const start = Date.now();
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = run(npm, ["ci", "--no-audit", "--no-fund"], {
    cwd: PROJECT_ROOT,
  });
  if (!result.ok) fail(["setup: npm ci failed"], result.output);
  log(step, `installed in ${seconds(start)}`);
}

/** The newest modification time of the files under `dir`, recursively. */
function newestMs(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const ms = entry.isDirectory() ? newestMs(file) : statSync(file).mtimeMs;
    newest = Math.max(newest, ms);
  }
  return newest;
}

/**
 * Compiles lib/ into build/lib (CommonJS and .d.ts) for the notebooks.
 *
 * tslab type-checks every cell against everything the notebook imported.
 * Against the sources of lib/ that takes seconds per notebook (measured:
 * 2.5 s more for an import and ten short cells); against the compiled
 * declarations it takes a fraction of that. The code is the same: build/
 * is what tsc makes of lib/, recompiled whenever lib/ changes.
 */
function ensureLibBuild() {
  const step = "compiled lib (build/lib)";
  const stamp = path.join(PROJECT_ROOT, "build", "package.json");
  const sources = Math.max(
    newestMs(path.join(PROJECT_ROOT, "lib")),
    modifiedMs(path.join(PROJECT_ROOT, "tsconfig.json")) ?? 0,
    modifiedMs(path.join(PROJECT_ROOT, "tsconfig.build.json")) ?? 0,
  );
  if ((modifiedMs(stamp) ?? 0) > sources) {
    log(step, "up to date");
    return;
  }

  const start = Date.now();
  const tsc = path.join(
    PROJECT_ROOT,
    "node_modules",
    "typescript",
    "bin",
    "tsc",
  );
  const result = run(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: PROJECT_ROOT,
  });
  if (!result.ok) fail(["setup: compiling lib/ failed"], result.output);
  // The project is an ES module package; the build is CommonJS, as tslab
  // loads it.
  writeFileSync(stamp, `${JSON.stringify({ type: "commonjs" })}\n`);
  log(step, `compiled in ${seconds(start)}`);
}

/**
 * True when a Python has the modules and its nbconvert runs: the same check
 * as `jupyter nbconvert --version`, made with the Python the report uses.
 */
function jupyterIsReady() {
  const python = findJupyterPython();
  return (
    python !== undefined && run(python, ["-m", "nbconvert", "--version"]).ok
  );
}

function ensureJupyter() {
  const step = "Jupyter (nbclient, nbconvert)";
  if (jupyterIsReady()) {
    log(step, "already installed");
    return;
  }

  if (!isDebianLike()) {
    fail([
      "setup: Jupyter's nbclient and nbconvert are missing. Install them with",
      "  python3 -m pip install --user nbclient nbconvert jupyter_client",
      "or into a virtual environment, and name its Python:",
      "  python3 -m venv ~/.venvs/jupyter",
      "  ~/.venvs/jupyter/bin/pip install nbclient nbconvert jupyter_client",
      "  export WORKBOOK_PYTHON=~/.venvs/jupyter/bin/python",
      "then run this again.",
    ]);
  }
  if (!isRoot()) {
    fail([
      "setup: Jupyter's nbclient and nbconvert are missing. Install them with",
      `  ${aptAdvice(JUPYTER_APT_PACKAGES)}`,
      "then run this again.",
    ]);
  }

  const start = Date.now();
  aptInstall(JUPYTER_APT_PACKAGES);
  if (!jupyterIsReady()) {
    fail([
      `setup: apt-get installed ${JUPYTER_APT_PACKAGES.join(" ")}, but`,
      "`jupyter nbconvert --version` or `import nbclient, nbconvert` still fails",
    ]);
  }
  log(step, `installed in ${seconds(start)}`);
}

/** A start script that runs tslab with the project root as its cwd. */
function startScript(cdTo) {
  return [
    "#!/bin/sh",
    "# Starts the tslab kernel in the project root: tslab compiles against",
    '# its cwd, so notebooks can `import ... from "./lib/notebook"`',
    "# wherever they are opened from. $1 is Jupyter's connection file.",
    `cd ${cdTo} || exit 1`,
    `exec ${JSON.stringify(process.execPath)} node_modules/tslab/bin/tslab \\`,
    '  kernel --config-path "$1"',
    "",
  ].join("\n");
}

function kernelJson(argv) {
  const spec = {
    argv,
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
  };
  return `${JSON.stringify(spec, null, 2)}\n`;
}

/** Writes `files` (name to text) into `dir`; returns true if any changed. */
function writeKernelFiles(dir, files) {
  let changed = false;
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (existsSync(file) && readFileSync(file, "utf8") === text) continue;
    writeFileSync(file, text);
    if (name.endsWith(".sh")) chmodSync(file, 0o755);
    changed = true;
  }
  return changed;
}

/** The user's Jupyter data folder, where Jupyter and VS Code find kernels. */
export function userJupyterDataDir() {
  if (process.env.JUPYTER_DATA_DIR) return process.env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") {
    return path.join(os.homedir(), "Library", "Jupyter");
  }
  const xdg =
    process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share");
  return path.join(xdg, "jupyter");
}

function ensureKernel() {
  const step = `kernel ${KERNEL_NAME}`;
  if (!existsSync(path.join(PROJECT_ROOT, "node_modules", "tslab", "bin"))) {
    fail(["setup: node_modules/tslab is missing; run `npm ci`"]);
  }

  // The project's copy finds itself through {resource_dir}, which
  // jupyter_client substitutes, so it survives moving the project.
  const projectDir = path.join(PROJECT_JUPYTER_PATH, "kernels", KERNEL_NAME);
  const projectChanged = writeKernelFiles(projectDir, {
    "start.sh": startScript('"$(dirname "$0")/../../../.."'),
    "kernel.json": kernelJson([
      "sh",
      "{resource_dir}/start.sh",
      "{connection_file}",
    ]),
  });

  // The user's copy names this project by absolute path, so that Jupyter
  // and VS Code can start it whatever folder they were opened in.
  let userStatus = "";
  if (process.platform === "win32") {
    userStatus = "; not installed for the user on Windows";
  } else {
    const userDir = path.join(userJupyterDataDir(), "kernels", KERNEL_NAME);
    const startFile = path.join(userDir, "start.sh");
    const userChanged = writeKernelFiles(userDir, {
      "start.sh": startScript(JSON.stringify(PROJECT_ROOT)),
      "kernel.json": kernelJson(["sh", startFile, "{connection_file}"]),
    });
    userStatus = userChanged ? ` and ${userDir}` : "";
    if (!projectChanged && !userChanged) {
      log(step, "already installed");
      return;
    }
  }
  const where = path.relative(PROJECT_ROOT, projectDir);
  log(step, `written to ${where}${userStatus}`);
}

function ensureChromium() {
  const step = "chromium";
  const browser = "/usr/bin/chromium";
  if (existsSync(browser)) {
    log(step, "already installed");
    return;
  }
  if (!isDebianLike()) {
    fail([
      `setup: the browser test drives Debian's chromium at ${browser},`,
      "which this system does not have. Install chromium there, or run the",
      "other tests with `npx vitest run --project unit`.",
    ]);
  }
  if (!isRoot()) {
    fail([
      "setup: the browser test needs Debian's chromium. Install it with",
      `  ${aptAdvice(["chromium"])}`,
    ]);
  }

  const start = Date.now();
  aptInstall(["chromium"]);
  log(step, `installed in ${seconds(start)}`);
}

function main(argv) {
  const purpose = argv[0];
  if (argv.length !== 1 || !["report", "test", "build"].includes(purpose)) {
    fail(["usage: node scripts/setup.mjs report|test|build"]);
  }
  ensureNpmPackages();
  ensureLibBuild();
  if (purpose === "build") return;
  ensureJupyter();
  ensureKernel();
  if (purpose === "test") ensureChromium();
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) main(process.argv.slice(2));
