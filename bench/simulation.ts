/**
 * Benchmark of the balancer simulation: one hour (3,600 s) at 10,000,000
 * req/s over the pool the overload budget asks for, with a random
 * balancer. Prints the wall time, simulated seconds per wall second and
 * VM-seconds (one Poisson draw each) per wall second, then the observed
 * overload rate next to the exact one.
 */
import {
  loadWorkbookData,
  randomBalancerFigures,
  simulateBalancer,
  vmsForOverloadBudget,
} from "../lib/index.js";

const TARGET_RPS = 10_000_000;
const SECONDS = 3600;
const SEED = 20240601;

const data = loadWorkbookData();
const capacityRps = data.vm.capacityRps;
const vms = vmsForOverloadBudget({
  targetRps: TARGET_RPS,
  capacityRps,
  overloadBudget: data.assumptions.overloadBudget,
});

const started = performance.now();
const run = simulateBalancer({
  targetRps: TARGET_RPS,
  capacityRps,
  vms,
  seconds: SECONDS,
  seed: SEED,
});
const wallS = (performance.now() - started) / 1000;

const exact = randomBalancerFigures({
  targetRps: TARGET_RPS,
  capacityRps,
  vms,
});
const rate = (value: number) => Math.round(value).toLocaleString("en-US");
console.log(
  `simulation: ${SECONDS.toLocaleString("en-US")} s at ` +
    `${TARGET_RPS.toLocaleString("en-US")} req/s over ${vms} VMs ` +
    `in ${wallS.toFixed(3)} s wall, ` +
    `${rate(SECONDS / wallS)} simulated s per wall s, ` +
    `${rate((SECONDS * vms) / wallS)} VM-seconds per wall s`,
);
console.log(
  `simulation: P(any VM overloaded in a second) observed ` +
    `${run.observedPAnyOverload.toFixed(4)}, exact ` +
    `${exact.pAnyOverloadPerSecond.toFixed(4)}; max load mean ` +
    `${run.maxLoad.mean.toFixed(1)}, p99 ${run.maxLoad.p99}`,
);
