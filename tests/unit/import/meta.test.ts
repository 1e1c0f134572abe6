import { describe, expect, it } from "vitest";
import { bodyYearWarnings, findDocumentNumber, findTitle, findYear } from "@/lib/import/meta";
import type { SourceLine } from "@/lib/import/types";

function lines(...texts: string[]): SourceLine[] {
  return texts.map((text, i) => ({ line: i + 1, text }));
}

describe("findTitle", () => {
  it("prefers the table's own title line, trimmed", () => {
    const preamble = lines(
      "关于分解落实2022年政府工作报告目标任务的通知",
      "　　附件：2022年政府工作报告目标任务分解表\u00a0",
      " 2022年政府工作报告目标任务分解表",
      "\u00a0",
    );
    expect(findTitle(preamble)).toEqual({ title: "2022年政府工作报告目标任务分解表", line: 3 });
  });

  it("falls back to the 附件 line's name, then to the first line", () => {
    expect(findTitle(lines("关于印发的通知", "附件1：《2023年重点工作任务清单》"))).toEqual({ title: "2023年重点工作任务清单", line: 2 });
    expect(findTitle(lines("", "关于分解落实2024年政府工作报告目标任务的通知", "正文"))).toEqual({
      title: "关于分解落实2024年政府工作报告目标任务的通知",
      line: 2,
    });
    expect(findTitle([])).toEqual({ title: "", line: null });
  });
});

describe("findYear", () => {
  it("reads the title's year, else the notice's, else the file name's", () => {
    expect(findYear("2022年政府工作报告目标任务分解表", lines("2021年的通知"))).toBe(2022);
    expect(findYear("目标任务分解表", lines("关于分解落实2023年政府工作报告目标任务的通知"))).toBe(2023);
    expect(findYear("目标任务分解表", [], "分解表-2025.xlsx")).toBe(2025);
    expect(findYear("目标任务分解表", lines("通知"), "分解表.xlsx")).toBeNull();
  });
});

describe("findDocumentNumber", () => {
  it.each([
    ["鄂托政办发〔2022〕15号", "鄂托政办发〔2022〕15号"],
    ["  鄂府办字[2023] 7 号", "鄂府办字[2023]7号"],
    ["〔2021〕3号", "〔2021〕3号"],
  ])("reads %s", (line, expected) => {
    expect(findDocumentNumber(lines("通知", line))).toBe(expected);
  });

  it("is null when there is none", () => {
    expect(findDocumentNumber(lines("2022年政府工作报告目标任务分解表"))).toBeNull();
  });
});

describe("bodyYearWarnings", () => {
  it("warns once per other year on a line", () => {
    expect(bodyYearWarnings(lines("2022年是关键一年，确保2020年…2020年", "2022年"), 2022)).toEqual([
      { line: 1, message: "正文提到 2020 年，与标题年份 2022 年不一致（以标题年份为准，请核对是否笔误）" },
    ]);
  });
});
