/**
 * Rules for the numbers people type into the CSV files, and the one parser
 * that applies them. A value that breaks its rule becomes a problem that
 * names the rule and quotes what was found; it never becomes NaN.
 */
import type { Origin, ProblemList } from "./errors.js";
import type { Exact } from "./money.js";
import { exact } from "./money.js";

/** A plain decimal number: `5000`, `0.02`, `1e6`. No NaN, no Infinity. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type Rule =
  | "positive"
  | "non-negative"
  | "fraction"
  | "probability"
  | "positive integer"
  | "non-negative integer";

/** What each rule asks for, in the words an error message uses. */
const EXPECTED: Record<Rule, string> = {
  positive: "a positive number",
  "non-negative": "a number of 0 or more",
  fraction: "a number greater than 0 and at most 1",
  probability: "a number strictly between 0 and 1",
  "positive integer": "a whole number of 1 or more",
  "non-negative integer": "a whole number of 0 or more",
};

function satisfies(value: Exact, rule: Rule): boolean {
  switch (rule) {
    case "positive":
      return value.gt(0);
    case "non-negative":
      return value.gte(0);
    case "fraction":
      return value.gt(0) && value.lte(1);
    case "probability":
      return value.gt(0) && value.lt(1);
    case "positive integer":
      return value.isInteger() && value.gte(1);
    case "non-negative integer":
      return value.isInteger() && value.gte(0);
  }
}

/**
 * Parses `raw` as a number obeying `rule`. On failure adds
 * `<name> must be <expected>, got "<raw>"` at `origin` and returns undefined.
 */
export function parseValue(
  raw: string,
  rule: Rule,
  name: string,
  origin: Origin,
  problems: ProblemList,
): Exact | undefined {
  const text = raw.trim();
  const value = DECIMAL.test(text) ? exact(text) : undefined;
  if (value === undefined || !satisfies(value, rule)) {
    problems.add(origin, `${name} must be ${EXPECTED[rule]}, got "${raw}"`);
    return undefined;
  }
  return value;
}
