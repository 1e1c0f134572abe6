"use server";

import { defineAction } from "@/lib/server/pipeline/define-action";
import { channelFormSchema, channelTestSchema } from "@/lib/services/delivery-channel-schemas";
import { saveChannel, testChannel } from "@/lib/services/delivery-channels";

export const saveChannelAction = defineAction(
  { name: "delivery_channel.update", schema: channelFormSchema, policy: "admin.manage", revalidate: ["/admin/channels"] },
  (input, { actor, ip }) => saveChannel(actor, input, ip),
);

export const testChannelAction = defineAction({ name: "delivery_channel.test", schema: channelTestSchema, policy: "admin.manage" }, (input, { actor, ip }) =>
  testChannel(actor, input, ip),
);
