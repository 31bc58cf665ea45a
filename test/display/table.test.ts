import { describe, expect, it } from "vitest";
import type { ColumnSpec } from "../../lib/display/columns.js";
import { isFrameLike, tableHtml } from "../../lib/display/table.js";
import { exact } from "../../lib/money.js";

/** The text of every `<th>` or `<td>`, row by row, with its alignment. */
function cells(html: string): { text: string; align: string }[][] {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map(([, row]) =>
    [
      ...row.matchAll(/<t[hd] style="text-align: (\w+);[^"]*">(.*?)<\/t[hd]>/g),
    ].map(([, align, text]) => ({ text, align })),
  );
}

const texts = (html: string) =>
  cells(html).map((row) => row.map((cell) => cell.text));

// Figures worked out by hand for 40 VMs at $0.02/h over a 720-hour month:
// 40 × 0.02 = $0.80/h, × 720 = $576/month; the server is $1.25 × 720 = $900.
const rows = [
  {
    name: "200k (today's peak)",
    targetRps: exact(200000),
    vms: 40,
    vmUsdPerMonth: exact(576),
    savings: exact("0.36"),
  },
];

describe("tableHtml", () => {
  describe("with column specs", () => {
    const columns: ColumnSpec<(typeof rows)[number]>[] = [
      { key: "name", title: "Scenario" },
      { key: "targetRps", title: "Traffic", format: "rps" },
      { key: "vms", title: "VMs", format: "count" },
      { key: "vmUsdPerMonth", title: "VMs $/month", format: "usd-cents" },
      { key: "savings", title: "Savings", format: "percent" },
    ];
    const html = tableHtml(rows, columns);

    it("produces a table with the class Jupyter styles like pandas", () => {
      expect(html).toMatch(/^<table class="dataframe[ "]/);
      expect(html).toContain("tex2jax_ignore mathjax_ignore");
    });

    it("formats dollars, request rates, counts and percentages", () => {
      expect(texts(html)[1]).toEqual([
        "200k (today&#39;s peak)",
        "200,000 req/s",
        "40",
        "&#36;576.00",
        "36%",
      ]);
    });

    it("writes titles with their units, escaped", () => {
      expect(texts(html)[0]).toEqual([
        "Scenario",
        "Traffic",
        "VMs",
        "VMs &#36;/month",
        "Savings",
      ]);
    });

    it("right-aligns numbers and left-aligns text, headers included", () => {
      for (const row of cells(html)) {
        expect(row.map((cell) => cell.align)).toEqual([
          "left",
          "right",
          "right",
          "right",
          "right",
        ]);
      }
    });
  });

  describe("with value readers", () => {
    it("reads each cell through the column's value function", () => {
      const plans = [{ vms: { count: 40, usdPerHour: exact("0.8") } }];
      const html = tableHtml(plans, [
        { key: "count", title: "VMs", value: (p) => p.vms.count },
        {
          key: "hourly",
          title: "VMs $/h",
          value: (p) => p.vms.usdPerHour,
          format: "usd",
        },
      ]);
      expect(texts(html)[1]).toEqual(["40", "&#36;0.80"]);
    });

    it("keeps five decimals of a unit price such as $0.00625", () => {
      // $1.25/h for 200 thousand req/s: 1.25 / 200 = 0.00625 per 1,000.
      const html = tableHtml(
        [{ price: exact("0.00625") }],
        [{ key: "price", format: "usd" }],
      );
      expect(texts(html)[1]).toEqual(["&#36;0.00625"]);
    });
  });

  describe("without column specs", () => {
    it("makes one column per key of the first record, titled by the key", () => {
      const html = tableHtml([{ name: "50k", vms: 10 }]);
      expect(texts(html)).toEqual([
        ["name", "vms"],
        ["50k", "10"],
      ]);
    });

    it("right-aligns a numeric column it was not told about", () => {
      const html = tableHtml([{ name: "50k", vms: 1234.5 }]);
      expect(cells(html)[1]).toEqual([
        { text: "50k", align: "left" },
        { text: "1,234.5", align: "right" },
      ]);
    });
  });

  describe("with a danfojs-shaped frame", () => {
    const df = {
      columns: ["name", "vm_usd_per_hour"],
      values: [
        ["50k", 0.2],
        ["1M", 4],
      ],
    };

    it("recognises the frame by its columns and values", () => {
      expect(isFrameLike(df)).toBe(true);
      expect(isFrameLike([df])).toBe(false);
    });

    it("shows its column names and rows", () => {
      expect(texts(tableHtml(df))).toEqual([
        ["name", "vm_usd_per_hour"],
        ["50k", "0.2"],
        ["1M", "4"],
      ]);
    });

    it("formats its cells by column name", () => {
      const html = tableHtml(df, [
        { key: "name", title: "Scenario" },
        { key: "vm_usd_per_hour", title: "VMs $/h", format: "usd" },
      ]);
      expect(texts(html).slice(1)).toEqual([
        ["50k", "&#36;0.20"],
        ["1M", "&#36;4.00"],
      ]);
    });

    it("shows a Series, whose rows are single values, as one column", () => {
      const series = { columns: ["vms"], values: [10, 20] };
      expect(texts(tableHtml(series))).toEqual([["vms"], ["10"], ["20"]]);
    });
  });

  describe("with text from a CSV file", () => {
    it("shows an img payload in a scenario name as text", () => {
      const html = tableHtml([{ name: "<img src=x onerror=alert(1)>" }]);
      expect(html).not.toContain("<img");
      expect(texts(html)[1]).toEqual(["&lt;img src=x onerror=alert(1)&gt;"]);
    });

    it("escapes the caption", () => {
      const html = tableHtml([{ a: 1 }], undefined, { caption: "<b>$</b>" });
      expect(html).toContain("<caption>&lt;b&gt;&#36;&lt;/b&gt;</caption>");
    });
  });

  describe("with missing or wrong cells", () => {
    it("leaves an undefined or null cell empty", () => {
      const html = tableHtml(
        [{ a: 1 }, { a: null }, {}],
        [{ key: "a", format: "usd" }],
      );
      expect(texts(html).slice(1)).toEqual([["&#36;1.00"], [""], [""]]);
    });

    it("throws a TypeError naming the column when a number is expected", () => {
      expect(() =>
        tableHtml(
          [{ a: "abc" }],
          [{ key: "a", title: "VMs $/h", format: "usd" }],
        ),
      ).toThrow('column "VMs $/h": format "usd" needs a number, got "abc"');
    });

    it("shows an empty table with its header", () => {
      expect(texts(tableHtml([], [{ key: "a", title: "A" }]))).toEqual([["A"]]);
    });
  });
});
