import { InactiveMark, PageHeader } from "@/components/ui/page-header";
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
      <PageHeader
        back={{ href: "/admin/leaders", label: "责任领导" }}
        title={
          <>
            {leader.name}
            {leader.title && <span className="ml-2 text-base font-normal text-stone-600">{leader.title}</span>}
            {!leader.active && <InactiveMark />}
          </>
        }
      >
        <p className="text-sm text-stone-500">负责 {leader.tasks} 项任务</p>
      </PageHeader>
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
