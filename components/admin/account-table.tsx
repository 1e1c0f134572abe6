import type { UnitMemberRole, UserRole } from "@/db/schema";
import { ROLE_LABEL, UNIT_ROLE_LABEL } from "@/lib/auth/actor";
import { Cell, DataTable, LinkCell, Row } from "@/components/ui/table";

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
    <DataTable
      columns={[
        "用户名",
        "显示名称",
        { label: "角色", className: "w-24" },
        "领导 / 单位",
        { label: "最近登录", className: "w-36" },
        { label: "状态", className: "w-28" },
      ]}
      caption="账号列表"
      empty={accounts.length === 0 && "没有符合条件的账号"}
    >
      {accounts.map((a) => (
        <Row key={a.id} className="hover:bg-stone-50">
          <LinkCell href={`/admin/users/${a.id}`}>{a.username}</LinkCell>
          <Cell>{a.displayName}</Cell>
          <Cell>{ROLE_LABEL[a.role]}</Cell>
          <Cell>{linkOf(a) || <span className="text-stone-400">—</span>}</Cell>
          <Cell className="tabular-nums text-stone-600">{a.lastSignInAt ? signedInAt.format(a.lastSignInAt) : "从未登录"}</Cell>
          <Cell>
            {a.disabled ? <span className="rounded bg-stone-200 px-1.5 text-xs text-stone-600">已停用</span> : "正常"}
            {!a.disabled && a.mustChangePassword && <span className="ml-1 text-xs text-amber-700">待改密码</span>}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
