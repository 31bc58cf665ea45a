/**
 * The report's front page: headline figures computed by lib/ from the same
 * data folder the notebooks read, the scenario table, and a link to each
 * notebook's page. Self-contained: no script, no external file.
 */
import type { Comparison, Usd, WorkbookData } from "../../lib/index.js";
import {
  budgetedPool,
  compare,
  formatCount,
  formatPercent,
  formatRps,
  scaleOutBill,
  scaleUpBill,
  scenarioTable,
} from "../../lib/index.js";
import { escapeHtml } from "../../lib/display/escape.js";
import { usd } from "../../lib/display/markdown.js";

/** A notebook page the front page links to. */
export interface NotebookPage {
  html: string;
  title: string;
}

/** Monthly dollars to the cent, escaped for HTML: `&#36;576.00`. */
function monthly(amount: Usd): string {
  return usd(amount, { cents: true });
}

function headline(label: string, value: string, detail: string): string {
  return [
    `<div class="figure">`,
    `<div class="label">${label}</div>`,
    `<div class="value">${value}</div>`,
    `<div class="detail">${detail}</div>`,
    `</div>`,
  ].join("");
}

/** The figures a reader looks for first, at the server's capacity. */
function headlines(data: WorkbookData): string {
  const target = data.server.capacityRps;
  const row = compare(target, data);
  const at = escapeHtml(formatRps(target));
  return [
    headline(
      `VMs needed at ${at}`,
      escapeHtml(formatCount(row.vms.count)),
      `${escapeHtml(data.vm.label)}, ${escapeHtml(formatRps(data.vm.capacityRps))} each`,
    ),
    headline(
      "VM pool cost",
      `${usd(row.vms.cost.usdPerHour)}/h`,
      `${monthly(row.vms.cost.usdPerMonth)} per month`,
    ),
    headline(
      "Single server cost",
      `${usd(row.servers.cost.usdPerHour)}/h`,
      `${monthly(row.servers.cost.usdPerMonth)} per month, ` +
        `${escapeHtml(formatCount(row.servers.count))} × ${escapeHtml(data.server.label)}`,
    ),
    headline(
      "Savings of scaling out",
      `${usd(row.savings.usdPerHour)}/h`,
      `${monthly(row.savings.usdPerMonth)} per month, ` +
        `${escapeHtml(formatPercent(row.savingsFraction))} of the server cost`,
    ),
    ...beyondTheExercise(data, row),
  ].join("\n");
}

/**
 * Two corrections the notebooks make to the exercise: the pool a random
 * balancer needs, and the bill once the network and data layer count.
 */
function beyondTheExercise(data: WorkbookData, row: Comparison): string[] {
  const { assumptions } = data;
  const pool = budgetedPool(
    row.targetRps,
    data.vm,
    assumptions.overloadBudget,
    assumptions,
  );
  const dropped = (pool.exercise.droppedFraction * 100).toFixed(2);
  return [
    headline(
      "VMs a random balancer needs",
      escapeHtml(formatCount(pool.budgetedVms)),
      `${escapeHtml(formatCount(pool.exerciseVms))} VMs drop ${dropped}% ` +
        `of requests; ${escapeHtml(formatCount(pool.budgetedVms))} stay ` +
        `within the overload budget for ${usd(pool.budgetedCost.usdPerHour)}/h`,
    ),
    headline(
      "Whole monthly bill, scaled out",
      monthly(scaleOutBill(row, assumptions).totalUsdPerMonth),
      `with network and shared data layer, against ` +
        `${monthly(scaleUpBill(row, assumptions).totalUsdPerMonth)} ` +
        `for the single server`,
    ),
  ];
}

const COLUMNS: [string, (row: Comparison) => string][] = [
  ["Scenario", (row) => escapeHtml(row.name)],
  ["Target (req/s)", (row) => escapeHtml(formatCount(row.targetRps))],
  ["VMs", (row) => escapeHtml(formatCount(row.vms.count))],
  ["VMs (&#36;/month)", (row) => monthly(row.vms.cost.usdPerMonth)],
  ["Servers", (row) => escapeHtml(formatCount(row.servers.count))],
  ["Servers (&#36;/month)", (row) => monthly(row.servers.cost.usdPerMonth)],
  ["Saved (&#36;/month)", (row) => monthly(row.savings.usdPerMonth)],
  ["Saved (%)", (row) => escapeHtml(formatPercent(row.savingsFraction))],
];

function scenarioRows(data: WorkbookData): string {
  const head = COLUMNS.map(([title]) => `<th>${title}</th>`).join("");
  const body = scenarioTable(data)
    .map(
      (row) =>
        `<tr>${COLUMNS.map(([, cell]) => `<td>${cell(row)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<table class="dataframe">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function notebookList(pages: readonly NotebookPage[]): string {
  const items = pages.map(
    (page) =>
      `<li><a href="${escapeHtml(encodeURI(page.html))}">${escapeHtml(page.title)}</a></li>`,
  );
  // A list without numbers: notebook titles carry their own.
  return `<ul class="notebooks">\n${items.join("\n")}\n</ul>`;
}

const STYLE = `
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; color: #1f2328; line-height: 1.5; }
h1 { margin-bottom: 0.2rem; }
.source { color: #57606a; margin-top: 0; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
  gap: 0.8rem; margin: 1.5rem 0; }
.figure { border: 1px solid #d0d7de; border-radius: 6px; padding: 0.8rem; }
.label { font-size: 0.85rem; color: #57606a; }
.value { font-size: 1.6rem; font-weight: 600; }
.detail { font-size: 0.85rem; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #d0d7de; }
th { text-align: right; }
td { text-align: right; font-variant-numeric: tabular-nums; }
th:first-child, td:first-child { text-align: left; }
.notebooks li { margin: 0.3rem 0; }
`;

/** The whole front page. */
export function indexPage(
  data: WorkbookData,
  pages: readonly NotebookPage[],
): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scaling up or scaling out: report</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Scaling up or scaling out</h1>
<p class="source">Computed from the data in <code>${escapeHtml(data.dir)}</code>.</p>
<section class="figures">
${headlines(data)}
</section>
<h2>Every scenario</h2>
${scenarioRows(data)}
<h2>Notebooks</h2>
${notebookList(pages)}
</body>
</html>
`;
}
