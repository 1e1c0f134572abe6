import { describe, expect, it } from "vitest";
import { guessWorkSource, planShortLabel, WORK_SOURCE_LABEL, WORK_SOURCES } from "@/lib/plans/sources";

describe("任务来源 from a document's title", () => {
  it.each([
    ["2022年政府工作报告目标任务分解表", "work_report"],
    ["鄂托克旗2022年政府工作报告重点工作任务分解方案", "work_report"],
    ["2023年十大民生实事项目责任分解表", "livelihood"],
    ["县政府第12次常务会议议定事项分解表", "meeting"],
    ["2022年第三季度县政府常务会纪要落实清单", "meeting"],
    ["县委书记批示件办理台账", "instruction"],
    ["2022年人大代表建议和政协提案办理分工方案", "proposal"],
    ["市政府交办事项落实台账", "higher_level"],
    ["2022年目标任务分解表", "work_report"],
  ] as const)("%s → %s", (title, source) => {
    expect(guessWorkSource(title)).toBe(source);
  });

  it("names every source in Chinese and labels plans by year and source", () => {
    expect(WORK_SOURCES.map((s) => WORK_SOURCE_LABEL[s])).toEqual(["政府工作报告", "民生实事", "会议议定事项", "领导批示", "上级交办", "建议提案", "其他"]);
    expect(planShortLabel({ year: 2023, source: "livelihood", kind: "table" })).toBe("2023年 民生实事");
    expect(planShortLabel({ year: 2022, source: "other", kind: "items" })).toBe("2022年 督办事项");
  });
});
