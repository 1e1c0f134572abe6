import type { Metadata } from "next";
import { DeliveryPreferencesForm } from "@/components/account/delivery-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { getAccountForAdmin } from "@/lib/services/accounts";
import { getDeliveryPreferencesFor } from "@/lib/services/delivery-preferences";

export const metadata: Metadata = { title: "消息提醒" };

export default async function UserNotificationSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageFor("admin.manage");
  const userId = idParam((await params).id);
  const [account, page] = await Promise.all([orNotFound(getAccountForAdmin(actor, userId)), orNotFound(getDeliveryPreferencesFor(actor, userId))]);
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: `/admin/users/${account.id}`, label: account.username, note: "账号" }} title="消息提醒">
        <p className="text-sm text-stone-500">
          {account.displayName}（{account.username}）的手机号码、电子邮箱和提醒方式。用户也可以在「账号与安全」中自己设置。
        </p>
      </PageHeader>
      <div className="rounded border border-stone-200 bg-white p-4">
        <DeliveryPreferencesForm page={page} userId={account.id} />
      </div>
    </div>
  );
}
