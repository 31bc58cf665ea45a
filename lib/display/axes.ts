/**
 * Axis and hover-text helpers for the workbook's two kinds of numbers:
 * dollars and request rates. Tick and hover formats are d3-format specs,
 * which plotly uses: `,.2f` is two decimals with thousands separators.
 */
import type { LayoutAxis } from "plotly.js";

/** Options for a dollar axis. */
export interface UsdAxisOptions {
  /** Ticks in whole dollars (`$1,200`) rather than cents (`$1,200.00`). */
  wholeDollars?: boolean;
}

/**
 * A y or x axis of dollars: `$0.80`, `$1,250.00`, starting at zero.
 * @example layout.yaxis = usdAxis("Cost ($/month)", { wholeDollars: true })
 */
export function usdAxis(
  title: string,
  options: UsdAxisOptions = {},
): Partial<LayoutAxis> {
  return {
    title: { text: title },
    tickprefix: "$",
    tickformat: options.wholeDollars ? ",.0f" : ",.2f",
    rangemode: "tozero",
  };
}

/** Options for a request-rate axis. */
export interface RpsAxisOptions {
  /** A logarithmic axis, for traffic that spans 50k to 10M req/s. */
  log?: boolean;
}

/**
 * An axis of request rates with SI ticks (`50k`, `1M`); put the unit in
 * the title: "Traffic (req/s)".
 */
export function rpsAxis(
  title: string,
  options: RpsAxisOptions = {},
): Partial<LayoutAxis> {
  const axis: Partial<LayoutAxis> = {
    title: { text: title },
    tickformat: "~s",
  };
  if (options.log) {
    // Label 1, 2 and 5 of each decade; every digit would overlap.
    axis.type = "log";
    axis.dtick = "D2";
  } else {
    axis.rangemode = "tozero";
  }
  return axis;
}

/** An axis of counts (machines, connections) with thousands separators. */
export function countAxis(title: string): Partial<LayoutAxis> {
  return { title: { text: title }, tickformat: ",", rangemode: "tozero" };
}

/** Hover text of a dollar value: `%{y:$,.2f}` shows `$0.80`. */
export function hoverUsd(field = "y"): string {
  return `%{${field}:$,.2f}`;
}

/** Hover text of a request rate: `%{x:,} req/s` shows `200,000 req/s`. */
export function hoverRps(field = "x"): string {
  return `%{${field}:,} req/s`;
}

/** Hover text of a count: `%{y:,}` shows `1,117`. */
export function hoverCount(field = "y"): string {
  return `%{${field}:,}`;
}

/** Hover text of a fraction as a percentage: `0.36` shows `36.0%`. */
export function hoverPercent(field = "y"): string {
  return `%{${field}:.1%}`;
}

/**
 * A `hovertemplate` of one line per argument. The trace name shows in the
 * hover box's side label, as plotly does by default.
 *
 * @example
 * hoverTemplate(`Traffic: ${hoverRps("x")}`, `Cost: ${hoverUsd("y")}/h`)
 */
export function hoverTemplate(...lines: string[]): string {
  return lines.join("<br>");
}
