import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "账号与安全" };

const ENTRIES = [
  { href: "/account/password", title: "修改密码", text: "换成只有您自己知道的密码。" },
  { href: "/account/two-factor", title: "动态验证码（两步验证）", text: "登录时除密码外再输入手机验证器中的 6 位数字；恢复码。" },
  { href: "/account/sessions", title: "登录设备", text: "查看正在登录的浏览器，退出其中一台或所有设备。" },
  { href: "/account/notifications", title: "消息提醒", text: "手机号码和电子邮箱，各类消息用短信、邮件还是工作群提醒，免打扰时段和每日汇总。" },
];

export default async function AccountPage() {
  const actor = await requirePageActor();
  return (
    <div className="space-y-4">
      <PageHeader title="账号与安全">
        <p className="text-sm text-stone-500">账号：{actor.username}</p>
      </PageHeader>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ENTRIES.map((e) => (
          <li key={e.href}>
            <Link href={e.href} className="block rounded border border-stone-200 bg-white p-4 hover:border-brand-600">
              <span className="font-medium text-brand-700">{e.title}</span>
              <span className="mt-1 block text-sm text-stone-500">{e.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
