"use client";

import { primaryButtonClass } from "@/components/ui/form";

/** The recovery codes, shown this once: the user writes them down, then confirms. */
export function RecoveryCodesShown({ codes, doneHref }: { codes: string[]; doneHref: string }) {
  return (
    <div className="space-y-3" data-testid="recovery-codes">
      <p role="status" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        请把下面 10 个恢复码抄写或打印下来，妥善保管。手机丢失时，每个恢复码可代替动态验证码使用一次。离开本页后将不再显示。
      </p>
      <ol aria-label="恢复码" className="grid max-w-md grid-cols-2 gap-x-6 gap-y-1 rounded border border-stone-200 bg-stone-50 px-4 py-3 font-mono text-base">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <button type="button" className={primaryButtonClass} onClick={() => window.location.assign(doneHref)}>
        我已保存
      </button>
    </div>
  );
}
