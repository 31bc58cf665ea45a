import { describe, expect, it } from "vitest";
import { answerChecks, exact, judge, loadWorkbookData } from "../lib/index.js";

const data = loadWorkbookData("data");
const check = answerChecks(data);

describe("judge", () => {
  const question = { label: "the answer", expected: exact(42), hint: "think." };

  it("accepts the exact answer", () => {
    expect(judge(42, question)).toEqual({
      correct: true,
      message: "Right: the answer: 42.",
    });
  });

  it("gives a hint, not the answer, when wrong", () => {
    const verdict = judge(41, question);
    expect(verdict.correct).toBe(false);
    expect(verdict.message).toContain("Hint: think.");
    expect(verdict.message).not.toContain("42");
  });

  it("accepts an answer within the tolerance", () => {
    expect(judge("42.004", { ...question, tolerance: "0.005" }).correct).toBe(
      true,
    );
  });

  it("explains an answer that is not a number", () => {
    expect(judge("forty", question).message).toBe(
      'Expected a number for the answer, got "forty".',
    );
  });
});

describe("answerChecks", () => {
  describe("with the shipped data", () => {
    it("accepts the exercise's answers", () => {
      // By hand: 200,000 / 5,000 = 40 VMs, 40 × 2 GB = 80 GB,
      // 200,000 / 32 = 6,250, 40 × 0.02 × 720 = 576, 1.25 / 40 = 0.03125,
      // 3 servers at 500k, 1 - 1,440 / 2,700 = 46.7%, 2,000 × 2 connections.
      expect(check.vmsFor200k(40).correct).toBe(true);
      expect(check.vmMemoryGbFor200k(80).correct).toBe(true);
      expect(check.serverRpsPerCore(6250).correct).toBe(true);
      expect(check.vmUsdPerMonthFor200k(576).correct).toBe(true);
      expect(check.savingsUsdPerYearFor200k(3942).correct).toBe(true);
      expect(check.breakEvenVmUsdPerHourFor200k(0.03125).correct).toBe(true);
      expect(check.vmsFor10M(2000).correct).toBe(true);
      expect(check.serversFor500k(3).correct).toBe(true);
      expect(check.savingsFractionFor500k(0.467).correct).toBe(true);
      expect(check.dbConnectionsFor10M(4000).correct).toBe(true);
      expect(check.scaleOutUsdPerMonthFor200k(1776).correct).toBe(true);
    });

    it("accepts the answers beyond the exercise", () => {
      // 40 VMs drop about 0.56% (test/randomBalancer.test.ts derives it);
      // 43 VMs meet a 1% budget; a failed VM carries 5,000 req/s for half
      // of a 10 s interval: 25,000 requests; 2 spares reach 99.99%.
      expect(check.droppedFractionFor200k(0.0056).correct).toBe(true);
      expect(check.budgetedVmsFor200k(43).correct).toBe(true);
      expect(check.requestsLostPerFailureFor200k(25000).correct).toBe(true);
      expect(check.vmSparesFor200k(2).correct).toBe(true);
      expect(check.budgetedVmsFor200k(40).correct).toBe(false);
    });

    it("rejects the exercise's fractional server count at 500,000 req/s", () => {
      expect(check.serversFor500k(2.5).correct).toBe(false);
    });

    it("rejects twelve 30-day months as a year", () => {
      // 12 × 324 = 3,888, not 3,942.
      expect(check.savingsUsdPerYearFor200k(3888).correct).toBe(false);
    });
  });

  describe("with changed data", () => {
    it("follows the VM's capacity", () => {
      // 200,000 / 4,000 = 50.
      const vm = { ...data.vm, capacityRps: exact(4000) };
      const changed = answerChecks({ ...data, vm });
      expect(changed.vmsFor200k(50).correct).toBe(true);
      expect(changed.vmsFor200k(40).correct).toBe(false);
    });
  });
});
