/**
 * 考核: the office defines a rubric for a plan and a period; every unit's score is computed from the data
 * (lib/data/assessment-facts.ts gathers, lib/assessment/ scores) with the records behind each point; the
 * office adjusts a score with a written reason, opens the breakdown to the units (each sees its own only,
 * and may object within the set days), answers the objections, and publishes the final table as a
 * 考核结果通报 (numbered and frozen in the notice's snapshot) and as XLSX.
 * Messages go to units when the breakdown opens and when an objection is answered, nowhere else
 * (and the result notice reaches its recipients as every notice does).
 */
import type { z } from "zod";
import { db, type Executor } from "@/db";
import { buildUnitFacts } from "@/lib/assessment/facts";
import { assessmentSpan, judgedAt } from "@/lib/assessment/period";
import { fullMarks, parseRubric, RUBRIC_LABEL, RUBRIC_RULE, type Rubric, type RubricKind } from "@/lib/assessment/rubric";
import { type AdjustmentFact, scoreTable } from "@/lib/assessment/score";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { gatherAssessmentFacts } from "@/lib/data/assessment-facts";
import {
  answerObjectionRow,
  type AssessmentRow,
  findAssessmentForPeriod,
  getAssessment,
  getObjection,
  insertAdjustment,
  insertAssessment,
  insertObjection,
  listAdjustments,
  listAssessments,
  listObjections,
  updateAssessment,
} from "@/lib/data/assessments";
import { getNotice, insertNotice } from "@/lib/data/notices";
import { notifyUnits } from "@/lib/data/notifications";
import { listPlanRows } from "@/lib/data/plan-schedule";
import { planShortLabel } from "@/lib/plans/sources";
import { DomainError, notFound } from "@/lib/errors";
import { chineseDate, formatNoticeNumber } from "@/lib/notices/format";
import { formatShanghai, shanghaiDate } from "@/lib/periods";
import { assertCan, can } from "@/lib/policies";
import type { adjustScoreSchema, answerObjectionSchema, assessmentIdSchema, createAssessmentSchema, raiseObjectionSchema } from "./assessment-schemas";
import { mutation } from "./mutation";
import { publishLockedNotice } from "./notices";
import { cellText, streamXlsx } from "./xlsx-stream";

const DAY_MS = 24 * 60 * 60 * 1000;

export const ASSESSMENT_STATE_LABEL = { draft: "草稿", open: "征求意见", published: "已发布" } as const;
export const OBJECTION_STATE_LABEL = { pending: "待答复", upheld: "已采纳", rejected: "不予采纳" } as const;

/** What the published notice freezes: the final table. */
export interface AssessmentSnapshot {
  kind: "assessment";
  assessmentId: number;
  title: string;
  periodLabel: string;
  judgedAt: string;
  rubric: Rubric;
  rows: {
    rank: number;
    unitId: number;
    unitName: string;
    items: { kind: RubricKind; label: string; points: number; max: number | null; numerator: number; denominator: number | null; noneOwed: boolean }[];
    computed: number;
    adjustment: number;
    adjustments: { points: number; reason: string }[];
    total: number;
  }[];
}

// ── Reading ──────────────────────────────────────────────────────────────────

function spanOf(assessment: Pick<AssessmentRow, "periodKind" | "quarter">, year: number) {
  return assessmentSpan(year, assessment.periodKind, assessment.quarter);
}

/** The objection window: from opening, `objectionDays` whole days. */
export function objectionDeadline(assessment: Pick<AssessmentRow, "openedAt" | "objectionDays">): Date | null {
  return assessment.openedAt ? new Date(assessment.openedAt.getTime() + assessment.objectionDays * DAY_MS) : null;
}

async function planOf(executor: Executor, planId: number) {
  const [plan] = await listPlanRows(executor, undefined).then((rows) => rows.filter((p) => p.id === planId));
  if (!plan) throw notFound();
  return plan;
}

/** Every unit's score as the data stands (live), with adjustments; units that have no task in the plan are left out. */
async function computeTable(executor: Executor, assessment: AssessmentRow) {
  const plan = await planOf(executor, assessment.planId);
  const span = spanOf(assessment, plan.year);
  const clock = now();
  const at = judgedAt(span, clock);
  const raw = await gatherAssessmentFacts(executor, { planId: assessment.planId, at: clock, valuesAt: at });
  if (!raw) throw notFound();
  const involved = new Set(raw.tasks.flatMap((t) => [...t.leadUnitIds, ...t.cooperatingUnitIds]));
  const facts = buildUnitFacts({ ...raw, units: raw.units.filter((u) => involved.has(u.id)) }, span, clock);
  const adjustments = new Map<number, AdjustmentFact[]>();
  for (const a of await listAdjustments(executor, assessment.id)) adjustments.set(a.unitId, [...(adjustments.get(a.unitId) ?? []), a]);
  const rubric = parseRubric(assessment.items);
  return { plan, span, at, rubric, rows: scoreTable(rubric, facts, adjustments) };
}

function summaryOf(assessment: AssessmentRow, plan: Parameters<typeof planShortLabel>[0]) {
  const deadline = objectionDeadline(assessment);
  return {
    id: assessment.id,
    title: assessment.title,
    state: assessment.state,
    stateLabel: ASSESSMENT_STATE_LABEL[assessment.state],
    periodLabel: spanOf(assessment, plan.year).label,
    planLabel: planShortLabel(plan),
    objectionDays: assessment.objectionDays,
    openedAt: assessment.openedAt,
    objectionDeadline: deadline,
    noticeId: assessment.noticeId,
  };
}

export async function listAssessmentsFor(actor: Actor) {
  if (can(actor, "office.read")) return { office: true, rows: await listAssessments(db) };
  if (can(actor, "unit.act")) return { office: false, rows: await listAssessments(db, { openedOnly: true }) };
  throw notFound();
}

/** The create form's choices: the plans (live and archived), the default rubric. */
export async function getAssessmentChoices(actor: Actor) {
  assertCan(actor, "assessment.manage");
  const plans = (await listPlanRows(db, undefined)).filter((p) => p.state !== "draft");
  return { plans: plans.map((p) => ({ id: p.id, label: `${planShortLabel(p)}（${p.title}）`, year: p.year })) };
}

/** The office's table: every unit's score, its items and adjustments, and every objection. */
export async function getAssessmentTable(actor: Actor, id: number) {
  if (!can(actor, "office.read")) throw notFound();
  const assessment = await getAssessment(db, id);
  if (!assessment) throw notFound();
  const [table, objections] = await Promise.all([computeTable(db, assessment), listObjections(db, id)]);
  return {
    assessment: summaryOf(assessment, table.plan),
    rubric: table.rubric.map((item) => ({ ...item, label: RUBRIC_LABEL[item.kind] })),
    fullMarks: fullMarks(table.rubric),
    judgedAt: table.at,
    rows: table.rows,
    objections: objections.map((o) => ({ ...o, itemLabel: o.itemKey ? (RUBRIC_LABEL[o.itemKey as RubricKind] ?? o.itemKey) : "总分" })),
    can: { manage: can(actor, "assessment.manage") },
  };
}

/**
 * One unit's breakdown with the evidence behind each point: a unit its own only, once opened (another
 * unit's, or one not opened yet: not found); the office any unit's.
 */
export async function getUnitBreakdown(actor: Actor, id: number, requestedUnitId?: number) {
  const office = can(actor, "office.read");
  const unitId = office ? requestedUnitId : can(actor, "unit.act") ? actor.unitId : undefined;
  if (unitId === undefined || unitId === null) throw notFound();
  if (!office && requestedUnitId !== undefined && requestedUnitId !== unitId) throw notFound();
  const assessment = await getAssessment(db, id);
  if (!assessment || (!office && assessment.state === "draft")) throw notFound();
  const table = await computeTable(db, assessment);
  const row = table.rows.find((r) => r.unitId === unitId);
  if (!row) throw notFound();
  const objections = await listObjections(db, id, unitId);
  const deadline = objectionDeadline(assessment);
  const at = now();
  return {
    assessment: summaryOf(assessment, table.plan),
    judgedAt: table.at,
    fullMarks: fullMarks(table.rubric),
    row: { ...row, items: row.items.map((i) => ({ ...i, rule: RUBRIC_RULE[i.kind] })) },
    objections: objections.map((o) => ({ ...o, itemLabel: o.itemKey ? (RUBRIC_LABEL[o.itemKey as RubricKind] ?? o.itemKey) : "总分" })),
    canObject: !office && can(actor, "unit.act") && assessment.state === "open" && deadline !== null && at.getTime() <= deadline.getTime(),
    can: { manage: can(actor, "assessment.manage") },
  };
}

// ── Writing ──────────────────────────────────────────────────────────────────

export async function createAssessment(actor: Actor, input: z.output<typeof createAssessmentSchema>) {
  assertCan(actor, "assessment.manage");
  return mutation(actor, { action: "assessment.create", entity: "assessment" }, async (tx, audit) => {
    const plan = (await listPlanRows(tx, undefined)).find((p) => p.id === input.planId && p.state !== "draft");
    if (!plan) throw new DomainError("invalid", "所选分解表不存在或尚未执行");
    if (await findAssessmentForPeriod(tx, input.planId, input.periodKind, input.quarter)) throw new DomainError("conflict", "该分解表的这一考核期已有考核方案");
    const rubric = parseRubric(input.items);
    const id = await insertAssessment(tx, {
      planId: plan.id,
      title: input.title,
      periodKind: input.periodKind,
      quarter: input.quarter,
      items: rubric,
      objectionDays: input.objectionDays,
      createdBy: actor.userId,
    });
    await audit({
      entityId: id,
      after: { planId: plan.id, title: input.title, periodKind: input.periodKind, quarter: input.quarter, objectionDays: input.objectionDays, items: rubric },
    });
    return { id };
  });
}

async function lockAssessment(tx: Executor, id: number) {
  const assessment = await getAssessment(tx, id, { forUpdate: true });
  if (!assessment) throw notFound();
  return assessment;
}

/** 调整得分: points added to (or taken from) a unit's computed score, with the written reason the unit sees. */
export async function adjustScore(actor: Actor, input: z.output<typeof adjustScoreSchema>) {
  assertCan(actor, "assessment.manage");
  return mutation(actor, { action: "assessment.adjust", entity: "assessment_adjustment" }, async (tx, audit) => {
    const assessment = await lockAssessment(tx, input.assessmentId);
    if (assessment.state === "published") throw new DomainError("conflict", "考核结果已发布，不能再调整得分");
    const table = await computeTable(tx, assessment);
    const row = table.rows.find((r) => r.unitId === input.unitId);
    if (!row) throw new DomainError("invalid", "该单位不在本次考核范围内");
    const id = await insertAdjustment(tx, {
      assessmentId: assessment.id,
      unitId: input.unitId,
      points: input.points,
      reason: input.reason,
      createdBy: actor.userId,
    });
    await audit({
      entityId: id,
      before: { total: row.total },
      after: {
        assessmentId: assessment.id,
        unitId: input.unitId,
        unitName: row.unitName,
        points: input.points,
        reason: input.reason,
        total: row.total + input.points,
      },
    });
    return { id };
  });
}

/** 征求意见: the units see their own breakdown and may object within the set days; each is told. */
export async function openAssessment(actor: Actor, input: z.output<typeof assessmentIdSchema>) {
  assertCan(actor, "assessment.manage");
  return mutation(actor, { action: "assessment.open", entity: "assessment" }, async (tx, audit) => {
    const assessment = await lockAssessment(tx, input.id);
    if (assessment.state !== "draft") throw new DomainError("conflict", "该考核已向单位公开");
    const table = await computeTable(tx, assessment);
    const at = now();
    await updateAssessment(tx, assessment.id, { state: "open", openedAt: at, openedBy: actor.userId, updatedAt: at });
    const deadline = objectionDeadline({ openedAt: at, objectionDays: assessment.objectionDays })!;
    await notifyUnits(
      tx,
      table.rows.map((r) => r.unitId),
      {
        kind: "assessment",
        title: `考核得分征求意见：${assessment.title}`,
        body: `请查看本单位${table.span.label}考核得分及依据；如有异议，请于 ${formatShanghai(deadline)} 前提出。`,
        link: `/assessments/${assessment.id}`,
        createdBy: actor.userId,
      },
    );
    await audit({
      entityId: assessment.id,
      before: { state: "draft" },
      after: { state: "open", openedAt: at, objectionDeadline: deadline, units: table.rows.length },
    });
    return { objectionDeadline: deadline };
  });
}

/** 异议: a unit's objection to its own breakdown (an item or the whole), within the window. */
export async function raiseObjection(actor: Actor, input: z.output<typeof raiseObjectionSchema>) {
  if (!can(actor, "unit.act")) throw notFound();
  const unitId = actor.unitId;
  return mutation(actor, { action: "assessment.object", entity: "assessment_objection" }, async (tx, audit) => {
    const assessment = await getAssessment(tx, input.assessmentId);
    if (!assessment || assessment.state === "draft") throw notFound();
    if (assessment.state === "published") throw new DomainError("conflict", "考核结果已发布，不能再提出异议");
    const deadline = objectionDeadline(assessment)!;
    if (now().getTime() > deadline.getTime()) throw new DomainError("invalid", `异议期已于 ${formatShanghai(deadline)} 截止，不能再提出异议`);
    const rubric = parseRubric(assessment.items);
    if (input.itemKey !== null && !rubric.some((i) => i.kind === input.itemKey)) throw new DomainError("invalid", "本次考核没有该考核项");
    const id = await insertObjection(tx, {
      assessmentId: assessment.id,
      unitId,
      itemKey: input.itemKey,
      text: input.text,
      raisedBy: actor.userId,
      raisedAt: now(),
    });
    await audit({ entityId: id, after: { assessmentId: assessment.id, unitId, itemKey: input.itemKey, text: input.text } });
    return { id };
  });
}

/** 答复异议: 采纳 or 不予采纳 with the answer; the unit is told. */
export async function answerObjection(actor: Actor, input: z.output<typeof answerObjectionSchema>) {
  assertCan(actor, "assessment.manage");
  return mutation(actor, { action: "assessment.answer_objection", entity: "assessment_objection" }, async (tx, audit) => {
    const objection = await getObjection(tx, input.id, { forUpdate: true });
    if (!objection) throw notFound();
    if (objection.state !== "pending") throw new DomainError("conflict", "该异议已答复");
    const assessment = await getAssessment(tx, objection.assessmentId);
    if (!assessment) throw notFound();
    const state = input.upheld ? ("upheld" as const) : ("rejected" as const);
    const at = now();
    await answerObjectionRow(tx, objection.id, { state, answer: input.answer, answeredBy: actor.userId, answeredAt: at });
    await notifyUnits(tx, [objection.unitId], {
      kind: "assessment",
      title: `考核异议已答复（${OBJECTION_STATE_LABEL[state]}）：${assessment.title}`,
      body: input.answer,
      link: `/assessments/${assessment.id}`,
      createdBy: actor.userId,
    });
    await audit({
      entityId: objection.id,
      before: { state: "pending" },
      after: { state, answer: input.answer, unitId: objection.unitId, assessmentId: assessment.id },
    });
    return { state };
  });
}

function snapshotOf(assessment: AssessmentRow, table: Awaited<ReturnType<typeof computeTable>>): AssessmentSnapshot {
  return {
    kind: "assessment",
    assessmentId: assessment.id,
    title: assessment.title,
    periodLabel: table.span.label,
    judgedAt: table.at.toISOString(),
    rubric: table.rubric,
    rows: table.rows.map((r) => ({
      rank: r.rank,
      unitId: r.unitId,
      unitName: r.unitName,
      items: r.items.map(({ kind, label, points, max, numerator, denominator, noneOwed }) => ({ kind, label, points, max, numerator, denominator, noneOwed })),
      computed: r.computed,
      adjustment: r.adjustment,
      adjustments: r.adjustments.map((a) => ({ points: a.points, reason: a.reason })),
      total: r.total,
    })),
  };
}

const signed = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n.toFixed(2));

/** The result notice's text: the rubric in a line, then one line per unit (the table prints as these lines). */
export function assessmentNoticeText(snapshot: AssessmentSnapshot): { title: string; body: string } {
  const rubricText = snapshot.rubric
    .map((i) =>
      "points" in i ? `${RUBRIC_LABEL[i.kind]}${i.points}分` : `${RUBRIC_LABEL[i.kind]}每次${i.pointsEach}分${i.cap === null ? "" : `、最多${i.cap}分`}`,
    )
    .join("，");
  const lines = [
    "各苏木镇，旗直各部门、各单位：",
    `根据《${snapshot.title}》考核细则（${rubricText}），旗政府督查室依据各单位报送、进度、指标和通报记录，对${snapshot.periodLabel}目标任务落实情况进行了考核，已向各单位反馈得分及依据并答复异议。现将考核结果通报如下：`,
    "一、考核结果",
    ...snapshot.rows.map((r, i) => {
      // The share items always; a deduction or an addition only when it applies.
      const parts = r.items
        .filter((item) => item.denominator !== null || item.points !== 0)
        .map((item) => `${item.label}${item.points}`)
        .join("，");
      const adjust = r.adjustment !== 0 ? `，调整${signed(r.adjustment)}（${r.adjustments.map((a) => a.reason).join("；")}）` : "";
      return `${i + 1}. ${r.unitName} ${r.total.toFixed(2)}分（${parts}${adjust}）`;
    }),
    "二、说明",
    "考核得分由系统依据数据计算，每一分均可查到对应的报告、通报或指标；不使用登录签到、在线时长、附件或照片数量、消息阅读情况和领导批示等数据。",
  ];
  const subject = snapshot.title.includes(snapshot.periodLabel) ? snapshot.title : `${snapshot.periodLabel}${snapshot.title}`;
  return { title: `关于${subject}结果的通报`, body: lines.join("\n") };
}

/** 发布考核结果: the final table frozen in a 考核结果通报 (numbered under the counter's lock), in one transaction. */
export async function publishAssessment(actor: Actor, input: z.output<typeof assessmentIdSchema>) {
  assertCan(actor, "assessment.manage");
  assertCan(actor, "notice.manage");
  return mutation(actor, { action: "assessment.publish", entity: "assessment" }, async (tx, audit) => {
    const assessment = await lockAssessment(tx, input.id);
    if (assessment.state === "published") throw new DomainError("conflict", "考核结果已发布");
    if (assessment.state !== "open") throw new DomainError("invalid", "请先向单位公开得分、征求意见后再发布");
    const pending = (await listObjections(tx, assessment.id)).filter((o) => o.state === "pending");
    if (pending.length > 0) throw new DomainError("invalid", `还有 ${pending.length} 条异议未答复，请答复后再发布`);
    const table = await computeTable(tx, assessment);
    const snapshot = snapshotOf(assessment, table);
    const text = assessmentNoticeText(snapshot);
    const at = now();
    const noticeId = await insertNotice(tx, {
      planId: assessment.planId,
      kind: "assessment",
      year: shanghaiDate(at).year,
      title: text.title,
      body: text.body,
      snapshot,
      createdBy: actor.userId,
    });
    const notice = await getNotice(tx, noticeId, { forUpdate: true });
    const published = await publishLockedNotice(tx, actor, notice!, audit);
    await updateAssessment(tx, assessment.id, { state: "published", noticeId, publishedAt: at, updatedAt: at });
    await audit({
      entityId: assessment.id,
      before: { state: "open" },
      after: { state: "published", noticeId, number: published.numberText, rows: snapshot.rows.map((r) => ({ unit: r.unitName, total: r.total })) },
    });
    return { noticeId, numberText: published.numberText };
  });
}

// ── Export ───────────────────────────────────────────────────────────────────

/** The table as XLSX: the published snapshot once published, the live table before; office only. */
export async function exportAssessment(actor: Actor, id: number): Promise<{ filename: string; stream: ReadableStream<Uint8Array>; rows: number }> {
  if (!can(actor, "office.read")) throw notFound();
  const assessment = await getAssessment(db, id);
  if (!assessment) throw notFound();
  let snapshot: AssessmentSnapshot;
  let numberText = "";
  if (assessment.noticeId !== null) {
    const notice = await getNotice(db, assessment.noticeId);
    snapshot = notice!.snapshot as AssessmentSnapshot;
    if (notice?.number != null) numberText = formatNoticeNumber("assessment", notice.year, notice.number);
  } else {
    snapshot = snapshotOf(assessment, await computeTable(db, assessment));
  }
  const kinds = snapshot.rubric.map((i) => i.kind);
  const header = ["名次", "单位", ...kinds.map((k) => RUBRIC_LABEL[k]), "计算得分", "调整", "调整理由", "总分"];
  const rows = snapshot.rows.map((r) => [
    r.rank,
    cellText(r.unitName),
    ...kinds.map((k) => r.items.find((i) => i.kind === k)?.points ?? null),
    r.computed,
    r.adjustment,
    cellText(r.adjustments.map((a) => `${signed(a.points)}：${a.reason}`).join("；")),
    r.total,
  ]);
  async function* batches() {
    yield rows;
  }
  const columns = header.map((h) => ({ header: h, width: h === "单位" ? 24 : h === "调整理由" ? 40 : 12 }));
  const name = `${snapshot.title}${numberText ? `-${numberText}` : ""}`.replace(/[\\/:*?"<>|〔〕]/g, "");
  return {
    filename: `${name}-${chineseDate(now()).slice(0, 5)}.xlsx`,
    rows: rows.length,
    stream: streamXlsx([{ name: "考核结果", columns, rows: batches() }], "assessment"),
  };
}
