import { IndicatorChip } from "@/components/indicators/indicator-chip";
import { Cell, DataTable, Row } from "@/components/ui/table";
import { IGNORED_LABEL } from "@/lib/indicators/labels";
import { Fragment } from "react";
import type { ImportPreview, PreviewName, PreviewRow } from "@/lib/plans/preview";
import { PLAN_STATE_LABEL, WORK_SOURCE_LABEL } from "@/lib/plans/sources";
import { TASK_COLUMNS, TASK_NAMING_COLUMNS } from "@/components/tasks/task-columns";

const CHANGE_LABEL = { new: "新增", changed: "有变化", unchanged: "无变化" } as const;

function Name({ item }: { item: PreviewName }) {
  if (item.status === "collective") {
    const expansion = item.expandsTo === "all" ? "全部单位" : item.expandsTo?.length ? item.expandsTo.join("、") : "成员尚未设置";
    return (
      <span className="inline-block">
        <span className="rounded bg-sky-50 px-1 text-sky-800">{item.name}</span>
        <span className="ml-1 text-xs text-stone-500">＝{expansion}</span>
      </span>
    );
  }
  return (
    <span>
      {item.name}
      {item.status === "new" && <span className="ml-0.5 rounded bg-green-100 px-1 text-xs text-green-800">新</span>}
    </span>
  );
}

function Names({ items }: { items: PreviewName[] }) {
  if (items.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <span className="flex flex-wrap gap-x-2 gap-y-1">
      {items.map((item) => (
        <Name key={item.name} item={item} />
      ))}
    </span>
  );
}

/** 完成时限 as written, with the date it was read as (or 持续 / 未识别). */
function Deadline({ row }: { row: PreviewRow }) {
  if (row.deadlineText === null) return <span className="text-stone-400">—</span>;
  return (
    <span>
      {row.deadlineText}
      <span className={`block text-xs ${row.deadline ? "text-stone-500" : "text-amber-700"}`}>
        {row.deadline ? `→ ${row.deadline}` : /长期|持续|常态/.test(row.deadlineText) ? "持续" : "未识别为日期"}
      </span>
    </span>
  );
}

export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  return (
    <section aria-label="导入预览" className="space-y-3">
      <div className="rounded border border-stone-200 bg-white p-4 text-sm">
        <h2 className="text-lg font-semibold">{preview.title}</h2>
        <p className="mt-1 text-stone-600">
          {preview.year} 年 · 共 <strong data-testid="preview-count">{counts.rows}</strong> 项任务
          {preview.replacesExisting
            ? `，将更新已有的「${preview.title}」（${PLAN_STATE_LABEL[preview.target.existingState ?? "draft"]}；新增 ${counts.newRows} 项，变化 ${counts.changedRows} 项）`
            : `，将新建「${preview.year}年 ${WORK_SOURCE_LABEL[preview.target.source]}」分解表（草稿：导入后只有督查室和管理员能看到，在“分解表”中开始执行后，各单位才须报送）`}
          {counts.newUnits.length > 0 && `；新单位 ${counts.newUnits.length} 个`}
          {counts.newLeaders.length > 0 && `；新领导 ${counts.newLeaders.length} 位`}
          {counts.warnings > 0 && <span className="text-amber-700">；{counts.warnings} 条提示</span>}
        </p>
        {!preview.replacesExisting && (
          <p className="mt-1 text-stone-600" data-testid="preview-live-plans">
            {preview.target.livePlans.length > 0
              ? `导入不影响正在执行的 ${preview.target.livePlans.join("、")}：各单位和领导看到的任务不变。`
              : "目前没有执行中的分解表。"}
          </p>
        )}
        {counts.indicators > 0 && (
          <p className="mt-1 text-stone-600" data-testid="preview-indicator-count">
            从任务内容中识别出 {counts.indicators} 个量化指标，导入后作为“待确认”，由牵头单位核对确认后纳入跟踪；已确认的指标不受重新导入影响。
          </p>
        )}
        {preview.archivedSeqs.length > 0 && (
          <p className="mt-2 rounded bg-amber-50 px-2 py-1 text-amber-800">
            文档中已没有第 {preview.archivedSeqs.join("、")} 项：导入后这些任务将归档（已填报的内容保留）。
          </p>
        )}
        {preview.warnings.length > 0 && (
          <ul className="mt-2 space-y-1">
            {preview.warnings.map((w, i) => (
              <li key={i} className="rounded bg-amber-50 px-2 py-1 text-amber-800">
                ⚠ {w.line ? `第 ${w.line} 行：` : ""}
                {w.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <DataTable columns={[...TASK_NAMING_COLUMNS, TASK_COLUMNS.units, TASK_COLUMNS.deadline, { label: "变化", className: "w-16" }]} caption="解析结果" dense>
        {preview.rows.map((row, i) => (
          <Fragment key={row.seq}>
            {row.section !== null && row.section !== preview.rows[i - 1]?.section && (
              <tr data-testid="preview-section" className="border-t border-stone-200 bg-stone-50">
                <th scope="rowgroup" colSpan={8} className="px-2 py-1.5 text-left font-medium text-stone-700">
                  {row.section}
                </th>
              </tr>
            )}
            <Row data-testid="preview-row" className={`align-top ${row.warnings.length ? "bg-amber-50" : ""}`}>
              <Cell dense className="tabular-nums">
                {row.seqLabel ?? row.seq}
              </Cell>
              <Cell dense>
                {row.overall && <span className="mr-1 rounded bg-amber-100 px-1 text-xs text-amber-800">全面负责</span>}
                <span className="line-clamp-3">{row.content}</span>
                {row.indicators.length > 0 && (
                  <div className="mt-1 flex flex-wrap gap-1" role="group" aria-label="量化指标">
                    {row.indicators.map((indicator, i) => (
                      <IndicatorChip key={i} indicator={indicator} testId="preview-indicator" />
                    ))}
                  </div>
                )}
                {row.ignoredNumbers.length > 0 && (
                  <p className="mt-1 text-xs text-stone-400">
                    未作为指标：{row.ignoredNumbers.map((n) => `${n.source}（${IGNORED_LABEL[n.reason]}）`).join("、")}
                  </p>
                )}
                {row.warnings.map((w, i) => (
                  <p key={i} className="mt-1 text-xs text-amber-800">
                    ⚠ {w}
                  </p>
                ))}
              </Cell>
              <Cell dense>
                <Names items={row.leaders} />
              </Cell>
              <Cell dense>
                <Names items={row.leadUnits} />
              </Cell>
              <Cell dense>
                <Names items={row.units} />
              </Cell>
              <Cell dense data-testid="preview-deadline">
                <Deadline row={row} />
              </Cell>
              <Cell dense className="text-xs">
                {CHANGE_LABEL[row.change]}
              </Cell>
            </Row>
          </Fragment>
        ))}
      </DataTable>
    </section>
  );
}
