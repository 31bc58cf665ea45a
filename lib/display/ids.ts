/**
 * Element ids that stay unique on one page. A notebook page holds the
 * outputs of many cells, possibly from several kernel sessions (an output
 * kept from yesterday's run beside today's), so a counter alone could
 * repeat: each id also carries a random token chosen when this module loads.
 */

const SESSION_TOKEN = Math.random().toString(36).slice(2, 8);
let counter = 0;

/**
 * A new id such as `chart-k3v9q1-7`, never returned before in this session.
 * `prefix` must be a valid id start: a letter, then letters, digits or `-`.
 */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${SESSION_TOKEN}-${counter}`;
}
