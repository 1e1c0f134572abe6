/** The overview's and 目标跟踪's row orders: worst first, 拼音, the unfiled or unreported last, ties in 序号 order. */
import { describe, expect, it } from "vitest";
import { sortIndicatorRows } from "@/lib/indicators/order";
import type { IndicatorPace } from "@/lib/indicators/completion";
import { sortOverviewRows } from "@/lib/overview/order";
import type { Compliance } from "@/lib/reporting/compliance";

const row = (seq: number, compliance: Compliance, unit: string | null, submitted: string | null) => ({
  seq,
  compliance,
  leadUnits: unit ? [{ name: unit }] : [],
  submittedAt: submitted ? new Date(submitted) : null,
});

const rows = [
  row(1, "on_time", "交通局", "2022-06-10T10:00:00+08:00"),
  row(2, "missing", "农牧局", null),
  row(3, "late", "财政局", "2022-06-17T10:00:00+08:00"),
  row(4, "returned", "住建局", "2022-06-12T10:00:00+08:00"),
  row(5, "missing", "交通局", null),
  row(6, "closed", null, null),
];
const seqs = (list: readonly { seq: number }[]) => list.map((r) => r.seq);

describe("the overview's orders", () => {
  it("序号 keeps the rows' order or turns it around", () => {
    expect(seqs(sortOverviewRows(rows, { key: "seq", descending: false }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(seqs(sortOverviewRows(rows, { key: "seq", descending: true }))).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it("状态: missing, returned, late, on time, closed; ties in 序号 order", () => {
    expect(seqs(sortOverviewRows(rows, { key: "state", descending: false }))).toEqual([2, 5, 4, 3, 1, 6]);
  });

  it("牵头单位 by 拼音, a task without one last", () => {
    // 财政局 (cai), 交通局 (jiao) ×2, 农牧局 (nong), 住建局 (zhu)
    expect(seqs(sortOverviewRows(rows, { key: "unit", descending: false }))).toEqual([3, 1, 5, 2, 4, 6]);
  });

  it("报送时间 latest first with the unfiled last", () => {
    expect(seqs(sortOverviewRows(rows, { key: "submitted", descending: true }))).toEqual([3, 4, 1, 2, 5, 6]);
  });

  it("leaves the rows it is given alone", () => {
    sortOverviewRows(rows, { key: "state", descending: false });
    expect(seqs(rows)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("目标跟踪's orders", () => {
  const indicator = (id: number, pace: IndicatorPace, completion: number | null) => ({ id, pace, completion });
  const list = [indicator(1, "met", 100), indicator(2, "no_value", null), indicator(3, "behind", 40), indicator(4, "on_pace", 50), indicator(5, "behind", 20)];
  const ids = (l: readonly { id: number }[]) => l.map((r) => r.id);

  it("状态: behind first, then unreported, on pace, ahead, met; ties in task order", () => {
    expect(ids(sortIndicatorRows(list, { key: "pace", descending: false }))).toEqual([3, 5, 2, 4, 1]);
  });

  it("完成率 either way, the unreported last", () => {
    expect(ids(sortIndicatorRows(list, { key: "completion", descending: false }))).toEqual([5, 3, 4, 1, 2]);
    expect(ids(sortIndicatorRows(list, { key: "completion", descending: true }))).toEqual([1, 4, 3, 5, 2]);
  });

  it("task order kept or turned around", () => {
    expect(ids(sortIndicatorRows(list, { key: "task", descending: true }))).toEqual([5, 4, 3, 2, 1]);
  });
});
