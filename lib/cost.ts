/**
 * Cost over the periods a bill is read in: hour, day, month and year.
 *
 *   day = hour × hours_per_day
 *   month = day × days_per_month
 *   year = day × days_per_year
 *
 * The exercise bills a 30-day month and a 365-day year, so a year is
 * 365 / 30 = 12.17 months, not 12: both periods are derived from the day,
 * never the year from the month.
 */
import type { Assumptions } from "./assumptions.js";
import type { Exact, ExactInput, Usd } from "./money.js";
import { exact } from "./money.js";

/** The calendar part of the assumptions. */
export type Calendar = Pick<
  Assumptions,
  "hoursPerDay" | "daysPerMonth" | "daysPerYear"
>;

/** Hours in a billing month: hours_per_day × days_per_month (720). */
export function hoursPerMonth(calendar: Calendar): Exact {
  return calendar.hoursPerDay.times(calendar.daysPerMonth);
}

/** Hours in a billing year: hours_per_day × days_per_year (8,760). */
export function hoursPerYear(calendar: Calendar): Exact {
  return calendar.hoursPerDay.times(calendar.daysPerYear);
}

/** One cost read over the four billing periods, in dollars. */
export interface PeriodCosts {
  usdPerHour: Usd;
  usdPerDay: Usd;
  usdPerMonth: Usd;
  usdPerYear: Usd;
}

/** @example periodCosts(0.8, calendar).usdPerMonth // 576 for 24 h × 30 d */
export function periodCosts(
  usdPerHour: ExactInput,
  calendar: Calendar,
): PeriodCosts {
  const hourly = exact(usdPerHour);
  const daily = hourly.times(calendar.hoursPerDay);
  return {
    usdPerHour: hourly,
    usdPerDay: daily,
    usdPerMonth: daily.times(calendar.daysPerMonth),
    usdPerYear: daily.times(calendar.daysPerYear),
  };
}

/** `a - b`, period by period: what choosing b over a saves. */
export function periodDifference(a: PeriodCosts, b: PeriodCosts): PeriodCosts {
  return {
    usdPerHour: a.usdPerHour.minus(b.usdPerHour),
    usdPerDay: a.usdPerDay.minus(b.usdPerDay),
    usdPerMonth: a.usdPerMonth.minus(b.usdPerMonth),
    usdPerYear: a.usdPerYear.minus(b.usdPerYear),
  };
}

/** Hourly cost of `count` machines at `usdPerHour` each. */
export function fleetUsdPerHour(count: number, usdPerHour: ExactInput): Usd {
  return exact(usdPerHour).times(count);
}

/**
 * Dollars per hour for each 1,000 req/s served: the exercise's efficiency
 * metric, hourly cost / (traffic / 1,000).
 *
 * @example usdPerHourPer1000Rps(1.25, 200000) // 0.00625
 */
export function usdPerHourPer1000Rps(
  usdPerHour: ExactInput,
  requestsPerSecond: ExactInput,
): Usd {
  return exact(usdPerHour).div(exact(requestsPerSecond).div(1000));
}
