import type { Metadata } from "next";
import { ClosureTable, ExtensionTable } from "@/components/requests/request-tables";
import { requirePageFor } from "@/lib/page-guard";
import { can } from "@/lib/policies";
import { listRequestsFor } from "@/lib/services/requests";

export const metadata: Metadata = { title: "延期与销号审批" };

export default async function OfficeRequestsPage() {
  const actor = await requirePageFor("office.read");
  const { extensions, closures } = await listRequestsFor(actor);
  const decide = can(actor, "office.write");
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">延期申请与办结销号</h1>
      <section className="space-y-2">
        <h2 className="font-semibold">延期申请（待审批 {extensions.filter((e) => e.status === "pending").length}）</h2>
        <ExtensionTable rows={extensions} decide={decide} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">销号申请（待核验 {closures.filter((c) => c.status === "pending").length}）</h2>
        <ClosureTable rows={closures} decide={decide} />
      </section>
    </div>
  );
}
