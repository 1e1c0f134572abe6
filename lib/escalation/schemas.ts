/** Input of the escalation (督办) forms (催办, 督查发现, 问责台账, 消息), shared by the forms and the actions. */
import { z } from "zod";
import { strictInput } from "@/lib/services/schema-kit";
import { ACCOUNTABILITY_MEASURES } from "./labels";

const id = z.number().int().positive();
const periodIndex = z.number({ error: "请选择半月期" }).int().min(1, { error: "半月期须在 1–24 之间" }).max(24, { error: "半月期须在 1–24 之间" });
/** `YYYY-MM-DDTHH:mm`, Shanghai time */
const localDateTime = (message: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: message });
const facts = z.string().trim().min(1, { error: "请填写事实依据" }).max(2000, { error: "事实依据最多 2000 字" });

/** `recordAll`: the office chooses to enter the whole reminder in the ledger, not only what is overdue. */
export const sendReminderSchema = strictInput({
  periodIndex,
  recordAll: z.boolean().optional(),
  /** 减负: reminded although some units would pass the 负担提醒线 on reminders (asked again with the warning). */
  confirmBurden: z.boolean().optional(),
});

export const notificationIdSchema = strictInput({ id });
export const markAllReadSchema = strictInput({});

export const findingSchema = strictInput({
  periodIndex,
  /** 0 / null: not about a particular task. */
  taskId: id.nullable(),
  unitId: id.nullable(),
  rating: z.enum(["good", "fair", "poor"], { error: "请选择评价" }),
  text: z.string().trim().min(1, { error: "请填写督查发现" }).max(2000, { error: "督查发现最多 2000 字" }),
}).refine((f) => f.taskId !== null || f.unitId !== null, { error: "请选择任务或单位", path: ["taskId"] });

export const deleteFindingSchema = strictInput({ id });

export const supervisionLetterSchema = strictInput({ step: z.literal("supervision_letter"), unitId: id, facts, deadline: localDateTime("请填写办理期限") });

export const interviewSchema = strictInput({ step: z.literal("interview"), unitId: id, facts, deadline: localDateTime("请填写约谈时间") });

export const accountabilitySchema = strictInput({
  step: z.literal("accountability"),
  unitId: id,
  facts,
  measure: z.enum(ACCOUNTABILITY_MEASURES, { error: "请选择问责方式" }),
  measureNote: z.string().trim().max(200, { error: "最多 200 字" }),
  responsiblePerson: z.string().trim().min(1, { error: "请填写责任人" }).max(100, { error: "责任人最多 100 字" }),
}).refine((a) => a.measure !== "其他" || a.measureNote.length > 0, { error: "选择「其他」时请注明问责方式", path: ["measureNote"] });

/** The office records the next step against a unit (通报批评 comes from published criticisms, not from here). */
export const escalationStepSchema = z.discriminatedUnion("step", [supervisionLetterSchema, interviewSchema, accountabilitySchema]);

export const explanationSchema = strictInput({
  id,
  explanation: z.string().trim().min(1, { error: "请填写情况说明" }).max(5000, { error: "情况说明最多 5000 字" }),
});

export type EscalationStepInput = z.output<typeof escalationStepSchema>;
export type FindingInput = z.output<typeof findingSchema>;
