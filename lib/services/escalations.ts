/**
 * The escalation ledger (问责台账): for every unit, each step taken against it — 催办 → 督办函 → 约谈 →
 * 通报批评 → 问责 — with the facts, the deadline, the notice and the unit's 情况说明. The office sees
 * where every unit stands and a suggested next step (lib/escalation/next-step.ts), and records
 * 督办函, 约谈 and 问责 (reminders come from 一键催办, criticisms from published notices).
 * A unit reads only its own ledger and writes explanations only for its own steps.
 */
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { recordEscalation } from "@/lib/data/escalations";
import {
  getEscalationRow,
  getUnitById,
  listOfficeUserIds,
  listRectificationFacts,
  listStepCounts,
  listStepFacts,
  listUnitSteps,
  setExplanation,
  type LedgerStepRow,
} from "@/lib/data/escalation-ledger";
import { listActiveUnits } from "@/lib/data/units";
import { notifyUnits, notifyUsers } from "@/lib/data/notifications";
import { loadLivePlans } from "@/lib/plans/live";
import { primaryPlan } from "@/lib/plans/scope";
import { DomainError, notFound } from "@/lib/errors";
import { assertCan, can } from "@/lib/policies";
import { ESCALATION_STEPS, highestStep, STEP_LABEL, STEP_RANK, type EscalationStep } from "@/lib/escalation/labels";
import { suggestNextStep, type LedgerFacts, type Suggestion } from "@/lib/escalation/next-step";
import type { UnitOwed } from "@/lib/escalation/owed";
import { escalationStepSchema, explanationSchema, type EscalationStepInput } from "@/lib/escalation/schemas";
import type { LedgerSearch, LedgerSort } from "@/lib/escalation/ledger-query";
import { byOrder, slicePage } from "@/lib/paging";
import { formatNoticeNumber } from "@/lib/notices/format";
import { formatDue, formatShanghai, periodAt } from "@/lib/periods";
import { shanghaiLocalToDate } from "@/lib/reporting/schedule-schemas";
import { currentPeriodIndex } from "@/lib/reporting/deadlines";
import { computeOwed } from "./reminders";
import { compareZh } from "@/lib/zh-order";
import { parseInput } from "./parse-input";
import { mutation } from "./mutation";

// ── Suggestions ──────────────────────────────────────────────────────────────

type StepFact = Awaited<ReturnType<typeof listStepFacts>>[number];

/**
 * The next-step suggestion of each unit. The "continuing misses" after an interview are counted
 * only for units with an interview not yet followed by a criticism, period by period from the
 * interview on (each period's owed list computed once for all of them).
 */
async function suggestionsFor(unitIds: number[], at: Date): Promise<Map<number, Suggestion | null>> {
  const out = new Map<number, Suggestion | null>();
  if (unitIds.length === 0) return out;
  // Misses are counted over every live plan of this year, in the half months of the primary one.
  const live = await loadLivePlans(db);
  const plan = primaryPlan(live, periodAt(at).year);
  const plans = plan ? live.filter((p) => p.year === plan.year) : [];
  const [steps, rectifications] = await Promise.all([listStepFacts(db, unitIds), listRectificationFacts(db, unitIds)]);
  const current = plan ? currentPeriodIndex({ year: plan.year }, at) : 0;
  const stepsOf = groupBy(steps, (s) => s.unitId);

  // Units whose latest interview has not been followed by a criticism: where do misses need counting from?
  const missesFrom = new Map<number, number>();
  if (plan) {
    const first = Math.max(1, plan.reportingStartPeriod);
    for (const unitId of unitIds) {
      const mine = stepsOf.get(unitId) ?? [];
      const interview = latestOf(mine, "interview");
      if (!interview || mine.some((s) => s.step === "criticism" && s.createdAt > interview.createdAt)) continue;
      const from = periodAt(interview.createdAt);
      const start = from.year < plan.year ? first : from.year > plan.year ? 25 : Math.max(first, from.index);
      if (start <= current) missesFrom.set(unitId, start);
    }
  }
  const owedByPeriod = new Map<number, UnitOwed[]>();
  if (plan && missesFrom.size > 0) {
    const start = Math.min(...missesFrom.values());
    for (let p = start; p <= current; p++) {
      const period = p;
      owedByPeriod.set(
        p,
        (await Promise.all(plans.filter((x) => period >= Math.max(1, x.reportingStartPeriod)).map((x) => computeOwed(x, period, { at })))).flat(),
      );
    }
  }

  for (const unitId of unitIds) {
    const misses: LedgerFacts["misses"][number][] = [];
    const from = missesFrom.get(unitId);
    if (from !== undefined) {
      for (let p = from; p <= current; p++) {
        for (const unit of owedByPeriod.get(p)?.filter((u) => u.unitId === unitId) ?? []) {
          for (const item of unit.items) if (item.overdue) misses.push({ periodIndex: p, dueAt: item.dueAt });
        }
      }
    }
    const facts: LedgerFacts = {
      at,
      currentPeriod: current,
      // Only the 催办 the ledger holds count (what was overdue, or what the office chose to record), by
      // the half month they were recorded in: a courtesy reminder before the due time leads to no 督办函.
      reminders: (stepsOf.get(unitId) ?? [])
        .filter((s) => s.step === "reminder")
        .map((s) => ({ periodIndex: halfMonthOf(s.createdAt, plan?.year), at: s.createdAt })),
      steps: (stepsOf.get(unitId) ?? []).map(({ step, createdAt, deadline, explainedAt }) => ({ step, createdAt, deadline, explainedAt })),
      misses,
      rectifications: rectifications.filter((r) => r.unitId === unitId).map(({ dueAt, status }) => ({ dueAt, status })),
    };
    out.set(unitId, suggestNextStep(facts));
  }
  return out;
}

/** The half month an instant falls in, counted from the plan's year (the next year's first half month is 25). */
function halfMonthOf(at: Date, year: number | undefined): number {
  const period = periodAt(at);
  return year === undefined ? period.index : (period.year - year) * 24 + period.index;
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
}

function latestOf(steps: readonly StepFact[], step: EscalationStep): StepFact | null {
  return steps.filter((s) => s.step === step).reduce<StepFact | null>((best, s) => (best === null || s.createdAt > best.createdAt ? s : best), null);
}

// ── The office's overview and a unit's ledger ────────────────────────────────

export interface LedgerOverviewRow {
  unitId: number;
  unitName: string;
  highest: EscalationStep | null;
  counts: Record<EscalationStep, number>;
  total: number;
  /** Formal steps (督办函 and beyond) still without the unit's 情况说明. */
  awaitingExplanation: number;
  latestAt: Date | null;
  suggestion: Suggestion | null;
}

const zeroCounts = (): Record<EscalationStep, number> => ({ reminder: 0, supervision_letter: 0, interview: 0, criticism: 0, accountability: 0 });

/** Every unit with its current (highest) step, its counts and the suggested next step; the most serious first. */
export async function getLedgerOverview(actor: Actor): Promise<{ rows: LedgerOverviewRow[]; reached: Record<EscalationStep, number> }> {
  assertCan(actor, "office.read");
  const [unitRows, counts] = await Promise.all([listActiveUnits(db), listStepCounts(db)]);
  const byUnit = groupBy(counts, (c) => c.unitId);
  const withSteps = [...byUnit.keys()];
  const suggestions = await suggestionsFor(withSteps, now());
  const rows = unitRows.map((unit): LedgerOverviewRow => {
    const mine = byUnit.get(unit.id) ?? [];
    const tally = zeroCounts();
    let awaiting = 0;
    let latestAt: Date | null = null;
    for (const c of mine) {
      tally[c.step] = c.count;
      if (STEP_RANK[c.step] >= STEP_RANK.supervision_letter) awaiting += c.unexplained;
      if (latestAt === null || c.latestAt > latestAt) latestAt = c.latestAt;
    }
    return {
      unitId: unit.id,
      unitName: unit.name,
      highest: highestStep(mine.map((c) => c.step)),
      counts: tally,
      total: mine.reduce((n, c) => n + c.count, 0),
      awaitingExplanation: awaiting,
      latestAt,
      suggestion: suggestions.get(unit.id) ?? null,
    };
  });
  rows.sort(
    (a, b) => (b.highest ? STEP_RANK[b.highest] : 0) - (a.highest ? STEP_RANK[a.highest] : 0) || b.total - a.total || compareZh(a.unitName, b.unitName),
  );
  const reached = zeroCounts();
  for (const row of rows) if (row.highest) reached[row.highest]++;
  return { rows, reached };
}

/**
 * One page of the 问责台账: the units the filter keeps (by default those with a record or a
 * suggestion), in the order asked for; `reached` counts every unit, whatever the filter.
 */
export async function getLedgerPage(actor: Actor, search: LedgerSearch) {
  const { rows, reached } = await getLedgerOverview(actor);
  const kept = rows.filter((r) => (search.filter.all || r.total > 0 || r.suggestion) && (!search.filter.step || r.highest === search.filter.step));
  const order = byOrder<LedgerOverviewRow, LedgerSort>(search.paging.sort, {
    step: (r) => (r.highest ? STEP_RANK[r.highest] : 0),
    unit: (r) => r.unitName,
    latest: (r) => r.latestAt?.getTime() ?? null,
  });
  // Ties keep the ledger's own order (furthest up, most records, by name).
  const sorted = search.paging.sort.key === "step" && search.paging.sort.descending ? kept : [...kept].sort(order);
  return { ...slicePage(sorted, search.paging), reached, units: rows.length };
}

export interface LedgerStep {
  id: number;
  step: EscalationStep;
  stepLabel: string;
  facts: string;
  deadline: Date | null;
  deadlineLabel: string | null;
  measure: string | null;
  responsiblePerson: string | null;
  notice: { id: number; label: string } | null;
  explanation: string | null;
  explainedAt: Date | null;
  explainedBy: string | null;
  createdAt: Date;
  createdBy: string | null;
}

function noticeLabel(row: LedgerStepRow): string {
  if (row.noticeNumber !== null && row.noticeYear !== null && row.noticeKind !== null) {
    const number = formatNoticeNumber(row.noticeKind, row.noticeYear, row.noticeNumber);
    return `${number}${row.noticeTitle ? ` ${row.noticeTitle}` : ""}`;
  }
  return row.noticeTitle ?? `通报 #${row.noticeId}`;
}

function stepOf(row: LedgerStepRow): LedgerStep {
  return {
    id: row.id,
    step: row.step,
    stepLabel: STEP_LABEL[row.step],
    facts: row.facts,
    deadline: row.deadline,
    deadlineLabel: row.deadline ? (row.step === "interview" ? formatShanghai(row.deadline) : formatDue(row.deadline)) : null,
    measure: row.measure,
    responsiblePerson: row.responsiblePerson,
    notice: row.noticeId !== null ? { id: row.noticeId, label: noticeLabel(row) } : null,
    explanation: row.explanation,
    explainedAt: row.explainedAt,
    explainedBy: row.explainedBy,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
  };
}

function countsOf(steps: readonly LedgerStep[]) {
  const counts = zeroCounts();
  for (const s of steps) counts[s.step]++;
  return counts;
}

/** A unit's ledger for the office, with the suggested next step. */
export async function getUnitLedgerForOffice(actor: Actor, unitId: number) {
  assertCan(actor, "office.read");
  const unit = await getUnitById(db, unitId);
  if (!unit) throw notFound();
  const [rows, suggestions] = await Promise.all([listUnitSteps(db, unit.id), suggestionsFor([unit.id], now())]);
  const steps = rows.map(stepOf);
  return {
    unit: { id: unit.id, name: unit.name },
    steps,
    counts: countsOf(steps),
    highest: highestStep(steps.map((s) => s.step)),
    suggestion: suggestions.get(unit.id) ?? null,
    canRecord: can(actor, "office.write") && unit.active,
  };
}

/** The signed-in unit's own ledger. Nobody else has one to read here. */
export async function getOwnLedger(actor: Actor) {
  if (!can(actor, "unit.act")) throw notFound();
  const unit = await getUnitById(db, actor.unitId);
  if (!unit) throw notFound();
  const steps = (await listUnitSteps(db, unit.id)).map(stepOf);
  return { unit: { id: unit.id, name: unit.name }, steps, counts: countsOf(steps), highest: highestStep(steps.map((s) => s.step)) };
}

// ── Recording a step and explaining it ───────────────────────────────────────

const YEAR_MS = 366 * 24 * 3600 * 1000;

/** The office records 督办函 (with a deadline), 约谈 (with its date) or 问责 (measure, responsible person). */
export async function recordEscalationStep(actor: Actor, raw: EscalationStepInput) {
  assertCan(actor, "office.write");
  const input = parseInput(escalationStepSchema, raw);
  const at = now();
  let deadline: Date | null = null;
  if (input.step !== "accountability") {
    deadline = shanghaiLocalToDate(input.deadline);
    if (Number.isNaN(deadline.getTime())) throw new DomainError("invalid", input.step === "interview" ? "约谈时间无效" : "办理期限无效");
    if (Math.abs(deadline.getTime() - at.getTime()) > YEAR_MS) throw new DomainError("invalid", "日期须在一年之内");
    if (input.step === "supervision_letter" && deadline.getTime() <= at.getTime()) throw new DomainError("invalid", "办理期限须晚于现在");
  }
  return mutation(actor, { entity: "escalation" }, async (tx, audit) => {
    const unit = await getUnitById(tx, input.unitId);
    if (!unit?.active) throw notFound();
    const measure = input.step === "accountability" ? (input.measure === "其他" ? `其他：${input.measureNote}` : input.measure) : null;
    const responsiblePerson = input.step === "accountability" ? input.responsiblePerson : null;
    const id = await recordEscalation(tx, {
      unitId: unit.id,
      step: input.step,
      facts: input.facts,
      deadline,
      measure,
      responsiblePerson,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    const title =
      input.step === "supervision_letter"
        ? `督办函：请于 ${formatDue(deadline!)} 前办结并报送情况说明`
        : input.step === "interview"
          ? `约谈通知：${formatShanghai(deadline!)}`
          : `问责决定：${measure}（责任人：${responsiblePerson}）`;
    await notifyUnits(tx, [unit.id], { kind: "escalation", title, body: input.facts, link: "/escalations", createdBy: actor.userId });
    await audit({
      action: `escalation.${input.step}`,
      entityId: id,
      after: { unitId: unit.id, step: input.step, facts: input.facts, deadline, measure, responsiblePerson },
    });
    return { id };
  });
}

/** A unit writes its 情况说明 for one of its own steps, once; anyone else's step is not found. */
export async function explainEscalation(actor: Actor, raw: { id: number; explanation: string }) {
  if (!can(actor, "unit.act")) throw notFound();
  const input = parseInput(explanationSchema, raw);
  return mutation(actor, { action: "escalation.explain", entity: "escalation" }, async (tx, audit) => {
    const row = await getEscalationRow(tx, input.id, { forUpdate: true });
    if (!row || row.unitId !== actor.unitId) throw notFound();
    if (row.explanation !== null) throw new DomainError("conflict", "情况说明已报送，不能修改");
    const at = now();
    await setExplanation(tx, row.id, { explanation: input.explanation, explainedAt: at, explainedBy: actor.userId });
    const unit = await getUnitById(tx, row.unitId);
    await notifyUsers(tx, await listOfficeUserIds(tx), {
      kind: "explanation",
      title: `${unit?.name ?? "单位"}报送了${STEP_LABEL[row.step]}的情况说明`,
      body: input.explanation.slice(0, 200),
      link: `/supervision/escalations/${row.unitId}`,
      createdBy: actor.userId,
    });
    await audit({ entityId: row.id, before: { explanation: null }, after: { explanation: input.explanation } });
    return { explainedAt: at };
  });
}

export { ESCALATION_STEPS };
