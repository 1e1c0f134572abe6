import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { getSessionId, requirePageActor } from "@/lib/auth/session";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { formatShanghai } from "@/lib/periods";
import { listMySessions } from "@/lib/services/sessions";
import { endAllMySessionsAction, endMySessionAction } from "./actions";

export const metadata: Metadata = { title: "登录设备" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor();
  const params = await searchParams;
  const sessions = await listMySessions(actor, await getSessionId());
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <div className="space-y-4">
      <PageHeader title="登录设备">
        <p className="text-sm text-stone-500">正在登录您账号的浏览器。发现不认识的设备，请退出它并修改密码。</p>
      </PageHeader>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      {params.ended === "1" && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          已退出该设备。
        </p>
      )}
      <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white" aria-label="登录设备">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3 text-sm" data-testid="session-row">
            <div className="min-w-48 flex-1">
              <p className="font-medium">
                {describeUserAgent(s.userAgent)}
                {s.current && <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs text-brand-700">当前设备</span>}
                {s.secondFactor && <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 text-xs text-stone-600">已验证动态验证码</span>}
              </p>
              <p className="text-stone-500">
                登录于 {formatShanghai(s.createdAt)} · 最近使用 {formatShanghai(s.lastSeenAt)}
                {s.ip ? ` · IP ${s.ip}` : ""}
              </p>
            </div>
            <form action={endMySessionAction}>
              <input type="hidden" name="sessionId" value={s.id} />
              <button type="submit" className="rounded border border-stone-300 px-3 py-1 text-stone-700 hover:bg-stone-50">
                {s.current ? "退出登录" : "退出此设备"}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form action={endAllMySessionsAction} className="rounded border border-stone-200 bg-white p-4">
        <p className="text-sm text-stone-600">在所有设备上退出，包括这台。之后每台设备都要重新登录。</p>
        <button type="submit" className="mt-3 rounded bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800">
          退出所有设备
        </button>
      </form>
    </div>
  );
}
