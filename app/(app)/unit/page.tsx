import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { OpenFollowUps } from "@/components/dispatch/open-follow-ups";
import { UnreadReminders } from "@/components/inbox/unread-reminders";
import { SignalBadge } from "@/components/workspace/badges";
import { OwedRectifications } from "@/components/workspace/owed-rectifications";
import { PastOwed } from "@/components/workspace/past-owed";
import { PlanFilter } from "@/components/workspace/plan-filter";
import { WorkTable } from "@/components/workspace/work-table";
import { requirePageFor } from "@/lib/page-guard";
import { getUnitWorkspace, type WorkItem } from "@/lib/services/workspace";

export const metadata: Metadata = { title: "本单位工作台" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?plan=<id>`: one plan's work only; anything else: every live plan. */
function planParam(raw: string | string[] | undefined): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * The unit's home over every 执行中 plan (or the one chosen with `?plan=`): the current reports and
 * inputs with their deadlines, each labelled with its plan, what is returned, what is owed.
 */
export default async function UnitHome({ searchParams }: Props) {
  const actor = await requirePageFor("unit.act");
  const ws = await getUnitWorkspace(actor, { planId: planParam((await searchParams).plan) });
  const { current, summary } = ws;
  const hasWork = current !== null || ws.reports.length > 0 || ws.contributions.length > 0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={ws.unit.name}>
          <p className="text-sm text-stone-500">
            {ws.plan ? (ws.plans.length > 1 || ws.plan.title === ws.plan.label ? "" : `${ws.plan.title} · `) : "尚未导入分解表"}
            {ws.plan && (
              <>
                牵头{" "}
                <strong data-testid="lead-count" className="text-stone-900">
                  {ws.counts.lead}
                </strong>{" "}
                项 · 配合{" "}
                <strong data-testid="cooperating-count" className="text-stone-900">
                  {ws.counts.cooperating}
                </strong>{" "}
                项
              </>
            )}
          </p>
          {ws.covered.length > 0 && (
            <p className="text-xs text-stone-500" data-testid="covered">
              覆盖：{ws.covered.join("、")}
            </p>
          )}
        </PageHeader>
        {ws.plan && (
          <a
            href="/api/export/task-list"
            download
            className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50"
            data-testid="export-task-list"
            title="导出本单位的任务清单及最新进展（XLSX）"
          >
            下载本单位清单（Excel）
          </a>
        )}
      </div>

      {ws.plans.length > 1 && <PlanFilter plans={ws.plans} chosen={ws.planFilter} />}

      {current ? (
        <section
          aria-label="本期"
          className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded border border-stone-200 bg-white p-4 text-sm"
          data-testid="current-period"
        >
          <span className="text-base font-semibold">本期：{current.label}</span>
          <span className="text-stone-600">截止时间：{current.dueLabel}</span>
          <SignalBadge signal={current.signal} text={current.timeLeft} />
          <span className="ml-auto flex flex-wrap gap-2" data-testid="summary">
            {summary.overdue > 0 && <span className="rounded bg-red-50 px-2 py-0.5 text-red-700 ring-1 ring-red-200">本期逾期 {summary.overdue} 项</span>}
            {summary.dueSoon > 0 && (
              <span className="rounded bg-amber-50 px-2 py-0.5 text-amber-800 ring-1 ring-amber-200">本期 3 天内到期 {summary.dueSoon} 项</span>
            )}
            {summary.pastOwedPeriods > 0 && (
              <a href="#past-owed" className="rounded bg-red-50 px-2 py-0.5 text-red-700 ring-1 ring-red-200 hover:underline">
                往期欠报 {summary.pastOwedPeriods} 期次
              </a>
            )}
          </span>
        </section>
      ) : (
        ws.plan &&
        !hasWork && (
          <p className="rounded border border-stone-200 bg-white p-4 text-sm text-stone-600" data-testid="current-period">
            本年度半月报送自第 {ws.plan.reportingStartPeriod} 个半月期开始，目前尚无需要报送的期次。
          </p>
        )
      )}

      <OwedRectifications actor={actor} />
      <UnreadReminders actor={actor} />
      <OpenFollowUps actor={actor} />

      {ws.returned.length > 0 && (
        <section aria-labelledby="returned-heading" className="space-y-2 rounded border-2 border-red-300 bg-red-50 p-4" data-testid="returned">
          <h2 id="returned-heading" className="font-semibold text-red-800">
            被退回的报告（{ws.returned.length}），请按意见修改后重新报送
          </h2>
          <ul className="space-y-2 text-sm">
            {ws.returned.map((item) => (
              <li key={`${item.taskId}-${item.periodIndex}`} data-testid="returned-item">
                <Link href={item.href} className="font-medium text-red-900 hover:underline">
                  {item.planLabel} · 第 {item.seq} 项 · {item.periodLabel}
                </Link>
                <p className="whitespace-pre-wrap break-words text-red-900" data-testid="return-reason">
                  退回理由：{item.returnReason || "（未填写）"}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {hasWork && (
        <>
          {(ws.counts.lead > 0 || ws.reports.length > 0) && <CurrentWork kind="reports" items={ws.reports} periodLabel={current?.label ?? null} />}
          <CurrentWork kind="contributions" items={ws.contributions} periodLabel={current?.label ?? null} />
          <section id="past-owed" className="space-y-2" aria-labelledby="past-owed-heading">
            <h2 id="past-owed-heading" className="font-semibold">
              往期欠报
            </h2>
            <PastOwed tasks={ws.pastOwed} />
          </section>
        </>
      )}

      {ws.collectedTasks.length > 0 && (
        <section className="space-y-2" aria-labelledby="collected-heading">
          <h2 id="collected-heading" className="font-semibold">
            由牵头单位汇总的任务 <span className="text-sm font-normal text-stone-500">（督查室已安排牵头单位汇总本单位情况，无需单独报送配合进展）</span>
          </h2>
          <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" data-testid="collected-tasks">
            {ws.collectedTasks.map((task) => (
              <li key={task.id} className="px-3 py-2">
                <span className="mr-2 tabular-nums text-stone-500">{task.seq}</span>
                <Link href={`/tasks/${task.id}`} className="hover:text-brand-700 hover:underline">
                  {task.content}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {ws.sharedTasks.length > 0 && (
        <section className="space-y-2" aria-labelledby="shared-heading">
          <h2 id="shared-heading" className="font-semibold">
            各地各部门共同承担的任务 <span className="text-sm font-normal text-stone-500">（无需单独报送配合进展）</span>
          </h2>
          <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" data-testid="shared-tasks">
            {ws.sharedTasks.map((task) => (
              <li key={task.id} className="px-3 py-2">
                <span className="mr-2 rounded bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 ring-1 ring-indigo-200" data-testid="plan-label">
                  {task.planLabel}
                </span>
                <span className="mr-2 tabular-nums text-stone-500">{task.seq}</span>
                {task.overall && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">全面负责</span>}
                <Link href={`/tasks/${task.id}`} className="hover:text-brand-700 hover:underline">
                  {task.content}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** This half month's work of each kind: the reports the unit owes as lead unit, its inputs as cooperating unit. */
const CURRENT_WORK = {
  reports: { title: "本期进展报告", whose: "本单位牵头的任务", empty: "本单位没有需要报送半月进展报告的任务", testId: "report-items" },
  contributions: {
    title: "本期配合进展",
    whose: "本单位作为责任单位的任务，报送给牵头单位",
    empty: "本单位没有需要报送配合进展的任务",
    testId: "contribution-items",
  },
} as const;

/** One kind of this half month's work: the table under its title. */
function CurrentWork({ kind, items, periodLabel }: { kind: keyof typeof CURRENT_WORK; items: WorkItem[]; periodLabel: string | null }) {
  const { title, whose, empty, testId } = CURRENT_WORK[kind];
  return (
    <section className="space-y-2" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`} className="font-semibold">
        {title} <span className="text-sm font-normal text-stone-500">（{whose}）</span>
      </h2>
      <WorkTable items={items} periodLabel={periodLabel} caption={title} empty={empty} testId={testId} />
    </section>
  );
}
