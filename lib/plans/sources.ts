/** 任务来源: where a plan's or an item's work comes from. Pure, shared by pages and services. */
import type { WorkSource } from "@/db/schema";

export const WORK_SOURCES = [
  "work_report",
  "livelihood",
  "meeting",
  "instruction",
  "higher_level",
  "proposal",
  "other",
] as const satisfies readonly WorkSource[];

export const WORK_SOURCE_LABEL: Record<WorkSource, string> = {
  work_report: "政府工作报告",
  livelihood: "民生实事",
  meeting: "会议议定事项",
  instruction: "领导批示",
  higher_level: "上级交办",
  proposal: "建议提案",
  other: "其他",
};

export const PLAN_STATE_LABEL = { draft: "草稿", active: "执行中", archived: "已归档" } as const;

/** How a plan is named in lists and labels: 「2022年 政府工作报告」, or the items register 「2022年 督办事项」. */
export function planShortLabel(plan: { year: number; source: WorkSource; kind: "table" | "items" }): string {
  return `${plan.year}年 ${plan.kind === "items" ? "督办事项" : WORK_SOURCE_LABEL[plan.source]}`;
}

/** The source a document's title suggests (the administrator may choose another in the preview). */
export function guessWorkSource(title: string): WorkSource {
  if (/民生实事|民生工程|惠民实事/.test(title)) return "livelihood";
  if (/常务会|会议|纪要|议定/.test(title)) return "meeting";
  if (/批示|指示/.test(title)) return "instruction";
  if (/建议|提案/.test(title)) return "proposal";
  if (/交办|督办件|上级/.test(title)) return "higher_level";
  if (/政府工作报告|工作报告/.test(title)) return "work_report";
  return "work_report";
}
