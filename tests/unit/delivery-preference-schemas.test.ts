/**
 * The 消息提醒 form's schema (lib/services/delivery-preference-schemas.ts): what it accepts and how it
 * normalises it, what it refuses and with which message, the quiet hours' "HH:MM" ↔ minutes; and the list of
 * message kinds (lib/delivery/message-kinds.ts) against the kinds the services really write.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGE_KIND_NAMES, MESSAGE_KINDS } from "@/lib/delivery/message-kinds";
import { notificationKindLabel } from "@/lib/escalation/kinds";
import {
  CAP_MESSAGE,
  deliveryPreferencesForSchema,
  deliveryPreferencesSchema,
  EMAIL_MESSAGE,
  EMAIL_NEEDS_ADDRESS,
  MOBILE_MESSAGE,
  minutesOfTime,
  SMS_NEEDS_MOBILE,
  TIME_MESSAGE,
  timeOfMinutes,
} from "@/lib/services/delivery-preference-schemas";

const valid = {
  mobile: "13800000000",
  email: "zhang@example.gov.cn",
  channels: { reminder: ["sms"], notice: [] },
  quietFrom: "22:00",
  quietUntil: "07:00",
  dailyDigest: false,
  dailyCap: 5,
};

/** Each refusal's messages by field path ("" for the form as a whole). */
function refusals(input: unknown, schema: typeof deliveryPreferencesSchema | typeof deliveryPreferencesForSchema = deliveryPreferencesSchema) {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`accepted: ${JSON.stringify(parsed.data)}`);
  return parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("the 消息提醒 schema accepts", () => {
  it("a full form, unchanged", () => {
    expect(deliveryPreferencesSchema.parse(valid)).toEqual(valid);
  });

  it("no contact details, no channels set, quiet hours from = until (none), the cap's bounds", () => {
    const bare = { ...valid, mobile: "", email: "", channels: {}, quietFrom: "00:00", quietUntil: "00:00" };
    expect(deliveryPreferencesSchema.parse(bare)).toEqual(bare);
    expect(deliveryPreferencesSchema.parse({ ...valid, dailyCap: 1 }).dailyCap).toBe(1);
    expect(deliveryPreferencesSchema.parse({ ...valid, dailyCap: 100 }).dailyCap).toBe(100);
    expect(deliveryPreferencesSchema.parse({ ...valid, dailyDigest: true }).dailyDigest).toBe(true);
  });

  it("normalises what it reads, and what it gives parses again to the same", () => {
    const messy = {
      ...valid,
      mobile: " 138-0000 0000 ",
      email: "  zhang@example.gov.cn ",
      channels: { reminder: ["email", "sms", "dingtalk"], closure: ["wecom"] },
      quietFrom: "7:05",
      quietUntil: "12:30:00",
    };
    const parsed = deliveryPreferencesSchema.parse(messy);
    expect(parsed).toEqual({
      ...valid,
      mobile: "13800000000",
      email: "zhang@example.gov.cn",
      channels: { reminder: ["dingtalk", "sms", "email"], closure: ["wecom"] },
      quietFrom: "07:05",
      quietUntil: "12:30",
    });
    expect(deliveryPreferencesSchema.parse(parsed)).toEqual(parsed);
  });

  it("every message kind of the page with every channel", () => {
    const all = Object.fromEntries(MESSAGE_KIND_NAMES.map((kind) => [kind, ["dingtalk", "wecom", "sms", "email"]]));
    expect(deliveryPreferencesSchema.parse({ ...valid, channels: all }).channels).toEqual(all);
  });

  it("the administrator's form: the same with the account", () => {
    expect(deliveryPreferencesForSchema.parse({ ...valid, userId: 12 })).toEqual({ ...valid, userId: 12 });
  });
});

describe("the 消息提醒 schema refuses, with its message beside the field", () => {
  it("a mobile number that is not a mainland one", () => {
    for (const mobile of ["1380000000", "138000000000", "12800000000", "23800000000", "1380000000a", "+8613800000000"]) {
      expect(refusals({ ...valid, mobile })).toEqual([{ path: "mobile", message: MOBILE_MESSAGE }]);
    }
    expect(MOBILE_MESSAGE).toBe("请填写 11 位手机号码");
  });

  it("an e-mail address that is not one", () => {
    for (const email of ["zhang", "zhang@", "@example.gov.cn", "zhang@example", "zhang san@example.gov.cn", "a@b@example.gov.cn"]) {
      expect(refusals({ ...valid, email })).toEqual([{ path: "email", message: EMAIL_MESSAGE }]);
    }
    expect(EMAIL_MESSAGE).toBe("电子邮箱格式不正确");
  });

  it("quiet hours that are not HH:MM times of the day", () => {
    for (const time of ["24:00", "22:60", "2200", "22", "", "晚上十点", "22:00:30"]) {
      expect(refusals({ ...valid, quietFrom: time })).toEqual([{ path: "quietFrom", message: TIME_MESSAGE }]);
      expect(refusals({ ...valid, quietUntil: time })).toEqual([{ path: "quietUntil", message: TIME_MESSAGE }]);
    }
  });

  it("a daily cap outside 1–100 or not a whole number", () => {
    for (const dailyCap of [0, 101, -1, 2.5, Number.NaN, "5"]) expect(refusals({ ...valid, dailyCap })).toEqual([{ path: "dailyCap", message: CAP_MESSAGE }]);
  });

  it("a kind that is not on the page (the digest included) or a channel that does not exist", () => {
    expect(refusals({ ...valid, channels: { digest: ["sms"] } })).toEqual([{ path: "channels", message: "未知的消息类型：digest" }]);
    expect(refusals({ ...valid, channels: { reminder: ["fax"] } })).toEqual([{ path: "channels.reminder.0", message: "未知的提醒渠道" }]);
    expect(refusals({ ...valid, channels: { reminder: "sms" } })).toEqual([{ path: "channels.reminder", message: "提醒渠道格式有误" }]);
    expect(refusals({ ...valid, channels: ["sms"] })).toEqual([{ path: "channels", message: "提醒渠道格式有误" }]);
  });

  it("SMS chosen without a mobile number, e-mail without an address", () => {
    expect(refusals({ ...valid, mobile: "", channels: { reminder: ["sms"] } })).toEqual([{ path: "mobile", message: SMS_NEEDS_MOBILE }]);
    expect(refusals({ ...valid, email: "", channels: { closure: ["email"] } })).toEqual([{ path: "email", message: EMAIL_NEEDS_ADDRESS }]);
    // Not chosen: no contact needed.
    expect(deliveryPreferencesSchema.safeParse({ ...valid, mobile: "", email: "", channels: { reminder: ["wecom"] } }).success).toBe(true);
  });

  it("a field it does not know (whose settings they are comes from the session), a missing field", () => {
    expect(refusals({ ...valid, userId: 3 })).toEqual([{ path: "", message: "不接受的字段：userId" }]);
    const { dailyDigest: _, ...missing } = valid;
    expect(refusals(missing)).toEqual([{ path: "dailyDigest", message: "请选择是否每日汇总" }]);
    expect(refusals({ ...valid, userId: 0 }, deliveryPreferencesForSchema)).toEqual([{ path: "userId", message: "账号编号无效" }]);
  });
});

describe("quiet hours: HH:MM ↔ minutes after midnight", () => {
  it("reads times as minutes", () => {
    expect(minutesOfTime("00:00")).toBe(0);
    expect(minutesOfTime("07:00")).toBe(420);
    expect(minutesOfTime("7:00")).toBe(420);
    expect(minutesOfTime("22:00")).toBe(1320);
    expect(minutesOfTime("23:59")).toBe(1439);
    expect(() => minutesOfTime("24:00")).toThrow();
  });

  it("writes minutes as times, and back, for every minute of the day", () => {
    expect(timeOfMinutes(0)).toBe("00:00");
    expect(timeOfMinutes(420)).toBe("07:00");
    expect(timeOfMinutes(1320)).toBe("22:00");
    for (let minute = 0; minute < 24 * 60; minute++) expect(minutesOfTime(timeOfMinutes(minute))).toBe(minute);
    for (const bad of [-1, 1440, 1.5]) expect(() => timeOfMinutes(bad)).toThrow();
  });
});

describe("the message kinds a user chooses channels for", () => {
  const ROOT = path.resolve(__dirname, "../..");
  const sources = (dir: string): string[] =>
    readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );

  /**
   * Every `kind` of an in-app message the app writes: `{ kind: "x", title … }` in lib/ (a literal or a string constant of lib/),
   * and the deadline scan's kinds (`type DeadlineKind = "…" | "…"`, lib/delivery/deadline-rules.ts).
   */
  function kindsWritten(): Set<string> {
    const lib = sources("lib").map((file) => [file, readFileSync(path.join(ROOT, file), "utf8")] as const);
    const constants = new Map(lib.flatMap(([, text]) => [...text.matchAll(/const ([A-Z_]+) = "([a-z_]+)"/g)].map((m) => [m[1]!, m[2]!] as const)));
    const kinds = new Set<string>();
    for (const [file, text] of lib) {
      if (file.startsWith(path.join("lib", "delivery", "message-kinds"))) continue;
      for (const m of text.matchAll(/kind: (?:"([a-z_]+)"|([A-Z_]+)),\s*title\b/g)) {
        const kind = m[1] ?? constants.get(m[2]!);
        if (!kind) throw new Error(`${file}: constant ${m[2]} not found`);
        kinds.add(kind);
      }
    }
    const deadline = /type DeadlineKind = ([^;]+);/.exec(readFileSync(path.join(ROOT, "lib/delivery/deadline-rules.ts"), "utf8"));
    if (!deadline) throw new Error("lib/delivery/deadline-rules.ts: no DeadlineKind");
    for (const m of deadline[1]!.matchAll(/"([a-z_]+)"/g)) kinds.add(m[1]!);
    // The outbox's own daily digest (lib/data/outbox.ts) is not an in-app message.
    expect(kinds.delete("digest")).toBe(true);
    return kinds;
  }

  it("are every kind the app writes, each once, and never the digest", () => {
    const written = kindsWritten();
    expect(written.size).toBeGreaterThanOrEqual(13);
    expect(new Set(MESSAGE_KIND_NAMES)).toEqual(written);
    expect(new Set(MESSAGE_KIND_NAMES).size).toBe(MESSAGE_KINDS.length);
    expect(MESSAGE_KIND_NAMES).not.toContain("digest");
    for (const kind of MESSAGE_KINDS) {
      expect(kind.label).not.toBe("");
      expect(kind.hint.length).toBeGreaterThan(4);
    }
  });

  it("give the inbox its labels: the old ones unchanged, every kind named, 通知 only for a kind nobody writes", () => {
    expect(
      Object.fromEntries(
        ["reminder", "escalation", "explanation", "extension", "closure", "notice", "criticism", "rectification", "review"].map((k) => [
          k,
          notificationKindLabel(k),
        ]),
      ),
    ).toEqual({
      reminder: "催办",
      escalation: "督办",
      explanation: "情况说明",
      extension: "延期申请",
      closure: "办结销号",
      notice: "通报",
      criticism: "通报批评",
      rectification: "整改",
      review: "报告审核",
    });
    for (const { kind, label } of MESSAGE_KINDS) expect(notificationKindLabel(kind), kind).toBe(label);
    expect(notificationKindLabel("due_soon")).toBe("即将到期");
    expect(notificationKindLabel("digest")).toBe("每日汇总");
    expect(notificationKindLabel("something-new")).toBe("通知");
  });
});
