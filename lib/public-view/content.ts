/**
 * What a plan's public page shows (政务公开), computed from the facts by whitelisting: each row is built
 * field by field from the few public facts, so whatever else the facts carry (names of people, report
 * text, problems, return reasons, criticism, 批示, scores) can never come out. Pure.
 *
 * Shown: the plan's title and year, and per task (not the 全面负责 row, not archived ones) its 序号, its
 * text, its lead units' names, its progress state and the public summary the office approved, with the
 * day it was approved.
 */
import { taskNumber } from "@/lib/tasks/labels";
import { type PublicState, publicStateOf, type PublicStateFacts } from "./state";

/** One task as the services load it: the public facts, and possibly more that must never be shown. */
export interface PublicTaskFacts extends PublicStateFacts {
  seq: number;
  seqLabel: string | null;
  content: string;
  overall: boolean;
  archived: boolean;
  /** Lead units (牵头单位) by name, collective names (各苏木镇) included. */
  leadUnits: readonly string[];
  /** The approved summary (never a draft): its text and when it was approved. */
  summary: { text: string; approvedAt: Date } | null;
}

export interface PublicPlanFacts {
  title: string;
  year: number;
}

export interface PublicRow {
  number: string;
  seq: number;
  content: string;
  leadUnits: string[];
  state: PublicState;
  summary: string | null;
  /** `YYYY-MM-DD` (Asia/Shanghai) the summary was approved. */
  summaryDate: string | null;
}

/** `public_views.content`: what the page reads, one row per published plan. */
export interface PublicContent {
  plan: { title: string; year: number };
  rows: PublicRow[];
  /** ISO time the content was computed. */
  computedAt: string;
}

/** The plan's title, with its year in front when the title does not say it (「2022年 民生实事项目」). */
export function planName(plan: { year: number; title: string }): string {
  return plan.title.includes(String(plan.year)) ? plan.title : `${plan.year}年 ${plan.title}`;
}

const SHANGHAI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

export function shanghaiDay(at: Date): string {
  return SHANGHAI_DAY.format(at);
}

export function projectPublicRow(task: PublicTaskFacts): PublicRow {
  return {
    number: taskNumber({ seq: task.seq, seqLabel: task.seqLabel }),
    seq: task.seq,
    content: String(task.content),
    leadUnits: task.leadUnits.map(String),
    state: publicStateOf({ closed: task.closed, latest: task.latest }),
    summary: task.summary ? String(task.summary.text) : null,
    summaryDate: task.summary ? shanghaiDay(task.summary.approvedAt) : null,
  };
}

export function projectPublicContent(plan: PublicPlanFacts, tasks: readonly PublicTaskFacts[], at: Date): PublicContent {
  return {
    plan: { title: String(plan.title), year: Number(plan.year) },
    rows: tasks
      .filter((t) => !t.overall && !t.archived)
      .map(projectPublicRow)
      .sort((a, b) => a.seq - b.seq),
    computedAt: at.toISOString(),
  };
}

/** The stored content read back, or null when it is not what projectPublicContent writes. */
export function readPublicContent(value: unknown): PublicContent | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Partial<PublicContent>;
  if (!v.plan || !Array.isArray(v.rows) || typeof v.computedAt !== "string") return null;
  return v as PublicContent;
}
