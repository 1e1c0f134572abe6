import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { UnitCreateForm } from "@/components/admin/unit-create-form";
import { UnitTable } from "@/components/admin/unit-table";
import { requirePageFor } from "@/lib/page-guard";
import { listUnitsForAdmin } from "@/lib/services/units";

export const metadata: Metadata = { title: "单位" };

export default async function UnitsPage() {
  const actor = await requirePageFor("admin.manage");
  const units = await listUnitsForAdmin(actor);
  const inactive = units.filter((u) => !u.active).length;
  return (
    <div className="space-y-4">
      <PageHeader title="单位">
        <p className="text-sm text-stone-500">
          共 {units.length} 个单位{inactive > 0 ? `（其中 ${inactive} 个已停用）` : ""}。名称、别名和集合单位名称互不重复，导入文档时据此识别单位。
        </p>
      </PageHeader>
      <section aria-labelledby="new-unit-heading" className="space-y-2">
        <h2 id="new-unit-heading" className="font-medium">
          新建单位
        </h2>
        <UnitCreateForm />
      </section>
      <UnitTable units={units} />
    </div>
  );
}
