import type { Metadata } from "next";
import Link from "next/link";
import { AccountList } from "@/components/admin/account-list";
import { LeaderActiveButton } from "@/components/admin/leader-active-button";
import { LeaderEditForm } from "@/components/admin/leader-form";
import { Section } from "@/components/admin/section";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getLeaderForAdmin } from "@/lib/services/leaders";

export const metadata: Metadata = { title: "编辑责任领导" };

export default async function LeaderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("admin.manage");
  const { leader, accounts } = await orNotFound(getLeaderForAdmin(actor, idParam((await params).id)));
  return (
    <div className="space-y-4">
      <div>
        <p className="text-sm text-stone-500">
          <Link href="/admin/leaders" className="hover:underline">
            责任领导
          </Link>
        </p>
        <h1 className="mt-1 text-xl font-semibold">
          {leader.name}
          {leader.title && <span className="ml-2 text-base font-normal text-stone-600">{leader.title}</span>}
          {!leader.active && <span className="ml-2 rounded bg-stone-200 px-1.5 py-0.5 align-middle text-sm font-normal text-stone-600">已停用</span>}
        </h1>
        <p className="text-sm text-stone-500">负责 {leader.tasks} 项任务</p>
      </div>
      <Section id="leader-basics" title="基本信息">
        <LeaderEditForm leader={{ id: leader.id, name: leader.name, title: leader.title }} />
      </Section>
      <Section id="leader-accounts" title="账号">
        <AccountList accounts={accounts} />
        <Link href={`/admin/users/new?leader=${leader.id}`} className="inline-block text-sm text-brand-700 hover:underline">
          为这位领导新建账号
        </Link>
      </Section>
      <Section id="leader-status" title="状态">
        <p className="text-sm text-stone-500">
          {leader.active ? "停用后，不能再为这位领导新建账号；已有任务保留。其账号需在“账号”中另行停用。" : "这位领导已停用。"}
        </p>
        <LeaderActiveButton leaderId={leader.id} active={leader.active} />
      </Section>
    </div>
  );
}
