/**
 * Layout 2: a labelled list.
 *
 *   一、稳住经济大盘              section headings are not tasks
 *   1. 实施农村路网建设300公里。   N. / N． / N、 then the task text (possibly several lines)
 *   责任领导：张军                 labelled lines give leaders and units
 *   牵头单位：交通局
 *   责任单位：各苏木镇
 */
import { isBlank } from "./normalize";
import { sectionTrail } from "./sections";
import type { ImportIssue, RawRow, RawTable, SourceLine } from "./types";

type Field = "content" | "leaders" | "leadUnits" | "units" | "deadline";

/** 牵头市领导 / 分管县领导 / 区政府分管领导 / 联系旗领导…: a leader label naming the level of government. */
const LEVEL_LEADER_LABELS = ["牵头", "分管", "责任", "联系", "负责"].flatMap((role) =>
  ["市", "县", "区", "旗", "州", "盟"].flatMap((level) => [`${role}${level}领导`, `${level}政府${role}领导`]),
);

const LABELS: readonly { label: string; field: Exclude<Field, "content"> }[] = [
  ...LEVEL_LEADER_LABELS.map((label) => ({ label, field: "leaders" as const })),
  { label: "牵头负责领导", field: "leaders" },
  { label: "牵头领导", field: "leaders" },
  { label: "责任领导", field: "leaders" },
  { label: "分管领导", field: "leaders" },
  { label: "负责领导", field: "leaders" },
  { label: "牵头责任单位", field: "leadUnits" },
  { label: "牵头单位", field: "leadUnits" },
  { label: "牵头部门", field: "leadUnits" },
  { label: "主责单位", field: "leadUnits" },
  { label: "协同责任单位", field: "units" },
  { label: "责任单位", field: "units" },
  { label: "配合单位", field: "units" },
  { label: "协同单位", field: "units" },
  { label: "协办单位", field: "units" },
  { label: "配合部门", field: "units" },
  { label: "完成时限", field: "deadline" },
  { label: "时间节点", field: "deadline" },
  { label: "完成时间", field: "deadline" },
  { label: "时限要求", field: "deadline" },
];
const LABEL = new RegExp(
  `(${[...LABELS]
    .map((l) => l.label)
    .sort((a, b) => b.length - a.length)
    .join("|")})[\\s\\u00a0\\u3000]*[:：]`,
  "g",
);
const TASK_START = /^[\s\u00a0\u3000]*(\d{1,6})[\s\u00a0\u3000]*[.．、](?!\d)[\s\u00a0\u3000]*(.*)$/;
const HEADING = /^[\s\u00a0\u3000]*(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)])/;
const OPEN_BRACKET = /[（(【[][\s\u00a0\u3000]*$/;
const CLOSE_BRACKET = /[\s\u00a0\u3000]*[）)】\]][\s\u00a0\u3000]*$/;

/** Drops the bracket closing an inline 「（责任领导：…；牵头单位：…）」, but not one the value opened itself: 「各县（市、区）政府（管委会）」. */
function withoutUnbalancedClose(value: string): string {
  const opened = (value.match(/[（(【[]/g) ?? []).length;
  const closed = (value.match(/[）)】\]]/g) ?? []).length;
  return closed > opened ? value.replace(CLOSE_BRACKET, "") : value;
}

interface LabelledValue {
  field: Exclude<Field, "content">;
  value: string;
}

/** Splits a line into the text before its first label and the labelled values. */
function splitLabels(text: string): { before: string; values: LabelledValue[] } {
  const matches = [...text.matchAll(LABEL)];
  const first = matches[0];
  if (!first) return { before: text, values: [] };
  const values = matches.map((match, i) => {
    const start = match.index + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    const field = LABELS.find((l) => l.label === match[1])?.field ?? "units";
    return { field, value: withoutUnbalancedClose(text.slice(start, end)) };
  });
  return { before: text.slice(0, first.index).replace(OPEN_BRACKET, ""), values };
}

interface Item {
  row: RawRow;
  last: Field;
  labelled: boolean;
}

function addLine(item: Item, text: string): void {
  const { before, values } = splitLabels(text);
  if (!isBlank(before)) item.row[item.last].push(before);
  for (const { field, value } of values) {
    item.row[field].push(value);
    item.last = field;
    item.labelled = true;
  }
}

/** True when the text has numbered items and labelled lines. */
export function looksLikeLabelledList(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.some((l) => TASK_START.test(l)) && lines.some((l) => splitLabels(l).values.length > 0);
}

export function readLabelledList(text: string): RawTable {
  const lines = text.split(/\r\n|\r|\n/);
  const items: Item[] = [];
  const warnings: ImportIssue[] = [];
  let current: Item | null = null;
  let firstItemIndex: number | null = null;
  const sections = sectionTrail();

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (isBlank(raw)) return;
    const start = TASK_START.exec(raw);
    const { before, values } = splitLabels(raw);
    if (start && !(values.length > 0 && isBlank(before))) {
      current = {
        row: { line, seq: start[1] ?? "", content: [], leaders: [], leadUnits: [], units: [], deadline: [], section: sections.current },
        last: "content",
        labelled: false,
      };
      addLine(current, start[2] ?? "");
      items.push(current);
      firstItemIndex ??= index;
      return;
    }
    if (HEADING.test(raw)) {
      current = null;
      sections.enter(raw);
      return;
    }
    if (current) addLine(current, raw);
    else if (values.length > 0) warnings.push({ line, message: "这一行的标签不属于任何编号任务，已忽略" });
  });

  // Numbered paragraphs before the first labelled task belong to the notice, not the table.
  const firstLabelled = items.findIndex((item) => item.labelled);
  const tasks = firstLabelled < 0 ? items : items.slice(firstLabelled);
  const tableStart = tasks[0]?.row.line ?? (firstItemIndex ?? lines.length) + 1;
  const preamble: SourceLine[] = lines
    .slice(0, tableStart - 1)
    .map((t, i) => ({ line: i + 1, text: t }))
    .filter((l) => !HEADING.test(l.text));
  return { rows: tasks.map((item) => item.row), preamble, errors: [], warnings };
}
