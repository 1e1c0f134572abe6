import type { Metadata } from "next";
import Link from "next/link";
import { ChannelForm } from "@/components/admin/channel-form";
import { Section } from "@/components/admin/section";
import { PageHeader } from "@/components/ui/page-header";
import { formatShanghai } from "@/lib/periods";
import { requirePageFor } from "@/lib/page-guard";
import { getChannelSettings } from "@/lib/services/delivery-channels";

export const metadata: Metadata = { title: "消息渠道" };

export default async function ChannelsPage() {
  const actor = await requirePageFor("admin.manage");
  const channels = await getChannelSettings(actor);
  return (
    <div className="space-y-4">
      <PageHeader title="消息渠道">
        <p className="text-sm text-stone-500">
          催办、通报、退回、批示等消息除在系统「消息」中显示外，还按每个人的选择经这里启用的渠道发出。未启用任何渠道时，消息只在系统内。密钥加密保存，保存后不再显示。
        </p>
        <p className="text-sm">
          <Link href="/admin/deliveries" className="text-brand-700 hover:underline">
            查看发送记录
          </Link>
        </p>
      </PageHeader>
      {channels.map((channel) => (
        <Section key={channel.kind} id={`channel-${channel.kind}`} title={channel.label}>
          <p className="text-sm text-stone-500" data-testid={`channel-status-${channel.kind}`}>
            {channel.configured ? `${channel.enabled ? "已启用" : "已停用"}：${channel.summary}（${formatShanghai(channel.updatedAt!)} 保存）` : "尚未配置"}
          </p>
          <ChannelForm
            kind={channel.kind}
            enabled={channel.configured ? channel.enabled : true}
            fields={channel.fields}
            secretsSet={channel.secretsSet}
            configured={channel.configured}
          />
        </Section>
      ))}
    </div>
  );
}
