/** 比对: how alike a report is to the task's previous one, and the 套话/照抄 flag. */
import { describe, expect, it } from "vitest";
import { compareReports, copyFlagOf, COPY_THRESHOLD, formatPercentDelta, normalizeForComparison, textSimilarity } from "@/lib/overview/similarity";

const previous = "召开专题推进会，围绕第24项任务推进各项工作，累计完成年度目标的30%。下一步将加快项目前期手续办理。";

describe("normalizeForComparison", () => {
  it("drops whitespace, punctuation and symbols, folds full-width forms and every digit run to one 0", () => {
    expect(normalizeForComparison(" 完成 30%，\n 签约项目２０个！")).toBe("完成0签约项目0个");
    expect(normalizeForComparison("增长 8.5% 左右")).toBe("增长0左右");
  });
});

describe("textSimilarity", () => {
  it("is 1 for the same text and for text that differs only in spacing and punctuation", () => {
    expect(textSimilarity(previous, previous)).toBe(1);
    expect(textSimilarity("完成年度目标。", "完成 年度 目标")).toBe(1);
  });
  it("is 0 for texts with nothing in common, and against an empty text", () => {
    expect(textSimilarity("召开专题推进会", "资金到位较慢")).toBe(0);
    expect(textSimilarity("", "资金到位较慢")).toBe(0);
  });
  it("is symmetric and between 0 and 1", () => {
    const a = "赴现场督导检查，协调解决用地问题";
    const b = "组织相关单位会商，协调解决资金问题";
    expect(textSimilarity(a, b)).toBeCloseTo(textSimilarity(b, a));
    expect(textSimilarity(a, b)).toBeGreaterThan(0);
    expect(textSimilarity(a, b)).toBeLessThan(1);
  });
  it("counts repeated bigrams as a multiset (a repeated phrase is not free)", () => {
    expect(textSimilarity("推进推进推进", "推进")).toBeLessThan(0.5);
  });
});

describe("copyFlagOf", () => {
  it("flags an identical text as copied", () => {
    expect(copyFlagOf(previous, previous)).toEqual({ similarity: 1, flag: "identical" });
    expect(copyFlagOf(previous, `  ${previous.replace("，", "， ")}\n`).flag).toBe("identical");
  });
  it("flags a near-identical text — only a number changed — as 套话", () => {
    const current = previous.replace("30%", "45%");
    const result = copyFlagOf(previous, current);
    expect(result.flag).toBe("near");
    expect(result.similarity).toBeGreaterThanOrEqual(COPY_THRESHOLD);
  });
  it("flags a text with one small phrase changed, at the threshold", () => {
    const current = previous.replace("召开专题推进会", "召开专题调度会");
    expect(copyFlagOf(previous, current).similarity).toBeGreaterThanOrEqual(0.9);
    expect(copyFlagOf(previous, current).flag).toBe("near");
  });
  it("does not flag a genuinely different report", () => {
    const current = "赴现场督导检查，协调解决征地拆迁中的三个难点问题，完成项目可研批复，开工建设进入倒计时。";
    const result = copyFlagOf(previous, current);
    expect(result.flag).toBeNull();
    expect(result.similarity).toBeLessThan(0.5);
  });
  it("does not flag two empty texts", () => {
    expect(copyFlagOf("", " ").flag).toBeNull();
  });
});

describe("compareReports", () => {
  it("gives the progress delta and the flag against the previous report", () => {
    expect(compareReports({ periodIndex: 11, progress: previous, percent: 30 }, { progress: previous, percent: 35 })).toEqual({
      previousPeriodIndex: 11,
      similarity: 1,
      flag: "identical",
      percentDelta: 5,
    });
  });
  it("is null with nothing to compare against", () => {
    expect(compareReports(null, { progress: previous, percent: 35 })).toBeNull();
  });
  it("formats the delta with a sign", () => {
    expect([formatPercentDelta(5), formatPercentDelta(0), formatPercentDelta(-3)]).toEqual(["+5", "±0", "−3"]);
  });
});
