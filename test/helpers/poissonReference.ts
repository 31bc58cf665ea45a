/**
 * Independent Poisson reference values for the tests of lib/poisson.ts and
 * lib/randomBalancer.ts, computed without the library's method.
 */
import Decimal from "decimal.js";
import { expect } from "vitest";

// The reference values below do not use the library's method (incomplete
// gamma, Loader's saddle point). They are summed term by term: the first
// term's logarithm, -λ + k ln λ - ln k!, is worked out in 50-digit decimals
// (ln k! as an exact product for k < 200, else the Stirling series to the
// k^-13 term, whose error is below k^-15), then the neighbours follow by
// the ratio P(X = j + 1) / P(X = j) = λ / (j + 1) in doubles.
const Big = Decimal.clone({ precision: 50 });
const LN_2PI = Big.acos(-1).times(2).ln();
const STIRLING: [number, number][] = [
  [1, 12],
  [-1, 360],
  [1, 1260],
  [-1, 1680],
  [1, 1188],
  [-691, 360360],
  [1, 156],
];

export function referenceLnFactorial(count: number): Decimal {
  if (count < 200) {
    let product = new Big(1);
    for (let i = 2; i <= count; i += 1) product = product.times(i);
    return product.ln();
  }
  const k = new Big(count);
  let sum = k.plus(0.5).times(k.ln()).minus(k).plus(LN_2PI.div(2));
  let power = k;
  for (const [numerator, denominator] of STIRLING) {
    sum = sum.plus(new Big(numerator).div(power.times(denominator)));
    power = power.times(k).times(k);
  }
  return sum;
}

export function referenceLogPmf(meanCount: number, count: number): number {
  const mean = new Big(meanCount);
  return mean
    .neg()
    .plus(mean.ln().times(count))
    .minus(referenceLnFactorial(count))
    .toNumber();
}

/** P(X > k), summed upward from k + 1 (use with k above the mean). */
export function referenceUpperTail(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count + 1; relative > 1e-18 * sum; j += 1) {
    sum += relative;
    relative *= meanCount / (j + 1);
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count + 1));
}

/** P(X ≤ k), summed downward from k (use with k below the mean). */
export function referenceLowerTail(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count; j >= 0 && relative > 1e-18 * sum; j -= 1) {
    sum += relative;
    relative *= j / meanCount;
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count));
}

/** E[(X - c)+] = Σ_{j>c} (j - c) P(X = j), through and past the mode. */
export function referenceExcess(meanCount: number, count: number): number {
  let relative = 1;
  let sum = 0;
  for (let j = count + 1; ; j += 1) {
    const term = (j - count) * relative;
    sum += term;
    if (j > meanCount && term < 1e-18 * sum) break;
    relative *= meanCount / (j + 1);
  }
  return sum * Math.exp(referenceLogPmf(meanCount, count + 1));
}

export function expectRelative(
  actual: number,
  expected: number,
  within: number,
) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    within * Math.abs(expected),
  );
}
