/**
 * The scaling model: everything the notebooks, the `plan` command and the
 * tests compute with. It loads neither danfojs nor plotly, so it starts fast.
 */
export * from "./assumptions.js";
export * from "./breakEven.js";
export * from "./capacity.js";
export * from "./comparison.js";
export * from "./cost.js";
export * from "./data.js";
export * from "./errors.js";
export * from "./format.js";
export * from "./money.js";
export * from "./plan.js";
export * from "./printedTable.js";
export * from "./poisson.js";
export * from "./randomBalancer.js";
export * from "./redundancy.js";
export * from "./simulation.js";
export * from "./analysis.js";
export * from "./design.js";
export * from "./checks.js";
export * from "./sweep.js";
