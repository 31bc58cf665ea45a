import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markdownValue,
  md,
  protectDollars,
  usd,
} from "../../lib/display/markdown.js";
import { exact } from "../../lib/money.js";

describe("protectDollars", () => {
  it("writes dollar signs in prose as &#36;", () => {
    expect(protectDollars("**$0.80** against $1.25")).toBe(
      "**&#36;0.80** against &#36;1.25",
    );
  });

  it("turns an author's \\$ into &#36; too, without a stray backslash", () => {
    expect(protectDollars("costs \\$5")).toBe("costs &#36;5");
  });

  it("leaves code spans and fenced blocks as written", () => {
    const markdown = "`$x` and $y\n```\nlet $z = 1;\n```\n";
    expect(protectDollars(markdown)).toBe(
      "`$x` and &#36;y\n```\nlet $z = 1;\n```\n",
    );
  });

  it("changes nothing more when run twice", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = protectDollars(text);
        expect(protectDollars(once)).toBe(once);
      }),
    );
  });
});

describe("usd", () => {
  it("formats dollars with the sign already escaped", () => {
    expect(usd(0.8)).toBe("&#36;0.80");
    expect(usd(exact("0.00625"))).toBe("&#36;0.00625");
  });

  it("rounds to cents when asked", () => {
    // 0.00625 rounds half up to 0.01.
    expect(usd("0.00625", { cents: true })).toBe("&#36;0.01");
  });
});

describe("markdownValue", () => {
  it("formats numbers and Decimals with thousands separators", () => {
    expect([markdownValue(2000), markdownValue(exact(200000))]).toEqual([
      "2,000",
      "200,000",
    ]);
  });

  it("escapes HTML and markdown signs in text", () => {
    expect(markdownValue("<img src=x onerror=alert(1)>")).toBe(
      "&lt;img src=x onerror=alert(1)&gt;",
    );
    expect(markdownValue("a_b*c")).toBe("a\\_b\\*c");
  });

  it("passes already-escaped text from usd through unchanged", () => {
    expect(markdownValue(usd(1.25))).toBe("&#36;1.25");
  });
});

describe("md", () => {
  it("renders a sentence from model numbers", () => {
    const vms = 40;
    const usdPerHour = exact("0.8");
    expect(md`We need **${vms}** VMs at ${usd(usdPerHour)} per hour.`).toBe(
      "We need **40** VMs at &#36;0.80 per hour.",
    );
  });

  it("escapes a scenario name and protects the template's own dollars", () => {
    const name = "<b>peak</b>";
    expect(md`${name} costs $1.25`).toBe(
      "&lt;b&gt;peak&lt;/b&gt; costs &#36;1.25",
    );
  });

  it("reads escapes such as \\n as the text they stand for", () => {
    // Prettier formats md`...` as embedded markdown; this one must stay.
    // prettier-ignore
    expect(md`first\nsecond`).toBe("first\nsecond");
  });
});
