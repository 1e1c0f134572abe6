/**
 * What the report form says about saving, pure: the save bar (saved when, by the server's clock;
 * or why the draft is not being saved) and who saved the newer text a save ran into. Times are
 * the server's (the app clock), shown by the app's one formatter in Shanghai time.
 */
import { formatShanghai } from "@/lib/periods";
import { REPORT_FIELD_LABEL } from "./schemas";

export type SaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  /** `at`: when the server stored it (null: not known on this page). */
  | { kind: "saved"; at: Date | string | null; auto: boolean }
  /** The form holds something a draft cannot be saved with: nothing is saved until it is fixed. */
  | { kind: "invalid"; problems: DraftProblem[] }
  /** A newer save came first: nothing is saved until the user chooses between the two. */
  | { kind: "conflict" };

export interface DraftProblem {
  label: string;
  tooLong: boolean;
}

const TEXT_FIELDS = new Set<PropertyKey>(["progress", "problems", "nextSteps", "coordinationRequest"]);
const INDICATOR_LABEL = "量化指标数值";

/** The fields a draft is refused for (from the draft schema's issues), each once, in form order. */
export function draftProblems(issues: readonly { code: string; path: readonly PropertyKey[] }[], indicatorsInvalid = false): DraftProblem[] {
  const byField = new Map<string, DraftProblem>();
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || !(field in REPORT_FIELD_LABEL) || byField.has(field)) continue;
    byField.set(field, { label: REPORT_FIELD_LABEL[field as keyof typeof REPORT_FIELD_LABEL], tooLong: issue.code === "too_big" && TEXT_FIELDS.has(field) });
  }
  const order = Object.keys(REPORT_FIELD_LABEL);
  const problems = [...byField.entries()].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([, problem]) => problem);
  if (indicatorsInvalid) problems.push({ label: INDICATOR_LABEL, tooLong: false });
  return problems;
}

/** 本期工作进展超出字数上限，未保存 / 本期工作进展超出字数上限，完成进度填写有误，未保存 */
export function invalidDraftText(problems: readonly DraftProblem[]): string {
  const tooLong = problems.filter((p) => p.tooLong).map((p) => p.label);
  const wrong = problems.filter((p) => !p.tooLong).map((p) => p.label);
  const parts = [tooLong.length > 0 ? `${tooLong.join("、")}超出字数上限` : null, wrong.length > 0 ? `${wrong.join("、")}填写有误` : null].filter(Boolean);
  return `${parts.length > 0 ? parts.join("，") : "有填写有误的项目"}，未保存`;
}

export function saveStatusText(state: SaveState): string {
  switch (state.kind) {
    case "saving":
      return "正在保存…";
    case "saved": {
      const label = state.auto ? "已自动保存" : "已保存";
      return state.at ? `${label} ${formatShanghai(new Date(state.at))}` : label;
    }
    case "unsaved":
      return "有未保存的修改（停止输入 3 秒后自动保存）";
    case "invalid":
      return invalidDraftText(state.problems);
    case "conflict":
      return "有未保存的修改，未自动保存：请先处理上方的提示";
    case "idle":
      return "";
  }
}

/** Who stored the newer text a save ran into: possibly this same user in another window or tab. */
export interface SavedBy {
  updatedAt: Date | string;
  /** The account that saved it (its display name); null when no longer known. */
  updatedByName: string | null;
  /** Saved by this same account (another window or tab). */
  bySelf: boolean;
}

/** 另一窗口或其他人于 2022-06-20 10:00 保存了新内容（保存账号：交通局填报人） */
export function savedByText(saved: SavedBy): string {
  const account = saved.updatedByName ? `（保存账号：${saved.updatedByName}${saved.bySelf ? "，即您本人的账号" : ""}）` : "";
  return `另一窗口或其他人于 ${formatShanghai(new Date(saved.updatedAt))} 保存了新内容${account}`;
}
