/**
 * The assumptions a student may edit in `data/assumptions.csv`: every key,
 * its default, the rule its value obeys and what it means. A key left out of
 * the file takes its default; an unknown key is an error that suggests the
 * nearest known key.
 */
import { closest, distance } from "fastest-levenshtein";
import type { CsvRow } from "./csv.js";
import type { ProblemList } from "./errors.js";
import type { Exact } from "./money.js";
import { exact } from "./money.js";
import type { Rule } from "./values.js";
import { parseValue } from "./values.js";

export interface Assumptions {
  /** Hours in a billing day. */
  hoursPerDay: Exact;
  /** Days in a billing month; the exercise uses 30. */
  daysPerMonth: Exact;
  /** Days in a billing year; the exercise uses 365, so a year is not 12 months. */
  daysPerYear: Exact;
  /** Share of a machine's rated capacity we plan to use, in (0, 1]. */
  targetUtilization: Exact;
  /** Spare machines added to both architectures: the k of N+k. */
  redundancySpares: Exact;
  /** Highest acceptable chance that some VM is overloaded in a second. */
  overloadBudget: Exact;
  /** Seconds between two health checks of the load balancer. */
  healthCheckIntervalS: Exact;
  /** How often one VM fails, per year. */
  vmFailuresPerYear: Exact;
  /** Share of time one VM is up. */
  vmAvailability: Exact;
  /** Share of time the single server is up. */
  serverAvailability: Exact;
  /** Share of time the service as a whole should be up. */
  targetAvailability: Exact;
  /** Network cost of the scaled-out system, per month. */
  networkUsdPerMonth: Exact;
  /** Cost of the shared data layer the VMs need, per hour. */
  dataLayerUsdPerHour: Exact;
  /** Database connections each VM keeps open in its pool. */
  dbConnectionsPerVm: Exact;
  /** Most connections the database accepts. */
  dbMaxConnections: Exact;
  /** Response time when clients reach the single server directly. */
  directLatencyMs: Exact;
  /** Response time through the load balancer and a VM. */
  balancedLatencyMs: Exact;
}

export type AssumptionName = keyof Assumptions;

interface Spec {
  value: string;
  rule: Rule;
  note: string;
}

/** Every assumption with its default value, rule and a one-line note. */
export const ASSUMPTION_SPECS: Readonly<Record<AssumptionName, Spec>> = {
  hoursPerDay: { value: "24", rule: "positive", note: "hours in a day" },
  daysPerMonth: {
    value: "30",
    rule: "positive",
    note: "days in a billing month (the exercise uses 30)",
  },
  daysPerYear: {
    value: "365",
    rule: "positive",
    note: "days in a billing year (the exercise uses 365)",
  },
  targetUtilization: {
    value: "1",
    rule: "fraction",
    note: "share of rated capacity in use at the target (1 = 100%)",
  },
  redundancySpares: {
    value: "0",
    rule: "non-negative integer",
    note: "spare machines added to both architectures (the k of N+k)",
  },
  overloadBudget: {
    value: "0.01",
    rule: "probability",
    note: "accepted chance that some VM is overloaded in a given second",
  },
  healthCheckIntervalS: {
    value: "10",
    rule: "positive",
    note: "seconds between health checks of each VM",
  },
  vmFailuresPerYear: {
    value: "2",
    rule: "non-negative",
    note: "failures of one VM per year",
  },
  vmAvailability: {
    value: "0.999",
    rule: "probability",
    note: "share of time one VM is up",
  },
  serverAvailability: {
    value: "0.999",
    rule: "probability",
    note: "share of time the single server is up",
  },
  targetAvailability: {
    value: "0.9999",
    rule: "probability",
    note: "share of time the whole service should be up",
  },
  networkUsdPerMonth: {
    value: "300",
    rule: "non-negative",
    note: "network cost of the scaled-out system per month",
  },
  dataLayerUsdPerHour: {
    value: "1.25",
    rule: "non-negative",
    note: "shared data layer per hour (a 128 GB machine like the server)",
  },
  dbConnectionsPerVm: {
    value: "2",
    rule: "positive integer",
    note: "database connections in each VM's pool",
  },
  dbMaxConnections: {
    value: "100",
    rule: "positive integer",
    note: "connections the database accepts (PostgreSQL's default)",
  },
  directLatencyMs: {
    value: "1",
    rule: "positive",
    note: "response time straight to the single server, in ms",
  },
  balancedLatencyMs: {
    value: "4",
    rule: "positive",
    note: "response time through the balancer and a VM, in ms",
  },
};

const NAMES = Object.keys(ASSUMPTION_SPECS) as AssumptionName[];

/** The key a name has in the CSV file: `hoursPerDay` is `hours_per_day`. */
export function assumptionKey(name: AssumptionName): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

const NAME_BY_KEY = new Map(NAMES.map((name) => [assumptionKey(name), name]));
const KEYS = [...NAME_BY_KEY.keys()];

/** Every assumption at its default value. */
export function defaultAssumptions(): Assumptions {
  const entries = NAMES.map((name) => [
    name,
    exact(ASSUMPTION_SPECS[name].value),
  ]);
  return Object.fromEntries(entries) as Assumptions;
}

/**
 * Reads the rows of an assumptions file (columns `key,value`, any others
 * ignored) over the defaults. Unknown and repeated keys and values that
 * break their rule are added to `problems`.
 */
export function parseAssumptions(
  rows: readonly CsvRow[] | undefined,
  file: string,
  problems: ProblemList,
): Assumptions {
  const assumptions = defaultAssumptions();
  const seen = new Map<string, number>();
  if (rows === undefined) return assumptions;

  for (const { line, cells } of rows) {
    const key = cells.key;
    const origin = { file, line };
    const name = NAME_BY_KEY.get(key);
    if (name === undefined) {
      problems.add(origin, unknownKeyMessage(key));
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add(origin, `key "${key}" is already set on line ${earlier}`);
      continue;
    }
    seen.set(key, line);

    const { rule } = ASSUMPTION_SPECS[name];
    const value = parseValue(cells.value, rule, key, origin, problems);
    if (value !== undefined) assumptions[name] = value;
  }
  return assumptions;
}

function unknownKeyMessage(key: string): string {
  const nearest = closest(key, KEYS);
  const close = distance(key, nearest) <= Math.max(3, key.length / 3);
  const hint = close
    ? `did you mean "${nearest}"?`
    : `known keys: ${KEYS.join(", ")}`;
  return `unknown key "${key}", ${hint}`;
}

/** The assumptions as plain numbers under their CSV keys, for JSON output. */
export function assumptionsAsJson(
  assumptions: Assumptions,
): Record<string, number> {
  const entries = NAMES.map((name) => [
    assumptionKey(name),
    assumptions[name].toNumber(),
  ]);
  return Object.fromEntries(entries);
}
