import vm from "node:vm";
import { describe, expect, it } from "vitest";
import {
  createChartRenderer,
  scriptJson,
  withDefaults,
} from "../../lib/display/chart.js";
import type { Figure } from "../../lib/display/chart.js";
import { readPlotlyBundle } from "../../lib/display/plotlyBundle.js";
import { exact } from "../../lib/money.js";

/**
 * A stand-in for the plotly bundle with the same UMD preamble as the real
 * one: module.exports under CommonJS, define() under require.js, else a
 * global. Its newPlot records each call.
 */
const FAKE_BUNDLE = `!function (factory) {
  if (typeof exports == "object" && typeof module != "undefined")
    module.exports = factory();
  else if (typeof define == "function" && define.amd) define([], factory);
  else (typeof window != "undefined" ? window : this).Plotly = factory();
}(function () {
  return { newPlot: function (el, data, layout, config) {
    plotted.push({ id: el.id, data: data, layout: layout, config: config });
  } };
});`;

const figure: Figure = {
  data: [{ x: [1, 2], y: [3, 4], type: "scatter" }],
  layout: { title: "Cost" },
};

/** The scripts of an HTML fragment, in page order. */
function scripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

/**
 * A page with require.js-like `define` present (one that fails as
 * require.js does when a bundle calls it anonymously), on which scripts
 * run in the order given.
 */
function page() {
  const plotted: { id: string; data: unknown; layout: any; config: any }[] = [];
  const window: Record<string, unknown> = {};
  const define = Object.assign(
    () => {
      throw new Error("Mismatched anonymous define() module");
    },
    { amd: {} },
  );
  const context = vm.createContext({
    window,
    define,
    plotted,
    setTimeout: () => 0,
    document: { getElementById: (id: string) => ({ id, textContent: "" }) },
  });
  // Scripts see `window` members as globals, as in a browser.
  vm.runInContext("window.__proto__ = this;", context);
  return {
    plotted,
    run: (code: string) => vm.runInContext(code, context),
  };
}

describe("chartHtml", () => {
  describe("over one kernel session", () => {
    it("carries the plotly bundle in the first chart only", () => {
      const chart = createChartRenderer(() => FAKE_BUNDLE);
      const first = chart(figure);
      const second = chart(figure);
      expect(first).toContain("define.amd");
      expect(second).not.toContain("define.amd");
      expect(scripts(first)).toHaveLength(2);
      expect(scripts(second)).toHaveLength(1);
    });

    it("reads no bundle until the first chart is rendered", () => {
      let reads = 0;
      const chart = createChartRenderer(() => {
        reads += 1;
        return FAKE_BUNDLE;
      });
      expect(reads).toBe(0);
      chart(figure);
      expect(reads).toBe(1);
    });

    it("reads the bundle once, even for many charts", () => {
      let reads = 0;
      const chart = createChartRenderer(() => {
        reads += 1;
        return FAKE_BUNDLE;
      });
      for (let i = 0; i < 5; i += 1) chart(figure);
      expect(reads).toBe(1);
    });

    it("carries the bundle again after reset", () => {
      const chart = createChartRenderer(() => FAKE_BUNDLE);
      chart(figure);
      chart.reset();
      expect(chart(figure)).toContain("define.amd");
    });

    it("gives every chart's div its own id", () => {
      const chart = createChartRenderer(() => FAKE_BUNDLE);
      const ids = [1, 2, 3].map(
        () => /<div id="([^"]+)"/.exec(chart(figure))?.[1],
      );
      expect(new Set(ids).size).toBe(3);
    });
  });

  describe("with text that could end the script", () => {
    it("escapes < in the figure JSON as \\u003c", () => {
      const chart = createChartRenderer(() => "");
      const html = chart({
        data: [{ x: ["</script><img src=x onerror=alert(1)>"], y: [1] }],
        layout: { title: "a < b" },
      });
      const draw = scripts(html).at(-1);
      expect(draw).not.toContain("<");
      expect(draw).toContain("\\u003c/script>\\u003cimg");
    });

    it("breaks up </script inside the bundle", () => {
      const chart = createChartRenderer(() => 'var s = "</script>";');
      const [loader] = scripts(chart(figure));
      expect(loader).toContain('var s = "<\\/script>";');
    });
  });

  describe("in a page that has require.js", () => {
    it("reproduces the failure of a bundle inlined without the wrapper", () => {
      expect(() => page().run(FAKE_BUNDLE)).toThrow("Mismatched anonymous");
    });

    it("defines window.Plotly and draws, though define() would fail", () => {
      const chart = createChartRenderer(() => FAKE_BUNDLE);
      const browser = page();
      scripts(chart(figure)).forEach(browser.run);
      expect(browser.plotted).toHaveLength(1);
      expect(browser.plotted[0].data).toEqual(figure.data);
    });

    it("queues charts whose script runs before the bundle's", () => {
      const chart = createChartRenderer(() => FAKE_BUNDLE);
      const [loader, firstDraw] = scripts(chart(figure));
      const [secondDraw] = scripts(chart(figure));
      const browser = page();

      browser.run(secondDraw);
      expect(browser.plotted).toHaveLength(0);
      browser.run(loader);
      browser.run(firstDraw);
      expect(browser.plotted).toHaveLength(2);
    });
  });

  describe("with the default template", () => {
    const chart = createChartRenderer(() => FAKE_BUNDLE);
    const browser = page();
    scripts(
      chart({
        // tslab is not strict, so a notebook may pass Decimals as data.
        data: [{ x: [exact("0.8")] as unknown as number[], y: [1] }],
        layout: { title: "Cost", xaxis: { title: { text: "VMs" } } },
        config: { displayModeBar: false },
      }),
    ).forEach(browser.run);
    const [{ data, layout, config }] = browser.plotted;

    it("hides the plotly logo and resizes with the page", () => {
      expect(config).toMatchObject({
        displaylogo: false,
        responsive: true,
        displayModeBar: false,
      });
    });

    it("keeps the figure's title and axis title beside the defaults", () => {
      expect(layout.title).toMatchObject({ text: "Cost", xanchor: "left" });
      expect(layout.xaxis).toMatchObject({ title: { text: "VMs" } });
      expect(layout.xaxis.automargin).toBe(true);
    });

    it("turns Decimals in the data into numbers", () => {
      expect(data).toEqual([{ x: [0.8], y: [1] }]);
    });
  });

  describe("with a figure that has no data", () => {
    it("throws a TypeError that shows the expected shape", () => {
      const chart = createChartRenderer(() => "");
      expect(() => chart({} as Figure)).toThrow(
        "chartHtml: the figure needs a data array",
      );
    });
  });
});

describe("scriptJson", () => {
  it("writes a Decimal as a number, not as its JSON string", () => {
    expect(scriptJson({ y: [exact("0.02"), 1] })).toBe('{"y":[0.02,1]}');
  });
});

describe("withDefaults", () => {
  it("merges nested objects and lets given arrays replace defaults", () => {
    expect(
      withDefaults(
        { a: { b: 1, c: 2 }, list: [1, 2] },
        { a: { c: 3 }, list: [9] },
      ),
    ).toEqual({ a: { b: 1, c: 3 }, list: [9] });
  });
});

describe("readPlotlyBundle", () => {
  it("reads the cartesian bundle, a UMD script that defines Plotly", () => {
    const bundle = readPlotlyBundle();
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(bundle).toContain("define.amd");
    expect(readPlotlyBundle()).toBe(bundle);
  });
});
