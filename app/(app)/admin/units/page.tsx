import { AdminListPage } from "@/components/admin/list-page";
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
    <AdminListPage
      title="单位"
      intro={
        <p className="text-sm text-stone-500">
          共 {units.length} 个单位{inactive > 0 ? `（其中 ${inactive} 个已停用）` : ""}。名称、别名和集合单位名称互不重复，导入文档时据此识别单位。
        </p>
      }
      create={{ id: "new-unit-heading", title: "新建单位", form: <UnitCreateForm /> }}
    >
      <UnitTable units={units} />
    </AdminListPage>
  );
}
