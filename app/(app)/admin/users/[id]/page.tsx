import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import Link from "next/link";
import { endSessionsOfUserAction, resetSecondFactorAction, setAccountDisabledAction } from "../actions";
import { ActiveToggleButton } from "@/components/admin/active-toggle-button";
import { AccountEditForm } from "@/components/admin/account-edit-form";
import { ActionButton } from "@/components/admin/action-button";
import { ResetPasswordForm } from "@/components/admin/reset-password-form";
import { RecordStatus, RecordTitle } from "@/components/admin/record-page";
import { Section } from "@/components/admin/section";
import { dangerButtonClass } from "@/components/ui/form";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { idParam, orNotFound, requirePageFor } from "@/lib/page-guard";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { formatShanghai } from "@/lib/periods";
import { accountFormOptions, getAccountForAdmin } from "@/lib/services/accounts";
import { listSessionsOfUser } from "@/lib/services/sessions";
import { getSecondFactorForAdmin } from "@/lib/services/second-factor";

export const metadata: Metadata = { title: "账号" };

export default async function AccountPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageFor("admin.manage");
  const userId = idParam((await params).id);
  const [account, { leaders, units }, { created }, secondFactor] = await Promise.all([
    orNotFound(getAccountForAdmin(actor, userId)),
    accountFormOptions(actor),
    searchParams,
    orNotFound(getSecondFactorForAdmin(actor, userId)),
  ]);
  const sessions = await listSessionsOfUser(actor, account.id);
  const isSelf = account.id === actor.userId;
  // A link to an inactive leader or unit stays selectable for this account.
  const leaderOptions =
    account.leaderId && !leaders.some((l) => l.id === account.leaderId)
      ? [...leaders, { id: account.leaderId, name: `${account.leaderName}（已停用）` }]
      : leaders;
  const unitOptions =
    account.unitId && !units.some((u) => u.id === account.unitId) ? [...units, { id: account.unitId, name: `${account.unitName}（已停用）` }] : units;

  return (
    <div className="space-y-4">
      <PageHeader
        back={{ href: "/admin/users", label: "账号", note: ROLE_LABEL[account.role] }}
        title={<RecordTitle name={account.username} inactive={account.disabled} />}
      >
        {account.mustChangePassword && !account.disabled && <p className="text-sm text-amber-700">该用户下次登录后须修改密码</p>}
      </PageHeader>
      {created === "1" && (
        <p role="status" className="rounded bg-green-50 px-3 py-2 text-sm text-green-800">
          已创建账号「{account.username}」。请把初始密码告知用户，用户登录后须修改密码。
        </p>
      )}
      <Section id="account-basics" title="账号信息">
        <AccountEditForm
          account={{
            id: account.id,
            displayName: account.displayName,
            role: account.role,
            leaderId: account.leaderId,
            unitId: account.unitId,
            unitRole: account.unitRole,
          }}
          leaders={leaderOptions}
          units={unitOptions}
          isSelf={isSelf}
        />
      </Section>
      <Section id="account-notifications" title="消息提醒">
        <p className="text-sm text-stone-600">
          手机号码、电子邮箱，以及各类消息用短信、邮件还是工作群提醒。
          <Link href={`/admin/users/${account.id}/notifications`} className="ml-1 text-brand-700 hover:underline">
            设置该用户的消息提醒
          </Link>
        </p>
      </Section>
      {isSelf ? (
        <Section id="account-self" title="密码与状态">
          <p className="text-sm text-stone-600">
            这是您自己的账号：不能在这里停用或重置密码。请到
            <Link href="/account/password" className="text-brand-700 hover:underline">
              修改密码
            </Link>
            页面修改自己的密码。
          </p>
        </Section>
      ) : (
        <>
          <Section id="account-password" title="重置密码">
            <p className="text-sm text-stone-500">重置后，该用户已登录的会话立即失效，下次登录后须修改密码。</p>
            <ResetPasswordForm userId={account.id} />
          </Section>
          <Section id="account-second-factor" title="动态验证码">
            {secondFactor.enabled ? (
              <p className="text-sm text-stone-500">
                已启用{secondFactor.enabledAt && `（${formatShanghai(secondFactor.enabledAt)}）`}
                。用户丢失手机和恢复码时可重置：该用户立即退出登录，下次登录后需重新设置。
              </p>
            ) : (
              <p className="text-sm text-stone-500">未启用。</p>
            )}
            {/* For a user who lost the phone and the recovery codes: the second factor goes, the user is signed out. */}
            <ActionButton
              label="重置动态验证码"
              pendingLabel="正在重置…"
              successText="已重置动态验证码，该用户已退出登录，下次登录后需重新设置"
              className={dangerButtonClass}
              available={secondFactor.enabled}
              run={resetSecondFactorAction.bind(null, { userId: account.id })}
            />
          </Section>
          <RecordStatus
            id="account-status"
            active={!account.disabled}
            activeNote="停用后，该用户立即退出登录，且不能再登录。"
            inactiveNote="该账号已停用，不能登录。"
          >
            <ActiveToggleButton
              active={!account.disabled}
              deactivateLabel="停用账号"
              activateLabel="启用账号"
              what="账号"
              activate={setAccountDisabledAction.bind(null, { userId: account.id, disabled: false })}
              deactivate={setAccountDisabledAction.bind(null, { userId: account.id, disabled: true })}
            />
          </RecordStatus>
          <Section id="account-sessions" title="登录会话">
            {sessions.length === 0 ? (
              <p className="text-sm text-stone-500">该用户目前没有登录的设备。</p>
            ) : (
              <ul className="space-y-1 text-sm text-stone-600" aria-label="该用户的登录设备">
                {sessions.map((s) => (
                  <li key={s.id}>
                    {describeUserAgent(s.userAgent)} · 登录于 {formatShanghai(s.createdAt)} · 最近使用 {formatShanghai(s.lastSeenAt)}
                    {s.ip ? ` · IP ${s.ip}` : ""}
                  </li>
                ))}
              </ul>
            )}
            {sessions.length > 0 && <p className="text-sm text-stone-500">结束后，该用户在所有设备上立即退出，须重新登录。</p>}
            <ActionButton
              label="结束该用户的所有会话"
              pendingLabel="正在结束…"
              successText="已结束该用户的所有会话，该用户须重新登录"
              className={dangerButtonClass}
              available={sessions.length > 0}
              run={endSessionsOfUserAction.bind(null, { userId: account.id })}
              refresh
            />
          </Section>
        </>
      )}
    </div>
  );
}
