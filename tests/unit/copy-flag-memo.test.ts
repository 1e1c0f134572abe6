/** The remembered copy flag scores as copyFlagOf does, for a pair seen before and a new one. */
import { describe, expect, it } from "vitest";
import { rememberedCopyFlag } from "@/lib/overview/copy-flag-memo";
import { copyFlagOf } from "@/lib/overview/similarity";

describe("rememberedCopyFlag", () => {
  it("gives copyFlagOf's answer, the first time and again", () => {
    const pairs: [string, string][] = [
      ["完成 2 座桥梁的前期设计。", "完成 3 座桥梁的前期设计。"],
      ["召开专题推进会。", "召开专题推进会。"],
      ["赴现场督导检查。", "完成农村公路新改建 40 公里。"],
      ["", ""],
    ];
    for (const [a, b] of pairs) {
      expect(rememberedCopyFlag(a, b)).toEqual(copyFlagOf(a, b));
      expect(rememberedCopyFlag(a, b)).toEqual(copyFlagOf(a, b));
    }
    // The pair is ordered: the previous text and the current one are not swapped.
    expect(rememberedCopyFlag("甲乙丙丁", "甲乙")).toEqual(copyFlagOf("甲乙丙丁", "甲乙"));
    expect(rememberedCopyFlag("甲乙", "甲乙丙丁")).toEqual(copyFlagOf("甲乙", "甲乙丙丁"));
  });
});
