import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { RectificationTable } from "@/components/rectification/rectification-table";
import { requirePageFor } from "@/lib/page-guard";
import { listRectificationsForUnit } from "@/lib/services/rectifications";

export const metadata: Metadata = { title: "整改报告" };

export default async function UnitRectificationsPage() {
  const actor = await requirePageFor("unit.act");
  const rows = await listRectificationsForUnit(actor);
  const overdue = rows.filter((r) => r.overdue).length;
  return (
    <div className="space-y-4">
      <PageHeader title="整改报告">
        <p className="text-sm text-stone-500">本单位被通报批评后须在期限内报送的书面整改报告。</p>
      </PageHeader>
      {overdue > 0 && (
        <p role="alert" className="rounded bg-red-600 px-3 py-2 text-sm font-medium text-white">
          有 {overdue} 份整改报告已超过期限仍未报送，请尽快报送。
        </p>
      )}
      <RectificationTable rows={rows} showUnit={false} linkOf={(r) => `/rectifications/${r.id}`} />
    </div>
  );
}
