import { describe, expect, it } from "vitest";
import { ATTENTION_TASK_LIMIT, attentionOf } from "@/lib/leader/attention";
import type { BoardTask } from "@/lib/leader/board";
import { leaderView } from "@/lib/leader/views";

const at = new Date("2022-06-20T02:00:00Z"); // 10:00 in Shanghai

function task(id: number, signal: "red" | "amber" | "green", gap: number, closed = false): BoardTask {
  return {
    id,
    seq: id,
    content: `任务${id}`,
    dueOn: null,
    closed,
    leaders: [],
    leadUnits: [],
    latest: null,
    pace: { status: "behind", expected: 46.7, percent: null, gap },
    signal: { signal, reasons: [] },
    tally: { onTime: 0, late: 0, missing: 0, returned: 0 },
    recent: { onTime: 0, late: 0, missing: 0, returned: 0 },
    requests: { unresolved: 0, oldestUnresolvedDays: null },
    criticisms: 0,
    dispatch: { lastOn: null, days: null, stale: true },
  } as unknown as BoardTask;
}

describe("需要您关注", () => {
  it("lists the open red tasks, furthest behind first, a few of them, and counts them all", () => {
    const tasks = [
      task(1, "green", 0),
      task(2, "red", -10),
      task(3, "red", -30),
      task(4, "red", -40, true),
      task(5, "amber", -3),
      ...[6, 7, 8, 9, 10].map((i) => task(i, "red", -5)),
    ];
    const a = attentionOf({ tasks, requests: [], followUps: [], at });
    expect(a.redCount).toBe(7);
    expect(a.redTasks).toHaveLength(ATTENTION_TASK_LIMIT);
    expect(a.redTasks.map((t) => t.id).slice(0, 2)).toEqual([3, 2]);
    expect(a.redTasks.some((t) => t.closed)).toBe(false);
  });

  it("keeps the requests waiting for an instruction on the board's tasks, oldest first", () => {
    const requests = [
      { id: 1, taskId: 2, status: "open" as const, raisedAt: new Date("2022-06-10T00:00:00Z") },
      { id: 2, taskId: 2, status: "answered" as const, raisedAt: new Date("2022-06-01T00:00:00Z") },
      { id: 3, taskId: 99, status: "open" as const, raisedAt: new Date("2022-06-01T00:00:00Z") },
      { id: 4, taskId: 1, status: "open" as const, raisedAt: new Date("2022-06-02T00:00:00Z") },
    ];
    const a = attentionOf({ tasks: [task(1, "green", 0), task(2, "red", -10)], requests, followUps: [], at });
    expect(a.openCoordinationRequests.map((r) => r.id)).toEqual([4, 1]);
  });

  it("keeps the open follow-ups overdue or due within three days, soonest first", () => {
    const followUps = [
      { id: 1, dueOn: "2022-06-30", status: "open" as const },
      { id: 2, dueOn: "2022-06-22", status: "open" as const },
      { id: 3, dueOn: "2022-06-15", status: "open" as const },
      { id: 4, dueOn: "2022-06-15", status: "closed" as const },
      { id: 5, dueOn: "2022-06-20", status: "open" as const },
    ];
    const a = attentionOf({ tasks: [], requests: [], followUps, at });
    expect(a.dueFollowUps.map((f) => [f.id, f.overdue])).toEqual([
      [3, true],
      [5, false],
      [2, false],
    ]);
  });
});

describe("the leader dashboard's view", () => {
  it("opens 需要您关注 by default and the task list for a filtered link", () => {
    expect(leaderView(undefined, false)).toBe("attention");
    expect(leaderView(undefined, true)).toBe("tasks");
    expect(leaderView("units", true)).toBe("units");
    expect(leaderView(["indicators"], false)).toBe("indicators");
    expect(leaderView("<script>", false)).toBe("attention");
  });
});
