/** The rubric's shape (zod, Chinese messages), its default, full marks and rounding. */
import { describe, expect, it } from "vitest";
import { DEFAULT_RUBRIC, fullMarks, parseRubric, round2, rubricSchema } from "@/lib/assessment/rubric";
import { createAssessmentSchema } from "@/lib/services/assessment-schemas";

const messages = (value: unknown) => {
  const parsed = rubricSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("rubric", () => {
  it("offers 30/30/20/20 with −2 per criticism, −1 per overdue 整改 and +1 per commendation, capped", () => {
    expect(fullMarks(DEFAULT_RUBRIC)).toBe(100);
    expect(DEFAULT_RUBRIC.find((i) => i.kind === "criticism")).toEqual({ kind: "criticism", pointsEach: 2, cap: 10 });
    expect(DEFAULT_RUBRIC.find((i) => i.kind === "overdue_rectification")).toEqual({ kind: "overdue_rectification", pointsEach: 1, cap: 5 });
    expect(DEFAULT_RUBRIC.find((i) => i.kind === "commendation")).toEqual({ kind: "commendation", pointsEach: 1, cap: 5 });
    expect(messages(DEFAULT_RUBRIC)).toEqual([]);
  });

  it("reads a stored rubric back in the canonical order", () => {
    const stored = [
      { kind: "commendation", pointsEach: 1, cap: null },
      { kind: "quality", points: 40 },
      { kind: "on_time", points: 60 },
    ];
    expect(parseRubric(stored).map((i) => i.kind)).toEqual(["on_time", "quality", "commendation"]);
  });

  it("refuses a kind twice, negative points, more than two decimals, unknown fields and kinds, with Chinese messages", () => {
    expect(
      messages([
        { kind: "on_time", points: 50 },
        { kind: "on_time", points: 50 },
      ]),
    ).toContain("每项考核内容只能设置一次");
    expect(messages([{ kind: "on_time", points: -1 }])).toContain("分值不能为负数");
    expect(messages([{ kind: "on_time", points: 10.125 }])).toContain("分值最多两位小数");
    expect(messages([{ kind: "on_time", points: 10, extra: 1 }]).length).toBeGreaterThan(0);
    expect(messages([{ kind: "sign_ins", points: 10 }]).length).toBeGreaterThan(0);
    expect(messages([])).toContain("请至少设置一项考核内容");
    expect(messages([{ kind: "criticism", pointsEach: 2, cap: null }])).toContain("请至少为一项按比例计分的内容设置分值");
    expect(() => parseRubric([{ kind: "online_time", points: 10 }])).toThrow();
  });

  it("rounds half away from zero to 0.01", () => {
    expect(round2((30 * 6) / 7)).toBe(25.71);
    expect(round2((20 * 2) / 6)).toBe(6.67);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-2.345)).toBe(-2.35);
    expect(round2(0)).toBe(0);
  });

  it("asks for a quarter exactly when the period is a quarter", () => {
    const base = { planId: 1, title: "考核", objectionDays: 5, items: DEFAULT_RUBRIC };
    expect(createAssessmentSchema.safeParse({ ...base, periodKind: "year", quarter: null }).success).toBe(true);
    expect(createAssessmentSchema.safeParse({ ...base, periodKind: "quarter", quarter: 2 }).success).toBe(true);
    const wrong = createAssessmentSchema.safeParse({ ...base, periodKind: "quarter", quarter: null });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.message).toBe("季度考核须选择季度，年度考核不选季度");
    expect(createAssessmentSchema.safeParse({ ...base, periodKind: "year", quarter: null, objectionDays: 0 }).error?.issues[0]?.message).toBe(
      "异议期至少 1 天",
    );
  });
});
