/**
 * The 问责台账 paged: the units with a record by default (every unit with all=1), one current step on
 * every page, each order across pages, page 2 the next units, a page past the end the last; only the
 * office reads it.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { escalations, units, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { EscalationStep } from "@/lib/escalation/labels";
import { LEDGER_ORDER, type LedgerFilter, type LedgerSort, parseLedgerSearch } from "@/lib/escalation/ledger-query";
import { isDomainError } from "@/lib/errors";
import type { SortOrder } from "@/lib/paging";
import { getLedgerPage, type LedgerOverviewRow } from "@/lib/services/escalations";
import { compareZh } from "@/lib/zh-order";
import { actorFor, resetWithDemo } from "../support/db";

async function everyPage(actor: Actor, filter: LedgerFilter = { all: false }, sort: SortOrder<LedgerSort> = LEDGER_ORDER) {
  const search = (page: number) => ({ filter, paging: { page, size: 20 as const, sort } });
  const first = await getLedgerPage(actor, search(1));
  const rows: LedgerOverviewRow[] = [...first.rows];
  for (let page = 2; page <= first.pages; page++) rows.push(...(await getLedgerPage(actor, search(page))).rows);
  return { first, rows };
}

describe("the escalation ledger, paged", () => {
  let office: Actor;
  let activeUnits: number;

  beforeAll(async () => {
    process.env.APP_NOW = "2022-06-20T10:00:00+08:00";
    await resetWithDemo();
    office = await actorFor("ducha");
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, "admin"));
    const all = await db.select({ id: units.id }).from(units).where(eq(units.active, true)).orderBy(units.id);
    activeUnits = all.length;
    // 25 units with 催办 (one to three), 8 of them also a 督办函, 3 of those an 约谈; a day apart.
    const steps: { unitId: number; step: EscalationStep; createdAt: Date }[] = [];
    all.slice(0, 25).forEach((u, i) => {
      for (let k = 0; k <= i % 3; k++) steps.push({ unitId: u.id, step: "reminder", createdAt: new Date(Date.UTC(2022, 4, 1 + i)) });
      if (i < 8) steps.push({ unitId: u.id, step: "supervision_letter", createdAt: new Date(Date.UTC(2022, 4, 2 + i)) });
      if (i < 3) steps.push({ unitId: u.id, step: "interview", createdAt: new Date(Date.UTC(2022, 4, 3 + i)) });
    });
    await db.insert(escalations).values(steps.map((s) => ({ ...s, facts: "事实", createdBy: admin!.id, updatedAt: s.createdAt })));
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("the units with a record, furthest up first, over two pages; a page past the end is the last", async () => {
    const { first, rows } = await everyPage(office);
    expect(activeUnits).toBeGreaterThan(25);
    expect(first).toMatchObject({ page: 1, pages: 2, size: 20, reached: { interview: 3, supervision_letter: 5, reminder: 17 } });
    expect(first.total).toBeGreaterThanOrEqual(25);
    expect(rows).toHaveLength(first.total);
    expect(new Set(rows.map((r) => r.unitId)).size).toBe(first.total);
    expect(rows.slice(0, 3).every((r) => r.highest === "interview")).toBe(true);
    expect(rows.slice(3, 8).every((r) => r.highest === "supervision_letter")).toBe(true);
    const past = await getLedgerPage(office, { filter: { all: false }, paging: { page: 9, size: 20, sort: LEDGER_ORDER } });
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.unitId)).toEqual(rows.slice(20).map((r) => r.unitId));
  });

  it("every unit with all=1; one current step on every page, with its total", async () => {
    const every = await everyPage(office, { all: true });
    expect(every.first.total).toBe(activeUnits);
    expect(every.rows).toHaveLength(activeUnits);
    const letters = await everyPage(office, { all: true, step: "supervision_letter" });
    expect(letters.first.total).toBe(5);
    expect(letters.rows.every((r) => r.highest === "supervision_letter")).toBe(true);
    const reminders = await everyPage(office, { all: false, step: "reminder" });
    expect(reminders.first).toMatchObject({ total: 17, pages: 1 });
    expect((await everyPage(office, { all: false, step: "accountability" })).first).toMatchObject({ total: 0, page: 1, pages: 1 });
  });

  it("orders across pages: by unit name, by the latest step (newest first, none last), the ladder turned around", async () => {
    const byName = (await everyPage(office, { all: true }, { key: "unit", descending: false })).rows.map((r) => r.unitName);
    expect(byName).toHaveLength(activeUnits);
    expect(byName).toEqual([...byName].sort(compareZh));
    const latest = (await everyPage(office, { all: true }, { key: "latest", descending: true })).rows;
    const times = latest.filter((r) => r.latestAt).map((r) => r.latestAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(latest.findIndex((r) => r.latestAt === null)).toBe(times.length);
    const upward = (await everyPage(office, { all: false }, { key: "step", descending: false })).rows;
    expect(upward.at(-1)!.highest).toBe("interview");
    expect(upward[0]!.highest).not.toBe("interview");
  });

  it("only the office reads the ledger; the URL never throws", async () => {
    for (const username of ["交通局", "张军"]) {
      const refusal = await getLedgerPage(await actorFor(username), { filter: { all: true }, paging: { page: 2, size: 20, sort: LEDGER_ORDER } }).then(
        () => "allowed",
        (e: unknown) => (isDomainError(e) ? e.code : String(e)),
      );
      expect(refusal).toBe("forbidden");
    }
    expect(parseLedgerSearch({ all: "yes", step: "jail", sort: "-x", size: "1" })).toEqual({
      filter: { all: false, step: undefined },
      paging: { page: 1, size: 50, sort: LEDGER_ORDER },
    });
    expect(parseLedgerSearch({ all: "1", step: "interview", sort: "unit" })).toMatchObject({
      filter: { all: true, step: "interview" },
      paging: { sort: { key: "unit", descending: false } },
    });
  });
});
