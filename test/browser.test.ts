/**
 * Every page of the shared report (test/helpers/reportOnce.ts) opened from
 * disk in Debian's chromium, with the network cut: anything that is not a
 * file: or data: URL is aborted and counted as a failed request.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";

/**
 * The little of the DOM that the functions run in the page use: the
 * project's tsconfig has no DOM library, and this keeps it out of lib/.
 */
interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): PageElement[] & { length: number };
}
declare const document: PageElement;

/** What a page did while it loaded, and what it shows once loaded. */
interface Visit {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  dialogs: string[];
  charts: number;
  drawnCharts: number;
  tableRows: number[];
  diagrams: number;
  hostileImages: number;
}

const { outDir } = inject("report");
const PAGES = existsSync(outDir)
  ? readdirSync(outDir)
      .filter((name) => name.endsWith(".html"))
      .sort()
  : [];

let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  profile = mkdtempSync(path.join(tmpdir(), "workbook-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function visit(name: string): Promise<Visit> {
  const page = await context.newPage();
  const found: Visit = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    dialogs: [],
    charts: 0,
    drawnCharts: 0,
    tableRows: [],
    diagrams: 0,
    hostileImages: 0,
  };
  await page.route("**/*", (route) => {
    const url = route.request().url();
    return /^(file|data):/.test(url) ? route.continue() : route.abort();
  });
  page.on("console", (message) => {
    if (message.type() === "error") found.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => found.pageErrors.push(error.message));
  page.on("requestfailed", (request) =>
    found.failedRequests.push(request.url()),
  );
  page.on("dialog", (dialog) => {
    found.dialogs.push(dialog.message());
    return dialog.dismiss();
  });

  await page.goto(pathToFileURL(path.join(outDir, name)).href, {
    waitUntil: "load",
  });
  // A chart has drawn when plotly has put its SVG inside the container.
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll(".scaling-chart")].every((chart) =>
          chart.querySelector(".main-svg"),
        ),
      undefined,
      { timeout: 15_000 },
    )
    .catch(() => undefined); // counted below, and reported by the test

  Object.assign(
    found,
    await page.evaluate(() => ({
      charts: document.querySelectorAll(".scaling-chart").length,
      drawnCharts: [...document.querySelectorAll(".scaling-chart")].filter(
        (chart) => chart.querySelector(".main-svg"),
      ).length,
      tableRows: [...document.querySelectorAll("table")].map(
        (table) => table.querySelectorAll("tbody tr").length,
      ),
      diagrams: document.querySelectorAll('svg[role="img"] rect').length
        ? document.querySelectorAll('svg[role="img"]').length
        : 0,
      hostileImages: document.querySelectorAll('img[src="x"]').length,
    })),
  );
  await page.close();
  return found;
}

describe("the report", () => {
  it("has an index page and one page per notebook", () => {
    expect(PAGES).toContain("index.html");
    expect(PAGES.length).toBeGreaterThan(1);
  });
});

describe.each(PAGES)("the report page %s", (name) => {
  let found: Visit;
  beforeAll(async () => {
    found = await visit(name);
  });

  it("loads from disk with no console error, page error or failed request", () => {
    expect(found.consoleErrors).toEqual([]);
    expect(found.pageErrors).toEqual([]);
    expect(found.failedRequests).toEqual([]);
  });

  it("draws every chart", () => {
    expect(found.drawnCharts).toBe(found.charts);
  });

  it("fills every table with rows", () => {
    expect(
      found.tableRows.every((rows) => rows > 0),
      String(found.tableRows),
    ).toBe(true);
  });

  it("runs no script from the data and opens no dialog", () => {
    expect(found.hostileImages).toBe(0);
    expect(found.dialogs).toEqual([]);
  });

  if (name === "index.html") {
    it("shows the scenario table", () => {
      expect(found.tableRows.length).toBe(1);
    });
  }

  if (name === "00-start-here.html") {
    it("shows at least one chart, one table and one diagram", () => {
      expect(found.charts).toBeGreaterThanOrEqual(1);
      expect(found.tableRows.length).toBeGreaterThanOrEqual(1);
      expect(found.diagrams).toBeGreaterThanOrEqual(1);
    });
  }
});
