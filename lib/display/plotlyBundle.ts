/**
 * The plotly.js bundle, inlined into a notebook output so charts draw with
 * no network: in an nbconvert HTML export, offline, or behind a proxy.
 *
 * The cartesian bundle (scatter, bar, histogram, heatmap...; 1.4 MB) is
 * enough for this workbook and a third of the full bundle's size.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** The bundle's path inside the project. */
export const PLOTLY_BUNDLE = path.join(
  "node_modules",
  "plotly.js-cartesian-dist-min",
  "plotly-cartesian.min.js",
);

/**
 * Finds `relativePath` in `startDir` or the nearest folder above it that
 * has it, the way Node looks for `node_modules`. The kernel's working
 * folder may be the project root or `notebooks/`, and both must work.
 * @throws Error naming every folder searched when none has the file.
 */
export function findUp(
  relativePath: string,
  startDir: string = process.cwd(),
): string {
  const searched: string[] = [];
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, relativePath);
    if (existsSync(candidate)) return candidate;
    searched.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `cannot find ${relativePath} in ${searched.join(", ")}: ` +
      "run npm install in the project folder",
  );
}

let cachedBundle: string | undefined;

/** The bundle's JavaScript, read from disk once per kernel session. */
export function readPlotlyBundle(): string {
  cachedBundle ??= readFileSync(findUp(PLOTLY_BUNDLE), "utf8");
  return cachedBundle;
}

/**
 * Wraps library code so it runs as a plain browser script even when
 * require.js is on the page (nbconvert's export, classic Notebook).
 *
 * A UMD bundle calls `define()` when it sees require.js, and require.js
 * then fails with "Mismatched anonymous define() module" and never sets
 * `window.Plotly`. Shadowing `define`, `exports` and `module` with
 * undefined parameters sends the bundle down its global branch instead.
 * `</script` is broken up so the code cannot end its own script element.
 */
export function globalScript(code: string): string {
  const safe = code.replace(/<\/(script)/gi, "<\\/$1");
  return `(function (define, exports, module) {\n${safe}\n}).call(window);`;
}
