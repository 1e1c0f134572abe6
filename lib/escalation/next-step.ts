/**
 * The next escalation step the ledger suggests for a unit (问责台账的建议). Pure: the office sees the
 * suggestion and its reason, and decides. Rules, the most serious first:
 *
 * 1. 通报批评 + a rectification (整改) past its due time, not filed or sent back → 问责
 *    (unless an accountability measure was recorded after the latest criticism);
 * 2. 约谈 + continuing misses (something due after the interview was not filed) → 通报批评
 *    (unless a criticism came after the latest interview);
 * 3. a 督办函 past its deadline without the unit's 情况说明 → 约谈
 *    (unless an interview came after that letter);
 * 4. 3 or more reminders in the ledger in the last 3 periods (this one and the two before), counted
 *    after the latest formal step (督办函 or higher) → 督办函. A courtesy reminder sent before the due
 *    time is not in the ledger (lib/escalation/owed.ts ledgerItems), so it never counts.
 */
import { STEP_LABEL, STEP_RANK, type EscalationStep } from "./labels";

export const REMINDERS_FOR_LETTER = 3;
export const REMINDER_WINDOW_PERIODS = 3;

export interface LedgerStepFact {
  step: EscalationStep;
  createdAt: Date;
  /** 督办函: the deadline; 约谈: the date. */
  deadline: Date | null;
  explainedAt: Date | null;
}

export interface LedgerFacts {
  at: Date;
  /** The period being reported now (1–24). */
  currentPeriod: number;
  /** The unit's 催办 steps in the ledger: the half month each was recorded in, and when. */
  reminders: readonly { periodIndex: number; at: Date }[];
  steps: readonly LedgerStepFact[];
  /** Obligations the unit did not meet by their due time (reports missing or returned, inputs missing). */
  misses: readonly { periodIndex: number; dueAt: Date }[];
  /** The unit's rectifications of criticisms. */
  rectifications: readonly { dueAt: Date; status: "pending" | "submitted" | "accepted" | "returned" }[];
}

export type SuggestedStep = Exclude<EscalationStep, "reminder">;

export interface Suggestion {
  step: SuggestedStep;
  label: string;
  reason: string;
}

const time = (d: Date) => d.getTime();

function latest(steps: readonly LedgerStepFact[], step: EscalationStep): LedgerStepFact | null {
  let best: LedgerStepFact | null = null;
  for (const s of steps) if (s.step === step && (best === null || time(s.createdAt) > time(best.createdAt))) best = s;
  return best;
}

const recordedAfter = (steps: readonly LedgerStepFact[], step: EscalationStep, after: Date) =>
  steps.some((s) => s.step === step && time(s.createdAt) > time(after));

function suggestion(step: SuggestedStep, reason: string): Suggestion {
  return { step, label: STEP_LABEL[step], reason };
}

export function suggestNextStep(facts: LedgerFacts): Suggestion | null {
  const at = time(facts.at);

  const criticism = latest(facts.steps, "criticism");
  if (criticism && !recordedAfter(facts.steps, "accountability", criticism.createdAt)) {
    const overdue = facts.rectifications.filter((r) => (r.status === "pending" || r.status === "returned") && time(r.dueAt) < at);
    if (overdue.length > 0) return suggestion("accountability", `已通报批评，整改报告逾期未报送（${overdue.length} 份）`);
  }

  const interview = latest(facts.steps, "interview");
  if (interview && !recordedAfter(facts.steps, "criticism", interview.createdAt)) {
    const since = facts.misses.filter((m) => time(m.dueAt) > time(interview.createdAt) && time(m.dueAt) <= at);
    if (since.length > 0) return suggestion("criticism", `约谈后仍有 ${since.length} 项逾期未报（请在通报中起草通报批评）`);
  }

  const lapsed = facts.steps
    .filter((s) => s.step === "supervision_letter" && s.deadline !== null && time(s.deadline) < at && s.explainedAt === null)
    .filter((letter) => !recordedAfter(facts.steps, "interview", letter.createdAt));
  if (lapsed.length > 0) return suggestion("interview", "督办函已过期限，单位未报送情况说明");

  const formal = facts.steps.filter((s) => STEP_RANK[s.step] >= STEP_RANK.supervision_letter).reduce((max, s) => Math.max(max, time(s.createdAt)), -Infinity);
  const windowStart = facts.currentPeriod - (REMINDER_WINDOW_PERIODS - 1);
  const recent = facts.reminders.filter((r) => r.periodIndex >= windowStart && r.periodIndex <= facts.currentPeriod && time(r.at) > formal);
  if (recent.length >= REMINDERS_FOR_LETTER) return suggestion("supervision_letter", `近 ${REMINDER_WINDOW_PERIODS} 期被催办 ${recent.length} 次`);

  return null;
}
