import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { OwnCodeForm } from "@/components/account/own-code-form";
import { TwoFactorEnrol } from "@/components/account/two-factor-enrol";
import { Section } from "@/components/admin/section";
import type { Actor } from "@/lib/auth/actor";
import { homePathOf } from "@/lib/policies";
import { requirePageActor } from "@/lib/auth/session";
import { formatShanghai } from "@/lib/periods";
import { getOwnSecondFactor, startEnrolment } from "@/lib/services/second-factor";

export const metadata: Metadata = { title: "动态验证码（两步验证）" };

/** A new secret on every visit: nothing is stored until the user confirms a code. */
async function EnrolForm({ actor, doneHref }: { actor: Actor; doneHref: string }) {
  const { qrDataUrl, secretGroups, pending } = await startEnrolment(actor);
  return <TwoFactorEnrol qrDataUrl={qrDataUrl} secretGroups={secretGroups} pending={pending} doneHref={doneHref} />;
}

export default async function TwoFactorPage() {
  const actor = await requirePageActor();
  const status = await getOwnSecondFactor(actor);
  const home = homePathOf(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="动态验证码（两步验证）">
        <p className="text-sm text-stone-500">登录时除密码外，还需输入手机验证器应用中每 30 秒更新的 6 位数字：密码泄露也不能登录您的账号。</p>
      </PageHeader>
      {status.enabled ? (
        <>
          <Section id="two-factor-status" title="状态">
            <p className="text-sm">
              <span className="rounded bg-green-100 px-1.5 py-0.5 text-green-800">已启用</span>
              {status.enabledAt && <span className="ml-2 text-stone-600">启用于 {formatShanghai(status.enabledAt)}</span>}
            </p>
            <p className="text-sm text-stone-600">剩余可用恢复码：{status.recoveryCodesLeft} 个</p>
          </Section>
          <Section id="two-factor-regenerate" title="重新生成恢复码">
            <p className="text-sm text-stone-500">生成 10 个新的恢复码，原有恢复码全部作废。请输入当前的动态验证码确认。</p>
            <OwnCodeForm kind="regenerate" doneHref="/account/two-factor" />
          </Section>
          <Section id="two-factor-disable" title="关闭动态验证码">
            {status.required ? (
              <p className="text-sm text-stone-600">系统要求督查室和管理员使用动态验证码，不能关闭。手机丢失时，请用恢复码登录，或请管理员重置。</p>
            ) : (
              <>
                <p className="text-sm text-stone-500">关闭后，登录只需密码。请输入当前的动态验证码或一个恢复码确认。</p>
                <OwnCodeForm kind="disable" doneHref="/account/two-factor" />
              </>
            )}
          </Section>
        </>
      ) : (
        <>
          {status.required && (
            <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">
              系统要求督查室和管理员使用动态验证码。请先完成设置，再使用其他功能。
            </p>
          )}
          <Section id="two-factor-enrol" title="启用动态验证码">
            <EnrolForm actor={actor} doneHref={status.required ? home : "/account/two-factor"} />
          </Section>
        </>
      )}
    </div>
  );
}
