/**
 * Escaping for the report's own pages. Every string that comes from a CSV
 * file or a notebook goes through `escapeHtml`, so a scenario named
 * `<img src=x onerror=alert(1)>` reads as text.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  // Not a danger in HTML, but a page opened in Jupyter reads `$` as TeX;
  // the report writes dollars the same way the notebooks do.
  $: "&#36;",
};

/** `text` with every character that HTML or TeX would read replaced. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'$]/g, (character) => ENTITIES[character]);
}
