/** The public pages' markup (政务公开): a plan's task list with its search form, and the index of published plans. Pure. */
import type { PublicContent, PublicRow } from "./content";
import { type PublicFilter, filterPublicRows, leadUnitChoices, MAX_QUERY_CHARS } from "./filter";
import { documentOf, html, type Markup } from "./html";
import { PUBLIC_STATE_LABEL, PUBLIC_STATES } from "./state";

const SHANGHAI_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

function timeText(at: Date): string {
  return SHANGHAI_TIME.format(at).replace(/\//g, "-");
}

function options(choices: readonly { value: string; label: string }[], selected: string | null): Markup {
  return html`${choices.map((c) => html`<option value="${c.value}"${c.value === (selected ?? "") ? html` selected` : ""}>${c.label}</option>`)}`;
}

function searchForm(rows: readonly PublicRow[], filter: PublicFilter): Markup {
  const states = [{ value: "", label: "全部" }, ...PUBLIC_STATES.map((s) => ({ value: s, label: PUBLIC_STATE_LABEL[s] }))];
  const units = [{ value: "", label: "全部" }, ...leadUnitChoices(rows).map((u) => ({ value: u, label: u }))];
  return html`<form class="search" method="get" role="search" aria-label="查找任务">
<div><label for="q">任务内容或摘要</label><input id="q" name="q" type="search" maxlength="${MAX_QUERY_CHARS}" value="${filter.q}"></div>
<div><label for="state">进展状态</label><select id="state" name="state">${options(states, filter.state)}</select></div>
<div><label for="unit">牵头单位</label><select id="unit" name="unit">${options(units, filter.unit)}</select></div>
<div style="flex:0 0 auto;min-width:0"><button type="submit">查找</button></div>
</form>`;
}

function rowMarkup(row: PublicRow): Markup {
  return html`<tr><th scope="row" class="num">${row.number}</th><td data-label="重点工作任务">${row.content}</td><td data-label="牵头单位">${row.leadUnits.join("、") || "—"}</td><td data-label="进展状态"><span class="state s-${row.state}">${PUBLIC_STATE_LABEL[row.state]}</span></td><td data-label="公开摘要">${
    row.summary ? html`${row.summary}<span class="date">${row.summaryDate} 审核公开</span>` : html`<span class="none">暂无</span>`
  }</td></tr>`;
}

export function publicPlanPage(content: PublicContent, filter: PublicFilter, refreshedAt: Date): string {
  const title = `${content.plan.title}`;
  const rows = filterPublicRows(content.rows, filter);
  const filtered = filter.q !== "" || filter.state !== null || filter.unit !== null;
  const body = html`<h1>${title}</h1>
<p class="meta">最近更新：<time datetime="${refreshedAt.toISOString()}">${timeText(refreshedAt)}</time></p>
<p class="note">进展状态取自牵头单位最近一次报送的进展报告；公开摘要由牵头单位撰写、经督查室审核后公开。</p>
${searchForm(content.rows, filter)}
<p class="count" role="status">共 ${content.rows.length} 项任务${filtered ? html`，符合条件的 ${rows.length} 项（<a href="?">清除筛选</a>）` : ""}</p>
<table><caption>${content.plan.year}年重点工作任务落实进展</caption>
<thead><tr><th scope="col">序号</th><th scope="col">重点工作任务</th><th scope="col">牵头单位</th><th scope="col">进展状态</th><th scope="col">公开摘要</th></tr></thead>
<tbody>${rows.length > 0 ? rows.map(rowMarkup) : html`<tr><td colspan="5">没有符合条件的任务</td></tr>`}</tbody></table>`;
  return documentOf({ title: `${title} · 政务公开`, body });
}

export interface PublishedPlan {
  planId: number;
  title: string;
  year: number;
  publishedAt: Date;
}

export function publicIndexPage(plans: readonly PublishedPlan[]): string {
  const body = html`<h1>重点工作任务落实进展</h1>
${
  plans.length === 0
    ? html`<p>目前没有公开的任务落实进展。</p>`
    : html`<ul class="plans">${plans.map((p) => html`<li><a href="/open/${p.planId}">${p.title}</a>（${p.year}年，${timeText(p.publishedAt)} 公开）</li>`)}</ul>`
}`;
  return documentOf({ title: "重点工作任务落实进展 · 政务公开", body });
}
