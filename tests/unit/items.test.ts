import { describe, expect, it } from "vitest";
import { itemStateOf } from "@/lib/items/item-state";
import { itemNumberLabel, ITEMS_REGISTER_TITLE } from "@/lib/items/register-number";
import { registerItemSchema } from "@/lib/items/schemas";
import { ITEM_ORDER, itemSearchParams, parseItemPaging, parseItemSearch } from "@/lib/items/search";
import { acknowledgeDueAt, addWorkingDays, isAcknowledgeOverdue, isWorkingDay, shanghaiDay } from "@/lib/items/working-days";

const at = (iso: string) => new Date(iso);

describe("立项号", () => {
  it("reads as the office writes it", () => {
    expect(itemNumberLabel(2022, 12)).toBe("督〔2022〕第12号");
    expect(itemNumberLabel(2023, 1)).toBe("督〔2023〕第1号");
    expect(ITEMS_REGISTER_TITLE(2022)).toBe("2022年督办事项");
  });
});

describe("working days (Mon–Fri)", () => {
  it("knows weekends", () => {
    expect(isWorkingDay("2022-06-17")).toBe(true); // Friday
    expect(isWorkingDay("2022-06-18")).toBe(false); // Saturday
    expect(isWorkingDay("2022-06-19")).toBe(false); // Sunday
    expect(isWorkingDay("2022-06-20")).toBe(true); // Monday
  });

  it("counts working days after a date, skipping weekends and crossing months and years", () => {
    expect(addWorkingDays("2022-06-20", 2)).toBe("2022-06-22"); // Mon → Wed
    expect(addWorkingDays("2022-06-16", 2)).toBe("2022-06-20"); // Thu → Mon
    expect(addWorkingDays("2022-06-17", 2)).toBe("2022-06-21"); // Fri → Tue
    expect(addWorkingDays("2022-06-18", 2)).toBe("2022-06-21"); // Sat → Tue
    expect(addWorkingDays("2022-06-30", 1)).toBe("2022-07-01");
    expect(addWorkingDays("2022-12-30", 1)).toBe("2023-01-02"); // Fri → Mon of the next year
    expect(addWorkingDays("2022-06-20", 0)).toBe("2022-06-20");
  });

  it("takes the registration day in Shanghai, not UTC", () => {
    // 2022-06-17 23:30 UTC is Saturday 07:30 in Shanghai.
    expect(shanghaiDay(at("2022-06-17T23:30:00Z"))).toBe("2022-06-18");
  });

  it("签收 is due at the end of the 2nd working day after registration", () => {
    expect(acknowledgeDueAt(at("2022-06-20T10:00:00+08:00")).toISOString()).toBe(at("2022-06-23T00:00:00+08:00").toISOString());
    expect(acknowledgeDueAt(at("2022-06-17T16:00:00+08:00")).toISOString()).toBe(at("2022-06-22T00:00:00+08:00").toISOString());
    // Registered late on Sunday night: Monday and Tuesday.
    expect(acknowledgeDueAt(at("2022-06-19T23:59:00+08:00")).toISOString()).toBe(at("2022-06-22T00:00:00+08:00").toISOString());
  });

  it("an item is overdue from that moment on, unless acknowledged", () => {
    const item = { registeredAt: at("2022-06-16T09:00:00+08:00"), acknowledgedAt: null };
    expect(isAcknowledgeOverdue(item, at("2022-06-20T23:59:59+08:00"))).toBe(false); // Thu → Fri, Mon
    expect(isAcknowledgeOverdue(item, at("2022-06-21T00:00:00+08:00"))).toBe(true);
    expect(isAcknowledgeOverdue({ ...item, acknowledgedAt: at("2022-06-20T09:00:00+08:00") }, at("2022-06-30T00:00:00+08:00"))).toBe(false);
  });
});

describe("item state", () => {
  const registeredAt = at("2022-06-10T09:00:00+08:00"); // Friday
  const later = at("2022-06-20T10:00:00+08:00");
  it("未签收 within the time, 超期未签收 after it, 已签收, 已办结 first", () => {
    expect(itemStateOf({ registeredAt, acknowledgedAt: null, closedAt: null }, at("2022-06-13T10:00:00+08:00"))).toBe("unacknowledged");
    expect(itemStateOf({ registeredAt, acknowledgedAt: null, closedAt: null }, later)).toBe("overdue");
    expect(itemStateOf({ registeredAt, acknowledgedAt: later, closedAt: null }, later)).toBe("acknowledged");
    expect(itemStateOf({ registeredAt, acknowledgedAt: null, closedAt: later }, later)).toBe("closed");
  });
});

describe("registration input", () => {
  const valid = {
    content: "推进老旧小区改造",
    source: "meeting",
    documentNumber: "常务会议纪要〔2022〕5号",
    issuedOn: "2022-06-18",
    leaderIds: [1],
    leadUnitIds: [2],
    cooperatingUnitIds: [3],
    dueOn: "2022-09-30",
    cadence: "monthly",
  };
  const messageOf = (input: unknown) => {
    const result = registerItemSchema.safeParse(input);
    return result.success ? null : result.error.issues.map((i) => i.message).join("；");
  };

  it("accepts a complete item", () => expect(messageOf(valid)).toBeNull());
  it("refuses missing parts with Chinese messages", () => {
    expect(messageOf({ ...valid, content: "  " })).toContain("请填写事项内容");
    expect(messageOf({ ...valid, leaderIds: [] })).toContain("请至少选择一位责任领导");
    expect(messageOf({ ...valid, leadUnitIds: [] })).toContain("请至少选择一个牵头单位");
    expect(messageOf({ ...valid, dueOn: "" })).toContain("请选择完成时限");
    expect(messageOf({ ...valid, dueOn: "2022-02-30" })).toContain("请选择完成时限");
    expect(messageOf({ ...valid, cadence: "daily" })).toContain("请选择报送频次");
  });
  it("refuses a due date before the date issued and a unit both leading and cooperating", () => {
    expect(messageOf({ ...valid, dueOn: "2022-06-01" })).toContain("完成时限不能早于交办日期");
    expect(messageOf({ ...valid, cooperatingUnitIds: [2] })).toContain("同一单位不能既是牵头单位又是配合单位");
  });
  it("refuses extra fields", () => {
    expect(messageOf({ ...valid, planId: 1 })).toContain("不接受的字段");
  });
});

describe("list filters in the URL", () => {
  it("keeps known values and drops the rest", () => {
    expect(parseItemSearch({ source: "meeting", state: "overdue", year: "2022" })).toEqual({ source: "meeting", state: "overdue", year: 2022 });
    expect(parseItemSearch({ source: "x", state: "", year: "abc" })).toEqual({ source: undefined, state: undefined, year: undefined });
  });

  it("pages latest first by default; sorts by 立项号, 完成时限 or 牵头单位; the filters written back for page links", () => {
    expect(parseItemPaging({})).toEqual({ page: 1, size: 50, sort: ITEM_ORDER });
    expect(ITEM_ORDER).toEqual({ key: "seq", descending: true });
    expect(parseItemPaging({ page: "2", size: "20", sort: "due" })).toEqual({ page: 2, size: 20, sort: { key: "due", descending: false } });
    expect(parseItemPaging({ page: "-1", size: "1000", sort: "content" })).toEqual({ page: 1, size: 50, sort: ITEM_ORDER });
    expect(itemSearchParams(parseItemSearch({ source: "meeting", state: "overdue", year: "2022" }))).toEqual([
      ["year", "2022"],
      ["source", "meeting"],
      ["state", "overdue"],
    ]);
    expect(itemSearchParams(parseItemSearch({ source: "x" }))).toEqual([]);
  });
});
