import { describe, expect, it } from "vitest";
import { currentNavHref, isNavGroup, navEntriesFor, navItemsFor } from "@/lib/navigation";

describe("the header's navigation", () => {
  it("groups the supervision office's 19 links under 督查首页 and three menus, none lost", () => {
    const entries = navEntriesFor("supervisor");
    expect(entries.map((e) => e.label)).toEqual(["督查首页", "督查", "通报与问责", "统计与领导"]);
    expect(
      navItemsFor("supervisor")
        .map((i) => i.href)
        .sort(),
    ).toEqual(
      [
        "/supervision",
        "/supervision/overview",
        "/supervision/matrix",
        "/supervision/burden",
        "/indicators",
        "/tasks",
        "/plans",
        "/items",
        "/supervision/reminders",
        "/supervision/findings",
        "/supervision/notices",
        "/supervision/escalations",
        "/supervision/requests",
        "/supervision/public",
        "/supervision/assessments",
        "/dashboard",
        "/leader/coordination",
        "/leader/dispatches",
        "/feedback/received",
      ].sort(),
    );
  });

  it("keeps every role's links unique and shows at most six places in the header", () => {
    for (const role of ["admin", "supervisor", "leader", "unit"] as const) {
      const hrefs = navItemsFor(role).map((i) => i.href);
      expect(new Set(hrefs).size).toBe(hrefs.length);
      const groups = navEntriesFor(role).filter(isNavGroup);
      for (const g of groups) expect(g.items.length).toBeGreaterThan(1);
    }
    expect(navEntriesFor("admin").length).toBeLessThanOrEqual(6);
    expect(navEntriesFor("supervisor").length).toBeLessThanOrEqual(6);
  });

  it("marks the longest link that is the page or one of its parents", () => {
    const hrefs = navItemsFor("admin").map((i) => i.href);
    expect(currentNavHref(hrefs, "/admin/leaders/assign")).toBe("/admin/leaders/assign");
    expect(currentNavHref(hrefs, "/admin/leaders")).toBe("/admin/leaders");
    expect(currentNavHref(hrefs, "/admin/leaders/7")).toBe("/admin/leaders");
    expect(currentNavHref(hrefs, "/admin")).toBe("/admin");
    expect(currentNavHref(hrefs, "/administration")).toBeNull();
    const office = navItemsFor("supervisor").map((i) => i.href);
    expect(currentNavHref(office, "/supervision/notices/12")).toBe("/supervision/notices");
    expect(currentNavHref(office, "/tasks/46")).toBe("/tasks");
    expect(currentNavHref(office, "/account/password")).toBeNull();
  });
});
