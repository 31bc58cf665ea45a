/**
 * Reading the workbook's CSV files into rows of named cells, with the line
 * each row came from, so that every later check can say where it failed.
 *
 * Parsing is csv-parse's: quoted fields, CRLF line endings, a UTF-8 byte
 * order mark and spaces around values are all accepted.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { CsvError, parse } from "csv-parse/sync";
import type { ProblemList } from "./errors.js";

/** One data row: its cells by column name, and its line in the file. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/** What a CSV file must look like: the columns it needs. */
export interface CsvShape {
  required: readonly string[];
}

/**
 * The name a file is reported under: relative to the working directory
 * when it lies inside it (`data/machines.csv`), absolute otherwise.
 */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const inside = relative !== "" && !relative.startsWith("..");
  return inside && !path.isAbsolute(relative) ? relative : file;
}

/**
 * Reads a CSV file whose first line names its columns. Adds a problem for a
 * missing file, a syntax error, a missing or repeated column and a row with
 * more or fewer fields than the header, and returns the rows that are whole,
 * or undefined when the file as a whole could not be read.
 * Rows whose every cell is empty are skipped.
 */
export function readCsv(
  file: string,
  shape: CsvShape,
  problems: ProblemList,
): CsvRow[] | undefined {
  const name = displayPath(file);
  if (!existsSync(file)) {
    problems.add({ file: name }, "file not found");
    return undefined;
  }

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(readFileSync(file, "utf8"), {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    problems.add({ file: name, line }, `not valid CSV: ${error.message}`);
    return undefined;
  }

  const [header, ...body] = records;
  if (header === undefined) {
    const expected = shape.required.join(",");
    problems.add(
      { file: name },
      `file is empty, expected a header ${expected}`,
    );
    return undefined;
  }

  const columns = header.record;
  const headerProblems = problems.count;
  checkHeader(columns, shape, name, problems);
  if (problems.count > headerProblems) return undefined;

  const rows: CsvRow[] = [];
  for (const { record, info } of body) {
    if (record.every((cell) => cell === "")) continue;
    if (record.length !== columns.length) {
      problems.add(
        { file: name, line: info.lines },
        `expected ${columns.length} fields like the header, ` +
          `found ${record.length}`,
      );
      continue;
    }
    const cells: Record<string, string> = {};
    columns.forEach((column, index) => (cells[column] = record[index]));
    rows.push({ line: info.lines, cells });
  }
  return rows;
}

function checkHeader(
  columns: readonly string[],
  shape: CsvShape,
  file: string,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  for (const column of columns) {
    if (seen.has(column)) {
      problems.add({ file, line: 1 }, `column "${column}" appears twice`);
    }
    seen.add(column);
  }
  for (const column of shape.required) {
    if (!seen.has(column)) {
      problems.add(
        { file, line: 1 },
        `missing column "${column}", found columns: ${columns.join(", ")}`,
      );
    }
  }
}
