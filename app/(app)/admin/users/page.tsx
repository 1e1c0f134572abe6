import type { Metadata } from "next";
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
        <div>
          <h1 className="text-xl font-semibold">账号</h1>
          <p className="text-sm text-stone-500">
            共 {accounts.length} 个{search.role || search.q ? "符合条件的" : ""}账号
          </p>
        </div>
        <Link href="/admin/users/new" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
          新建账号
        </Link>
      </div>
      <form action="/admin/users" method="get" role="search" className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3">
        <label className="flex flex-col text-sm">
          <span className="text-stone-600">角色</span>
          <select name="role" defaultValue={search.role ?? ""} className="mt-1 rounded border border-stone-300 px-2 py-1.5">
            <option value="">全部</option>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-stone-600">用户名、名称或单位</span>
          <input name="q" defaultValue={search.q} maxLength={64} className="mt-1 w-64 rounded border border-stone-300 px-2 py-1.5" placeholder="如：农牧局" />
        </label>
        <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
          筛选
        </button>
      </form>
      <AccountTable accounts={accounts} />
    </div>
  );
}
