import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { ActiveToggleButton } from "@/components/admin/active-toggle-button";
import { setLeaderActiveAction } from "../actions";
import { LeaderEditForm } from "@/components/admin/leader-form";
import { RecordAccounts, RecordStatus, RecordTitle } from "@/components/admin/record-page";
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
          <RecordTitle name={leader.name} inactive={!leader.active}>
            {leader.title && <span className="ml-2 text-base font-normal text-stone-600">{leader.title}</span>}
          </RecordTitle>
        }
      >
        <p className="text-sm text-stone-500">负责 {leader.tasks} 项任务</p>
      </PageHeader>
      <Section id="leader-basics" title="基本信息">
        <LeaderEditForm leader={{ id: leader.id, name: leader.name, title: leader.title }} />
      </Section>
      <RecordAccounts id="leader-accounts" accounts={accounts} create={{ href: `/admin/users/new?leader=${leader.id}`, label: "为这位领导新建账号" }} />
      <RecordStatus
        id="leader-status"
        active={leader.active}
        activeNote="停用后，不能再为这位领导新建账号；已有任务保留。其账号需在“账号”中另行停用。"
        inactiveNote="这位领导已停用。"
      >
        <ActiveToggleButton
          active={leader.active}
          deactivateLabel="停用责任领导"
          activateLabel="重新启用责任领导"
          activate={setLeaderActiveAction.bind(null, { leaderId: leader.id, active: true })}
          deactivate={setLeaderActiveAction.bind(null, { leaderId: leader.id, active: false })}
        />
      </RecordStatus>
    </div>
  );
}
