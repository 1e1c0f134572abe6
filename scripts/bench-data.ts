/**
 * Scaled data for `npm run bench`: the seed plan grown to 1,000 tasks and 200 units, and two earlier
 * years (2020, 2021, archived) of 1,000 tasks each, every task with a full year of half-monthly reports
 * (≈72,000 reports and their submitted versions). Beside the 1,000-task plan, two more live plans of
 * the same year: a 民生实事 table of 100 tasks and the 督办事项 register with 200 items registered by
 * hand (half-monthly, monthly, weekly and final cadences mixed), each reported on its own cadence. Deterministic (a seeded generator) and written in
 * bulk: multi-row inserts of a few thousand rows per statement, so it takes seconds, not minutes.
 *
 * Run it on a database that already has the demo (seedDemo, and optionally seedDemoReports for the
 * seed plan's own 72 tasks): it adds to it. Usable on its own too:
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-data.ts
 */
import type postgres from "postgres";
import type { Cadence } from "../lib/reporting/cadence";
import { dueAtOf, owedPeriodIndexes } from "../lib/reporting/deadlines";
import { scheduleOf } from "../lib/reporting/plan-schedule";

export interface ScaleOptions {
  tasksPerPlan?: number;
  units?: number;
  years?: number[];
  /** Hand-registered items (督办事项) in the latest year's register; 民生实事 tasks in a third live plan. */
  items?: number;
  livelihoodTasks?: number;
  /** The clock: the latest plan's periods are reported up to this instant. */
  at: Date;
}

function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const ACTIVITIES = [
  "召开专题推进会",
  "赴现场督导检查",
  "对接上级主管部门",
  "完成阶段性任务分解",
  "组织相关单位会商",
  "开展调研摸底",
  "推进项目前期手续",
  "落实资金保障",
];
const PROBLEMS = ["", "", "", "资金到位较慢", "部分手续尚在办理", "受天气影响施工进度"];
const CHUNK = 2_500;

async function insertChunked<T extends Record<string, unknown>>(
  sql: postgres.Sql,
  table: string,
  rows: T[],
  returning?: string[],
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  if (rows.length === 0) return out;
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = returning
      ? await sql`insert into ${sql(table)} ${sql(chunk as never, columns)} returning ${sql(returning)}`
      : await sql`insert into ${sql(table)} ${sql(chunk as never, columns)}`;
    if (returning) out.push(...(result as unknown as Record<string, unknown>[]));
  }
  return out;
}

interface TaskRow {
  id: number;
  planId: number;
  leadUnitId: number;
  cadence: Cadence;
  dueOn: string | null;
}

const ITEM_SOURCES = ["meeting", "instruction", "higher_level", "proposal"] as const;

export async function generateScaledData(
  sql: postgres.Sql,
  options: ScaleOptions,
): Promise<{ plans: number; livePlans: number; items: number; tasks: number; units: number; reports: number; versions: number; seconds: number }> {
  const started = Date.now();
  const tasksPerPlan = options.tasksPerPlan ?? 1000;
  const unitTarget = options.units ?? 200;
  const random = generator(20220620);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  // ── Units: up to the target, kept from the seed.
  const existingUnits = await sql<{ id: number }[]>`select id from units where active order by id`;
  const newUnits = Array.from({ length: Math.max(0, unitTarget - existingUnits.length) }, (_, i) => ({
    name: `规模测试单位${String(i + 1).padStart(3, "0")}`,
    kind: "department",
  }));
  const added = (await insertChunked(sql, "units", newUnits, ["id"])) as { id: number }[];
  const unitIds = [...existingUnits.map((u) => u.id), ...added.map((u) => u.id)];
  const leaderIds = (await sql<{ id: number }[]>`select id from leaders order by id`).map((l) => l.id);
  // Some units lead many tasks, most a few: a skewed choice.
  const leadUnit = () => unitIds[Math.floor(random() ** 2 * unitIds.length)]!;

  // ── Plans: the seed plan (latest year) and the earlier years.
  const [seedPlan] = await sql<{ id: number; year: number; title: string }[]>`select id, year, title from plans order by year desc limit 1`;
  if (!seedPlan) throw new Error("bench-data: seed the demo first");
  const years = options.years ?? [seedPlan.year - 2, seedPlan.year - 1];
  const seedContents = (await sql<{ content: string }[]>`select content from tasks where plan_id = ${seedPlan.id} and not overall order by seq`).map(
    (t) => t.content,
  );
  const insertPlans = async (rows: Record<string, unknown>[]) => (await insertChunked(sql, "plans", rows, ["id", "year"])) as { id: number; year: number }[];
  const earlier = await insertPlans(
    years.map((year) => ({ year, title: `${year}年政府工作报告目标任务分解表`, reporting_start_period: 1, due_offset_days: 0, state: "archived" })),
  );
  // Two more live plans of the seed plan's year: 民生实事, and the register of items (督办事项).
  const live = { year: seedPlan.year, state: "active", reporting_start_period: 1, due_offset_days: 0 };
  const [livelihood] = await insertPlans([{ ...live, title: `${seedPlan.year}年民生实事项目分解表`, source: "livelihood" }]);
  const [register] = await insertPlans([{ ...live, title: `${seedPlan.year}年督办事项`, source: "other", kind: "items" }]);
  const plans = [{ id: seedPlan.id, year: seedPlan.year }, ...earlier, livelihood!, register!];
  const planSize = new Map([
    [livelihood!.id, options.livelihoodTasks ?? 100],
    [register!.id, options.items ?? 200],
  ]);

  // ── Tasks: the seed plan grows to tasksPerPlan, each earlier plan gets tasksPerPlan.
  const seedMax = (await sql<{ max_seq: number }[]>`select coalesce(max(seq), 0)::int as max_seq from tasks where plan_id = ${seedPlan.id}`)[0]!.max_seq;
  const pad = (n: number) => String(n).padStart(2, "0");
  const taskInserts: Record<string, unknown>[] = [];
  for (const plan of plans) {
    const from = plan.id === seedPlan.id ? seedMax + 1 : 1;
    const size = planSize.get(plan.id) ?? tasksPerPlan;
    for (let seq = from; seq <= size; seq++) {
      const row: Record<string, unknown> = {
        plan_id: plan.id,
        seq,
        content: `${seedContents[seq % seedContents.length]}（${plan.year}年分解第${seq}项）`,
        overall: false,
        lead_units_text: "",
        units_text: "",
        seq_label: null,
        source: null,
        document_number: null,
        issued_on: null,
        cadence: null,
        due_on: null,
        acknowledged_at: null,
      };
      if (plan.id === register!.id) {
        const roll = random();
        const month = 1 + Math.floor(random() * 5);
        Object.assign(row, {
          content: `落实县政府常务会议议定事项：${seedContents[seq % seedContents.length]}`,
          seq_label: `督〔${plan.year}〕第${seq}号`,
          source: pick(ITEM_SOURCES),
          document_number: `县政府常务会议纪要〔${plan.year}〕${1 + Math.floor(seq / 8)}号`,
          issued_on: `${plan.year}-${pad(month)}-${pad(1 + Math.floor(random() * 28))}`,
          cadence: roll < 0.5 ? "half_monthly" : roll < 0.8 ? "monthly" : roll < 0.9 ? "weekly" : "final",
          due_on: `${plan.year}-${pad(month + 3 + Math.floor(random() * 4))}-${pad(1 + Math.floor(random() * 28))}`,
          acknowledged_at: random() < 0.9 ? `${plan.year}-${pad(month)}-28T10:00:00+08:00` : null,
        });
      }
      taskInserts.push(row);
    }
  }
  const insertedTasks = (await insertChunked(sql, "tasks", taskInserts, ["id", "plan_id", "cadence", "due_on"])) as {
    id: number;
    plan_id: number;
    cadence: Cadence | null;
    due_on: string | null;
  }[];
  const newTasks: TaskRow[] = [];
  const taskUnitRows: { task_id: number; unit_id: number; role: string; position: number }[] = [];
  const taskLeaderRows: { task_id: number; leader_id: number; position: number }[] = [];
  for (const task of insertedTasks) {
    const lead = leadUnit();
    newTasks.push({ id: task.id, planId: task.plan_id, leadUnitId: lead, cadence: task.cadence ?? "half_monthly", dueOn: task.due_on });
    const named = new Set([lead]);
    taskUnitRows.push({ task_id: task.id, unit_id: lead, role: "lead", position: 0 });
    if (random() < 0.1) {
      const co = leadUnit();
      if (!named.has(co)) {
        named.add(co);
        taskUnitRows.push({ task_id: task.id, unit_id: co, role: "lead", position: 1 });
      }
    }
    const cooperating = 2 + Math.floor(random() * 3);
    for (let i = 0; i < cooperating; i++) {
      const unit = pick(unitIds);
      if (named.has(unit)) continue;
      named.add(unit);
      taskUnitRows.push({ task_id: task.id, unit_id: unit, role: "cooperating", position: i });
    }
    const leaders = new Set([pick(leaderIds)]);
    if (random() < 0.2) leaders.add(pick(leaderIds));
    [...leaders].forEach((leaderId, position) => {
      taskLeaderRows.push({ task_id: task.id, leader_id: leaderId, position });
    });
  }
  await insertChunked(sql, "task_units", taskUnitRows);
  await insertChunked(sql, "task_leaders", taskLeaderRows);

  // ── Reports: a full year per task (the latest plan: up to the clock; its current period partly filed).
  const reportRows: Record<string, unknown>[] = [];
  const versionsByKey = new Map<string, Record<string, unknown>[]>();
  const planYear = new Map(plans.map((p) => [p.id, p.year]));
  for (const task of newTasks) {
    const year = planYear.get(task.planId)!;
    const schedule = scheduleOf(
      { year, reportingStartPeriod: 1, dueOffsetDays: 0, overrides: new Map(), cadence: task.cadence },
      { ...task, reportingStartPeriod: null, closedAfterPeriod: null },
    );
    const pace = 0.7 + random() * 0.5;
    let previousText = "";
    const owed = owedPeriodIndexes(schedule);
    for (const [at, period] of owed.entries()) {
      const dueAt = dueAtOf(schedule, period);
      const current = dueAt.getTime() > options.at.getTime();
      if (current && dueAt.getTime() - options.at.getTime() > 16 * 24 * 3600 * 1000) break; // not begun
      const roll = random();
      const percent = Math.min(100, Math.round(((at + 1) / owed.length) * 100 * pace));
      const copied = previousText !== "" && random() < 0.1;
      const progress = copied ? previousText : `${pick(ACTIVITIES)}，围绕第${task.id}项任务推进各项工作，累计完成年度目标的${percent}%。`;
      const progressState = percent >= 100 ? "completed" : roll < 0.1 ? "lagging" : roll < 0.13 ? "blocked" : "on_track";
      const text = {
        progress,
        percent,
        progress_state: progressState,
        problems: pick(PROBLEMS),
        next_steps: "按计划继续推进，确保按期完成。",
        coordination_request: "",
      };
      if (current ? roll < 0.3 : roll < 0.03) continue; // not filed
      if (current && roll < 0.5) {
        reportRows.push({
          task_id: task.id,
          period_index: period,
          unit_id: task.leadUnitId,
          status: "draft",
          ...text,
          version: 1,
          submitted_at: null,
          late: null,
          submissions: 0,
          return_reason: null,
        });
        continue;
      }
      previousText = progress;
      const late = !current && roll > 0.94;
      const returned = !current && roll > 0.91 && roll <= 0.94;
      const resubmitted = !current && roll > 0.88 && roll <= 0.91;
      const submittedAt = new Date(dueAt.getTime() + (late ? 2 : -1.5) * 24 * 3600 * 1000 + Math.floor(random() * 8) * 3600 * 1000);
      // Timestamps travel as ISO text (the app's client passes dates through as strings).
      const versions = [{ number: 1, ...text, submitted_at: submittedAt.toISOString(), late }];
      if (resubmitted)
        versions.push({
          number: 2,
          ...text,
          progress: `${progress}（已按要求补充）`,
          submitted_at: new Date(submittedAt.getTime() + 3600 * 1000).toISOString(),
          late,
        });
      reportRows.push({
        task_id: task.id,
        period_index: period,
        unit_id: task.leadUnitId,
        status: returned ? "returned" : current ? "submitted" : "accepted",
        ...versions.at(-1)!,
        version: 1 + versions.length,
        submitted_at: versions.at(-1)!.submitted_at,
        late,
        submissions: versions.length,
        return_reason: returned ? "内容过简，请补充具体数据" : null,
      });
      versionsByKey.set(`${task.id}:${period}`, versions);
    }
  }
  for (const row of reportRows) delete (row as { number?: number }).number;
  const inserted = (await insertChunked(sql, "progress_reports", reportRows, ["id", "task_id", "period_index"])) as {
    id: number;
    task_id: number;
    period_index: number;
  }[];
  const versionRows: Record<string, unknown>[] = [];
  for (const report of inserted) {
    for (const version of versionsByKey.get(`${report.task_id}:${report.period_index}`) ?? []) versionRows.push({ report_id: report.id, ...version });
  }
  await insertChunked(sql, "report_versions", versionRows);
  // A database in use is vacuumed by autovacuum (inserts trigger it too): the visibility map is set and
  // index-only scans work, as they do in the steady state this bench stands for.
  await sql`vacuum analyze`;
  const count = async (table: string) => (await sql<{ n: number }[]>`select count(*)::int as n from ${sql(table)}`)[0]!.n;
  const [totalReports, totalVersions, totalTasks] = [await count("progress_reports"), await count("report_versions"), await count("tasks")];
  return {
    plans: plans.length,
    livePlans: 3,
    items: planSize.get(register!.id)!,
    tasks: totalTasks,
    units: unitIds.length,
    reports: totalReports,
    versions: totalVersions,
    seconds: (Date.now() - started) / 1000,
  };
}

// Run directly: scale the database named by DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { default: connect } = await import("postgres");
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置");
  const sql = connect(url, { max: 1, onnotice: () => {} });
  try {
    console.log(await generateScaledData(sql, { at: new Date(process.env.APP_NOW ?? Date.now()) }));
  } finally {
    await sql.end();
  }
}
