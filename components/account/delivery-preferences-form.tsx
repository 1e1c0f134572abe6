"use client";

import { useWatch } from "react-hook-form";
import { saveMyDeliveryPreferencesAction } from "@/app/(app)/account/notifications/actions";
import { saveDeliveryPreferencesForAction } from "@/app/(app)/admin/users/[id]/notifications/actions";
import { ActionForm, TextField } from "@/components/ui/form";
import { HeaderCells } from "@/components/ui/table";
import { useActionForm } from "@/components/ui/use-action-form";
import { CHANNEL_KINDS, CHANNEL_LABELS, type ChannelKind } from "@/lib/delivery/channels";
import { MESSAGE_KINDS, type MessageKindName } from "@/lib/delivery/message-kinds";
import { defaultChannels } from "@/lib/delivery/plan";
import { type ChannelChoices, DAILY_CAP_RANGE, deliveryPreferencesSchema } from "@/lib/services/delivery-preference-schemas";
import type { DeliveryPreferencesPage } from "@/lib/services/delivery-preferences";

/** The first message found in a field's errors (a record's errors are nested by key). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const value of Object.values(error)) {
    const found = value !== error && typeof value === "object" ? firstMessage(value) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * 消息提醒: contact details, the channels for each kind of message, quiet hours, 每日汇总 and the daily cap.
 * A kind the user has not set follows the defaults, which change with the contact details as they are typed
 * (SMS once there is a mobile number, e-mail once there is an address); ticking or unticking one of its boxes
 * sets it, 恢复默认 returns it to the defaults. With `userId`, the administrator's form for that account.
 */
export function DeliveryPreferencesForm({ page, userId }: { page: DeliveryPreferencesPage; userId?: number }) {
  const state = useActionForm({
    schema: deliveryPreferencesSchema,
    defaultValues: page.preferences,
    action: (values) => (userId === undefined ? saveMyDeliveryPreferencesAction(values) : saveDeliveryPreferencesForAction({ ...values, userId })),
    onSuccess: (data, values, form) => {
      form.reset(values);
      return { kind: "success", text: data.changed ? "已保存" : "没有需要保存的修改" };
    },
  });
  const { form, register, errors } = state;
  const [mobile, email, channels] = useWatch({ control: form.control, name: ["mobile", "email", "channels"] });
  const defaults = defaultChannels({ mobile: mobile.trim() || null, email: email.trim() || null });
  const shown = (kind: MessageKindName): readonly ChannelKind[] => channels[kind] ?? defaults;

  const setChannels = (next: ChannelChoices) => form.setValue("channels", next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  const toggle = (kind: MessageKindName, channel: ChannelKind, on: boolean) => {
    const now = shown(kind);
    const chosen = on ? [...now, channel] : now.filter((c) => c !== channel);
    setChannels({ ...channels, [kind]: CHANNEL_KINDS.filter((c) => chosen.includes(c)) });
  };
  const restore = (kind: MessageKindName) => {
    const { [kind]: _removed, ...rest } = channels;
    setChannels(rest);
  };
  const own = userId === undefined;

  return (
    <ActionForm state={state} label="消息提醒" className="space-y-6">
      {!page.saved && <p className="rounded bg-stone-100 px-3 py-2 text-sm text-stone-700">{own ? "您" : "该用户"}尚未保存过消息提醒设置，下面是默认设置。</p>}

      <fieldset className="space-y-3">
        <legend className="font-medium">联系方式</legend>
        <div className="grid gap-3 sm:grid-cols-2 sm:max-w-xl">
          <TextField
            id="delivery-mobile"
            label="手机号码"
            type="tel"
            inputMode="numeric"
            autoComplete={own ? "tel" : "off"}
            hint="接收短信；不填则不发短信"
            error={errors.mobile?.message}
            registration={register("mobile")}
          />
          <TextField
            id="delivery-email"
            label="电子邮箱"
            type="email"
            autoComplete={own ? "email" : "off"}
            hint="接收邮件；不填则不发邮件"
            error={errors.email?.message}
            registration={register("email")}
          />
        </div>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-medium">提醒方式</legend>
        <p className="text-sm text-stone-500">未单独设置的消息按默认方式提醒：填写了手机号码的发短信，填写了电子邮箱的发邮件。</p>
        {/* A table from md up; on a phone each kind is a card with its channels in a row, each named. */}
        <div className="rounded border border-stone-200 bg-white md:overflow-x-auto">
          <table className="block min-w-full text-sm md:table">
            <caption className="sr-only">各类消息的提醒渠道</caption>
            <thead className="hidden bg-stone-100 text-left text-stone-600 md:table-header-group">
              <tr>
                <HeaderCells
                  cellClassName="px-3 py-2"
                  columns={[
                    "消息类型",
                    ...CHANNEL_KINDS.map((channel) => ({
                      label: (
                        <>
                          {CHANNEL_LABELS[channel]}
                          {!page.configured.includes(channel) && <span className="block text-xs font-normal text-stone-400">未开通</span>}
                        </>
                      ),
                      className: "w-24 text-center whitespace-nowrap",
                    })),
                    { label: <span className="sr-only">是否按默认</span>, className: "w-20" },
                  ]}
                />
              </tr>
            </thead>
            <tbody className="block md:table-row-group">
              {MESSAGE_KINDS.map((kind) => (
                <tr
                  key={kind.kind}
                  className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-stone-100 p-3 first:border-t-0 md:table-row md:p-0 md:first:border-t"
                >
                  <th scope="row" className="w-full text-left font-normal md:table-cell md:w-auto md:px-3 md:py-2">
                    <span className="font-medium text-stone-800">{kind.label}</span>
                    <span className="block text-xs text-stone-500">{kind.hint}</span>
                  </th>
                  {CHANNEL_KINDS.map((channel) => (
                    <td key={channel} className="md:table-cell md:px-3 md:py-2 md:text-center">
                      <label className="inline-flex items-center gap-1.5">
                        <input
                          type="checkbox"
                          className="h-4 w-4"
                          aria-label={`${kind.label}：${CHANNEL_LABELS[channel]}`}
                          checked={shown(kind.kind).includes(channel)}
                          onChange={(e) => toggle(kind.kind, channel, e.target.checked)}
                        />
                        <span className="text-xs text-stone-600 md:hidden">{CHANNEL_LABELS[channel]}</span>
                      </label>
                    </td>
                  ))}
                  <td className="whitespace-nowrap md:table-cell md:px-3 md:py-2">
                    {channels[kind.kind] !== undefined ? (
                      <button
                        type="button"
                        className="text-xs text-stone-600 underline decoration-stone-300 underline-offset-2 hover:text-brand-700"
                        aria-label={`${kind.label}：恢复默认`}
                        onClick={() => restore(kind.kind)}
                      >
                        恢复默认
                      </button>
                    ) : (
                      <span className="text-xs text-stone-400">按默认</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {firstMessage(errors.channels) && <p className="text-sm text-red-600">{firstMessage(errors.channels)}</p>}
        <p className="text-xs text-stone-500">管理员尚未开通的渠道不会发送；无论怎样选择，所有消息都会保留在「消息」中。</p>
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-medium">免打扰时段（北京时间）</legend>
        <div className="flex flex-wrap items-start gap-3">
          <TextField
            id="delivery-quiet-from"
            label="开始时间"
            type="time"
            className="w-36"
            error={errors.quietFrom?.message}
            registration={register("quietFrom")}
          />
          <TextField
            id="delivery-quiet-until"
            label="结束时间"
            type="time"
            className="w-36"
            error={errors.quietUntil?.message}
            registration={register("quietUntil")}
          />
        </div>
        <p className="text-xs text-stone-500">此时段内不发短信，留到结束时发出；开始与结束相同表示不设免打扰。</p>
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="font-medium">发送频率</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" {...register("dailyDigest")} />
          <span>
            每日汇总
            <span className="block text-xs text-stone-500">每天只发一条，汇总此前的新消息，在免打扰时段结束时发出。</span>
          </span>
        </label>
        <div>
          <TextField
            id="delivery-daily-cap"
            label="每日上限（条）"
            type="number"
            min={DAILY_CAP_RANGE.min}
            max={DAILY_CAP_RANGE.max}
            step={1}
            className="w-36"
            aria-describedby="delivery-daily-cap-note"
            error={errors.dailyCap?.message}
            registration={register("dailyCap", { valueAsNumber: true })}
          />
          <p id="delivery-daily-cap-note" className="mt-1 text-xs text-stone-500">
            不选每日汇总时，一天内超出此数的消息不再逐条发送，并入下一次汇总。
          </p>
        </div>
      </fieldset>
    </ActionForm>
  );
}
