/**
 * Loading the three files a student edits: `machines.csv`, `scenarios.csv`
 * and `assumptions.csv`. Every problem in every file is collected and thrown
 * together as one InputError, so one run shows everything to fix.
 */
import path from "node:path";
import type { Assumptions } from "./assumptions.js";
import { parseAssumptions } from "./assumptions.js";
import type { CsvRow } from "./csv.js";
import { displayPath, readCsv } from "./csv.js";
import { ProblemList } from "./errors.js";
import type { Exact, Usd } from "./money.js";
import type { Rule } from "./values.js";
import { parseValue } from "./values.js";

/** A machine type one can rent. */
export interface Machine {
  id: string;
  label: string;
  cores: Exact;
  memoryGb: Exact;
  /** Requests per second one machine serves at 100% utilization. */
  capacityRps: Exact;
  usdPerHour: Usd;
}

/** A traffic level to plan for. */
export interface Scenario {
  name: string;
  targetRps: Exact;
}

/** Everything the model needs, as read from one data folder. */
export interface WorkbookData {
  /** The folder the files were read from. */
  dir: string;
  /** The current single server (id `server`). */
  server: Machine;
  /** The small VM of the proposal (id `vm`). */
  vm: Machine;
  /** Every machine of the file, by id, including any beyond the two. */
  machines: ReadonlyMap<string, Machine>;
  scenarios: readonly Scenario[];
  assumptions: Assumptions;
}

/** The environment variable that points notebooks at another data folder. */
export const DATA_DIR_VARIABLE = "WORKBOOK_DATA_DIR";

/** The data folder: `$WORKBOOK_DATA_DIR` when set, else `./data`. */
export function defaultDataDir(): string {
  return path.resolve(process.env[DATA_DIR_VARIABLE] || "data");
}

const MACHINE_NUMBERS: readonly [
  Exclude<keyof Machine, "id" | "label">,
  string,
  Rule,
][] = [
  ["cores", "cores", "positive"],
  ["memoryGb", "memory_gb", "positive"],
  ["capacityRps", "capacity_rps", "positive"],
  ["usdPerHour", "usd_per_hour", "positive"],
];

/**
 * Reads and checks the three CSV files of `dir`.
 * @throws InputError listing every problem found, one line each.
 */
export function loadWorkbookData(dir: string = defaultDataDir()): WorkbookData {
  const problems = new ProblemList();
  const file = (name: string) => path.join(dir, name);

  const machines = parseMachines(
    readCsv(
      file("machines.csv"),
      { required: ["id", "label", ...MACHINE_NUMBERS.map(([, key]) => key)] },
      problems,
    ),
    displayPath(file("machines.csv")),
    problems,
  );
  const scenarios = parseScenarios(
    readCsv(
      file("scenarios.csv"),
      { required: ["name", "target_rps"] },
      problems,
    ),
    displayPath(file("scenarios.csv")),
    problems,
  );
  const assumptions = parseAssumptions(
    readCsv(file("assumptions.csv"), { required: ["key", "value"] }, problems),
    displayPath(file("assumptions.csv")),
    problems,
  );
  problems.throwIfAny();

  // Both lookups succeed: parseMachines reported a missing id otherwise.
  const server = machines.get("server") as Machine;
  const vm = machines.get("vm") as Machine;
  return { dir, server, vm, machines, scenarios, assumptions };
}

function parseMachines(
  rows: readonly CsvRow[] | undefined,
  file: string,
  problems: ProblemList,
): Map<string, Machine> {
  const machines = new Map<string, Machine>();
  const lines = new Map<string, number>();
  if (rows === undefined) return machines;

  for (const { line, cells } of rows) {
    const origin = { file, line };
    const id = cells.id;
    if (id === "") {
      problems.add(origin, `id must not be empty`);
      continue;
    }
    const earlier = lines.get(id);
    if (earlier !== undefined) {
      problems.add(origin, `id "${id}" is already used on line ${earlier}`);
      continue;
    }
    lines.set(id, line);

    const numbers: Partial<Machine> = {};
    for (const [name, column, rule] of MACHINE_NUMBERS) {
      const value = parseValue(cells[column], rule, column, origin, problems);
      if (value !== undefined) numbers[name] = value;
    }
    machines.set(id, { ...numbers, id, label: cells.label || id } as Machine);
  }

  for (const id of ["server", "vm"]) {
    if (!lines.has(id)) problems.add({ file }, `missing a row with id "${id}"`);
  }
  return machines;
}

function parseScenarios(
  rows: readonly CsvRow[] | undefined,
  file: string,
  problems: ProblemList,
): Scenario[] {
  const scenarios: Scenario[] = [];
  if (rows === undefined) return scenarios;
  for (const { line, cells } of rows) {
    const origin = { file, line };
    const targetRps = parseValue(
      cells.target_rps,
      "positive",
      "target_rps",
      origin,
      problems,
    );
    const name = cells.name || cells.target_rps;
    if (targetRps !== undefined) scenarios.push({ name, targetRps });
  }
  if (rows.length === 0) {
    problems.add(
      { file },
      "no scenarios: add at least one row name,target_rps",
    );
  }
  return scenarios;
}
