/** The escalation's (督办) words in the UI (zh-CN), one place for every page. */
export type EscalationStep = "reminder" | "supervision_letter" | "interview" | "criticism" | "accountability";
export type FindingRating = "good" | "fair" | "poor";
export type Owes = "report" | "contribution";

export const ESCALATION_STEPS: readonly EscalationStep[] = ["reminder", "supervision_letter", "interview", "criticism", "accountability"];

export const STEP_LABEL: Record<EscalationStep, string> = {
  reminder: "催办",
  supervision_letter: "督办函",
  interview: "约谈",
  criticism: "通报批评",
  accountability: "问责",
};

/** How far a step goes: the ledger's "current step" is the highest one reached. */
export const STEP_RANK: Record<EscalationStep, number> = { reminder: 1, supervision_letter: 2, interview: 3, criticism: 4, accountability: 5 };

export const RATING_LABEL: Record<FindingRating, string> = { good: "好", fair: "一般", poor: "差" };

export const OWES_LABEL: Record<Owes, string> = { report: "进展报告", contribution: "配合进展" };

/** 问责 measures the office may record. */
export const ACCOUNTABILITY_MEASURES = ["书面检查", "诫勉谈话", "通报", "建议追责", "其他"] as const;
export type AccountabilityMeasure = (typeof ACCOUNTABILITY_MEASURES)[number];

export function highestStep(steps: readonly EscalationStep[]): EscalationStep | null {
  let best: EscalationStep | null = null;
  for (const step of steps) if (best === null || STEP_RANK[step] > STEP_RANK[best]) best = step;
  return best;
}
