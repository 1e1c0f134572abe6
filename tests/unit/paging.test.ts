import { describe, expect, it } from "vitest";
import { byOrder, HEAVY_ROW_PAGE_SIZES, listHref, nextSort, pageBounds, parsePaging, parseSort, slicePage, type ListLocation } from "@/lib/paging";

const SORTS = ["seq", "due", "unit"] as const;
const FALLBACK = { key: "seq", descending: false } as const;

describe("paging from the URL", () => {
  it("reads page, size and sort, and falls back on anything it does not know", () => {
    expect(parsePaging(new URLSearchParams("page=3&size=100&sort=-due"), SORTS, FALLBACK)).toEqual({
      page: 3,
      size: 100,
      sort: { key: "due", descending: true },
    });
    expect(parsePaging(new URLSearchParams(""), SORTS, FALLBACK)).toEqual({ page: 1, size: 50, sort: FALLBACK });
    expect(parsePaging({ page: "0", size: "37", sort: "password" }, SORTS, FALLBACK)).toEqual({ page: 1, size: 50, sort: FALLBACK });
    expect(parsePaging({ page: ["2", "9"], size: "abc", sort: "-" }, SORTS, FALLBACK)).toEqual({ page: 2, size: 50, sort: FALLBACK });
    expect(parsePaging({ page: "1e9" }, SORTS, FALLBACK).page).toBe(1);
    // A list of heavy rows offers 20 and 50 only: 100 such rows would pass the page budget.
    expect(parsePaging({ size: "100" }, SORTS, FALLBACK, HEAVY_ROW_PAGE_SIZES).size).toBe(50);
    expect(parsePaging({ size: "20" }, SORTS, FALLBACK, HEAVY_ROW_PAGE_SIZES).size).toBe(20);
    expect(parseSort("unit", SORTS, FALLBACK)).toEqual({ key: "unit", descending: false });
  });

  it("moves a page past the end back to the last page", () => {
    expect(pageBounds(120, { page: 9, size: 50 })).toEqual({ page: 3, pages: 3, offset: 100, limit: 50 });
    expect(pageBounds(0, { page: 4, size: 20 })).toEqual({ page: 1, pages: 1, offset: 0, limit: 20 });
    const sliced = slicePage([1, 2, 3, 4, 5], { page: 3, size: 20 });
    expect(sliced).toEqual({ rows: [1, 2, 3, 4, 5], total: 5, page: 1, pages: 1, size: 20 });
  });
});

describe("links of a paged list", () => {
  const at: ListLocation = {
    path: "/tasks",
    filters: [
      ["unit", "5"],
      ["q", "养老 服务"],
    ],
    paging: { page: 3, size: 20, sort: { key: "due", descending: true } },
    fallback: FALLBACK,
  };

  it("keeps the filters, drops defaults, and goes back to page 1 on a new order or size", () => {
    expect(listHref(at, { page: 4 })).toBe("/tasks?unit=5&q=%E5%85%BB%E8%80%81+%E6%9C%8D%E5%8A%A1&page=4&size=20&sort=-due");
    expect(listHref(at, { page: 1 })).toBe("/tasks?unit=5&q=%E5%85%BB%E8%80%81+%E6%9C%8D%E5%8A%A1&size=20&sort=-due");
    expect(listHref(at, { size: 50 })).toBe("/tasks?unit=5&q=%E5%85%BB%E8%80%81+%E6%9C%8D%E5%8A%A1&sort=-due");
    expect(listHref(at, { sort: FALLBACK })).toBe("/tasks?unit=5&q=%E5%85%BB%E8%80%81+%E6%9C%8D%E5%8A%A1&size=20");
    expect(listHref({ ...at, filters: [], paging: { page: 1, size: 50, sort: FALLBACK } })).toBe("/tasks");
  });

  it("a list with its own first-page size reads it, falls back to it, and leaves it out of its links", () => {
    expect(parsePaging({}, SORTS, FALLBACK, undefined, 20).size).toBe(20);
    expect(parsePaging({ size: "37" }, SORTS, FALLBACK, undefined, 20).size).toBe(20);
    expect(parsePaging({ size: "50" }, SORTS, FALLBACK, undefined, 20).size).toBe(50);
    const own: ListLocation<(typeof SORTS)[number]> = {
      path: "/tasks",
      filters: [],
      paging: { page: 2, size: 20, sort: FALLBACK },
      fallback: FALLBACK,
      defaultSize: 20,
    };
    expect(listHref(own)).toBe("/tasks?page=2");
    // 50 is not this list's default: it stays in the URL, or the next page would go back to 20.
    expect(listHref(own, { size: 50 })).toBe("/tasks?size=50");
    expect(listHref({ ...own, paging: { ...own.paging, size: 50 } }, { page: 2 })).toBe("/tasks?page=2&size=50");
  });

  it("turns the order of the same column around and starts another column in its own direction", () => {
    expect(nextSort({ key: "due", descending: false }, "due")).toEqual({ key: "due", descending: true });
    expect(nextSort({ key: "due", descending: true }, "due")).toEqual({ key: "due", descending: false });
    expect(nextSort({ key: "due", descending: true }, "unit")).toEqual({ key: "unit", descending: false });
    expect(nextSort({ key: "seq", descending: false }, "due", true)).toEqual({ key: "due", descending: true });
  });
});

describe("sorting in memory", () => {
  const rows = [
    { name: "民政局", due: 3 },
    { name: "财政局", due: null },
    { name: "农牧局", due: 1 },
    { name: "安监局", due: 3 },
  ];
  const keys = { name: (r: (typeof rows)[number]) => r.name, due: (r: (typeof rows)[number]) => r.due };

  it("orders Chinese names by 拼音, keeps ties in place and puts rows without a value last either way", () => {
    expect([...rows].sort(byOrder({ key: "name", descending: false }, keys)).map((r) => r.name)).toEqual(["安监局", "财政局", "民政局", "农牧局"]);
    expect([...rows].sort(byOrder({ key: "due", descending: false }, keys)).map((r) => r.name)).toEqual(["农牧局", "民政局", "安监局", "财政局"]);
    expect([...rows].sort(byOrder({ key: "due", descending: true }, keys)).map((r) => r.name)).toEqual(["民政局", "安监局", "农牧局", "财政局"]);
  });
});
