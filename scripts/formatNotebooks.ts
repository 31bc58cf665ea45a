/**
 * `tsx scripts/formatNotebooks.ts [--check]`
 *
 * Formats the code cells of notebooks/*.ipynb the way Prettier formats the
 * rest of the project (TypeScript, 80 columns), after wrapping the prose
 * of `show.md` templates at about 72 columns: a line break inside markdown
 * prose is a space, so the rendered text does not change. With --check,
 * lists the notebooks that would change and exits with status 1.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as prettier from "prettier";

const WRAP_AFTER_COLUMN = 72;
const TAG = "show.md`";

/** The index just past the `}` that closes the `${` at `start`. */
function endOfExpression(code: string, start: number): number {
  let depth = 0;
  let inTemplate = false;
  for (let i = start; i < code.length; i += 1) {
    const char = code[i];
    if (char === "`") inTemplate = !inTemplate;
    if (inTemplate) continue;
    if (char === "{") depth += 1;
    if (char === "}" && --depth === 0) return i + 1;
  }
  return code.length;
}

/** Breaks long lines of `show.md` prose at spaces, never inside `${}`. */
export function wrapProse(code: string): string {
  let out = "";
  let i = 0;
  while (i < code.length) {
    const start = code.indexOf(TAG, i);
    if (start < 0) return out + code.slice(i);
    out += code.slice(i, start + TAG.length);
    i = start + TAG.length;

    let column = out.length - out.lastIndexOf("\n") - 1;
    while (i < code.length && code[i] !== "`") {
      if (code[i] === "\\") {
        out += code.slice(i, i + 2);
        i += 2;
        column += 2;
      } else if (code.startsWith("${", i)) {
        const end = endOfExpression(code, i);
        out += code.slice(i, end);
        column += end - i;
        i = end;
      } else if (code[i] === " " && column > WRAP_AFTER_COLUMN) {
        out += "\n";
        column = 0;
        i += 1;
      } else {
        column = code[i] === "\n" ? 0 : column + 1;
        out += code[i];
        i += 1;
      }
    }
    out += code.slice(i, i + 1);
    i += 1;
  }
  return out;
}

async function formatCell(source: string): Promise<string> {
  const formatted = await prettier.format(wrapProse(source), {
    parser: "typescript",
    printWidth: 80,
  });
  return formatted.trimEnd();
}

interface Cell {
  cell_type: string;
  source: string | string[];
}

function sourceLines(text: string): string[] {
  const lines = text.split("\n");
  return lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
}

async function main(check: boolean): Promise<number> {
  const dir = "notebooks";
  const changed: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".ipynb"))) {
    const file = path.join(dir, name);
    const before = readFileSync(file, "utf8");
    const notebook = JSON.parse(before) as { cells: Cell[] };
    for (const cell of notebook.cells) {
      if (cell.cell_type !== "code") continue;
      const source = [cell.source].flat().join("");
      cell.source = sourceLines(await formatCell(source));
    }
    const after = `${JSON.stringify(notebook, null, 1)}\n`;
    if (after === before) continue;
    changed.push(file);
    if (!check) writeFileSync(file, after);
  }

  for (const file of changed) {
    process.stdout.write(`${check ? "not formatted" : "formatted"}: ${file}\n`);
  }
  return check && changed.length > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1]?.endsWith("formatNotebooks.ts");
if (invokedDirectly) {
  process.exitCode = await main(process.argv.includes("--check"));
}
