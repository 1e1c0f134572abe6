import type { Metadata } from "next";
import Link from "next/link";
import { MeasureButton } from "@/components/burden/measure-button";
import { PageHeader } from "@/components/ui/page-header";
import { parseMonth } from "@/lib/burden/month";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";
import { getUnitBurden } from "@/lib/services/burden";
import { collectInputAction, lowerCadenceAction, uncollectInputAction } from "../actions";

export const metadata: Metadata = { title: "单位负担明细" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** One unit's load in a month, task by task, with the office's measures on each cause. */
export default async function UnitBurdenPage({
  params,
  searchParams,
}: {
  params: Promise<{ unitId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageFor("office.read");
  const [{ unitId }, query] = await Promise.all([params, searchParams]);
  const month = parseMonth(first(query.month));
  const burden = await orNotFound(getUnitBurden(actor, idParam(unitId), { month }));
  const { row, unit } = burden;
  return (
    <div className="space-y-4">
      <PageHeader title={`${unit.name} · ${burden.monthLabel}负担`} back={{ href: `/supervision/burden?month=${burden.monthParam}`, label: "基层负担监测" }}>
        <p className="text-sm text-stone-600" data-testid="unit-burden-summary">
          应报事项 {row.owed}（进展报告 {row.reports}、配合进展 {row.inputs}），须填写 {row.fields} 个栏目，收到催办 {row.reminders} 次，消息 {row.messages} 条
          {row.breaches.length > 0 && <span className="ml-2 font-medium text-red-700">超过负担提醒线</span>}
        </p>
        {row.causes.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-sm text-stone-700" data-testid="unit-causes">
            {row.causes.map((cause) => (
              <li key={cause}>{cause}</li>
            ))}
          </ul>
        )}
      </PageHeader>

      <section aria-labelledby="duties-heading" className="space-y-2">
        <h2 id="duties-heading" className="font-semibold">
          造成负担的任务
        </h2>
        <p className="text-sm text-stone-500">
          配合单位的配合进展可改由牵头单位汇总（该单位不再单独报送）；可降低任务的报送频次（已报送的各期保持不变）；牵头的任务中同一项工作的任务和督办事项，可在任务页关联为同一事项，一次报送。
        </p>
        <table className="w-full border-collapse bg-white text-sm" data-testid="unit-duties">
          <thead>
            <tr className="border-b border-stone-200 text-left text-stone-500">
              <th scope="col" className="px-2 py-1.5">
                任务
              </th>
              <th scope="col" className="px-2 py-1.5">
                本单位须报
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-1.5 text-right">
                本月份数
              </th>
              <th scope="col" className="whitespace-nowrap px-2 py-1.5 text-right">
                栏目
              </th>
              {burden.canManage && (
                <th scope="col" className="px-2 py-1.5">
                  减负措施
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {burden.duties.map((duty) => (
              <tr key={`${duty.kind}:${duty.taskId}`} className="border-b border-stone-100 align-top" data-testid="duty-row">
                <td className="px-2 py-1.5">
                  <span className="mr-2 tabular-nums text-stone-500">{duty.seq}</span>
                  <Link href={`/tasks/${duty.taskId}`} className="line-clamp-2 inline hover:text-brand-700 hover:underline">
                    {duty.content}
                  </Link>
                </td>
                <td className="whitespace-nowrap px-2 py-1.5">
                  {duty.kind === "report" ? "牵头 · 进展报告" : "配合 · 配合进展"}
                  <span className="block text-xs text-stone-500">{duty.cadenceLabel}</span>
                </td>
                <td className="px-2 py-1.5 text-right tabular-nums">{duty.count}</td>
                <td className="px-2 py-1.5 text-right tabular-nums">{duty.fields}</td>
                {burden.canManage && (
                  <td className="px-2 py-1.5">
                    <div className="flex flex-wrap gap-2">
                      {duty.kind === "input" && (
                        <MeasureButton
                          label="由牵头单位汇总"
                          title="牵头单位在进展报告中汇总本单位情况，本单位不再单独报送这项任务的配合进展"
                          run={collectInputAction.bind(null, { taskId: duty.taskId, unitId: unit.id })}
                        />
                      )}
                      {duty.lowerTo.map((cadence) => (
                        <MeasureButton
                          key={cadence}
                          label={`改为${CADENCE_LABEL[cadence]}`}
                          title="降低这项任务的报送频次（对牵头单位和所有配合单位生效；已报送的各期保持不变）"
                          run={lowerCadenceAction.bind(null, { taskId: duty.taskId, cadence: cadence as "monthly" | "final" })}
                        />
                      ))}
                      {duty.kind === "report" && (
                        <Link
                          href={`/tasks/${duty.taskId}#linked-work`}
                          title="同一项工作的任务和督办事项关联后，牵头单位每期只报送一份报告"
                          className="rounded px-2 py-0.5 text-xs text-brand-700 hover:underline"
                        >
                          合并同一事项
                        </Link>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            ))}
            {burden.duties.length === 0 && (
              <tr>
                <td colSpan={burden.canManage ? 5 : 4} className="px-2 py-4 text-center text-stone-500">
                  这个月没有应报的进展报告或配合进展。
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </section>

      {burden.collected.length > 0 && (
        <section aria-labelledby="collected-heading" className="space-y-2">
          <h2 id="collected-heading" className="font-semibold">
            由牵头单位汇总的任务
          </h2>
          <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" data-testid="collected-list">
            {burden.collected.map((task) => (
              <li key={task.taskId} className="flex items-baseline justify-between gap-3 px-3 py-2">
                <span>
                  <span className="mr-2 tabular-nums text-stone-500">{task.seq}</span>
                  {task.content}
                </span>
                {burden.canManage && <MeasureButton label="撤销汇总" run={uncollectInputAction.bind(null, { taskId: task.taskId, unitId: unit.id })} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
