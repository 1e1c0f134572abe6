import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { listOwedRectifications } from "@/lib/services/rectifications";
import { SignalBadge } from "./badges";
import { HeadedSection } from "@/components/ui/headed-section";

/**
 * For the unit's home: the 整改报告 it owes after a 通报批评, with the notice, the deadline and the
 * time left, in red like a returned report. Renders nothing when none is owed.
 */
export async function OwedRectifications({ actor }: { actor: Actor }) {
  const owed = await listOwedRectifications(actor);
  if (owed.length === 0) return null;
  return (
    <HeadedSection
      id="owed-rectifications-heading"
      title={<>本单位被通报批评，须报送整改报告（{owed.length}）</>}
      className="space-y-2 rounded border-2 border-red-300 bg-red-50 p-4"
      testId="owed-rectifications"
      headingClassName="font-semibold text-red-800"
    >
      <ul className="space-y-2 text-sm">
        {owed.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="owed-rectification">
            <span className="text-red-900">
              《{r.noticeTitle}》（{r.numberText}）
            </span>
            <span className="font-medium text-red-900">整改报告 {r.dueLabel} 前报送</span>
            <SignalBadge signal={r.signal} text={r.timeLeft} />
            {r.status === "returned" && <span className="text-red-800">已被退回：{r.returnReason || "（未填写理由）"}</span>}
            <Link href={`/rectifications/${r.id}`} className="font-medium text-brand-700 underline">
              {r.status === "returned" ? "修改整改报告" : "填写整改报告"}
            </Link>
          </li>
        ))}
      </ul>
    </HeadedSection>
  );
}
