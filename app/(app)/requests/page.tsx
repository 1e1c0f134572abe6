import type { Metadata } from "next";
import { ClosureForm } from "@/components/requests/closure-form";
import { ExtensionForm } from "@/components/requests/extension-form";
import { ClosureTable, ExtensionTable } from "@/components/requests/request-tables";
import { requirePageFor } from "@/lib/page-guard";
import { getRequestFormOptions, listRequestsFor } from "@/lib/services/requests";

export const metadata: Metadata = { title: "延期与销号" };

export default async function UnitRequestsPage() {
  const actor = await requirePageFor("unit.act");
  const [options, requests] = await Promise.all([getRequestFormOptions(actor), listRequestsFor(actor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">延期申请与办结销号</h1>
      {options.tasks.length === 0 ? (
        <p className="text-sm text-stone-500">本单位没有牵头的在办任务。</p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section className="space-y-2 rounded border border-stone-200 bg-white p-4">
            <h2 className="font-semibold">申请延期报送</h2>
            <ExtensionForm tasks={options.tasks} periods={options.periods} periodsByTask={options.periodsByTask} />
          </section>
          <section className="space-y-2 rounded border border-stone-200 bg-white p-4">
            <h2 className="font-semibold">申请办结销号</h2>
            <p className="text-sm text-stone-500">任务已全部完成时申请；督查室核验后销号，此后不再需要报送。</p>
            <ClosureForm tasks={options.tasks} />
          </section>
        </div>
      )}
      <section className="space-y-2">
        <h2 className="font-semibold">本单位的延期申请</h2>
        <ExtensionTable rows={requests.extensions} decide={false} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">本单位的销号申请</h2>
        <ClosureTable rows={requests.closures} decide={false} />
      </section>
    </div>
  );
}
