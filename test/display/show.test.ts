import { describe, expect, it } from "vitest";
import { createShow } from "../../lib/display/show.js";
import { usd } from "../../lib/display/markdown.js";

/** A display that records what `show` sends, by MIME kind. */
function recorder() {
  const sent: { kind: "html" | "markdown"; text: string }[] = [];
  const show = createShow(() => ({
    html: (text: string) => sent.push({ kind: "html", text }),
    markdown: (text: string) => sent.push({ kind: "markdown", text }),
  }));
  return { show, sent };
}

describe("show", () => {
  it("sends a table as HTML", () => {
    const { show, sent } = recorder();
    show.table([{ name: "50k" }]);
    expect(sent).toHaveLength(1);
    expect(sent[0].kind).toBe("html");
    expect(sent[0].text).toContain('<table class="dataframe');
  });

  it("sends a diagram as HTML, never as an SVG image", () => {
    const { show, sent } = recorder();
    show.diagram("<svg></svg>");
    expect(sent).toEqual([
      {
        kind: "html",
        text: '<div style="overflow-x: auto;"><svg></svg></div>',
      },
    ]);
  });

  it("sends HTML as it is", () => {
    const { show, sent } = recorder();
    show.html("<b>bold</b>");
    expect(sent).toEqual([{ kind: "html", text: "<b>bold</b>" }]);
  });

  describe("md", () => {
    it("protects the dollars of a plain string", () => {
      const { show, sent } = recorder();
      show.md(`VMs cost ${usd(0.8)} against $1.25.`);
      expect(sent).toEqual([
        { kind: "markdown", text: "VMs cost &#36;0.80 against &#36;1.25." },
      ]);
    });

    it("formats and escapes the values of a tagged template", () => {
      const { show, sent } = recorder();
      show.md`We need **${2000}** VMs for ${"<i>10M</i>"}.`;
      expect(sent).toEqual([
        {
          kind: "markdown",
          text: "We need **2,000** VMs for &lt;i&gt;10M&lt;/i&gt;.",
        },
      ]);
    });
  });

  it("looks tslab up only when something is shown", () => {
    let lookups = 0;
    const show = createShow(() => {
      lookups += 1;
      return { html: () => undefined, markdown: () => undefined };
    });
    expect(lookups).toBe(0);
    show.html("x");
    expect(lookups).toBe(1);
  });
});
