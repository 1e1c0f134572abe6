// biome-ignore-all lint/correctness/noChildrenProp: createElement with typed props takes the children among them
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxFieldset, IdCheckboxes } from "@/components/ui/checkboxes";
import { ControlledTextArea } from "@/components/ui/form";
import { HeadedSection } from "@/components/ui/headed-section";
import { RunButton } from "@/components/ui/run-button";
import { StackedField } from "@/components/ui/stacked-field";

const noop = () => {};

describe("RunButton", () => {
  it("is a plain button in its span, with its aria label, and no message before it ran", () => {
    const html = renderToStaticMarkup(
      createElement(RunButton, {
        label: "签收",
        pendingLabel: "签收中…",
        ariaLabel: "签收 第1期",
        action: async () => ({ ok: true as const, data: null }),
        className: "inline-flex gap-2",
        buttonClassName: "rounded",
      }),
    );
    expect(html).toBe('<span class="inline-flex gap-2"><button type="button" aria-label="签收 第1期" class="rounded">签收</button></span>');
  });

  it("stands in a div when its outcome is a message, and is disabled when told", () => {
    const html = renderToStaticMarkup(
      createElement(RunButton, {
        label: "提醒",
        disabled: true,
        outcome: "message",
        action: async () => ({ ok: true as const, data: null }),
        buttonClassName: "b",
      }),
    );
    expect(html).toBe('<div><button type="button" disabled="" class="b">提醒</button></div>');
  });

  it("leaves the button out once the record no longer offers the action", () => {
    const html = renderToStaticMarkup(
      createElement(RunButton, {
        label: "重置动态验证码",
        shown: false,
        outcome: "message",
        className: "space-y-2",
        action: async () => ({ ok: true as const, data: null }),
        buttonClassName: "b",
      }),
    );
    expect(html).toBe('<div class="space-y-2"></div>');
  });
});

describe("StackedField", () => {
  it("puts the label's text above the control and the error below it", () => {
    const html = renderToStaticMarkup(
      createElement(StackedField, { label: "事实依据", error: "请填写", className: "sm:col-span-2", children: createElement("textarea") }),
    );
    expect(html).toBe(
      '<label class="flex flex-col text-sm sm:col-span-2"><span class="text-stone-600">事实依据</span><textarea></textarea><span class="mt-1 text-red-600">请填写</span></label>',
    );
  });
});

describe("IdCheckboxes", () => {
  it("ticks the chosen ids and marks the inactive ones", () => {
    const html = renderToStaticMarkup(
      createElement(IdCheckboxes, {
        options: [
          { id: 1, name: "甲" },
          { id: 2, name: "乙", inactive: true },
        ],
        value: [2],
        onChange: noop,
      }),
    );
    expect(html).toContain('<input type="checkbox"/>甲');
    expect(html).toContain('<input type="checkbox" checked=""/>乙<span class="text-xs text-stone-500">（已停用）</span>');
  });

  it("CheckboxFieldset names them by its legend and says the error below", () => {
    const html = renderToStaticMarkup(
      createElement(CheckboxFieldset, { legend: "责任领导", legendClassName: "sr-only", error: "请至少选择一位", options: [], value: [], onChange: noop }),
    );
    expect(html).toBe(
      '<fieldset class="flex flex-wrap gap-x-5 gap-y-2 text-sm"><legend class="sr-only">责任领导</legend></fieldset><p class="text-sm text-red-600">请至少选择一位</p>',
    );
  });
});

describe("ControlledTextArea", () => {
  const field = { name: "progress", ref: noop, value: "已完成", onChange: noop, onBlur: noop };

  it("is described by its hint, or by its error when it has one", () => {
    const ok = renderToStaticMarkup(createElement(ControlledTextArea, { id: "p", label: "进展", required: true, hint: "必填", rows: 7, field }));
    expect(ok).toContain('aria-invalid="false" aria-describedby="p-hint"');
    expect(ok).toContain('<p id="p-hint"');
    const failed = renderToStaticMarkup(createElement(ControlledTextArea, { id: "p", label: "进展", error: "请填写", hint: "必填", rows: 7, field }));
    expect(failed).toContain('aria-invalid="true" aria-describedby="p-error"');
    expect(failed).not.toContain("p-hint");
  });
});

describe("HeadedSection", () => {
  it("labels the section by its heading", () => {
    const html = renderToStaticMarkup(
      createElement(HeadedSection, { id: "h", title: "督查室催办", className: "box", headingClassName: "font-semibold", testId: "t", children: "…" }),
    );
    expect(html).toBe('<section aria-labelledby="h" class="box" data-testid="t"><h2 id="h" class="font-semibold">督查室催办</h2>…</section>');
  });
});
