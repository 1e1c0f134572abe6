/**
 * Reports for the demo and the benchmarks: every ordinary task's half-monthly reports from the
 * plan's first reporting period up to the clock, mostly on time, some late, a few missing, and the
 * cooperating units' inputs. The current period is still open for most: some drafts, a few reports
 * already in, and each unit's first lead task not yet filed, so a new user can try filing. Nothing is
 * stamped after the clock, bookkeeping times included. The extracted indicators the importer was sure
 * of (confidence ≥ 0.8) are confirmed, and each submitted report carries a value for them (whole
 * numbers for counts). Then a few weeks of leaders' dispatch meetings (./demo-dispatches.ts).
 * Deterministic (a seeded generator), written in bulk.
 */
import { and, eq, gte, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db";
import { contributions, indicatorValues, plans, progressReports, reportVersions, taskIndicators, tasks, users, type TaskIndicator } from "@/db/schema";
import { listCooperatingUnitIds, listLeadUnitIds } from "@/lib/data/reports";
import { roundForUnit } from "@/lib/indicators/units";
import { periodStartsAt } from "@/lib/periods";
import { dueAtOf, currentPeriodIndex, periodWithDue } from "@/lib/reporting/deadlines";
import { scheduleOf } from "@/lib/reporting/plan-schedule";
import { seedDemoDispatches } from "./demo-dispatches";

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

const ACTIVITIES = ["召开专题推进会", "赴现场督导检查", "对接上级主管部门", "完成阶段性任务分解", "组织相关单位会商", "开展调研摸底"];
const PROBLEMS = ["", "", "", "资金到位较慢", "部分手续尚在办理", "受天气影响施工进度"];

export async function seedDemoReports(
  db: Database,
  options: { at: Date; reportingStartPeriod?: number },
): Promise<{ reports: number; contributions: number; dispatches: number }> {
  const [plan] = await db.select().from(plans).limit(1);
  if (!plan) return { reports: 0, contributions: 0, dispatches: 0 };
  const start = options.reportingStartPeriod ?? plan.reportingStartPeriod;
  await db.update(plans).set({ reportingStartPeriod: start }).where(eq(plans.id, plan.id));
  const schedule = scheduleOf({
    year: plan.year,
    reportingStartPeriod: start,
    dueOffsetDays: plan.dueOffsetDays,
    overrides: new Map(),
    cadence: "half_monthly",
  });
  const at = options.at;
  const current = currentPeriodIndex(schedule, at);
  // This period's reports come in from its second morning up to an hour before the clock.
  const firstFiling = periodStartsAt(periodWithDue(schedule, current)).getTime() + DAY + 9 * HOUR;
  const filingHours = Math.floor((at.getTime() - HOUR - firstFiling) / HOUR);
  const taskRows = await db
    .select({ id: tasks.id, seq: tasks.seq, content: tasks.content })
    .from(tasks)
    .where(and(eq(tasks.planId, plan.id), eq(tasks.overall, false), isNull(tasks.archivedAt)))
    .orderBy(tasks.seq);
  const heads = new Map((await db.select({ unitId: users.unitId, id: users.id }).from(users).where(eq(users.unitRole, "head"))).map((u) => [u.unitId, u.id]));
  const random = generator(2022);
  const confirmedAt = new Date(Math.min(periodStartsAt(periodWithDue(schedule, start)).getTime(), at.getTime()));
  const indicators = await confirmDemoIndicators(
    db,
    taskRows.map((t) => t.id),
    confirmedAt,
  );
  /** Units whose first lead task is already seen: every unit keeps that one open this period. */
  const unitsSeen = new Set<number>();

  let reportCount = 0;
  let contributionCount = 0;
  for (const task of taskRows) {
    const [leadIds, cooperatingIds] = await Promise.all([listLeadUnitIds(db, task.id), listCooperatingUnitIds(db, task.id)]);
    const unitId = leadIds[0];
    if (unitId === undefined) continue;
    const author = heads.get(unitId) ?? null;
    const keepOpen = !unitsSeen.has(unitId);
    unitsSeen.add(unitId);
    const pace = 0.7 + random() * 0.5;
    const reportRows: (typeof progressReports.$inferInsert)[] = [];
    const versionRows: { periodIndex: number; values: Omit<typeof reportVersions.$inferInsert, "reportId"> }[] = [];
    const contributionRows: (typeof contributions.$inferInsert)[] = [];
    for (let period = start; period <= current; period++) {
      const dueAt = dueAtOf(schedule, period);
      const isCurrent = period === current;
      const roll = random();
      const percent = Math.min(100, Math.round((period / 24) * 100 * pace));
      const fields = {
        progress: `${ACTIVITIES[Math.floor(random() * ACTIVITIES.length)]}，围绕第${task.seq}项任务推进各项工作，累计完成年度目标的${percent}%。`,
        percent,
        progressState: percent >= 100 ? ("completed" as const) : roll < 0.12 ? ("lagging" as const) : ("on_track" as const),
        problems: PROBLEMS[Math.floor(random() * PROBLEMS.length)] ?? "",
        nextSteps: "按计划继续推进，确保按期完成。",
        coordinationRequest: "",
      };
      const hour = Math.floor(random() * 8);
      const filedHour = Math.floor(random() * Math.max(filingHours, 0));
      if (isCurrent ? roll < 0.4 : roll < 0.06) continue; // not filed (yet)
      const late = !isCurrent && roll > 0.9;
      const submittedAt = isCurrent ? new Date(firstFiling + filedHour * HOUR) : new Date(dueAt.getTime() + (late ? 2 : -1.5) * DAY + hour * HOUR);
      const filed = submittedAt <= at && !(isCurrent && (keepOpen || roll < 0.85 || filingHours < 1));
      if (!filed) {
        if (!isCurrent) continue; // missing
        // A draft saved while writing, before the clock.
        const savedAt = new Date(Math.min(firstFiling + filedHour * HOUR, at.getTime() - HOUR));
        reportRows.push({
          taskId: task.id,
          periodIndex: period,
          unitId,
          status: "draft",
          ...fields,
          version: 1,
          updatedBy: author,
          createdAt: savedAt,
          updatedAt: savedAt,
        });
        continue;
      }
      const startedAt = new Date(submittedAt.getTime() - DAY);
      const accepted = period < current - 1;
      reportRows.push({
        taskId: task.id,
        periodIndex: period,
        unitId,
        status: accepted ? "accepted" : "submitted",
        ...fields,
        version: 2,
        updatedBy: author,
        submittedAt,
        submittedBy: author,
        late,
        submissions: 1,
        createdAt: startedAt,
        updatedAt: submittedAt,
      });
      versionRows.push({ periodIndex: period, values: { number: 1, ...fields, submittedAt, submittedBy: author, late, createdAt: submittedAt } });
      for (const cooperating of cooperatingIds) {
        if (random() < 0.15) continue;
        contributionRows.push({
          taskId: task.id,
          unitId: cooperating,
          periodIndex: period,
          status: "submitted",
          content: "按牵头单位安排完成本单位承担的配合工作。",
          version: 1,
          submittedAt: startedAt,
          late: false,
          createdAt: new Date(startedAt.getTime() - 6 * HOUR),
          updatedAt: startedAt,
        });
      }
    }
    if (reportRows.length) {
      const inserted = await db.insert(progressReports).values(reportRows).returning({ id: progressReports.id, periodIndex: progressReports.periodIndex });
      const idOf = new Map(inserted.map((r) => [r.periodIndex, r.id]));
      if (versionRows.length) await db.insert(reportVersions).values(versionRows.map((v) => ({ ...v.values, reportId: idOf.get(v.periodIndex)! })));
      const own = indicators.filter((i) => i.taskId === task.id);
      const valueRows = versionRows.flatMap((v) =>
        own.map((i) => {
          const stamp = v.values.submittedAt ?? confirmedAt;
          return {
            indicatorId: i.id,
            reportId: idOf.get(v.periodIndex)!,
            periodIndex: v.periodIndex,
            value: demoValue(i, v.values.percent ?? 0, random),
            createdAt: stamp,
            updatedAt: stamp,
          };
        }),
      );
      if (valueRows.length) await db.insert(indicatorValues).values(valueRows);
      reportCount += inserted.length;
    }
    if (contributionRows.length) {
      await db.insert(contributions).values(contributionRows);
      contributionCount += contributionRows.length;
    }
  }
  const { dispatches } = await seedDemoDispatches(db, { at });
  return { reports: reportCount, contributions: contributionCount, dispatches };
}

/** Confirms the extracted indicators the importer was sure of, as a lead unit would have. */
async function confirmDemoIndicators(db: Database, taskIds: number[], at: Date): Promise<TaskIndicator[]> {
  if (taskIds.length === 0) return [];
  return db
    .update(taskIndicators)
    .set({ status: "confirmed", confirmedAt: at })
    .where(and(inArray(taskIndicators.taskId, taskIds), eq(taskIndicators.status, "proposed"), gte(taskIndicators.confidence, 0.8)))
    .returning();
}

/** A plausible value: a cumulative indicator follows the report's percent, a level hovers near its target; counts whole. */
function demoValue(indicator: TaskIndicator, percent: number, random: () => number): number {
  const round = (n: number) => roundForUnit(n, indicator.unit);
  if (indicator.measure === "cumulative") return round(indicator.target * (percent / 100) * (0.85 + random() * 0.3));
  const lowerIsBetter = indicator.comparator === "<=" || indicator.comparator === "<";
  return round(indicator.target * (lowerIsBetter ? 0.85 + random() * 0.25 : 0.9 + random() * 0.15));
}
