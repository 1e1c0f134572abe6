"use client";

import { type BurdenWarning, projectedText } from "@/lib/burden/warning";

/**
 * 「以下单位将超过负担提醒线：…」 before something is published, with each unit's figures, and the
 * tick that makes the next submit a confirmed one (the server checks the flag again).
 */
export function BurdenWarningBox({
  warning,
  confirmed,
  onConfirmedChange,
  what,
}: {
  warning: BurdenWarning;
  confirmed: boolean;
  onConfirmedChange: (value: boolean) => void;
  what: string;
}) {
  return (
    <div role="alert" className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="burden-warning">
      <p className="font-medium">以下单位将超过负担提醒线：</p>
      <ul className="list-disc pl-5">
        {warning.units.map((u) => (
          <li key={u.unitId}>
            {u.unitName}：{projectedText(u)}
          </li>
        ))}
      </ul>
      <p className="text-red-800">可先在「负担监测」中查看原因、让牵头单位汇总配合进展或降低报送频次，或调整后再{what}。</p>
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirmedChange(e.target.checked)} />
        我已知悉上述单位将超过负担提醒线，仍要{what}
      </label>
    </div>
  );
}
