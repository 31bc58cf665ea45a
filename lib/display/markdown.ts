/**
 * Markdown prose rendered from model numbers.
 *
 * Jupyter reads `$...$` in markdown as TeX: "VMs cost $0.80 and the
 * server $1.25" would show "0.80 and the server " as math. Offline there
 * is no MathJax at all and the text between the dollars loses its
 * formatting. So every dollar sign outside code becomes `&#36;`, which
 * shows as `$` and is never a TeX delimiter.
 */
import Decimal from "decimal.js";
import { formatCount, formatUsd } from "../format.js";
import type { ExactInput } from "../money.js";
import { escapeHtml } from "./escape.js";

/** Code spans and fenced blocks: their text shows as written. */
const CODE = /(```[\s\S]*?```|`[^`\n]*`)/;

/**
 * Replaces every `$` (and an author's `\$`) outside code with `&#36;`.
 * Running it twice changes nothing more.
 *
 * @example protectDollars("costs $1.25, `$x` stays") // "costs &#36;1.25, `$x` stays"
 */
export function protectDollars(markdown: string): string {
  return markdown
    .split(CODE)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\\?\$/g, "&#36;")))
    .join("");
}

/**
 * A dollar amount for prose: `formatUsd` with its `$` already written as
 * `&#36;`, ready for markdown or HTML.
 *
 * @example usd(0.8) // "&#36;0.80"
 */
export function usd(amount: ExactInput, options: { cents?: boolean } = {}) {
  return escapeHtml(formatUsd(amount, options));
}

/** Markdown characters that would turn a name into formatting. */
const MARKDOWN_SIGNS = /[\\`*_[\]|]/g;

/**
 * One interpolated value as markdown text. Numbers and Decimals get
 * thousands separators (`formatCount`); text is escaped for HTML and for
 * markdown. The escape leaves `&` alone, so text that is already escaped
 * (the output of `usd`, `formatRps`...) passes through unchanged.
 */
export function markdownValue(value: unknown): string {
  if (typeof value === "number" || Decimal.isDecimal(value)) {
    return formatCount(value as ExactInput);
  }
  return String(value)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\$/g, "&#36;")
    .replace(MARKDOWN_SIGNS, (sign) => `\\${sign}`);
}

/**
 * A tagged template for prose: interpolated values go through
 * `markdownValue` and dollar signs are protected. Money needs `usd(...)`:
 * a bare number shows as a count.
 *
 * @example md`We need **${40}** VMs at ${usd(0.8)} per hour.`
 * // "We need **40** VMs at &#36;0.80 per hour."
 */
export function md(
  strings: TemplateStringsArray,
  ...values: unknown[]
): string {
  // A part with an invalid escape has no cooked text; its raw text is the
  // closest to what the author wrote.
  const text = strings.raw.reduce(
    (out, raw, i) =>
      out +
      (strings[i] ?? raw) +
      (i < values.length ? markdownValue(values[i]) : ""),
    "",
  );
  return protectDollars(text);
}
