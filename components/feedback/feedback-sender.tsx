/** Who sent one, as the office sees it: the name and unit of a named one; 匿名 for an anonymous one (the page has no more). */
import { Badge } from "@/components/ui/badge";
import type { ReceivedFeedback } from "@/lib/services/feedback";

export function FeedbackSender({ item }: { item: Pick<ReceivedFeedback, "anonymous" | "sender"> }) {
  if (item.anonymous || !item.sender) return <Badge tone="bg-stone-200 text-stone-700">匿名</Badge>;
  return (
    <span data-testid="feedback-sender">
      {item.sender.name}
      {item.sender.unitName && <span className="text-stone-500">（{item.sender.unitName}）</span>}
    </span>
  );
}

export function FeedbackState({ answered }: { answered: boolean }) {
  return answered ? (
    <Badge tone="bg-green-100 text-green-800" data-state="answered">
      已答复
    </Badge>
  ) : (
    <Badge tone="bg-amber-100 text-amber-900" data-state="unanswered">
      未答复
    </Badge>
  );
}
