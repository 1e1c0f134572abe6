import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { AccountCreateForm } from "@/components/admin/account-create-form";
import type { RoleValues } from "@/components/admin/role-fields";
import { requirePageFor } from "@/lib/page-guard";
import { accountFormOptions } from "@/lib/services/accounts";

export const metadata: Metadata = { title: "新建账号" };

const idOf = (v: string | string[] | undefined) => {
  const n = Number(Array.isArray(v) ? v[0] : v);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** `?unit=ID` or `?leader=ID` (links from a unit's or a leader's page) preselect the account's link. */
export default async function NewAccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("admin.manage");
  const params = await searchParams;
  const { leaders, units } = await accountFormOptions(actor);
  const unitId = idOf(params.unit);
  const leaderId = idOf(params.leader);
  const initial: RoleValues =
    unitId && units.some((u) => u.id === unitId)
      ? { role: "unit", unitId, unitRole: "filer", leaderId: null }
      : leaderId && leaders.some((l) => l.id === leaderId)
        ? { role: "leader", leaderId, unitId: null, unitRole: null }
        : { role: "unit", unitId: null, unitRole: "filer", leaderId: null };
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/admin/users", label: "账号" }} title="新建账号" />
      <AccountCreateForm leaders={leaders} units={units} initial={initial} />
    </div>
  );
}
