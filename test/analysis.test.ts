import { describe, expect, it } from "vitest";
import {
  compare,
  databaseConnections,
  exact,
  latencyCost,
  loadWorkbookData,
  maxVmsForDatabase,
  scaleOutBill,
  scaleUpBill,
} from "../lib/index.js";

const data = loadWorkbookData("data");
const { assumptions } = data;

describe("scaleOutBill", () => {
  it("adds the network and the data layer to the VMs' $576", () => {
    // 576 + 300 network + 1.25 × 720 = 900 for the data layer = 1,776.
    const total = scaleOutBill(compare(200000, data), assumptions);
    expect(total.networkUsdPerMonth.toNumber()).toBe(300);
    expect(total.dataLayerUsdPerMonth.toNumber()).toBe(900);
    expect(total.totalUsdPerMonth.toNumber()).toBe(1776);
  });
});

describe("scaleUpBill", () => {
  it("adds nothing to one server that keeps its database in memory", () => {
    const total = scaleUpBill(compare(200000, data), assumptions);
    expect(total.totalUsdPerMonth.toNumber()).toBe(900);
  });

  it("adds the network and the data layer once two servers must share data", () => {
    // 3 servers × 900 = 2,700, + 300 + 900 = 3,900.
    const total = scaleUpBill(compare(500000, data), assumptions);
    expect(total.totalUsdPerMonth.toNumber()).toBe(3900);
  });
});

describe("databaseConnections", () => {
  it("opens 80 of 100 connections for 40 VMs with 2 each", () => {
    const load = databaseConnections(40, assumptions);
    expect(load).toMatchObject({ connections: 80, limit: 100, fits: true });
    expect(load.shareOfLimit.toString()).toBe("0.8");
  });

  it("overflows the limit with 2,000 VMs", () => {
    // 2,000 × 2 = 4,000 connections, 40 times the limit.
    const load = databaseConnections(2000, assumptions);
    expect(load.fits).toBe(false);
    expect(load.shareOfLimit.toNumber()).toBe(40);
  });
});

describe("maxVmsForDatabase", () => {
  it("allows 50 VMs of 2 connections under a limit of 100", () => {
    expect(maxVmsForDatabase(assumptions)).toBe(50);
  });

  it("rounds a part of a VM down", () => {
    const three = { ...assumptions, dbConnectionsPerVm: exact(3) };
    // 100 / 3 = 33.3.
    expect(maxVmsForDatabase(three)).toBe(33);
  });
});

describe("latencyCost", () => {
  it("adds 3 ms, four times the direct 1 ms", () => {
    const { addedMs, ratio } = latencyCost(assumptions);
    expect([addedMs.toNumber(), ratio.toNumber()]).toEqual([3, 4]);
  });
});
