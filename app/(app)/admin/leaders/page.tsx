import { AdminListPage } from "@/components/admin/list-page";
import type { Metadata } from "next";
import Link from "next/link";
import { LeaderCreateForm } from "@/components/admin/leader-form";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";
import { requirePageFor } from "@/lib/page-guard";
import { listLeadersForAdmin } from "@/lib/services/leaders";

export const metadata: Metadata = { title: "责任领导" };

export default async function LeadersPage() {
  const actor = await requirePageFor("admin.manage");
  const leaders = await listLeadersForAdmin(actor);
  return (
    <AdminListPage
      title="责任领导"
      intro={
        <>
          <p className="text-sm text-stone-500">共 {leaders.length} 位。导入分解表时按姓名对应。</p>
          <p className="mt-1 text-sm">
            <Link href="/admin/leaders/assign" className="text-brand-700 hover:underline">
              指定责任领导
            </Link>
            <span className="ml-2 text-stone-500">为没有责任领导的任务按牵头单位的分管领导指定</span>
          </p>
        </>
      }
      create={{ id: "new-leader-heading", title: "新建责任领导", form: <LeaderCreateForm /> }}
    >
      <DataTable
        columns={[
          "姓名",
          "职务",
          { label: "任务数", className: "w-24 text-right" },
          { label: "账号", className: "w-20 text-right" },
          { label: "状态", className: "w-20" },
        ]}
        caption="责任领导列表"
        empty={leaders.length === 0 && "还没有责任领导"}
      >
        {leaders.map((l) => (
          <Row key={l.id} className="hover:bg-stone-50">
            <LinkCell href={`/admin/leaders/${l.id}`}>{l.name}</LinkCell>
            <Cell>{l.title ?? <span className="text-stone-400">—</span>}</Cell>
            <Cell className="text-right tabular-nums">{l.tasks}</Cell>
            <Cell className="text-right tabular-nums">{l.accounts}</Cell>
            <Cell>{l.active ? "在任" : <span className="text-stone-500">已停用</span>}</Cell>
          </Row>
        ))}
      </DataTable>
    </AdminListPage>
  );
}
