/**
 * Break-even: how far the VM's price may rise, or its capacity fall, before
 * scaling out stops being cheaper than whole single servers.
 *
 * Two views:
 * - per unit of capacity, ignoring whole machines: the VM is cheaper while
 *   its price per req/s is below the server's, i.e. while
 *   vmPrice / vmCapacity < serverPrice / serverCapacity;
 * - at a traffic level, with whole machines and spares, as the model plans.
 */
import { machinesRequired } from "./capacity.js";
import type { ComparisonInputs } from "./comparison.js";
import { planFleet } from "./comparison.js";
import type { Exact, ExactInput, Usd } from "./money.js";
import { exact } from "./money.js";

/**
 * VM price per hour at which a VM costs as much per req/s as the server:
 * serverPrice × vmCapacity / serverCapacity ($1.25 × 5,000 / 200,000 =
 * $0.03125 for the exercise).
 */
export function unitBreakEvenVmUsdPerHour(inputs: ComparisonInputs): Usd {
  const { server, vm } = inputs;
  return server.usdPerHour.times(vm.capacityRps).div(server.capacityRps);
}

/**
 * VM capacity at which a VM costs as much per req/s as the server:
 * serverCapacity × vmPrice / serverPrice (200,000 × 0.02 / 1.25 =
 * 3,200 req/s for the exercise).
 */
export function unitBreakEvenVmCapacityRps(inputs: ComparisonInputs): Exact {
  const { server, vm } = inputs;
  return server.capacityRps.times(vm.usdPerHour).div(server.usdPerHour);
}

/**
 * VM price per hour at which the VM pool for `targetRps` costs exactly as
 * much as the whole servers for it: server fleet cost / VM count. Above this
 * price scaling out costs more.
 */
export function breakEvenVmUsdPerHour(
  targetRps: ExactInput,
  inputs: ComparisonInputs,
): Usd {
  const { server, vm, assumptions } = inputs;
  const servers = planFleet(server, targetRps, assumptions);
  const vms = planFleet(vm, targetRps, assumptions);
  return servers.cost.usdPerHour.div(vms.count);
}

/**
 * The smallest whole number of req/s per VM at which the VM pool for
 * `targetRps` is still strictly cheaper than the whole servers, or
 * undefined when even the spares alone cost as much as the servers.
 *
 * The servers cost S per hour and a VM p, so at most
 * m = ceil(S / p) - 1 VMs stay below S; m - spares of them carry the
 * traffic, which needs a planned capacity of targetRps / (m - spares) each.
 */
export function breakEvenVmCapacityRps(
  targetRps: ExactInput,
  inputs: ComparisonInputs,
): Exact | undefined {
  const { server, vm, assumptions } = inputs;
  const serversHourly = planFleet(server, targetRps, assumptions).cost
    .usdPerHour;
  const affordable = serversHourly.div(vm.usdPerHour).ceil().minus(1);
  const carrying = affordable.minus(assumptions.redundancySpares);
  if (carrying.lte(0)) return undefined;

  // The capacity c must satisfy c × utilization × carrying >= targetRps;
  // the smallest whole c is the same exact ceiling machinesRequired takes.
  const neededPerVm = machinesRequired({
    targetRps,
    capacityRps: carrying.times(assumptions.targetUtilization),
  });
  return exact(neededPerVm);
}
