/**
 * 目标跟踪 a page at a time: page 2 holds the next rows, a page past the end the last, the pace
 * filter on every page, the orders (完成率 with the unreported last, 状态 滞后 first), counts of the
 * whole selection, the export with every row (more than a page), and a unit's pages hold only its tasks.
 */
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { taskIndicators } from "@/db/schema";
import { INDICATOR_ORDER, type IndicatorSort } from "@/lib/indicators/order";
import type { Paging, SortOrder } from "@/lib/paging";
import { exportIndicatorTracking, getIndicatorTracking } from "@/lib/services/indicator-tracking";
import { submitReport } from "@/lib/services/reports";
import { listTasksFor } from "@/lib/services/tasks";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00";
const ROAD = 24; // 交通局's
const paging = (page: number, sort: SortOrder<IndicatorSort> = INDICATOR_ORDER): Paging<IndicatorSort> => ({ page, size: 20, sort });

describe("indicator tracking, paged", () => {
  let road: number;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    // One confirmed indicator on each of the first 45 tasks: 45 rows, 3 pages of 20.
    const tasks = (await listTasksFor(await actorFor("ducha"))).tasks.filter((t) => !t.overall).slice(0, 45);
    const rows = await db
      .insert(taskIndicators)
      .values(tasks.map((t) => ({ taskId: t.id, name: `指标${t.seq}`, comparator: ">=" as const, target: 300, unit: "公里", status: "confirmed" as const })))
      .returning({ id: taskIndicators.id, taskId: taskIndicators.taskId });
    road = rows.find((r) => r.taskId === ROAD)!.id;
    await submitReport(await actorFor("交通局"), {
      taskId: ROAD,
      periodIndex: 12,
      baseVersion: 0,
      fields: { progress: "完成 120 公里。", percent: 40, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" },
      indicatorValues: [{ indicatorId: road, value: 120 }],
    });
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("pages in task order: page 2 the next rows, a page past the end the last; counts of the whole selection", async () => {
    const ducha = await actorFor("ducha");
    const whole = await getIndicatorTracking(ducha);
    expect(whole.rows).toHaveLength(45);
    const one = await getIndicatorTracking(ducha, {}, { paging: paging(1) });
    const two = await getIndicatorTracking(ducha, {}, { paging: paging(2) });
    const past = await getIndicatorTracking(ducha, {}, { paging: paging(9) });
    expect(one.page).toMatchObject({ page: 1, pages: 3, total: 45 });
    expect(one.page.rows.map((r) => r.indicator.id)).toEqual(whole.rows.slice(0, 20).map((r) => r.indicator.id));
    expect(two.page.rows.map((r) => r.indicator.id)).toEqual(whole.rows.slice(20, 40).map((r) => r.indicator.id));
    expect(Math.min(...two.page.rows.map((r) => r.task.seq))).toBeGreaterThan(Math.max(...one.page.rows.map((r) => r.task.seq)));
    expect(past.page).toMatchObject({ page: 3, pages: 3 });
    expect(past.page.rows).toHaveLength(5);
    for (const t of [one, two, past]) expect(t.counts).toEqual({ tracked: 45, met: 0, ahead: 0, on_pace: 0, behind: 1, no_value: 44 });
  });

  it("the pace filter holds on every page; the orders run across pages", async () => {
    const ducha = await actorFor("ducha");
    const unreported = [1, 2, 3].map((p) => getIndicatorTracking(ducha, { pace: "no_value" }, { paging: paging(p) }));
    const pages = await Promise.all(unreported);
    expect(pages[0]!.page.total).toBe(44);
    const rows = pages.flatMap((t) => t.page.rows);
    expect(rows).toHaveLength(44);
    expect(rows.every((r) => r.pace === "no_value")).toBe(true);
    expect(pages[0]!.counts.tracked).toBe(45);

    // 状态: 滞后序时 first; 完成率 (either way): the one with a value first, the unreported last.
    expect((await getIndicatorTracking(ducha, {}, { paging: paging(1, { key: "pace", descending: false }) })).page.rows[0]!.indicator.id).toBe(road);
    for (const descending of [false, true]) {
      const sorted = await getIndicatorTracking(ducha, {}, { paging: paging(1, { key: "completion", descending }) });
      expect(sorted.page.rows[0]).toMatchObject({ completion: 40 });
      expect(sorted.page.rows.slice(1).every((r) => r.completion === null)).toBe(true);
    }
    const reversed = (await getIndicatorTracking(ducha, {}, { paging: paging(1, { key: "task", descending: true }) })).page.rows.map((r) => r.task.seq);
    expect(reversed).toEqual([...reversed].sort((a, b) => b - a));
  });

  it("the export has every row of the selection, more than a page", async () => {
    const file = await exportIndicatorTracking(await actorFor("ducha"), { pace: "no_value" });
    expect(file.rows).toBe(44);
    const [sheet] = await readXlsxFile(Buffer.from(await new Response(file.stream).arrayBuffer()));
    expect(sheet!.data).toHaveLength(1 + 44);
    expect(sheet!.data.slice(1).every((r) => r[13] === "未填报")).toBe(true);
  });

  it("a unit's pages hold only its own tasks' indicators", async () => {
    const transport = await actorFor("交通局");
    const own = new Set((await listTasksFor(transport)).tasks.map((t) => t.id));
    const first = await getIndicatorTracking(transport, {}, { paging: paging(1) });
    expect(first.page.total).toBeGreaterThan(0);
    expect(first.page.total).toBeLessThan(45);
    for (let p = 1; p <= first.page.pages + 1; p++) {
      const page = await getIndicatorTracking(transport, {}, { paging: paging(p) });
      expect(page.page.rows.every((r) => own.has(r.task.id))).toBe(true);
      expect(page.counts.tracked).toBe(first.page.total);
    }
  });
});
