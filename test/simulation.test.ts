import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../lib/index.js";
import {
  compareStrategies,
  exact,
  healthCheckLoss,
  loadWorkbookData,
  poissonExpectedExcess,
  poissonTailProbability,
  randomBalancerFigures,
  simulateBalancer,
} from "../lib/index.js";

// The simulation is checked against the exact figures: an observed rate
// must lie within four standard errors of the exact one. Each standard
// error comes from the run itself (a proportion's √(p(1-p)/n), or a
// per-second sample's standard deviation / √seconds). Seeds are fixed, so
// every run is the same; four standard errors would fail a correct model
// about once in 16,000 checks.
const WITHIN = 4;

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i];
  return sum / values.length;
}

function standardDeviation(values: ArrayLike<number>): number {
  const average = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    sum += (values[i] - average) ** 2;
  }
  return Math.sqrt(sum / (values.length - 1));
}

/** Checks P(any overload) and the dropped fraction of a run. */
function expectAgreement(
  run: SimulationResult,
  exact: { pAny: number; droppedFraction: number; targetRps: number },
) {
  const seconds = run.secondsSimulated;
  const p = exact.pAny;
  const proportionError = Math.sqrt((p * (1 - p)) / seconds);
  expect(Math.abs(run.observedPAnyOverload - p)).toBeLessThanOrEqual(
    WITHIN * proportionError + 1 / seconds,
  );

  const droppedError =
    standardDeviation(run.droppedPerSecond) /
    Math.sqrt(seconds) /
    exact.targetRps;
  expect(
    Math.abs(run.observedDroppedFraction - exact.droppedFraction),
  ).toBeLessThanOrEqual(WITHIN * droppedError + 1e-12);
}

describe("simulateBalancer", () => {
  describe("with the same seed", () => {
    it("gives the same result twice, for every strategy", () => {
      for (const strategy of ["random", "roundRobin", "powerOfTwo"] as const) {
        const options = {
          targetRps: 20000,
          capacityRps: 1000,
          vms: 21,
          seconds: 40,
          seed: 2024,
          strategy,
          failureProbabilityPerVmSecond: 0.01,
          healthCheckIntervalS: 5,
          replaceAfterS: 3,
          recordLoads: true,
        };
        expect(simulateBalancer(options)).toEqual(simulateBalancer(options));
      }
    });

    it("gives another result with another seed", () => {
      const options = { targetRps: 200000, capacityRps: 5000, vms: 40 };
      const one = simulateBalancer({ ...options, seconds: 20, seed: 1 });
      const two = simulateBalancer({ ...options, seconds: 20, seed: 2 });
      expect(one.maxLoadPerSecond).not.toEqual(two.maxLoadPerSecond);
    });
  });

  describe("with a random balancer", () => {
    const cases: [number, number, number, number][] = [
      // targetRps, capacityRps, vms, seconds
      [200000, 5000, 40, 2000],
      [200000, 5000, 41, 4000],
      [200000, 5000, 42, 20000],
      [20, 5, 4, 20000],
      [1000, 110, 10, 20000],
    ];
    for (const [targetRps, capacityRps, vms, seconds] of cases) {
      it(`agrees with the exact figures at ${targetRps} req/s over ${vms} VMs of ${capacityRps}`, () => {
        const run = simulateBalancer({
          targetRps,
          capacityRps,
          vms,
          seconds,
          seed: 97,
        });
        const figures = randomBalancerFigures({ targetRps, capacityRps, vms });
        expectAgreement(run, {
          pAny: figures.pAnyOverloadPerSecond,
          droppedFraction: figures.droppedFraction,
          targetRps,
        });
      });
    }

    it("overloads each VM-second with the exact per-VM probability", () => {
      // 41 VMs × 4,000 s = 164,000 independent VM-seconds.
      const run = simulateBalancer({
        targetRps: 200000,
        capacityRps: 5000,
        vms: 41,
        seconds: 4000,
        seed: 5,
        recordLoads: true,
      });
      const loads = run.vmLoads ?? [];
      const over = loads.filter((load) => load > 5000).length / loads.length;
      const p = randomBalancerFigures({
        targetRps: 200000,
        capacityRps: 5000,
        vms: 41,
      }).pVmOverload;
      const error = Math.sqrt((p * (1 - p)) / loads.length);
      expect(Math.abs(over - p)).toBeLessThanOrEqual(WITHIN * error);
    });

    it("draws each VM's count with mean and variance λ", () => {
      // For Poisson(λ) the sample mean has standard error √(λ/N) and the
      // sample variance about λ√(2/N) (the excess kurtosis 1/λ is tiny).
      const run = simulateBalancer({
        targetRps: 200000,
        capacityRps: 5000,
        vms: 40,
        seconds: 1000,
        seed: 8,
        recordLoads: true,
      });
      const loads = run.vmLoads ?? [];
      const lambda = 5000;
      expect(loads).toHaveLength(40000);
      expect(Math.abs(mean(loads) - lambda)).toBeLessThanOrEqual(
        WITHIN * Math.sqrt(lambda / loads.length),
      );
      expect(
        Math.abs(standardDeviation(loads) ** 2 - lambda),
      ).toBeLessThanOrEqual(WITHIN * lambda * Math.sqrt(2 / loads.length));
    });
  });

  describe("with round robin", () => {
    it("overloads exactly when the second's total exceeds the pool's capacity", () => {
      // Loads differ by at most one, so some VM is over 5,000 exactly when
      // the total T > 40 × 5,000, and then all the excess T - 200,000 is
      // dropped: P(T > 200,000) and E[(T - 200,000)+] for T ~ Poisson(R).
      const run = simulateBalancer({
        targetRps: 200000,
        capacityRps: 5000,
        vms: 40,
        seconds: 4000,
        seed: 13,
        strategy: "roundRobin",
      });
      expectAgreement(run, {
        pAny: poissonTailProbability(200000, 200000),
        droppedFraction: poissonExpectedExcess(200000, 200000) / 200000,
        targetRps: 200000,
      });
      for (let second = 0; second < 4000; second += 1) {
        const even = Math.ceil(run.requestsPerSecond[second] / 40);
        expect(run.maxLoadPerSecond[second]).toBe(even);
      }
    });
  });

  describe("with failures and health checks", () => {
    const options = {
      targetRps: 200000,
      capacityRps: 5000,
      vms: 43,
      seconds: 60,
      seed: 3,
      failures: [{ atSecond: 13, vm: 5 }],
      healthCheckIntervalS: 10,
    };

    it("loses a failed VM's share until the next check: seconds 13 to 19", () => {
      // 7 seconds × 200,000 / 43 req/s: a sum of seven Poisson(4,651)
      // counts, standard deviation √(7 × 4,651) ≈ 180.
      const run = simulateBalancer(options);
      const expected = (7 * 200000) / 43;
      expect(run.failedVms).toBe(1);
      expect(Math.abs(run.lostToFailures - expected)).toBeLessThanOrEqual(
        WITHIN * Math.sqrt(expected),
      );
    });

    it("records the loss in seconds 13 to 19 only, adding up to the total", () => {
      const run = simulateBalancer(options);
      const losing = Array.from(run.lostPerSecond.entries())
        .filter(([, lost]) => lost > 0)
        .map(([second]) => second);
      expect(losing).toEqual([13, 14, 15, 16, 17, 18, 19]);
      const total = run.lostPerSecond.reduce((sum, lost) => sum + lost, 0);
      expect(total).toBe(run.lostToFailures);
    });

    it("runs one VM short after the check, and whole again once replaced", () => {
      const run = simulateBalancer({ ...options, replaceAfterS: 30 });
      const inRotation = Array.from(run.vmsInRotationPerSecond);
      expect(inRotation.slice(0, 20)).toEqual(Array(20).fill(43));
      expect(inRotation.slice(20, 50)).toEqual(Array(30).fill(42));
      expect(inRotation.slice(50)).toEqual(Array(10).fill(43));
    });

    it("loses (T + 1)/2 seconds of a VM's share per random failure", () => {
      // A failure at a uniform whole second is noticed T - (f mod T)
      // seconds later, (T + 1)/2 on average; healthCheckLoss's T/2 is the
      // same with failures at any instant. The standard error: lost
      // seconds have variance (T² - 1)/12 per failure, times λ².
      const interval = 10;
      const run = simulateBalancer({
        targetRps: 5000,
        capacityRps: 200,
        vms: 50,
        seconds: 20000,
        seed: 21,
        failureProbabilityPerVmSecond: 0.001,
        healthCheckIntervalS: interval,
        replaceAfterS: 0,
      });
      const lambda = 100;
      const perFailure = run.lostToFailures / run.failedVms;
      const assumptions = {
        ...loadWorkbookData("data").assumptions,
        healthCheckIntervalS: exact(interval),
      };
      const continuous = healthCheckLoss(
        { targetRps: 5000, vms: 50 },
        assumptions,
      ).expectedRequestsLostPerFailure.toNumber();
      const expected = (continuous * (interval + 1)) / interval;
      const error =
        (lambda * Math.sqrt((interval ** 2 - 1) / 12) + Math.sqrt(expected)) /
        Math.sqrt(run.failedVms);
      expect(run.failedVms).toBeGreaterThan(800);
      expect(Math.abs(perFailure - expected)).toBeLessThanOrEqual(
        WITHIN * error,
      );
    });

    it("loses every request once every VM has failed and been removed", () => {
      const run = simulateBalancer({
        targetRps: 1000,
        capacityRps: 1000,
        vms: 2,
        seconds: 30,
        seed: 4,
        failures: [
          { atSecond: 0, vm: 0 },
          { atSecond: 0, vm: 1 },
        ],
        healthCheckIntervalS: 10,
      });
      expect(run.lostToFailures).toBe(run.requests);
      expect(run.lostFraction).toBe(1);
      expect(run.vmsInRotationPerSecond[29]).toBe(0);
    });
  });

  describe("with bad options", () => {
    it("throws naming every bad option", () => {
      expect(() =>
        simulateBalancer({
          targetRps: 1,
          capacityRps: 1,
          vms: 0,
          seconds: 1.5,
          seed: 0,
        }),
      ).toThrow(
        "vms must be a whole number of 1 or more, got 0; " +
          "seconds must be a whole number of 1 or more, got 1.5; " +
          "seed must be a whole number from 1 to 4294967295, got 0",
      );
    });
  });
});

describe("compareStrategies", () => {
  describe("for the exercise's 40 VMs at 200,000 req/s", () => {
    const runs = compareStrategies({
      targetRps: 200000,
      capacityRps: 5000,
      vms: 40,
      seconds: 20,
      seed: 7,
    });

    it("keeps power of two within 3 requests of an even split every second", () => {
      // Theory: max load = m/n + ln ln n / ln 2 + O(1) (Azar et al. 1999),
      // ln ln 40 / ln 2 ≈ 1.6.
      const { powerOfTwo } = runs;
      for (let second = 0; second < 20; second += 1) {
        const even = Math.ceil(powerOfTwo.requestsPerSecond[second] / 40);
        const gap = powerOfTwo.maxLoadPerSecond[second] - even;
        expect(gap).toBeGreaterThanOrEqual(0);
        expect(gap).toBeLessThanOrEqual(3);
      }
    });

    it("leaves random's busiest VM over 100 requests above the even split", () => {
      // E[max] ≈ 5,000 + 2.2 standard deviations of √5,000 ≈ 70.7 for 40
      // VMs (the mean maximum of 40 normals is 2.25 σ).
      const { random } = runs;
      const gaps = Array.from(
        random.maxLoadPerSecond,
        (load, second) =>
          load - Math.ceil(random.requestsPerSecond[second] / 40),
      );
      expect(mean(gaps)).toBeGreaterThan(100);
    });

    it("reports each strategy's busiest-VM statistics", () => {
      expect(runs.random.maxLoad.mean).toBeGreaterThan(
        runs.powerOfTwo.maxLoad.mean,
      );
      expect(runs.powerOfTwo.maxLoad.mean).toBeGreaterThanOrEqual(
        runs.roundRobin.maxLoad.mean - 20,
      );
      expect(runs.random.maxLoad.p99).toBeLessThanOrEqual(
        runs.random.maxLoad.max,
      );
    });
  });
});
