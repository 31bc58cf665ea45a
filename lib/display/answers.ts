/**
 * The answer checks of lib/checks.ts, shown in the notebook: each call
 * displays a short verdict under the cell instead of returning an object.
 */
import type { AnswerChecks } from "../checks.js";
import { answerChecks } from "../checks.js";
import type { WorkbookData } from "../data.js";
import type { ExactInput } from "../money.js";
import { escapeHtml } from "./escape.js";
import type { Show } from "./show.js";
import { show as notebookShow } from "./show.js";

/** The same checks as AnswerChecks, each showing its verdict. */
export type ShownChecks = {
  [Name in keyof AnswerChecks]: (answer: ExactInput) => void;
};

/**
 * Answer checks that display "✅ Right: …" or "❌ Not quite: … Hint: …".
 *
 * @example const check = showChecks(data); check.vmsFor200k(40);
 */
export function showChecks(
  data: WorkbookData,
  show: Pick<Show, "html"> = notebookShow,
): ShownChecks {
  const checks = answerChecks(data);
  const shown = {} as ShownChecks;
  for (const name of Object.keys(checks) as (keyof AnswerChecks)[]) {
    shown[name] = (answer) => {
      const { correct, message } = checks[name](answer);
      const [mark, color] = correct ? ["✓", "#15803d"] : ["✗", "#b91c1c"];
      show.html(
        `<p><strong style="color: ${color}">${mark}</strong> ` +
          `${escapeHtml(message)}</p>`,
      );
    };
  }
  return shown;
}
