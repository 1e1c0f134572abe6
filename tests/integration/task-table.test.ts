/**
 * The task table a page at a time (listTaskPageFor): the whole selection counted, one page read in
 * SQL in the order asked for; filters hold on every page; a page past the end is the last. The
 * permission matrix on paged queries: a unit and a leader never see another's task on any page, and
 * a filter only narrows. And the export (GET /api/export/tasks): the same selection, every page of it.
 */
import { eq } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { leaders, tasks, units } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { PageSize, Paging } from "@/lib/paging";
import { TASK_ORDER, type TaskSearch, type TaskSort } from "@/lib/search-params";
import { TASKS_EXPORT_COLUMNS } from "@/lib/services/task-export";
import { listTaskPageFor, listTasksFor, type PlanTaskRow } from "@/lib/services/tasks";
import { compareZh } from "@/lib/zh-order";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));

const { GET } = await import("@/app/api/export/tasks/route");

const idOfUnit = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const idOfLeader = async (name: string) => (await db.select({ id: leaders.id }).from(leaders).where(eq(leaders.name, name)))[0]!.id;

const paging = (page: number, size: PageSize = 50, sort: Paging<TaskSort>["sort"] = TASK_ORDER): Paging<TaskSort> => ({ page, size, sort });

/** Every page of a selection, read one after the other. */
async function allPages(actor: Actor, search: TaskSearch, size: PageSize, sort: Paging<TaskSort>["sort"] = TASK_ORDER): Promise<PlanTaskRow[][]> {
  const first = await listTaskPageFor(actor, search, paging(1, size, sort));
  const pages = [first.rows];
  for (let p = 2; p <= first.pages; p++) {
    const next = await listTaskPageFor(actor, search, paging(p, size, sort));
    expect(next).toMatchObject({ page: p, pages: first.pages, total: first.total });
    pages.push(next.rows);
  }
  expect(pages.flat()).toHaveLength(first.total);
  return pages;
}

const seqs = (rows: readonly PlanTaskRow[]) => rows.map((t) => t.seq);
const ids = (rows: readonly PlanTaskRow[]) => rows.map((t) => t.id).sort((a, b) => a - b);
const dueKey = (t: PlanTaskRow) => t.dueOn ?? `${t.planYear}-12-31`;

describe("the task table, a page at a time", () => {
  beforeAll(resetWithDemo);

  it("counts the whole selection and reads one page: 50 a page by default, page 2 the next rows, past the end the last", async () => {
    const office = await actorFor("ducha");
    const first = await listTaskPageFor(office, {}, paging(1));
    expect(first).toMatchObject({ total: 72, page: 1, pages: 2, size: 50 });
    expect(seqs(first.rows)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(first.rows[0]!.planLabel).not.toBe("");
    const second = await listTaskPageFor(office, {}, paging(2));
    expect(seqs(second.rows)).toEqual(Array.from({ length: 22 }, (_, i) => i + 51));
    const beyond = await listTaskPageFor(office, {}, paging(9));
    expect(beyond.page).toBe(2);
    expect(seqs(beyond.rows)).toEqual(seqs(second.rows));
    const small = await listTaskPageFor(office, {}, paging(4, 20));
    expect(small).toMatchObject({ total: 72, page: 4, pages: 4, size: 20 });
    expect(seqs(small.rows)).toEqual(Array.from({ length: 12 }, (_, i) => i + 61));
    const nothing = await listTaskPageFor(office, { text: "没有这样的任务" }, paging(3));
    expect(nothing).toMatchObject({ total: 0, page: 1, pages: 1, rows: [] });
  });

  it("keeps each filter on every page: text, leader, unit, year", async () => {
    const office = await actorFor("ducha");
    const wulan = await idOfUnit("乌兰镇");
    const liu = await idOfLeader("柳天云");
    for (const search of [{ unitId: wulan }, { leaderId: liu }, { text: "建设" }, { year: 2022 }, { leaderId: liu, unitId: wulan }] as TaskSearch[]) {
      const whole = (await listTasksFor(office, search)).tasks;
      expect(whole.length, JSON.stringify(search)).toBeGreaterThan(0);
      const pages = await allPages(office, search, 20);
      // The pages hold the selection once each, in 序号 order.
      expect(pages.flat().map((t) => t.id)).toEqual(whole.map((t) => t.id));
    }
    const liuPages = await allPages(office, { leaderId: liu }, 20);
    expect(liuPages.map((rows) => rows.length)).toEqual([20, 2]);
    expect(liuPages[1]!.every((t) => t.leaders.includes("柳天云"))).toBe(true);
    expect((await listTaskPageFor(office, { year: 2019 }, paging(1))).total).toBe(0);
  });

  it("sorts by 序号 either way, by 完成时限 (none = the year's end) and by 牵头单位 (拼音), across pages", async () => {
    const office = await actorFor("ducha");
    // The demo's tasks run to the year's end; a few get an earlier 完成时限 (two on one day).
    for (const [seq, dueOn] of [
      [30, "2022-03-31"],
      [5, "2022-06-30"],
      [60, "2022-06-30"],
      [12, "2022-09-30"],
    ] as const) {
      await db.update(tasks).set({ dueOn }).where(eq(tasks.seq, seq));
    }
    const backwards = (await allPages(office, {}, 50, { key: "seq", descending: true })).flat();
    expect(seqs(backwards)).toEqual(Array.from({ length: 72 }, (_, i) => 72 - i));

    const byDue = (await allPages(office, {}, 20, { key: "due", descending: false })).flat();
    const dues = byDue.map(dueKey);
    expect(dues).toEqual([...dues].sort());
    expect(seqs(byDue.slice(0, 5))).toEqual([30, 5, 60, 12, 1]);
    // Ties by 序号.
    for (let i = 1; i < byDue.length; i++) if (dues[i] === dues[i - 1]) expect(byDue[i]!.seq).toBeGreaterThan(byDue[i - 1]!.seq);
    const byDueDesc = (await allPages(office, {}, 20, { key: "due", descending: true })).flat().map(dueKey);
    expect(byDueDesc).toEqual([...dues].sort().reverse());

    const byLead = (await allPages(office, {}, 20, { key: "lead", descending: false })).flat();
    const firstLeads = byLead.map((t) => t.leadUnits[0] ?? null);
    const named = firstLeads.filter((n): n is string => n !== null);
    expect(named).toEqual([...named].sort(compareZh));
    expect(firstLeads.slice(named.length).every((n) => n === null)).toBe(true);
    const byLeadDesc = (await allPages(office, {}, 20, { key: "lead", descending: true })).flat();
    expect(byLeadDesc.map((t) => t.leadUnits[0]).filter(Boolean)).toEqual([...named].reverse());
  });

  it("a unit and a leader see only their own tasks on every page, in every order; a filter narrows, never widens", async () => {
    const office = await actorFor("ducha");
    const transport = await idOfUnit("交通局");
    const farm = await idOfUnit("农牧局");
    const liu = await idOfLeader("柳天云");
    const cui = await idOfLeader("崔婧");
    const cases: { username: string; own: TaskSearch }[] = [
      { username: "交通局", own: { unitId: transport } },
      { username: "交通局-填报", own: { unitId: transport } },
      { username: "柳天云", own: { leaderId: liu } },
    ];
    for (const { username, own } of cases) {
      const actor = await actorFor(username);
      const scope = (await listTasksFor(office, own)).tasks;
      const allowed = new Set(scope.map((t) => t.id));
      for (const sort of [TASK_ORDER, { key: "due", descending: true }, { key: "lead", descending: false }] as const) {
        const pages = await allPages(actor, {}, 20, sort);
        expect(ids(pages.flat()), `${username} ${sort.key}`).toEqual(ids(scope));
      }
      // Another unit, another leader, another unit's text: only what is also the actor's.
      for (const search of [{ unitId: farm }, { leaderId: cui }, { leaderId: liu }, { unitId: transport }, { text: "农" }] as TaskSearch[]) {
        const pages = await allPages(actor, search, 20);
        const expected = (await listTasksFor(office, search)).tasks.filter((t) => allowed.has(t.id));
        expect(ids(pages.flat()), `${username} ${JSON.stringify(search)}`).toEqual(ids(expected));
        expect(pages.flat().every((t) => allowed.has(t.id))).toBe(true);
      }
    }
    // 交通局 and 柳天云 share tasks 16 and 41 only; a leader filtering by 交通局 sees those two.
    expect(seqs((await listTaskPageFor(await actorFor("柳天云"), { unitId: transport }, paging(1))).rows)).toEqual([16, 41]);
    expect((await listTaskPageFor(await actorFor("交通局"), { leaderId: cui }, paging(1))).total).toBe(0);
  });
});

describe("the task table export", () => {
  beforeAll(async () => {
    process.env.APP_NOW = "2022-06-20T10:00+08:00";
    await resetWithDemo();
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  async function download(username: string | null, query = "") {
    session.actor = username ? await actorFor(username) : null;
    return GET(new Request(`http://127.0.0.1:3100/api/export/tasks${query}`));
  }

  async function rowsOf(response: Response) {
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const [sheet] = await readXlsxFile(Buffer.from(await response.arrayBuffer()));
    expect(sheet!.data[0]).toEqual([...TASKS_EXPORT_COLUMNS]);
    return sheet!.data.slice(1);
  }

  it("refuses the signed out (401)", async () => {
    const response = await download(null);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).not.toContain("spreadsheetml");
  });

  it("holds every row of the selection, more than one page, in the table's order", async () => {
    const all = await rowsOf(await download("ducha"));
    expect(all.map((r) => Number(r[0]))).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
    const backwards = await rowsOf(await download("ducha", "?sort=-seq&page=2&size=20"));
    expect(backwards.map((r) => Number(r[0]))).toEqual(Array.from({ length: 72 }, (_, i) => 72 - i));
    const office = await actorFor("ducha");
    const wulan = await idOfUnit("乌兰镇");
    const filtered = await rowsOf(await download("ducha", `?unit=${wulan}&q=${encodeURIComponent("建设")}`));
    expect(filtered.map((r) => r[2])).toEqual((await listTasksFor(office, { unitId: wulan, text: "建设" })).tasks.map((t) => t.content));
    expect(filtered.length).toBeGreaterThan(0);
  });

  it("gives a unit and a leader their own tasks only, whatever they filter", async () => {
    const office = await actorFor("ducha");
    const transport = await idOfUnit("交通局");
    const farm = await idOfUnit("农牧局");
    const own = (await listTasksFor(office, { unitId: transport })).tasks.map((t) => t.content);
    expect((await rowsOf(await download("交通局"))).map((r) => r[2])).toEqual(own);
    const both = (await listTasksFor(office, { unitId: transport })).tasks.filter((t) => t.units.includes("农牧局") || t.leadUnits.includes("农牧局"));
    const asked = (await rowsOf(await download("交通局-填报", `?unit=${farm}`))).map((r) => r[2]);
    expect(asked.every((content) => own.includes(String(content)))).toBe(true);
    expect(asked.length).toBeLessThan(own.length);
    expect(asked.length).toBeGreaterThanOrEqual(both.length);
    const liu = (await rowsOf(await download("柳天云"))).map((r) => r[3]);
    expect(liu).toHaveLength(22);
    expect(liu.every((names) => String(names).includes("柳天云"))).toBe(true);
  });
});
