import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { formatShanghai } from "@/lib/periods";
import { getLatestInstructions } from "@/lib/services/coordination";
import { HeadedSection } from "@/components/ui/headed-section";

/** On the report form: the leaders' latest instructions (批示) on this task's coordination requests. */
export async function LatestInstructions({ actor, taskId }: { actor: Actor; taskId: number }) {
  const items = await getLatestInstructions(actor, taskId);
  if (items.length === 0) return null;
  return (
    <HeadedSection
      id="latest-instructions-heading"
      title="责任领导对需协调事项的最新批示"
      className="space-y-2 rounded border border-sky-200 bg-sky-50 p-4 text-sm"
      testId="latest-instructions"
      headingClassName="font-semibold text-sky-900"
    >
      <ul className="space-y-2">
        {items.map((i) => (
          <li key={`${i.requestId}-${i.createdAt.getTime()}`}>
            <p className="text-xs text-stone-600">
              {i.periodLabel} · {i.leaderName} {formatShanghai(i.createdAt)}
            </p>
            <p className="whitespace-pre-wrap break-words text-stone-900">{i.body}</p>
          </li>
        ))}
      </ul>
      <Link href={`/tasks/${taskId}#coordination`} className="text-xs text-brand-700 hover:underline">
        查看全部需协调事项
      </Link>
    </HeadedSection>
  );
}
