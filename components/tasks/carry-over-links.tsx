import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getCarryLinksFor } from "@/lib/services/carry-over";

/** 跨年度结转 on a task page: 「结转自 …」 (the earlier task, its reports and history) and 「已结转至 …」. */
export async function CarryOverLinks({ actor, taskId }: { actor: Actor; taskId: number }) {
  const links = await getCarryLinksFor(actor, taskId);
  if (!links.from && links.to.length === 0) return null;
  const link = (t: { taskId: number; label: string; viewable: boolean }) =>
    t.viewable ? (
      <Link href={`/tasks/${t.taskId}`} className="font-medium text-brand-700 hover:underline">
        {t.label}
      </Link>
    ) : (
      <span className="font-medium">{t.label}</span>
    );
  return (
    <aside className="space-y-1 rounded border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900" data-testid="carry-over-links">
      {links.from && <p>结转自 {link(links.from)}（以往的报告和记录在原任务页查看）</p>}
      {links.to.map((t) => (
        <p key={t.taskId}>已结转至 {link(t)}</p>
      ))}
    </aside>
  );
}
