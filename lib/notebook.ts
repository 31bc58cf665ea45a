/**
 * The one module notebooks import: the whole model (lib/index.ts) and the
 * display helpers. Importing it is fast: danfojs-node loads on the first
 * `frame()` call and the plotly bundle is read for the first chart.
 *
 * @example
 * import { loadWorkbookData, compare, show, usd } from "./lib/notebook";
 * const data = loadWorkbookData();
 * const plan = compare(200000, data);
 * show.md`${plan.vms.count} VMs cost ${usd(plan.vms.cost.usdPerHour)}/h.`
 */
export * from "./index.js";

export { escapeHtml } from "./display/escape.js";
export type { CellFormat, ColumnSpec, FormatName } from "./display/columns.js";
export type { FrameLike, TableOptions } from "./display/table.js";
export { tableHtml } from "./display/table.js";
export { frame } from "./display/frame.js";
export type { Figure } from "./display/chart.js";
export { chartHtml, resetCharts } from "./display/chart.js";
export {
  countAxis,
  hoverCount,
  hoverPercent,
  hoverRps,
  hoverTemplate,
  hoverUsd,
  rpsAxis,
  usdAxis,
} from "./display/axes.js";
export type { ReferenceLine } from "./display/referenceLine.js";
export { referenceLines } from "./display/referenceLine.js";
export type {
  ArchitectureOptions,
  ProposedOptions,
} from "./display/architecture.js";
export {
  currentArchitectureSvg,
  proposedArchitectureSvg,
} from "./display/architecture.js";
export { md, protectDollars, usd } from "./display/markdown.js";
export type { Show } from "./display/show.js";
export { show } from "./display/show.js";
export type { ShownChecks } from "./display/answers.js";
export { showChecks } from "./display/answers.js";
