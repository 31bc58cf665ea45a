/**
 * Traffic levels spread evenly on a logarithmic scale, for charts that run
 * from tens of thousands to millions of requests per second.
 */

/**
 * `points` whole request rates from `fromRps` to `toRps`, both included,
 * equally spaced in log(traffic) and rounded to whole req/s.
 *
 * @example logSpacedRps(1000, 100000, 3) // [1000, 10000, 100000]
 */
export function logSpacedRps(
  fromRps: number,
  toRps: number,
  points: number,
): number[] {
  if (!(fromRps > 0 && toRps > fromRps && points >= 2)) {
    throw new RangeError(
      `logSpacedRps needs 0 < fromRps < toRps and points >= 2, ` +
        `got ${fromRps}, ${toRps}, ${points}`,
    );
  }

  const step = Math.log(toRps / fromRps) / (points - 1);
  const levels = Array.from({ length: points }, (_, i) =>
    Math.round(fromRps * Math.exp(step * i)),
  );
  // Pin the ends: exp(log(x)) may come back a hair off.
  levels[0] = fromRps;
  levels[points - 1] = toRps;
  return levels;
}
