/**
 * Money and other exact quantities.
 *
 * Prices in the data are decimals such as 0.02 dollars per hour. A binary
 * float cannot hold 0.02, so 40 VMs at 0.02 come out as 0.8000000000000002.
 * Integer micro-dollars would fix products but not quotients: the exercise's
 * fractional server equivalent divides by capacity times utilization, which
 * is rarely a whole number of micro-dollars. So every amount of money, and
 * every input it is computed from, is a decimal.js `Decimal`: exact for sums
 * and products of the decimals people type, and correct to 40 significant
 * digits for quotients. Plain numbers appear only at the edges (JSON output,
 * charts), converted once with `toNumber()`.
 */
import Decimal from "decimal.js";

/** The decimal type used for money, traffic and capacities. */
export const Exact = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
});
export type Exact = Decimal;

/** A number of US dollars, exact. */
export type Usd = Decimal;

/** Anything a caller may pass where an exact number is wanted. */
export type ExactInput = Decimal | number | string;

/**
 * Converts a number, a decimal string or a Decimal into an exact value.
 * A JavaScript number is read through its shortest decimal form, so 0.57
 * becomes exactly 0.57, not 0.56999999999999995...
 */
export function exact(value: ExactInput): Decimal {
  return new Exact(value);
}

/** Rounds an amount of dollars to whole cents, half away from zero. */
export function toCents(amount: Usd): Usd {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}
