/**
 * `npm run --silent plan -- [--data DIR] [--rps N ...] [--json]`
 *
 * Prints the scale-out against scale-up comparison for every scenario of a
 * data folder, as an aligned table or as one JSON document. Bad input
 * prints one line per problem on stderr and exits with status 2.
 */
import { Command } from "commander";
import { userErrorStatus } from "./userError.js";
import type { Comparison, Scenario } from "../lib/index.js";
import {
  defaultDataDir,
  formatCount,
  formatPercent,
  formatRps,
  formatUsd,
  loadWorkbookData,
  planJson,
  ProblemList,
  scenarioTable,
} from "../lib/index.js";
import { parseValue } from "../lib/values.js";

interface Options {
  data: string;
  rps?: string[];
  json?: boolean;
}

function readOptions(argv: readonly string[]): Options {
  const program = new Command("plan")
    .description("Compare scaling out with scaling up for every scenario.")
    .option("--data <dir>", "folder with the three CSV files", defaultDataDir())
    .option("--rps <n...>", "plan for these targets instead of scenarios.csv")
    .option("--json", "print one JSON document instead of a table")
    .exitOverride()
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
    });
  program.parse([...argv], { from: "user" });
  return program.opts<Options>();
}

function targetsFromFlags(values: readonly string[]): Scenario[] {
  const problems = new ProblemList();
  const scenarios: Scenario[] = [];
  for (const raw of values.flatMap((value) => value.split(","))) {
    const targetRps = parseValue(
      raw,
      "positive",
      "--rps",
      { file: "plan" },
      problems,
    );
    if (targetRps !== undefined)
      scenarios.push({ name: raw.trim(), targetRps });
  }
  problems.throwIfAny();
  return scenarios;
}

const COLUMNS: [string, (row: Comparison) => string][] = [
  ["scenario", (row) => row.name],
  ["target", (row) => formatRps(row.targetRps)],
  ["VMs", (row) => formatCount(row.vms.count)],
  ["VMs $/h", (row) => formatUsd(row.vms.cost.usdPerHour)],
  [
    "VMs $/month",
    (row) => formatUsd(row.vms.cost.usdPerMonth, { cents: true }),
  ],
  ["servers", (row) => formatCount(row.servers.count)],
  ["servers $/h", (row) => formatUsd(row.servers.cost.usdPerHour)],
  [
    "servers $/month",
    (row) => formatUsd(row.servers.cost.usdPerMonth, { cents: true }),
  ],
  [
    "saved $/month",
    (row) => formatUsd(row.savings.usdPerMonth, { cents: true }),
  ],
  ["saved", (row) => formatPercent(row.savingsFraction)],
];

/** Aligns the table: text left, numbers right, two spaces between. */
function renderTable(rows: readonly Comparison[]): string {
  const cells = [
    COLUMNS.map(([title]) => title),
    ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row))),
  ];
  const widths = COLUMNS.map((_, column) =>
    Math.max(...cells.map((line) => line[column].length)),
  );
  return cells
    .map((line) =>
      line
        .map((cell, column) =>
          column === 0
            ? cell.padEnd(widths[column])
            : cell.padStart(widths[column]),
        )
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function main(argv: readonly string[]): number {
  try {
    const options = readOptions(argv);
    const data = loadWorkbookData(options.data);
    const scenarios = options.rps
      ? targetsFromFlags(options.rps)
      : data.scenarios;
    const rows = scenarioTable(data, scenarios);
    const output = options.json
      ? JSON.stringify(planJson(data, rows), null, 2)
      : renderTable(rows);
    process.stdout.write(`${output}\n`);
    return 0;
  } catch (error) {
    const status = userErrorStatus(error);
    if (status === undefined) throw error;
    return status;
  }
}

process.exitCode = main(process.argv.slice(2));
