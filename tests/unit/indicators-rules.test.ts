/** The small pure rules around indicators: who may change them, and the measure proposed for an extracted one. */
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { suggestMeasure } from "@/lib/indicators/measure";
import { can } from "@/lib/policies";

const actor = (over: Partial<Actor>): Actor => ({
  userId: 1,
  username: "u",
  displayName: "u",
  role: "unit",
  unitId: null,
  unitRole: null,
  leaderId: null,
  overseesAll: false,
  mustChangePassword: false,
  ...over,
});

describe("indicator.edit", () => {
  const lead = [7, 9];
  it("the administrator and the lead unit's head and filer may; nobody else", () => {
    expect(can(actor({ role: "admin" }), "indicator.edit", { leadUnitIds: lead })).toBe(true);
    expect(can(actor({ unitId: 7, unitRole: "head" }), "indicator.edit", { leadUnitIds: lead })).toBe(true);
    expect(can(actor({ unitId: 9, unitRole: "filer" }), "indicator.edit", { leadUnitIds: lead })).toBe(true);
    expect(can(actor({ unitId: 8, unitRole: "head" }), "indicator.edit", { leadUnitIds: lead })).toBe(false);
    expect(can(actor({ unitId: null }), "indicator.edit", { leadUnitIds: lead })).toBe(false);
    expect(can(actor({ role: "supervisor" }), "indicator.edit", { leadUnitIds: lead })).toBe(false);
    expect(can(actor({ role: "leader", leaderId: 3, overseesAll: true }), "indicator.edit", { leadUnitIds: lead })).toBe(false);
    expect(can(actor({ unitId: 7 }), "indicator.edit", { leadUnitIds: [] })).toBe(false);
  });
});

describe("suggestMeasure", () => {
  it("rates and growths are levels, counted things are cumulative", () => {
    expect(suggestMeasure({ name: "地区生产总值增长", unit: "%" })).toBe("level");
    expect(suggestMeasure({ name: "城镇调查失业率", unit: "%" })).toBe("level");
    expect(suggestMeasure({ name: "战略性新兴产业占规模以上工业比重", unit: "" })).toBe("level");
    expect(suggestMeasure({ name: "农村路网建设", unit: "公里" })).toBe("cumulative");
    expect(suggestMeasure({ name: "协议总金额", unit: "亿元" })).toBe("cumulative");
    expect(suggestMeasure({ name: "城镇居民人均可支配收入", unit: "元" })).toBe("cumulative");
  });
});
