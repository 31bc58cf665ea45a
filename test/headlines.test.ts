/**
 * The figures the notebooks print in prose are the model's, for the shipped
 * data and for a data folder with other machines; and every notebook has
 * the teaching shape: learning goals first, summary and exercises last.
 *
 * Expected texts are built here from the model and the formatting helpers,
 * independently of the notebooks' own code, then looked for in the text of
 * the exported pages.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { WorkbookData } from "../lib/index.js";
import {
  budgetedPool,
  checkPrintedTable,
  compare,
  fleetTotals,
  formatCount,
  formatPercent,
  formatRps,
  formatUsd,
  healthCheckLoss,
  loadPrintedTable,
  loadWorkbookData,
  scaleOutBill,
} from "../lib/index.js";
import { dataFolder, MACHINES_HEADER } from "./helpers/dataFolder.js";
import type { CommandRun } from "./helpers/runReport.js";
import { runReport } from "./helpers/runReport.js";

const NOTEBOOKS = readdirSync("notebooks")
  .filter((name) => name.endsWith(".ipynb"))
  .sort();

/** Sentences each notebook prints, computed from the model for `data`. */
const HEADLINES: Record<string, (data: WorkbookData) => string[]> = {
  "01-system-design": (data) => {
    const vms = compare(data.server.capacityRps, data).vms.count;
    const pool = fleetTotals(data.vm, vms);
    return [
      `per VM = ${formatCount(vms)} VMs.`,
      `The pool has ${formatCount(pool.memoryGb)} GB of memory in total`,
    ];
  },
  "02-cost-comparison": (data) => {
    const today = compare(data.server.capacityRps, data);
    return [
      `the pool is ${formatPercent(today.savingsFraction)} cheaper`,
      `${formatUsd(today.savings.usdPerMonth, { cents: true })} a month`,
    ];
  },
  "03-scaling-calculations": (data) => {
    const checks = checkPrintedTable(loadPrintedTable(), data);
    const wrong = checks.filter((c) => !c.serverCostFollowsFootnote).length;
    const growth = compare(10000000, data);
    return [
      `${wrong} of ${checks.length} rows`,
      `= ${formatCount(growth.vms.count)} VMs, ${formatRps(growth.vms.capacityRps)} in all.`,
    ];
  },
  "04-analysis-and-recommendations": (data) => {
    const today = compare(data.server.capacityRps, data);
    const budget = budgetedPool(
      data.server.capacityRps,
      data.vm,
      data.assumptions.overloadBudget,
      data.assumptions,
    );
    const bill = scaleOutBill(today, data.assumptions).totalUsdPerMonth;
    return [
      `Deploy ${formatCount(budget.budgetedVms)} VMs behind the balancer`,
      `the VM design costs ${formatUsd(bill, { cents: true })} a month`,
    ];
  },
  "05-random-load-balancing": (data) => {
    const budget = budgetedPool(
      data.server.capacityRps,
      data.vm,
      data.assumptions.overloadBudget,
      data.assumptions,
    );
    return [
      `the pool needs ${budget.budgetedVms} VMs, ${budget.premiumVms} more than the exercise's ${budget.exerciseVms}`,
    ];
  },
  "06-failures-and-redundancy": (data) => {
    const vms = compare(data.server.capacityRps, data).vms.count;
    const loss = healthCheckLoss(
      { targetRps: data.server.capacityRps, vms },
      data.assumptions,
    );
    return [
      `a failure loses ${formatCount(loss.expectedRequestsLostPerFailure)} requests on average`,
    ];
  },
};

/** The visible text of an exported page: tags dropped, entities decoded. */
function pageText(file: string): string {
  const entities: Record<string, string> = {
    amp: "&",
    lt: "<",
    gt: ">",
    quot: '"',
    nbsp: " ",
  };
  return (
    readFileSync(file, "utf8")
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
      // Blocks end in a space; inline tags (strong, em, code) vanish.
      .replace(/<\/?(div|p|li|td|th|tr|h\d|br)\b[^>]*>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))
      .replace(/&(\w+);/g, (whole, name) => entities[name] ?? whole)
      .replace(/\s+/g, " ")
  );
}

function expectHeadlines(outDir: string, data: WorkbookData): void {
  for (const [name, headlines] of Object.entries(HEADLINES)) {
    const text = pageText(path.join(outDir, `${name}.html`));
    for (const headline of headlines(data)) {
      expect(text, `${name} prints "${headline}"`).toContain(headline);
    }
  }
}

describe("the report's index page", () => {
  it("shows the pool a random balancer needs and the whole scaled-out bill", () => {
    const { outDir, dataDir } = inject("report");
    const data = loadWorkbookData(dataDir);
    const target = data.server.capacityRps;
    const budget = budgetedPool(
      target,
      data.vm,
      data.assumptions.overloadBudget,
      data.assumptions,
    );
    const bill = scaleOutBill(compare(target, data), data.assumptions);
    const text = pageText(path.join(outDir, "index.html"));
    expect(text).toContain(
      `VMs a random balancer needs ${formatCount(budget.budgetedVms)}`,
    );
    expect(text).toContain(
      `Whole monthly bill, scaled out ${formatUsd(bill.totalUsdPerMonth, { cents: true })}`,
    );
  });
});

describe("the notebooks' headline figures", () => {
  it("match the model for the data of the shared report run", () => {
    const { run, outDir, dataDir } = inject("report");
    expect(run.code, run.stderr).toBe(0);
    expectHeadlines(outDir, loadWorkbookData(dataDir));
  });

  describe("with other machines", () => {
    // A VM of 4,000 req/s at $0.025 and a server at $1.50: every headline
    // changes (50 VMs for 200,000 req/s, 200 GB, 1 - 1.25 / 1.50 saved).
    const machines =
      `${MACHINES_HEADER}\n` +
      "server,Older server,32,128,200000,1.50\n" +
      "vm,Bigger VM,1,4,4000,0.025\n";
    const dataDir = dataFolder({ "machines.csv": machines });
    const outDir = path.join(
      mkdtempSync(path.join(tmpdir(), "headlines-")),
      "out",
    );
    let run: CommandRun;

    beforeAll(async () => {
      // Only the notebooks with headlines, to keep the test run short.
      const notebooksDir = mkdtempSync(path.join(tmpdir(), "notebooks-"));
      for (const name of Object.keys(HEADLINES)) {
        cpSync(`notebooks/${name}.ipynb`, `${notebooksDir}/${name}.ipynb`);
      }
      run = await runReport([
        "--data",
        dataDir,
        "--out",
        outDir,
        "--notebooks",
        notebooksDir,
      ]);
    });

    it("match the model", () => {
      expect(run.code, run.stderr).toBe(0);
      expectHeadlines(outDir, loadWorkbookData(dataDir));
    });
  });
});

describe.each(NOTEBOOKS)("the teaching shape of %s", (name) => {
  const notebook = JSON.parse(readFileSync(`notebooks/${name}`, "utf8"));
  const markdown: string[] = notebook.cells
    .filter((cell: { cell_type: string }) => cell.cell_type === "markdown")
    .map((cell: { source: string | string[] }) =>
      Array.isArray(cell.source) ? cell.source.join("") : cell.source,
    );

  it("opens with a title, learning goals and what the reader should know", () => {
    expect(markdown[0]).toMatch(/^# /);
    expect(markdown[0]).toContain("**Learning goals.**");
    expect(markdown[0]).toMatch(/should already know/i);
  });

  it("closes with a summary, what the model leaves out and exercises", () => {
    const at = (heading: string) =>
      markdown.findIndex((text) => text.includes(heading));
    const summary = at("## Summary");
    const leftOut = at("## What this model leaves out");
    const exercises = at("## Exercises");
    expect(summary).toBeGreaterThan(0);
    expect(leftOut).toBeGreaterThanOrEqual(summary);
    expect(exercises).toBeGreaterThanOrEqual(leftOut);
    const fromExercises = markdown.slice(exercises).join("\n");
    // A numbered list, or one "**Exercise N.**" paragraph per exercise.
    const items = fromExercises.match(/^(\d+\. |\*\*Exercise \d+\.\*\*)/gm);
    expect(items?.length).toBeGreaterThanOrEqual(2);
  });
});
