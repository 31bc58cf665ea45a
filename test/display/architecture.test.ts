import { describe, expect, it } from "vitest";
import {
  currentArchitectureSvg,
  proposedArchitectureSvg,
  vmRows,
} from "../../lib/display/architecture.js";
import { loadWorkbookData } from "../../lib/data.js";
import { dataFolder, MACHINES_HEADER } from "../helpers/dataFolder.js";

const data = loadWorkbookData("data");

/** The text content of every `<text>` element, tooltips left out. */
function texts(svg: string): string[] {
  return [
    ...svg.matchAll(/<text [^>]*>(?:<title>.*?<\/title>)?(.*?)<\/text>/g),
  ].map(([, text]) => text);
}

/** The VM numbers drawn in the pool: "VM 2,000 · ..." gives 2000. */
function vmNumbers(svg: string): number[] {
  return texts(svg)
    .map((text) => /^VM ([\d,]+)/.exec(text)?.[1])
    .filter((n): n is string => n !== undefined)
    .map((n) => Number(n.replaceAll(",", "")));
}

describe("vmRows", () => {
  it("lists every VM of a pool of five or fewer", () => {
    expect(vmRows(5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("shows the first three and the last of a larger pool", () => {
    expect(vmRows(6)).toEqual([1, 2, 3, "gap", 6]);
  });
});

describe("proposedArchitectureSvg", () => {
  describe("with the exercise's 40 VMs", () => {
    const svg = proposedArchitectureSvg(data.vm, 40, {
      targetRps: 200000,
      dataLayerUsdPerHour: 1.25,
    });

    it("draws VM 1, VM 2, VM 3 and VM 40 with a gap for the 36 others", () => {
      expect(vmNumbers(svg)).toEqual([1, 2, 3, 40]);
      expect(texts(svg)).toContain("… 36 more VMs …");
    });

    it("shows the per-VM figures and the pool's totals", () => {
      // 40 × 5,000 = 200,000 req/s; 40 × $0.02 = $0.80/h.
      expect(texts(svg)).toEqual(
        expect.arrayContaining([
          "40 × Small VM (1 core)",
          "each 1 core · 2 GB memory, &#36;0.02/h",
          "VM 1  ·  5,000 req/s",
          "in all: 200,000 req/s, &#36;0.80/h",
        ]),
      );
    });

    it("names the balancer's random, free choice and the data layer", () => {
      expect(texts(svg)).toEqual(
        expect.arrayContaining([
          "Load balancer",
          "picks a VM at random",
          "free: &#36;0.00/h",
          "Shared data layer",
          "&#36;1.25/h",
          "200,000 req/s",
        ]),
      );
    });
  });

  describe("with other counts", () => {
    it("follows the count it is given", () => {
      expect(vmNumbers(proposedArchitectureSvg(data.vm, 3))).toEqual([1, 2, 3]);
      expect(vmNumbers(proposedArchitectureSvg(data.vm, 2000))).toEqual([
        1, 2, 3, 2000,
      ]);
      expect(texts(proposedArchitectureSvg(data.vm, 2000))).toContain(
        "… 1,996 more VMs …",
      );
    });

    it("grows taller for a larger pool", () => {
      const height = (svg: string) => Number(/height="(\d+)"/.exec(svg)?.[1]);
      expect(height(proposedArchitectureSvg(data.vm, 40))).toBeGreaterThan(
        height(proposedArchitectureSvg(data.vm, 1)),
      );
    });

    it("throws a RangeError for a count that is not a whole number ≥ 1", () => {
      expect(() => proposedArchitectureSvg(data.vm, 0)).toThrow(
        "proposedArchitectureSvg: vmCount must be a whole number of 1 or " +
          "more, got 0",
      );
      expect(() => proposedArchitectureSvg(data.vm, 2.5)).toThrow(RangeError);
    });
  });

  describe("with a label from machines.csv", () => {
    it("escapes it, so an img payload shows as text", () => {
      const hostile = loadWorkbookData(
        dataFolder({
          "machines.csv": [
            MACHINES_HEADER,
            "server,Big,32,128,200000,1.25",
            "vm,<img src=x onerror=alert(1)>,1,2,5000,0.02",
          ].join("\n"),
        }),
      );
      const svg = proposedArchitectureSvg(hostile.vm, 4);
      expect(svg).not.toContain("<img");
      expect(svg).toContain("4 × &lt;img src=x onerror=alert(1)&gt;");
    });
  });
});

describe("currentArchitectureSvg", () => {
  const svg = currentArchitectureSvg(data.server, { targetRps: 200000 });

  it("shows the server's cores, memory, capacity and price", () => {
    expect(texts(svg)).toEqual(
      expect.arrayContaining([
        "Single server (32 cores)",
        "32 cores · 128 GB memory",
        "serves 200,000 req/s",
        "&#36;1.25/h",
      ]),
    );
  });

  it("puts the in-memory database on the same machine", () => {
    expect(texts(svg)).toContain("In-memory database");
  });
});

describe("two diagrams on one page", () => {
  const page = [
    currentArchitectureSvg(data.server),
    proposedArchitectureSvg(data.vm, 40),
  ];
  const markers = page.map((svg) => [...svg.matchAll(/<marker id="([^"]+)"/g)]);

  it("define their arrowhead markers under different ids", () => {
    const ids = markers.flat().map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });

  it("point every arrow at their own diagram's marker", () => {
    page.forEach((svg, i) => {
      const used = new Set(
        [...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]),
      );
      expect([...used]).toEqual([markers[i][0][1]]);
    });
  });

  it("contain no script", () => {
    expect(page.join("")).not.toMatch(/<script|on\w+=/i);
  });
});
