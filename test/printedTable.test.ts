import { describe, expect, it } from "vitest";
import {
  checkPrintedTable,
  loadPrintedTable,
  loadWorkbookData,
} from "../lib/index.js";

const data = loadWorkbookData("data");
const checks = checkPrintedTable(loadPrintedTable(), data);
const byTarget = new Map(
  checks.map((check) => [check.printed.targetRps.toNumber(), check]),
);

// Right figures for both readings of the single-server column, by hand:
// fractional = target / 200,000 × 1.25 × 720 hours; whole = ceil(target /
// 200,000) × 900; savings = 1 - VM month / server month.
const RIGHT = [
  // target,      VM month, fractional, savings, whole, whole savings
  [50000, 144, 225, "0.36", 900, "0.84"],
  [100000, 288, 450, "0.36", 900, "0.68"],
  [200000, 576, 900, "0.36", 900, "0.36"],
  [
    500000,
    1440,
    2250,
    "0.36",
    2700,
    "0.4666666666666666666666666666666666666667",
  ],
  [1000000, 2880, 4500, "0.36", 4500, "0.36"],
  [5000000, 14400, 22500, "0.36", 22500, "0.36"],
  [10000000, 28800, 45000, "0.36", 45000, "0.36"],
] as const;

describe("checkPrintedTable", () => {
  it.each(RIGHT)(
    "computes %i req/s as $%i of VMs against $%i fractional (%s) or $%i whole (%s)",
    (target, vmMonth, fractional, savings, whole, wholeSavings) => {
      const { computed } = byTarget.get(target)!;
      expect(computed.vms.cost.usdPerMonth.toNumber()).toBe(vmMonth);
      expect(computed.serverEquivalentCost.usdPerMonth.toNumber()).toBe(
        fractional,
      );
      expect(computed.equivalentSavingsFraction.toString()).toBe(savings);
      expect(computed.servers.cost.usdPerMonth.toNumber()).toBe(whole);
      expect(computed.savingsFraction.toString()).toBe(wholeSavings);
    },
  );

  it("confirms every printed VM count and VM cost", () => {
    expect(checks.every((check) => check.vmFiguresHold)).toBe(true);
  });

  it("finds the printed server cost off its own footnote at 50k, 100k, 500k, 1M and 5M", () => {
    const off = checks
      .filter((check) => !check.serverCostFollowsFootnote)
      .map((check) => check.printed.targetRps.toNumber());
    expect(off).toEqual([50000, 100000, 500000, 1000000, 5000000]);
  });

  it("prints $2,812.50 and 49% at 500,000 req/s where the footnote gives $2,250 and 36%", () => {
    const check = byTarget.get(500000)!;
    expect(check.printed.singleServerUsdPerMonth.toNumber()).toBe(2812.5);
    expect(check.printed.savingsPercent.toNumber()).toBe(49);
    expect(check.savingsFollowFootnote).toBe(false);
    // 2,812.50 / 2,250 = 1.25.
    expect(check.serverCostRatio.toString()).toBe("1.25");
  });
});
