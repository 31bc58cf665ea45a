import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PeriodCosts } from "../lib/index.js";
import {
  compare,
  defaultAssumptions,
  exact,
  loadWorkbookData,
  periodCosts,
  usdPerHourPer1000Rps,
} from "../lib/index.js";

// Every expected figure below was worked out by hand from the exercise's
// machines ($0.02/h and 5,000 req/s per VM, $1.25/h and 200,000 req/s per
// server) and calendar (24 h days, 30-day months, 365-day years).
const data = loadWorkbookData("data");

function dollars(cost: PeriodCosts) {
  return {
    hour: cost.usdPerHour.toString(),
    day: cost.usdPerDay.toString(),
    month: cost.usdPerMonth.toString(),
    year: cost.usdPerYear.toString(),
  };
}

describe("periodCosts", () => {
  it("reads $0.80 an hour as $19.20 a day, $576 a month and $7,008 a year", () => {
    // 0.80 × 24 = 19.20; × 30 = 576; × 365 = 7,008.
    const cost = periodCosts("0.8", defaultAssumptions());
    expect(dollars(cost)).toEqual({
      hour: "0.8",
      day: "19.2",
      month: "576",
      year: "7008",
    });
  });

  it("makes a year longer than 12 of the exercise's months", () => {
    // 365 days against 12 × 30 = 360 days: 7,008 against 6,912.
    const cost = periodCosts("0.8", defaultAssumptions());
    expect(cost.usdPerYear.toNumber()).toBe(7008);
    expect(cost.usdPerMonth.times(12).toNumber()).toBe(6912);
  });
});

describe("compare", () => {
  describe("at 200,000 req/s", () => {
    const row = compare(200000, data);

    it("needs 40 VMs or one server", () => {
      expect([row.vms.count, row.servers.count]).toEqual([40, 1]);
    });

    it("costs the VMs $0.80/h, $19.20/day, $576/month and $7,008/year", () => {
      // 40 × 0.02 = 0.80, then the calendar as above.
      expect(dollars(row.vms.cost)).toEqual({
        hour: "0.8",
        day: "19.2",
        month: "576",
        year: "7008",
      });
    });

    it("costs the server $1.25/h, $30/day, $900/month and $10,950/year", () => {
      // 1.25 × 24 = 30; × 30 = 900; × 365 = 10,950.
      expect(dollars(row.servers.cost)).toEqual({
        hour: "1.25",
        day: "30",
        month: "900",
        year: "10950",
      });
    });

    it("saves $0.45/h, $10.80/day, $324/month and $3,942/year, or 36%", () => {
      // 1.25 - 0.80 = 0.45; 30 - 19.20 = 10.80; 900 - 576 = 324;
      // 10,950 - 7,008 = 3,942; 0.45 / 1.25 = 0.36.
      expect(dollars(row.savings)).toEqual({
        hour: "0.45",
        day: "10.8",
        month: "324",
        year: "3942",
      });
      expect(row.savingsFraction.toNumber()).toBe(0.36);
    });

    it("gives both fleets a capacity of 200,000 req/s", () => {
      expect(row.vms.capacityRps.toNumber()).toBe(200000);
      expect(row.servers.capacityRps.toNumber()).toBe(200000);
    });
  });

  describe("at 10,000,000 req/s", () => {
    const row = compare(10000000, data);

    it("needs 2,000 VMs at $40/h, $960/day and $28,800/month", () => {
      // 10,000,000 / 5,000 = 2,000; × 0.02 = 40; × 24 = 960; × 30 = 28,800.
      expect(row.vms.count).toBe(2000);
      expect(dollars(row.vms.cost)).toMatchObject({
        hour: "40",
        day: "960",
        month: "28800",
      });
    });

    it("needs 50 servers at $62.50/h and $45,000/month", () => {
      // 10,000,000 / 200,000 = 50; × 1.25 = 62.50; × 720 = 45,000.
      expect(row.servers.count).toBe(50);
      expect(dollars(row.servers.cost)).toMatchObject({
        hour: "62.5",
        month: "45000",
      });
    });

    it("saves $16,200 a month", () => {
      expect(row.savings.usdPerMonth.toNumber()).toBe(16200);
    });
  });

  describe("per 1,000 req/s", () => {
    it("costs $0.004/h on VMs and $0.00625/h on a full server", () => {
      // 0.02 / 5 = 0.004; 1.25 / 200 = 0.00625.
      expect(usdPerHourPer1000Rps("0.02", 5000).toString()).toBe("0.004");
      expect(usdPerHourPer1000Rps("1.25", 200000).toString()).toBe("0.00625");
    });

    it("costs $0.025/h on a server a quarter full", () => {
      // One whole server for 50,000 req/s: 1.25 / 50 = 0.025.
      expect(compare(50000, data).servers.usdPerHourPer1000Rps.toString()).toBe(
        "0.025",
      );
    });
  });

  describe("with spares and a utilization target", () => {
    it("adds the spares to both architectures", () => {
      // ceil(200,000 / 4,000) + 2 = 52 VMs; ceil(200,000 / 160,000) + 2 = 4 servers.
      const assumptions = {
        ...data.assumptions,
        targetUtilization: exact("0.8"),
        redundancySpares: exact(2),
      };
      const row = compare(200000, { ...data, assumptions });
      expect([row.vms.count, row.servers.count]).toEqual([52, 4]);
    });
  });

  describe("as traffic grows", () => {
    it("never makes either architecture cheaper", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 1e8 }),
          fc.integer({ min: 0, max: 1e8 }),
          (target, extra) => {
            const less = compare(target, data);
            const more = compare(target + extra, data);
            expect(more.vms.cost.usdPerHour.gte(less.vms.cost.usdPerHour)).toBe(
              true,
            );
            expect(
              more.servers.cost.usdPerHour.gte(less.servers.cost.usdPerHour),
            ).toBe(true);
          },
        ),
      );
    });

    it("saves the same share whenever the target fills whole machines of both kinds", () => {
      // Multiples of 200,000 req/s fill whole servers and whole VMs, and
      // 40 VMs cost 0.80 against 1.25 for every 200,000 req/s.
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100000 }), (multiple) => {
          const row = compare(200000 * multiple, data);
          expect(row.savingsFraction.toString()).toBe("0.36");
        }),
      );
    });
  });
});
