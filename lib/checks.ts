/**
 * Answer checks for the notebooks' exercises. A student works a figure out
 * by hand, calls e.g. `check.vmsFor200k(40)`, and is told whether it is
 * right; a wrong answer gets a hint, not the answer. The expected value
 * always comes from the model and the student's data, so the checks stay
 * right after an assumption is changed.
 */
import { databaseConnections, scaleOutBill } from "./analysis.js";
import { breakEvenVmUsdPerHour } from "./breakEven.js";
import { compare } from "./comparison.js";
import type { WorkbookData } from "./data.js";
import { fleetTotals, rpsPerCore } from "./design.js";
import { budgetedPool } from "./randomBalancer.js";
import { healthCheckLoss, redundancyComparison } from "./redundancy.js";
import { formatCount, formatPercent, formatUsd } from "./format.js";
import type { Exact, ExactInput } from "./money.js";
import { exact } from "./money.js";

/** The outcome of one check. */
export interface Verdict {
  correct: boolean;
  message: string;
}

/** What a check compares against. */
export interface Question {
  /** The quantity asked for, e.g. "the VMs for 200,000 req/s". */
  label: string;
  expected: Exact;
  hint: string;
  format?: (value: Exact) => string;
  /** Largest accepted difference, for answers rounded by hand. */
  tolerance?: ExactInput;
}

/**
 * Compares an answer with the expected value, exactly unless the question
 * allows a tolerance.
 *
 * @example judge(40, { label: "VMs", expected: exact(40), hint: "..." })
 *   // { correct: true, message: "Right: VMs: 40." }
 */
export function judge(answer: ExactInput, question: Question): Verdict {
  const format = question.format ?? formatCount;
  let given: Exact;
  try {
    given = exact(answer);
  } catch {
    return {
      correct: false,
      message: `Expected a number for ${question.label}, got "${answer}".`,
    };
  }

  const off = given.minus(question.expected).abs();
  if (off.lte(question.tolerance ?? 0)) {
    const value = format(question.expected);
    return { correct: true, message: `Right: ${question.label}: ${value}.` };
  }
  return {
    correct: false,
    message:
      `Not quite: ${format(given)} is not ${question.label}. ` +
      `Hint: ${question.hint}`,
  };
}

const usd = (value: Exact) => formatUsd(value);
const CENT = "0.005";

/**
 * The checks of every notebook's exercises, against the model run on
 * `data`. Each takes the student's answer and returns a Verdict.
 */
export function answerChecks(data: WorkbookData) {
  const at = (targetRps: number) => compare(targetRps, data);
  const ask =
    (question: () => Question) =>
    (answer: ExactInput): Verdict =>
      judge(answer, question());

  const budgeted = () =>
    budgetedPool(
      200000,
      data.vm,
      data.assumptions.overloadBudget,
      data.assumptions,
    );

  return {
    vmsFor200k: ask(() => ({
      label: "the number of VMs for 200,000 req/s",
      expected: exact(at(200000).vms.count),
      hint: "divide the target by what one VM serves, then round up.",
    })),
    vmMemoryGbFor200k: ask(() => ({
      label: "the memory of that whole pool in GB",
      expected: fleetTotals(data.vm, at(200000).vms.count).memoryGb,
      hint: "multiply the VM count by the memory of one VM.",
    })),
    serverRpsPerCore: ask(() => ({
      label: "the server's req/s per core",
      expected: rpsPerCore(data.server),
      hint: "divide the server's capacity by its cores.",
    })),
    vmUsdPerMonthFor200k: ask(() => ({
      label: "the VMs' monthly cost at 200,000 req/s",
      expected: at(200000).vms.cost.usdPerMonth,
      hint: "hourly cost × hours per day × days per month.",
      format: usd,
      tolerance: CENT,
    })),
    savingsUsdPerYearFor200k: ask(() => ({
      label: "the yearly saving at 200,000 req/s",
      expected: at(200000).savings.usdPerYear,
      hint: "the year has days_per_year days, not 12 months.",
      format: usd,
      tolerance: CENT,
    })),
    breakEvenVmUsdPerHourFor200k: ask(() => ({
      label: "the VM price at which 200,000 req/s costs the same both ways",
      expected: breakEvenVmUsdPerHour(200000, data),
      hint: "the servers' hourly cost spread over the VMs you need.",
      format: usd,
      tolerance: "0.000005",
    })),
    vmsFor10M: ask(() => ({
      label: "the number of VMs for 10,000,000 req/s",
      expected: exact(at(10000000).vms.count),
      hint: "the same division as for 200,000 req/s.",
    })),
    serversFor500k: ask(() => ({
      label: "the whole servers for 500,000 req/s",
      expected: exact(at(500000).servers.count),
      hint: "a server comes whole: round the fraction up.",
    })),
    savingsFractionFor500k: ask(() => ({
      label: "the saving against whole servers at 500,000 req/s",
      expected: at(500000).savingsFraction,
      hint: "1 - VM cost / cost of the whole servers (a fraction: 0.5 is 50%).",
      format: formatPercent,
      tolerance: "0.005",
    })),
    dbConnectionsFor10M: ask(() => ({
      label: "the database connections of the pool for 10,000,000 req/s",
      expected: exact(
        databaseConnections(at(10000000).vms.count, data.assumptions)
          .connections,
      ),
      hint: "VMs × connections in each VM's pool.",
    })),
    scaleOutUsdPerMonthFor200k: ask(() => ({
      label:
        "the scaled-out monthly bill at 200,000 req/s with network and data layer",
      expected: scaleOutBill(at(200000), data.assumptions).totalUsdPerMonth,
      hint: "VMs + network + data layer per hour × hours in a month.",
      format: usd,
      tolerance: CENT,
    })),
    droppedFractionFor200k: ask(() => ({
      label: "the share of requests the exercise's pool drops at 200,000 req/s",
      expected: exact(budgeted().exercise.droppedFraction),
      hint: "the pool's expected excess per second over the traffic (a fraction: 0.01 is 1%).",
      format: (value) => `${value.times(100).toDecimalPlaces(2)}%`,
      tolerance: "0.0005",
    })),
    budgetedVmsFor200k: ask(() => ({
      label: "the VMs that keep 200,000 req/s within the overload budget",
      expected: exact(budgeted().budgetedVms),
      hint: "add VMs one at a time until P(some VM overloaded) is within the budget.",
    })),
    requestsLostPerFailureFor200k: ask(() => {
      const pool = { targetRps: 200000, vms: at(200000).vms.count };
      return {
        label:
          "the requests expected to be lost when one VM of the 200,000 req/s pool fails",
        expected: healthCheckLoss(pool, data.assumptions)
          .expectedRequestsLostPerFailure,
        hint: "its share of the traffic × half the health-check interval.",
        tolerance: "0.5",
      };
    }),
    vmSparesFor200k: ask(() => ({
      label:
        "the spare VMs that reach the target availability at 200,000 req/s",
      expected: exact(redundancyComparison(200000, data).vms.spareMachines),
      hint: "add spares until P(at least N of N + k VMs up) reaches the target.",
    })),
  };
}

/** Every check, by name. */
export type AnswerChecks = ReturnType<typeof answerChecks>;
