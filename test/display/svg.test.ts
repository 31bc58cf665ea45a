import { describe, expect, it } from "vitest";
import {
  arrowSvg,
  boxSvg,
  fitText,
  svgDocument,
} from "../../lib/display/svg.js";

const palette = { fill: "#fff", stroke: "#000" };

describe("fitText", () => {
  it("keeps text that fits", () => {
    // 0.56 × 12 px = 6.72 px a character: floor(100 / 6.72) = 14 fit.
    expect(fitText("Load balancer", 100, 12)).toBe("Load balancer");
  });

  it("cuts text that would overflow and ends it with an ellipsis", () => {
    // floor(60 / 6.72) = 8 characters: 7 of the text, "Shared ", whose
    // trailing space is dropped, then the ellipsis.
    expect(fitText("Shared data layer", 60, 12)).toBe("Shared…");
  });
});

describe("boxSvg", () => {
  it("draws the first line in bold and the others plain", () => {
    const svg = boxSvg({
      x: 0,
      y: 0,
      width: 200,
      height: 60,
      palette,
      lines: ["Title", "detail"],
    });
    expect(svg).toMatch(/font-weight="600">Title<\/text>/);
    expect(svg).toMatch(/fill="#1f2937">detail<\/text>/);
  });

  it("escapes its text and keeps the full text of a cut line as a tooltip", () => {
    const svg = boxSvg({
      x: 0,
      y: 0,
      width: 80,
      height: 40,
      palette,
      lines: ["<script>alert('$')</script>"],
    });
    expect(svg).not.toContain("<script");
    expect(svg).toContain(
      "<title>&lt;script&gt;alert(&#39;&#36;&#39;)&lt;/script&gt;</title>",
    );
  });
});

describe("arrowSvg", () => {
  it("ends in the given marker and escapes its label", () => {
    const svg = arrowSvg({ x: 0, y: 0 }, { x: 100, y: 0 }, "m-1", "$5 <x>");
    expect(svg).toContain('marker-end="url(#m-1)"');
    expect(svg).toContain(">&#36;5 &lt;x&gt;</text>");
  });
});

describe("svgDocument", () => {
  it("passes a fresh marker id to its body and defines it", () => {
    let seen = "";
    const svg = svgDocument({
      widthPx: 10,
      heightPx: 10,
      title: "t",
      body: (marker) => {
        seen = marker;
        return [];
      },
    });
    expect(svg).toContain(`<marker id="${seen}"`);
  });
});
