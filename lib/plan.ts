/**
 * The scenario table: every traffic level of `scenarios.csv` compared, and
 * the same table as the JSON document the `plan` command prints.
 */
import type { Assumptions } from "./assumptions.js";
import { assumptionsAsJson } from "./assumptions.js";
import type { Comparison } from "./comparison.js";
import { compare } from "./comparison.js";
import type { PeriodCosts } from "./cost.js";
import type { Exact } from "./money.js";
import type { Scenario, WorkbookData } from "./data.js";
import { randomBalancerRow } from "./randomBalancer.js";

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

/**
 * What a random balancer does to the row's VM pool: the chance that one VM,
 * and that some VM, is overloaded in a second, the share of requests
 * dropped, and the pool the overload budget asks for.
 */
function randomBalancerJson(row: Comparison, overloadBudget: Exact) {
  const figures = randomBalancerRow(row, overloadBudget);
  return {
    vms: figures.vms,
    p_vm_overload: figures.pVmOverload,
    p_any_overload_per_second: figures.pAnyOverloadPerSecond,
    dropped_fraction: figures.droppedFraction,
    vms_for_overload_budget: figures.vmsForOverloadBudget,
  };
}

/**
 * One comparison as a flat object of JSON numbers with snake_case keys, and
 * the random balancer's figures (read against `overloadBudget`) under
 * `random_lb`.
 */
export function comparisonJson(
  row: Comparison,
  assumptions: Pick<Assumptions, "overloadBudget">,
): Record<string, unknown> {
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
    random_lb: randomBalancerJson(row, assumptions.overloadBudget),
  };
}

/** The `plan --json` document: the assumptions and every scenario. */
export function planJson(
  data: WorkbookData,
  rows: readonly Comparison[],
): { assumptions: Record<string, number>; scenarios: unknown[] } {
  return {
    assumptions: assumptionsAsJson(data.assumptions),
    scenarios: rows.map((row) => comparisonJson(row, data.assumptions)),
  };
}
