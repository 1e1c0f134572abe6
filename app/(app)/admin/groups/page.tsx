import { AdminListPage } from "@/components/admin/list-page";
import type { Metadata } from "next";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { GroupCreateForm } from "@/components/admin/group-create-form";
import { requirePageFor } from "@/lib/page-guard";
import { GROUP_SCOPE_LABEL } from "@/lib/services/group-schemas";
import { listGroupsForAdmin } from "@/lib/services/groups";

export const metadata: Metadata = { title: "集合单位" };

export default async function GroupsPage() {
  const actor = await requirePageFor("admin.manage");
  const groups = await listGroupsForAdmin(actor);
  return (
    <AdminListPage
      title="集合单位"
      intro={<p className="text-sm text-stone-500">任务中写的集合名称（如「各苏木镇」「各地各部门」）代表的单位。成员变化后，使用该名称的任务随之变化。</p>}
      create={{ id: "new-group-heading", title: "新建集合单位", form: <GroupCreateForm /> }}
    >
      <DataTable
        columns={[{ label: "名称", className: "w-64" }, "代表的单位", { label: "使用的任务", className: "w-24 text-right" }]}
        caption="集合单位列表"
        empty={groups.length === 0 && "还没有集合单位"}
      >
        {groups.map((g) => (
          <Row key={g.id} className="align-top hover:bg-stone-50">
            <LinkCell href={`/admin/groups/${g.id}`}>{g.name}</LinkCell>
            <Cell>
              {g.scope === "all" ? (
                <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-800">{GROUP_SCOPE_LABEL.all}</span>
              ) : g.members.length > 0 ? (
                g.members.join("、")
              ) : (
                <span className="text-stone-400">成员尚未设置</span>
              )}
            </Cell>
            <Cell className="text-right tabular-nums">{g.tasks}</Cell>
          </Row>
        ))}
      </DataTable>
    </AdminListPage>
  );
}
