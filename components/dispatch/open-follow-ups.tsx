import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getUnitFollowUps } from "@/lib/services/dispatches";
import { HeadedSection } from "@/components/ui/headed-section";

/**
 * For the unit's home: its open follow-ups (调度事项) from leaders' dispatch meetings, the overdue
 * ones in red, with a link to close them. Renders nothing when there are none.
 */
export async function OpenFollowUps({ actor }: { actor: Actor }) {
  const open = (await getUnitFollowUps(actor)).filter((f) => f.status === "open");
  if (open.length === 0) return null;
  const overdue = open.filter((f) => f.signal === "overdue").length;
  return (
    <HeadedSection
      id="open-follow-ups-box"
      title={
        <>
          调度事项待办结 {open.length} 项{overdue > 0 && `，其中逾期 ${overdue} 项`}
        </>
      }
      className={`space-y-2 rounded border-2 p-4 ${overdue ? "border-red-300 bg-red-50" : "border-sky-200 bg-sky-50"}`}
      testId="open-follow-ups"
      headingClassName={`font-semibold ${overdue ? "text-red-800" : "text-sky-900"}`}
    >
      <ul className="space-y-1 text-sm">
        {open.slice(0, 5).map((f) => (
          <li key={f.id} className={f.signal === "overdue" ? "text-red-800" : "text-stone-800"}>
            <span className="mr-2 tabular-nums text-xs">{f.dueOn} 前</span>
            {f.content.length > 60 ? `${f.content.slice(0, 60)}…` : f.content}
            <span className="ml-1 text-xs text-stone-500">（{f.leaderName}调度）</span>
          </li>
        ))}
      </ul>
      <Link href="/unit/follow-ups" className="inline-block text-sm font-medium text-brand-700 underline">
        到调度事项中办结
      </Link>
    </HeadedSection>
  );
}
