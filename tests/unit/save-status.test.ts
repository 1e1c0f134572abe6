import { describe, expect, it } from "vitest";
import { draftProblems, invalidDraftText, savedByText, saveStatusText } from "@/lib/reporting/save-status";
import { MAX_NOTE_CHARS, MAX_PROGRESS_CHARS, reportFieldsSchema, type ReportFields } from "@/lib/reporting/schemas";

const FIELDS: ReportFields = { progress: "完成路基 40 公里", percent: 30, progressState: "on_track", problems: "", nextSteps: "", coordinationRequest: "" };

/** The problems the form finds in what is typed, through the same schema the server uses. */
function problemsOf(fields: Partial<Record<keyof ReportFields, unknown>>, indicatorsInvalid = false) {
  const parsed = reportFieldsSchema.safeParse({ ...FIELDS, ...fields });
  return draftProblems(parsed.success ? [] : parsed.error.issues, indicatorsInvalid);
}

describe("the report form's save bar", () => {
  it("a field over its length limit: says what is wrong and that nothing is saved, never promises an autosave", () => {
    const problems = problemsOf({ progress: "字".repeat(MAX_PROGRESS_CHARS + 1) });
    expect(problems).toEqual([{ label: "本期工作进展", tooLong: true }]);
    const text = saveStatusText({ kind: "invalid", problems });
    expect(text).toBe("本期工作进展超出字数上限，未保存");
    expect(text).not.toContain("自动保存");
  });

  it("names every field that stops the save, in form order: too long first, then wrongly filled", () => {
    const problems = problemsOf({ coordinationRequest: "字".repeat(MAX_NOTE_CHARS + 1), percent: 150, progress: "字".repeat(MAX_PROGRESS_CHARS + 1) }, true);
    expect(problems.map((p) => p.label)).toEqual(["本期工作进展", "完成进度", "需协调事项", "量化指标数值"]);
    expect(invalidDraftText(problems)).toBe("本期工作进展、需协调事项超出字数上限，完成进度、量化指标数值填写有误，未保存");
    // A number that is not one (the browser's bad input) is wrongly filled, not too long.
    expect(saveStatusText({ kind: "invalid", problems: problemsOf({ percent: Number.NaN }) })).toBe("完成进度填写有误，未保存");
  });

  it("a valid draft has no problems, and the bar promises the autosave only then", () => {
    expect(problemsOf({})).toEqual([]);
    expect(saveStatusText({ kind: "unsaved" })).toBe("有未保存的修改（停止输入 3 秒后自动保存）");
    expect(saveStatusText({ kind: "conflict" })).not.toContain("停止输入");
  });

  it("a save shows the server's time in Shanghai (the app clock), however it arrived", () => {
    // 2022-06-20 10:00 in Shanghai, as a Date from the server action or a string from the keepalive request's JSON.
    expect(saveStatusText({ kind: "saved", at: new Date("2022-06-20T10:00+08:00"), auto: true })).toBe("已自动保存 2022-06-20 10:00");
    expect(saveStatusText({ kind: "saved", at: "2022-06-20T02:00:00.000Z", auto: false })).toBe("已保存 2022-06-20 10:00");
    expect(saveStatusText({ kind: "saved", at: null, auto: false })).toBe("已保存");
  });
});

describe("who saved the newer text", () => {
  it("says another window or someone else, at the server's time, and names the account", () => {
    const text = savedByText({ updatedAt: "2022-06-20T02:00:00.000Z", updatedByName: "交通局负责人", bySelf: false });
    expect(text).toBe("另一窗口或其他人于 2022-06-20 10:00 保存了新内容（保存账号：交通局负责人）");
    expect(text).not.toContain("同事");
  });

  it("tells the user when it was their own account (their other window or tab)", () => {
    expect(savedByText({ updatedAt: new Date("2022-06-20T10:00+08:00"), updatedByName: "交通局填报人", bySelf: true })).toBe(
      "另一窗口或其他人于 2022-06-20 10:00 保存了新内容（保存账号：交通局填报人，即您本人的账号）",
    );
    expect(savedByText({ updatedAt: new Date("2022-06-20T10:00+08:00"), updatedByName: null, bySelf: false })).toBe(
      "另一窗口或其他人于 2022-06-20 10:00 保存了新内容",
    );
  });
});
