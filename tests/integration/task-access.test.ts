import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { tasks, units } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { getTaskFor, getUnitPageFor, listTasksFor, listUnitTasks } from "@/lib/services/tasks";
import { actorFor, resetWithDemo } from "../support/db";

const idOfTask = async (seq: number) => (await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.seq, seq)))[0]!.id;
const idOfUnit = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;

async function expectNotFound(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isDomainError(error) && error.code).toBe("not_found");
}

describe("who sees which tasks", () => {
  beforeAll(resetWithDemo);

  it("a leader sees only their tasks: 柳天云 22, 崔婧 12", async () => {
    const { tasks: liu } = await listTasksFor(await actorFor("柳天云"));
    expect(liu).toHaveLength(22);
    expect(liu.every((t) => t.leaders.includes("柳天云"))).toBe(true);
    expect((await listTasksFor(await actorFor("崔婧"))).tasks.map((t) => t.seq)).toEqual([50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61]);
  });

  it("王国泉, the supervision office and the administrator see all 72", async () => {
    for (const username of ["王国泉", "ducha", "admin"]) {
      expect((await listTasksFor(await actorFor(username))).tasks).toHaveLength(72);
    }
  });

  it("a unit sees the tasks it leads or cooperates on, directly or through a collective name", async () => {
    const actor = await actorFor("交通局");
    const { lead, cooperating } = await listUnitTasks(actor, actor.unitId!);
    expect(lead.map((t) => t.seq)).toEqual([24, 27]);
    expect(cooperating.map((t) => t.seq)).toEqual([1, 5, 12, 16, 19, 41, 65]);
    expect((await listTasksFor(actor)).tasks).toHaveLength(9);
    // A township unit also gets the tasks of 各苏木镇.
    const town = await actorFor("乌兰镇-填报");
    const seqs = (await listTasksFor(town)).tasks.map((t) => t.seq);
    expect(seqs).toEqual(expect.arrayContaining([11, 24, 30, 48]));
    expect(seqs).not.toContain(2);
  });

  it("search narrows a user's scope but never widens it", async () => {
    const liu = await actorFor("柳天云");
    const [cui] = (await listTasksFor(liu, { text: "教学质量" })).tasks;
    expect(cui).toBeUndefined();
    const office = await actorFor("ducha");
    expect((await listTasksFor(office, { text: "教学质量" })).tasks.map((t) => t.seq)).toEqual([50, 51]);
    // A number matches the seq and the text ("提供24小时…" in 19).
    expect((await listTasksFor(office, { text: "24" })).tasks.map((t) => t.seq)).toEqual([19, 24]);
    expect((await listTasksFor(office, { text: "100%_" })).tasks).toEqual([]);
    const unitId = await idOfUnit("交通局");
    expect((await listTasksFor(liu, { unitId })).tasks.map((t) => t.seq)).toEqual([16, 41]);
  });

  it("a task detail is refused (not found) to users it does not concern", async () => {
    const task2 = await idOfTask(2);
    await expectNotFound(getTaskFor(await actorFor("交通局"), task2));
    await expectNotFound(getTaskFor(await actorFor("柳天云"), task2));
    expect((await getTaskFor(await actorFor("贾瑞"), task2)).seq).toBe(2);
    expect((await getTaskFor(await actorFor("招商引资中心-填报"), task2)).seq).toBe(2);
    await expectNotFound(getTaskFor(await actorFor("admin"), 999_999));
  });

  it("a unit's page is refused to other units", async () => {
    const own = await idOfUnit("交通局");
    const other = await idOfUnit("农牧局");
    const lead = { role: "lead", paging: { page: 1, size: 50 } } as const;
    expect((await getUnitPageFor(await actorFor("交通局"), own, lead)).unit.name).toBe("交通局");
    await expectNotFound(getUnitPageFor(await actorFor("交通局"), other, lead));
    await expectNotFound(getUnitPageFor(await actorFor("交通局"), other, { role: "cooperating", paging: { page: 2, size: 20 } }));
    await expectNotFound(listUnitTasks(await actorFor("交通局"), other));
    const farm = await getUnitPageFor(await actorFor("ducha"), other, lead);
    expect(farm.counts.lead).toBe(15);
    expect(farm.list).toMatchObject({ total: 15, page: 1, pages: 1 });
  });

  it("a unit's page lists one of its lists a page at a time, the other counted", async () => {
    const town = await idOfUnit("乌兰镇");
    const office = await actorFor("ducha");
    const whole = await listUnitTasks(office, town);
    expect(whole.cooperating.length).toBeGreaterThan(20);
    const first = await getUnitPageFor(office, town, { role: "cooperating", paging: { page: 1, size: 20 } });
    expect(first.counts).toEqual({ lead: whole.lead.length, cooperating: whole.cooperating.length });
    expect(first.list.rows.map((t) => t.id)).toEqual(whole.cooperating.slice(0, 20).map((t) => t.id));
    const last = await getUnitPageFor(office, town, { role: "cooperating", paging: { page: 99, size: 20 } });
    expect(last.list.page).toBe(first.list.pages);
    expect(last.list.rows.map((t) => t.id)).toEqual(whole.cooperating.slice((first.list.pages - 1) * 20).map((t) => t.id));
  });
});
