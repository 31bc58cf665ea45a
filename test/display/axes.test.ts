import { describe, expect, it } from "vitest";
import {
  countAxis,
  hoverCount,
  hoverPercent,
  hoverRps,
  hoverTemplate,
  hoverUsd,
  rpsAxis,
  usdAxis,
} from "../../lib/display/axes.js";

// The d3-format specs below read, per d3-format's documentation: `,` groups
// thousands, `.2f` gives two decimals, `$` adds the currency symbol, `~s`
// is SI notation without trailing zeros, `.1%` a percentage to one decimal.

describe("usdAxis", () => {
  it("prefixes ticks with $ and shows cents with thousands separators", () => {
    expect(usdAxis("Cost ($/hour)")).toEqual({
      title: { text: "Cost ($/hour)" },
      tickprefix: "$",
      tickformat: ",.2f",
      rangemode: "tozero",
    });
  });

  it("drops the cents when asked for whole dollars", () => {
    expect(usdAxis("Cost", { wholeDollars: true }).tickformat).toBe(",.0f");
  });
});

describe("rpsAxis", () => {
  it("uses SI ticks such as 200k and starts at zero", () => {
    expect(rpsAxis("Traffic (req/s)")).toEqual({
      title: { text: "Traffic (req/s)" },
      tickformat: "~s",
      rangemode: "tozero",
    });
  });

  it("labels 1, 2 and 5 of each decade on a log axis", () => {
    expect(rpsAxis("Traffic", { log: true })).toMatchObject({
      type: "log",
      dtick: "D2",
    });
  });
});

describe("countAxis", () => {
  it("groups thousands", () => {
    expect(countAxis("VMs").tickformat).toBe(",");
  });
});

describe("hover helpers", () => {
  it("format dollars, request rates, counts and percentages", () => {
    expect([
      hoverUsd(),
      hoverRps(),
      hoverCount("x"),
      hoverPercent("customdata[0]"),
    ]).toEqual([
      "%{y:$,.2f}",
      "%{x:,} req/s",
      "%{x:,}",
      "%{customdata[0]:.1%}",
    ]);
  });

  it("join template lines with line breaks", () => {
    expect(
      hoverTemplate(`Traffic: ${hoverRps()}`, `Cost: ${hoverUsd()}/h`),
    ).toBe("Traffic: %{x:,} req/s<br>Cost: %{y:$,.2f}/h");
  });
});
