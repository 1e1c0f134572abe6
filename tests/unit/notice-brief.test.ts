/**
 * Task text quoted in a notice (第44项“…”) is shortened at a clause boundary with every quotation
 * mark and bracket it opened closed again — never mid-phrase — or quoted in full. Real task texts
 * from the seed document (the demo plan).
 */
import { describe, expect, it } from "vitest";
import { briefContent } from "@/lib/notices/format";
import { readSeedTable } from "./import/helpers/seed";

const tasks = new Map(readSeedTable().rows.map((r) => [Number(r[0]), r[1]!.replace(/\s+/g, "")]));
const task = (seq: number) => tasks.get(seq)!;

const PAIRS: [string, string][] = [
  ["“", "”"],
  ["「", "」"],
  ["『", "』"],
  ["（", "）"],
  ["《", "》"],
];
function balanced(text: string): boolean {
  const stack: string[] = [];
  for (const ch of text) {
    const pair = PAIRS.find(([open]) => open === ch);
    if (pair) stack.push(pair[1]);
    else if (PAIRS.some(([, close]) => close === ch)) {
      if (stack.pop() !== ch) return false;
    }
  }
  return stack.length === 0 && (text.match(/"/g) ?? []).length % 2 === 0;
}

describe("briefContent: a task's text for a notice", () => {
  it("第44项 stops after “清四乱”, not inside 排污口排…", () => {
    expect(task(44)).toContain("做好“清四乱”、排污口排查整治工作");
    expect(briefContent(task(44))).toBe("统筹抓好黄河干支流生态环境综合治理，做好“清四乱”…");
  });

  it("never cuts inside a quotation: 第19项 keeps “一网办、掌上办…” whole or leaves it out", () => {
    // The list inside the quotation is longer than the limit: the clause ends after it.
    expect(briefContent(task(19))).toBe("全面推行“一网办、掌上办、预约办、帮办代办、特事特办”…");
    expect(briefContent(task(43))).toBe("按照“政府引导，企业主体，嘎查村、农牧民参与”的发展思路…");
    expect(briefContent(task(4))).toBe("大力提升园区污水处理水平，实现高盐水“全处理、零排放”");
  });

  it("keeps short texts whole, without their closing full stop", () => {
    expect(briefContent(task(14))).toBe("坚决遏制“两高”项目");
    expect(briefContent(task(70))).toBe("新增通讯网络站点50处以上");
  });

  it("every task of the seed: a whole text, or whole clauses ending before a boundary, quotes balanced", () => {
    expect(tasks.size).toBe(72);
    for (const [seq, text] of tasks) {
      const brief = briefContent(text);
      expect(balanced(brief), `第${seq}项 ${brief}`).toBe(true);
      if (!brief.endsWith("…")) {
        expect(text.startsWith(brief), `第${seq}项`).toBe(true);
        expect(text.length - brief.length, `第${seq}项`).toBeLessThanOrEqual(1);
        continue;
      }
      const kept = brief.slice(0, -1);
      expect(text.startsWith(kept), `第${seq}项`).toBe(true);
      expect("，；。、,;", `第${seq}项 ${brief}`).toContain(text[kept.length]);
    }
  });

  it("brackets and straight quotes count too; a text with no boundary is quoted in full", () => {
    expect(briefContent("完善（含旗、苏木镇、嘎查村三级）动物防疫监管体系建设，加快推进各项工作落实落地见效", 20)).toBe(
      "完善（含旗、苏木镇、嘎查村三级）动物防疫监管体系建设…",
    );
    expect(briefContent('做好"清四乱"、排污口排查整治工作，加强黄灌区农业用水总量控制', 12)).toBe('做好"清四乱"…');
    const long = "统筹抓好黄河干支流生态环境综合治理和排污口排查整治工作的全面推进";
    expect(briefContent(long, 10)).toBe(long);
  });
});
