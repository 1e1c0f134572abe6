/**
 * 意见建议's input (lib/services/feedback-schemas.ts) and the page it came from (lib/feedback/page-path.ts):
 * what the form accepts and how it trims it, what it refuses and with which Chinese message; which `from`
 * values are paths of the app and what an anonymous one shows the office of its page.
 */
import { describe, expect, it } from "vitest";
import { feedbackFormDataInput } from "@/app/(app)/feedback/form-data";
import { noActorLabel, presentAuditEntry, recordHref } from "@/lib/audit-log/present";
import { monthLabel, parseFeedbackFilter } from "@/lib/feedback/kinds";
import { inAppPathOrNull, isInAppPath, PAGE_PATH_MAX, pageSection } from "@/lib/feedback/page-path";
import {
  answerFeedbackSchema,
  FEEDBACK_ANSWER_EMPTY,
  FEEDBACK_ANSWER_TOO_LONG,
  FEEDBACK_BODY_EMPTY,
  FEEDBACK_BODY_TOO_LONG,
  FEEDBACK_BODY_TOO_SHORT,
  FEEDBACK_KIND_MESSAGE,
  FEEDBACK_PAGE_MESSAGE,
  sendFeedbackSchema,
} from "@/lib/services/feedback-schemas";

const GOOD = { kind: "complaint", body: "每半月要重复填报三张内容相同的表。", anonymous: true, pagePath: "/tasks/46" } as const;

function firstMessage(input: unknown, schema: { safeParse(i: unknown): { success: boolean; error?: { issues: { message: string }[] } } } = sendFeedbackSchema) {
  const parsed = schema.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues[0]!.message;
}

describe("the 意见建议 form's schema", () => {
  it("accepts a complaint or a suggestion, named or anonymous, trims the text, and parses again unchanged", () => {
    const parsed = sendFeedbackSchema.parse({ ...GOOD, body: "  每半月要重复填报三张内容相同的表。\n" });
    expect(parsed).toEqual(GOOD);
    expect(sendFeedbackSchema.parse(parsed)).toEqual(parsed);
    expect(sendFeedbackSchema.parse({ kind: "suggestion", body: "建议合并月报和半月报", anonymous: false })).toEqual({
      kind: "suggestion",
      body: "建议合并月报和半月报",
      anonymous: false,
    });
    expect(sendFeedbackSchema.parse({ ...GOOD, pagePath: "" }).pagePath).toBe("");
  });

  it("refuses a missing or unknown kind", () => {
    expect(firstMessage({ ...GOOD, kind: "praise" })).toBe(FEEDBACK_KIND_MESSAGE);
    expect(firstMessage({ ...GOOD, kind: undefined })).toBe(FEEDBACK_KIND_MESSAGE);
    expect(FEEDBACK_KIND_MESSAGE).toBe("请选择意见或建议");
  });

  it("refuses empty, blank, too short and too long text, counting characters (not bytes)", () => {
    expect(firstMessage({ ...GOOD, body: "" })).toBe(FEEDBACK_BODY_EMPTY);
    expect(firstMessage({ ...GOOD, body: "  \n " })).toBe(FEEDBACK_BODY_EMPTY);
    expect(firstMessage({ ...GOOD, body: 12345 })).toBe(FEEDBACK_BODY_EMPTY);
    expect(firstMessage({ ...GOOD, body: "太多表" })).toBe(FEEDBACK_BODY_TOO_SHORT);
    expect(sendFeedbackSchema.safeParse({ ...GOOD, body: "表格太多了" }).success).toBe(true);
    expect(sendFeedbackSchema.safeParse({ ...GOOD, body: "表".repeat(2000) }).success).toBe(true);
    expect(firstMessage({ ...GOOD, body: "表".repeat(2001) })).toBe(FEEDBACK_BODY_TOO_LONG);
    expect(FEEDBACK_BODY_TOO_LONG).toBe("意见建议的内容不能超过 2000 字");
  });

  it("refuses a page that is not a path of the app", () => {
    for (const pagePath of ["https://evil.example/x", "//evil.example", "/\\evil.example", "tasks/46", "javascript:alert(1)", "/a/../admin"]) {
      expect(firstMessage({ ...GOOD, pagePath }), pagePath).toBe(FEEDBACK_PAGE_MESSAGE);
    }
  });

  it("refuses a field it does not name (the sender, the answer smuggled in) and a non-boolean 匿名", () => {
    expect(firstMessage({ ...GOOD, senderId: 1 })).toBe("不接受的字段：senderId");
    expect(firstMessage({ ...GOOD, answer: "已处理" })).toBe("不接受的字段：answer");
    expect(firstMessage({ ...GOOD, anonymous: "on" })).toBe("请选择是否匿名提交");
  });

  it("reads the natively posted form: a checked box is 匿名, an unchecked one (absent) is not", () => {
    const form = new FormData();
    form.set("kind", "suggestion");
    form.set("body", "建议合并月报和半月报");
    form.set("pagePath", "/unit");
    expect(feedbackFormDataInput(form)).toEqual({ kind: "suggestion", body: "建议合并月报和半月报", anonymous: false, pagePath: "/unit" });
    form.set("anonymous", "on");
    expect(feedbackFormDataInput(form).anonymous).toBe(true);
    expect(feedbackFormDataInput(new FormData())).toEqual({ kind: "", body: "", anonymous: false, pagePath: "" });
  });
});

describe("the office's answer", () => {
  it("needs the record and some text, at most 2000 characters", () => {
    expect(answerFeedbackSchema.parse({ id: 3, answer: " 已取消重复的表。 " })).toEqual({ id: 3, answer: "已取消重复的表。" });
    expect(firstMessage({ id: 3, answer: "   " }, answerFeedbackSchema)).toBe(FEEDBACK_ANSWER_EMPTY);
    expect(firstMessage({ id: 3, answer: "答".repeat(2001) }, answerFeedbackSchema)).toBe(FEEDBACK_ANSWER_TOO_LONG);
    expect(firstMessage({ id: 0, answer: "好" }, answerFeedbackSchema)).toBe("意见建议编号无效");
    expect(firstMessage({ answer: "好" }, answerFeedbackSchema)).toBe("缺少意见建议");
  });
});

describe("the page a 意见建议 came from", () => {
  it("is a path of the app: one leading slash, a query and a fragment allowed", () => {
    for (const path of ["/", "/tasks/46", "/reports/24/12", "/tasks?plan=2&page=3", "/feedback#x", "/%E4%BB%BB%E5%8A%A1"])
      expect(isInAppPath(path), path).toBe(true);
  });

  it("is never another site, a scheme, a backslash, a dot-dot, a space or control character, or too long", () => {
    for (const path of [
      "",
      "tasks",
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      " /tasks",
      "/tasks 46",
      "/a/../b",
      "/a/./b",
      "/%2F%2Fevil.example",
      "/%2e%2e/admin",
      "/%5Cevil",
      "/x%0Ay",
      "/x%ZZ",
      "/任务",
      `/${"a".repeat(PAGE_PATH_MAX)}`,
    ])
      expect(isInAppPath(path), JSON.stringify(path)).toBe(false);
    expect(isInAppPath(`/${"a".repeat(PAGE_PATH_MAX - 1)}`)).toBe(true);
  });

  it("is dropped, not refused, when the form is opened with a bad `from`", () => {
    expect(inAppPathOrNull("/tasks/46")).toBe("/tasks/46");
    expect(inAppPathOrNull("https://evil.example")).toBeNull();
    expect(inAppPathOrNull(undefined)).toBeNull();
    expect(inAppPathOrNull(null)).toBeNull();
  });

  it("shows the office only its section when anonymous", () => {
    expect(pageSection("/reports/24/12")).toBe("/reports");
    expect(pageSection("/tasks?plan=2")).toBe("/tasks");
    expect(pageSection("/unit")).toBe("/unit");
    expect(pageSection("/")).toBe("/");
  });
});

describe("the list's filter and the month labels", () => {
  it("reads ?state= and names a month in Chinese", () => {
    expect(parseFeedbackFilter("unanswered")).toBe("unanswered");
    expect(parseFeedbackFilter("answered")).toBe("answered");
    expect(parseFeedbackFilter("x")).toBe("all");
    expect(parseFeedbackFilter(undefined)).toBe("all");
    expect(monthLabel("2026-03")).toBe("2026年3月");
  });
});

describe("an anonymous one in the 操作日志", () => {
  it("is done by 「匿名」, not 「未登录」, and links to the office's page of it", () => {
    expect(noActorLabel("feedback.send")).toBe("匿名");
    expect(noActorLabel("auth.sign_in_failed")).toBe("未登录");
    expect(recordHref("feedback", "7")).toBe("/feedback/received/7");
    const view = presentAuditEntry({
      id: 1,
      at: new Date("2026-11-20T02:00:00Z"),
      actorUserId: null,
      actorRole: null,
      actorUsername: null,
      actorDisplayName: null,
      action: "feedback.send",
      entity: "feedback",
      entityId: "7",
      ip: null,
      before: null,
      after: { kind: "complaint", anonymous: true, pageSection: "/tasks" },
    });
    expect(view).toMatchObject({ actor: null, typedUsername: null, actionLabel: "提交意见建议", entityLabel: "意见建议", ip: null });
  });
});
