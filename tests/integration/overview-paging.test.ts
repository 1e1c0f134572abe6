/**
 * 督查总览 a page at a time: page 2 holds the next rows, a page past the end shows the last, each
 * filter holds on every page, each order runs across pages, the counts are of the whole selection,
 * the export has every row of the selection (more than a page), and units and leaders find no page.
 */
import { eq } from "drizzle-orm";
import readXlsxFile from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { units } from "@/db/schema";
import { SEVERITY } from "@/lib/overview/matrix";
import { OVERVIEW_ORDER, type OverviewSort } from "@/lib/overview/order";
import type { OverviewFilter } from "@/lib/overview/filters";
import type { Paging, PageSize } from "@/lib/paging";
import type { ReportFields } from "@/lib/reporting/schemas";
import { exportPeriodOverview, getPeriodOverview } from "@/lib/services/overview";
import { returnReport, submitReport } from "@/lib/services/reports";
import { compareZh } from "@/lib/zh-order";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00:00+08:00";
const fields = (progress: string, percent: number): ReportFields => ({
  progress,
  percent,
  progressState: "on_track",
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
});

const paging = (page: number, size: PageSize = 20, sort = OVERVIEW_ORDER): Paging<OverviewSort> => ({ page, size, sort });

/** Every page of a selection, one after another. */
async function allPages(filter: OverviewFilter, sort = OVERVIEW_ORDER) {
  const ducha = await actorFor("ducha");
  const first = (await getPeriodOverview(ducha, filter, { paging: paging(1, 20, sort) }))!;
  const rows = [...first.page.rows];
  for (let p = 2; p <= first.page.pages; p++) rows.push(...(await getPeriodOverview(ducha, filter, { paging: paging(p, 20, sort) }))!.page.rows);
  return { first, rows };
}

describe("the period overview, paged", () => {
  beforeEach(async () => {
    await resetWithDemo();
    // Period 11 (due 6月15日 24:00): 24 on time, 27 late, 28 returned; the other 68 missing.
    const transport = await actorFor("交通局");
    process.env.APP_NOW = "2022-06-14T09:00:00+08:00";
    await submitReport(transport, { taskId: 24, periodIndex: 11, baseVersion: 0, fields: fields("完成路基 40 公里", 30) });
    process.env.APP_NOW = "2022-06-17T09:00:00+08:00";
    await submitReport(transport, { taskId: 27, periodIndex: 11, baseVersion: 0, fields: fields("完成桥梁设计", 15) });
    process.env.APP_NOW = PINNED;
    await submitReport(await actorFor("住建局"), { taskId: 28, periodIndex: 11, baseVersion: 0, fields: fields("推进中", 10) });
    await returnReport(await actorFor("ducha"), { taskId: 28, periodIndex: 11, reason: "内容过简" });
  });
  afterEach(() => {
    delete process.env.APP_NOW;
  });

  it("pages in 序号 order: page 2 holds the next rows, the last page the rest, a page past the end the last; the counts are the whole period's", async () => {
    const ducha = await actorFor("ducha");
    const whole = (await getPeriodOverview(ducha, { periodIndex: 11 }))!;
    expect(whole.rows).toHaveLength(71);
    // By default the first 50.
    expect(whole.page).toMatchObject({ page: 1, pages: 2, total: 71, size: 50 });
    expect(whole.page.rows.map((r) => r.taskId)).toEqual(whole.rows.slice(0, 50).map((r) => r.taskId));

    const one = (await getPeriodOverview(ducha, { periodIndex: 11 }, { paging: paging(1) }))!;
    const two = (await getPeriodOverview(ducha, { periodIndex: 11 }, { paging: paging(2) }))!;
    const four = (await getPeriodOverview(ducha, { periodIndex: 11 }, { paging: paging(4) }))!;
    const past = (await getPeriodOverview(ducha, { periodIndex: 11 }, { paging: paging(99) }))!;
    expect(one.page.rows.map((r) => r.seq)).toEqual(whole.rows.slice(0, 20).map((r) => r.seq));
    expect(two.page.rows.map((r) => r.seq)).toEqual(whole.rows.slice(20, 40).map((r) => r.seq));
    expect(Math.min(...two.page.rows.map((r) => r.seq))).toBeGreaterThan(Math.max(...one.page.rows.map((r) => r.seq)));
    expect(four.page).toMatchObject({ page: 4, pages: 4, total: 71 });
    expect(four.page.rows).toHaveLength(11);
    expect(past.page.page).toBe(4);
    expect(past.page.rows.map((r) => r.seq)).toEqual(four.page.rows.map((r) => r.seq));
    // The counts do not depend on the page.
    for (const o of [one, two, four, past]) expect(o.counts).toEqual(whole.counts);
    expect(whole.counts).toMatchObject({ tasks: 71, on_time: 1, late: 1, missing: 68, returned: 1 });
  });

  it("a state filter and a unit filter hold on every page; the counts stay those of the unit's whole selection", async () => {
    const { first, rows } = await allPages({ periodIndex: 11, state: "missing" });
    expect(first.page.total).toBe(68);
    expect(first.page.pages).toBe(4);
    expect(rows).toHaveLength(68);
    expect(new Set(rows.map((r) => r.taskId)).size).toBe(68);
    expect(rows.every((r) => r.compliance === "missing")).toBe(true);
    expect(first.counts.tasks).toBe(71);

    const [transport] = await db.select({ id: units.id }).from(units).where(eq(units.name, "交通局"));
    const byUnit = await allPages({ periodIndex: 11, unitId: transport!.id, state: "late" });
    expect(byUnit.rows.map((r) => r.seq)).toEqual([27]);
    expect(byUnit.first.page).toMatchObject({ total: 1, pages: 1 });
    expect(byUnit.first.counts).toMatchObject({ tasks: 2, on_time: 1, late: 1 });
  });

  it("sorts across pages: 状态 worst first, 牵头单位 by 拼音, 报送时间 latest first with the unfiled last, 序号 turned around", async () => {
    const worst = (await allPages({ periodIndex: 11 }, { key: "state", descending: false })).rows;
    const severities = worst.map((r) => SEVERITY[r.compliance]);
    expect(severities).toEqual([...severities].sort((a, b) => b - a));
    expect(worst.at(-1)!.compliance).toBe("on_time");
    // Ties keep 序号 order.
    const missingSeqs = worst.filter((r) => r.compliance === "missing").map((r) => r.seq);
    expect(missingSeqs).toEqual([...missingSeqs].sort((a, b) => a - b));

    const byUnit = (await allPages({ periodIndex: 11 }, { key: "unit", descending: false })).rows.map((r) => r.leadUnits[0]?.name ?? "");
    for (let i = 1; i < byUnit.length; i++) expect(compareZh(byUnit[i - 1]!, byUnit[i]!)).toBeLessThanOrEqual(0);

    const latest = (await allPages({ periodIndex: 11 }, { key: "submitted", descending: true })).rows;
    // 28 (filed at the pinned clock, then returned), 27 (6月17日), 24 (6月14日); the unfiled after them.
    expect(latest.slice(0, 3).map((r) => r.seq)).toEqual([28, 27, 24]);
    expect(latest.slice(3).every((r) => r.submittedAt === null)).toBe(true);
    expect(latest).toHaveLength(71);

    const reversed = (await allPages({ periodIndex: 11 }, { key: "seq", descending: true })).rows.map((r) => r.seq);
    expect(reversed).toEqual([...reversed].sort((a, b) => b - a));
    expect(reversed).toHaveLength(71);
  });

  it("the export has every row of the filtered selection, more than one page, in the order asked for", async () => {
    const ducha = await actorFor("ducha");
    const file = await exportPeriodOverview(ducha, { periodIndex: 11, state: "missing" }, { sort: { key: "seq", descending: true } });
    expect(file.rows).toBe(68);
    const [sheet] = await readXlsxFile(Buffer.from(await new Response(file.stream).arrayBuffer()));
    const seqs = sheet!.data.slice(1).map((r) => r[0] as number);
    expect(seqs).toHaveLength(68);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(sheet!.data.slice(1).every((r) => r[5] === "未报送")).toBe(true);
  });

  it("units and leaders find no page of it, whatever the page asked for", async () => {
    for (const username of ["交通局", "交通局-填报", "柳天云", "王国泉"]) {
      const actor = await actorFor(username);
      await expect(getPeriodOverview(actor, { periodIndex: 11 }, { paging: paging(2) }), username).rejects.toMatchObject({ code: "not_found" });
      await expect(exportPeriodOverview(actor, { periodIndex: 11 }), username).rejects.toMatchObject({ code: "not_found" });
    }
  });
});
