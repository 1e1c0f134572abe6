import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { RecordAccounts, RecordStatus, RecordTitle } from "@/components/admin/record-page";
import { Section } from "@/components/admin/section";
import { ActiveToggleButton } from "@/components/admin/active-toggle-button";
import { setUnitActiveAction } from "../actions";
import { UnitAliases } from "@/components/admin/unit-aliases";
import { UnitEditForm } from "@/components/admin/unit-edit-form";
import { UnitGroupsForm } from "@/components/admin/unit-groups-form";
import { UnitSupervisingLeaderForm } from "@/components/admin/unit-supervising-leader-form";
import { UNIT_ROLE_LABEL } from "@/lib/auth/actor";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { listAccountsForAdmin } from "@/lib/services/accounts";
import { listGroupsForAdmin } from "@/lib/services/groups";
import { listLeadersForAdmin } from "@/lib/services/leaders";
import { UNIT_KIND_LABEL } from "@/lib/units";
import { getUnitForAdmin } from "@/lib/services/units";

export const metadata: Metadata = { title: "编辑单位" };

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("admin.manage");
  const unitId = idParam((await params).id);
  const unit = await orNotFound(getUnitForAdmin(actor, unitId));
  const [groups, accounts, leaders] = await Promise.all([listGroupsForAdmin(actor), listAccountsForAdmin(actor, { unitId }), listLeadersForAdmin(actor)]);
  // Leaders in office; the current 分管领导 stays listed (marked) when no longer in office.
  const leaderChoices = leaders.filter((l) => l.active || l.id === unit.supervisingLeaderId).map((l) => ({ id: l.id, name: l.name, inactive: !l.active }));

  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/admin/units", label: "单位", note: UNIT_KIND_LABEL[unit.kind] }}
        title={<RecordTitle name={unit.name} inactive={!unit.active} />}
      />
      <Section id="unit-basics" title="基本信息">
        <UnitEditForm unit={{ id: unit.id, name: unit.name, kind: unit.kind }} />
      </Section>
      <Section id="unit-supervisor" title="分管领导">
        <p className="text-sm text-stone-500">
          文档没有“责任领导”一栏时，该单位牵头的任务可按分管领导指定责任领导（见
          <Link href="/admin/leaders/assign" className="text-brand-700 hover:underline">
            指定责任领导
          </Link>
          ）。
        </p>
        <UnitSupervisingLeaderForm unitId={unit.id} leaderId={unit.supervisingLeaderId} leaders={leaderChoices} />
      </Section>
      <Section id="unit-aliases" title="别名">
        <p className="text-sm text-stone-500">文档中这个单位的其他写法，例如「工科局」即「工信和科技局」。</p>
        <UnitAliases unitId={unit.id} aliases={unit.aliases} />
      </Section>
      <Section id="unit-groups" title="所属集合单位">
        <p className="text-sm text-stone-500">任务写「各苏木镇」等集合名称时，其成员单位都参与该任务。代表全部单位的集合（如「各地各部门」）无需设置。</p>
        <UnitGroupsForm
          unitId={unit.id}
          groups={groups.filter((g) => g.scope === "members").map((g) => ({ id: g.id, name: g.name }))}
          memberOf={unit.groups.map((g) => g.id)}
        />
      </Section>
      <RecordAccounts
        id="unit-accounts"
        accounts={accounts.map((a) => ({ ...a, note: a.unitRole ? UNIT_ROLE_LABEL[a.unitRole] : undefined }))}
        create={{ href: `/admin/users/new?unit=${unit.id}`, label: "为该单位新建账号" }}
      />
      <RecordStatus
        id="unit-status"
        active={unit.active}
        activeNote="停用后，该单位不再出现在选择列表中；已有任务和报告保留。其账号需在“账号”中另行停用。"
        inactiveNote="该单位已停用。"
      >
        <ActiveToggleButton
          active={unit.active}
          deactivateLabel="停用单位"
          activateLabel="重新启用单位"
          activate={setUnitActiveAction.bind(null, { unitId: unit.id, active: true })}
          deactivate={setUnitActiveAction.bind(null, { unitId: unit.id, active: false })}
        />
      </RecordStatus>
    </div>
  );
}
