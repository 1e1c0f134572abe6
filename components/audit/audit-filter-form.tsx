import Link from "next/link";
import type { UserRole } from "@/db/schema";
import { actionParam, ANONYMOUS, groupParam, type AuditFilter } from "@/lib/audit-log/filters";
import { AUDIT_ACTION_GROUPS, isKnownAuditAction } from "@/lib/audit-log/labels";
import { ROLE_LABEL } from "@/lib/auth/actor";

interface Account {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
}

const field = "mt-1 rounded border border-stone-300 px-2 py-1.5";

/** The filters as a plain GET form: the URL keeps them, and it works without JavaScript. */
export function AuditFilterForm({ filter, accounts }: { filter: AuditFilter; accounts: Account[] }) {
  const user = filter.actor ? (filter.actor.kind === "anonymous" ? ANONYMOUS : String(filter.actor.userId)) : "";
  const action = actionParam(filter.action);
  const unknownAction = filter.action?.kind === "action" && !isKnownAuditAction(filter.action.action) ? filter.action.action : null;
  const roles = [...new Set(accounts.map((a) => a.role))];
  return (
    <form action="/admin/audit" method="get" role="search" className="flex flex-wrap items-end gap-3 rounded border border-stone-200 bg-white p-3">
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">用户</span>
        <select name="user" defaultValue={user} className={`${field} max-w-60`}>
          <option value="">全部</option>
          <option value={ANONYMOUS}>未登录</option>
          {roles.map((role) => (
            <optgroup key={role} label={ROLE_LABEL[role]}>
              {accounts
                .filter((a) => a.role === role)
                .map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.displayName === a.username ? a.username : `${a.displayName}（${a.username}）`}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">操作</span>
        <select name="action" defaultValue={action} className={`${field} max-w-64`}>
          <option value="">全部</option>
          {unknownAction && <option value={unknownAction}>{unknownAction}</option>}
          {AUDIT_ACTION_GROUPS.map((group) => (
            <optgroup key={group.key} label={group.label}>
              <option value={groupParam(group.key)}>全部{group.label}</option>
              {Object.entries(group.actions).map(([name, label]) => (
                <option key={name} value={name}>
                  {label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">起始日期</span>
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">截止日期</span>
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
      </label>
      <label className="flex flex-col text-sm">
        <span className="text-stone-600">对象编号或 IP</span>
        <input name="q" defaultValue={filter.text ?? ""} maxLength={100} className={`${field} w-44`} placeholder="完整填写，如：24、10.0.0.8" />
      </label>
      <button type="submit" className="rounded bg-brand-700 px-4 py-1.5 text-sm text-white hover:bg-brand-800">
        筛选
      </button>
      <Link href="/admin/audit" className="py-1.5 text-sm text-stone-600 hover:underline">
        清除条件
      </Link>
    </form>
  );
}
