import { describe, expect, it } from "vitest";
import { frame } from "../../lib/display/frame.js";
import { tableHtml } from "../../lib/display/table.js";
import { exact } from "../../lib/money.js";

// Loading danfojs-node takes over a second the first time.
const SLOW_MS = 30_000;

const plans = [
  { name: "50k", vms: { count: 10, usdPerHour: exact("0.2") } },
  { name: "1M", vms: { count: 200, usdPerHour: exact("4") } },
];
const columns = [
  { key: "name", title: "Scenario" },
  {
    key: "vmUsdPerHour",
    title: "VMs $/h",
    value: (p: (typeof plans)[number]) => p.vms.usdPerHour,
    format: "usd" as const,
  },
];

describe("frame", () => {
  it(
    "builds a DataFrame with one column per spec, Decimals as numbers",
    () => {
      const df = frame(plans, columns);
      expect(df.columns).toEqual(["name", "vmUsdPerHour"]);
      expect(df.values).toEqual([
        ["50k", 0.2],
        ["1M", 4],
      ]);
    },
    SLOW_MS,
  );

  it(
    "keeps flat records as they are without specs",
    () => {
      const df = frame([{ name: "50k", usdPerHour: exact("0.2") }]);
      expect(df.values).toEqual([["50k", 0.2]]);
    },
    SLOW_MS,
  );

  it(
    "gives a sorted frame back to tableHtml with the same specs",
    () => {
      const sorted = frame(plans, columns).sortValues("vmUsdPerHour", {
        ascending: false,
      });
      expect(tableHtml(sorted, columns)).toMatch(
        /1M<\/td><td [^>]*>&#36;4.00<\/td>[\s\S]*50k<\/td><td [^>]*>&#36;0.20/,
      );
    },
    SLOW_MS,
  );
});
