/** The "what changed" view between submitted versions: a small LCS diff. */
import { describe, expect, it } from "vitest";
import { diffText, diffTokens, diffVersions, tokenize, type DiffPart, type VersionFields } from "@/components/report/diff";

const textBefore = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== "added")
    .map((p) => p.text)
    .join("");
const textAfter = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.kind !== "removed")
    .map((p) => p.text)
    .join("");

describe("tokenize", () => {
  it("keeps Latin words and numbers whole and cuts Chinese into characters", () => {
    expect(tokenize("完成 30% of plan")).toEqual(["完", "成", " ", "30%", " ", "of", " ", "plan"]);
  });
});

describe("diffText", () => {
  it("equal texts are one unchanged part; empty to empty is nothing", () => {
    expect(diffText("一样", "一样")).toEqual([{ kind: "same", text: "一样" }]);
    expect(diffText("", "")).toEqual([]);
  });

  it("marks an inserted phrase", () => {
    expect(diffText("完成路网建设", "完成农村路网建设")).toEqual([
      { kind: "same", text: "完成" },
      { kind: "added", text: "农村" },
      { kind: "same", text: "路网建设" },
    ]);
  });

  it("shows a changed number as one removal and one addition", () => {
    expect(diffText("累计完成30%。", "累计完成45%。")).toEqual([
      { kind: "same", text: "累计完成" },
      { kind: "removed", text: "30%" },
      { kind: "added", text: "45%" },
      { kind: "same", text: "。" },
    ]);
  });

  it("from and to nothing", () => {
    expect(diffText("", "新增内容")).toEqual([{ kind: "added", text: "新增内容" }]);
    expect(diffText("删除内容", "")).toEqual([{ kind: "removed", text: "删除内容" }]);
  });

  it("always reproduces both texts", () => {
    const pairs: [string, string][] = [
      ["召开专题推进会，赴现场督导检查。\n资金到位较慢。", "召开推进会，赴现场检查；协调资金。\n资金已到位。"],
      ["abc def ghi", "abc xyz ghi jkl"],
      ["<script>alert(1)</script>", "<b>ok</b>"],
      ["第一行\n第二行\n第三行", "第一行\n第三行\n第四行"],
    ];
    for (const [a, b] of pairs) {
      const parts = diffText(a, b);
      expect(textBefore(parts)).toBe(a);
      expect(textAfter(parts)).toBe(b);
      expect(parts.every((p, i) => i === 0 || parts[i - 1]!.kind !== p.kind)).toBe(true);
    }
  });

  it("is minimal: the unchanged part is the longest common subsequence", () => {
    const parts = diffTokens(Array.from("ABCBDAB"), Array.from("BDCABA"))!;
    expect(
      parts
        .filter((p) => p.kind === "same")
        .map((p) => p.text)
        .join(""),
    ).toHaveLength(4);
    expect(textBefore(parts)).toBe("ABCBDAB");
    expect(textAfter(parts)).toBe("BDCABA");
  });

  it("gives way to a line diff, then to replace-all, when the table would be too large", () => {
    expect(diffTokens(["a", "b"], ["c", "d"], 4)).toBeNull();
    // The common start and end are trimmed first; the middle (5 × 5 characters) is too large for 10 cells.
    const a = "头\n甲乙丙丁戊\n尾";
    const b = "头\n子丑寅卯辰\n尾";
    expect(diffText(a, b, 10)).toEqual([
      { kind: "same", text: "头\n" },
      { kind: "removed", text: "甲乙丙丁戊\n" },
      { kind: "added", text: "子丑寅卯辰\n" },
      { kind: "same", text: "尾" },
    ]);
    expect(diffText("甲乙丙\n丁", "戊己庚\n辛", 1)).toEqual([
      { kind: "removed", text: "甲乙丙\n丁" },
      { kind: "added", text: "戊己庚\n辛" },
    ]);
  });

  it("handles the longest allowed text quickly", () => {
    const a = "推进".repeat(2500);
    const b = `${"推进".repeat(1200)}新增${"推进".repeat(1300)}`;
    const started = Date.now();
    const parts = diffText(a, b);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(textAfter(parts)).toBe(b);
    expect(
      parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("新增");
  });
});

describe("diffVersions", () => {
  const v1: VersionFields = { progress: "完成勘察设计", percent: 20, progressState: "on_track", problems: "", nextSteps: "开工", coordinationRequest: "" };
  const v2: VersionFields = { ...v1, progress: "完成勘察设计和招标", percent: 35, progressState: "lagging" };

  it("lists every field of the first version as added", () => {
    const rows = diffVersions(null, v1);
    expect(rows.map((r) => r.label)).toEqual(["本期工作进展", "完成进度", "进展状态", "存在问题", "下步计划", "需协调事项"]);
    expect(rows.find((r) => r.field === "percent")?.parts).toEqual([{ kind: "added", text: "20%" }]);
  });

  it("marks which fields changed, with state labels in Chinese", () => {
    const rows = diffVersions(v1, v2);
    expect(rows.filter((r) => r.changed).map((r) => r.field)).toEqual(["progress", "percent", "progressState"]);
    expect(rows.find((r) => r.field === "progressState")?.parts).toEqual([
      { kind: "removed", text: "正常推进" },
      { kind: "added", text: "滞后" },
    ]);
  });
});
