/**
 * Scale-out against scale-up at one traffic level: how many of each machine,
 * what each costs over every period, and what the VMs save.
 *
 * Two readings of "the single-server cost" are kept side by side:
 * - whole servers: you can only rent a whole server, so 50,000 req/s costs
 *   one full server (plus spares, like the VMs);
 * - the fractional equivalent of the exercise's table footnote,
 *   (targetRps / server capacity) × server price, no rounding, no spares.
 */
import type { Assumptions } from "./assumptions.js";
import { fractionalMachines, machinesRequired } from "./capacity.js";
import type { PeriodCosts } from "./cost.js";
import {
  fleetUsdPerHour,
  periodCosts,
  periodDifference,
  usdPerHourPer1000Rps,
} from "./cost.js";
import type { Machine } from "./data.js";
import type { Exact, ExactInput, Usd } from "./money.js";
import { exact } from "./money.js";

/** One architecture at one traffic level. */
export interface Fleet {
  machine: Machine;
  /** Whole machines, spares included. */
  count: number;
  /** Requests per second the fleet serves at 100% of every machine. */
  capacityRps: Exact;
  cost: PeriodCosts;
  /** Hourly cost for each 1,000 req/s of the target traffic. */
  usdPerHourPer1000Rps: Usd;
}

export interface Comparison {
  name: string;
  targetRps: Exact;
  vms: Fleet;
  servers: Fleet;
  /** Fractional servers the traffic fills (no rounding, no spares). */
  serverEquivalent: Exact;
  serverEquivalentCost: PeriodCosts;
  /** Whole-server cost minus VM cost. */
  savings: PeriodCosts;
  /** 1 - VM cost / whole-server cost; 0.36 means 36% cheaper. */
  savingsFraction: Exact;
  /** 1 - VM cost / fractional-equivalent cost. */
  equivalentSavingsFraction: Exact;
}

/** The machines and assumptions a comparison reads. */
export interface ComparisonInputs {
  server: Machine;
  vm: Machine;
  assumptions: Assumptions;
}

/** Sizes and costs a fleet of `machine` for the target traffic. */
export function planFleet(
  machine: Machine,
  targetRps: ExactInput,
  assumptions: Assumptions,
): Fleet {
  const count = machinesRequired({
    targetRps,
    capacityRps: machine.capacityRps,
    targetUtilization: assumptions.targetUtilization,
    spares: assumptions.redundancySpares.toNumber(),
  });
  const usdPerHour = fleetUsdPerHour(count, machine.usdPerHour);
  return {
    machine,
    count,
    capacityRps: machine.capacityRps.times(count),
    cost: periodCosts(usdPerHour, assumptions),
    usdPerHourPer1000Rps: usdPerHourPer1000Rps(usdPerHour, targetRps),
  };
}

/**
 * Compares the VM pool with single servers at `targetRps`.
 *
 * @example compare(200000, inputs).vms.count // 40, at $0.80/h against $1.25/h
 */
export function compare(
  targetRps: ExactInput,
  inputs: ComparisonInputs,
  name: string = exact(targetRps).toString(),
): Comparison {
  const { server, vm, assumptions } = inputs;
  const vms = planFleet(vm, targetRps, assumptions);
  const servers = planFleet(server, targetRps, assumptions);

  const serverEquivalent = fractionalMachines({
    targetRps,
    capacityRps: server.capacityRps,
    targetUtilization: assumptions.targetUtilization,
  });
  const serverEquivalentCost = periodCosts(
    serverEquivalent.times(server.usdPerHour),
    assumptions,
  );

  const vmHourly = vms.cost.usdPerHour;
  return {
    name,
    targetRps: exact(targetRps),
    vms,
    servers,
    serverEquivalent,
    serverEquivalentCost,
    savings: periodDifference(servers.cost, vms.cost),
    savingsFraction: exact(1).minus(vmHourly.div(servers.cost.usdPerHour)),
    equivalentSavingsFraction: exact(1).minus(
      vmHourly.div(serverEquivalentCost.usdPerHour),
    ),
  };
}
