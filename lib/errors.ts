/**
 * The one kind of error the workbook throws for a user's mistake: a bad CSV
 * cell, a missing file, an unknown assumption, a bad command-line flag.
 *
 * Each problem is one line that says where (file:line), what was expected
 * and what was found, e.g.
 * `data/machines.csv:3: capacity_rps must be a positive number, got "abc"`.
 * Commands print the lines and exit with status 2; nothing else is printed,
 * so a student never sees a stack trace for a typo.
 */
export class InputError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.name = "InputError";
    this.problems = problems;
  }
}

/** Where a value came from, for error messages. Line numbers start at 1. */
export interface Origin {
  file: string;
  line?: number;
}

/** Formats `file:line: message`, or `file: message` when there is no line. */
export function describeProblem(origin: Origin, message: string): string {
  const where =
    origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
  return `${where}: ${message}`;
}

/**
 * Collects problems so that a file reports all of them at once instead of
 * stopping at the first.
 */
export class ProblemList {
  private readonly lines: string[] = [];

  add(origin: Origin, message: string): void {
    this.lines.push(describeProblem(origin, message));
  }

  get count(): number {
    return this.lines.length;
  }

  /** Throws an InputError with every problem added so far, if any. */
  throwIfAny(): void {
    if (this.lines.length > 0) throw new InputError([...this.lines]);
  }
}
