/**
 * What the exercise's comparison leaves out, made into numbers a student
 * can change in `assumptions.csv`: the network, the shared data layer, the
 * database's connection limit and the latency of the balancer hop.
 */
import type { Assumptions } from "./assumptions.js";
import type { Comparison } from "./comparison.js";
import { hoursPerMonth } from "./cost.js";
import type { Exact, Usd } from "./money.js";
import { exact } from "./money.js";

/** A monthly bill split into its parts. */
export interface MonthlyBill {
  computeUsdPerMonth: Usd;
  networkUsdPerMonth: Usd;
  dataLayerUsdPerMonth: Usd;
  totalUsdPerMonth: Usd;
}

function bill(
  computeUsdPerMonth: Usd,
  distributed: boolean,
  assumptions: Assumptions,
): MonthlyBill {
  const networkUsdPerMonth = distributed
    ? assumptions.networkUsdPerMonth
    : exact(0);
  const dataLayerUsdPerMonth = distributed
    ? assumptions.dataLayerUsdPerHour.times(hoursPerMonth(assumptions))
    : exact(0);
  return {
    computeUsdPerMonth,
    networkUsdPerMonth,
    dataLayerUsdPerMonth,
    totalUsdPerMonth: computeUsdPerMonth
      .plus(networkUsdPerMonth)
      .plus(dataLayerUsdPerMonth),
  };
}

/**
 * The VM pool's monthly bill with its network and its shared data layer:
 * every pool needs both, since no VM can hold the data in its memory.
 */
export function scaleOutBill(
  row: Comparison,
  assumptions: Assumptions,
): MonthlyBill {
  return bill(row.vms.cost.usdPerMonth, true, assumptions);
}

/**
 * The single servers' monthly bill. One server keeps its database in its
 * own memory and needs neither; two or more must share a data layer and
 * talk over the network just like the VMs.
 */
export function scaleUpBill(
  row: Comparison,
  assumptions: Assumptions,
): MonthlyBill {
  return bill(row.servers.cost.usdPerMonth, row.servers.count > 1, assumptions);
}

/** Connections the VM pool opens to one database, against its limit. */
export interface ConnectionLoad {
  connections: number;
  limit: number;
  /** connections / limit: above 1 the database refuses connections. */
  shareOfLimit: Exact;
  fits: boolean;
}

/**
 * Each VM keeps a pool of `dbConnectionsPerVm` connections open, so the
 * database sees VMs × pool size connections, whatever the traffic.
 *
 * @example databaseConnections(40, assumptions) // 80 of 100 with the defaults
 */
export function databaseConnections(
  vms: number,
  assumptions: Assumptions,
): ConnectionLoad {
  const connections = assumptions.dbConnectionsPerVm.times(vms);
  return {
    connections: connections.toNumber(),
    limit: assumptions.dbMaxConnections.toNumber(),
    shareOfLimit: connections.div(assumptions.dbMaxConnections),
    fits: connections.lte(assumptions.dbMaxConnections),
  };
}

/**
 * The largest pool the database can serve: floor(limit / pool per VM).
 */
export function maxVmsForDatabase(assumptions: Assumptions): number {
  return assumptions.dbMaxConnections
    .div(assumptions.dbConnectionsPerVm)
    .floor()
    .toNumber();
}

/** Milliseconds the balancer hop adds, and how many times slower that is. */
export function latencyCost(assumptions: Assumptions): {
  addedMs: Exact;
  ratio: Exact;
} {
  const { directLatencyMs, balancedLatencyMs } = assumptions;
  return {
    addedMs: balancedLatencyMs.minus(directLatencyMs),
    ratio: balancedLatencyMs.div(directLatencyMs),
  };
}
