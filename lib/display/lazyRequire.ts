/**
 * Loading a package at the moment it is needed rather than at import, for
 * the heavy or kernel-only ones (danfojs-node, tslab).
 *
 * The same file runs as CommonJS in the tslab kernel, where `require` is
 * the kernel's own (it hooks "tslab" to the running session), and as an
 * ES module under vitest or tsx, where there may be no `require` at all:
 * then one is made that resolves from the working folder, as a kernel
 * started in the project would.
 */
import { createRequire } from "node:module";
import path from "node:path";

/** Loads `id` with the module system's require, or one made for it. */
export function lazyRequire<T>(id: string): T {
  const load =
    typeof require === "function"
      ? require
      : createRequire(path.join(process.cwd(), "noop.js"));
  return load(id) as T;
}
