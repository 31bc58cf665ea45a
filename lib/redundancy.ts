/**
 * Failures and redundancy: what a failed VM costs before the balancer's
 * health check notices it, and how many spare machines (the k of N+k) each
 * architecture needs to reach an availability target.
 *
 * What this leaves out: failures are independent (no zone outage takes
 * several VMs at once), the balancer itself never fails, a failed machine
 * is down for a fixed share of time (its availability) whatever the repair
 * process, and a health check notices a failure at the first check after
 * it (no "unhealthy after two failed checks" threshold).
 */
import type { Assumptions } from "./assumptions.js";
import { machinesRequired } from "./capacity.js";
import type { ComparisonInputs } from "./comparison.js";
import type { PeriodCosts } from "./cost.js";
import {
  fleetUsdPerHour,
  hoursPerMonth,
  hoursPerYear,
  periodCosts,
} from "./cost.js";
import type { Machine } from "./data.js";
import type { Exact, ExactInput } from "./money.js";
import { exact } from "./money.js";

/** The assumptions the health-check figures read. */
export type HealthCheckAssumptions = Pick<
  Assumptions,
  | "healthCheckIntervalS"
  | "vmFailuresPerYear"
  | "hoursPerDay"
  | "daysPerMonth"
  | "daysPerYear"
>;

/** Requests a random balancer loses to failed VMs it has not yet noticed. */
export interface HealthCheckLoss {
  /** Requests per second each VM receives: targetRps / vms. */
  rpsPerVm: Exact;
  /** A failure lands uniformly within the interval: half an interval. */
  expectedRequestsLostPerFailure: Exact;
  /** A failure just after a check: a whole interval. */
  worstRequestsLostPerFailure: Exact;
  /** Failures across the pool in a billing month. */
  failuresPerMonth: Exact;
  expectedRequestsLostPerMonth: Exact;
  /** Lost requests over all requests of the month. */
  lostFractionPerMonth: Exact;
}

/**
 * What VM failures cost a pool behind a random balancer that checks its VMs
 * every `healthCheckIntervalS` seconds. A failed VM keeps receiving its
 * 1/vms share until the next check takes it out, and every one of those
 * requests fails:
 *
 *   lost per failure = (targetRps / vms) × T/2 expected, × T at worst
 *   failures per month = vms × failuresPerYear × month / year
 *
 * with the month and year in hours from the calendar assumptions. The pool
 * size cancels out of the monthly loss: more VMs fail more often, but each
 * carries less. Cost: O(1).
 *
 * @example healthCheckLoss({ targetRps: 200000, vms: 40 }, assumptions)
 *   .expectedRequestsLostPerFailure // 5,000 req/s × 5 s = 25,000
 */
export function healthCheckLoss(
  pool: { targetRps: ExactInput; vms: number },
  assumptions: HealthCheckAssumptions,
): HealthCheckLoss {
  const targetRps = exact(pool.targetRps);
  const intervalS = assumptions.healthCheckIntervalS;
  const rpsPerVm = targetRps.div(pool.vms);

  const monthHours = hoursPerMonth(assumptions);
  const failuresPerMonth = assumptions.vmFailuresPerYear
    .times(pool.vms)
    .times(monthHours)
    .div(hoursPerYear(assumptions));

  const expectedPerFailure = rpsPerVm.times(intervalS).div(2);
  const expectedPerMonth = failuresPerMonth.times(expectedPerFailure);
  const requestsPerMonth = targetRps.times(monthHours).times(3600);
  return {
    rpsPerVm,
    expectedRequestsLostPerFailure: expectedPerFailure,
    worstRequestsLostPerFailure: rpsPerVm.times(intervalS),
    failuresPerMonth,
    expectedRequestsLostPerMonth: expectedPerMonth,
    lostFractionPerMonth: expectedPerMonth.div(requestsPerMonth),
  };
}

/** N machines needed, k spares, each up a share of the time. */
export interface SparePool {
  /** N: machines that must be up to carry the traffic. */
  requiredMachines: number;
  /** k: machines on top of N. */
  spareMachines: number;
  /** Share of time one machine is up, in (0, 1]. */
  machineAvailability: ExactInput;
}

/** The chance that enough machines are up, and its complement. */
export interface PoolAvailability {
  /** P(at least N of the N + k machines are up). */
  availability: number;
  /** P(fewer than N are up), computed on its own side, not as 1 - it. */
  unavailability: number;
}

/** ln(e^a + e^b) without overflow. */
function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/**
 * P(at least N of N + k independent machines are up) when each is up with
 * probability a: the binomial sum Σ_{j=0}^{k} C(N+k, j) q^j a^(N+k-j) over
 * j machines down, q = 1 - a.
 *
 * Computed stably: q is taken exactly from the decimal a (1 - 0.999 is
 * 0.001, not 0.0010000000000000009), the terms are kept as logarithms
 * (C(M, j+1) = C(M, j) (M - j) / (j + 1)), and both sides are summed on
 * their own, so an unavailability of 1e-15 keeps its digits. Source: the
 * binomial distribution, e.g. Feller, An Introduction to Probability
 * Theory, vol. 1, VI.1. Cost: O(N + k) at most, O(k + Mq + √(Mq)) usually.
 *
 * @example poolAvailability({ requiredMachines: 1, spareMachines: 1,
 *   machineAvailability: 0.999 }).unavailability // 0.001² = 1e-6
 */
export function poolAvailability(pool: SparePool): PoolAvailability {
  const availabilityExact = exact(pool.machineAvailability);
  if (availabilityExact.lte(0) || availabilityExact.gt(1)) {
    throw new RangeError(
      `machineAvailability must be greater than 0 and at most 1, got ${availabilityExact}`,
    );
  }
  const machines = pool.requiredMachines + pool.spareMachines;
  const down = exact(1).minus(availabilityExact).toNumber();
  if (down === 0) return { availability: 1, unavailability: 0 };

  // ln of the term for j machines down: ln C(M, j) + j ln q + (M - j) ln a,
  // with ln C(M, j) built up step by step, its rounding compensated.
  const logDown = Math.log(down);
  const logUp = Math.log1p(-down);
  const mode = Math.floor((machines + 1) * down);
  let logChoose = 0;
  let compensation = 0;
  let logEnough = -Infinity;
  let logShort = -Infinity;
  for (let j = 0; j <= machines; j += 1) {
    const logTerm = logChoose + j * logDown + (machines - j) * logUp;
    if (j <= pool.spareMachines) logEnough = logAdd(logEnough, logTerm);
    else logShort = logAdd(logShort, logTerm);

    // Past the mode the terms only shrink; stop once they cannot count.
    const past = j > mode && j > pool.spareMachines;
    if (past && logTerm < logShort - 40) break;

    // Kahan summation of ln((M - j) / (j + 1)) into ln C(M, j + 1).
    const step = Math.log((machines - j) / (j + 1)) - compensation;
    const next = logChoose + step;
    compensation = next - logChoose - step;
    logChoose = next;
  }

  // exp of a sum of logs may round a hair above 1.
  return {
    availability: Math.min(1, Math.exp(logEnough)),
    unavailability: Math.min(1, Math.exp(logShort)),
  };
}

/**
 * The smallest k such that N + k machines, each up `machineAvailability`
 * of the time, keep N up at least `targetAvailability` of the time. Adding
 * a machine never lowers the chance, so a galloping search then bisection
 * finds it. Cost: O(log k) evaluations of `poolAvailability`.
 *
 * @example sparesForAvailability({ requiredMachines: 40,
 *   machineAvailability: 0.999, targetAvailability: 0.9999 }) // 2
 */
export function sparesForAvailability(query: {
  requiredMachines: number;
  machineAvailability: ExactInput;
  targetAvailability: ExactInput;
}): number {
  const target = exact(query.targetAvailability).toNumber();
  const meets = (spareMachines: number) =>
    poolAvailability({ ...query, spareMachines }).availability >= target;
  if (meets(0)) return 0;

  // Gallop: `failing` misses the target, `failing + step` is the next try.
  let failing = 0;
  let step = 1;
  while (!meets(failing + step)) {
    failing += step;
    step *= 2;
    if (failing > 1e7) {
      throw new RangeError(
        `no pool of up to 10,000,000 spares reaches ${target}`,
      );
    }
  }

  // Bisect between a k that misses and one that reaches the target.
  let reaching = failing + step;
  while (reaching - failing > 1) {
    const middle = Math.floor((failing + reaching) / 2);
    if (meets(middle)) reaching = middle;
    else failing = middle;
  }
  return reaching;
}

/** One architecture with the spares its availability target asks for. */
export interface RedundantFleet {
  machine: Machine;
  /** N: machines the traffic needs at the target utilization. */
  requiredMachines: number;
  /** k: the fewest spares that reach the target. */
  spareMachines: number;
  /** N + k. */
  machines: number;
  /** Availability with no spares, for contrast. */
  withoutSpares: PoolAvailability;
  withSpares: PoolAvailability;
  /** Minutes per billing month with fewer than N machines up. */
  shortMinutesPerMonth: number;
  cost: PeriodCosts;
}

/** Both architectures made redundant enough for the target availability. */
export interface RedundancyComparison {
  targetRps: Exact;
  targetAvailability: Exact;
  vms: RedundantFleet;
  servers: RedundantFleet;
}

function redundantFleet(
  machine: Machine,
  targetRps: ExactInput,
  machineAvailability: Exact,
  assumptions: Assumptions,
): RedundantFleet {
  const requiredMachines = machinesRequired({
    targetRps,
    capacityRps: machine.capacityRps,
    targetUtilization: assumptions.targetUtilization,
  });
  const spareMachines = sparesForAvailability({
    requiredMachines,
    machineAvailability,
    targetAvailability: assumptions.targetAvailability,
  });

  const pool = { requiredMachines, machineAvailability };
  const withSpares = poolAvailability({ ...pool, spareMachines });
  const minutesPerMonth = hoursPerMonth(assumptions).times(60).toNumber();
  const machines = requiredMachines + spareMachines;
  return {
    machine,
    requiredMachines,
    spareMachines,
    machines,
    withoutSpares: poolAvailability({ ...pool, spareMachines: 0 }),
    withSpares,
    shortMinutesPerMonth: withSpares.unavailability * minutesPerMonth,
    cost: periodCosts(
      fleetUsdPerHour(machines, machine.usdPerHour),
      assumptions,
    ),
  };
}

/**
 * N + k for both architectures at `targetRps`: the VMs with the spares
 * `vmAvailability` needs, the servers with those `serverAvailability`
 * needs, each to reach `targetAvailability`, and what each costs. For one
 * server, any spare is a second server, which doubles the bill.
 *
 * @example redundancyComparison(200000, data).servers.machines // 2
 */
export function redundancyComparison(
  targetRps: ExactInput,
  inputs: ComparisonInputs,
): RedundancyComparison {
  const { server, vm, assumptions } = inputs;
  return {
    targetRps: exact(targetRps),
    targetAvailability: assumptions.targetAvailability,
    vms: redundantFleet(vm, targetRps, assumptions.vmAvailability, assumptions),
    servers: redundantFleet(
      server,
      targetRps,
      assumptions.serverAvailability,
      assumptions,
    ),
  };
}
