import { describe, expect, it } from "vitest";
import {
  breakEvenVmCapacityRps,
  breakEvenVmUsdPerHour,
  compare,
  exact,
  loadWorkbookData,
  unitBreakEvenVmCapacityRps,
  unitBreakEvenVmUsdPerHour,
} from "../lib/index.js";

const data = loadWorkbookData("data");

describe("unitBreakEvenVmUsdPerHour", () => {
  it("prices a VM at $0.03125 to match the server per req/s", () => {
    // 1.25 × 5,000 / 200,000 = 0.03125.
    expect(unitBreakEvenVmUsdPerHour(data).toString()).toBe("0.03125");
  });
});

describe("unitBreakEvenVmCapacityRps", () => {
  it("gives a VM 3,200 req/s to match the server per req/s", () => {
    // 200,000 × 0.02 / 1.25 = 3,200.
    expect(unitBreakEvenVmCapacityRps(data).toString()).toBe("3200");
  });
});

describe("breakEvenVmUsdPerHour", () => {
  it("lets 40 VMs cost $0.03125 each before they match one server", () => {
    // One server at 1.25 / 40 VMs.
    expect(breakEvenVmUsdPerHour(200000, data).toString()).toBe("0.03125");
  });

  it("lets 10 VMs cost $0.125 each at 50,000 req/s", () => {
    // Still one whole server at 1.25, now over 10 VMs.
    expect(breakEvenVmUsdPerHour(50000, data).toString()).toBe("0.125");
  });

  it("makes the pool cost exactly the servers' price at that VM price", () => {
    const price = breakEvenVmUsdPerHour(500000, data);
    const vm = { ...data.vm, usdPerHour: price };
    const row = compare(500000, { ...data, vm });
    expect(row.savings.usdPerHour.isZero()).toBe(true);
  });
});

describe("breakEvenVmCapacityRps", () => {
  it("needs 3,226 req/s per VM at 200,000 req/s", () => {
    // 62 VMs cost 1.24 < 1.25 and 63 cost 1.26, so 62 VMs must carry
    // 200,000 req/s: 200,000 / 62 = 3,225.8, rounded up to 3,226.
    expect(breakEvenVmCapacityRps(200000, data)?.toString()).toBe("3226");
  });

  it("keeps the pool cheaper at that capacity and not one req/s below", () => {
    const at = (capacityRps: number) =>
      compare(200000, {
        ...data,
        vm: { ...data.vm, capacityRps: exact(capacityRps) },
      });
    expect(at(3226).savings.usdPerHour.gt(0)).toBe(true);
    expect(at(3225).savings.usdPerHour.gt(0)).toBe(false);
  });

  it("finds no capacity when one VM costs as much as a server", () => {
    // At $1.25 a VM, even one VM is not cheaper than one server.
    const vm = { ...data.vm, usdPerHour: exact("1.25") };
    expect(breakEvenVmCapacityRps(200000, { ...data, vm })).toBeUndefined();
  });
});
