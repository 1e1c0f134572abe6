/**
 * 考核细则 (the rubric): the items an assessment scores, each with a key, its Chinese label and its points.
 * Share items give points × the share of what the unit owed that it did well; deductions and additions
 * count occurrences (points each, with an optional cap). Pure, zod-validated: the `items` jsonb of
 * `assessments` is read back through {@link parseRubric}.
 */
import { z } from "zod";

/** Items scored as points × a share of owed things done well. */
export const SHARE_KINDS = ["on_time", "on_pace", "targets_met", "quality"] as const;
/** Items counted per occurrence: deductions (negative) and additions. */
export const DEDUCTION_KINDS = ["criticism", "overdue_rectification"] as const;
export const ADDITION_KINDS = ["commendation"] as const;

export type ShareKind = (typeof SHARE_KINDS)[number];
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];
export type AdditionKind = (typeof ADDITION_KINDS)[number];
export type RubricKind = ShareKind | DeductionKind | AdditionKind;

export const RUBRIC_KINDS: readonly RubricKind[] = [...SHARE_KINDS, ...DEDUCTION_KINDS, ...ADDITION_KINDS];

export const RUBRIC_LABEL: Record<RubricKind, string> = {
  on_time: "按时报送",
  on_pace: "进度达标",
  targets_met: "目标完成",
  quality: "报送质量",
  criticism: "通报批评扣分",
  overdue_rectification: "整改逾期扣分",
  commendation: "通报表扬加分",
};

/** What each item counts, in the words the breakdown shows. */
export const RUBRIC_RULE: Record<RubricKind, string> = {
  on_time: "考核期内应报的进展报告和配合进展中按时报送的比例 × 分值",
  on_pace: "牵头任务在考核期末达到或超过序时进度（含已完成）的比例 × 分值",
  targets_met: "牵头任务已确认的量化指标在考核期末已达标的比例 × 分值",
  quality: "考核期内经审核的进展报告中一次审核通过且未被标记照抄/套话的比例 × 分值",
  criticism: "考核期内发布的通报批评每点名一次扣分",
  overdue_rectification: "整改报告未在期限内报送的每次扣分",
  commendation: "考核期内发布的通报表扬每点名一次加分",
};

export const isShareKind = (kind: RubricKind): kind is ShareKind => (SHARE_KINDS as readonly string[]).includes(kind);
export const isAdditionKind = (kind: RubricKind): kind is AdditionKind => (ADDITION_KINDS as readonly string[]).includes(kind);

const points = z
  .number({ error: "分值须为数字" })
  .min(0, { error: "分值不能为负数" })
  .max(100, { error: "分值不能超过 100" })
  .refine((n) => Math.round(n * 100) === n * 100, { error: "分值最多两位小数" });

export const shareItemSchema = z.strictObject({ kind: z.enum(SHARE_KINDS), points });
export const countItemSchema = z.strictObject({
  kind: z.enum([...DEDUCTION_KINDS, ...ADDITION_KINDS]),
  /** Points per occurrence (a deduction subtracts them). */
  pointsEach: points,
  /** At most this many points in all; null: no cap. */
  cap: points.nullable(),
});
export const rubricItemSchema = z.union([shareItemSchema, countItemSchema]);

export const rubricSchema = z
  .array(rubricItemSchema, { error: "考核细则格式有误" })
  .min(1, { error: "请至少设置一项考核内容" })
  .max(RUBRIC_KINDS.length, { error: "考核内容过多" })
  .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, { error: "每项考核内容只能设置一次" })
  .refine((items) => items.some((i) => "points" in i && i.points > 0), { error: "请至少为一项按比例计分的内容设置分值" });

export type ShareItem = z.infer<typeof shareItemSchema>;
export type CountItem = z.infer<typeof countItemSchema>;
export type RubricItem = z.infer<typeof rubricItemSchema>;
export type Rubric = RubricItem[];

/** The rubric offered when the office creates an assessment: 30/30/20/20, −2 per criticism (at most 10), −1 per overdue 整改 (at most 5), +1 per commendation (at most 5). */
export const DEFAULT_RUBRIC: Rubric = [
  { kind: "on_time", points: 30 },
  { kind: "on_pace", points: 30 },
  { kind: "targets_met", points: 20 },
  { kind: "quality", points: 20 },
  { kind: "criticism", pointsEach: 2, cap: 10 },
  { kind: "overdue_rectification", pointsEach: 1, cap: 5 },
  { kind: "commendation", pointsEach: 1, cap: 5 },
];

/** The stored rubric, in the canonical order of kinds; throws when the jsonb is not a rubric. */
export function parseRubric(value: unknown): Rubric {
  const items = rubricSchema.parse(value);
  return [...items].sort((a, b) => RUBRIC_KINDS.indexOf(a.kind) - RUBRIC_KINDS.indexOf(b.kind));
}

/** The most a unit can score from the share items (the 满分 before additions). */
export function fullMarks(rubric: Rubric): number {
  return round2(rubric.reduce((sum, item) => sum + ("points" in item ? item.points : 0), 0));
}

/** Two decimals, half away from zero (scores are shown and stored to 0.01). */
export function round2(n: number): number {
  return (Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-9)) / 100;
}
