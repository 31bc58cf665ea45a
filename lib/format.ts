/**
 * Formatting for people: dollars, request rates, counts and percentages,
 * all through `Intl.NumberFormat` with US English conventions.
 */
import type { ExactInput } from "./money.js";
import { exact } from "./money.js";

const counts = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const wholeCounts = new Intl.NumberFormat("en-US", {
  maximumFractionDigits: 0,
});
const percents = new Intl.NumberFormat("en-US", {
  style: "percent",
  maximumFractionDigits: 1,
});

function dollarFormat(fractionDigits: number): Intl.NumberFormat {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: fractionDigits,
  });
}
const dollars = dollarFormat(5);
const cents = dollarFormat(2);

/**
 * Formats dollars with at least two decimals and at most five, so that both
 * `$576.00` and a unit price such as `$0.00625` read naturally.
 * With `{ cents: true }` the amount is rounded to whole cents.
 */
export function formatUsd(
  amount: ExactInput,
  options: { cents?: boolean } = {},
): string {
  const format = options.cents ? cents : dollars;
  return format.format(exact(amount).toNumber());
}

/** Formats a request rate: `200,000 req/s`. */
export function formatRps(requestsPerSecond: ExactInput): string {
  return `${counts.format(exact(requestsPerSecond).toNumber())} req/s`;
}

/** Formats a count with thousands separators: `2,000`. */
export function formatCount(value: ExactInput): string {
  return counts.format(exact(value).toNumber());
}

/** Formats a count rounded to a whole number: `1,117`. */
export function formatWhole(value: ExactInput): string {
  return wholeCounts.format(exact(value).toNumber());
}

/** Formats a fraction as a percentage with up to one decimal: `36%`. */
export function formatPercent(fraction: ExactInput): string {
  return percents.format(exact(fraction).toNumber());
}
