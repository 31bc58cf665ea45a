/**
 * A few SVG primitives for small box-and-arrow diagrams: boxes with lines
 * of text, arrows with optional labels, and the document around them.
 *
 * Diagrams are plain SVG with no script, shown through `display.html`:
 * nbconvert's sanitizer strips `rect`, `line` and `text` from SVG images
 * (`image/svg+xml`) but keeps them inside HTML. Every text passes through
 * `escapeHtml` here, so callers pass raw text.
 */
import { escapeHtml } from "./escape.js";
import { uniqueId } from "./ids.js";

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

/** A box's colours: a light fill and a darker outline and title. */
export interface Palette {
  fill: string;
  stroke: string;
}

/** A box: the first line is its title, in bold; the rest are details. */
export interface BoxSpec extends Rect {
  lines: readonly string[];
  palette: Palette;
  /** Text at the top (for a box that holds other boxes) or centred. */
  textAt?: "top" | "middle";
  dashed?: boolean;
}

export const TEXT_COLOR = "#1f2937";
const ARROW_COLOR = "#4b5563";
const TITLE_PX = 14;
const DETAIL_PX = 12;
const LINE_GAP_PX = 5;
const PADDING_PX = 10;

/** The middle of a rectangle's left or right side. */
export const leftOf = (r: Rect): Point => ({ x: r.x, y: r.y + r.height / 2 });
export const rightOf = (r: Rect): Point => ({
  x: r.x + r.width,
  y: r.y + r.height / 2,
});

/**
 * Shortens text that would overflow `widthPx` and ends it with "…". Widths
 * are estimated (0.56 em a character, 0.62 em in bold), since there is no
 * renderer to measure with; the estimate errs on the wide side.
 */
export function fitText(
  text: string,
  widthPx: number,
  fontPx: number,
  bold = false,
): string {
  const maxChars = Math.floor(widthPx / (fontPx * (bold ? 0.62 : 0.56)));
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** A rounded box with its lines of text. */
export function boxSvg(box: BoxSpec): string {
  const { x, y, width, height, lines, palette } = box;
  const dash = box.dashed ? ' stroke-dasharray="6 4"' : "";
  const rect =
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="8" ` +
    `fill="${palette.fill}" stroke="${palette.stroke}" ` +
    `stroke-width="1.5"${dash}/>`;

  const sizes = lines.map((_, i) => (i === 0 ? TITLE_PX : DETAIL_PX));
  const textHeight =
    sizes.reduce((sum, px) => sum + px, 0) +
    LINE_GAP_PX * Math.max(0, lines.length - 1);
  let baseline =
    box.textAt === "top" ? y + PADDING_PX : y + (height - textHeight) / 2;
  const centre = x + width / 2;
  const texts = lines.map((line, i) => {
    const px = sizes[i];
    baseline += px * 0.85;
    const bold = i === 0;
    const shown = fitText(line, width - 2 * PADDING_PX, px, bold);
    const top = baseline;
    baseline += px * 0.15 + LINE_GAP_PX;
    const weight = bold ? ' font-weight="600"' : "";
    const fill = bold ? palette.stroke : TEXT_COLOR;
    // The full text stays readable as a tooltip when it had to be cut.
    const tip = shown === line ? "" : `<title>${escapeHtml(line)}</title>`;
    return (
      `<text x="${centre}" y="${top.toFixed(1)}" font-size="${px}" ` +
      `text-anchor="middle" fill="${fill}"${weight}>` +
      `${tip}${escapeHtml(shown)}</text>`
    );
  });
  return [rect, ...texts].join("\n");
}

/** Free text, centred on `at`. */
export function labelSvg(at: Point, text: string, fontPx = DETAIL_PX): string {
  return (
    `<text x="${at.x}" y="${at.y}" font-size="${fontPx}" ` +
    `text-anchor="middle" fill="${TEXT_COLOR}">${escapeHtml(text)}</text>`
  );
}

/**
 * A straight arrow from `from` to `to`, with an optional label above its
 * middle. The label has a white halo so it stays legible across lines.
 */
export function arrowSvg(
  from: Point,
  to: Point,
  markerId: string,
  label?: string,
): string {
  const line =
    `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" ` +
    `stroke="${ARROW_COLOR}" stroke-width="1.5" ` +
    `marker-end="url(#${markerId})"/>`;
  if (label === undefined) return line;
  const middle = { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 - 7 };
  const text =
    `<text x="${middle.x}" y="${middle.y}" font-size="${DETAIL_PX}" ` +
    `text-anchor="middle" fill="${TEXT_COLOR}" stroke="white" ` +
    `stroke-width="4" paint-order="stroke">${escapeHtml(label)}</text>`;
  return `${line}\n${text}`;
}

/** What a diagram needs to become an SVG document. */
export interface SvgDocumentSpec {
  widthPx: number;
  heightPx: number;
  /** Read by screen readers and shown as the diagram's tooltip. */
  title: string;
  /** Draws the body; arrows refer to `markerId` for their heads. */
  body: (markerId: string) => string[];
}

/**
 * An `<svg>` element with a white background, an arrowhead marker whose id
 * is unique on the page, and the body. It scales down to fit narrow
 * outputs and never above its natural size.
 */
export function svgDocument(spec: SvgDocumentSpec): string {
  const { widthPx, heightPx } = spec;
  const markerId = uniqueId("arrow");
  const titleId = uniqueId("diagram-title");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" ` +
      `viewBox="0 0 ${widthPx} ${heightPx}" width="${widthPx}" ` +
      `height="${heightPx}" role="img" aria-labelledby="${titleId}" ` +
      `class="tex2jax_ignore mathjax_ignore" ` +
      `style="max-width: 100%; height: auto;" ` +
      `font-family="system-ui, -apple-system, 'Segoe UI', Roboto, ` +
      `sans-serif">`,
    `<title id="${titleId}">${escapeHtml(spec.title)}</title>`,
    "<defs>",
    `<marker id="${markerId}" viewBox="0 0 10 10" refX="9" refY="5" ` +
      `markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="${ARROW_COLOR}"/></marker>`,
    "</defs>",
    `<rect width="${widthPx}" height="${heightPx}" fill="white"/>`,
    ...spec.body(markerId),
    "</svg>",
  ].join("\n");
}
