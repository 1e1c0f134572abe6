import type { Actor } from "@/lib/auth/actor";
import { ITEM_STATE_LABEL, type ItemState } from "@/lib/items/item-state";
import { formatShanghai } from "@/lib/periods";
import { WORK_SOURCE_LABEL } from "@/lib/plans/sources";
import { CADENCE_LABEL } from "@/lib/reporting/cadence";
import { getItemPanelFor } from "@/lib/services/items";
import { Badge } from "@/components/ui/badge";
import { AcknowledgeItemButton } from "./acknowledge-item-button";

/** The colours of an item's 签收 state. */
const ITEM_STATE_CLASS: Record<ItemState, string> = {
  unacknowledged: "bg-amber-50 text-amber-800 ring-amber-200",
  overdue: "bg-red-50 text-red-700 ring-red-200",
  acknowledged: "bg-green-50 text-green-800 ring-green-200",
  closed: "bg-stone-100 text-stone-600 ring-stone-200",
};

/** An item's 签收 state (here and in the 督办事项 list). */
export function ItemStateBadge({ state, testId }: { state: ItemState; testId: string }) {
  return (
    <Badge tone={`ring-1 ${ITEM_STATE_CLASS[state]}`} plain data-testid={testId}>
      {ITEM_STATE_LABEL[state]}
    </Badge>
  );
}

/** 督办事项 on its task page: 立项号, source, 文号, date issued, cadence and 签收 (with the button for the lead unit). Nothing for a table task. */
export async function ItemPanel({ actor, taskId }: { actor: Actor; taskId: number }) {
  const item = await getItemPanelFor(actor, taskId);
  if (!item) return null;
  return (
    <section aria-labelledby="item-facts" className="space-y-3 rounded border border-stone-200 bg-white p-4" data-testid="item-panel">
      <h2 id="item-facts" className="font-medium">
        督办事项
      </h2>
      <dl className="grid gap-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <dt className="text-stone-500">立项号</dt>
          <dd className="mt-1 font-medium" data-testid="item-number">
            {item.seqLabel}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">来源</dt>
          <dd className="mt-1">{item.source ? WORK_SOURCE_LABEL[item.source] : "—"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">文号</dt>
          <dd className="mt-1">{item.documentNumber ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">交办日期</dt>
          <dd className="mt-1">{item.issuedOn ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-stone-500">报送频次</dt>
          <dd className="mt-1" data-testid="item-cadence">
            {CADENCE_LABEL[item.cadence ?? "half_monthly"]}
          </dd>
        </div>
        <div>
          <dt className="text-stone-500">签收</dt>
          <dd className="mt-1">
            <ItemStateBadge state={item.state} testId="item-acknowledge-state" />
          </dd>
        </div>
      </dl>
      <p className="text-sm text-stone-600" data-testid="item-acknowledge-note">
        {item.acknowledgedAt
          ? `${item.acknowledgedByName ?? ""} 于 ${formatShanghai(item.acknowledgedAt)} 签收`
          : item.closedAt
            ? "已办结"
            : `立项于 ${formatShanghai(item.registeredAt)}，牵头单位应于 ${item.acknowledgeDueLabel} 前签收`}
      </p>
      {item.canAcknowledge && <AcknowledgeItemButton taskId={item.id} />}
    </section>
  );
}
