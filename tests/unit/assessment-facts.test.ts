/**
 * From rows to a unit's facts (lib/assessment/facts.ts) on a fixed small plan: which periods are owed in
 * a span, lead and cooperating duties, pace at the span's end, the copy check, notices in the span and
 * overdue 整改. Dates are Shanghai time; a half month is due at the end of its last day.
 */
import { describe, expect, it } from "vitest";
import { type AssessmentRawFacts, buildUnitFacts, type FactReport } from "@/lib/assessment/facts";
import { assessmentSpan, judgedAt } from "@/lib/assessment/period";

const sh = (text: string) => new Date(`${text}+08:00`);

function report(taskId: number, periodIndex: number, over: Partial<FactReport> = {}): FactReport {
  return {
    id: taskId * 100 + periodIndex,
    taskId,
    periodIndex,
    status: "accepted",
    late: false,
    submittedAt: sh(`2022-0${Math.ceil(periodIndex / 2)}-10T10:00:00`),
    percent: 10 * periodIndex,
    progressState: "on_track",
    submissions: 1,
    progress: `第${periodIndex}期：召开推进会${periodIndex}次，完成项目审批、资金拨付和现场核查等工作`,
    previousProgress: periodIndex === 1 ? null : `第${periodIndex - 1}期：召开推进会${periodIndex - 1}次，完成项目审批、资金拨付和现场核查等工作`,
    ...over,
  };
}

function raw(over: Partial<AssessmentRawFacts> = {}): AssessmentRawFacts {
  return {
    plan: { id: 1, year: 2022, cadence: "half_monthly", reportingStartPeriod: 1, dueOffsetDays: 0, overrides: new Map() },
    units: [
      { id: 1, name: "甲局" },
      { id: 2, name: "乙镇" },
    ],
    tasks: [
      {
        id: 10,
        seq: 1,
        content: "任务一",
        cadence: null,
        dueOn: null,
        closedAfterPeriod: null,
        reportingStartPeriod: null,
        leadUnitIds: [1],
        cooperatingUnitIds: [2],
      },
    ],
    taskOverrides: new Map(),
    reports: [],
    contributions: [],
    indicators: [],
    notices: [],
    rectifications: [],
    ...over,
  };
}

describe("assessment spans", () => {
  it("runs a year or a quarter in Shanghai time and judges at its end or now", () => {
    const q2 = assessmentSpan(2022, "quarter", 2);
    expect(q2.start.toISOString()).toBe("2022-03-31T16:00:00.000Z");
    expect(q2.end.toISOString()).toBe("2022-06-30T16:00:00.000Z");
    expect(q2.label).toBe("2022年第二季度");
    expect(assessmentSpan(2022, "year", null).label).toBe("2022年度");
    expect(judgedAt(q2, sh("2022-05-01T00:00:00")).toISOString()).toBe(sh("2022-05-01T00:00:00").toISOString());
    expect(judgedAt(q2, sh("2023-01-05T00:00:00"))).toEqual(q2.end);
  });
});

describe("owed reports and inputs", () => {
  it("owes a quarter's half months whose due time has passed, the lead unit the report and the cooperating unit its input", () => {
    const span = assessmentSpan(2022, "quarter", 1);
    const reports = [1, 2, 3, 4, 5].map((p) => report(10, p, p === 3 ? { late: true } : {}));
    const facts = buildUnitFacts(
      raw({
        reports,
        contributions: [1, 2, 3].map((p) => ({
          taskId: 10,
          unitId: 2,
          periodIndex: p,
          status: "submitted" as const,
          late: false,
          submittedAt: sh("2022-01-10T00:00:00"),
        })),
      }),
      span,
      // 2022-03-20: periods 1–5 are due (the 5th at 3月16日 00:00), the 6th (3月下半月) is not yet.
      sh("2022-03-20T10:00:00"),
    );
    const [lead, cooperating] = facts;
    expect(lead!.owed.map((o) => [o.periodIndex, o.compliance])).toEqual([
      [1, "on_time"],
      [2, "on_time"],
      [3, "late"],
      [4, "on_time"],
      [5, "on_time"],
    ]);
    expect(cooperating!.owed.map((o) => [o.owes, o.periodIndex, o.compliance])).toEqual([
      ["contribution", 1, "on_time"],
      ["contribution", 2, "on_time"],
      ["contribution", 3, "on_time"],
      ["contribution", 4, "missing"],
      ["contribution", 5, "missing"],
    ]);
    // A cooperating unit is not judged on the lead unit's pace, targets or report quality.
    expect(cooperating!.paces).toEqual([]);
    expect(cooperating!.quality).toEqual([]);
  });

  it("owes nothing outside the span, and a unit with no duty owes nothing", () => {
    const facts = buildUnitFacts(
      raw({
        units: [
          { id: 1, name: "甲局" },
          { id: 3, name: "丙局" },
        ],
      }),
      assessmentSpan(2022, "quarter", 3),
      sh("2022-06-20T10:00:00"),
    );
    expect(facts[0]!.owed).toEqual([]);
    expect(facts[1]).toMatchObject({ owed: [], paces: [], indicators: [], quality: [] });
  });
});

describe("pace and quality", () => {
  it("judges pace by the latest report submitted by the span's end against 序时进度 then", () => {
    const span = assessmentSpan(2022, "quarter", 1);
    // 2022-04-01 00:00: 序时进度 = 90 days of 365 = 24.7%; the last report by then says 50% → 超进度.
    const reports = [1, 2, 3, 4, 5].map((p) => report(10, p));
    const [lead] = buildUnitFacts(raw({ reports }), span, sh("2022-12-01T00:00:00"));
    expect(lead!.paces).toEqual([{ taskId: 10, seq: 1, status: "ahead", percent: 50, expected: 24.7, atOrAhead: true }]);
    // The same task at 10%: 10 < 24.7 − 5 → 欠进度.
    const [behind] = buildUnitFacts(raw({ reports: [report(10, 1)] }), span, sh("2022-12-01T00:00:00"));
    expect(behind!.paces[0]).toMatchObject({ status: "behind", atOrAhead: false });
    // No report: 未报送.
    const [none] = buildUnitFacts(raw(), span, sh("2022-12-01T00:00:00"));
    expect(none!.paces[0]).toMatchObject({ status: "unreported", atOrAhead: false, percent: null });
  });

  it("flags a report copied from the task's previous one, a returned one, and one awaiting review", () => {
    const span = assessmentSpan(2022, "quarter", 1);
    const same = "召开专题推进会，赴现场督导检查，完成阶段性任务分解";
    const reports = [
      report(10, 1),
      report(10, 2, { progress: same, previousProgress: "第1期：开展调研摸底" }),
      report(10, 3, { progress: same, previousProgress: same }),
      report(10, 4, { submissions: 2 }),
      report(10, 5, { status: "submitted" }),
    ];
    const [lead] = buildUnitFacts(raw({ reports }), span, sh("2022-03-20T10:00:00"));
    expect(lead!.quality.map((q) => [q.periodIndex, q.state, q.copyFlag])).toEqual([
      [1, "clean", null],
      [2, "clean", null],
      [3, "copied", "identical"],
      // The default texts differ from the previous period's only in their numbers: 疑似套话 ("near"), but a
      // report returned or awaiting review is already out of the clean count for that reason.
      [4, "returned", "near"],
      [5, "pending", "near"],
    ]);
  });
});

describe("notices and rectifications", () => {
  it("counts criticisms and commendations published in the span, and 整改 not submitted by their due time", () => {
    const span = assessmentSpan(2022, "year", null);
    const facts = buildUnitFacts(
      raw({
        notices: [
          { id: 1, kind: "criticism", year: 2022, number: 1, title: "甲", publishedAt: sh("2022-05-01T10:00:00"), unitIds: [1, 2] },
          { id: 2, kind: "commendation", year: 2022, number: 1, title: "乙", publishedAt: sh("2022-05-02T10:00:00"), unitIds: [2] },
          { id: 3, kind: "criticism", year: 2021, number: 9, title: "去年", publishedAt: sh("2021-12-20T10:00:00"), unitIds: [1] },
        ],
        rectifications: [
          { id: 1, noticeId: 1, noticeKind: "criticism", noticeYear: 2022, noticeNumber: 1, unitId: 1, dueAt: sh("2022-05-10T23:59:59"), submittedAt: null },
          {
            id: 2,
            noticeId: 1,
            noticeKind: "criticism",
            noticeYear: 2022,
            noticeNumber: 1,
            unitId: 2,
            dueAt: sh("2022-05-10T23:59:59"),
            submittedAt: sh("2022-05-09T10:00:00"),
          },
          { id: 3, noticeId: 1, noticeKind: "criticism", noticeYear: 2022, noticeNumber: 1, unitId: 2, dueAt: sh("2022-06-30T23:59:59"), submittedAt: null },
        ],
      }),
      span,
      sh("2022-06-20T10:00:00"),
    );
    const [a, b] = facts;
    expect(a!.criticisms.map((n) => n.numberText)).toEqual(["通报批评〔2022〕第1号"]);
    expect(b!.criticisms).toHaveLength(1);
    expect(b!.commendations.map((n) => n.numberText)).toEqual(["通报表扬〔2022〕第1号"]);
    // 甲局's 整改 was due 5月10日 and never came: overdue. 乙镇 filed one in time; its other is not due yet.
    expect(a!.overdueRectifications.map((r) => r.rectificationId)).toEqual([1]);
    expect(b!.overdueRectifications).toEqual([]);
  });
});
