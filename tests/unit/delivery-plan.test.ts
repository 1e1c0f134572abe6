import { describe, expect, it } from "vitest";
import type { ChannelKind } from "@/lib/delivery/channels";
import { chosenChannels, planDelivery, type Recipient } from "@/lib/delivery/plan";
import { DEFAULT_QUIET_HOURS } from "@/lib/delivery/timing";

const bj = (local: string) => new Date(`${local}+08:00`);
const ALL = new Set<ChannelKind>(["dingtalk", "wecom", "sms", "email"]);
const someone: Recipient = {
  userId: 7,
  mobile: "13800000000",
  email: "a@example.gov.cn",
  channels: {},
  quiet: DEFAULT_QUIET_HOURS,
  dailyDigest: false,
  dailyCap: 5,
  sentToday: 0,
};

describe("which channels a message takes", () => {
  it("by default SMS when a mobile number is known and e-mail when an address is", () => {
    expect(chosenChannels(someone, "reminder")).toEqual(["sms", "email"]);
    expect(chosenChannels({ ...someone, email: null }, "reminder")).toEqual(["sms"]);
    expect(chosenChannels({ ...someone, mobile: null, email: null }, "reminder")).toEqual([]);
  });

  it("the recipient's choice for the kind, in a fixed order, unknown names dropped", () => {
    const chose = { ...someone, channels: { reminder: ["email", "dingtalk", "fax"], notice: [] } };
    expect(chosenChannels(chose, "reminder")).toEqual(["dingtalk", "email"]);
    expect(chosenChannels(chose, "notice")).toEqual([]);
    expect(chosenChannels(chose, "rectification")).toEqual(["sms", "email"]);
  });
});

describe("planDelivery", () => {
  const at = bj("2022-06-20T10:00");

  it("one pending row per chosen, configured, reachable channel", () => {
    const rows = planDelivery({ ...someone, channels: { reminder: ["sms", "wecom", "email"] } }, "reminder", new Set(["sms", "wecom"]), at);
    expect(rows).toEqual([
      { userId: 7, channel: "wecom", state: "pending", dueAt: at },
      { userId: 7, channel: "sms", state: "pending", dueAt: at },
    ]);
  });

  it("nothing usable: one row that says why, the message stays in the app", () => {
    const none = (reason: string) => [{ userId: 7, channel: null, state: "unconfigured", dueAt: at, reason }];
    // No channel set up at all: 未配置渠道, whatever the recipient chose.
    expect(planDelivery(someone, "reminder", new Set(), at)).toEqual(none("未配置渠道"));
    // The recipient turned every channel off for this kind.
    expect(planDelivery({ ...someone, channels: { reminder: [] } }, "reminder", ALL, at)).toEqual(none("本人未选择发送渠道"));
    // Nothing chosen and no number or address for the defaults.
    expect(planDelivery({ ...someone, mobile: null, email: null }, "reminder", ALL, at)).toEqual(none("未填写手机号或电子邮箱"));
    // Only channels the administrator has not set up.
    expect(planDelivery({ ...someone, channels: { reminder: ["wecom"] } }, "reminder", new Set(["sms"]), at)).toEqual(none("所选渠道未配置"));
    // SMS chosen but no mobile number.
    expect(planDelivery({ ...someone, mobile: null, channels: { reminder: ["sms"] } }, "reminder", ALL, at)).toEqual(none("未填写所选渠道需要的联系方式"));
  });

  it("SMS in quiet hours waits until 07:00; e-mail goes at once", () => {
    const night = bj("2022-06-20T23:30");
    expect(planDelivery(someone, "reminder", ALL, night)).toEqual([
      { userId: 7, channel: "sms", state: "pending", dueAt: bj("2022-06-21T07:00") },
      { userId: 7, channel: "email", state: "pending", dueAt: night },
    ]);
  });

  it("每日汇总, or the cap reached, holds the rows for the next digest", () => {
    const digest = planDelivery({ ...someone, dailyDigest: true }, "reminder", ALL, at);
    expect(digest.map((r) => [r.channel, r.state, r.dueAt])).toEqual([
      ["sms", "held", bj("2022-06-21T07:00")],
      ["email", "held", bj("2022-06-21T07:00")],
    ]);
    expect(planDelivery({ ...someone, sentToday: 4 }, "reminder", ALL, at).map((r) => r.state)).toEqual(["pending", "pending"]);
    expect(planDelivery({ ...someone, sentToday: 5 }, "reminder", ALL, at).map((r) => r.state)).toEqual(["held", "held"]);
  });
});
