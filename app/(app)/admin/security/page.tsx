import type { Metadata } from "next";
import { SecuritySettingsForm } from "@/components/admin/security-settings-form";
import { Section } from "@/components/admin/section";
import { requirePageFor } from "@/lib/page-guard";
import { getSecuritySettings } from "@/lib/services/security-settings";

export const metadata: Metadata = { title: "安全设置" };

export default async function SecuritySettingsPage() {
  const actor = await requirePageFor("admin.manage");
  const { secondFactorRequired } = await getSecuritySettings(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">安全设置</h1>
      <Section id="security-second-factor" title="动态验证码（两步验证）">
        <p className="text-sm text-stone-500">任何用户都可以在“动态验证码”页面自愿启用。用户丢失手机和恢复码时，管理员可在该用户的账号页面重置。</p>
        <SecuritySettingsForm secondFactorRequired={secondFactorRequired} />
      </Section>
    </div>
  );
}
