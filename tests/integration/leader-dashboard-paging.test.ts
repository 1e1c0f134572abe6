/**
 * The dashboards' task lists and lead-unit tables, paged on the demo data: page 2 holds the next
 * rows, the last page the rest, a page past the end the last page; every order across pages; a
 * filter on every page with the whole selection's total while the counts stay the whole scope's;
 * and a leader sees only their own tasks on every page, whatever the filter names.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { leaders, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { BoardFilter } from "@/lib/leader/board";
import { BOARD_ORDER, type BoardSort } from "@/lib/leader/task-order";
import type { PageSize, SortOrder } from "@/lib/paging";
import { getGovernmentDashboard, getLeaderDashboard, listDashboardTasks, type PlanBoardTask } from "@/lib/services/leader-dashboard";
import { submitReport } from "@/lib/services/reports";
import { actorFor, resetWithDemo } from "../support/db";

const SIGNAL_RANK = { red: 0, amber: 1, green: 2 } as const;

async function leaderIdOf(name: string): Promise<number> {
  const [row] = await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name));
  return row!.id;
}

/** Every page of a leader dashboard's task list, in order, and the first page's answer. */
async function everyPage(
  actor: Actor,
  options: { filter?: Omit<BoardFilter, "leader">; sort?: SortOrder<BoardSort>; size?: PageSize; leaderId?: number } = {},
) {
  const paging = (page: number) => ({ page, size: options.size ?? 20, sort: options.sort ?? BOARD_ORDER });
  const first = (await getLeaderDashboard(actor, { filter: options.filter, leaderId: options.leaderId, paging: paging(1) }))!;
  const rows: PlanBoardTask[] = [...first.tasks.rows];
  for (let page = 2; page <= first.tasks.pages; page++) {
    const next = (await getLeaderDashboard(actor, { filter: options.filter, leaderId: options.leaderId, paging: paging(page) }))!;
    expect(next.tasks.total).toBe(first.tasks.total);
    rows.push(...next.tasks.rows);
  }
  return { first, rows };
}

describe("dashboards' task lists, paged", () => {
  let wang: Actor;
  let liu: Actor;
  let liuId: number;
  let allTasks: number;

  beforeAll(async () => {
    await resetWithDemo();
    const [plan] = await db.select({ id: plans.id }).from(plans);
    await db.update(plans).set({ reportingStartPeriod: 11 }).where(eq(plans.id, plan!.id));
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    wang = await actorFor("王国泉");
    liu = await actorFor("柳天云");
    liuId = await leaderIdOf("柳天云");
    // A few reports, so the tasks differ in pace and light.
    const own = await db.execute<{ id: number; unit: string }>(sql`
      select t.id, min(u.username) as unit from tasks t join task_units tu on tu.task_id = t.id and tu.role = 'lead'
        join users u on u.unit_id = tu.unit_id and u.unit_role = 'head'
      where not t.overall group by t.id order by t.seq limit 6`);
    for (const [i, t] of [...own].entries()) {
      const percent = [5, 90, 40, 100, 20, 60][i]!;
      await submitReport(await actorFor(t.unit), {
        taskId: Number(t.id),
        periodIndex: 12,
        baseVersion: 0,
        fields: {
          progress: `完成 ${percent}%。`,
          percent,
          progressState: percent === 100 ? "completed" : "on_track",
          problems: "",
          nextSteps: "",
          coordinationRequest: "",
        },
      });
    }
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from tasks where not overall and archived_at is null`);
    allTasks = Number(row!.n);
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("page 2 holds the next rows, the last page the rest, a page past the end the last page", async () => {
    const { first, rows } = await everyPage(wang);
    expect(allTasks).toBeGreaterThan(40);
    expect(first.tasks).toMatchObject({ total: allTasks, page: 1, pages: Math.ceil(allTasks / 20), size: 20 });
    expect(first.tasks.rows).toHaveLength(20);
    expect(rows).toHaveLength(allTasks);
    expect(new Set(rows.map((t) => t.id)).size).toBe(allTasks);
    const whole = (await getLeaderDashboard(wang, { paging: { page: 1, size: 100, sort: BOARD_ORDER } }))!.tasks.rows;
    expect(rows.map((t) => t.id)).toEqual(whole.map((t) => t.id));
    const pages = first.tasks.pages;
    const last = (await getLeaderDashboard(wang, { paging: { page: pages, size: 20, sort: BOARD_ORDER } }))!.tasks;
    expect(last.rows).toHaveLength(allTasks - 20 * (pages - 1));
    const past = (await getLeaderDashboard(wang, { paging: { page: 999, size: 20, sort: BOARD_ORDER } }))!.tasks;
    expect(past.page).toBe(pages);
    expect(past.rows.map((t) => t.id)).toEqual(last.rows.map((t) => t.id));
    // Counts and series are the whole scope's, whatever the page.
    expect((await getLeaderDashboard(wang, { paging: { page: 3, size: 20, sort: BOARD_ORDER } }))!.counts).toEqual(first.counts);
  });

  it("orders across pages: needing attention first (default), 序号 either way, 完成时限 with the undated last", async () => {
    const attention = (await everyPage(wang)).rows;
    for (let i = 1; i < attention.length; i++)
      expect(SIGNAL_RANK[attention[i]!.signal.signal]).toBeGreaterThanOrEqual(SIGNAL_RANK[attention[i - 1]!.signal.signal]);
    expect(attention[0]!.signal.signal).not.toBe("green");
    const reversed = (await everyPage(wang, { sort: { key: "attention", descending: true } })).rows;
    expect(reversed.map((t) => t.id)).toEqual([...attention].reverse().map((t) => t.id));

    const bySeq = (await everyPage(wang, { sort: { key: "seq", descending: false } })).rows;
    expect(bySeq.map((t) => t.seq)).toEqual([...bySeq.map((t) => t.seq)].sort((a, b) => a - b));
    const bySeqDown = (await everyPage(wang, { sort: { key: "seq", descending: true } })).rows;
    expect(bySeqDown.map((t) => t.seq)).toEqual([...bySeq.map((t) => t.seq)].reverse());

    const byDue = (await everyPage(wang, { sort: { key: "due", descending: false } })).rows;
    const dated = byDue.filter((t) => t.dueOn !== null).map((t) => t.dueOn!);
    expect(dated).toEqual([...dated].sort());
    expect(byDue.findIndex((t) => t.dueOn === null)).toBeGreaterThanOrEqual(byDue.findLastIndex((t) => t.dueOn !== null));
    expect(byDue).toHaveLength(allTasks);
  });

  it("a filter holds on every page; its total is the selection's, the counts the whole scope's", async () => {
    const whole = (await getLeaderDashboard(wang))!;
    const { first, rows } = await everyPage(wang, { filter: { pace: "unreported" } });
    expect(first.tasks.total).toBe(whole.counts.pace.unreported);
    expect(first.tasks.pages).toBeGreaterThan(1);
    expect(rows).toHaveLength(whole.counts.pace.unreported);
    expect(rows.every((t) => t.pace.status === "unreported")).toBe(true);
    expect(first.counts).toEqual(whole.counts);
    // The drill-down list pages the same way.
    const drill = (await listDashboardTasks(wang, { pace: "unreported" }, { paging: { page: 2, size: 20, sort: { key: "seq", descending: false } } }))!;
    expect(drill.tasks.total).toBe(whole.counts.pace.unreported);
    expect(drill.tasks.rows.every((t) => t.pace.status === "unreported")).toBe(true);
    expect(drill.tasks.rows.map((t) => t.seq)).toEqual([...drill.tasks.rows.map((t) => t.seq)].sort((a, b) => a - b));
  });

  it("a leader sees only their own tasks on every page; a filter naming another's unit does not widen it", async () => {
    const expected = await db.execute<{ id: number }>(
      sql`select t.id from tasks t join task_leaders tl on tl.task_id = t.id where tl.leader_id = ${liuId} and not t.overall and t.archived_at is null order by t.id`,
    );
    const { first, rows } = await everyPage(liu, { sort: { key: "seq", descending: false } });
    expect(first.tasks.pages).toBeGreaterThan(1);
    expect(rows.map((t) => t.id).sort((a, b) => a - b)).toEqual(expected.map((r) => Number(r.id)));
    expect(rows.every((t) => t.leaders.some((l) => l.id === liuId))).toBe(true);
    // A lead unit of tasks that are not 柳天云's: the filter only narrows to theirs (possibly none).
    const [foreign] = await db.execute<{ unit_id: number }>(sql`
      select tu.unit_id from task_units tu join tasks t on t.id = tu.task_id
      where tu.role = 'lead' and not t.overall and not exists (select 1 from task_leaders tl where tl.task_id = t.id and tl.leader_id = ${liuId}) limit 1`);
    const narrowed = await everyPage(liu, { filter: { unit: Number(foreign!.unit_id) } });
    expect(narrowed.rows.every((t) => t.leaders.some((l) => l.id === liuId))).toBe(true);
    expect(narrowed.first.counts).toEqual(first.counts);
    for (let page = 1; page <= 3; page++) {
      const drill = (await listDashboardTasks(liu, { leader: liuId }, { paging: { page, size: 20, sort: BOARD_ORDER } }))!;
      expect(drill.tasks.rows.every((t) => t.leaders.some((l) => l.id === liuId))).toBe(true);
    }
  });

  it("the lead units page on both dashboards; each unit once over every page", async () => {
    const [row] = await db.execute<{ n: number }>(sql`
      select count(distinct tu.unit_id)::int as n from task_units tu join tasks t on t.id = tu.task_id where tu.role = 'lead' and not t.overall and t.archived_at is null`);
    const first = (await getGovernmentDashboard(wang, { unitPaging: { page: 1, size: 20 } }))!;
    expect(first.units.total).toBeGreaterThanOrEqual(Number(row!.n));
    expect(first.units.rows).toHaveLength(20);
    const ids = [...first.units.rows.map((u) => u.id)];
    for (let page = 2; page <= first.units.pages; page++)
      ids.push(...(await getGovernmentDashboard(wang, { unitPaging: { page, size: 20 } }))!.units.rows.map((u) => u.id));
    expect(ids).toHaveLength(first.units.total);
    expect(new Set(ids).size).toBe(first.units.total);
    const own = (await getLeaderDashboard(liu, { unitPaging: { page: 999, size: 20 } }))!.units;
    expect(own.page).toBe(own.pages);
  });
});
