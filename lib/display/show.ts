/**
 * `show`: the one place that sends outputs to the notebook. Every other
 * display helper returns a string (testable anywhere); `show` passes it to
 * tslab's `display`.
 *
 * tslab is loaded inside each call, not at import: tests and scripts run
 * outside a kernel, where there is nothing to display to.
 */
import type { Display } from "tslab";
import type { FrameLike, TableOptions } from "./table.js";
import type { ColumnSpec } from "./columns.js";
import type { Figure } from "./chart.js";
import { chartHtml } from "./chart.js";
import { lazyRequire } from "./lazyRequire.js";
import { md, protectDollars } from "./markdown.js";
import { tableHtml } from "./table.js";

/** Everything `show` offers; see each member's comment. */
export interface Show {
  /** A table of records or a DataFrame; see `tableHtml`. */
  table<Row = Record<string, unknown>>(
    rows: readonly Row[] | FrameLike,
    columns?: readonly ColumnSpec<Row>[],
    options?: TableOptions,
  ): void;
  /** A plotly figure; see `chartHtml`. */
  chart(figure: Figure): void;
  /** An SVG diagram, such as `currentArchitectureSvg(server)`. */
  diagram(svg: string): void;
  /** HTML as it is: escape anything that came from a file first. */
  html(html: string): void;
  /**
   * Markdown, with dollar signs outside code protected from TeX. Call it
   * with a string, or as a tag whose values are formatted and escaped:
   * show.md`We need **${vms}** VMs at ${usd(usdPerHour)} per hour.`
   */
  md(markdown: string): void;
  md(strings: TemplateStringsArray, ...values: unknown[]): void;
}

function isTemplate(value: unknown): value is TemplateStringsArray {
  return Array.isArray(value) && "raw" in value;
}

/**
 * Creates `show` on top of a display. The default reaches tslab's; tests
 * pass a stand-in that records what would be shown.
 */
export function createShow(
  display: () => Pick<Display, "html" | "markdown"> = tslabDisplay,
): Show {
  return {
    table: (rows, columns, options) =>
      display().html(tableHtml(rows, columns, options)),
    chart: (figure) => display().html(chartHtml(figure)),
    diagram: (svg) =>
      display().html(`<div style="overflow-x: auto;">${svg}</div>`),
    html: (html) => display().html(html),
    md: (first: string | TemplateStringsArray, ...values: unknown[]) =>
      display().markdown(
        isTemplate(first) ? md(first, ...values) : protectDollars(first),
      ),
  };
}

function tslabDisplay(): Display {
  // Loaded on use: see the module comment. Inside a kernel, tslab hooks
  // this require and returns the session's own display.
  return lazyRequire<typeof import("tslab")>("tslab").display;
}

/**
 * Shows tables, charts, diagrams, HTML and markdown in the notebook.
 *
 * @example
 * show.table(rows, columns)
 * show.chart({ data, layout })
 * show.diagram(proposedArchitectureSvg(data.vm, 40))
 * show.md`The VMs cost ${usd(plan.vms.cost.usdPerHour)} per hour.`
 */
export const show: Show = createShow();
