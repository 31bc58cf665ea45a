/**
 * Plotly charts as notebook HTML: a `<div>` and a `<script>` that draws
 * into it. No network and no Jupyter extension is needed: the first chart
 * of a kernel session also carries the plotly.js bundle, and every later
 * chart reuses the `window.Plotly` it defined.
 *
 * Draw calls queue until `window.Plotly` exists, so charts draw even when
 * the page runs their scripts out of order (JupyterLab renders cells as
 * they scroll into view). A chart whose page never got the bundle (the
 * page was reloaded, the kernel was not) says so in its frame after a few
 * seconds: `resetCharts()` then makes the next chart carry the bundle.
 */
import Decimal from "decimal.js";
import type { Config, Data, Layout } from "plotly.js";
import { uniqueId } from "./ids.js";
import { globalScript, readPlotlyBundle } from "./plotlyBundle.js";

/** A plotly figure, as `Plotly.newPlot` takes it. */
export interface Figure {
  data: Data[];
  layout?: Partial<Layout>;
  config?: Partial<Config>;
}

/** Renders figures; the first one rendered carries the plotly bundle. */
export interface ChartRenderer {
  (figure: Figure): string;
  /** Makes the next chart carry the bundle again. */
  reset(): void;
}

/** The height of a chart whose layout gives none, in CSS pixels. */
export const DEFAULT_HEIGHT_PX = 420;

const QUEUE = "__scalingWorkbookCharts";

const AXIS_DEFAULTS = {
  automargin: true,
  showline: true,
  linecolor: "#9ca3af",
  gridcolor: "#e5e7eb",
  ticks: "outside",
  tickcolor: "#9ca3af",
  zeroline: false,
};

/** The readable template every chart starts from. */
export const DEFAULT_LAYOUT: Partial<Layout> = {
  font: {
    family: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    size: 13,
    color: "#1f2937",
  },
  title: { x: 0.01, xanchor: "left", font: { size: 17 } },
  margin: { l: 70, r: 30, t: 60, b: 60 },
  hovermode: "closest",
  hoverlabel: { align: "left" },
  // Decimal point, then thousands separator: 1,234.5.
  separators: ".,",
  paper_bgcolor: "white",
  plot_bgcolor: "white",
  xaxis: AXIS_DEFAULTS as Partial<Layout["xaxis"]>,
  yaxis: AXIS_DEFAULTS as Partial<Layout["yaxis"]>,
  // Okabe and Ito's palette, readable with every common colour blindness.
  colorway: [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
  ],
};

/** Chart options every chart gets unless its figure says otherwise. */
export const DEFAULT_CONFIG: Partial<Config> = {
  responsive: true,
  displaylogo: false,
  modeBarButtonsToRemove: ["lasso2d", "select2d"],
};

/**
 * Creates a chart renderer. The bundle loader is a parameter so tests can
 * pass a small stand-in for the 1.4 MB file.
 */
export function createChartRenderer(
  loadBundle: () => string = readPlotlyBundle,
): ChartRenderer {
  let bundleSent = false;

  const render = (figure: Figure): string => {
    if (!figure || !Array.isArray(figure.data)) {
      throw new TypeError(
        "chartHtml: the figure needs a data array, as in " +
          "{ data: [{ x, y, type: 'scatter' }], layout: { title: '...' } }",
      );
    }
    const id = uniqueId("chart");
    const layout = withDefaults(DEFAULT_LAYOUT, normalizeTitles(figure.layout));
    const config = withDefaults(DEFAULT_CONFIG, figure.config ?? {});
    const heightPx = layout.height ?? DEFAULT_HEIGHT_PX;

    const loader = bundleSent ? "" : loaderScript(loadBundle());
    bundleSent = true;

    return [
      `<div id="${id}" class="scaling-chart" ` +
        `style="width: 100%; height: ${heightPx}px;"></div>`,
      loader,
      `<script>\n${drawScript(id, { data: figure.data, layout, config })}` +
        "\n</script>",
    ]
      .filter((part) => part !== "")
      .join("\n");
  };
  render.reset = () => {
    bundleSent = false;
  };
  return render;
}

/**
 * Renders a figure as HTML for `show.html`, with the readable defaults.
 *
 * @example
 * chartHtml({
 *   data: [{ x: [1, 2], y: [0.02, 0.04], type: "scatter" }],
 *   layout: { title: "Cost", yaxis: usdAxis("Cost ($/hour)") },
 * })
 */
export const chartHtml: ChartRenderer = createChartRenderer();

/** Makes the next `chartHtml` carry the plotly bundle again. */
export function resetCharts(): void {
  chartHtml.reset();
}

/**
 * Figure JSON that is safe inside a `<script>` element: `<` becomes
 * `\u003c`, so no string in the data can close the element, and Decimals
 * become numbers (their own JSON form is a string).
 */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value, function (this: unknown, key, cell) {
    const original = (this as Record<string, unknown>)[key];
    return Decimal.isDecimal(original) ? original.toNumber() : cell;
  });
  return json.replace(/</g, "\\u003c");
}

function loaderScript(bundle: string): string {
  return [
    "<script>",
    globalScript(bundle),
    "(function () {",
    `  var queue = window.${QUEUE} || [];`,
    `  window.${QUEUE} = [];`,
    "  queue.forEach(function (draw) { draw(); });",
    "})();",
    "</script>",
  ].join("\n");
}

function drawScript(id: string, figure: Required<Figure>): string {
  const missing =
    "This chart needs plotly.js, which the first chart of a kernel " +
    "session carries. Run resetCharts() and then this cell again.";
  return [
    "(function () {",
    `  var figure = ${scriptJson(figure)};`,
    "  function draw() {",
    `    var element = document.getElementById(${JSON.stringify(id)});`,
    "    if (!element) return;",
    '    element.textContent = "";',
    "    window.Plotly.newPlot(",
    "      element, figure.data, figure.layout, figure.config);",
    "  }",
    "  if (window.Plotly) { draw(); return; }",
    `  (window.${QUEUE} = window.${QUEUE} || []).push(draw);`,
    "  setTimeout(function () {",
    `    var element = document.getElementById(${JSON.stringify(id)});`,
    `    if (!window.Plotly && element) element.textContent = ` +
      `${JSON.stringify(missing)};`,
    "  }, 5000);",
    "})();",
  ].join("\n");
}

/** Turns `title: "Text"` into `title: { text: "Text" }`, so it merges. */
function normalizeTitles(layout: Partial<Layout> = {}): Partial<Layout> {
  const titled = { ...layout } as Record<string, unknown>;
  if (typeof titled.title === "string") titled.title = { text: titled.title };
  return titled as Partial<Layout>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Deep-merges plain objects; anything else in `given` wins as it is. */
export function withDefaults<T>(defaults: T, given: T): T {
  if (!isPlainObject(defaults) || !isPlainObject(given)) {
    return given === undefined ? defaults : given;
  }
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(given)) {
    merged[key] = withDefaults(merged[key], value);
  }
  return merged as T;
}
