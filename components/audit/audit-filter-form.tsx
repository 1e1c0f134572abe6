import type { UserRole } from "@/db/schema";
import { actionParam, ANONYMOUS, groupParam, type AuditFilter } from "@/lib/audit-log/filters";
import { AUDIT_ACTION_GROUPS, isKnownAuditAction } from "@/lib/audit-log/labels";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { FilterActions, FilterField, FilterForm, filterControlClass as field } from "@/components/ui/filter-form";

interface Account {
  id: number;
  username: string;
  displayName: string;
  role: UserRole;
}

/** The filters as a plain GET form: the URL keeps them, and it works without JavaScript. */
export function AuditFilterForm({ filter, accounts }: { filter: AuditFilter; accounts: Account[] }) {
  const user = filter.actor ? (filter.actor.kind === "anonymous" ? ANONYMOUS : String(filter.actor.userId)) : "";
  const action = actionParam(filter.action);
  const unknownAction = filter.action?.kind === "action" && !isKnownAuditAction(filter.action.action) ? filter.action.action : null;
  const roles = [...new Set(accounts.map((a) => a.role))];
  return (
    <FilterForm action="/admin/audit" search>
      <FilterField label="用户">
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
      </FilterField>
      <FilterField label="操作">
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
      </FilterField>
      <FilterField label="起始日期">
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={field} />
      </FilterField>
      <FilterField label="截止日期">
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={field} />
      </FilterField>
      <FilterField label="对象编号或 IP">
        <input name="q" defaultValue={filter.text ?? ""} maxLength={100} className={`${field} w-44`} placeholder="完整填写，如：24、10.0.0.8" />
      </FilterField>
      <FilterActions primary clear={{ href: "/admin/audit", label: "清除条件" }} />
    </FilterForm>
  );
}
