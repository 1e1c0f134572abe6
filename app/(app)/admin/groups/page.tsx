import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { GroupCreateForm } from "@/components/admin/group-create-form";
import { requirePageFor } from "@/lib/page-guard";
import { GROUP_SCOPE_LABEL } from "@/lib/services/group-schemas";
import { listGroupsForAdmin } from "@/lib/services/groups";

export const metadata: Metadata = { title: "集合单位" };

export default async function GroupsPage() {
  const actor = await requirePageFor("admin.manage");
  const groups = await listGroupsForAdmin(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="集合单位">
        <p className="text-sm text-stone-500">任务中写的集合名称（如「各苏木镇」「各地各部门」）代表的单位。成员变化后，使用该名称的任务随之变化。</p>
      </PageHeader>
      <section aria-labelledby="new-group-heading" className="space-y-2">
        <h2 id="new-group-heading" className="font-medium">
          新建集合单位
        </h2>
        <GroupCreateForm />
      </section>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">集合单位列表</caption>
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              <th scope="col" className="w-64 px-3 py-2">
                名称
              </th>
              <th scope="col" className="px-3 py-2">
                代表的单位
              </th>
              <th scope="col" className="w-24 px-3 py-2 text-right">
                使用的任务
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id} className="border-t border-stone-100 align-top hover:bg-stone-50">
                <td className="px-3 py-2">
                  <Link href={`/admin/groups/${g.id}`} className="text-brand-700 hover:underline">
                    {g.name}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  {g.scope === "all" ? (
                    <span className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-800">{GROUP_SCOPE_LABEL.all}</span>
                  ) : g.members.length > 0 ? (
                    g.members.join("、")
                  ) : (
                    <span className="text-stone-400">成员尚未设置</span>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{g.tasks}</td>
              </tr>
            ))}
            {groups.length === 0 && (
              <tr>
                <td colSpan={3} className="px-3 py-8 text-center text-stone-500">
                  还没有集合单位
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
