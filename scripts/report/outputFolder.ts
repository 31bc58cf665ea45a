/**
 * The report is built in a temporary folder beside the output folder and
 * swapped in only when every notebook succeeded, so a failed or interrupted
 * run leaves the previous report as it was.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from "node:fs";
import path from "node:path";
import { InputError } from "../../lib/index.js";

/** The file that marks a folder as a report, with what it was built from. */
export const MANIFEST = "report.json";

/**
 * Checks that `outDir` may be replaced: it is missing, empty, or a report
 * written by this command. Anything else (`--out .`, `--out notebooks`) is
 * refused rather than swapped away.
 * @throws InputError naming the folder.
 */
export function checkOutputFolder(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new InputError([`--out ${outDir}: is a file, expected a folder`]);
  }
  const entries = readdirSync(outDir);
  if (entries.length > 0 && !entries.includes(MANIFEST)) {
    throw new InputError([
      `--out ${outDir}: the folder holds files that are not a report; ` +
        "choose a new or empty folder",
    ]);
  }
}

/** Creates the temporary folder the report is built in. */
export function createBuildFolder(outDir: string): string {
  const parent = path.dirname(path.resolve(outDir));
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(
    path.join(parent, `.${path.basename(outDir)}-building-`),
  );
  // mkdtemp makes the folder private (0700); a report is meant to be read.
  chmodSync(dir, 0o755);
  return dir;
}

/** Replaces `outDir` with `buildDir`. */
export function swapIn(buildDir: string, outDir: string): void {
  if (!existsSync(outDir)) {
    renameSync(buildDir, outDir);
    return;
  }
  const previous = `${buildDir}-previous`;
  renameSync(outDir, previous);
  renameSync(buildDir, outDir);
  rmSync(previous, { recursive: true, force: true });
}

/** Deletes the temporary folder of a run that did not succeed. */
export function discard(buildDir: string): void {
  rmSync(buildDir, { recursive: true, force: true });
}
