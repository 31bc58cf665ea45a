/**
 * How many machines a traffic level needs.
 *
 * The exercise's formula is machines = traffic / capacity per machine. Real
 * machines come whole, so this rounds up, plans for a share of each
 * machine's capacity only (the target utilization) and adds k spares:
 *
 *   machines = ceil(targetRps / (capacityRps × targetUtilization)) + spares
 */
import type { Exact, ExactInput } from "./money.js";
import { exact } from "./money.js";

export interface CapacityPlan {
  targetRps: ExactInput;
  capacityRps: ExactInput;
  /** Share of each machine's capacity to use, in (0, 1]. Defaults to 1. */
  targetUtilization?: ExactInput;
  /** Spare machines on top of what the traffic needs. Defaults to 0. */
  spares?: number;
}

/** Requests per second one machine is planned to carry. */
export function plannedRpsPerMachine(
  capacityRps: ExactInput,
  targetUtilization: ExactInput = 1,
): Exact {
  return exact(capacityRps).times(targetUtilization);
}

/**
 * The fractional number of machines the traffic fills, with no rounding
 * and no spares: 50,000 req/s on 200,000 req/s servers is 0.25 servers.
 * This is the "equivalent" behind the exercise's scaling table footnote.
 */
export function fractionalMachines(plan: CapacityPlan): Exact {
  const perMachine = plannedRpsPerMachine(
    plan.capacityRps,
    plan.targetUtilization,
  );
  return exact(plan.targetRps).div(perMachine);
}

/**
 * Whole machines needed, spares included. Exact at the boundary: at a
 * utilization of 0.57, a 100 req/s machine carries 57 req/s, so 570 req/s
 * needs exactly 10 machines (a float would compute 100 × 0.57 as
 * 56.99999999999999 and ask for an eleventh).
 *
 * @example machinesRequired({ targetRps: 200000, capacityRps: 5000 }) // 40
 */
export function machinesRequired(plan: CapacityPlan): number {
  const perMachine = plannedRpsPerMachine(
    plan.capacityRps,
    plan.targetUtilization,
  );
  const target = exact(plan.targetRps);

  // The quotient is rounded to 40 digits; the products below are exact, so
  // they settle the last step either way.
  let count = target.div(perMachine).ceil();
  while (count.times(perMachine).lt(target)) count = count.plus(1);
  while (count.gt(0) && count.minus(1).times(perMachine).gte(target)) {
    count = count.minus(1);
  }

  return count.toNumber() + (plan.spares ?? 0);
}
