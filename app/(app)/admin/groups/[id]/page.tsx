import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { GroupDeleteButton } from "@/components/admin/group-delete-button";
import { GroupEditForm } from "@/components/admin/group-edit-form";
import { Section } from "@/components/admin/section";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getGroupForAdmin } from "@/lib/services/groups";

export const metadata: Metadata = { title: "编辑集合单位" };

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("admin.manage");
  const { group, units } = await orNotFound(getGroupForAdmin(actor, idParam((await params).id)));
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/admin/groups", label: "集合单位" }} title={group.name}>
        <p className="text-sm text-stone-500">{group.tasks > 0 ? `${group.tasks} 项任务使用这个名称` : "没有任务使用这个名称"}</p>
      </PageHeader>
      <Section id="group-edit" title="名称与成员">
        <GroupEditForm group={{ id: group.id, name: group.name, scope: group.scope, unitIds: group.unitIds }} units={units} />
      </Section>
      <Section id="group-delete" title="删除">
        {group.tasks > 0 ? (
          <p className="text-sm text-stone-600">
            有 {group.tasks} 项任务使用「{group.name}」，不能删除。
          </p>
        ) : (
          <GroupDeleteButton groupId={group.id} name={group.name} />
        )}
      </Section>
    </div>
  );
}
