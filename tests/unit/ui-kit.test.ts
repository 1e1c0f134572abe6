// biome-ignore-all lint/correctness/noChildrenProp: createElement with typed props takes the children among them
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { failureOf, FeedbackMessage, SelectField, SubmitButton, TextField, UNREACHABLE } from "@/components/ui/form";
import { Badge } from "@/components/ui/badge";
import { StatCards } from "@/components/ui/stat-cards";
import { Cell, DataTable, HeaderCells, LinkCell, NamesCell, Row } from "@/components/ui/table";

const noop = async () => true;
const registration = (name: string) => ({ name, onChange: noop, onBlur: noop, ref: () => {} });

describe("failureOf", () => {
  it("puts each field's first server message on the field and returns the action's message as an error", () => {
    const set: [string, { type: string; message: string }][] = [];
    const feedback = failureOf(
      { ok: false, message: "请检查填写的内容", fieldErrors: { name: ["名称已存在", "第二条"], kind: [], title: undefined } },
      (field, error) => set.push([field, error as { type: string; message: string }]),
    );
    expect(feedback).toEqual({ kind: "error", text: "请检查填写的内容" });
    expect(set).toEqual([["name", { type: "server", message: "名称已存在" }]]);
  });

  it("without field errors only returns the message", () => {
    const set: string[] = [];
    expect(failureOf({ ok: false, message: "没有权限" }, (field) => set.push(field))).toEqual({ kind: "error", text: "没有权限" });
    expect(set).toEqual([]);
  });
});

describe("form kit markup", () => {
  it("TextField ties its label to the input and shows the error instead of the hint", () => {
    const ok = renderToStaticMarkup(
      createElement(TextField, { id: "unit-name", label: "单位名称", hint: "改名后保留别名", registration: registration("name") }),
    );
    expect(ok).toContain('<label for="unit-name"');
    expect(ok).toContain('id="unit-name"');
    expect(ok).toContain('aria-invalid="false"');
    expect(ok).toContain('id="unit-name-hint"');

    const failed = renderToStaticMarkup(
      createElement(TextField, { id: "unit-name", label: "单位名称", hint: "改名后保留别名", error: "名称已存在", registration: registration("name") }),
    );
    expect(failed).toContain('aria-invalid="true"');
    expect(failed).toContain('<p id="unit-name-error" class="mt-1 text-red-600">名称已存在</p>');
    expect(failed).not.toContain("改名后保留别名");
  });

  it("TextField passes the input's own attributes through", () => {
    const html = renderToStaticMarkup(
      createElement(TextField, { id: "pw", label: "新密码", type: "password", autoComplete: "new-password", registration: registration("password") }),
    );
    expect(html).toContain('type="password"');
    expect(html).toContain('autoComplete="new-password"');
    expect(html).toContain('name="password"');
  });

  it("SelectField lists every option with its label", () => {
    const html = renderToStaticMarkup(
      createElement(SelectField<"a" | "b">, {
        id: "kind",
        label: "类别",
        options: ["a", "b"],
        labels: { a: "部门", b: "苏木镇" },
        registration: registration("kind"),
      }),
    );
    expect(html).toContain('<option value="a">部门</option><option value="b">苏木镇</option>');
  });

  it("SubmitButton is disabled and says so while pending", () => {
    expect(renderToStaticMarkup(createElement(SubmitButton, { pending: false, pendingLabel: "正在保存…", children: "保存" }))).toMatch(
      /<button type="submit" class="[^"]+">保存<\/button>/,
    );
    expect(renderToStaticMarkup(createElement(SubmitButton, { pending: true, pendingLabel: "正在保存…", children: "保存" }))).toMatch(
      /<button type="submit" disabled="" class="[^"]+">正在保存…<\/button>/,
    );
  });

  it("FeedbackMessage is an alert for errors and a status otherwise", () => {
    expect(renderToStaticMarkup(createElement(FeedbackMessage, { feedback: UNREACHABLE }))).toContain('role="alert"');
    expect(renderToStaticMarkup(createElement(FeedbackMessage, { feedback: { kind: "success", text: "已保存" } }))).toContain('role="status"');
    expect(renderToStaticMarkup(createElement(FeedbackMessage, { feedback: null }))).toBe("");
  });
});

describe("DataTable", () => {
  it("heads the shown columns and spans the empty row over all of them", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, { columns: ["任务", false, { label: "状态", className: "w-16" }], caption: "列表", empty: "暂无延期申请", children: null }),
    );
    expect(html).toContain('<caption class="sr-only">列表</caption>');
    expect(html).toContain('<th scope="col" class="px-3 py-2">任务</th><th scope="col" class="w-16 px-3 py-2">状态</th></tr>');
    expect(html).toContain('<td colSpan="2" class="px-3 py-6 text-center text-stone-500">暂无延期申请</td>');
  });

  it("has no empty row when there are rows", () => {
    const row = createElement("tr", { "data-testid": "extension-row" }, createElement("td", null, "1"));
    const html = renderToStaticMarkup(createElement(DataTable, { columns: ["任务"], empty: false, children: row }));
    expect(html).toContain('<tbody><tr data-testid="extension-row"><td>1</td></tr></tbody>');
    expect(html).not.toContain("colSpan");
  });
});

describe("table rows and cells", () => {
  it("Row draws the line above and adds its own classes; Cell pads and adds its own", () => {
    const html = renderToStaticMarkup(
      createElement(
        Row,
        { className: "align-top", id: "finding-1" },
        createElement(Cell, { className: "whitespace-nowrap" }, "第1期"),
        createElement(Cell, null, "好"),
      ),
    );
    expect(html).toBe(
      '<tr id="finding-1" class="border-t border-stone-100 align-top"><td class="px-3 py-2 whitespace-nowrap">第1期</td><td class="px-3 py-2">好</td></tr>',
    );
  });

  it("a dense table narrows the header and its cells alike", () => {
    const html = renderToStaticMarkup(
      createElement(DataTable, { columns: ["序号"], dense: true, children: createElement("tr", null, createElement(Cell, { dense: true }, "1")) }),
    );
    expect(html).toContain('<th scope="col" class="px-2 py-2">序号</th>');
    expect(html).toContain('<td class="px-2 py-2">1</td>');
  });

  it("LinkCell is a padded cell holding a brand link, or a quiet one", () => {
    expect(renderToStaticMarkup(createElement(LinkCell, { href: "/admin/units/3", className: "whitespace-nowrap", children: "统计局" }))).toBe(
      '<td class="px-3 py-2 whitespace-nowrap"><a class="text-brand-700 hover:underline" href="/admin/units/3">统计局</a></td>',
    );
    expect(renderToStaticMarkup(createElement(LinkCell, { href: "/notices/1", quiet: true, children: "通报" }))).toContain(
      '<a class="hover:text-brand-700 hover:underline" href="/notices/1">通报</a>',
    );
  });

  it("NamesCell joins the names, or shows a grey dash for none", () => {
    expect(renderToStaticMarkup(createElement(NamesCell, { names: ["统计局", "财政局"] }))).toBe('<td class="px-3 py-2">统计局、财政局</td>');
    expect(renderToStaticMarkup(createElement(NamesCell, { names: [], id: "lead" }))).toBe(
      '<td id="lead" class="px-3 py-2"><span class="text-stone-400">—</span></td>',
    );
  });

  it("a compact table sets its header in small type with the narrow padding", () => {
    const html = renderToStaticMarkup(createElement(DataTable, { columns: ["牵头单位"], compact: true, children: null }));
    expect(html).toContain('<thead class="bg-stone-100 text-left text-xs text-stone-600"><tr><th scope="col" class="px-2 py-2">牵头单位</th>');
  });

  it("HeaderCells heads the shown columns with the given cell classes", () => {
    const html = renderToStaticMarkup(
      createElement(
        "tr",
        null,
        createElement(HeaderCells, { columns: [{ label: "序号", className: "w-14" }, false, "事项"], cellClassName: "border px-2 py-1" }),
      ),
    );
    expect(html).toBe('<tr><th scope="col" class="w-14 border px-2 py-1">序号</th><th scope="col" class="border px-2 py-1">事项</th></tr>');
  });
});

describe("Badge", () => {
  it("puts its tone after the badge look and passes the data attributes through", () => {
    expect(renderToStaticMarkup(createElement(Badge, { tone: "bg-red-50 text-red-700", id: "b", children: "已逾期" }))).toBe(
      '<span id="b" class="inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium bg-red-50 text-red-700">已逾期</span>',
    );
    expect(renderToStaticMarkup(createElement(Badge, { tone: "text-stone-600", plain: true, children: "还剩 3 天" }))).toBe(
      '<span class="inline-block whitespace-nowrap rounded px-1.5 py-0.5 text-xs text-stone-600">还剩 3 天</span>',
    );
  });
});

describe("StatCards", () => {
  it("links each count to its list under its label", () => {
    const html = renderToStaticMarkup(createElement(StatCards, { cards: [{ label: "重点任务", value: 12, href: "/tasks" }] }));
    expect(html).toContain('href="/tasks"');
    expect(html).toContain('<div class="text-sm text-stone-500">重点任务</div><div class="mt-1 text-3xl font-semibold tabular-nums">12</div>');
  });
});
