/**
 * 目标跟踪: completion against target and 序时进度 from the latest submitted values, in the user's
 * task scope; counts; the year-end view's met/not met; the XLSX export.
 */
import readXlsxFile from "read-excel-file/node";
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db";
import { taskIndicators } from "@/db/schema";
import { approveReport, submitReport } from "@/lib/services/reports";
import { exportIndicatorTracking, getIndicatorTracking, INDICATOR_COLUMNS } from "@/lib/services/indicator-tracking";
import { actorFor, resetWithDemo } from "../support/db";

const PINNED = "2022-06-20T10:00+08:00"; // 序时进度 of a whole-year task: 46.7%
const ROAD = 24; // 实施农村路网建设300公里 — lead 交通局, leader 张军, cooperating 各苏木镇
const FIELDS = {
  progress: "完成农村公路新改建 120 公里。",
  percent: 40,
  progressState: "on_track" as const,
  problems: "",
  nextSteps: "",
  coordinationRequest: "",
};

async function confirmed(taskId: number, values: Partial<typeof taskIndicators.$inferInsert>) {
  const [row] = await db
    .insert(taskIndicators)
    .values({ taskId, name: "指标", comparator: ">=", target: 100, unit: "", status: "confirmed", ...values })
    .returning({ id: taskIndicators.id });
  return row!.id;
}

describe("indicator tracking", () => {
  let road: number;
  let unemployment: number;

  beforeEach(async () => {
    process.env.APP_NOW = PINNED;
    await resetWithDemo();
    road = await confirmed(ROAD, { name: "农村路网建设", target: 300, unit: "公里" });
    await confirmed(ROAD, { name: "未确认", target: 1, status: "proposed" });
    unemployment = await confirmed(12, { name: "城镇调查失业率", comparator: "<=", target: 4, unit: "%", measure: "level" });
    const head = await actorFor("交通局");
    await submitReport(head, { taskId: ROAD, periodIndex: 12, baseVersion: 0, fields: FIELDS, indicatorValues: [{ indicatorId: road, value: 120 }] });
  });
  afterAll(() => {
    delete process.env.APP_NOW;
  });

  it("120 of 300 公里 is 40%, behind a 序时进度 of 46.7%; an unreported indicator is 未填报", async () => {
    const tracking = await getIndicatorTracking(await actorFor("ducha"));
    const byId = new Map(tracking.rows.map((r) => [r.indicator.id, r]));
    expect(byId.get(road)).toMatchObject({
      completion: 40,
      expected: 46.7,
      pace: "behind",
      met: false,
      latest: { periodIndex: 12, periodLabel: "2022年6月下半月", value: 120 },
    });
    expect(byId.get(unemployment)).toMatchObject({ completion: null, pace: "no_value" });
    expect(tracking.counts).toEqual({ tracked: 2, met: 0, ahead: 0, on_pace: 0, behind: 1, no_value: 1 });
    expect(tracking.rows.every((r) => r.indicator.name !== "未确认")).toBe(true);
    // The importer's proposals (and the one inserted above) wait for confirmation and are counted apart.
    const [{ n }] = (await db.execute(sql`select count(*)::int as n from task_indicators where status = 'proposed'`)) as unknown as [{ n: number }];
    expect(n).toBeGreaterThan(1);
    expect(tracking.proposed).toBe(n);
    expect((await getIndicatorTracking(await actorFor("张军"))).proposed).toBeLessThan(n);
  });

  it("a value waiting for the head's sign-off does not count until approved", async () => {
    const airport = await confirmed(27, { name: "通用机场建设", target: 1, unit: "个" }); // 27: lead 交通局
    const filer = await actorFor("交通局-填报");
    await submitReport(filer, { taskId: 27, periodIndex: 12, baseVersion: 0, fields: FIELDS, indicatorValues: [{ indicatorId: airport, value: 1 }] });
    const ducha = await actorFor("ducha");
    expect((await getIndicatorTracking(ducha)).rows.find((r) => r.indicator.id === airport)).toMatchObject({ pace: "no_value", latest: null });
    await approveReport(await actorFor("交通局"), { taskId: 27, periodIndex: 12 });
    expect((await getIndicatorTracking(ducha)).rows.find((r) => r.indicator.id === airport)).toMatchObject({
      pace: "met",
      met: true,
      completion: 100,
      latest: { value: 1 },
    });
  });

  it("each user sees the indicators of their own tasks only", async () => {
    const names = async (username: string) => (await getIndicatorTracking(await actorFor(username))).rows.map((r) => r.indicator.name).sort();
    expect(await names("张军")).toEqual(["农村路网建设"]);
    expect(await names("王国泉")).toEqual(["农村路网建设", "城镇调查失业率"]);
    expect(await names("崔婧")).not.toContain("农村路网建设");
    expect(await names("交通局")).toContain("农村路网建设");
    expect(await names("乌兰镇")).toContain("农村路网建设"); // cooperates through 各苏木镇
    expect(await names("农牧局")).not.toContain("农村路网建设");
  });

  it("filters by standing; the year-end view at the year's end says which targets were met", async () => {
    const ducha = await actorFor("ducha");
    expect((await getIndicatorTracking(ducha, { pace: "behind" })).rows.map((r) => r.indicator.id)).toEqual([road]);
    process.env.APP_NOW = "2023-01-05T10:00+08:00";
    const end = await getIndicatorTracking(ducha, { view: "year-end" });
    expect(end.yearOver).toBe(true);
    expect(end.rows.find((r) => r.indicator.id === road)).toMatchObject({ expected: 100, met: false });
  });

  it("exports the rows the user sees, one per indicator, with the figures", async () => {
    const file = await exportIndicatorTracking(await actorFor("张军"), {});
    const [sheet] = await readXlsxFile(Buffer.from(await new Response(file.stream).arrayBuffer()));
    expect(sheet!.sheet).toBe("目标跟踪");
    const rows = sheet!.data;
    expect(rows[0]).toEqual([...INDICATOR_COLUMNS]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual([
      24,
      "实施农村路网建设300公里。",
      "张军",
      "交通局",
      "农村路网建设",
      "≥300公里",
      "≥（以上）",
      "累计",
      null,
      120,
      "2022年6月下半月",
      40,
      46.7,
      "滞后序时",
      "否",
    ]);
  });
});
