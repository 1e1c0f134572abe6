/** Who owes what in a period, and the reminder each unit receives. */
import { describe, expect, it } from "vitest";
import { highestStep } from "@/lib/escalation/labels";
import { collectOwed, ledgerItems, owedFacts, reminderMessage, type StatusRowForOwed } from "@/lib/escalation/owed";
import { findingSchema, escalationStepSchema, sendReminderSchema } from "@/lib/escalation/schemas";

const DUE = new Date("2022-06-30T16:00:00Z"); // 6月30日 24:00 Shanghai
const BEFORE = new Date("2022-06-20T02:00:00Z");
const AFTER = new Date("2022-07-02T02:00:00Z");

const A = { id: 1, name: "交通局" };
const B = { id: 2, name: "农牧局" };
const C = { id: 3, name: "乌兰镇" };

const row = (taskId: number, compliance: StatusRowForOwed["compliance"], leadUnits = [A]): StatusRowForOwed => ({
  taskId,
  seq: taskId,
  content: `任务${taskId}`,
  compliance,
  dueAt: DUE,
  leadUnits,
});

describe("collectOwed", () => {
  it("lead units owe a report while missing, open or returned; not when filed or closed", () => {
    const owed = collectOwed(
      [row(1, "open"), row(2, "missing"), row(3, "returned"), row(4, "on_time"), row(5, "late"), row(6, "closed")],
      [],
      new Set(),
      BEFORE,
    );
    expect(owed).toHaveLength(1);
    expect(owed[0]!.items.map((i) => [i.seq, i.owes, i.reason, i.overdue])).toEqual([
      [1, "report", "open", false],
      [2, "report", "missing", true],
      [3, "report", "returned", true],
    ]);
  });

  it("cooperating units owe an input until submitted, also when the report is filed; never on a closed task", () => {
    const duties = [
      { taskId: 4, unitId: C.id, unitName: C.name },
      { taskId: 4, unitId: B.id, unitName: B.name },
      { taskId: 6, unitId: C.id, unitName: C.name },
    ];
    const owed = collectOwed([row(4, "on_time"), row(6, "closed")], duties, new Set(["4:2"]), BEFORE);
    expect(owed.map((u) => [u.unitName, u.items.map((i) => [i.seq, i.owes, i.reason])])).toEqual([["乌兰镇", [[4, "contribution", "open"]]]]);
    expect(collectOwed([row(4, "on_time")], duties, new Set(), AFTER).find((u) => u.unitId === C.id)!.items[0]).toMatchObject({
      overdue: true,
      reason: "missing",
    });
  });

  it("a unit that is also a lead unit of the task owes the report, not an input; a task with two lead units reminds both", () => {
    const owed = collectOwed([row(7, "open", [A, B])], [{ taskId: 7, unitId: A.id, unitName: A.name }], new Set(), BEFORE);
    expect(owed.map((u) => [u.unitName, u.items.map((i) => i.owes)])).toEqual([
      ["交通局", ["report"]],
      ["农牧局", ["report"]],
    ]);
  });
});

describe("the reminder message and facts", () => {
  it("before the due time: 请于 … 前报送, listing the tasks", () => {
    const owed = collectOwed([row(24, "open"), row(27, "open"), row(41, "on_time", [B])], [{ taskId: 41, unitId: A.id, unitName: A.name }], new Set(), BEFORE);
    const unit = owed.find((u) => u.unitId === A.id);
    const message = reminderMessage(unit!, "2022年6月下半月");
    expect(message.title).toBe("催办：请于 6月30日 24:00 前报送2022年6月下半月进展报告 2 项、配合进展 1 项");
    expect(message.body.split("\n")).toEqual([
      "进展报告：",
      "第24项 任务24（尚未报送，截止 6月30日 24:00）",
      "第27项 任务27（尚未报送，截止 6月30日 24:00）",
      "配合进展：",
      "第41项 任务41（尚未报送，截止 6月30日 24:00）",
    ]);
    expect(owedFacts(unit!, "2022年6月下半月")).toBe("2022年6月下半月应报事项：进展报告：第24、27项尚未报送；配合进展：第41项尚未报送");
  });

  it("everything past due: 已逾期，请尽快报送", () => {
    const [unit] = collectOwed([row(24, "missing"), row(27, "returned")], [], new Set(), AFTER);
    expect(reminderMessage(unit!, "2022年6月上半月").title).toBe("催办：2022年6月上半月进展报告 2 项已逾期，请尽快报送");
    expect(owedFacts(unit!, "2022年6月上半月")).toBe("2022年6月上半月应报事项：进展报告：第24项逾期未报，第27项被退回待重报");
  });
});

describe("what a reminder enters in the escalation ledger", () => {
  it("only what is overdue; nothing for a courtesy reminder before the due time; all of it when the office chooses", () => {
    const [unit] = collectOwed([row(1, "open"), row(2, "missing"), row(3, "returned")], [], new Set(), BEFORE);
    expect(ledgerItems(unit!).map((i) => i.seq)).toEqual([2, 3]);
    expect(ledgerItems(unit!, true).map((i) => i.seq)).toEqual([1, 2, 3]);
    const [courtesy] = collectOwed([row(1, "open"), row(4, "open")], [], new Set(), BEFORE);
    expect(ledgerItems(courtesy!)).toEqual([]);
    expect(sendReminderSchema.parse({ periodIndex: 12 })).toEqual({ periodIndex: 12 });
    expect(sendReminderSchema.parse({ periodIndex: 12, recordAll: true })).toEqual({ periodIndex: 12, recordAll: true });
    expect(sendReminderSchema.safeParse({ periodIndex: 12, recordAll: "yes" }).success).toBe(false);
  });
});

describe("labels and forms", () => {
  it("the highest step", () => {
    expect(highestStep([])).toBeNull();
    expect(highestStep(["reminder", "interview", "supervision_letter"])).toBe("interview");
  });

  it("a finding needs a task or a unit, a rating and text; extra fields are refused", () => {
    expect(findingSchema.safeParse({ periodIndex: 12, taskId: null, unitId: null, rating: "poor", text: "x" }).success).toBe(false);
    expect(findingSchema.safeParse({ periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "x" }).success).toBe(true);
    expect(findingSchema.safeParse({ periodIndex: 12, taskId: 24, unitId: null, rating: "poor", text: "x", createdBy: 1 }).success).toBe(false);
    expect(findingSchema.safeParse({ periodIndex: 12, taskId: 24, unitId: null, rating: "bad", text: "x" }).success).toBe(false);
  });

  it("a step is 督办函, 约谈 or 问责 — never 通报批评 or 催办 from this form; 其他 needs a note", () => {
    expect(escalationStepSchema.safeParse({ step: "criticism", unitId: 1, facts: "x", deadline: "2022-06-25T18:00" }).success).toBe(false);
    expect(escalationStepSchema.safeParse({ step: "reminder", unitId: 1, facts: "x", deadline: "2022-06-25T18:00" }).success).toBe(false);
    expect(escalationStepSchema.safeParse({ step: "supervision_letter", unitId: 1, facts: "x", deadline: "2022-06-25T18:00" }).success).toBe(true);
    expect(
      escalationStepSchema.safeParse({ step: "accountability", unitId: 1, facts: "x", measure: "其他", measureNote: "", responsiblePerson: "张三" }).success,
    ).toBe(false);
    expect(
      escalationStepSchema.safeParse({ step: "accountability", unitId: 1, facts: "x", measure: "书面检查", measureNote: "", responsiblePerson: "张三" })
        .success,
    ).toBe(true);
  });
});
