/**
 * A dotted reference line across a chart, with its label: a VM's capacity
 * on a histogram, a break-even price, an overload budget.
 */
import type { Annotations, Layout, Shape } from "plotly.js";

export interface ReferenceLine {
  /** Where a vertical line crosses the x axis. */
  x?: number;
  /** Where a horizontal line crosses the y axis. */
  y?: number;
  label: string;
  /** A CSS colour; the chart's text colour when left out. */
  color?: string;
}

/**
 * The `shapes` and `annotations` of one or more reference lines, to spread
 * into a layout. A line with `x` is vertical and labelled at the top; one
 * with `y` is horizontal and labelled at the right end. On a logarithmic
 * axis plotly places annotations by the logarithm, so give `logY: true`.
 *
 * @example layout: { ...referenceLines([{ x: 5000, label: "capacity" }]) }
 */
export function referenceLines(
  lines: readonly ReferenceLine[],
  options: { logY?: boolean } = {},
): Pick<Layout, "shapes" | "annotations"> {
  const shapes: Partial<Shape>[] = [];
  const annotations: Partial<Annotations>[] = [];
  for (const { x, y, label, color } of lines) {
    const line = { dash: "dot" as const, color, width: 2 };
    const font = color === undefined ? undefined : { color };
    if (x !== undefined) {
      shapes.push({
        type: "line",
        x0: x,
        x1: x,
        yref: "paper",
        y0: 0,
        y1: 1,
        line,
      });
      annotations.push({
        x,
        yref: "paper",
        y: 1,
        text: label,
        showarrow: false,
        yanchor: "bottom",
        font,
      });
    }
    if (y !== undefined) {
      shapes.push({
        type: "line",
        xref: "paper",
        x0: 0,
        x1: 1,
        y0: y,
        y1: y,
        line,
      });
      const at = options.logY ? Math.log10(y) : y;
      annotations.push({
        xref: "paper",
        x: 1,
        y: at,
        text: label,
        showarrow: false,
        xanchor: "right",
        yanchor: "bottom",
        font,
      });
    }
  }
  return { shapes, annotations } as Pick<Layout, "shapes" | "annotations">;
}
