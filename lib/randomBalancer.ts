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
 * is overloaded in about half of all seconds. Poisson tails are computed
 * exactly (sums in log space anchored on Loader's saddle-point form of the
 * probability mass), never with a normal approximation, so the figures hold
 * for traffic up to 1e9 req/s and probabilities down to 1e-300.
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

/** ln √(2π). */
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln k! for k = 0..15, summed exactly enough (error below 1e-15). */
const LN_FACTORIAL_SMALL: readonly number[] = (() => {
  const table = [0];
  for (let k = 1; k <= 15; k += 1) table.push(table[k - 1] + Math.log(k));
  return table;
})();

/**
 * Stirling's error for a whole k ≥ 1: ln k! - [(k + ½) ln k - k + ln √(2π)].
 * Source: C. Loader, "Fast and Accurate Computation of Binomial
 * Probabilities" (2000), from the Stirling series 1/12k - 1/360k³ + ...
 */
function stirlingError(count: number): number {
  if (count <= 15) {
    return (
      LN_FACTORIAL_SMALL[count] -
      (count + 0.5) * Math.log(count) +
      count -
      LN_SQRT_2PI
    );
  }

  const t = 1 / (count * count);
  const s0 = 1 / 12;
  const s1 = 1 / 360;
  const s2 = 1 / 1260;
  const s3 = 1 / 1680;
  const s4 = 1 / 1188;
  if (count > 500) return (s0 - s1 * t) / count;
  if (count > 80) return (s0 - (s1 - s2 * t) * t) / count;
  if (count > 35) return (s0 - (s1 - (s2 - s3 * t) * t) * t) / count;
  return (s0 - (s1 - (s2 - (s3 - s4 * t) * t) * t) * t) / count;
}

/**
 * The deviance term k ln(k/λ) + λ - k, without the cancellation that the
 * plain formula suffers when k is close to λ (Loader, 2000).
 */
function devianceTerm(count: number, meanCount: number): number {
  const difference = count - meanCount;
  if (Math.abs(difference) >= 0.1 * (count + meanCount)) {
    return count * Math.log(count / meanCount) + meanCount - count;
  }

  // k ln(k/λ) + λ - k = (k-λ)v + 2k Σ v^(2j+1)/(2j+1), v = (k-λ)/(k+λ).
  const ratio = difference / (count + meanCount);
  const ratioSquared = ratio * ratio;
  let sum = difference * ratio;
  let power = 2 * count * ratio;
  for (let j = 1; j < 1000; j += 1) {
    power *= ratioSquared;
    const next = sum + power / (2 * j + 1);
    if (next === sum) return next;
    sum = next;
  }
  return sum;
}

/**
 * ln P(X = count) for X ~ Poisson(meanCount), accurate to a few units in
 * the last place even for meanCount = 1e9, where the textbook
 * k ln λ - λ - ln k! loses six digits to cancellation.
 *
 * Source: C. Loader (2000), P(X = k) = exp(-stirlerr(k) - bd0(k, λ)) /
 * √(2πk). Cost: O(1).
 *
 * @example Math.exp(poissonLogPmf(1, 0)) // e^-1 = 0.36787944117144233
 */
export function poissonLogPmf(meanCount: number, count: number): number {
  if (count < 0 || !Number.isInteger(count)) return -Infinity;
  if (meanCount === 0) return count === 0 ? 0 : -Infinity;
  if (count === 0) return -meanCount;

  return (
    -stirlingError(count) -
    devianceTerm(count, meanCount) -
    0.5 * Math.log(2 * Math.PI * count)
  );
}

/** Terms summed from one exact anchor before re-anchoring. */
const CHUNK = 256;

/** A term this small next to the sum no longer changes a double. */
const NEGLIGIBLE = 1e-17;

/**
 * Σ_{j ≥ from} P(X = j) and Σ_{j ≥ from} (j - from + 1) P(X = j), for
 * from > λ, where every next term is smaller. Each chunk of terms starts
 * from Loader's exact P(X = j) and follows the ratio λ / (j + 1), so
 * rounding cannot build up over the 9√λ terms of a long tail.
 */
function upperSums(meanCount: number, from: number) {
  let mass = 0;
  let excess = 0;
  let j = from;
  for (;;) {
    const anchor = Math.exp(poissonLogPmf(meanCount, j));
    if (anchor === 0) break;

    let relative = 1;
    let chunkMass = 0;
    let chunkExcess = 0;
    for (let i = 0; i < CHUNK; i += 1) {
      chunkMass += relative;
      chunkExcess += (j - from + 1) * relative;
      relative *= meanCount / (j + 1);
      j += 1;
    }
    mass += anchor * chunkMass;
    excess += anchor * chunkExcess;

    // Terms beyond fall faster than geometrically with this ratio.
    const next = anchor * relative;
    if (next * (j - from + 1) < NEGLIGIBLE * excess) break;
  }
  return { mass, excess };
}

/**
 * Σ_{j ≤ to} P(X = j) for to ≤ λ, where every earlier term is smaller:
 * the same chunked sum as `upperSums`, walking down with the ratio j / λ.
 */
function lowerMass(meanCount: number, to: number): number {
  let mass = 0;
  let j = to;
  while (j >= 0) {
    const anchor = Math.exp(poissonLogPmf(meanCount, j));
    if (anchor === 0) break;

    let relative = 1;
    let chunk = 0;
    for (let i = 0; i < CHUNK && j >= 0; i += 1) {
      chunk += relative;
      relative *= j / meanCount;
      j -= 1;
    }
    mass += anchor * chunk;

    if (anchor * relative < NEGLIGIBLE * mass) break;
  }
  return mass;
}

/**
 * P(X > count) for X ~ Poisson(meanCount): the chance of more than `count`
 * events when `meanCount` are expected.
 *
 * Summed in log space from the side away from the mean, where the terms
 * shrink: above the mean the tail itself, below it 1 - P(X ≤ count). Not
 * the incomplete gamma identity P(X > k) = P(k + 1, λ): stdlib's
 * gammainc 0.3.1 uses a large-x asymptotic series for x > 1000 and a close
 * to x, and gives P(X > 5000) = 0.4905 at λ = 5000 where the truth is
 * 0.49624 (mpmath and SciPy agree). Cost: O(√λ) terms, about 9√λ.
 *
 * @example poissonTailProbability(1, 0) // 1 - e^-1 = 0.6321205588285577
 */
export function poissonTailProbability(
  meanCount: number,
  count: number,
): number {
  if (count < 0) return 1;
  if (meanCount === 0) return 0;
  const whole = Math.floor(count);

  if (whole + 1 > meanCount) return upperSums(meanCount, whole + 1).mass;
  return 1 - lowerMass(meanCount, whole);
}

/**
 * P(X ≤ count) for X ~ Poisson(meanCount), the complement of
 * `poissonTailProbability` summed on its own side, so that a tiny value
 * keeps its digits. Cost: O(√λ) terms.
 *
 * @example poissonCdf(1, 1) // 2/e = 0.7357588823428847
 */
export function poissonCdf(meanCount: number, count: number): number {
  if (count < 0) return 0;
  if (meanCount === 0) return 1;
  const whole = Math.floor(count);

  if (whole <= meanCount) return lowerMass(meanCount, whole);
  return 1 - upperSums(meanCount, whole + 1).mass;
}

/**
 * E[(X - count)+] for X ~ Poisson(meanCount): the expected number of events
 * above `count`, i.e. the requests a VM of capacity `count` drops in a
 * second.
 *
 * At or below the mean, the identity (from k P(X = k) = λ P(X = k - 1))
 *   E[(X - c)+] = (λ - c) P(X > c) + λ P(X = c),
 * whose two terms are then positive. Above the mean they would cancel, so
 * there Σ_{j>c} (j - c) P(X = j) is summed directly. Cost: O(√λ) terms.
 *
 * @example poissonExpectedExcess(1, 0) // E[X] = 1
 */
export function poissonExpectedExcess(
  meanCount: number,
  count: number,
): number {
  if (meanCount === 0) return 0;
  if (count < 0) return meanCount - count;
  const whole = Math.floor(count);

  if (whole < meanCount) {
    const massAtCount = Math.exp(poissonLogPmf(meanCount, whole));
    const tail = poissonTailProbability(meanCount, whole);
    return (meanCount - whole) * tail + meanCount * massAtCount;
  }
  return upperSums(meanCount, whole + 1).excess;
}

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
