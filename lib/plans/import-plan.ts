/**
 * Writes a parsed decomposition table into the database, in the caller's transaction.
 * Re-importing a plan (same year, source and title) updates it in place: tasks keep their ids (and so
 * everything filed against them); rows that disappeared are archived, never deleted. Any other document
 * makes a new plan beside the others, several per year.
 */
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { qualified as q } from "@/db/sql";
import {
  leaders,
  plans,
  type PlanState,
  type WorkSource,
  taskGroups,
  taskLeaders,
  tasks,
  taskUnits,
  unitAliases,
  unitGroupMembers,
  unitGroups,
  units,
} from "@/db/schema";
import { writeAudit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { defaultUnitKind } from "@/lib/import/directory";
import type { ParsedPlan, UnitDirectory } from "@/lib/import/types";
import { syncProposedIndicators } from "./import-indicators";

export interface ImportOutcome {
  planId: number;
  /** 草稿 for a new plan (nobody owes it until the office starts it), else the plan's state. */
  state: PlanState;
  created: number;
  updated: number;
  archived: number;
  /** Tasks left without a 责任领导 (the document has none for them), to assign after the import. */
  withoutLeaders: number;
}

/** Makes sure the directory's aliases and collective names exist as rows (units created as needed). */
export async function ensureDirectory(tx: Executor, directory: UnitDirectory): Promise<void> {
  const unitNames = new Set<string>(directory.aliases.values());
  for (const members of directory.collectives.values()) if (members !== "all") for (const m of members) unitNames.add(m);
  const unitIds = await ensureUnits(tx, [...unitNames]);
  for (const [alias, name] of directory.aliases) {
    const unitId = unitIds.get(name);
    if (unitId) await tx.insert(unitAliases).values({ alias, unitId }).onConflictDoNothing();
  }
  for (const [name, members] of directory.collectives) {
    await ensureGroup(tx, name, members, unitIds);
  }
}

async function ensureUnits(tx: Executor, names: readonly string[]): Promise<Map<string, number>> {
  if (names.length > 0) {
    await tx
      .insert(units)
      .values(names.map((name) => ({ name, kind: defaultUnitKind(name) })))
      .onConflictDoNothing({ target: units.name });
  }
  const rows = names.length
    ? await tx
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(inArray(units.name, [...names]))
    : [];
  return new Map(rows.map((r) => [r.name, r.id]));
}

async function ensureGroup(tx: Executor, name: string, members: readonly string[] | "all", unitIds: Map<string, number>): Promise<number> {
  const [existing] = await tx.select({ id: unitGroups.id }).from(unitGroups).where(eq(unitGroups.name, name)).limit(1);
  if (existing) return existing.id;
  const [created] = await tx
    .insert(unitGroups)
    .values({ name, scope: members === "all" ? "all" : "members" })
    .returning({ id: unitGroups.id });
  if (!created) throw new Error(`无法创建集合单位 ${name}`);
  if (members !== "all") {
    const rows = members.flatMap((m) => (unitIds.has(m) ? [{ groupId: created.id, unitId: unitIds.get(m)! }] : []));
    if (rows.length) await tx.insert(unitGroupMembers).values(rows).onConflictDoNothing();
  }
  return created.id;
}

/** The table plan a document re-imports: same year, source and title. */
export function findSamePlan(tx: Executor, year: number, source: WorkSource, title: string) {
  return tx
    .select({ id: plans.id, state: plans.state })
    .from(plans)
    .where(and(eq(plans.year, year), eq(plans.kind, "table"), eq(plans.source, source), eq(plans.title, title)))
    .limit(1)
    .for("update");
}

export async function importPlan(
  tx: Executor,
  plan: ParsedPlan,
  directory: UnitDirectory,
  actor: Actor | null,
  options: { state?: PlanState; source?: WorkSource } = {},
): Promise<ImportOutcome> {
  const isCollective = (name: string) => directory.collectives.has(name);
  const source = options.source ?? "work_report";

  // Plan: the same document again updates its plan; a new plan is a draft until the office starts it.
  const [same] = await findSamePlan(tx, plan.year, source, plan.title);
  const [planRow] = same
    ? await tx
        .update(plans)
        .set({ documentNumber: plan.documentNumber, updatedAt: sql`now()` })
        .where(eq(plans.id, same.id))
        .returning({ id: plans.id, state: plans.state })
    : await tx
        .insert(plans)
        .values({ year: plan.year, title: plan.title, documentNumber: plan.documentNumber, source, state: options.state ?? "draft" })
        .returning({ id: plans.id, state: plans.state });
  if (!planRow) throw new Error("无法写入分解表");
  const planId = planRow.id;

  // Leaders, units and collective names named anywhere in the table.
  const leaderNames = unique(plan.tasks.flatMap((t) => t.leaders));
  if (leaderNames.length)
    await tx
      .insert(leaders)
      .values(leaderNames.map((name) => ({ name })))
      .onConflictDoNothing();
  const leaderRows = leaderNames.length ? await tx.select({ id: leaders.id, name: leaders.name }).from(leaders).where(inArray(leaders.name, leaderNames)) : [];
  const leaderIds = new Map(leaderRows.map((r) => [r.name, r.id]));

  const named = unique(plan.tasks.flatMap((t) => [...t.leadUnits, ...t.units]));
  const unitIds = await ensureUnits(
    tx,
    named.filter((n) => !isCollective(n)),
  );
  const groupIds = new Map<string, number>();
  for (const name of named.filter(isCollective)) {
    const members = directory.collectives.get(name) ?? [];
    if (members !== "all") for (const [n, id] of await ensureUnits(tx, members)) unitIds.set(n, id);
    groupIds.set(name, await ensureGroup(tx, name, members, unitIds));
  }

  // Tasks, matched by seq.
  const existing = await tx.select({ id: tasks.id, seq: tasks.seq, content: tasks.content }).from(tasks).where(eq(tasks.planId, planId));
  const existingSeqs = new Set(existing.map((t) => t.seq));
  const contentBefore = new Map(existing.map((t) => [t.seq, t.content]));
  let created = 0;
  let updated = 0;
  const indicators = { proposed: 0, replaced: 0 };
  // A document without a 完成时限 column leaves deadlines set by hand as they are.
  const documentHasDeadlines = plan.columns.some((c) => c.role === "deadline") || plan.tasks.some((t) => t.deadlineText !== null);
  for (const task of plan.tasks) {
    const deadline = documentHasDeadlines ? { dueOn: task.deadline, deadlineText: task.deadlineText } : {};
    const values = {
      content: task.content,
      seqLabel: task.seqLabel,
      section: task.section,
      overall: task.overall,
      leadUnitsText: task.leadUnits.join("、"),
      unitsText: task.units.join("、"),
      archivedAt: null,
      ...deadline,
    };
    const [row] = await tx
      .insert(tasks)
      .values({ planId, seq: task.seq, ...values })
      .onConflictDoUpdate({ target: [tasks.planId, tasks.seq], set: { ...values, updatedAt: sql`now()` } })
      .returning({ id: tasks.id });
    if (!row) throw new Error(`无法写入第 ${task.seq} 项任务`);
    if (existingSeqs.has(task.seq)) updated++;
    else created++;

    // Quantitative targets read from the text, proposed for the lead unit to confirm (confirmed ones stay).
    const before = contentBefore.get(task.seq);
    const synced = await syncProposedIndicators(tx, row.id, task.content, before === undefined ? "new" : before === task.content ? "unchanged" : "changed");
    indicators.proposed += synced.proposed;
    indicators.replaced += synced.replaced;

    // Leaders named by the document replace the task's; a row naming none keeps those assigned after an import.
    if (task.leaders.length > 0) {
      await tx.delete(taskLeaders).where(eq(taskLeaders.taskId, row.id));
      await tx.insert(taskLeaders).values(task.leaders.map((name, position) => ({ taskId: row.id, leaderId: leaderIds.get(name)!, position })));
    }
    await tx.delete(taskUnits).where(eq(taskUnits.taskId, row.id));
    await tx.delete(taskGroups).where(eq(taskGroups.taskId, row.id));

    // A unit named both as lead and cooperating on one row is its lead unit.
    const unitLinks = new Map<number, { taskId: number; unitId: number; role: "lead" | "cooperating"; position: number }>();
    const groupLinks: { taskId: number; groupId: number; role: "lead" | "cooperating" }[] = [];
    const link = (names: readonly string[], role: "lead" | "cooperating") =>
      names.forEach((name, position) => {
        const groupId = groupIds.get(name);
        if (groupId !== undefined) {
          if (!groupLinks.some((g) => g.groupId === groupId && g.role === role)) groupLinks.push({ taskId: row.id, groupId, role });
          return;
        }
        const unitId = unitIds.get(name);
        if (unitId !== undefined && !unitLinks.has(unitId)) unitLinks.set(unitId, { taskId: row.id, unitId, role, position });
      });
    link(task.leadUnits, "lead");
    link(task.units, "cooperating");
    if (unitLinks.size) await tx.insert(taskUnits).values([...unitLinks.values()]);
    if (groupLinks.length) await tx.insert(taskGroups).values(groupLinks);
  }

  const keptSeqs = plan.tasks.map((t) => t.seq);
  const archivedRows = await tx
    .update(tasks)
    .set({ archivedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(tasks.planId, planId), isNull(tasks.archivedAt), keptSeqs.length ? notInArray(tasks.seq, keptSeqs) : undefined))
    .returning({ id: tasks.id });

  const withoutLeaders = await countTasksWithoutLeaders(tx, planId);
  const outcome = { planId, state: planRow.state, created, updated, archived: archivedRows.length, withoutLeaders };
  await writeAudit(tx, actor, {
    action: "plan.import",
    entity: "plan",
    entityId: planId,
    after: {
      year: plan.year,
      title: plan.title,
      tasks: plan.tasks.length,
      ...outcome,
      indicatorsProposed: indicators.proposed,
      indicatorsReplaced: indicators.replaced,
    },
  });
  return outcome;
}

async function countTasksWithoutLeaders(tx: Executor, planId: number): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(tasks)
    .where(
      and(eq(tasks.planId, planId), isNull(tasks.archivedAt), sql`not exists (select 1 from ${taskLeaders} where ${q(taskLeaders.taskId)} = ${q(tasks.id)})`),
    );
  return row?.count ?? 0;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
