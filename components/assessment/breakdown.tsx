/** A unit's 考核 breakdown: each item's points with the rule and the records behind them (links), then the adjustments and their reasons. */
import Link from "next/link";
import type { ItemScore, UnitScore } from "@/lib/assessment/score";
import { formatShanghai } from "@/lib/periods";

const fixed = (n: number) => n.toFixed(2);
const signed = (n: number) => (n > 0 ? `+${fixed(n)}` : fixed(n));

function ItemCounts({ item }: { item: ItemScore }) {
  if (item.denominator === null) return <>{item.numerator} 次</>;
  if (item.noneOwed) return <>无应报事项（按满分计）</>;
  return (
    <>
      {item.numerator} / {item.denominator}
      {item.notCounted > 0 && <span className="text-stone-500">（另有 {item.notCounted} 份待审核，不计）</span>}
    </>
  );
}

export function Breakdown({ row, fullMarks }: { row: Omit<UnitScore, "items"> & { items: (ItemScore & { rule: string })[] }; fullMarks: number }) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline gap-4 rounded border border-stone-200 bg-white p-4" data-testid="breakdown-total">
        <p className="text-3xl font-semibold text-brand-800">{fixed(row.total)} 分</p>
        <p className="text-sm text-stone-600">
          计算得分 {fixed(row.computed)}（满分 {fullMarks}）{row.adjustment !== 0 && <>，调整 {signed(row.adjustment)}</>}
        </p>
      </div>
      {row.items.map((item) => (
        <section key={item.kind} aria-labelledby={`item-${item.kind}`} className="rounded border border-stone-200 bg-white">
          <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-100 px-4 py-2">
            <h3 id={`item-${item.kind}`} className="font-medium">
              {item.label}
              <span className="ml-2 text-sm font-normal text-stone-500">{item.rule}</span>
            </h3>
            <p className="text-sm">
              <ItemCounts item={item} />
              <span className="ml-3 font-semibold" data-testid={`points-${item.kind}`}>
                {item.denominator === null ? signed(item.points) : fixed(item.points)} 分
              </span>
              {item.max !== null && <span className="text-stone-500"> / {item.max}</span>}
            </p>
          </header>
          {item.evidence.length > 0 ? (
            <details className="px-4 py-2 text-sm" open={item.evidence.length <= 12}>
              <summary className="cursor-pointer text-stone-600">依据（{item.evidence.length} 条）</summary>
              <ul className="mt-2 grid gap-1 sm:grid-cols-2">
                {item.evidence.map((e, i) => (
                  <li key={i} className={e.good ? "text-stone-700" : "text-red-700"}>
                    <span aria-hidden="true">{e.good ? "✓ " : "✗ "}</span>
                    <Link href={e.href} className="hover:underline">
                      {e.text}
                    </Link>
                  </li>
                ))}
              </ul>
            </details>
          ) : (
            <p className="px-4 py-2 text-sm text-stone-500">{item.noneOwed ? "本考核期无应报事项。" : "无。"}</p>
          )}
        </section>
      ))}
      <section aria-labelledby="adjustments" className="rounded border border-stone-200 bg-white px-4 py-2">
        <h3 id="adjustments" className="font-medium">
          督查室调整
        </h3>
        {row.adjustments.length === 0 ? (
          <p className="text-sm text-stone-500">无调整。</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm" data-testid="adjustments">
            {row.adjustments.map((a) => (
              <li key={a.id}>
                <span className="font-semibold">{signed(a.points)} 分</span>：{a.reason}
                <span className="ml-2 text-stone-500">{formatShanghai(a.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const OBJECTION_STATE_CLASS = { pending: "text-amber-700", upheld: "text-green-700", rejected: "text-stone-600" } as const;
