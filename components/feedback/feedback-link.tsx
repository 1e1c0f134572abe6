"use client";
/**
 * 意见建议 in the header, on every page: opens the form with the page it was opened from
 * (`/feedback/new?from=/tasks/46`). The path is read when the page renders (on the server too, so the
 * link works without JavaScript); the form checks it is a path of the app.
 */
import Link from "next/link";
import { usePathname } from "next/navigation";

export function FeedbackLink() {
  const pathname = usePathname();
  const href = pathname && !pathname.startsWith("/feedback") ? `/feedback/new?from=${encodeURIComponent(pathname)}` : "/feedback/new";
  return (
    <Link href={href} className="whitespace-nowrap text-white/90 hover:text-white hover:underline" data-testid="feedback-link">
      意见建议
    </Link>
  );
}
