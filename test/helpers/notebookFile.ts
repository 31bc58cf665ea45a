/**
 * Small notebooks written on the fly, for tests that need a notebook to
 * fail in a known cell without running the workbook's own.
 */
import { writeFileSync } from "node:fs";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "../../scripts/setup.mjs";

/** A cell: `{ markdown: "..." }` or `{ code: "..." }`. */
export type CellSpec = { markdown: string } | { code: string };

/** Writes an nbformat 4 notebook for the workbook's kernel. */
export function writeNotebook(file: string, cells: readonly CellSpec[]): void {
  const notebook = {
    cells: cells.map((cell) =>
      "markdown" in cell
        ? { cell_type: "markdown", metadata: {}, source: cell.markdown }
        : {
            cell_type: "code",
            execution_count: null,
            metadata: {},
            outputs: [],
            source: cell.code,
          },
    ),
    metadata: {
      kernelspec: {
        name: KERNEL_NAME,
        display_name: KERNEL_DISPLAY_NAME,
        language: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  writeFileSync(file, `${JSON.stringify(notebook, null, 1)}\n`);
}
