import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exact,
  healthCheckLoss,
  loadWorkbookData,
  poolAvailability,
  redundancyComparison,
  sparesForAvailability,
} from "../lib/index.js";

const data = loadWorkbookData("data");
const { assumptions } = data;
const Precise = Decimal.clone({ precision: 60 });

/**
 * The binomial sums as exact fractions: with a = up / scale, the chance
 * that at most k of M machines are down is
 * Σ_{j≤k} C(M, j) (scale - up)^j up^(M-j) / scale^M, in BigInt, then
 * divided once in 60-digit decimals.
 */
function exactAvailability(
  required: number,
  spares: number,
  up: bigint,
  scale: bigint,
) {
  const machines = required + spares;
  const down = scale - up;
  let choose = 1n;
  let enough = 0n;
  for (let j = 0; j <= spares; j += 1) {
    enough += choose * down ** BigInt(j) * up ** BigInt(machines - j);
    choose = (choose * BigInt(machines - j)) / BigInt(j + 1);
  }
  const total = scale ** BigInt(machines);
  return {
    availability: new Precise(enough.toString())
      .div(total.toString())
      .toNumber(),
    unavailability: new Precise((total - enough).toString())
      .div(total.toString())
      .toNumber(),
  };
}

function expectRelative(actual: number, expected: number, within: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    within * Math.abs(expected),
  );
}

describe("healthCheckLoss", () => {
  describe("for the exercise's 40 VMs at 200,000 req/s, checked every 10 s", () => {
    const loss = healthCheckLoss({ targetRps: 200000, vms: 40 }, assumptions);

    it("loses 25,000 requests per failure on average and 50,000 at worst", () => {
      // 200,000 / 40 = 5,000 req/s to the dead VM for 5 s on average
      // (failure uniform in the 10 s interval) and 10 s at worst.
      expect(loss.rpsPerVm.toString()).toBe("5000");
      expect(loss.expectedRequestsLostPerFailure.toString()).toBe("25000");
      expect(loss.worstRequestsLostPerFailure.toString()).toBe("50000");
    });

    it("sees 6.58 failures and loses 164,384 requests a month", () => {
      // 40 VMs × 2 a year × (24 × 30) / (24 × 365) = 5,760 / 876 failures;
      // × 25,000 = 144,000,000 / 876 requests.
      expect(loss.failuresPerMonth.toString()).toBe(
        exact(5760).div(876).toString(),
      );
      expect(loss.expectedRequestsLostPerMonth.toString()).toBe(
        exact(144000000).div(876).toString(),
      );
    });

    it("loses 3.2 in 10 million requests a month", () => {
      // Over 200,000 × 3,600 × 720 = 518,400,000,000 requests a month.
      expect(loss.lostFractionPerMonth.toString()).toBe(
        exact(144000000).div(876).div(518400000000).toString(),
      );
    });
  });

  describe("for any pool size", () => {
    it("loses the same number of requests a month", () => {
      // vms × (R / vms) × T / 2 × rate: the pool size cancels out.
      const reference = healthCheckLoss(
        { targetRps: 200000, vms: 1 },
        assumptions,
      ).expectedRequestsLostPerMonth;
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100000 }), (vms) => {
          const loss = healthCheckLoss({ targetRps: 200000, vms }, assumptions);
          const difference = loss.expectedRequestsLostPerMonth
            .minus(reference)
            .abs();
          expect(difference.lte(reference.times("1e-35"))).toBe(true);
        }),
      );
    });
  });
});

describe("poolAvailability", () => {
  describe("for tiny pools, by hand", () => {
    it("keeps one of two servers up with probability 1 - 0.001²", () => {
      const pool = poolAvailability({
        requiredMachines: 1,
        spareMachines: 1,
        machineAvailability: "0.999",
      });
      expectRelative(pool.unavailability, 1e-6, 1e-14);
      expect(pool.availability).toBeCloseTo(0.999999, 15);
    });

    it("keeps 1e-18 when all six of one-needed-plus-five are needed down", () => {
      // Only "all 6 down" fails: 0.001^6, which 1 - availability would lose.
      const pool = poolAvailability({
        requiredMachines: 1,
        spareMachines: 5,
        machineAvailability: "0.999",
      });
      expectRelative(pool.unavailability, 1e-18, 1e-13);
    });
  });

  describe("against exact fractions", () => {
    it("agrees to 1e-13 for 40 VMs with 0 to 3 spares", () => {
      for (const spares of [0, 1, 2, 3]) {
        const reference = exactAvailability(40, spares, 999n, 1000n);
        const pool = poolAvailability({
          requiredMachines: 40,
          spareMachines: spares,
          machineAvailability: "0.999",
        });
        expectRelative(pool.availability, reference.availability, 1e-13);
        expectRelative(pool.unavailability, reference.unavailability, 1e-12);
      }
    });

    it("agrees to 1e-12 for 2,000 VMs with 9 spares", () => {
      const reference = exactAvailability(2000, 9, 999n, 1000n);
      const pool = poolAvailability({
        requiredMachines: 2000,
        spareMachines: 9,
        machineAvailability: "0.999",
      });
      expectRelative(pool.availability, reference.availability, 1e-12);
      expectRelative(pool.unavailability, reference.unavailability, 1e-11);
    });
  });

  describe("as spares are added", () => {
    it("never falls, stays in [0, 1] and adds up to 1", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 3000 }),
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 1, max: 99999 }),
          (required, spares, upPer100000) => {
            const machineAvailability = exact(upPer100000).div(100000);
            const pool = { requiredMachines: required, machineAvailability };
            const fewer = poolAvailability({ ...pool, spareMachines: spares });
            const more = poolAvailability({
              ...pool,
              spareMachines: spares + 1,
            });
            expect(fewer.availability).toBeGreaterThanOrEqual(0);
            expect(fewer.availability).toBeLessThanOrEqual(1);
            expect(fewer.availability + fewer.unavailability).toBeCloseTo(
              1,
              12,
            );
            expect(more.availability).toBeGreaterThanOrEqual(
              fewer.availability - 1e-15,
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe("with an availability of 0", () => {
    it("throws, naming the value", () => {
      expect(() =>
        poolAvailability({
          requiredMachines: 1,
          spareMachines: 0,
          machineAvailability: 0,
        }),
      ).toThrow("machineAvailability must be greater than 0 and at most 1");
    });
  });
});

describe("sparesForAvailability", () => {
  describe("for the exercise at 99.99%", () => {
    it("gives 40 VMs two spares, since one leaves 99.918%", () => {
      // Exact: 41 VMs keep 40 up with 0.999^41 + 41 × 0.001 × 0.999^40.
      const one = exactAvailability(40, 1, 999n, 1000n).availability;
      const two = exactAvailability(40, 2, 999n, 1000n).availability;
      expect(one).toBeLessThan(0.9999);
      expect(two).toBeGreaterThanOrEqual(0.9999);
      expect(
        sparesForAvailability({
          requiredMachines: 40,
          machineAvailability: "0.999",
          targetAvailability: "0.9999",
        }),
      ).toBe(2);
    });

    it("gives the server one spare: 1 - 0.001² = 99.9999%", () => {
      expect(
        sparesForAvailability({
          requiredMachines: 1,
          machineAvailability: "0.999",
          targetAvailability: "0.9999",
        }),
      ).toBe(1);
    });
  });

  describe("for any pool and target", () => {
    it("finds the fewest spares that reach the target", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 3000 }),
          fc.integer({ min: 900000, max: 999999 }),
          fc.integer({ min: 1, max: 999999 }),
          (required, upPerMillion, targetPerMillion) => {
            const query = {
              requiredMachines: required,
              machineAvailability: exact(upPerMillion).div(1e6),
              targetAvailability: exact(targetPerMillion).div(1e6),
            };
            const spares = sparesForAvailability(query);
            const target = targetPerMillion / 1e6;
            const reached = (k: number) =>
              poolAvailability({ ...query, spareMachines: k }).availability;
            expect(reached(spares)).toBeGreaterThanOrEqual(target);
            if (spares > 0) expect(reached(spares - 1)).toBeLessThan(target);
          },
        ),
        { numRuns: 100 },
      );
    });
  });
});

describe("redundancyComparison", () => {
  describe("at 200,000 req/s", () => {
    const redundant = redundancyComparison(200000, data);

    it("adds 2 VMs to 40: $0.84 an hour, $604.80 a month", () => {
      expect(redundant.vms.machines).toBe(42);
      expect(redundant.vms.cost.usdPerHour.toString()).toBe("0.84");
      expect(redundant.vms.cost.usdPerMonth.toString()).toBe("604.8");
    });

    it("doubles the server bill: 2 servers, $2.50 an hour, $1,800 a month", () => {
      expect(redundant.servers.machines).toBe(2);
      expect(redundant.servers.cost.usdPerHour.toString()).toBe("2.5");
      expect(redundant.servers.cost.usdPerMonth.toString()).toBe("1800");
    });

    it("leaves 40 VMs without spares short 3.9% of the time", () => {
      // 1 - 0.999^40, from the exact fraction.
      const reference = exactAvailability(40, 0, 999n, 1000n);
      expectRelative(
        redundant.vms.withoutSpares.unavailability,
        reference.unavailability,
        1e-12,
      );
      expect(redundant.vms.withoutSpares.unavailability).toBeCloseTo(0.0392, 4);
    });

    it("reads short minutes a month off the unavailability", () => {
      // 1e-6 of 24 × 30 × 60 = 43,200 minutes.
      expect(redundant.servers.shortMinutesPerMonth).toBeCloseTo(0.0432, 10);
    });
  });
});
