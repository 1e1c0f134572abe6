import { describe, expect, it } from "vitest";
import { listHref } from "@/lib/paging";
import { parseTaskList, parseTaskSearch, parseUnitTaskList, TASK_ORDER, TASK_PAGE_SIZE, taskSearchParams, UNIT_TASK_ORDER } from "@/lib/search-params";

describe("the task table's URL", () => {
  it("reads the search and the paging, from a page's record or a URL", () => {
    expect(parseTaskList({ q: " 招商 ", leader: "3", unit: "12", page: "2", size: "20", sort: "-due" })).toEqual({
      search: { text: "招商", leaderId: 3, unitId: 12, planId: undefined, year: undefined },
      paging: { page: 2, size: 20, sort: { key: "due", descending: true } },
    });
    expect(parseTaskList(new URLSearchParams("plan=4&year=2021&sort=lead"))).toEqual({
      // One plan asked for: the year is not applied on top of it.
      search: { text: undefined, leaderId: undefined, unitId: undefined, planId: 4, year: undefined },
      paging: { page: 1, size: 20, sort: { key: "lead", descending: false } },
    });
    expect(parseTaskSearch({ year: "2021" }).year).toBe(2021);
  });

  it("never throws: what does not parse is not applied", () => {
    expect(parseTaskList({ q: "x".repeat(101), leader: "abc", unit: "-1", plan: "1.5", year: "1999", page: "0", size: "7", sort: "content" })).toEqual({
      search: { text: undefined, leaderId: undefined, unitId: undefined, planId: undefined, year: undefined },
      paging: { page: 1, size: 20, sort: TASK_ORDER },
    });
    expect(parseTaskList({ leader: "", unit: ["5", "6"], year: "" }).search).toMatchObject({ leaderId: undefined, unitId: 5, year: undefined });
    expect(parseTaskSearch({ unit: "99999999999" }).unitId).toBeUndefined();
  });

  it("writes the search back as URL parameters, so every page link keeps it", () => {
    const search = parseTaskSearch({ q: "养老 服务", leader: "3", unit: "12", year: "2021" });
    const filters = taskSearchParams(search);
    expect(filters).toEqual([
      ["q", "养老 服务"],
      ["leader", "3"],
      ["unit", "12"],
      ["year", "2021"],
    ]);
    expect(taskSearchParams({})).toEqual([]);
    const { paging } = parseTaskList({ sort: "-due" });
    const href = listHref({ path: "/tasks", filters, paging, fallback: TASK_ORDER }, { page: 2 });
    expect(parseTaskList(new URL(href, "http://x").searchParams)).toEqual({ search, paging: { ...paging, page: 2 } });
    // The table's own first-page size (20) stays out of its links; another size goes along to every page.
    const at = { path: "/tasks", filters, paging, fallback: TASK_ORDER, defaultSize: TASK_PAGE_SIZE };
    expect(listHref(at, { page: 2 })).not.toContain("size=");
    const fifty = listHref(at, { size: 50 });
    expect(parseTaskList(new URL(listHref({ ...at, paging: { ...paging, size: 50 } }, { page: 2 }), "http://x").searchParams).paging).toEqual({
      ...paging,
      size: 50,
      page: 2,
    });
    expect(parseTaskList(new URL(fifty, "http://x").searchParams).paging.size).toBe(50);
  });
});

describe("a unit page's URL", () => {
  it("one list (the lead tasks by default), a page of it, always by 序号", () => {
    expect(parseUnitTaskList({})).toEqual({ role: "lead", paging: { page: 1, size: 50, sort: UNIT_TASK_ORDER } });
    expect(parseUnitTaskList(new URLSearchParams("role=cooperating&page=3&size=20&sort=-seq"))).toEqual({
      role: "cooperating",
      paging: { page: 3, size: 20, sort: UNIT_TASK_ORDER },
    });
    expect(parseUnitTaskList({ role: "boss", page: "x" })).toEqual({ role: "lead", paging: { page: 1, size: 50, sort: UNIT_TASK_ORDER } });
  });
});
