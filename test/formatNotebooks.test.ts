import { describe, expect, it } from "vitest";
import { wrapProse } from "../scripts/formatNotebooks.js";

describe("wrapProse", () => {
  const long =
    "show.md`The pool of ${pool.count} VMs costs ${usd(pool.usdPerHour)} " +
    "an hour, which is less than the server, and it can grow further.`;";

  it("breaks show.md prose at a space once a line passes 72 columns", () => {
    const lines = wrapProse(long).split("\n");
    expect(lines.length).toBeGreaterThan(1);
    // Only the spaces changed: joining the lines back gives the original.
    expect(lines.join(" ")).toBe(long);
  });

  it("never breaks inside an interpolated expression", () => {
    const code =
      "show.md`" + "word ".repeat(14) + "${format(a, { b: `x y z` })} end`;";
    const wrapped = wrapProse(code);
    expect(wrapped).toContain("${format(a, { b: `x y z` })}");
  });

  it("leaves other template literals and code alone", () => {
    const code = `const title = \`${"word ".repeat(30)}\`;`;
    expect(wrapProse(code)).toBe(code);
  });

  it("changes nothing the second time", () => {
    expect(wrapProse(wrapProse(long))).toBe(wrapProse(long));
  });
});
