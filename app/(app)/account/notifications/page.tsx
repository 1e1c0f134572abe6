import type { Metadata } from "next";
import { DeliveryPreferencesForm } from "@/components/account/delivery-preferences-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/session";
import { getMyDeliveryPreferences } from "@/lib/services/delivery-preferences";

export const metadata: Metadata = { title: "消息提醒" };

export default async function NotificationSettingsPage() {
  const actor = await requirePageActor();
  const page = await getMyDeliveryPreferences(actor);
  return (
    <div className="space-y-4">
      <PageHeader back={{ href: "/account", label: "账号与安全" }} title="消息提醒">
        <p className="text-sm text-stone-500">除在「消息」中查看外，还可以用短信、电子邮件或工作群接收提醒。</p>
      </PageHeader>
      <div className="rounded border border-stone-200 bg-white p-4">
        <DeliveryPreferencesForm page={page} />
      </div>
    </div>
  );
}
