/**
 * 考核 on the 2022 demo (the seeded table, reports from 3月上半月 to the clock 2022-06-20 10:00), with a
 * 通报批评 of 统计局 (整改 due 6月15日, never filed) and a 通报表扬 of 公安局 and 国资委, both published on
 * 6月10日. Three units' year scores are checked against figures worked by hand below (the counts checked
 * again with SQL of this file's own); then adjustments and objections (audited, the window enforced, bad
 * input refused in Chinese writing nothing), publishing (考核通报〔2022〕第1号, the table frozen in its
 * snapshot) and the XLSX export.
 */
import ExcelJS from "exceljs";
import { and, asc, eq, gt, max, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { assessmentAdjustments, assessmentObjections, assessments, auditLog, escalations, notices, notifications, rectifications, units } from "@/db/schema";
import { DEFAULT_RUBRIC } from "@/lib/assessment/rubric";
import { copyFlagOf } from "@/lib/overview/similarity";
import { seedDemoReports } from "@/lib/plans/demo-reports";
import { type AssessmentSnapshot, createAssessment, exportAssessment, getAssessmentTable, getUnitBreakdown } from "@/lib/services/assessments";
import { draftCriticism, publishNotice } from "@/lib/services/notices";
import { actorFor, resetWithDemo } from "../support/db";
import { session } from "../support/fake-session";

vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

const office = await import("@/app/(app)/supervision/assessments/actions");
const unitActions = await import("@/app/(app)/assessments/actions");

const AT = "2022-06-20T10:00:00+08:00";
const NOTICES_AT = "2022-06-10T10:00:00+08:00";

const unitId = async (name: string) => (await db.select({ id: units.id }).from(units).where(eq(units.name, name)))[0]!.id;
const one = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as T[])[0]!;
/** The audit log is append-only (never reset): only the rows this file wrote count, not those of files run before it on this database. */
let auditFloor = 0;
const auditRows = (action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gt(auditLog.id, auditFloor)))
    .orderBy(asc(auditLog.id));

let assessmentId: number;

beforeAll(async () => {
  await resetWithDemo();
  const [last] = await db.select({ id: max(auditLog.id) }).from(auditLog);
  auditFloor = Number(last?.id ?? 0);
  await seedDemoReports(db, { at: new Date(AT), reportingStartPeriod: 5 });
  // The notices, on 6月10日 (period 10 = 5月下半月 is a period the office may cite then).
  process.env.APP_NOW = NOTICES_AT;
  const ducha = await actorFor("ducha");
  const criticism = await draftCriticism(ducha, { periodIndex: 10, unitIds: [await unitId("统计局")], rectificationDueDate: "2022-06-15" });
  await publishNotice(ducha, { id: criticism.id });
  const commendation = await draftCriticism(ducha, {
    kind: "commendation",
    periodIndex: 10,
    unitIds: [await unitId("公安局"), await unitId("国资委")],
    rectificationDueDate: "",
  });
  await publishNotice(ducha, { id: commendation.id });
  process.env.APP_NOW = AT;
  assessmentId = (
    await createAssessment(ducha, { planId: 1, title: "2022年度目标任务考核", periodKind: "year", quarter: null, objectionDays: 5, items: DEFAULT_RUBRIC })
  ).id;
}, 120_000);

afterAll(() => {
  delete process.env.APP_NOW;
});

describe("通报表扬", () => {
  it("is numbered of its own, names its units, and orders no 整改 and no escalation step", async () => {
    const [row] = await db.select().from(notices).where(eq(notices.kind, "commendation"));
    expect(row).toMatchObject({ status: "published", number: 1, rectificationDueAt: null });
    expect(row!.title).toBe("关于对公安局、国资委的通报表扬");
    expect(await db.select().from(rectifications).where(eq(rectifications.noticeId, row!.id))).toEqual([]);
    expect(await db.select().from(escalations).where(eq(escalations.noticeId, row!.id))).toEqual([]);
  });
});

describe("the 2022 demo's year table, by hand", () => {
  /*
   * Common to all three: the plan's first reporting half month is 5 (3月上半月); a half month is due at
   * the end of its last day, so at 6月20日 10:00 the periods 5–11 (3月上半月 … 6月上半月) are due: 7 each.
   * 序时进度 at the clock (no task below has a 完成时限): 1月1日 → 6月20日 10:00 is 31+28+31+30+31+19 = 170
   * days and 10 hours = 170.4167 of 365 days = 46.7%; 达进度 needs at least 46.7 − 5 = 41.7%.
   * 报送质量 counts reports the office has decided on: 5–10 are 已审核 (accepted), 11 is still 已报送 (not counted).
   */
  it("国资委: 70 computed, +1 commendation", async () => {
    /*
     * Leads task 21, cooperates on task 18.
     * 按时报送: reports of 21 for periods 5–11, all in and none late: 7/7; inputs to 18 for 5–11, all in, none late: 7/7
     *   → 14/14 → 30.
     * 进度达标: task 21's latest report (period 11) says 32% < 41.7 → 欠进度: 0/1 → 0.
     * 目标完成: task 21 has no confirmed indicator → 无应报事项 → 20.
     * 报送质量: periods 5–10 accepted at the first submission, none copied → 6/6 → 20.
     * 通报表扬〔2022〕第1号 names it: +1.  Total 30 + 0 + 20 + 20 + 1 = 71.
     */
    const id = await unitId("国资委");
    const counts = await one<{ lead: number; coop: number; onTimeReports: number; onTimeInputs: number }>(sql`
      select (select count(*)::int from task_units where unit_id = ${id} and role = 'lead') as lead,
             (select count(*)::int from task_units where unit_id = ${id} and role = 'cooperating') as coop,
             (select count(*)::int from progress_reports pr join task_units tu on tu.task_id = pr.task_id and tu.unit_id = ${id} and tu.role = 'lead'
               where pr.period_index between 5 and 11 and pr.status in ('submitted', 'accepted') and not pr.late) as "onTimeReports",
             (select count(*)::int from contributions where unit_id = ${id} and period_index between 5 and 11 and status = 'submitted' and not late) as "onTimeInputs"`);
    expect(counts).toEqual({ lead: 1, coop: 1, onTimeReports: 7, onTimeInputs: 7 });
    const row = await rowOf("国资委");
    expect(points(row)).toEqual({ on_time: 30, on_pace: 0, targets_met: 20, quality: 20, criticism: 0, overdue_rectification: 0, commendation: 1 });
    expect(row.items.find((i) => i.kind === "on_time")).toMatchObject({ numerator: 14, denominator: 14 });
    expect(row.items.find((i) => i.kind === "targets_met")).toMatchObject({ noneOwed: true });
    expect(row.items.find((i) => i.kind === "quality")).toMatchObject({ numerator: 6, denominator: 6, notCounted: 1 });
    expect(row.total).toBe(71);
  });

  it("公安局: one late report, on pace, +1 commendation", async () => {
    /*
     * Leads task 30 only.
     * 按时报送: reports 5–11 all in; period 9's came on 5月18日 04:00 after its due time (5月16日 00:00): late.
     *   6/7 → 30 × 6/7 = 25.714 → 25.71.
     * 进度达标: latest report (period 11) 42% ≥ 41.7 → 达进度: 1/1 → 30.
     * 目标完成: no confirmed indicator → 20.
     * 报送质量: 5–10 accepted at first submission (lateness is 按时报送's, not quality's), none copied → 6/6 → 20.
     * 通报表扬: +1.  Total 25.71 + 30 + 20 + 20 + 1 = 96.71.
     */
    const id = await unitId("公安局");
    const late = await one<{ late: number; reports: number }>(sql`
      select count(*) filter (where pr.late)::int as late, count(*)::int as reports from progress_reports pr
      join task_units tu on tu.task_id = pr.task_id and tu.unit_id = ${id} and tu.role = 'lead'
      where pr.period_index between 5 and 11 and pr.status in ('submitted', 'accepted')`);
    expect(late).toEqual({ late: 1, reports: 7 });
    const row = await rowOf("公安局");
    expect(points(row)).toEqual({ on_time: 25.71, on_pace: 30, targets_met: 20, quality: 20, criticism: 0, overdue_rectification: 0, commendation: 1 });
    expect(row.total).toBe(96.71);
  });

  it("统计局: missing inputs, behind pace, 2 of 6 targets, copied reports, criticised and 整改 overdue", async () => {
    /*
     * Leads task 12, cooperates on task 13.
     * 按时报送: reports of 12 for 5–11 all in on time (7); inputs to 13 in for 5, 7, 9, 10, 11, none late, none
     *   for 6 and 8 (5) → 12/14 → 30 × 12/14 = 25.714 → 25.71.
     * 进度达标: latest report 36% < 41.7 → 欠进度 → 0.
     * 目标完成: six confirmed indicators of task 12, latest values (period 11's report):
     *   地区生产总值增长 ≈8%: 8.4, within 8 ± 0.4 → met;  固定资产投资增长 ≈15%: 14.1, outside 15 ± 0.75 → not;
     *   社会消费品零售总额增长 ≈6%: 5.6, outside 6 ± 0.3 → not;  一般公共预算收入增长 ≈6%: 6.2 → met;
     *   城镇居民人均可支配收入 =56200: 17695.7 → not;  农村居民人均可支配收入 =25800: 7983.9 → not.
     *   2/6 → 20 × 2/6 = 6.67.
     * 报送质量: 5–10 accepted at first submission; of these, 3 repeat the previous period's text (照抄/疑似套话,
     *   counted below with the similarity rule on the texts read here) → 3/6 → 20 × 3/6 = 10.
     * 通报批评〔2022〕第1号 (6月10日): −2.  Its 整改 was due 6月15日 24:00 and never filed: −1.
     * Total 25.71 + 0 + 6.67 + 10 − 2 − 1 = 39.38.
     */
    const id = await unitId("统计局");
    const inputs = await one<{ periods: number[] }>(sql`
      select array_agg(period_index order by period_index) as periods from contributions c join tasks t on t.id = c.task_id
      where c.unit_id = ${id} and t.seq = 13 and c.status = 'submitted' and not c.late and c.period_index between 5 and 11`);
    expect(inputs.periods).toEqual([5, 7, 9, 10, 11]);
    const values = (await db.execute(sql`
      select i.name, i.comparator, i.target::float as target, (select iv.value::float from indicator_values iv where iv.indicator_id = i.id order by iv.period_index desc limit 1) as value
      from task_indicators i join tasks t on t.id = i.task_id where t.seq = 12 and i.status = 'confirmed' order by i.position`)) as unknown as {
      name: string;
      value: number;
    }[];
    expect(values.map((v) => [v.name, v.value])).toEqual([
      ["地区生产总值增长", 8.4],
      ["固定资产投资增长", 14.1],
      ["社会消费品零售总额增长", 5.6],
      ["一般公共预算收入增长", 6.2],
      ["城镇居民人均可支配收入", 17695.7],
      ["农村居民人均可支配收入", 7983.9],
    ]);
    const texts = (await db.execute(sql`
      select pr.period_index, pr.status, pr.submissions, (select rv.progress from report_versions rv where rv.report_id = pr.id order by rv.number desc limit 1) as progress
      from progress_reports pr join tasks t on t.id = pr.task_id where t.seq = 12 and pr.period_index between 4 and 10 order by pr.period_index`)) as unknown as {
      period_index: number;
      status: string;
      submissions: number;
      progress: string | null;
    }[];
    let clean = 0;
    // Period 5 is the first report (nothing to copy from); each later one is compared with the one before.
    for (let i = 0; i < texts.length; i++) {
      const [previous, current] = [texts[i - 1]?.progress ?? null, texts[i]!];
      if (current.status === "accepted" && current.submissions === 1 && (previous === null || copyFlagOf(previous, current.progress!).flag === null)) clean++;
    }
    expect(clean).toBe(3);
    const row = await rowOf("统计局");
    expect(points(row)).toEqual({ on_time: 25.71, on_pace: 0, targets_met: 6.67, quality: 10, criticism: -2, overdue_rectification: -1, commendation: 0 });
    expect(row.total).toBe(39.38);
    const criticism = row.items.find((i) => i.kind === "criticism")!;
    expect(criticism.evidence[0]!.text).toMatch(/^通报批评〔2022〕第1号《/);
  });

  it("counts no input the lead unit collects (由牵头单位汇总): 统计局's reports alone, 7/7 → 30", async () => {
    const id = await unitId("统计局");
    const [task13] = (await db.execute(sql`select id from tasks where plan_id = 1 and seq = 13`)) as unknown as { id: number }[];
    await db.execute(
      sql`insert into collected_inputs (task_id, unit_id, created_by) values (${task13!.id}, ${id}, (select id from users where username = 'ducha'))`,
    );
    try {
      const row = await rowOf("统计局");
      expect(points(row).on_time).toBe(30);
    } finally {
      await db.execute(sql`delete from collected_inputs where task_id = ${task13!.id} and unit_id = ${id}`);
    }
    expect(points(await rowOf("统计局")).on_time).toBe(25.71);
  });

  it("links every point to the record behind it", async () => {
    const row = await rowOf("统计局");
    const hrefs = row.items.flatMap((i) => i.evidence.map((e) => e.href));
    expect(hrefs.length).toBeGreaterThan(20);
    for (const href of hrefs) expect(href).toMatch(/^\/(tasks\/\d+(\/reports\/\d+|\/indicators)?|notices\/\d+)$/);
  });
});

async function rowOf(name: string) {
  const table = await getAssessmentTable(await actorFor("ducha"), assessmentId);
  const row = table.rows.find((r) => r.unitName === name);
  if (!row) throw new Error(`${name} not in the table`);
  return row;
}
const points = (row: Awaited<ReturnType<typeof rowOf>>) => Object.fromEntries(row.items.map((i) => [i.kind, i.points]));

describe("adjustments, objections, publishing", () => {
  it("refuses bad input in Chinese and writes nothing", async () => {
    session.actor = await actorFor("ducha");
    const before = (await db.select().from(assessmentAdjustments)).length;
    const noReason = await office.adjustScoreAction({ assessmentId, unitId: await unitId("国资委"), points: 1, reason: "   " });
    expect(noReason).toMatchObject({ ok: false });
    expect(JSON.stringify(noReason)).toContain("请写明调整理由");
    const zero = await office.adjustScoreAction({ assessmentId, unitId: await unitId("国资委"), points: 0, reason: "无" });
    expect(JSON.stringify(zero)).toContain("调整分值不能为 0");
    const smuggled = await office.adjustScoreAction({ assessmentId, unitId: await unitId("国资委"), points: 1, reason: "理由", createdBy: 1 } as never);
    expect(JSON.stringify(smuggled)).toContain("不接受的字段");
    const notInTable = await office.adjustScoreAction({ assessmentId, unitId: 99_999, points: 1, reason: "理由" });
    expect(JSON.stringify(notInTable)).toContain("该单位不在本次考核范围内");
    const badRubric = await office.createAssessmentAction({
      planId: 1,
      title: "第二季度",
      periodKind: "quarter",
      quarter: 2,
      objectionDays: 5,
      items: [{ kind: "on_time", points: -3 }],
    });
    expect(JSON.stringify(badRubric)).toContain("分值不能为负数");
    expect((await db.select().from(assessmentAdjustments)).length).toBe(before);
    expect((await db.select().from(assessments)).length).toBe(1);
  });

  it("adjusts a score with its reason, audited, shown to the unit", async () => {
    session.actor = await actorFor("ducha");
    const result = await office.adjustScoreAction({
      assessmentId,
      unitId: await unitId("国资委"),
      points: 1.5,
      reason: "牵头任务21项经核实已完成年度投资计划",
    });
    expect(result.ok).toBe(true);
    const [audit] = await auditRows("assessment.adjust");
    expect(audit).toMatchObject({ entity: "assessment_adjustment", actorRole: "supervisor" });
    expect(audit!.after).toMatchObject({ points: 1.5, reason: "牵头任务21项经核实已完成年度投资计划", unitName: "国资委", total: 72.5 });
    expect((await rowOf("国资委")).total).toBe(72.5);
  });

  it("keeps a draft from units; opening tells each unit once", async () => {
    await expect(getUnitBreakdown(await actorFor("国资委"), assessmentId)).rejects.toMatchObject({ code: "not_found" });
    session.actor = await actorFor("国资委");
    expect(await unitActions.raiseObjectionAction({ assessmentId, itemKey: null, text: "异议" })).toMatchObject({ ok: false });
    expect(await db.select().from(assessmentObjections)).toEqual([]);
    session.actor = await actorFor("ducha");
    expect((await office.openAssessmentAction({ id: assessmentId })).ok).toBe(true);
    const told = await db.select().from(notifications).where(eq(notifications.kind, "assessment"));
    const table = await getAssessmentTable(await actorFor("ducha"), assessmentId);
    expect(told).toHaveLength(table.rows.length);
    expect(new Set(told.map((n) => n.unitId)).size).toBe(table.rows.length);
    expect(told[0]!.link).toBe(`/assessments/${assessmentId}`);
    expect(await auditRows("assessment.open")).toHaveLength(1);
    const own = await getUnitBreakdown(await actorFor("国资委"), assessmentId);
    expect(own.row.unitName).toBe("国资委");
    expect(own.row.adjustments.map((a) => a.reason)).toEqual(["牵头任务21项经核实已完成年度投资计划"]);
  });

  it("takes a unit's objection within the window, audited; bad input writes nothing", async () => {
    session.actor = await actorFor("国资委-填报");
    const empty = await unitActions.raiseObjectionAction({ assessmentId, itemKey: "on_pace", text: "" });
    expect(JSON.stringify(empty)).toContain("请写明异议内容");
    const unknownItem = await unitActions.raiseObjectionAction({ assessmentId, itemKey: "sign_ins", text: "异议" } as never);
    expect(unknownItem.ok).toBe(false);
    expect(await db.select().from(assessmentObjections)).toEqual([]);
    const raised = await unitActions.raiseObjectionAction({ assessmentId, itemKey: "on_pace", text: "第21项6月下半月已完成股权划转，进度应为50%" });
    expect(raised.ok).toBe(true);
    const [audit] = await auditRows("assessment.object");
    expect(audit).toMatchObject({ entity: "assessment_objection", actorRole: "unit", actorUnitId: await unitId("国资委") });
    expect(audit!.after).toMatchObject({ itemKey: "on_pace", unitId: await unitId("国资委") });
  });

  it("refuses an objection after the window with a clear message", async () => {
    // Opened 6月20日 10:00 with 5 days: the window closes 6月25日 10:00.
    process.env.APP_NOW = "2022-06-25T10:01:00+08:00";
    try {
      session.actor = await actorFor("国资委");
      const late = await unitActions.raiseObjectionAction({ assessmentId, itemKey: null, text: "补充异议" });
      expect(late).toMatchObject({ ok: false, message: "异议期已于 2022-06-25 10:00 截止，不能再提出异议" });
      expect(await db.select().from(assessmentObjections)).toHaveLength(1);
    } finally {
      process.env.APP_NOW = AT;
    }
  });

  it("answers an objection (采纳 + text), audited, the unit told and shown the answer; only once", async () => {
    const [objection] = await db.select().from(assessmentObjections);
    session.actor = await actorFor("ducha");
    const noAnswer = await office.answerObjectionAction({ id: objection!.id, upheld: true, answer: "" });
    expect(JSON.stringify(noAnswer)).toContain("请填写答复内容");
    expect((await office.answerObjectionAction({ id: objection!.id, upheld: true, answer: "经核实采纳，已调整得分" })).ok).toBe(true);
    const again = await office.answerObjectionAction({ id: objection!.id, upheld: false, answer: "再答" });
    expect(again).toMatchObject({ ok: false, message: "该异议已答复" });
    const [audit] = await auditRows("assessment.answer_objection");
    expect(audit!.after).toMatchObject({ state: "upheld", answer: "经核实采纳，已调整得分" });
    const told = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, "assessment"), eq(notifications.unitId, objection!.unitId)));
    expect(told.map((n) => n.title)).toContain("考核异议已答复（已采纳）：2022年度目标任务考核");
    const own = await getUnitBreakdown(await actorFor("国资委"), assessmentId);
    expect(own.objections[0]).toMatchObject({ state: "upheld", answer: "经核实采纳，已调整得分", itemLabel: "进度达标" });
  });

  it("publishes the table as 考核通报〔2022〕第1号, frozen with the adjustments, and exports it", async () => {
    session.actor = await actorFor("ducha");
    const published = await office.publishAssessmentAction({ id: assessmentId });
    expect(published).toMatchObject({ ok: true, data: { numberText: "考核通报〔2022〕第1号" } });
    const [assessment] = await db.select().from(assessments);
    expect(assessment).toMatchObject({ state: "published" });
    const [notice] = await db.select().from(notices).where(eq(notices.id, assessment!.noticeId!));
    expect(notice).toMatchObject({ kind: "assessment", status: "published", number: 1, year: 2022 });
    const snapshot = notice!.snapshot as AssessmentSnapshot;
    const guozi = snapshot.rows.find((r) => r.unitName === "国资委")!;
    expect(guozi).toMatchObject({ computed: 71, adjustment: 1.5, total: 72.5, adjustments: [{ points: 1.5, reason: "牵头任务21项经核实已完成年度投资计划" }] });
    expect(snapshot.rows.find((r) => r.unitName === "统计局")!.total).toBe(39.38);
    expect(notice!.title).toBe("关于2022年度目标任务考核结果的通报");
    // One line per unit: the share items, a deduction or an addition only when it applies, the adjustment with its reason.
    expect(notice!.body).toMatch(
      /\d+\. 国资委 72\.50分（按时报送30，进度达标0，目标完成20，报送质量20，通报表扬加分1，调整\+1\.50（牵头任务21项经核实已完成年度投资计划））/,
    );
    expect(notice!.body).toMatch(/\d+\. 统计局 39\.38分（按时报送25\.71，进度达标0，目标完成6\.67，报送质量10，通报批评扣分-2，整改逾期扣分-1）/);
    expect(await auditRows("assessment.publish")).toHaveLength(1);
    expect((await auditRows("notice.publish")).some((r) => (r.after as { kind?: string }).kind === "assessment")).toBe(true);
    // Frozen: no more adjustments, objections or a second publication.
    const adjust = await office.adjustScoreAction({ assessmentId, unitId: await unitId("国资委"), points: 1, reason: "再调" });
    expect(adjust).toMatchObject({ ok: false, message: "考核结果已发布，不能再调整得分" });
    expect((await office.publishAssessmentAction({ id: assessmentId })).ok).toBe(false);

    const file = await exportAssessment(await actorFor("ducha"), assessmentId);
    const buffer = Buffer.from(await new Response(file.stream).arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("考核结果")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "名次",
      "单位",
      "按时报送",
      "进度达标",
      "目标完成",
      "报送质量",
      "通报批评扣分",
      "整改逾期扣分",
      "通报表扬加分",
      "计算得分",
      "调整",
      "调整理由",
      "总分",
    ]);
    expect(sheet.rowCount - 1).toBe(snapshot.rows.length);
    const rows = [];
    for (let i = 2; i <= sheet.rowCount; i++) rows.push(sheet.getRow(i).values as unknown[]);
    const exported = rows.find((r) => r[2] === "国资委")!;
    expect(exported.slice(3)).toEqual([30, 0, 20, 20, 0, 0, 1, 71, 1.5, "+1.50：牵头任务21项经核实已完成年度投资计划", 72.5]);
    expect(file.filename).toContain("考核通报");
  });
});
