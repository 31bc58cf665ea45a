import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  budgetedPool,
  budgetedPoolTable,
  compare,
  defaultAssumptions,
  exact,
  loadWorkbookData,
  overloadProbabilityPerSecond,
  poissonCdf,
  poissonExpectedExcess,
  poissonLogPmf,
  poissonTailProbability,
  randomBalancerCurve,
  randomBalancerFigures,
  randomBalancerRow,
  vmsForOverloadBudget,
} from "../lib/index.js";

// The reference values below do not use the library's method (incomplete
// gamma, Loader's saddle point). They are summed term by term: the first
// term's logarithm, -λ + k ln λ - ln k!, is worked out in 50-digit decimals
// (ln k! as an exact product for k < 200, else the Stirling series to the
// k^-13 term, whose error is below k^-15), then the neighbours follow by
// the ratio P(X = j + 1) / P(X = j) = λ / (j + 1) in doubles.
const Big = Decimal.clone({ precision: 50 });
const LN_2PI = Big.acos(-1).times(2).ln();
const STIRLING: [number, number][] = [
  [1, 12],
  [-1, 360],
  [1, 1260],
  [-1, 1680],
  [1, 1188],
  [-691, 360360],
  [1, 156],
];

function referenceLnFactorial(count: number): Decimal {
  if (count < 200) {
    let product = new Big(1);
    for (let i = 2; i <= count; i += 1) product = product.times(i);
    return product.ln();
  }
  const k = new Big(count);
  let sum = k.plus(0.5).times(k.ln()).minus(k).plus(LN_2PI.div(2));
  let power = k;
  for (const [numerator, denominator] of STIRLING) {
    sum = sum.plus(new Big(numerator).div(power.times(denominator)));
    power = power.times(k).times(k);
  }
  return sum;
}

function referenceLogPmf(meanCount: number, count: number): number {
  const mean = new Big(meanCount);
  return mean
    .neg()
    .plus(mean.ln().times(count))
    .minus(referenceLnFactorial(count))
    .toNumber();
}

/** P(X > k), summed upward from k + 1 (use with k above the mean). */
function referenceUpperTail(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count + 1; relative > 1e-18 * sum; j += 1) {
    sum += relative;
    relative *= meanCount / (j + 1);
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count + 1));
}

/** P(X ≤ k), summed downward from k (use with k below the mean). */
function referenceLowerTail(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count; j >= 0 && relative > 1e-18 * sum; j -= 1) {
    sum += relative;
    relative *= j / meanCount;
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count));
}

/** E[(X - c)+] = Σ_{j>c} (j - c) P(X = j), through and past the mode. */
function referenceExcess(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count + 1; ; j += 1) {
    const term = (j - count) * relative;
    sum += term;
    if (j > meanCount && term < 1e-18 * sum) break;
    relative *= meanCount / (j + 1);
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count + 1));
}

function expectRelative(actual: number, expected: number, within: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    within * Math.abs(expected),
  );
}

const data = loadWorkbookData("data");
const E = Math.E;

describe("poissonLogPmf", () => {
  describe("for small counts", () => {
    it("gives e^-1 for no event and for one event at a mean of 1", () => {
      // P(X = 0) = P(X = 1) = e^-1 by hand.
      expectRelative(Math.exp(poissonLogPmf(1, 0)), 1 / E, 1e-15);
      expectRelative(Math.exp(poissonLogPmf(1, 1)), 1 / E, 1e-15);
    });

    it("gives 4e^-2/3 for three events at a mean of 2", () => {
      // 2^3 e^-2 / 3! by hand.
      expectRelative(Math.exp(poissonLogPmf(2, 3)), 4 / 3 / E ** 2, 1e-14);
    });

    it("gives minus infinity for a negative or fractional count", () => {
      expect(poissonLogPmf(3, -1)).toBe(-Infinity);
      expect(poissonLogPmf(3, 1.5)).toBe(-Infinity);
    });
  });

  describe("for large means", () => {
    it("matches the 50-digit reference to 1e-12 up to a mean of 1e9", () => {
      const cases: [number, number][] = [
        [5000, 5000],
        [5000, 5400],
        [4651.16, 4400],
        [1e6, 1e6 + 5000],
        [1e9, 1e9],
        [1e9, 1e9 - 200000],
        [1e9, 1e9 + 221000],
      ];
      for (const [meanCount, count] of cases) {
        // An absolute error in the logarithm is a relative one in P.
        const reference = referenceLogPmf(meanCount, count);
        const error = Math.abs(poissonLogPmf(meanCount, count) - reference);
        expect(error).toBeLessThan(1e-12);
      }
    });
  });
});

describe("poissonTailProbability", () => {
  describe("for a mean of 1", () => {
    it("gives 1 - 1/e above 0 and 1 - 2/e above 1", () => {
      // P(X > 0) = 1 - e^-1; P(X > 1) = 1 - e^-1 - e^-1, by hand.
      expectRelative(poissonTailProbability(1, 0), 1 - 1 / E, 1e-15);
      expectRelative(poissonTailProbability(1, 1), 1 - 2 / E, 1e-15);
    });
  });

  describe("against term-by-term summation", () => {
    it("agrees to 1e-10 from 1e-12 to 1e-300, means 0.5 to 1e9", () => {
      const cases: [number, number][] = [
        [0.5, 12],
        [5, 25],
        [50, 80],
        [5000, 5000],
        [4651.16, 5000],
        [4545.45, 5000],
        [4000, 5000],
        [1e6, 1e6 + 7000],
        [1e9, 1e9 + 221000],
        [1e9, 1e9 + 31623],
      ];
      for (const [meanCount, count] of cases) {
        expectRelative(
          poissonTailProbability(meanCount, count),
          referenceUpperTail(meanCount, count),
          1e-10,
        );
      }
    });

    it("reaches the 1e-12 region at a mean of 1e9", () => {
      const tail = poissonTailProbability(1e9, 1e9 + 221000);
      expect(tail).toBeGreaterThan(1e-13);
      expect(tail).toBeLessThan(1e-11);
    });
  });

  describe("as a probability", () => {
    it("stays in [0, 1], falls with the count and rises with the mean", () => {
      fc.assert(
        fc.property(
          fc.double({ min: 0.01, max: 1e7, noNaN: true }),
          fc.integer({ min: 0, max: 2e7 }),
          (meanCount, count) => {
            const tail = poissonTailProbability(meanCount, count);
            expect(tail).toBeGreaterThanOrEqual(0);
            expect(tail).toBeLessThanOrEqual(1);
            expect(
              poissonTailProbability(meanCount, count + 1),
            ).toBeLessThanOrEqual(tail);
            expect(
              poissonTailProbability(meanCount * 1.01, count),
            ).toBeGreaterThanOrEqual(tail);
          },
        ),
      );
    });
  });
});

describe("poissonCdf", () => {
  it("gives 2/e at and below 1 for a mean of 1", () => {
    expectRelative(poissonCdf(1, 1), 2 / E, 1e-15);
  });

  it("keeps its digits where the upper tail is nearly 1", () => {
    // 1 - poissonTailProbability would be 0 or 1e-16 here.
    for (const [meanCount, count] of [
      [5000, 4500],
      [1e9, 1e9 - 221000],
    ] as const) {
      expectRelative(
        poissonCdf(meanCount, count),
        referenceLowerTail(meanCount, count),
        1e-10,
      );
    }
  });

  it("matches mpmath where the incomplete gamma of stdlib is 0.2% off", () => {
    // mpmath 1.3, gammainc(4501, 5000, inf, regularized=True), 40 digits;
    // stdlib's gammainc(5000, 4501, true, true) gives 3.3817e-13.
    expectRelative(poissonCdf(5000, 4500), 3.375171830154026e-13, 1e-12);
  });

  it("adds up with the upper tail to 1", () => {
    for (const meanCount of [0.3, 7, 5000, 1e9]) {
      const count = Math.round(meanCount);
      expect(
        poissonCdf(meanCount, count) + poissonTailProbability(meanCount, count),
      ).toBeCloseTo(1, 13);
    }
  });
});

describe("poissonExpectedExcess", () => {
  describe("for a mean of 1", () => {
    it("gives the mean above 0 and 1/e above 1", () => {
      // E[(X - 1)+] = E[X] - 1 + P(X = 0) = 1/e, by hand.
      expectRelative(poissonExpectedExcess(1, 0), 1, 1e-15);
      expectRelative(poissonExpectedExcess(1, 1), 1 / E, 1e-14);
    });
  });

  describe("against term-by-term summation", () => {
    it("agrees to 1e-9 near the mean and far into the tail", () => {
      const cases: [number, number][] = [
        [3, 10],
        [5000, 5000],
        [5000, 4800],
        [4878.05, 5000],
        [4651.16, 5000],
        [4000, 5000],
        [2000, 5000],
        [1e6, 1e6 + 1000],
        [1e6, 1e6 + 8000],
      ];
      for (const [meanCount, count] of cases) {
        expectRelative(
          poissonExpectedExcess(meanCount, count),
          referenceExcess(meanCount, count),
          1e-9,
        );
      }
    });
  });
});

describe("randomBalancerFigures", () => {
  describe("for two VMs of 1 req/s at 2 req/s", () => {
    const figures = randomBalancerFigures({
      targetRps: 2,
      capacityRps: 1,
      vms: 2,
    });

    it("overloads one VM with probability 1 - 2/e", () => {
      expectRelative(figures.pVmOverload, 1 - 2 / E, 1e-15);
    });

    it("overloads some VM with probability 1 - (2/e)^2", () => {
      expectRelative(figures.pAnyOverloadPerSecond, 1 - (2 / E) ** 2, 1e-15);
    });

    it("drops 2 × (1/e) / 2 = 1/e of the requests", () => {
      expectRelative(figures.droppedFraction, 1 / E, 1e-14);
    });
  });

  describe("for the exercise's 40 VMs at 200,000 req/s", () => {
    const figures = randomBalancerFigures({
      targetRps: 200000,
      capacityRps: 5000,
      vms: 40,
    });

    it("overloads each VM in about half of all seconds", () => {
      expectRelative(
        figures.pVmOverload,
        referenceUpperTail(5000, 5000),
        1e-12,
      );
      // mpmath 1.3, gammainc(5001, 0, 5000, regularized=True), 40 digits.
      expectRelative(figures.pVmOverload, 0.4962388322291533, 1e-13);
    });

    it("overloads some VM in practically every second", () => {
      // 1 - (1 - p)^40 with p from the reference: 1 - 1.2e-12.
      const none = (1 - referenceUpperTail(5000, 5000)) ** 40;
      expect(figures.pAnyOverloadPerSecond).toBeCloseTo(1 - none, 15);
      expect(figures.pAnyOverloadPerSecond).toBeLessThan(1);
    });

    it("drops about 0.56% of the requests", () => {
      const reference = (40 * referenceExcess(5000, 5000)) / 200000;
      expectRelative(figures.droppedFraction, reference, 1e-12);
      expect(figures.droppedFraction).toBeCloseTo(0.00564, 5);
    });
  });

  describe("for a pool well over the traffic", () => {
    it("keeps a risk of 1e-10 instead of rounding it to 0", () => {
      // 44 VMs: 1 - (1 - p)^44 ≈ 44p for p ≈ 1.5e-11.
      const figures = randomBalancerFigures({
        targetRps: 200000,
        capacityRps: 5000,
        vms: 44,
      });
      const p = referenceUpperTail(200000 / 44, 5000);
      expectRelative(figures.pAnyOverloadPerSecond, 44 * p, 1e-9);
    });
  });

  describe("with a pool size no balancer has", () => {
    it("throws for 0 or a fraction of a VM", () => {
      const pool = { targetRps: 1, capacityRps: 1 };
      expect(() => randomBalancerFigures({ ...pool, vms: 0 })).toThrow(
        "vms must be a whole number of 1 or more, got 0",
      );
      expect(() => randomBalancerFigures({ ...pool, vms: 2.5 })).toThrow(
        "got 2.5",
      );
    });
  });
});

describe("overloadProbabilityPerSecond", () => {
  it("never rises when a VM is added, and stays in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e8 }),
        fc.integer({ min: 1, max: 100000 }),
        fc.integer({ min: 1, max: 5000 }),
        (targetRps, capacityRps, vms) => {
          const pool = { targetRps, capacityRps };
          const fewer = overloadProbabilityPerSecond({ ...pool, vms });
          const more = overloadProbabilityPerSecond({ ...pool, vms: vms + 1 });
          expect(fewer).toBeGreaterThanOrEqual(0);
          expect(fewer).toBeLessThanOrEqual(1);
          // A hair of float slack where both round to 1.
          expect(more).toBeLessThanOrEqual(fewer + 1e-15);
        },
      ),
    );
  });
});

describe("randomBalancerCurve", () => {
  it("gives one point per pool size, the same as the figures", () => {
    const pool = { targetRps: 200000, capacityRps: 5000 };
    const curve = randomBalancerCurve(pool, 38, 45);
    expect(curve.map((point) => point.vms)).toEqual([
      38, 39, 40, 41, 42, 43, 44, 45,
    ]);
    expect(curve[2]).toEqual(randomBalancerFigures({ ...pool, vms: 40 }));
  });
});

describe("vmsForOverloadBudget", () => {
  describe("for the shipped data", () => {
    it("asks for 43 VMs where 42 break the 1% budget", () => {
      const query = {
        targetRps: 200000,
        capacityRps: 5000,
        overloadBudget: 0.01,
      };
      expect(vmsForOverloadBudget(query)).toBe(43);
      // 1 - (1 - p)^42 with the reference p ≈ 3.0e-4 is 1.25%.
      const p42 = referenceUpperTail(200000 / 42, 5000);
      expect(1 - (1 - p42) ** 42).toBeGreaterThan(0.01);
      const p43 = referenceUpperTail(200000 / 43, 5000);
      expect(1 - (1 - p43) ** 43).toBeLessThan(0.01);
    });
  });

  describe("for any traffic, capacity and budget", () => {
    it("finds the smallest pool that meets the budget", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e8 }),
          fc.integer({ min: 1, max: 100000 }),
          fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
          (targetRps, capacityRps, overloadBudget) => {
            const query = { targetRps, capacityRps, overloadBudget };
            const vms = vmsForOverloadBudget(query);
            const fewest = Math.ceil(targetRps / capacityRps);
            const pool = { targetRps, capacityRps };
            if (vms === Infinity) {
              // Only when even 2^53 VMs break the budget.
              const most = Number.MAX_SAFE_INTEGER;
              expect(
                overloadProbabilityPerSecond({ ...pool, vms: most }),
              ).toBeGreaterThan(overloadBudget);
              return;
            }
            expect(vms).toBeGreaterThanOrEqual(fewest);
            expect(
              overloadProbabilityPerSecond({ ...pool, vms }),
            ).toBeLessThanOrEqual(overloadBudget);
            if (vms > fewest) {
              expect(
                overloadProbabilityPerSecond({ ...pool, vms: vms - 1 }),
              ).toBeGreaterThan(overloadBudget);
            }
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe("for a VM that cannot serve one request per second", () => {
    it("gives Infinity: every request overloads it, whatever the pool", () => {
      const query = { targetRps: 10, capacityRps: 0.5, overloadBudget: 0.01 };
      expect(vmsForOverloadBudget(query)).toBe(Infinity);
    });
  });
});

describe("budgetedPool", () => {
  const calendar = defaultAssumptions();

  describe("at 200,000 req/s", () => {
    const pool = budgetedPool(200000, data.vm, "0.01", calendar);

    it("adds 3 VMs to the exercise's 40, a 7.5% premium", () => {
      expect(pool.exerciseVms).toBe(40);
      expect(pool.budgetedVms).toBe(43);
      expect(pool.premiumVms).toBe(3);
      expect(pool.premiumFraction).toBeCloseTo(0.075, 12);
    });

    it("costs 43 × $0.02 = $0.86 an hour, $619.20 a month", () => {
      expect(pool.budgetedCost.usdPerHour.toString()).toBe("0.86");
      expect(pool.budgetedCost.usdPerMonth.toString()).toBe("619.2");
    });
  });

  describe("across the shipped scenarios", () => {
    it("never asks for twice the exercise's pool", () => {
      for (const { targetRps } of data.scenarios) {
        const pool = budgetedPool(targetRps, data.vm, "0.01", calendar);
        expect(pool.budgetedVms).toBeLessThan(2 * pool.exerciseVms);
        expect(pool.budgeted.pAnyOverloadPerSecond).toBeLessThanOrEqual(0.01);
      }
    });
  });
});

describe("budgetedPoolTable", () => {
  it("sizes every shipped scenario, the premium settling near 6-8%", () => {
    const table = budgetedPoolTable(data);
    expect(table.map((row) => row.name)).toEqual(
      data.scenarios.map((scenario) => scenario.name),
    );
    expect(table.map((row) => row.exerciseVms)).toEqual([
      10, 20, 40, 100, 200, 1000, 2000,
    ]);
    for (const row of table) {
      // Minimal: one VM fewer breaks the 1% budget.
      const pool = { targetRps: row.targetRps, capacityRps: 5000 };
      const fewer = overloadProbabilityPerSecond({
        ...pool,
        vms: row.budgetedVms - 1,
      });
      expect(fewer).toBeGreaterThan(0.01);
      expect(row.budgeted.pAnyOverloadPerSecond).toBeLessThanOrEqual(0.01);
    }
  });
});

describe("randomBalancerRow", () => {
  it("reads the comparison's pool, spares included", () => {
    const assumptions = { ...data.assumptions, redundancySpares: exact(2) };
    const row = compare(200000, { ...data, assumptions });
    const figures = randomBalancerRow(row, "0.01");
    expect(figures.vms).toBe(42);
    expect(figures.vmsForOverloadBudget).toBe(43);
    expect(figures).toMatchObject(
      randomBalancerFigures({ targetRps: 200000, capacityRps: 5000, vms: 42 }),
    );
  });
});
