/**
 * Temporary data folders for tests: a copy of the shipped `data/` with
 * some files replaced, so each test states only what it changes.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** A copy of `data/` with `files` (name to content) written over it. */
export function dataFolder(files: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "workbook-data-"));
  cpSync("data", dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    if (content === null) rmSync(file);
    else writeFileSync(file, content);
  }
  return dir;
}

/** The shipped machines.csv header, for tests that write their own rows. */
export const MACHINES_HEADER =
  "id,label,cores,memory_gb,capacity_rps,usd_per_hour";
