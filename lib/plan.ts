/**
 * The scenario table: every traffic level of `scenarios.csv` compared, and
 * the same table as the JSON document the `plan` command prints.
 */
import { assumptionsAsJson } from "./assumptions.js";
import type { Comparison } from "./comparison.js";
import { compare } from "./comparison.js";
import type { PeriodCosts } from "./cost.js";
import type { Scenario, WorkbookData } from "./data.js";

/** Compares both architectures for every scenario, in file order. */
export function scenarioTable(
  data: WorkbookData,
  scenarios: readonly Scenario[] = data.scenarios,
): Comparison[] {
  return scenarios.map(({ name, targetRps }) => compare(targetRps, data, name));
}

function periodsJson(prefix: string, cost: PeriodCosts) {
  return {
    [`${prefix}_usd_per_hour`]: cost.usdPerHour.toNumber(),
    [`${prefix}_usd_per_day`]: cost.usdPerDay.toNumber(),
    [`${prefix}_usd_per_month`]: cost.usdPerMonth.toNumber(),
    [`${prefix}_usd_per_year`]: cost.usdPerYear.toNumber(),
  };
}

/** One comparison as a flat object of JSON numbers with snake_case keys. */
export function comparisonJson(row: Comparison): Record<string, unknown> {
  return {
    name: row.name,
    target_rps: row.targetRps.toNumber(),
    vms: row.vms.count,
    ...periodsJson("vm", row.vms.cost),
    servers: row.servers.count,
    ...periodsJson("server", row.servers.cost),
    server_equivalent: row.serverEquivalent.toNumber(),
    ...periodsJson("server_equivalent", row.serverEquivalentCost),
    ...periodsJson("savings", row.savings),
    savings_fraction: row.savingsFraction.toNumber(),
    equivalent_savings_fraction: row.equivalentSavingsFraction.toNumber(),
    vm_usd_per_hour_per_1000_rps: row.vms.usdPerHourPer1000Rps.toNumber(),
    server_usd_per_hour_per_1000_rps:
      row.servers.usdPerHourPer1000Rps.toNumber(),
  };
}

/** The `plan --json` document: the assumptions and every scenario. */
export function planJson(
  data: WorkbookData,
  rows: readonly Comparison[],
): { assumptions: Record<string, number>; scenarios: unknown[] } {
  return {
    assumptions: assumptionsAsJson(data.assumptions),
    scenarios: rows.map(comparisonJson),
  };
}
