/**
 * The `plan` command, run as a user runs it: a child process reading real
 * CSV files. Bad input must exit with status 2 and say file, line, column
 * and what was expected, without a stack trace.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { dataFolder, MACHINES_HEADER } from "./helpers/dataFolder.js";

const run = promisify(execFile);

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

async function plan(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("node_modules/.bin/tsx", [
      "scripts/plan.ts",
      ...args,
    ]);
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return {
      status: failed.code,
      stdout: failed.stdout,
      stderr: failed.stderr,
    };
  }
}

/** Runs plan on a copy of data/ with some files replaced. */
function planWith(files: Record<string, string | null>): Promise<Outcome> {
  return plan("--data", dataFolder(files), "--json");
}

// Each case starts a Node process; on a busy 2-core machine that can take
// several seconds, far beyond vitest's 5 s default.
describe("plan", { timeout: 60_000 }, () => {
  describe("with the shipped data", () => {
    it.concurrent(
      "prints an aligned table with the exercise's 40 VMs at $576.00 a month",
      async () => {
        const { status, stdout } = await plan();
        expect(status).toBe(0);
        const line = stdout.split("\n").find((text) => text.startsWith("200k"));
        expect(line).toMatch(
          /200,000 req\/s\s+40\s+\$0\.80\s+\$576\.00\s+1\s+\$1\.25\s+\$900\.00\s+\$324\.00\s+36%/,
        );
        const widths = new Set(
          stdout
            .trimEnd()
            .split("\n")
            .map((text) => text.length),
        );
        expect(widths.size).toBeLessThanOrEqual(2);
      },
    );

    it.concurrent("prints one JSON document with every scenario", async () => {
      const { status, stdout } = await plan("--json");
      expect(status).toBe(0);
      const document = JSON.parse(stdout);
      expect(document.assumptions).toMatchObject({
        hours_per_day: 24,
        days_per_month: 30,
        days_per_year: 365,
        target_utilization: 1,
        redundancy_spares: 0,
      });
      expect(
        document.scenarios.map((row: { target_rps: number }) => row.target_rps),
      ).toEqual([50000, 100000, 200000, 500000, 1000000, 5000000, 10000000]);
      // By hand: 40 × 0.02 = 0.80 an hour; 2.5 servers × 1.25 = 3.125 at 500k.
      expect(document.scenarios[2]).toMatchObject({
        vms: 40,
        vm_usd_per_hour: 0.8,
        vm_usd_per_day: 19.2,
        vm_usd_per_month: 576,
        vm_usd_per_year: 7008,
        servers: 1,
        server_usd_per_hour: 1.25,
        server_usd_per_day: 30,
        server_usd_per_month: 900,
        server_usd_per_year: 10950,
        server_equivalent_usd_per_hour: 1.25,
        savings_fraction: 0.36,
      });
      // The random balancer at 200k over 40 VMs: P(Poisson(5,000) > 5,000)
      // is 0.4962388 (mpmath), the excess 1,128.36 req/s of 200,000, and
      // 43 VMs are the first to meet a 1% budget (test/randomBalancer).
      const randomLb = document.scenarios[2].random_lb;
      expect(randomLb).toMatchObject({ vms: 40, vms_for_overload_budget: 43 });
      expect(randomLb.p_vm_overload).toBeCloseTo(0.4962388, 6);
      expect(randomLb.p_any_overload_per_second).toBeCloseTo(1, 9);
      expect(randomLb.dropped_fraction).toBeCloseTo(1128.36 / 200000, 6);
      expect(document.scenarios[3]).toMatchObject({
        servers: 3,
        server_equivalent_usd_per_hour: 3.125,
      });
    });

    it.concurrent("replaces the scenarios with the --rps targets", async () => {
      const { stdout } = await plan("--json", "--rps", "5000", "5001");
      const rows = JSON.parse(stdout).scenarios;
      expect(rows.map((row: { vms: number }) => row.vms)).toEqual([1, 2]);
    });
  });

  describe("with another data folder", () => {
    it.concurrent(
      "reads CRLF, a byte order mark, quoted fields and spaces around values",
      async () => {
        const machines =
          "\ufeffusd_per_hour , id,label,cores,memory_gb,capacity_rps\r\n" +
          ' 1.25 ,server,"Big, old server",32,128,200000\r\n' +
          '"0.03",vm,Small VM,1,2, 4000 \r\n';
        const { status, stdout } = await planWith({ "machines.csv": machines });
        expect(status).toBe(0);
        // 200,000 / 4,000 = 50 VMs at 0.03 = 1.50 an hour.
        expect(JSON.parse(stdout).scenarios[2]).toMatchObject({
          vms: 50,
          vm_usd_per_hour: 1.5,
        });
      },
    );

    it.concurrent("takes the default for an assumption left out", async () => {
      const { stdout } = await planWith({
        "assumptions.csv": "key,value\ntarget_utilization,0.8\n",
      });
      const document = JSON.parse(stdout);
      expect(document.assumptions.days_per_month).toBe(30);
      // 200,000 / (5,000 × 0.8) = 50.
      expect(document.scenarios[2].vms).toBe(50);
    });
  });

  describe("with bad input", () => {
    const cases: [string, Record<string, string | null>, string[]][] = [
      [
        "a missing file",
        { "machines.csv": null },
        ["machines.csv: file not found"],
      ],
      [
        "a missing column",
        {
          "machines.csv":
            "id,label,cores,memory_gb,usd_per_hour\nserver,S,32,128,1.25\nvm,V,1,2,0.02\n",
        },
        ['machines.csv:1: missing column "capacity_rps"'],
      ],
      [
        "a missing vm row",
        { "machines.csv": `${MACHINES_HEADER}\nserver,S,32,128,200000,1.25\n` },
        ['machines.csv: missing a row with id "vm"'],
      ],
      [
        "a duplicate id",
        {
          "machines.csv": `${MACHINES_HEADER}\nserver,S,32,128,200000,1.25\nvm,V,1,2,5000,0.02\nvm,W,1,2,5000,0.02\n`,
        },
        ['machines.csv:4: id "vm" is already used on line 3'],
      ],
      [
        "a ragged row",
        { "scenarios.csv": "name,target_rps\nsmall,50000,extra\n" },
        ["scenarios.csv:2: expected 2 fields like the header, found 3"],
      ],
      [
        "an empty scenario list",
        { "scenarios.csv": "name,target_rps\n" },
        ["scenarios.csv: no scenarios"],
      ],
      [
        "a word for a number",
        {
          "machines.csv": `${MACHINES_HEADER}\nserver,S,32,128,200000,1.25\nvm,V,1,2,abc,0.02\n`,
        },
        ['machines.csv:3: capacity_rps must be a positive number, got "abc"'],
      ],
      [
        "NaN and Infinity",
        { "scenarios.csv": "name,target_rps\na,NaN\nb,Infinity\n" },
        [
          'scenarios.csv:2: target_rps must be a positive number, got "NaN"',
          'scenarios.csv:3: target_rps must be a positive number, got "Infinity"',
        ],
      ],
      [
        "a zero capacity and a negative price",
        {
          "machines.csv": `${MACHINES_HEADER}\nserver,S,32,128,0,1.25\nvm,V,1,2,5000,-0.02\n`,
        },
        [
          'machines.csv:2: capacity_rps must be a positive number, got "0"',
          'machines.csv:3: usd_per_hour must be a positive number, got "-0.02"',
        ],
      ],
      [
        "a fractional spare count",
        { "assumptions.csv": "key,value\nredundancy_spares,1.5\n" },
        [
          'assumptions.csv:2: redundancy_spares must be a whole number of 0 or more, got "1.5"',
        ],
      ],
      [
        "a utilization above 1",
        { "assumptions.csv": "key,value\ntarget_utilization,1.2\n" },
        [
          'assumptions.csv:2: target_utilization must be a number greater than 0 and at most 1, got "1.2"',
        ],
      ],
      [
        "a zero utilization",
        { "assumptions.csv": "key,value\ntarget_utilization,0\n" },
        [
          "assumptions.csv:2: target_utilization must be a number greater than 0 and at most 1",
        ],
      ],
      [
        "a misspelt key",
        { "assumptions.csv": "key,value\ntarget_utilisation,0.8\n" },
        [
          'assumptions.csv:2: unknown key "target_utilisation", did you mean "target_utilization"?',
        ],
      ],
      [
        "a repeated key",
        {
          "assumptions.csv": "key,value\nhours_per_day,24\nhours_per_day,20\n",
        },
        ['assumptions.csv:3: key "hours_per_day" is already set on line 2'],
      ],
      [
        "an unclosed quote",
        { "scenarios.csv": 'name,target_rps\n"small,50000\n' },
        ["scenarios.csv:", "not valid CSV"],
      ],
    ];

    it.concurrent.each(cases)(
      "exits 2 and explains %s",
      async (_, files, messages) => {
        const { status, stdout, stderr } = await planWith(files);
        expect(status).toBe(2);
        expect(stdout).toBe("");
        for (const message of messages) expect(stderr).toContain(message);
        expect(stderr).not.toMatch(/\n\s+at /);
      },
    );

    it.concurrent(
      "reports every problem of a file at once, one line each",
      async () => {
        const machines = `${MACHINES_HEADER}\nserver,S,32,128,fast,1.25\nvm,V,1,2,5000,free\n`;
        const { status, stderr } = await planWith({
          "machines.csv": machines,
          "scenarios.csv": "name,target_rps\n",
        });
        expect(status).toBe(2);
        expect(stderr.trimEnd().split("\n")).toEqual([
          expect.stringMatching(
            /machines\.csv:2: capacity_rps must be a positive number, got "fast"$/,
          ),
          expect.stringMatching(
            /machines\.csv:3: usd_per_hour must be a positive number, got "free"$/,
          ),
          expect.stringMatching(/scenarios\.csv: no scenarios/),
        ]);
      },
    );

    it.concurrent(
      "rejects a target given on the command line that is not a number",
      async () => {
        const { status, stderr } = await plan("--rps", "lots");
        expect(status).toBe(2);
        expect(stderr).toContain('--rps must be a positive number, got "lots"');
      },
    );

    it.concurrent("rejects an unknown flag", async () => {
      const { status, stderr } = await plan("--bogus");
      expect(status).toBe(2);
      expect(stderr).toContain("unknown option '--bogus'");
    });
  });
});
