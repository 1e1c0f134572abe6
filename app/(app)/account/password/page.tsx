import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { homePathOf } from "@/lib/policies";
import { requirePageActor } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/services/accounts";

export const metadata: Metadata = { title: "修改密码" };

export default async function ChangePasswordPage() {
  const actor = await requirePageActor();
  const account = await getOwnAccount(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="修改密码">
        <p className="text-sm text-stone-500">账号：{account.username}</p>
      </PageHeader>
      {account.mustChangePassword && (
        <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
          您的密码由管理员设置，请先修改为只有您自己知道的密码。
        </p>
      )}
      <div className="rounded border border-stone-200 bg-white p-4">
        <ChangePasswordForm homePath={homePathOf(actor)} />
      </div>
    </div>
  );
}
