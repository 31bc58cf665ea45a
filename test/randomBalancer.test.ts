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
  randomBalancerCurve,
  randomBalancerFigures,
  randomBalancerRow,
  vmsForOverloadBudget,
} from "../lib/index.js";
import {
  expectRelative,
  referenceExcess,
  referenceUpperTail,
} from "./helpers/poissonReference.js";

const data = loadWorkbookData("data");
const E = Math.E;

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
