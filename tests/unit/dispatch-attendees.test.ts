/** 参会单位 follow the tasks chosen for a dispatch. */
import { describe, expect, it } from "vitest";
import { attendeesAfterTaskToggle } from "@/lib/dispatch/attendees";

const unitsByTask = { 53: [7, 8], 54: [8, 9] };

describe("attendeesAfterTaskToggle", () => {
  it("choosing a task pre-selects its lead and cooperating units, once each", () => {
    expect(attendeesAfterTaskToggle({ unitIds: [], taskIds: [], unitsByTask, taskId: 53, on: true })).toEqual([7, 8]);
    expect(attendeesAfterTaskToggle({ unitIds: [7, 8, 2], taskIds: [53], unitsByTask, taskId: 54, on: true })).toEqual([7, 8, 2, 9]);
  });

  it("dropping a task takes away only what it alone brought; units the leader added stay", () => {
    // 8 is also named by task 54; 2 was added by hand.
    expect(attendeesAfterTaskToggle({ unitIds: [7, 8, 2, 9], taskIds: [53, 54], unitsByTask, taskId: 53, on: false })).toEqual([8, 2, 9]);
    expect(attendeesAfterTaskToggle({ unitIds: [7, 8], taskIds: [53], unitsByTask, taskId: 53, on: false })).toEqual([]);
  });

  it("a task without units changes nothing", () => {
    expect(attendeesAfterTaskToggle({ unitIds: [2], taskIds: [], unitsByTask, taskId: 99, on: true })).toEqual([2]);
  });
});
