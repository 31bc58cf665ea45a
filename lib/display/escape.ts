/**
 * HTML escaping, in one place. Every piece of text that reaches an HTML,
 * SVG or markdown output and did not come from this library (a scenario
 * name, a machine label, a column title) goes through `escapeHtml`.
 *
 * The dollar sign is escaped too: Jupyter reads `$...$` as TeX, so two
 * prices in one paragraph would turn everything between them into math.
 * The entity `&#36;` shows as `$` but is never read as a TeX delimiter.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  $: "&#36;",
};

/**
 * Makes text safe to place in HTML or SVG, as element content or as a
 * quoted attribute value.
 *
 * @example escapeHtml("<b>$5</b>") // "&lt;b&gt;&#36;5&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"'$]/g, (char) => ENTITIES[char]);
}
