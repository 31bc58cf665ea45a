import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  poissonCdf,
  poissonExpectedExcess,
  poissonLogPmf,
  poissonTailProbability,
} from "../lib/index.js";
import {
  expectRelative,
  referenceExcess,
  referenceLogPmf,
  referenceLowerTail,
  referenceUpperTail,
} from "./helpers/poissonReference.js";

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
