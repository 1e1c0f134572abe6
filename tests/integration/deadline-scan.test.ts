/**
 * Issue 16: 即将到期 and 已逾期 messages, from the worker's deadline scan. Each owed item is messaged once
 * per kind, one message per unit and kind; the scan runs at most every 15 minutes among all workers.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deadlineMessages, notifications, units } from "@/db/schema";
import { DEADLINE_SCAN_EVERY_MS, scanDeadlines } from "@/lib/delivery/deadline-scan";
import { DUE_SOON_MS } from "@/lib/delivery/deadline-rules";
import { loadLivePlans } from "@/lib/plans/live";
import { computeOwed } from "@/lib/services/reminders";
import { resetWithDemo } from "../support/db";

const AT = new Date("2022-06-20T10:00:00+08:00");

async function deadlineNotes() {
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.kind, ["due_soon", "overdue"]))
    .orderBy(notifications.id);
}

beforeEach(async () => {
  process.env.APP_NOW = AT.toISOString();
  await resetWithDemo();
});
afterAll(() => {
  delete process.env.APP_NOW;
});

describe("the deadline scan", () => {
  it("messages each unit once per kind with the items owed past due (已逾期) or within 3 days (即将到期)", async () => {
    const written = await scanDeadlines(AT);
    const notes = await deadlineNotes();
    expect(written).toBe(notes.length);
    expect(notes.length).toBeGreaterThan(0);
    // One per unit and kind.
    const keys = notes.map((n) => `${n.unitId}:${n.kind}`);
    expect(new Set(keys).size).toBe(keys.length);

    // 交通局's 已逾期 lists exactly what it owes past due in this half month and the one before.
    const [plan] = await loadLivePlans(db);
    const [jiaotong] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    const owedItems = [...(await computeOwed(plan!, 11, { at: AT })), ...(await computeOwed(plan!, 12, { at: AT }))]
      .filter((u) => u.unitId === jiaotong!.id)
      .flatMap((u) => u.items);
    const overdue = owedItems.filter((i) => i.overdue);
    const soon = owedItems.filter((i) => !i.overdue && i.dueAt.getTime() - AT.getTime() <= DUE_SOON_MS);
    const mine = notes.filter((n) => n.unitId === jiaotong!.id);
    expect(mine.map((n) => n.kind).sort()).toEqual([...(overdue.length ? ["overdue"] : []), ...(soon.length ? ["due_soon"] : [])].sort());
    const overdueNote = mine.find((n) => n.kind === "overdue");
    if (overdue.length) {
      expect(overdueNote!.title).toBe(`已逾期：${overdue.length} 项未按时报送`);
      for (const item of overdue) expect(overdueNote!.body).toContain(`第${item.seq}项`);
      expect(overdueNote!.link).toBe("/unit");
    }
    expect(overdue.length).toBeGreaterThan(0);
  });

  it("runs once per 15 minutes among workers, and never messages the same item twice", async () => {
    const [first, second] = await Promise.all([scanDeadlines(AT), scanDeadlines(AT)]);
    expect([first, second].filter((n) => n > 0)).toHaveLength(1);
    const count = (await deadlineNotes()).length;
    expect(await scanDeadlines(new Date(AT.getTime() + 60_000))).toBe(0);
    // Its next turn: nothing new is owed, so nothing is sent again.
    expect(await scanDeadlines(new Date(AT.getTime() + DEADLINE_SCAN_EVERY_MS))).toBe(0);
    expect((await deadlineNotes()).length).toBe(count);
  });

  it("an item that becomes overdue later is messaged as overdue then, once", async () => {
    await scanDeadlines(AT);
    const soon = await db.select().from(deadlineMessages).where(eq(deadlineMessages.kind, "due_soon"));
    // Past the due time of this half month's reports (6月30日): what was 即将到期 is 已逾期 now.
    const later = new Date("2022-07-01T09:00:00+08:00");
    process.env.APP_NOW = later.toISOString();
    await scanDeadlines(later);
    if (soon.length > 0) {
      const [item] = soon;
      const overdue = await db
        .select()
        .from(deadlineMessages)
        .where(and(eq(deadlineMessages.kind, "overdue"), eq(deadlineMessages.unitId, item!.unitId), eq(deadlineMessages.taskId, item!.taskId)));
      expect(overdue.length).toBeGreaterThan(0);
    }
    expect(await scanDeadlines(new Date(later.getTime() + DEADLINE_SCAN_EVERY_MS))).toBe(0);
  });
});
