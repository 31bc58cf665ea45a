/**
 * A random load balancer, exactly: what sizing the pool as traffic /
 * capacity costs when the balancer spreads requests at random.
 *
 * The model. Requests arrive as a Poisson process at `targetRps`; the
 * balancer sends each one to one of the `vms` serving VMs uniformly at
 * random. Splitting a Poisson process at random gives independent Poisson
 * processes (the "thinning" or "splitting" property, e.g. Ross,
 * Introduction to Probability Models, §5.3), so the count X one VM receives
 * in a one-second window is Poisson(λ) with λ = targetRps / vms, and the
 * VMs' counts are independent. A VM is overloaded in a second when X > c,
 * its capacity in requests per second; the excess X - c fails.
 *
 *   P(one VM overloaded)       = P(X > c)
 *   P(some VM overloaded)      = 1 - (1 - P(X > c))^vms
 *   dropped fraction           = vms × E[(X - c)+] / targetRps
 *
 * The exercise sizes the pool at targetRps / capacity, so λ = c and every VM
 * is overloaded in about half of all seconds. The Poisson tails come from
 * lib/poisson.ts: exact sums in log space, never a normal approximation, so
 * the figures hold for traffic up to 1e9 req/s and probabilities down to
 * 1e-300.
 *
 * What this leaves out: the one-second window (a VM with a queue can absorb
 * a burst shorter than its queue, so this overstates drops for bursts that
 * last milliseconds and understates them for slow requests), and traffic
 * that is burstier than Poisson.
 */
import { machinesRequired } from "./capacity.js";
import type { Comparison } from "./comparison.js";
import type { PeriodCosts } from "./cost.js";
import { fleetUsdPerHour, periodCosts } from "./cost.js";
import type { Calendar } from "./cost.js";
import type { Machine, Scenario, WorkbookData } from "./data.js";
import type { Exact, ExactInput } from "./money.js";
import { exact } from "./money.js";
import {
  poissonCdf,
  poissonExpectedExcess,
  poissonTailProbability,
} from "./poisson.js";

/** A pool behind a random balancer. */
export interface RandomPool {
  /** Requests per second arriving at the balancer. */
  targetRps: ExactInput;
  /** Requests per second one VM serves; more in a second are dropped. */
  capacityRps: ExactInput;
  /** Serving VMs the balancer picks from, at least 1. */
  vms: number;
}

/** The exact figures of one pool behind a random balancer. */
export interface RandomBalancerFigures {
  vms: number;
  /** Mean requests each VM receives per second: targetRps / vms. */
  meanRpsPerVm: number;
  /** P(one VM receives more than its capacity in a given second). */
  pVmOverload: number;
  /** P(at least one VM is overloaded in a given second). */
  pAnyOverloadPerSecond: number;
  /** Mean number of VMs overloaded in a second: vms × pVmOverload. */
  meanOverloadedVms: number;
  /** Mean requests per second that fail because their VM is full. */
  droppedRps: number;
  /** droppedRps / targetRps. */
  droppedFraction: number;
}

/** Rejects a pool size no balancer can have. */
function checkVms(vms: number): void {
  if (!Number.isInteger(vms) || vms < 1) {
    throw new RangeError(`vms must be a whole number of 1 or more, got ${vms}`);
  }
}

function numberOf(value: ExactInput): number {
  return typeof value === "number" ? value : exact(value).toNumber();
}

/** Whole requests a VM serves in one second: X > c means X > floor(c). */
function wholeCapacity(capacityRps: ExactInput): number {
  return Math.floor(numberOf(capacityRps));
}

/**
 * P(no VM is overloaded in a second) as a logarithm, ln(1 - p)^vms, taken
 * from whichever tail keeps its digits.
 */
function logNoOverload(meanCount: number, capacity: number, vms: number) {
  const tail = poissonTailProbability(meanCount, capacity);
  const logBelow =
    tail < 0.5 ? Math.log1p(-tail) : Math.log(poissonCdf(meanCount, capacity));
  return { tail, logNone: vms * logBelow };
}

/**
 * P(some VM is overloaded in a given second), 1 - (1 - P(X > c))^vms,
 * computed as -expm1(vms × ln(1 - P(X > c))) so that 1e-12 stays 1e-12.
 * Cost: O(√λ) terms for λ = targetRps / vms.
 *
 * @example overloadProbabilityPerSecond({ targetRps: 200000,
 *   capacityRps: 5000, vms: 43 }) // about 8.9e-6 (42 VMs: 0.0125)
 */
export function overloadProbabilityPerSecond(pool: RandomPool): number {
  checkVms(pool.vms);
  const capacity = wholeCapacity(pool.capacityRps);
  const meanCount = numberOf(pool.targetRps) / pool.vms;
  return -Math.expm1(logNoOverload(meanCount, capacity, pool.vms).logNone);
}

/**
 * Every exact figure of a pool behind a random balancer. Cost: O(√λ) terms
 * for λ = targetRps / vms, a few microseconds at λ = 5,000.
 *
 * @example randomBalancerFigures({ targetRps: 200000, capacityRps: 5000,
 *   vms: 40 }).droppedFraction // about 0.0056: 0.56% of requests fail
 */
export function randomBalancerFigures(pool: RandomPool): RandomBalancerFigures {
  checkVms(pool.vms);
  const targetRps = numberOf(pool.targetRps);
  const capacity = wholeCapacity(pool.capacityRps);
  const meanRpsPerVm = targetRps / pool.vms;

  const { tail, logNone } = logNoOverload(meanRpsPerVm, capacity, pool.vms);

  const droppedRps = pool.vms * poissonExpectedExcess(meanRpsPerVm, capacity);
  return {
    vms: pool.vms,
    meanRpsPerVm,
    pVmOverload: tail,
    pAnyOverloadPerSecond: -Math.expm1(logNone),
    meanOverloadedVms: pool.vms * tail,
    droppedRps,
    droppedFraction: targetRps === 0 ? 0 : droppedRps / targetRps,
  };
}

/**
 * The figures for every pool size from `fromVms` to `toVms` (both
 * included): the curve a notebook draws to show how fast the risk falls as
 * VMs are added. Cost: O(toVms - fromVms).
 */
export function randomBalancerCurve(
  pool: Omit<RandomPool, "vms">,
  fromVms: number,
  toVms: number,
): RandomBalancerFigures[] {
  const figures: RandomBalancerFigures[] = [];
  for (let vms = Math.max(1, fromVms); vms <= toVms; vms += 1) {
    figures.push(randomBalancerFigures({ ...pool, vms }));
  }
  return figures;
}

/** A pool size request: traffic, VM capacity and the accepted risk. */
export interface OverloadBudgetQuery {
  targetRps: ExactInput;
  capacityRps: ExactInput;
  /** Highest accepted P(some VM overloaded in a given second). */
  overloadBudget: ExactInput;
}

/**
 * The smallest pool, at least ceil(targetRps / capacityRps) VMs, in which
 * the chance that some VM is overloaded in a given second is at most
 * `overloadBudget`. Infinity when no pool of up to 2^53 VMs does, as for a
 * VM that cannot serve one request per second.
 *
 * Adding a VM never raises the risk (move the added VM's requests to random
 * other VMs: each lands uniformly, and loads only grow), so a galloping
 * search then bisection finds the smallest pool. Cost: O(log(premium))
 * evaluations of the exact tail.
 *
 * @example vmsForOverloadBudget({ targetRps: 200000, capacityRps: 5000,
 *   overloadBudget: 0.01 }) // 43
 */
export function vmsForOverloadBudget(query: OverloadBudgetQuery): number {
  const budget = numberOf(query.overloadBudget);
  const pool = { targetRps: query.targetRps, capacityRps: query.capacityRps };
  const fewest = Math.max(1, machinesRequired(pool));
  const meets = (vms: number) =>
    overloadProbabilityPerSecond({ ...pool, vms }) <= budget;
  if (meets(fewest)) return fewest;

  // With a capacity under 1 req/s any request overloads, whatever the pool.
  if (wholeCapacity(query.capacityRps) === 0) return Infinity;

  // Gallop: `failing` breaks the budget, `failing + step` is the next try.
  const most = Number.MAX_SAFE_INTEGER;
  let failing = fewest;
  let step = 1;
  while (!meets(Math.min(failing + step, most))) {
    if (failing + step >= most) return Infinity;
    failing += step;
    step *= 2;
  }

  // Bisect between a pool that breaks the budget and one that meets it.
  let meeting = Math.min(failing + step, most);
  while (meeting - failing > 1) {
    const middle = Math.floor((failing + meeting) / 2);
    if (meets(middle)) meeting = middle;
    else failing = middle;
  }
  return meeting;
}

/** The exercise's pool against the smallest pool that meets the budget. */
export interface BudgetedPool {
  name: string;
  targetRps: Exact;
  /** ceil(targetRps / capacityRps): every VM at 100% on average. */
  exerciseVms: number;
  /** The smallest pool within the overload budget. */
  budgetedVms: number;
  /** budgetedVms - exerciseVms. */
  premiumVms: number;
  /** premiumVms / exerciseVms; also the share the bill grows by. */
  premiumFraction: number;
  exercise: RandomBalancerFigures;
  budgeted: RandomBalancerFigures;
  /** What the budgeted pool costs over every period. */
  budgetedCost: PeriodCosts;
}

/**
 * Sizes the pool for `targetRps` both ways: the exercise's traffic /
 * capacity, and the smallest pool within `overloadBudget`, with the premium
 * between them. Cost: that of `vmsForOverloadBudget`.
 *
 * @example budgetedPool(200000, vm, 0.01, calendar).premiumFraction
 *   // 3 / 40 = 0.075
 */
export function budgetedPool(
  targetRps: ExactInput,
  vm: Machine,
  overloadBudget: ExactInput,
  calendar: Calendar,
  name: string = exact(targetRps).toString(),
): BudgetedPool {
  const pool = { targetRps, capacityRps: vm.capacityRps };
  const exerciseVms = Math.max(1, machinesRequired(pool));
  const budgetedVms = vmsForOverloadBudget({ ...pool, overloadBudget });

  const premiumVms = budgetedVms - exerciseVms;
  return {
    name,
    targetRps: exact(targetRps),
    exerciseVms,
    budgetedVms,
    premiumVms,
    premiumFraction: premiumVms / exerciseVms,
    exercise: randomBalancerFigures({ ...pool, vms: exerciseVms }),
    budgeted: randomBalancerFigures({ ...pool, vms: budgetedVms }),
    budgetedCost: periodCosts(
      fleetUsdPerHour(budgetedVms, vm.usdPerHour),
      calendar,
    ),
  };
}

/**
 * `budgetedPool` for every scenario, in file order, with the data's VM,
 * overload budget and calendar: how the premium over traffic / capacity
 * moves as the pool grows. Cost: one `vmsForOverloadBudget` per scenario.
 *
 * @example budgetedPoolTable(data).map((row) => row.budgetedVms)
 *   // [11, 21, 43, 106, 212, 1063, 2131] for the shipped data
 */
export function budgetedPoolTable(
  data: WorkbookData,
  scenarios: readonly Scenario[] = data.scenarios,
): BudgetedPool[] {
  const { vm, assumptions } = data;
  return scenarios.map(({ name, targetRps }) =>
    budgetedPool(targetRps, vm, assumptions.overloadBudget, assumptions, name),
  );
}

/** The random balancer's figures for one row of the scenario table. */
export interface RandomBalancerRow extends RandomBalancerFigures {
  /** The smallest pool within the overload budget. */
  vmsForOverloadBudget: number;
}

/**
 * The random balancer in front of a comparison's VM pool (its count already
 * includes the target utilization and the spares), overload measured
 * against each VM's full capacity, and the pool the budget asks for.
 *
 * @example randomBalancerRow(compare(200000, data), 0.01).vmsForOverloadBudget
 *   // 43
 */
export function randomBalancerRow(
  row: Comparison,
  overloadBudget: ExactInput,
): RandomBalancerRow {
  const pool = {
    targetRps: row.targetRps,
    capacityRps: row.vms.machine.capacityRps,
  };
  return {
    ...randomBalancerFigures({ ...pool, vms: row.vms.count }),
    vmsForOverloadBudget: vmsForOverloadBudget({ ...pool, overloadBudget }),
  };
}
