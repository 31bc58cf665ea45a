/**
 * The committed notebooks: clean in git (no outputs, valid nbformat 4, the
 * workbook's kernel), and each one executes to its last cell in the report
 * run that test/helpers/reportOnce.ts starts once for the whole test run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { findJupyterPython, KERNEL_NAME } from "../scripts/setup.mjs";

const NOTEBOOKS = readdirSync("notebooks")
  .filter((name) => name.endsWith(".ipynb"))
  .sort();

interface Validation {
  notebook: string;
  nbformat: number | null;
  errors: string[];
  outputs: number;
}

/** nbformat's own validator, through scripts/run_notebooks.py. */
function validate(files: readonly string[]): Map<string, Validation> {
  const python = findJupyterPython();
  if (python === undefined) throw new Error("no Python with nbformat");
  const lines = execFileSync(
    python,
    ["scripts/run_notebooks.py", "validate", ...files],
    { encoding: "utf8" },
  );
  const results = lines
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Validation);
  return new Map(
    results.map((result) => [path.basename(result.notebook), result]),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("the committed notebooks", () => {
  let validations: Map<string, Validation>;
  beforeAll(() => {
    validations = validate(
      NOTEBOOKS.map((name) => path.join("notebooks", name)),
    );
  });

  it("start with 00-start-here.ipynb", () => {
    expect(NOTEBOOKS[0]).toBe("00-start-here.ipynb");
  });

  describe.each(NOTEBOOKS)("%s", (name) => {
    it("passes nbformat's validation as version 4", () => {
      const result = validations.get(name);
      expect(result?.errors).toEqual([]);
      expect(result?.nbformat).toBe(4);
    });

    it("holds no outputs and no execution counts", () => {
      expect(validations.get(name)?.outputs).toBe(0);
    });

    it("names the workbook's kernel", () => {
      const notebook = JSON.parse(
        readFileSync(path.join("notebooks", name), "utf8"),
      );
      expect(notebook.metadata.kernelspec.name).toBe(KERNEL_NAME);
    });
  });
});

describe("executing every notebook for the report", () => {
  const { run, outDir } = inject("report");

  it("ends the report with exit status 0", () => {
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(NOTEBOOKS)(
    "executes %s to its last cell without an error",
    (name) => {
      expect(run.stderr).not.toContain(`report: ${name} ... failed`);
      expect(run.stdout).toMatch(
        new RegExp(
          `^report: ${escapeRegExp(name)} \\.\\.\\. \\d+\\.\\d s$`,
          "m",
        ),
      );

      // tslab reports errors (and warnings) on the cell's stderr stream,
      // which the exported page would show as a stderr output.
      const page = path.join(outDir, name.replace(/\.ipynb$/, ".html"));
      expect(existsSync(page)).toBe(true);
      const html = readFileSync(page, "utf8");
      const stderr = 'data-mime-type="application/vnd.jupyter.stderr"';
      expect(html.includes(stderr), "a stderr output").toBe(false);
    },
  );
});
