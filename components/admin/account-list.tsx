import Link from "next/link";

/** A short list of accounts on a unit's or a leader's page. */
export function AccountList({ accounts }: { accounts: { id: number; username: string; displayName: string; disabled: boolean; note?: string }[] }) {
  if (accounts.length === 0) return <p className="text-sm text-stone-500">还没有账号</p>;
  return (
    <ul className="space-y-1 text-sm">
      {accounts.map((a) => (
        <li key={a.id}>
          <Link href={`/admin/users/${a.id}`} className="text-brand-700 hover:underline">
            {a.username}
          </Link>
          <span className="ml-2 text-stone-600">{a.displayName}</span>
          {a.note && <span className="ml-2 text-stone-500">{a.note}</span>}
          {a.disabled && <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs text-stone-600">已停用</span>}
        </li>
      ))}
    </ul>
  );
}
