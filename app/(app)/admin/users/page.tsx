import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { FilterActions, FilterField, FilterForm, FilterSelect, filterControlClass } from "@/components/ui/filter-form";
import { labelledChoices } from "@/components/ui/options";
import Link from "next/link";
import { AccountTable } from "@/components/admin/account-table";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { requirePageFor } from "@/lib/page-guard";
import { accountSearchSchema, USER_ROLES } from "@/lib/services/account-schemas";
import { listAccountsForAdmin } from "@/lib/services/accounts";

export const metadata: Metadata = { title: "账号" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageFor("admin.manage");
  const params = await searchParams;
  const search = accountSearchSchema.parse({ role: first(params.role) || undefined, q: first(params.q) });
  const accounts = await listAccountsForAdmin(actor, { role: search.role, text: search.q || undefined });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title="账号">
          <p className="text-sm text-stone-500">
            共 {accounts.length} 个{search.role || search.q ? "符合条件的" : ""}账号
          </p>
        </PageHeader>
        <Link href="/admin/users/new" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
          新建账号
        </Link>
      </div>
      <FilterForm action="/admin/users" search>
        <FilterSelect label="角色" name="role" value={search.role ?? ""} all="全部" options={labelledChoices(USER_ROLES, ROLE_LABEL)} />
        <FilterField label="用户名、名称或单位">
          <input name="q" defaultValue={search.q} maxLength={64} className={`${filterControlClass} w-64`} placeholder="如：农牧局" />
        </FilterField>
        <FilterActions primary />
      </FilterForm>
      <AccountTable accounts={accounts} />
    </div>
  );
}
