import type { Metadata } from "next";
import Link from "next/link";
import { DispatchRecord } from "@/components/dispatch/dispatch-record";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageActor } from "@/lib/auth/session";
import { idParam, orNotFound } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { getDispatchFor } from "@/lib/services/dispatches";

export const metadata: Metadata = { title: "调度会议纪要" };

/** The printable record. The service decides who may read it (a unit: only its own tasks or follow-ups). */
export default async function DispatchPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const dispatch = await orNotFound(getDispatchFor(actor, idParam((await params).id)));
  const back = can(actor, "unit.act") ? { href: "/unit/follow-ups", label: "调度事项" } : { href: "/leader/dispatches", label: "调度记录" };
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <div className="dispatch-toolbar flex flex-wrap items-center gap-3 print:hidden">
        <Link href={back.href} className="text-sm text-stone-500 hover:underline">
          ← {back.label}
        </Link>
        <span className="ml-auto" />
        {dispatch.can.edit && (
          <Link
            href={`/leader/dispatches/${dispatch.id}/edit`}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm text-stone-700 hover:bg-stone-50"
          >
            修改
          </Link>
        )}
        <PrintButton testId="print-dispatch" />
      </div>
      <DispatchRecord dispatch={dispatch} />
    </div>
  );
}
