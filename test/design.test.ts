import { describe, expect, it } from "vitest";
import {
  exact,
  fitsInMemory,
  fleetTotals,
  loadWorkbookData,
  rpsPerCore,
} from "../lib/index.js";

const { server, vm } = loadWorkbookData("data");

describe("fleetTotals", () => {
  it("adds 40 VMs up to 40 cores, 80 GB and 200,000 req/s", () => {
    // 40 × 1 core, 40 × 2 GB, 40 × 5,000 req/s, 40 × $0.02.
    const totals = fleetTotals(vm, 40);
    expect(totals.cores.toNumber()).toBe(40);
    expect(totals.memoryGb.toNumber()).toBe(80);
    expect(totals.capacityRps.toNumber()).toBe(200000);
    expect(totals.usdPerHour.toString()).toBe("0.8");
  });
});

describe("rpsPerCore", () => {
  it("gives the server 6,250 req/s per core and a VM 5,000", () => {
    // 200,000 / 32 = 6,250; 5,000 / 1.
    expect(rpsPerCore(server).toNumber()).toBe(6250);
    expect(rpsPerCore(vm).toNumber()).toBe(5000);
  });
});

describe("fitsInMemory", () => {
  it("fits the 128 GB database on the server but not on a VM", () => {
    expect(fitsInMemory(exact(128), server)).toBe(true);
    expect(fitsInMemory(exact(128), vm)).toBe(false);
  });
});
