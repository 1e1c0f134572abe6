import { describe, expect, it } from "vitest";
import { groupByLeadUnit, leadersFromSupervisors, type AssignableUnit, type LeaderlessTask } from "@/lib/tasks/leader-assignment";
import { shortDeadline, taskNumber } from "@/lib/tasks/labels";

describe("taskNumber: 序号 as written", () => {
  it("uses the written label, else the running number", () => {
    expect(taskNumber({ seq: 3, seqLabel: "（一）" })).toBe("（一）");
    expect(taskNumber({ seq: 3, seqLabel: null })).toBe("3");
    expect(taskNumber({ seq: 3, seqLabel: "  " })).toBe("3");
  });
});

describe("shortDeadline: the 完成时限 in a table cell", () => {
  it("a day in the plan's year without the year, another year with it", () => {
    expect(shortDeadline({ dueOn: "2022-06-30", deadlineText: "6月底前" }, 2022)).toBe("6月30日");
    expect(shortDeadline({ dueOn: "2022-09-30", deadlineText: null }, 2022)).toBe("9月30日");
    expect(shortDeadline({ dueOn: "2023-12-31", deadlineText: "2023年12月" }, 2022)).toBe("2023年12月31日");
    expect(shortDeadline({ dueOn: "2022-06-30", deadlineText: null }, null)).toBe("2022年6月30日");
  });
  it("a standing task is 持续; words naming no day stay as written; none is null", () => {
    expect(shortDeadline({ dueOn: null, deadlineText: "长期坚持" }, 2022)).toBe("持续");
    expect(shortDeadline({ dueOn: null, deadlineText: "持续推进" }, null)).toBe("持续");
    expect(shortDeadline({ dueOn: null, deadlineText: "视情况而定" }, 2022)).toBe("视情况而定");
    expect(shortDeadline({ dueOn: null, deadlineText: null }, 2022)).toBeNull();
    expect(shortDeadline({ dueOn: null, deadlineText: " " }, 2022)).toBeNull();
  });
});

const task = (id: number, seq: number, leadUnitIds: number[]): LeaderlessTask => ({ id, seq, seqLabel: null, content: `任务${seq}`, leadUnitIds });
const unit = (id: number, name: string, supervisingLeaderId: number | null): AssignableUnit => ({ id, name, active: true, supervisingLeaderId });

describe("groupByLeadUnit", () => {
  const units = [unit(1, "农牧局", 7), unit(2, "财政局", null), unit(3, "交通局", 8)];

  it("one group per lead unit, most tasks first; a co-led task is in both; tasks in document order", () => {
    const { groups, withoutLeadUnit } = groupByLeadUnit([task(12, 5, [1]), task(10, 3, [2, 1]), task(11, 4, [3])], units);
    expect(groups.map((g) => [g.unit.name, g.tasks.map((t) => t.id)])).toEqual([
      ["农牧局", [10, 12]],
      ["财政局", [10]], // equal counts: by name (pinyin)
      ["交通局", [11]],
    ]);
    expect(withoutLeadUnit).toEqual([]);
  });

  it("a task without a (known) lead unit is kept apart", () => {
    const { groups, withoutLeadUnit } = groupByLeadUnit([task(1, 1, []), task(2, 2, [99])], units);
    expect(groups).toEqual([]);
    expect(withoutLeadUnit.map((t) => t.id)).toEqual([1, 2]);
  });
});

describe("leadersFromSupervisors", () => {
  const units = [unit(1, "农牧局", 7), unit(2, "财政局", null), unit(3, "交通局", 8), unit(4, "水利局", 7), unit(5, "林草局", 9)];
  const inOffice = new Set([7, 8]);

  it("each task gets its lead units' 分管领导 in order, each once", () => {
    const result = leadersFromSupervisors([task(1, 1, [3, 1]), task(2, 2, [1, 4]), task(3, 3, [1])], units, inOffice);
    expect([...result]).toEqual([
      [1, [8, 7]],
      [2, [7]],
      [3, [7]],
    ]);
  });

  it("units without a 分管领导, or with one no longer in office, propose nobody", () => {
    const result = leadersFromSupervisors([task(1, 1, [2]), task(2, 2, [5]), task(3, 3, [2, 3]), task(4, 4, [])], units, inOffice);
    expect([...result]).toEqual([[3, [8]]]);
  });
});
