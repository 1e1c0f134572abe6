import Link from "next/link";
import type { UnitMemberRole, UserRole } from "@/db/schema";
import { ROLE_LABEL, UNIT_ROLE_LABEL } from "@/lib/auth/actor";

export interface AccountTableRow {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
  leaderName: string | null;
  unitName: string | null;
  unitRole: UnitMemberRole | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
}

const signedInAt = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

function linkOf(a: AccountTableRow): string {
  if (a.role === "leader") return a.leaderName ?? "";
  if (a.role === "unit") return `${a.unitName ?? ""}${a.unitRole ? ` · ${UNIT_ROLE_LABEL[a.unitRole]}` : ""}`;
  return "";
}

export function AccountTable({ accounts }: { accounts: AccountTableRow[] }) {
  return (
    <div className="overflow-x-auto rounded border border-stone-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="sr-only">账号列表</caption>
        <thead className="bg-stone-100 text-left text-stone-600">
          <tr>
            <th scope="col" className="px-3 py-2">用户名</th>
            <th scope="col" className="px-3 py-2">显示名称</th>
            <th scope="col" className="w-24 px-3 py-2">角色</th>
            <th scope="col" className="px-3 py-2">领导 / 单位</th>
            <th scope="col" className="w-36 px-3 py-2">最近登录</th>
            <th scope="col" className="w-28 px-3 py-2">状态</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} className="border-t border-stone-100 hover:bg-stone-50">
              <td className="px-3 py-2">
                <Link href={`/admin/users/${a.id}`} className="text-brand-700 hover:underline">
                  {a.username}
                </Link>
              </td>
              <td className="px-3 py-2">{a.displayName}</td>
              <td className="px-3 py-2">{ROLE_LABEL[a.role]}</td>
              <td className="px-3 py-2">{linkOf(a) || <span className="text-stone-400">—</span>}</td>
              <td className="px-3 py-2 tabular-nums text-stone-600">{a.lastSignInAt ? signedInAt.format(a.lastSignInAt) : "从未登录"}</td>
              <td className="px-3 py-2">
                {a.disabled ? <span className="rounded bg-stone-200 px-1.5 text-xs text-stone-600">已停用</span> : "正常"}
                {!a.disabled && a.mustChangePassword && <span className="ml-1 text-xs text-amber-700">待改密码</span>}
              </td>
            </tr>
          ))}
          {accounts.length === 0 && (
            <tr>
              <td colSpan={6} className="px-3 py-8 text-center text-stone-500">没有符合条件的账号</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
