"use client";

import { COLUMN_ROLE_LABEL, COLUMN_ROLES, type ColumnInfo, type ColumnRole } from "@/lib/import/types";
import type { WorkSource } from "@/db/schema";
import type { ImportChoices } from "@/lib/plans/import-schemas";
import { WORK_SOURCE_LABEL, WORK_SOURCES } from "@/lib/plans/sources";
import { HeaderCells } from "@/components/ui/table";

const SOURCE_LABEL: Record<ColumnInfo["source"], string> = { auto: "按表头识别", remembered: "按上次的设置", manual: "手动指定" };

/**
 * How the document is read, as the administrator may change it in the preview: the plan year, what
 * each column holds, and 「列第一位的为牵头单位」. Every change reads the stored document again.
 */
export function ImportChoicesPanel({
  columns,
  year,
  yearFromDocument,
  firstUnitAsLead,
  source,
  choices,
  pending,
  onChange,
}: {
  columns: ColumnInfo[];
  year: number | null;
  yearFromDocument: boolean;
  firstUnitAsLead: boolean | null;
  /** The plan's 任务来源 as the preview reads it (null before the document could be read). */
  source: WorkSource | null;
  choices: ImportChoices;
  pending: boolean;
  onChange: (choices: ImportChoices) => void;
}) {
  function setRole(index: number, role: ColumnRole) {
    onChange({ ...choices, columns: { ...choices.columns, [String(index)]: role } });
  }
  return (
    <section aria-label="读取设置" className="space-y-3 rounded border border-stone-200 bg-white p-4 text-sm">
      <h2 className="font-semibold">读取设置</h2>
      <div className="flex flex-wrap items-end gap-6">
        <label className="block">
          <span className="text-stone-600">年度</span>
          <input
            key={year ?? "none"}
            type="number"
            min={2000}
            max={2100}
            defaultValue={year ?? ""}
            disabled={pending}
            onBlur={(e) => {
              const value = Number(e.target.value);
              if (Number.isInteger(value) && value >= 2000 && value <= 2100 && value !== year) onChange({ ...choices, year: value });
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") e.currentTarget.blur();
            }}
            className="mt-1 block w-24 rounded border border-stone-300 px-2 py-1"
          />
          <span className="mt-1 block text-xs text-stone-500">
            {yearFromDocument ? "取自文档标题" : year === null ? "留空则按文档中的年份；文档中没有年份时请填写" : "文档中没有年份，请核对"}
          </span>
        </label>
        {source !== null && (
          <label className="block">
            <span className="text-stone-600">任务来源</span>
            <select
              value={choices.source ?? source}
              disabled={pending}
              onChange={(e) => onChange({ ...choices, source: e.target.value as WorkSource })}
              className="mt-1 block rounded border border-stone-300 px-2 py-1"
            >
              {WORK_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {WORK_SOURCE_LABEL[s]}
                </option>
              ))}
            </select>
            <span className="mt-1 block text-xs text-stone-500">
              {choices.source ? "手动选择" : "按标题判断"}：同年度、同来源、同标题的分解表再次导入时更新原表
            </span>
          </label>
        )}
        {firstUnitAsLead !== null && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={firstUnitAsLead} disabled={pending} onChange={(e) => onChange({ ...choices, firstUnitAsLead: e.target.checked })} />
            <span>表格没有「牵头单位」列：按「列第一位的为牵头单位」确定牵头单位</span>
          </label>
        )}
      </div>
      {columns.length > 0 && (
        <div className="overflow-x-auto">
          <table className="text-sm">
            <caption className="mb-1 text-left text-stone-600">
              各列的用途（表头无法识别或识别有误时，请手动选择；手动设置会记住，下次导入同样表头的文档时沿用）
            </caption>
            <thead>
              <tr className="text-left text-stone-500">
                <HeaderCells columns={["列", "表头", "导入为", { label: "" }]} cellClassName="px-2 py-1 font-normal" />
              </tr>
            </thead>
            <tbody>
              {columns.map((column) => (
                <tr key={column.index} data-testid="import-column" className="border-t border-stone-100">
                  <td className="px-2 py-1 tabular-nums text-stone-500">{column.index + 1}</td>
                  <td className="px-2 py-1">{column.header || "（无表头）"}</td>
                  <td className="px-2 py-1">
                    <select
                      aria-label={`第 ${column.index + 1} 列「${column.header || "无表头"}」导入为`}
                      value={column.role}
                      disabled={pending}
                      onChange={(e) => setRole(column.index, e.target.value as ColumnRole)}
                      className={`rounded border px-1 py-0.5 ${column.role === "ignored" ? "border-amber-300 bg-amber-50" : "border-stone-300"}`}
                    >
                      {COLUMN_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {COLUMN_ROLE_LABEL[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="px-2 py-1 text-xs text-stone-500">{SOURCE_LABEL[column.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
