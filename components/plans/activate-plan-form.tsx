"use client";

import { useState } from "react";
import { activatePlanAction } from "@/app/(app)/plans/actions";
import { BurdenWarningBox } from "@/components/burden/burden-warning";
import { burdenWarningOf, type BurdenWarning } from "@/lib/burden/warning";
import { ConfirmedAction } from "./confirmed-action";

/**
 * 开始执行 a draft, after saying what it means: which units will owe reports for how many tasks, from
 * which half month (never one already over).
 */
export function ActivatePlanForm({
  planId,
  title,
  periods,
  firstPeriod,
  leadUnits,
  leadUnitNames,
  tasks,
}: {
  planId: number;
  title: string;
  periods: { index: number; label: string; due: string }[];
  firstPeriod: number;
  leadUnits: number;
  leadUnitNames: string[];
  tasks: number;
}) {
  const shown = leadUnitNames.slice(0, 12);
  const [period, setPeriod] = useState(firstPeriod);
  const chosen = periods.find((p) => p.index === period);
  // 减负: the server names the units the plan would push past the 负担提醒线; the next 确认 is confirmed only when ticked.
  const [warning, setWarning] = useState<BurdenWarning | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const run = async () => {
    const result = await activatePlanAction({ planId, firstPeriod: period, ...(warning && confirmed ? { confirmBurden: true } : {}) });
    if (!result.ok) setWarning(burdenWarningOf(result.current) ?? warning);
    return result;
  };
  return (
    <div className="space-y-2 text-sm">
      <label className="block">
        <span className="text-stone-600">从哪个半月期起报送</span>
        <select
          value={period}
          onChange={(e) => {
            setPeriod(Number(e.target.value));
            setWarning(null);
            setConfirmed(false);
          }}
          className="ml-2 rounded border border-stone-300 px-2 py-1"
        >
          {periods.map((p) => (
            <option key={p.index} value={p.index}>
              {p.label}（{p.due}截止）
            </option>
          ))}
        </select>
      </label>
      <ConfirmedAction label="开始执行" confirmLabel="确认开始执行" dialogLabel={`开始执行「${title}」`} successText="已开始执行" run={run}>
        <p data-testid="activation-consequence">
          开始执行后，{leadUnits} 个牵头单位须从 {chosen?.label}（{chosen?.due}截止）起，按半月报送 {tasks}{" "}
          项任务的进展；各单位、责任领导即可在首页和任务表中看到这份分解表。正在执行的其他分解表照常进行。
        </p>
        {shown.length > 0 && (
          <p data-testid="activation-units" className="text-stone-600">
            须报送的牵头单位：{shown.join("、")}
            {leadUnitNames.length > shown.length ? ` 等 ${leadUnitNames.length} 个` : ""}
          </p>
        )}
        {warning && <BurdenWarningBox warning={warning} confirmed={confirmed} onConfirmedChange={setConfirmed} what="开始执行" />}
      </ConfirmedAction>
    </div>
  );
}
