import { describe, expect, it } from "vitest";
import { uniqueId } from "../../lib/display/ids.js";

describe("uniqueId", () => {
  it("never returns the same id twice", () => {
    const ids = Array.from({ length: 1000 }, () => uniqueId("chart"));
    expect(new Set(ids).size).toBe(1000);
  });

  it("starts with the prefix and holds only id-safe characters", () => {
    expect(uniqueId("arrow")).toMatch(/^arrow-[a-z0-9]+-\d+$/);
  });
});
