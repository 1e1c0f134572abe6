import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { getSharedReportNote } from "@/lib/services/shared-reports";

/** On a report page: 「与 X 共用一份报告」 for a mirror (linking to the original), or the tasks an original also counts for. */
export async function SharedReportNote({ actor, taskId, periodIndex }: { actor: Actor; taskId: number; periodIndex: number }) {
  const note = await getSharedReportNote(actor, taskId, periodIndex);
  if (!note) return null;
  if (note.kind === "mirror") {
    const { original } = note;
    return (
      <p className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="shared-report">
        与{" "}
        {original.viewable ? (
          <Link href={`/tasks/${original.taskId}/reports/${original.periodIndex}`} className="font-medium text-brand-700 hover:underline">
            {original.label}
          </Link>
        ) : (
          <span className="font-medium">{original.label}</span>
        )}{" "}
        共用一份报告{note.linked ? "：本页只读，修改和审核以原报告为准，审核结果一并生效。" : "（已取消关联，此后不再同步）。"}
      </p>
    );
  }
  return (
    <p className="rounded bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="shared-report">
      本报告同时计入：
      {note.mirrors.map((m, i) => (
        <span key={m.taskId}>
          {i > 0 && "、"}
          {m.viewable ? (
            <Link href={`/tasks/${m.taskId}/reports/${m.periodIndex}`} className="text-brand-700 hover:underline">
              {m.label}
            </Link>
          ) : (
            m.label
          )}
        </span>
      ))}
    </p>
  );
}
