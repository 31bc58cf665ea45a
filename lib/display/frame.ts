/**
 * danfojs DataFrames for students who want to sort, filter or group a
 * table themselves. danfojs-node takes over a second to load, so it is
 * loaded on the first call, never when the notebook helpers are imported.
 */
import Decimal from "decimal.js";
import type { DataFrame } from "danfojs-node";
import type { ColumnSpec } from "./columns.js";
import { lazyRequire } from "./lazyRequire.js";

/** A cell as a DataFrame can hold it: Decimals become plain numbers. */
function plainCell(value: unknown): unknown {
  return Decimal.isDecimal(value) ? value.toNumber() : value;
}

/**
 * Builds a danfojs-node DataFrame from records. With `columns`, the frame
 * has one column per spec, named by its `key` and read through its `value`
 * reader, so the same specs then format the frame with `tableHtml`.
 * Decimals become numbers (the frame is for exploring, not for money).
 *
 * @example
 * frame(scenarioRows).sortValues("vmUsdPerMonth", { ascending: false })
 */
export function frame<Row = Record<string, unknown>>(
  rows: readonly Row[],
  columns?: readonly ColumnSpec<Row>[],
): DataFrame {
  const records = rows.map((row) => {
    const record = row as Record<string, unknown>;
    if (columns === undefined) {
      return Object.fromEntries(
        Object.entries(record).map(([key, value]) => [key, plainCell(value)]),
      );
    }
    return Object.fromEntries(
      columns.map((spec) => [
        spec.key,
        plainCell(spec.value ? spec.value(row) : record[spec.key]),
      ]),
    );
  });

  // Loaded here, on first use: see the module comment.
  const danfo = lazyRequire<typeof import("danfojs-node")>("danfojs-node");
  return new danfo.DataFrame(records);
}
