/**
 * `npm run report`, run as a student runs it: the shared run of every
 * notebook (test/helpers/reportOnce.ts) for what a good report holds, and
 * small runs of their own for bad data, a failing notebook and a bad --out.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { dataFolder, MACHINES_HEADER } from "./helpers/dataFolder.js";
import { writeNotebook } from "./helpers/notebookFile.js";
import { HOSTILE_NAME } from "./helpers/reportOnce.js";
import { runReport } from "./helpers/runReport.js";

/** Largest page allowed: the cartesian plotly bundle alone is 1.36 MB. */
const PAGE_BUDGET_BYTES = 3_000_000;

const NOTEBOOKS = readdirSync("notebooks")
  .filter((name) => name.endsWith(".ipynb"))
  .sort();

function temporaryFolder(): string {
  return mkdtempSync(path.join(tmpdir(), "workbook-report-test-"));
}

describe("npm run report", () => {
  const { run, outDir } = inject("report");
  const read = (name: string) => readFileSync(path.join(outDir, name), "utf8");

  describe("with every notebook and good data", () => {
    it("prints one line per notebook and a total line", () => {
      const lines = run.stdout
        .split("\n")
        .filter((line) => line.startsWith("report: "));
      expect(lines).toHaveLength(NOTEBOOKS.length + 1);
      expect(lines.at(-1)).toMatch(
        new RegExp(`^report: ${NOTEBOOKS.length} notebooks? in \\d+\\.\\d s, `),
      );
    });

    it("writes one page per notebook and an index that links each", () => {
      const index = read("index.html");
      for (const name of NOTEBOOKS) {
        const page = name.replace(/\.ipynb$/, ".html");
        expect(existsSync(path.join(outDir, page))).toBe(true);
        expect(index).toContain(`href="${page}"`);
      }
    });

    it("shows the headline figures at the server's capacity", () => {
      // Worked by hand from data/: 200,000 / 5,000 = 40 VMs;
      // 40 × $0.02 = $0.80/h, × 24 h × 30 days = $576.00 a month;
      // the server is $1.25/h, × 720 h = $900.00; $900 - $576 = $324.00,
      // and 324 / 900 = 36%. Dollars are written as &#36;.
      const index = read("index.html");
      expect(index).toContain("VMs needed at 200,000 req/s");
      expect(index).toContain('<div class="value">40</div>');
      expect(index).toContain('<div class="value">&#36;0.80/h</div>');
      expect(index).toContain("&#36;576.00 per month");
      expect(index).toContain('<div class="value">&#36;1.25/h</div>');
      expect(index).toContain("&#36;900.00 per month");
      expect(index).toContain('<div class="value">&#36;0.45/h</div>');
      expect(index).toContain("&#36;324.00 per month, 36% of the server cost");
    });

    it("keeps every page within the size budget", () => {
      for (const name of readdirSync(outDir)) {
        const bytes = statSync(path.join(outDir, name)).size;
        expect(bytes, name).toBeLessThanOrEqual(PAGE_BUDGET_BYTES);
      }
    });

    it("writes pages that load no script, style or font from elsewhere", () => {
      // The plotly bundle inside the pages mentions MathJax and URLs in
      // its own code, so only tags that would fetch something are sought.
      const fetches = [
        /<script[^>]*\ssrc=/i,
        /<link[^>]*\shref=["']?(https?:)?\/\//i,
        /@import\s+url\(["']?(https?:)?\/\//i,
        /<script[^>]*type="text\/x-mathjax-config"/i,
      ];
      const pages = readdirSync(outDir).filter((n) => n.endsWith(".html"));
      for (const name of pages) {
        const html = read(name);
        for (const pattern of fetches) {
          expect(pattern.test(html), `${name} matches ${pattern}`).toBe(false);
        }
      }
    });
  });

  describe("with a scenario named like markup", () => {
    // reportOnce.ts added the scenario HOSTILE_NAME to the data copy.
    const escaped = "&lt;img src=x onerror=alert(1)&gt;";

    it("shows the name as text on the index page", () => {
      const index = read("index.html");
      expect(index.includes(escaped), "escaped name").toBe(true);
      expect(index.includes(HOSTILE_NAME), "raw name").toBe(false);
    });

    it("shows the name as text in the start-here notebook", () => {
      const page = read("00-start-here.html");
      expect(page.includes(escaped), "escaped name").toBe(true);
      expect(page.includes(HOSTILE_NAME), "raw name").toBe(false);
    });
  });

  describe("with bad data", () => {
    it("exits with status 2 and prints file:line messages, no stack", async () => {
      const dir = dataFolder({
        "machines.csv": [
          MACHINES_HEADER,
          "server,Single server,32,128,200000,1.25",
          "vm,Small VM,1,2,lots,0.02",
          "",
        ].join("\n"),
      });
      const out = path.join(temporaryFolder(), "reports");

      const result = await runReport(["--data", dir, "--out", out]);

      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `${dir}/machines.csv:3: capacity_rps must be a positive number, ` +
          'got "lots"\n',
      );
      expect(result.stdout).not.toContain("report: ");
      expect(existsSync(out)).toBe(false);
    });
  });

  describe("with a failing notebook", () => {
    it("names the notebook, the cell and the error, and keeps the last report", async () => {
      const notebooks = temporaryFolder();
      writeNotebook(path.join(notebooks, "01-fine.ipynb"), [
        { code: 'console.log("fine");' },
      ]);
      writeNotebook(path.join(notebooks, "02-broken.ipynb"), [
        { markdown: "# Broken" },
        { code: "const vms = 40;" },
        { code: 'const usdPerHour: number = "0.80";' },
        { code: 'console.log("never reached");' },
      ]);
      writeNotebook(path.join(notebooks, "03-throws.ipynb"), [
        { code: 'throw new Error("capacity must be positive");' },
      ]);
      // A report from an earlier, successful run.
      const out = path.join(temporaryFolder(), "reports");
      mkdirSync(out);
      writeFileSync(path.join(out, "index.html"), "earlier report");
      writeFileSync(path.join(out, "report.json"), "{}");

      const result = await runReport(["--notebooks", notebooks, "--out", out]);

      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(
        /^report: 01-fine\.ipynb \.\.\. \d+\.\d s$/m,
      );
      // The third cell, counting the markdown cell; the text is
      // TypeScript's own message (TS2322) for a string given to a number.
      expect(result.stderr).toContain("report: 02-broken.ipynb ... failed in");
      expect(result.stderr).toContain(
        '02-broken.ipynb, cell 3: const usdPerHour: number = "0.80";',
      );
      expect(result.stderr).toContain(
        "Type 'string' is not assignable to type 'number'.",
      );
      expect(result.stderr).toContain("03-throws.ipynb, cell 1");
      expect(result.stderr).toContain("Error: capacity must be positive");
      expect(result.stderr).toContain("report: 2 of 3 notebooks failed after");
      expect(result.stderr).not.toContain("node_modules/tslab");

      expect(readdirSync(out).sort()).toEqual(["index.html", "report.json"]);
      expect(readFileSync(path.join(out, "index.html"), "utf8")).toBe(
        "earlier report",
      );
      expect(readdirSync(path.dirname(out))).toEqual(["reports"]);
    });
  });

  describe("with --out naming a folder that is not a report", () => {
    it("refuses to replace it and exits with status 2", async () => {
      const out = temporaryFolder();
      writeFileSync(path.join(out, "notes.txt"), "mine");

      const result = await runReport(["--out", out]);

      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `--out ${out}: the folder holds files that are not a report; ` +
          "choose a new or empty folder\n",
      );
      expect(readdirSync(out)).toEqual(["notes.txt"]);
    });
  });
});
