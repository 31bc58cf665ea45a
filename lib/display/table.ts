/**
 * HTML tables for notebook outputs, from an array of records or from a
 * danfojs DataFrame.
 *
 * The table has the class `dataframe`, which JupyterLab, classic Notebook
 * and nbconvert style the way they style a pandas table. It also carries
 * `tex2jax_ignore` and `mathjax_ignore`, the classes MathJax 2 and 3 skip,
 * so a column of prices is never read as TeX.
 */
import type { CellFormat, ColumnSpec } from "./columns.js";
import { alignmentOf, formatCell, resolveFormat } from "./columns.js";
import { escapeHtml } from "./escape.js";

/**
 * What tableHtml reads from a danfojs DataFrame: its column names and its
 * rows of cells. A Series has the same shape with one cell per row.
 */
export interface FrameLike {
  columns: readonly string[];
  values: readonly unknown[];
}

/** Options for the whole table. */
export interface TableOptions {
  /** A caption above the table, escaped. */
  caption?: string;
}

/** A column with everything settled: where its text sits, how it reads. */
interface ResolvedColumn<Row> {
  spec: ColumnSpec<Row>;
  title: string;
  format: CellFormat<Row>;
  align: "left" | "right";
}

/**
 * True for a value shaped like a danfojs DataFrame. Checked by shape rather
 * than by class, so this module never loads danfojs (over a second).
 */
export function isFrameLike(value: unknown): value is FrameLike {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return false;
  }
  const { columns, values } = value as Partial<FrameLike>;
  return Array.isArray(columns) && Array.isArray(values);
}

/** The rows of a frame as records keyed by column name. */
function frameRecords(frame: FrameLike): Record<string, unknown>[] {
  return frame.values.map((row) => {
    const cells = Array.isArray(row) ? row : [row];
    return Object.fromEntries(frame.columns.map((name, i) => [name, cells[i]]));
  });
}

/**
 * Renders rows as `<table class="dataframe">`: one header row, one row per
 * record, numbers right-aligned and every cell escaped.
 *
 * Without `columns`, every key of the first record becomes a column, titled
 * by its key. For a DataFrame, cells are read by `key` (its column name).
 *
 * @example
 * tableHtml(rows, [
 *   { key: "name", title: "Scenario" },
 *   { key: "vmUsdPerMonth", title: "VMs $/month", format: "usd-cents" },
 * ])
 */
export function tableHtml<Row = Record<string, unknown>>(
  rows: readonly Row[] | FrameLike,
  columns?: readonly ColumnSpec<Row>[],
  options: TableOptions = {},
): string {
  const fromFrame = isFrameLike(rows);
  const records = (fromFrame ? frameRecords(rows) : rows) as readonly Row[];
  const specs = columns ?? defaultColumns<Row>(rows, records);

  // A spec's value reader applies to records only: a frame holds plain
  // cells, already read.
  const read = (spec: ColumnSpec<Row>, row: Row): unknown =>
    spec.value !== undefined && !fromFrame
      ? spec.value(row)
      : (row as Record<string, unknown>)[spec.key];

  const resolved = specs.map((spec): ResolvedColumn<Row> => {
    const sample = records.length > 0 ? read(spec, records[0]) : undefined;
    const format = resolveFormat(spec, sample);
    const title = spec.title ?? spec.key;
    return { spec, title, format, align: alignmentOf(spec, format) };
  });

  const header = resolved
    .map(
      ({ title, align }) => `<th ${cellStyle(align)}>${escapeHtml(title)}</th>`,
    )
    .join("");
  const body = records
    .map((row) => {
      const cells = resolved.map(({ spec, title, format, align }) => {
        const text = formatCell(read(spec, row), row, format, title);
        return `<td ${cellStyle(align)}>${escapeHtml(text)}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  const caption =
    options.caption === undefined
      ? ""
      : `<caption>${escapeHtml(options.caption)}</caption>`;

  return [
    '<table class="dataframe tex2jax_ignore mathjax_ignore">',
    caption,
    `<thead><tr>${header}</tr></thead>`,
    `<tbody>\n${body}\n</tbody>`,
    "</table>",
  ].join("\n");
}

function defaultColumns<Row>(
  rows: readonly Row[] | FrameLike,
  records: readonly Row[],
): ColumnSpec<Row>[] {
  const keys = isFrameLike(rows)
    ? rows.columns
    : Object.keys((records[0] ?? {}) as object);
  return keys.map((key) => ({ key }));
}

function cellStyle(align: "left" | "right"): string {
  // Tabular figures line up the digits of a right-aligned column.
  const figures =
    align === "right" ? " font-variant-numeric: tabular-nums;" : "";
  return `style="text-align: ${align};${figures}"`;
}
