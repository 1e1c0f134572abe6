/**
 * 报送情况矩阵 a page of units at a time: the worst units first across pages, page 2 the next
 * units, a page past the end the last, the totals of every unit; the office's and the
 * administrator's only on any page.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { plans } from "@/db/schema";
import { getComplianceMatrix } from "@/lib/services/matrix";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00:00+08:00";
const trouble = (row: { totals: { missing: number; late: number } }) => row.totals.missing + row.totals.late;

describe("the compliance matrix, paged", () => {
  beforeEach(async () => {
    await resetWithDemo();
    await db.update(plans).set({ reportingStartPeriod: 9 });
    process.env.APP_NOW = PINNED;
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("pages the units worst first: page 2 holds the next units, a page past the end the last; the totals are of every unit", async () => {
    const ducha = await actorFor("ducha");
    const whole = (await getComplianceMatrix(ducha))!;
    const units = whole.matrix.rows;
    expect(units.length).toBeGreaterThan(20);
    expect(whole.page).toMatchObject({ page: 1, size: 50, total: units.length });

    const pages = Math.ceil(units.length / 20);
    const seen: typeof units = [];
    for (let p = 1; p <= pages; p++) {
      const result = (await getComplianceMatrix(ducha, { paging: { page: p, size: 20 } }))!;
      expect(result.page).toMatchObject({ page: p, pages, total: units.length });
      expect(result.page.rows.map((r) => r.unitId)).toEqual(units.slice((p - 1) * 20, p * 20).map((r) => r.unitId));
      // Every unit row has a cell for every period shown.
      for (const row of result.page.rows) expect(row.cells.map((c) => c.periodIndex)).toEqual(result.periods.map((x) => x.index));
      seen.push(...result.page.rows);
      expect(result.troubled).toBe(whole.troubled);
    }
    expect(new Set(seen.map((r) => r.unitId)).size).toBe(units.length);
    const order = seen.map(trouble);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(seen[0]!.unitName).toBe("农牧局");
    expect(whole.troubled).toBe(units.filter((r) => trouble(r) > 0).length);

    const past = (await getComplianceMatrix(ducha, { paging: { page: 99, size: 20 } }))!;
    expect(past.page.page).toBe(pages);
    expect(past.page.rows.map((r) => r.unitId)).toEqual(units.slice((pages - 1) * 20).map((r) => r.unitId));
  });

  it("is the supervision office's and the administrator's only, on any page", async () => {
    expect((await getComplianceMatrix(await actorFor("admin"), { paging: { page: 2, size: 20 } }))!.page.page).toBe(2);
    for (const username of ["交通局", "农牧局-填报", "柳天云", "王国泉"]) {
      await expect(getComplianceMatrix(await actorFor(username), { paging: { page: 2, size: 20 } }), username).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
