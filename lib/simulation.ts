/**
 * A seeded, second-by-second simulation of a load balancer in front of a
 * pool of VMs, to check the exact figures of `randomBalancer.ts` and to try
 * what they do not cover: failures and health checks, and balancers other
 * than the random one.
 *
 * Each simulated second:
 * 1. the health check runs (every `healthCheckIntervalS` seconds, at
 *    t = 0, T, 2T, ...) and takes failed VMs out of rotation; a replacement
 *    joins `replaceAfterS` seconds later, if set. A VM failing at second f
 *    is in rotation until the next check, T - (f mod T) seconds: (T + 1)/2
 *    on average, where the continuous model of `healthCheckLoss` has T/2;
 * 2. VMs fail: the scheduled `failures`, and random ones arriving as a
 *    Poisson process at `failureProbabilityPerVmSecond` per healthy VM;
 * 3. the balancer spreads the second's requests over every VM in rotation,
 *    failed or not (it does not know yet);
 * 4. requests sent to a failed VM are lost; a healthy VM serves up to its
 *    capacity and drops the excess.
 *
 * Strategies:
 * - `random`: each VM's count is drawn as Poisson(targetRps / vms), which
 *   is exactly what random routing of a Poisson stream gives (see
 *   `randomBalancer.ts`). Drawing counts, not requests, makes a second cost
 *   one draw per VM: 10,000,000 req/s costs as much as 1,000 req/s.
 * - `roundRobin`: the second's total is Poisson(targetRps) and is split as
 *   evenly as possible, the remainder going to the next VMs in turn.
 * - `powerOfTwo`: "power of two random choices" (Azar, Broder, Karlin and
 *   Upfal, "Balanced Allocations", 1999; NGINX's `random two`): for every
 *   request, pick two different VMs at random and send it to the one that
 *   has received fewer requests this second. This one is simulated request
 *   by request, two random draws each, so it costs O(targetRps) per
 *   simulated second, about 20 ms at 200,000 req/s: use moderate traffic
 *   or few seconds.
 *
 * The random source is @stdlib's Mersenne Twister (MT19937), seeded: the
 * same options and seed give the same result on every machine.
 *
 * What this leaves out: time inside a second (a second's requests are one
 * batch, there is no queue), and a balancer's view of load that lags.
 */
import discreteUniform from "@stdlib/random-base-discrete-uniform";
import poisson from "@stdlib/random-base-poisson";
import type { ExactInput } from "./money.js";
import { exact } from "./money.js";

/** How the balancer picks a VM for each request. */
export type BalancerStrategy = "random" | "roundRobin" | "powerOfTwo";

/** One scheduled failure: VM number `vm` (0-based) dies at `atSecond`. */
export interface FailureEvent {
  atSecond: number;
  vm: number;
}

export interface SimulationOptions {
  /** Mean requests per second arriving at the balancer. */
  targetRps: ExactInput;
  /** Requests one VM serves in a second; more are dropped. */
  capacityRps: ExactInput;
  /** VMs in rotation at the start. */
  vms: number;
  /** Seconds to simulate. */
  seconds: number;
  /** Seed of the random source, a whole number from 1 to 2^32 - 1. */
  seed: number;
  /** Defaults to `random`. */
  strategy?: BalancerStrategy;
  /** Failures at given seconds. */
  failures?: readonly FailureEvent[];
  /** Chance that a healthy VM fails in a given second; defaults to 0. */
  failureProbabilityPerVmSecond?: number;
  /** Seconds between health checks; without it failed VMs stay in. */
  healthCheckIntervalS?: number;
  /** Seconds from a failure's detection to its replacement joining. */
  replaceAfterS?: number;
  /** Keep every healthy VM's count of every second in `vmLoads`. */
  recordLoads?: boolean;
}

/** Summary statistics of the busiest VM's load, second by second. */
export interface MaxLoadStats {
  mean: number;
  /** The 99th percentile (nearest rank). */
  p99: number;
  max: number;
}

export interface SimulationResult {
  strategy: BalancerStrategy;
  seed: number;
  secondsSimulated: number;
  /** Requests that arrived at the balancer. */
  requests: number;
  /** Seconds in which at least one healthy VM was over capacity. */
  overloadSeconds: number;
  /** overloadSeconds / secondsSimulated. */
  observedPAnyOverload: number;
  /** Requests over a healthy VM's capacity. */
  droppedRequests: number;
  /** droppedRequests / requests. */
  observedDroppedFraction: number;
  /** Requests sent to a failed VM before the health check removed it. */
  lostToFailures: number;
  /** lostToFailures / requests. */
  lostFraction: number;
  /** VMs that failed during the run. */
  failedVms: number;
  /** Requests that arrived, one entry per second. */
  requestsPerSecond: Float64Array;
  /** VMs in rotation (failed ones not yet noticed included), per second. */
  vmsInRotationPerSecond: Int32Array;
  /** The busiest healthy VM's requests, one entry per second. */
  maxLoadPerSecond: Int32Array;
  /** Dropped requests, one entry per second. */
  droppedPerSecond: Float64Array;
  /** Requests sent to failed VMs, one entry per second. */
  lostPerSecond: Float64Array;
  maxLoad: MaxLoadStats;
  /** Every healthy VM's requests in every second, when asked for. */
  vmLoads?: number[];
}

/** A VM of the pool, by the order it joined. */
interface Vm {
  id: number;
  failed: boolean;
}

function checkOptions(options: SimulationOptions): void {
  const problems: string[] = [];
  const whole = (value: number, least: number) =>
    Number.isInteger(value) && value >= least;
  if (!whole(options.vms, 1)) {
    problems.push(
      `vms must be a whole number of 1 or more, got ${options.vms}`,
    );
  }
  if (!whole(options.seconds, 1)) {
    problems.push(
      `seconds must be a whole number of 1 or more, got ${options.seconds}`,
    );
  }
  if (!whole(options.seed, 1) || options.seed > 0xffffffff) {
    problems.push(
      `seed must be a whole number from 1 to 4294967295, got ${options.seed}`,
    );
  }
  if (!(exact(options.targetRps).gt(0) && exact(options.capacityRps).gt(0))) {
    problems.push("targetRps and capacityRps must be positive");
  }
  const failureChance = options.failureProbabilityPerVmSecond ?? 0;
  if (!(failureChance >= 0 && failureChance <= 1)) {
    problems.push(
      `failureProbabilityPerVmSecond must be from 0 to 1, got ${failureChance}`,
    );
  }
  if (problems.length > 0) throw new RangeError(problems.join("; "));
}

/** The random source: one Mersenne Twister behind every draw. */
function randomSource(seed: number) {
  const pick = discreteUniform.factory({ seed });
  const twister = pick.PRNG as typeof pick.PRNG & { normalized: () => number };
  const count = poisson.factory({ prng: twister.normalized });
  return { pick, count };
}

function maxLoadStats(maxLoads: Int32Array): MaxLoadStats {
  const sorted = Int32Array.from(maxLoads).sort();
  let sum = 0;
  for (const load of sorted) sum += load;
  const rank = Math.max(0, Math.ceil(0.99 * sorted.length) - 1);
  return {
    mean: sum / sorted.length,
    p99: sorted[rank],
    max: sorted[sorted.length - 1],
  };
}

/**
 * Runs the simulation. Cost per simulated second: one Poisson draw per VM
 * for `random`, one in all for `roundRobin` plus a pass over the VMs, and
 * two uniform draws per request for `powerOfTwo`.
 *
 * @example simulateBalancer({ targetRps: 200000, capacityRps: 5000,
 *   vms: 40, seconds: 1000, seed: 1 }).observedPAnyOverload // 1
 */
export function simulateBalancer(options: SimulationOptions): SimulationResult {
  checkOptions(options);
  const strategy = options.strategy ?? "random";
  const targetRps = exact(options.targetRps).toNumber();
  const capacity = Math.floor(exact(options.capacityRps).toNumber());
  const failureChance = options.failureProbabilityPerVmSecond ?? 0;
  const interval = options.healthCheckIntervalS ?? Infinity;
  const { pick, count } = randomSource(options.seed);

  // The pool, the failures by second and the replacements to come.
  let rotation: Vm[] = [];
  for (let id = 0; id < options.vms; id += 1) {
    rotation.push({ id, failed: false });
  }
  let nextId = options.vms;
  const scheduled = new Map<number, number[]>();
  for (const { atSecond, vm } of options.failures ?? []) {
    scheduled.set(atSecond, [...(scheduled.get(atSecond) ?? []), vm]);
  }
  const replacements = new Map<number, number>();

  // What the run measures.
  const seconds = options.seconds;
  const requestsPerSecond = new Float64Array(seconds);
  const vmsInRotationPerSecond = new Int32Array(seconds);
  const maxLoadPerSecond = new Int32Array(seconds);
  const droppedPerSecond = new Float64Array(seconds);
  const lostPerSecond = new Float64Array(seconds);
  const vmLoads: number[] | undefined = options.recordLoads ? [] : undefined;
  let loads = new Int32Array(options.vms);
  let requests = 0;
  let overloadSeconds = 0;
  let droppedRequests = 0;
  let lostToFailures = 0;
  let failedVms = 0;
  let turn = 0;

  for (let second = 0; second < seconds; second += 1) {
    // 1. Health check, then replacements due now.
    const checking = Number.isFinite(interval) && second % interval === 0;
    if (checking && rotation.some((vm) => vm.failed)) {
      for (const vm of rotation) {
        if (vm.failed && options.replaceAfterS !== undefined) {
          const due = second + options.replaceAfterS;
          replacements.set(due, (replacements.get(due) ?? 0) + 1);
        }
      }
      rotation = rotation.filter((vm) => !vm.failed);
    }
    const joining = replacements.get(second) ?? 0;
    for (let i = 0; i < joining; i += 1) {
      rotation.push({ id: nextId, failed: false });
      nextId += 1;
    }

    // 2. Failures: scheduled ones, then random ones among healthy VMs.
    for (const id of scheduled.get(second) ?? []) {
      const vm = rotation.find((candidate) => candidate.id === id);
      if (vm !== undefined && !vm.failed) {
        vm.failed = true;
        failedVms += 1;
      }
    }
    if (failureChance > 0) {
      const healthy = rotation.filter((vm) => !vm.failed);
      const mean = failureChance * healthy.length;
      let dying = mean > 0 ? count(mean) : 0;
      while (dying > 0 && healthy.length > 0) {
        const index = pick(0, healthy.length - 1);
        healthy[index].failed = true;
        healthy.splice(index, 1);
        failedVms += 1;
        dying -= 1;
      }
    }

    // 3. The balancer spreads this second's requests.
    const size = rotation.length;
    if (loads.length < size) loads = new Int32Array(size);
    let arrived = 0;
    if (size === 0) {
      arrived = count(targetRps);
      lostPerSecond[second] = arrived;
    } else if (strategy === "random") {
      const mean = targetRps / size;
      for (let i = 0; i < size; i += 1) {
        loads[i] = count(mean);
        arrived += loads[i];
      }
    } else if (strategy === "roundRobin") {
      arrived = count(targetRps);
      const base = Math.floor(arrived / size);
      const extra = arrived - base * size;
      for (let i = 0; i < size; i += 1) {
        loads[i] = base + ((i - turn + size) % size < extra ? 1 : 0);
      }
      turn = (turn + extra) % size;
    } else {
      arrived = count(targetRps);
      loads.fill(0, 0, size);
      for (let request = 0; request < arrived; request += 1) {
        const first = size === 1 ? 0 : pick(0, size - 1);
        let other = size === 1 ? 0 : pick(0, size - 2);
        if (other >= first) other += 1;
        if (loads[other] < loads[first]) loads[other] += 1;
        else loads[first] += 1;
      }
    }
    requests += arrived;
    requestsPerSecond[second] = arrived;
    vmsInRotationPerSecond[second] = size;

    // 4. Failed VMs lose their share; healthy ones drop their excess.
    let busiest = 0;
    let dropped = 0;
    for (let i = 0; i < size; i += 1) {
      const load = loads[i];
      if (rotation[i].failed) {
        lostPerSecond[second] += load;
        continue;
      }
      if (load > busiest) busiest = load;
      if (load > capacity) dropped += load - capacity;
      vmLoads?.push(load);
    }
    maxLoadPerSecond[second] = busiest;
    droppedPerSecond[second] = dropped;
    droppedRequests += dropped;
    lostToFailures += lostPerSecond[second];
    if (busiest > capacity) overloadSeconds += 1;
  }

  return {
    strategy,
    seed: options.seed,
    secondsSimulated: seconds,
    requests,
    overloadSeconds,
    observedPAnyOverload: overloadSeconds / seconds,
    droppedRequests,
    observedDroppedFraction: requests === 0 ? 0 : droppedRequests / requests,
    lostToFailures,
    lostFraction: requests === 0 ? 0 : lostToFailures / requests,
    failedVms,
    requestsPerSecond,
    vmsInRotationPerSecond,
    maxLoadPerSecond,
    droppedPerSecond,
    lostPerSecond,
    maxLoad: maxLoadStats(maxLoadPerSecond),
    vmLoads,
  };
}

/** The three strategies run on the same pool, traffic and seed. */
export interface StrategyComparison {
  random: SimulationResult;
  roundRobin: SimulationResult;
  powerOfTwo: SimulationResult;
}

/**
 * Runs `random`, `roundRobin` and `powerOfTwo` with the same options, to
 * set their per-second maximum loads side by side. Its cost is that of
 * `powerOfTwo`: O(targetRps × seconds).
 *
 * @example compareStrategies({ targetRps: 200000, capacityRps: 5000,
 *   vms: 40, seconds: 50, seed: 7 }).powerOfTwo.maxLoad.mean
 *   // about 5,003, against about 5,155 for random
 */
export function compareStrategies(
  options: Omit<SimulationOptions, "strategy">,
): StrategyComparison {
  return {
    random: simulateBalancer({ ...options, strategy: "random" }),
    roundRobin: simulateBalancer({ ...options, strategy: "roundRobin" }),
    powerOfTwo: simulateBalancer({ ...options, strategy: "powerOfTwo" }),
  };
}
