/** Building blocks of the input schemas shared by forms and server actions. */
import { z } from "zod";

/**
 * An object that refuses any field it does not name (`unitId`, `role`, `status` smuggled into a
 * request), with a Chinese message.
 */
export function strictInput<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === "unrecognized_keys") return `不接受的字段：${issue.keys.join("、")}`;
      if (issue.code === "invalid_type") return "提交的内容格式有误";
      return undefined;
    },
  });
}

/** A record id arriving from a form or a bound argument: a positive integer, nothing else. */
export function recordIdSchema(what = "记录") {
  return z
    .number({ error: `缺少${what}` })
    .int({ error: `${what}编号无效` })
    .positive({ error: `${what}编号无效` });
}

/** Text that must not be empty once trimmed, up to `max` characters, with the form's own messages. */
export function requiredText(max: number, messages: { empty: string; tooLong: string; notText?: string }) {
  return z
    .string(messages.notText === undefined ? undefined : { error: messages.notText })
    .trim()
    .min(1, { error: messages.empty })
    .max(max, { error: messages.tooLong });
}
