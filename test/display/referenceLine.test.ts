import { describe, expect, it } from "vitest";
import { referenceLines } from "../../lib/display/referenceLine.js";

describe("referenceLines", () => {
  it("draws a vertical line at x, labelled at the top of the plot", () => {
    const { shapes, annotations } = referenceLines([
      { x: 5000, label: "capacity" },
    ]);
    expect(shapes).toEqual([
      expect.objectContaining({
        x0: 5000,
        x1: 5000,
        yref: "paper",
        y0: 0,
        y1: 1,
      }),
    ]);
    expect(annotations).toEqual([
      expect.objectContaining({
        x: 5000,
        yref: "paper",
        y: 1,
        text: "capacity",
      }),
    ]);
  });

  it("places a horizontal line's label by its logarithm on a log axis", () => {
    // plotly positions annotations on a log axis in log10 units: 0.01 is -2.
    const { annotations } = referenceLines([{ y: 0.01, label: "budget" }], {
      logY: true,
    });
    expect(annotations?.[0]).toMatchObject({ xref: "paper", x: 1, y: -2 });
  });

  it("colours the line and its label alike", () => {
    const { shapes, annotations } = referenceLines([
      { x: 1, label: "a", color: "#b91c1c" },
    ]);
    expect(shapes?.[0].line?.color).toBe("#b91c1c");
    expect(annotations?.[0].font?.color).toBe("#b91c1c");
  });
});
