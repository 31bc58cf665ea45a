/**
 * Facts about the two designs that the exercise leaves implicit: what a
 * fleet adds up to in cores and memory, and how much work each core does.
 */
import type { Machine } from "./data.js";
import type { Exact } from "./money.js";

/** A fleet of identical machines, added up. */
export interface FleetTotals {
  machines: number;
  cores: Exact;
  memoryGb: Exact;
  capacityRps: Exact;
  usdPerHour: Exact;
}

/**
 * Cores, memory, capacity and price of `count` machines together.
 *
 * @example fleetTotals(vm, 40).memoryGb // 80: 40 VMs × 2 GB
 */
export function fleetTotals(machine: Machine, count: number): FleetTotals {
  return {
    machines: count,
    cores: machine.cores.times(count),
    memoryGb: machine.memoryGb.times(count),
    capacityRps: machine.capacityRps.times(count),
    usdPerHour: machine.usdPerHour.times(count),
  };
}

/**
 * Requests per second each core serves: 200,000 / 32 = 6,250 on the
 * server, 5,000 / 1 on a VM.
 */
export function rpsPerCore(machine: Machine): Exact {
  return machine.capacityRps.div(machine.cores);
}

/**
 * Whether a data set of `datasetGb` fits in one machine's memory. The
 * server's in-memory database may use up to its 128 GB; no 2 GB VM can
 * hold it, and a pool of VMs cannot share memory, so scaling out moves the
 * data to a shared data layer.
 */
export function fitsInMemory(datasetGb: Exact, machine: Machine): boolean {
  return datasetGb.lte(machine.memoryGb);
}
