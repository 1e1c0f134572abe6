"use client";

import { useRouter } from "next/navigation";
import { InlineError } from "@/components/ui/form";
import { useActionRun } from "@/components/ui/use-action-run";
import type { ActionResult } from "@/lib/server/pipeline/define-action";

/** One 减负 measure on a cause row (由牵头单位汇总, 撤销, 改为每月报送): runs, then the page shows the new figures. */
export function MeasureButton({ label, run, title }: { label: string; run: () => Promise<ActionResult<unknown>>; title?: string }) {
  const router = useRouter();
  const { pending, feedback, run: runAction } = useActionRun();
  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        title={title}
        disabled={pending}
        onClick={() => runAction(run, () => router.refresh())}
        className="rounded border border-stone-300 bg-white px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-50 disabled:cursor-not-allowed disabled:opacity-60"
      >
        {pending ? "处理中…" : label}
      </button>
      <InlineError feedback={feedback} className="text-xs text-red-700" />
    </span>
  );
}
