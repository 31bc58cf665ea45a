import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fractionalMachines, machinesRequired } from "../lib/index.js";

describe("machinesRequired", () => {
  describe("with the exercise's machines", () => {
    it("needs 40 VMs for 200,000 req/s", () => {
      // 200,000 / 5,000 = 40 exactly.
      expect(machinesRequired({ targetRps: 200000, capacityRps: 5000 })).toBe(
        40,
      );
    });

    it("rounds a part of a server up to a whole server", () => {
      // 50,000 / 200,000 = 0.25, and one cannot rent a quarter server.
      expect(machinesRequired({ targetRps: 50000, capacityRps: 200000 })).toBe(
        1,
      );
    });

    it("adds the spares after rounding", () => {
      // ceil(500,000 / 200,000) = 3, plus 2 spares.
      const plan = { targetRps: 500000, capacityRps: 200000, spares: 2 };
      expect(machinesRequired(plan)).toBe(5);
    });
  });

  describe("at a capacity boundary", () => {
    it("does not add a VM when utilization times capacity is a float trap", () => {
      // As floats 100 × 0.57 = 56.99999999999999, and 570 / that > 10.
      // Exactly, each VM carries 57 req/s and 10 carry 570.
      const plan = {
        targetRps: 570,
        capacityRps: 100,
        targetUtilization: 0.57,
      };
      expect(machinesRequired(plan)).toBe(10);
    });

    it("adds a VM for one request per second over the boundary", () => {
      const plan = {
        targetRps: 571,
        capacityRps: 100,
        targetUtilization: 0.57,
      };
      expect(machinesRequired(plan)).toBe(11);
    });

    it("plans a 0.8 utilization on whole machines", () => {
      // 200,000 / (5,000 × 0.8) = 50 exactly.
      const plan = {
        targetRps: 200000,
        capacityRps: 5000,
        targetUtilization: 0.8,
      };
      expect(machinesRequired(plan)).toBe(50);
    });

    it("is exact for any whole number of machines at any two-decimal utilization", () => {
      const plans = fc.record({
        machines: fc.integer({ min: 1, max: 100000 }),
        capacityRps: fc.integer({ min: 1, max: 1000000 }),
        percent: fc.integer({ min: 1, max: 100 }),
      });
      fc.assert(
        fc.property(plans, ({ machines, capacityRps, percent }) => {
          // The target is built exactly as machines × capacity × percent / 100
          // with integer arithmetic, so the answer is `machines` and one more
          // request needs one more machine.
          const utilization = `${Math.floor(percent / 100)}.${String(percent % 100).padStart(2, "0")}`;
          const hundredths =
            BigInt(machines) * BigInt(capacityRps) * BigInt(percent);
          const target = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, "0")}`;
          const plan = { capacityRps, targetUtilization: utilization };
          expect(machinesRequired({ ...plan, targetRps: target })).toBe(
            machines,
          );
          const over = `${hundredths / 100n}.${String((hundredths % 100n) + 1n).padStart(2, "0")}`;
          if (hundredths % 100n !== 99n) {
            expect(machinesRequired({ ...plan, targetRps: over })).toBe(
              machines + 1,
            );
          }
        }),
      );
    });
  });

  describe("as traffic grows", () => {
    it("never needs fewer machines for more traffic", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e9 }),
          fc.integer({ min: 0, max: 1e9 }),
          fc.integer({ min: 1, max: 1e6 }),
          fc.integer({ min: 1, max: 100 }),
          (target, extra, capacityRps, percent) => {
            const plan = { capacityRps, targetUtilization: percent / 100 };
            const less = machinesRequired({ ...plan, targetRps: target });
            const more = machinesRequired({
              ...plan,
              targetRps: target + extra,
            });
            expect(more).toBeGreaterThanOrEqual(less);
          },
        ),
      );
    });
  });
});

describe("fractionalMachines", () => {
  it("leaves a part of a server as a fraction", () => {
    // 50,000 / 200,000 = 1/4.
    const servers = fractionalMachines({
      targetRps: 50000,
      capacityRps: 200000,
    });
    expect(servers.toString()).toBe("0.25");
  });
});
