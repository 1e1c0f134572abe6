import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { formatShanghai } from "@/lib/periods";
import { getUnreadReminders } from "@/lib/services/inbox";
import { HeadedSection } from "@/components/ui/headed-section";

/**
 * The unit's unread reminders (催办), for its home page: a red box with each reminder's title and a
 * link to the inbox, where opening it marks it read. Renders nothing when there are none.
 */
export async function UnreadReminders({ actor }: { actor: Actor }) {
  const items = await getUnreadReminders(actor);
  if (items.length === 0) return null;
  return (
    <HeadedSection
      id="unread-reminders-heading"
      title={<>督查室催办（{items.length} 条未读）</>}
      className="space-y-2 rounded border-2 border-red-300 bg-red-50 p-4"
      testId="unread-reminders"
      headingClassName="font-semibold text-red-800"
    >
      <ul className="space-y-1 text-sm text-red-900">
        {items.map((item) => (
          <li key={item.id}>
            <span className="mr-2 text-xs text-red-700">{formatShanghai(item.createdAt)}</span>
            {item.title}
          </li>
        ))}
      </ul>
      <Link href="/inbox" className="inline-block text-sm font-medium text-red-800 underline">
        到消息中查看
      </Link>
    </HeadedSection>
  );
}
