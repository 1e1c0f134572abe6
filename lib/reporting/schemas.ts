/** Input of the report and contribution forms: one schema shared by the form and the server actions. */
import { z } from "zod";
import { requiredText, strictInput } from "@/lib/services/schema-kit";
import { isPeriodKey } from "./task-periods";

export const PROGRESS_STATES = ["on_track", "lagging", "completed", "blocked"] as const;
export const PROGRESS_STATE_LABEL: Record<(typeof PROGRESS_STATES)[number], string> = {
  on_track: "正常推进",
  lagging: "滞后",
  completed: "已完成",
  blocked: "受阻",
};

export const MAX_PROGRESS_CHARS = 5000;
export const MAX_NOTE_CHARS = 2000;

/** The report's fields as the form names them. */
export const REPORT_FIELD_LABEL = {
  progress: "本期工作进展",
  percent: "完成进度",
  progressState: "进展状态",
  problems: "存在问题",
  nextSteps: "下步计划",
  coordinationRequest: "需协调事项",
} as const;

const text = (max: number, label: string) => z.string({ error: `${label}须为文字` }).max(max, { error: `${label}最多 ${max} 字，请精简后再提交` });

const percent = z
  .number({ error: "完成进度须为 0–100 之间的数字" })
  .int({ error: "完成进度须为整数" })
  .min(0, { error: "完成进度不能小于 0%" })
  .max(100, { error: "完成进度不能超过 100%" });

/** What a draft holds: anything may still be missing. */
export const reportFieldsSchema = strictInput({
  progress: text(MAX_PROGRESS_CHARS, REPORT_FIELD_LABEL.progress),
  percent: percent.nullable(),
  progressState: z.enum(PROGRESS_STATES, { error: "请选择进展状态" }).nullable(),
  problems: text(MAX_NOTE_CHARS, REPORT_FIELD_LABEL.problems),
  nextSteps: text(MAX_NOTE_CHARS, REPORT_FIELD_LABEL.nextSteps),
  coordinationRequest: text(MAX_NOTE_CHARS, REPORT_FIELD_LABEL.coordinationRequest),
});

/** What a submission needs. */
export const submittedReportSchema = reportFieldsSchema.extend({
  progress: text(MAX_PROGRESS_CHARS, REPORT_FIELD_LABEL.progress).trim().min(1, { error: "请填写本期工作进展" }),
  percent: z.number({ error: "请填写完成进度（0–100 的数字）" }).pipe(percent),
  progressState: z.enum(PROGRESS_STATES, { error: "请选择进展状态" }),
});

/** The values of a task's confirmed indicators (量化指标) a report carries, one per indicator. */
export const MAX_INDICATOR_VALUE = 1e12;
export const indicatorValuesSchema = z
  .array(
    strictInput({
      indicatorId: z.number().int().positive(),
      value: z
        .number({ error: "指标数值须为数字" })
        .finite({ error: "指标数值须为数字" })
        .min(-MAX_INDICATOR_VALUE, { error: "指标数值超出范围" })
        .max(MAX_INDICATOR_VALUE, { error: "指标数值超出范围" }),
    }),
  )
  .max(100)
  .refine((values) => new Set(values.map((v) => v.indicatorId)).size === values.length, { error: "同一指标只能填一个数值" });
export type IndicatorValueInput = z.infer<typeof indicatorValuesSchema>[number];

const target = {
  taskId: z.number().int().positive(),
  /** A half month 1–24 or a week 101… (the task's own cadence is checked by the services). */
  periodIndex: z.number().int().refine(isPeriodKey, { error: "期次不正确" }),
};

/** baseVersion: the version the user started from (0 for a report that does not exist yet). */
export const saveReportSchema = strictInput({ ...target, baseVersion: z.number().int().min(0), fields: reportFieldsSchema });
export const submitReportSchema = strictInput({ ...target, baseVersion: z.number().int().min(0), fields: submittedReportSchema });
export const reportDecisionSchema = strictInput({ ...target });
export const reportReturnSchema = strictInput({
  ...target,
  reason: requiredText(MAX_NOTE_CHARS, { empty: "请填写退回理由", tooLong: `退回理由最多 ${MAX_NOTE_CHARS} 字` }),
});

export const contributionSchema = strictInput({ ...target, baseVersion: z.number().int().min(0), content: text(MAX_NOTE_CHARS, "配合进展") });
export const submitContributionSchema = contributionSchema.extend({ content: text(MAX_NOTE_CHARS, "配合进展").trim().min(1, { error: "请填写本期配合进展" }) });

export type ReportFields = z.infer<typeof reportFieldsSchema>;
export const EMPTY_REPORT_FIELDS: ReportFields = { progress: "", percent: null, progressState: null, problems: "", nextSteps: "", coordinationRequest: "" };
