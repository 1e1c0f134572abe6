/** Which indicator units count whole things (家, 个, 只, 名 …) and which measure (亿元, %, 万吨, 公里, 亩 …). */
import { describe, expect, it } from "vitest";
import { isCountUnit, roundForUnit } from "@/lib/indicators/units";

describe("isCountUnit", () => {
  it.each(["家", "个", "只", "名", "人", "户", "座", "所", "处", "项", "台", "辆", "头", "条", "台套", "人次", "批次"])("counts %s one by one", (unit) => {
    expect(isCountUnit(unit)).toBe(true);
  });

  it.each(["亿元", "万元", "%", "％", "个百分点", "万吨", "吨", "公里", "亩", "万亩", "平方米", "万千瓦", "倍", "万户", "万人次", ""])(
    "measures %s",
    (unit) => {
      expect(isCountUnit(unit)).toBe(false);
    },
  );
});

describe("roundForUnit", () => {
  it("makes a count whole", () => {
    expect(roundForUnit(10.5, "家")).toBe(11);
    expect(roundForUnit(7.4, "个")).toBe(7);
    expect(roundForUnit(608.1, "只")).toBe(608);
    expect(roundForUnit(49.1, "名")).toBe(49);
  });

  it("keeps one decimal of a measure", () => {
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: a value to round, not π
    expect(roundForUnit(3.14159, "亿元")).toBe(3.1);
    expect(roundForUnit(7.45, "%")).toBe(7.5);
    expect(roundForUnit(12.06, "万吨")).toBe(12.1);
    expect(roundForUnit(1.46, "万户")).toBe(1.5);
  });
});
