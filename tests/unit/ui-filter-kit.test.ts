// biome-ignore-all lint/correctness/noChildrenProp: createElement with typed props takes the children among them
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineError } from "@/components/ui/form";
import { labelledChoices, namedChoices, Options } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { FilterActions, FilterForm, FilterSelect, HiddenFields } from "@/components/ui/filter-form";

describe("filter kit markup", () => {
  it("FilterForm is a GET form, a search only when it says so", () => {
    const search = renderToStaticMarkup(createElement(FilterForm, { action: "/tasks", search: true, label: "筛选", children: "x" }));
    expect(search).toContain('action="/tasks"');
    expect(search).toContain('method="get"');
    expect(search).toContain('role="search"');
    expect(search).toContain('aria-label="筛选"');
    expect(renderToStaticMarkup(createElement(FilterForm, { children: "x" }))).not.toContain("role=");
  });

  it("HiddenFields carries the values along and leaves the empty ones out", () => {
    const html = renderToStaticMarkup(createElement(HiddenFields, { values: { plan: 3, year: undefined, leader: "", q: "招商" } }));
    expect(html).toBe('<input type="hidden" name="plan" value="3"/><input type="hidden" name="q" value="招商"/>');
  });

  it("FilterSelect labels its select, offers 全部 only when asked, and selects the value", () => {
    const html = renderToStaticMarkup(
      createElement(FilterSelect, {
        label: "单位",
        name: "unit",
        value: 2,
        all: "全部",
        options: namedChoices([
          { id: 1, name: "甲局" },
          { id: 2, name: "乙局" },
        ]),
      }),
    );
    expect(html).toMatch(/^<label[^>]*><span[^>]*>单位<\/span><select name="unit"/);
    expect(html).toContain('<option value="">全部</option>');
    expect(html).toContain('<option value="2" selected="">乙局</option>');
    const noAll = renderToStaticMarkup(
      createElement(FilterSelect, { label: "半月期", name: "period", value: undefined, options: [{ value: 1, label: "1月上" }] }),
    );
    expect(noAll).not.toContain('value=""');
  });

  it("FilterActions: the submit button, and the clearing link only when given", () => {
    const plain = renderToStaticMarkup(createElement(FilterActions, {}));
    expect(plain).toContain('<button type="submit"');
    expect(plain).toContain(">筛选</button>");
    expect(plain).not.toContain("<a ");
    const clear = renderToStaticMarkup(createElement(FilterActions, { submit: "搜索", clear: { href: "/admin/audit", label: "清除条件" } }));
    expect(clear).toContain(">搜索</button>");
    expect(clear).toContain('href="/admin/audit"');
    expect(clear).toContain(">清除条件</a>");
    expect(renderToStaticMarkup(createElement(FilterActions, { clear: { href: "/items" } }))).toContain(">清除筛选</a>");
  });
});

describe("InlineError", () => {
  it("shows a refusal as an alert and nothing else", () => {
    expect(renderToStaticMarkup(createElement(InlineError, { feedback: { kind: "error", text: "没有权限" } }))).toBe(
      '<span role="alert" class="text-sm text-red-700">没有权限</span>',
    );
    expect(renderToStaticMarkup(createElement(InlineError, { feedback: { kind: "success", text: "已签收" } }))).toBe("");
    expect(renderToStaticMarkup(createElement(InlineError, { feedback: null }))).toBe("");
  });
});

describe("Options", () => {
  it("lists the choices after the empty one when asked", () => {
    expect(renderToStaticMarkup(createElement(Options, { choices: labelledChoices(["a", "b"] as const, { a: "甲", b: "乙" }), empty: "请选择" }))).toBe(
      '<option value="">请选择</option><option value="a">甲</option><option value="b">乙</option>',
    );
    expect(renderToStaticMarkup(createElement(Options, { choices: namedChoices([{ id: 7, name: "农牧局" }]) }))).toBe('<option value="7">农牧局</option>');
  });
});

describe("PageHeader", () => {
  it("puts the back link (and its note) above the title, the description below", () => {
    const html = renderToStaticMarkup(
      createElement(PageHeader, { back: { href: "/admin/units", label: "单位", note: "部门" }, title: "农牧局", children: createElement("p", null, "说明") }),
    );
    expect(html).toContain('<a class="hover:underline" href="/admin/units">单位</a> · 部门');
    expect(html).toContain('<h1 class="mt-1 text-xl font-semibold">农牧局</h1><p>说明</p>');
    expect(renderToStaticMarkup(createElement(PageHeader, { title: "通报" }))).toBe('<div><h1 class="text-xl font-semibold">通报</h1></div>');
  });
});
