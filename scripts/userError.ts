/**
 * How the commands end on a user's mistake: bad data or a bad flag prints
 * its problems, one per line, and exits with status 2; asking for --help
 * exits with 0. Anything else is a bug and keeps its stack trace.
 */
import { CommanderError } from "commander";
import { InputError } from "../lib/index.js";

/**
 * The exit status for `error` when it is a user's mistake, after printing
 * its problems (commander prints its own); undefined for any other error.
 */
export function userErrorStatus(error: unknown): number | undefined {
  if (error instanceof InputError) {
    process.stderr.write(`${error.problems.join("\n")}\n`);
    return 2;
  }
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  return undefined;
}
