/**
 * The scaling table printed in the exercise, checked against the model.
 *
 * The exercise's footnote defines its single-server column as
 * (targetRps / 200,000) × $1.25 per hour, the fractional equivalent. Several
 * printed rows do not follow from that formula; this module recomputes
 * every row both ways (fractional equivalent and whole servers) so the
 * workbook can show which figures hold and which do not.
 */
import path from "node:path";
import type { Comparison, ComparisonInputs } from "./comparison.js";
import { compare } from "./comparison.js";
import { displayPath, readCsv } from "./csv.js";
import { ProblemList } from "./errors.js";
import type { Exact, Usd } from "./money.js";
import { parseValue } from "./values.js";

/** One row as printed in the exercise. */
export interface PrintedRow {
  targetRps: Exact;
  vms: Exact;
  usdPerHour: Usd;
  usdPerMonth: Usd;
  singleServerUsdPerMonth: Usd;
  savingsPercent: Exact;
}

/** A printed row beside the model's figures for the same traffic. */
export interface PrintedRowCheck {
  printed: PrintedRow;
  computed: Comparison;
  /** True when the printed VM count, hourly and monthly VM cost hold. */
  vmFiguresHold: boolean;
  /** True when the printed server cost equals the footnote's formula. */
  serverCostFollowsFootnote: boolean;
  /** True when the printed savings equal the footnote's, rounded. */
  savingsFollowFootnote: boolean;
  /** Printed server cost / footnote cost: 1 where the row is right. */
  serverCostRatio: Exact;
}

const COLUMNS = [
  "target_rps",
  "vms",
  "usd_per_hour",
  "usd_per_month",
  "single_server_usd_per_month",
  "savings_percent",
] as const;

/** Where the shipped copy of the printed table lives. */
export function printedTablePath(): string {
  return path.resolve("data", "exercise", "scaling-table.csv");
}

/**
 * Reads the printed table.
 * @throws InputError for a missing file or a cell that is not a number.
 */
export function loadPrintedTable(file = printedTablePath()): PrintedRow[] {
  const problems = new ProblemList();
  const name = displayPath(file);
  const rows = readCsv(file, { required: COLUMNS }, problems) ?? [];
  const printed = rows.map(({ line, cells }) => {
    const value = (column: (typeof COLUMNS)[number]) =>
      parseValue(
        cells[column],
        "non-negative",
        column,
        { file: name, line },
        problems,
      ) as Exact;
    return {
      targetRps: value("target_rps"),
      vms: value("vms"),
      usdPerHour: value("usd_per_hour"),
      usdPerMonth: value("usd_per_month"),
      singleServerUsdPerMonth: value("single_server_usd_per_month"),
      savingsPercent: value("savings_percent"),
    };
  });
  problems.throwIfAny();
  return printed;
}

/** Recomputes every printed row with the model and says which figures hold. */
export function checkPrintedTable(
  printed: readonly PrintedRow[],
  inputs: ComparisonInputs,
): PrintedRowCheck[] {
  return printed.map((row) => {
    const computed = compare(row.targetRps, inputs);
    const footnote = computed.serverEquivalentCost.usdPerMonth;
    const footnotePercent = computed.equivalentSavingsFraction
      .times(100)
      .toDecimalPlaces(0);
    return {
      printed: row,
      computed,
      vmFiguresHold:
        row.vms.eq(computed.vms.count) &&
        row.usdPerHour.eq(computed.vms.cost.usdPerHour) &&
        row.usdPerMonth.eq(computed.vms.cost.usdPerMonth),
      serverCostFollowsFootnote: row.singleServerUsdPerMonth.eq(footnote),
      savingsFollowFootnote: row.savingsPercent.eq(footnotePercent),
      serverCostRatio: row.singleServerUsdPerMonth.div(footnote),
    };
  });
}
