/**
 * The reads pages used to make from lib/data directly, now behind services that check the actor as the
 * pages did: the search and filter choices, the item form's choices, the administrator's counts and
 * the supervision office's review queue.
 */
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, db } from "@/db";
import { leaders, plans, progressReports, tasks, units, users } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { itemFormChoices, searchChoices } from "@/lib/services/choices";
import { adminHomeCounts, reviewQueue } from "@/lib/services/home";
import { actorFor, resetWithDemo } from "../support/db";

const code = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isDomainError(e) ? e.code : `unexpected: ${String(e)}`),
  );
const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;

beforeAll(async () => {
  await resetWithDemo();
  // One leader and one unit out of office: the item form offers neither, the search still lists the leader.
  await db.update(leaders).set({ active: false }).where(eq(leaders.name, "王国泉"));
  await db.update(units).set({ active: false }).where(eq(units.name, "农牧局"));
});
afterAll(closeDb);

describe("choices", () => {
  it("searchChoices: every leader (in office or not) and the active units, for any signed-in user", async () => {
    for (const who of ["admin", "ducha", "张军", "交通局"]) {
      const { leaders: l, units: u } = await searchChoices(await actorFor(who));
      expect(l.length).toBe(await n(db.select({ n: count() }).from(leaders)));
      expect(l.map((x) => x.name)).toContain("王国泉");
      expect(u.length).toBe(await n(db.select({ n: count() }).from(units).where(eq(units.active, true))));
      expect(u.map((x) => x.name)).not.toContain("农牧局");
    }
  });

  it("itemFormChoices: the office gets the active leaders and units; a unit or a leader is refused", async () => {
    for (const who of ["admin", "ducha"]) {
      const { leaders: l, units: u } = await itemFormChoices(await actorFor(who));
      expect(l.length).toBe(await n(db.select({ n: count() }).from(leaders).where(eq(leaders.active, true))));
      expect(l.map((x) => x.name)).not.toContain("王国泉");
      expect(u.map((x) => x.name)).not.toContain("农牧局");
      expect(u.length).toBeGreaterThan(0);
    }
    expect(await code(itemFormChoices(await actorFor("交通局")))).toBe("forbidden");
    expect(await code(itemFormChoices(await actorFor("张军")))).toBe("forbidden");
  });
});

describe("home pages", () => {
  it("adminHomeCounts: the plans' tasks, active units and leaders, enabled accounts; the administrator's alone", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
    const counts = await adminHomeCounts(await actorFor("admin"), [plan!.id]);
    expect(counts).toEqual({
      tasks: await n(
        db
          .select({ n: count() })
          .from(tasks)
          .where(and(eq(tasks.planId, plan!.id), isNull(tasks.archivedAt))),
      ),
      units: await n(db.select({ n: count() }).from(units).where(eq(units.active, true))),
      leaders: await n(db.select({ n: count() }).from(leaders).where(eq(leaders.active, true))),
      accounts: await n(db.select({ n: count() }).from(users).where(eq(users.disabled, false))),
    });
    expect(counts.tasks).toBeGreaterThan(0);
    expect((await adminHomeCounts(await actorFor("admin"), [])).tasks).toBe(0);
    expect(await code(adminHomeCounts(await actorFor("ducha"), [plan!.id]))).toBe("forbidden");
    expect(await code(adminHomeCounts(await actorFor("交通局"), [plan!.id]))).toBe("forbidden");
  });

  it("reviewQueue: the plan's submitted reports for the office; leaders and units get not_found", async () => {
    const [plan] = await db.select({ id: plans.id }).from(plans).limit(1);
    const submitted = await n(
      db
        .select({ n: count() })
        .from(progressReports)
        .innerJoin(tasks, eq(tasks.id, progressReports.taskId))
        .where(and(eq(tasks.planId, plan!.id), eq(progressReports.status, "submitted"), isNull(tasks.archivedAt))),
    );
    for (const who of ["ducha", "admin"]) {
      const queue = await reviewQueue(await actorFor(who), plan!.id);
      expect(queue.length).toBe(Math.min(submitted, 200));
    }
    expect(await code(reviewQueue(await actorFor("张军"), plan!.id))).toBe("not_found");
    expect(await code(reviewQueue(await actorFor("交通局"), plan!.id))).toBe("not_found");
  });
});
