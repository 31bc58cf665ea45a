/**
 * Runs `npm run report` as a student would, and keeps what it printed.
 */
import { spawn } from "node:child_process";

export interface CommandRun {
  /** The exit status; null when a signal ended the command. */
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/** `npm run --silent report -- ...args`, from the project root. */
export function runReport(args: readonly string[]): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "report", "--", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout,
        stderr,
        seconds: (performance.now() - started) / 1000,
      }),
    );
  });
}
