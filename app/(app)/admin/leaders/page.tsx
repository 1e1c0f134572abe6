import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { LeaderCreateForm } from "@/components/admin/leader-form";
import { requirePageFor } from "@/lib/page-guard";
import { listLeadersForAdmin } from "@/lib/services/leaders";

export const metadata: Metadata = { title: "责任领导" };

export default async function LeadersPage() {
  const actor = await requirePageFor("admin.manage");
  const leaders = await listLeadersForAdmin(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="责任领导">
        <p className="text-sm text-stone-500">共 {leaders.length} 位。导入分解表时按姓名对应。</p>
        <p className="mt-1 text-sm">
          <Link href="/admin/leaders/assign" className="text-brand-700 hover:underline">
            指定责任领导
          </Link>
          <span className="ml-2 text-stone-500">为没有责任领导的任务按牵头单位的分管领导指定</span>
        </p>
      </PageHeader>
      <section aria-labelledby="new-leader-heading" className="space-y-2">
        <h2 id="new-leader-heading" className="font-medium">
          新建责任领导
        </h2>
        <LeaderCreateForm />
      </section>
      <div className="overflow-x-auto rounded border border-stone-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">责任领导列表</caption>
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                姓名
              </th>
              <th scope="col" className="px-3 py-2">
                职务
              </th>
              <th scope="col" className="w-24 px-3 py-2 text-right">
                任务数
              </th>
              <th scope="col" className="w-20 px-3 py-2 text-right">
                账号
              </th>
              <th scope="col" className="w-20 px-3 py-2">
                状态
              </th>
            </tr>
          </thead>
          <tbody>
            {leaders.map((l) => (
              <tr key={l.id} className="border-t border-stone-100 hover:bg-stone-50">
                <td className="px-3 py-2">
                  <Link href={`/admin/leaders/${l.id}`} className="text-brand-700 hover:underline">
                    {l.name}
                  </Link>
                </td>
                <td className="px-3 py-2">{l.title ?? <span className="text-stone-400">—</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.tasks}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.accounts}</td>
                <td className="px-3 py-2">{l.active ? "在任" : <span className="text-stone-500">已停用</span>}</td>
              </tr>
            ))}
            {leaders.length === 0 && (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-stone-500">
                  还没有责任领导
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
