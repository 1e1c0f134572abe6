/**
 * The administrator's channel form as it arrives: the channel, on or off, and its fields. The fields are
 * checked by the channel's own schema (lib/delivery/channels.ts) once the secrets left blank have been
 * filled in from the stored configuration (lib/services/delivery-channels.ts).
 */
import { z } from "zod";
import { CHANNEL_KINDS } from "@/lib/delivery/channels";
import { recordIdSchema, strictInput } from "./schema-kit";

const kind = z.enum(CHANNEL_KINDS, { error: "请选择发送渠道" });
const field = z.union([z.string().max(4000, { error: "内容过长" }), z.number(), z.boolean(), z.null()]);

export const channelFormSchema = strictInput({
  kind,
  enabled: z.boolean({ error: "请选择是否启用" }),
  fields: z.record(z.string().max(40), field, { error: "提交的内容格式有误" }),
});
export type ChannelForm = z.infer<typeof channelFormSchema>;

export const channelTestSchema = strictInput({ kind, mobile: z.string().trim().max(20).nullish(), email: z.string().trim().max(200).nullish() });

export const deliveryIdSchema = strictInput({ id: recordIdSchema("消息") });
