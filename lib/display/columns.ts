/**
 * Column specs for tables: which value a column shows, its title (with the
 * unit, e.g. "VMs $/month") and how its cells are formatted.
 *
 * Formats:
 * - `usd`: dollars with 2 to 5 decimals (`$0.00625`), `usd-cents`: rounded
 *   to cents (`$576.00`); both through `formatUsd`;
 * - `rps`: a request rate (`200,000 req/s`);
 * - `count`: up to two decimals (`40`, `0.25`), `whole`: rounded (`1,117`);
 * - `percent`: a fraction as a percentage (`0.36` shows `36%`);
 * - `number`: any number as it is, with thousands separators;
 * - `text`: the value as text, left-aligned;
 * - a function `(value, row) => string` for anything else.
 * Every format but `text` right-aligns its column.
 */
import Decimal from "decimal.js";
import {
  formatCount,
  formatPercent,
  formatRps,
  formatUsd,
  formatWhole,
} from "../format.js";
import type { ExactInput } from "../money.js";

/** The name of a built-in cell format. */
export type FormatName =
  | "usd"
  | "usd-cents"
  | "rps"
  | "count"
  | "whole"
  | "percent"
  | "number"
  | "text";

/** A built-in format, or a function that returns the cell's plain text. */
export type CellFormat<Row> =
  FormatName | ((value: unknown, row: Row) => string);

/** One column of a table. */
export interface ColumnSpec<Row = Record<string, unknown>> {
  /** The record key (or DataFrame column) read when `value` is absent. */
  key: string;
  /** The header, with its unit: "VMs $/month". Defaults to `key`. */
  title?: string;
  /** Reads the cell from a record. Ignored for a DataFrame. */
  value?: (row: Row) => unknown;
  /** Defaults to `number` for numbers and Decimals, `text` otherwise. */
  format?: CellFormat<Row>;
  /** Defaults to right for every format except `text`. */
  align?: "left" | "right";
}

const numbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 6 });

const FORMATS: Readonly<Record<FormatName, (value: ExactInput) => string>> = {
  usd: (value) => formatUsd(value),
  "usd-cents": (value) => formatUsd(value, { cents: true }),
  rps: formatRps,
  count: formatCount,
  whole: formatWhole,
  percent: formatPercent,
  number: (value) => numbers.format(new Decimal(value).toNumber()),
  text: (value) => String(value),
};

/** True for a JavaScript number or a decimal.js value, clones included. */
export function isNumeric(value: unknown): value is number | Decimal {
  return typeof value === "number" || Decimal.isDecimal(value);
}

/** The format a column uses: its own, or one guessed from a sample cell. */
export function resolveFormat<Row>(
  column: ColumnSpec<Row>,
  sample: unknown,
): CellFormat<Row> {
  if (column.format !== undefined) return column.format;
  return isNumeric(sample) ? "number" : "text";
}

/** Where a column's cells and header sit. */
export function alignmentOf<Row>(
  column: ColumnSpec<Row>,
  format: CellFormat<Row>,
): "left" | "right" {
  if (column.align !== undefined) return column.align;
  return format === "text" ? "left" : "right";
}

/**
 * The plain text of one cell (not yet escaped). An empty cell (null or
 * undefined) stays empty.
 * @throws TypeError when a numeric format meets a value that is not a
 *   number, naming the column and showing the value.
 */
export function formatCell<Row>(
  value: unknown,
  row: Row,
  format: CellFormat<Row>,
  columnTitle: string,
): string {
  if (value === null || value === undefined) return "";
  if (typeof format === "function") return format(value, row);
  if (format === "text") return String(value);

  if (!isNumeric(value) && !isDecimalText(value)) {
    throw new TypeError(
      `column "${columnTitle}": format "${format}" needs a number, ` +
        `got ${JSON.stringify(value)}`,
    );
  }
  return FORMATS[format](value as ExactInput);
}

function isDecimalText(value: unknown): value is string {
  return typeof value === "string" && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value);
}
