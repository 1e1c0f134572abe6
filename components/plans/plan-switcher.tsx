import Link from "next/link";
import { PLAN_STATE_LABEL } from "@/lib/plans/plan-state";
import type { PlanScope } from "@/lib/services/plan-scope";

const chip = (current: boolean) => (current ? "rounded bg-brand-700 px-2 py-0.5 text-white" : "rounded px-2 py-0.5 text-brand-700 hover:bg-stone-100");

/**
 * 分解表切换: every live plan (the default), one plan, or one year's plans (archived years open
 * read-only), kept in the URL as `?plan=` / `?year=`; `keep` carries the page's other parameters.
 * The coverage line says which plans the page's counts cover.
 */
export function PlanSwitcher({ scope, path, keep = {} }: { scope: PlanScope; path: string; keep?: Record<string, string | number | undefined> }) {
  const href = (extra: Record<string, string | number>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...keep, ...extra })) if (v !== undefined && v !== "") params.set(k, String(v));
    const q = params.toString();
    return q ? `${path}?${q}` : path;
  };
  const { choice } = scope;
  const all = choice.planId === undefined && choice.year === undefined;
  return (
    <div className="space-y-1 text-sm" data-testid="plan-switcher">
      <nav aria-label="分解表" className="flex flex-wrap items-center gap-1">
        <Link href={href({})} aria-current={all ? "page" : undefined} className={chip(all)}>
          全部执行中
        </Link>
        {scope.options.map((p) => (
          <Link
            key={p.id}
            href={href({ plan: p.id })}
            aria-current={choice.planId === p.id ? "page" : undefined}
            className={chip(choice.planId === p.id)}
            title={p.title}
          >
            {p.label}
            {p.state === "active" ? "" : `（${PLAN_STATE_LABEL[p.state]}）`}
          </Link>
        ))}
        {scope.years.length > 1 && <span className="ml-2 text-stone-400">年度：</span>}
        {scope.years.length > 1 &&
          scope.years.map((y) => (
            <Link key={y} href={href({ year: y })} aria-current={choice.year === y ? "page" : undefined} className={chip(choice.year === y)}>
              {y}年
            </Link>
          ))}
      </nav>
      <p className="text-stone-500" data-testid="plan-coverage">
        {scope.coverage}
        {scope.readOnly && <span className="ml-2 rounded bg-stone-200 px-1 text-xs text-stone-700">已归档，只能查看</span>}
      </p>
    </div>
  );
}

/** The plan a row belongs to, as a small label. */
export function PlanLabel({ label }: { label: string }) {
  return (
    <span className="mr-1 rounded bg-sky-50 px-1 text-xs text-sky-800 ring-1 ring-sky-200" data-testid="plan-label">
      {label}
    </span>
  );
}
