/**
 * HTML of the public pages (政务公开), written as text by a route handler that also decides the status
 * (200, 404, 429) and the caching. Every value goes through `html`, which escapes it unless it is
 * markup `html` made itself, so text from the database is always shown as text. No script at all: the
 * search form is a plain GET form. Pure.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup made by `html` (safe to put into more markup as it is). */
export class Markup {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Markup | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]!) : ""), ""));
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;line-height:1.6;color:#1c1917;background:#fafaf9}
a{color:#1d4ed8}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem}
.skip:focus{left:.5rem;top:.5rem}
header.site{background:#991b1b;color:#fff;padding:.75rem 1rem}
header.site p{margin:0;max-width:72rem;margin:0 auto;font-weight:600}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.35;margin:.5rem 0}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
.meta{color:#44403c;margin:.25rem 0}
.note{color:#44403c;font-size:.9rem;background:#fff;border:1px solid #d6d3d1;border-radius:.375rem;padding:.5rem .75rem}
form.search{display:flex;flex-wrap:wrap;gap:.75rem;align-items:flex-end;background:#fff;border:1px solid #d6d3d1;border-radius:.375rem;padding:.75rem;margin:1rem 0}
form.search div{display:flex;flex-direction:column;min-width:10rem;flex:1 1 10rem}
label{font-size:.9rem;font-weight:600;color:#292524}
input,select{font:inherit;padding:.4rem .5rem;border:1px solid #78716c;border-radius:.25rem;background:#fff;color:#1c1917;max-width:100%}
button{font:inherit;padding:.45rem 1rem;border:0;border-radius:.25rem;background:#1d4ed8;color:#fff;cursor:pointer}
.count{margin:.5rem 0;color:#292524}
table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d6d3d1}
caption{text-align:left;font-weight:600;padding:.5rem 0}
th,td{text-align:left;vertical-align:top;padding:.6rem .75rem;border-top:1px solid #e7e5e4;overflow-wrap:anywhere}
thead th{background:#f5f5f4;font-size:.9rem;white-space:nowrap}
.num{white-space:nowrap;font-variant-numeric:tabular-nums}
.state{display:inline-block;padding:0 .5rem;border-radius:.25rem;font-size:.875rem;white-space:nowrap}
.s-on_track{background:#dcfce7;color:#14532d}.s-lagging{background:#fef3c7;color:#78350f}.s-blocked{background:#fee2e2;color:#7f1d1d}
.s-completed{background:#dbeafe;color:#1e3a8a}.s-unreported{background:#f5f5f4;color:#44403c}
.date{display:block;color:#57534e;font-size:.85rem}
.none{color:#57534e}
ul.plans{padding-left:1.25rem}
footer{max-width:72rem;margin:2rem auto;padding:0 1rem;color:#57534e;font-size:.85rem}
@media (max-width:640px){
 table,caption,tbody,tr,th,td{display:block;width:100%}
 caption{padding:.5rem .75rem}
 thead{position:absolute;left:-9999px}
 tr{border-top:1px solid #d6d3d1;padding:.5rem 0}
 th,td{border:0;padding:.2rem .75rem}
 td[data-label]::before{content:attr(data-label)"：";font-weight:600;color:#44403c}
}
`;

export interface PageShell {
  title: string;
  body: Markup;
}

/** A whole document: zh-CN, viewport for phones, the page's own stylesheet, a skip link, header and footer. */
export function documentOf({ title, body }: PageShell): string {
  return `<!doctype html>${html`<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noarchive"><title>${title}</title><style>${new Markup(STYLE)}</style></head><body><a class="skip" href="#main">跳到正文</a><header class="site"><p>政务公开 · 重点工作任务落实进展</p></header><main id="main">${body}</main><footer><p>本页由督查室发布，只公开任务、牵头单位、进展状态和经审核的公开摘要。</p></footer></body></html>`}`;
}

/** A short page for a refusal or a missing page. */
export function messagePage(title: string, message: string): string {
  return documentOf({ title: `${title} · 政务公开`, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/open">查看已公开的任务落实进展</a></p>` });
}
