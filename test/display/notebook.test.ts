import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as model from "../../lib/index.js";
import * as notebook from "../../lib/notebook.js";

/**
 * Imports lib/notebook.ts in a fresh Node process (as a kernel would, with
 * nothing loaded before it), optionally calls one export, and reports which
 * heavy packages ended up loaded.
 */
function heavyModulesAfter(call = ""): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), "notebook-import-"));
  const probe = path.join(dir, "probe.mts");
  writeFileSync(
    probe,
    [
      'import { createRequire } from "node:module";',
      `const m = await import(${JSON.stringify(path.resolve("lib/notebook.ts"))});`,
      call,
      "const loaded = Object.keys(createRequire(import.meta.url).cache);",
      "console.log(JSON.stringify(loaded.filter((f) =>",
      "  /danfojs|tensorflow|plotly/.test(f))));",
    ].join("\n"),
  );
  const run = spawnSync(process.execPath, ["--import", "tsx", probe], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe("lib/notebook", () => {
  it("re-exports every export of the model", () => {
    for (const [name, value] of Object.entries(model)) {
      expect(notebook, name).toHaveProperty(name, value);
    }
  });

  it("exports the display helpers notebooks use", () => {
    const helpers = [
      "escapeHtml",
      "tableHtml",
      "frame",
      "chartHtml",
      "resetCharts",
      "usdAxis",
      "rpsAxis",
      "countAxis",
      "hoverUsd",
      "hoverRps",
      "hoverCount",
      "hoverPercent",
      "hoverTemplate",
      "currentArchitectureSvg",
      "proposedArchitectureSvg",
      "md",
      "usd",
      "protectDollars",
      "show",
    ];
    expect(helpers.filter((name) => !(name in notebook))).toEqual([]);
  });

  it("loads neither danfojs-node nor plotly when imported", () => {
    expect(heavyModulesAfter()).toEqual([]);
  }, 30_000);

  it("loads danfojs-node on the first call to frame", () => {
    expect(heavyModulesAfter("m.frame([{ a: 1 }]);").length).toBeGreaterThan(0);
  }, 30_000);
});
