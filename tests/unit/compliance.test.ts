import { describe, expect, it } from "vitest";
import { classifyReport, countCompliance } from "@/lib/reporting/compliance";

const due = new Date("2022-06-16T00:00:00+08:00");
const before = new Date("2022-06-15T12:00:00+08:00");
const after = new Date("2022-06-20T10:00:00+08:00");

describe("classifyReport", () => {
  it("counts submitted and accepted reports by their late mark", () => {
    expect(classifyReport({ status: "submitted", late: false, submittedAt: before }, due, after)).toBe("on_time");
    expect(classifyReport({ status: "accepted", late: true, submittedAt: after }, due, after)).toBe("late");
  });
  it("a report not submitted is missing once the due time has passed, open before", () => {
    expect(classifyReport(null, due, after)).toBe("missing");
    expect(classifyReport({ status: "draft", late: null, submittedAt: null }, due, after)).toBe("missing");
    expect(classifyReport({ status: "pending_approval", late: null, submittedAt: null }, due, after)).toBe("missing");
    expect(classifyReport(null, due, before)).toBe("open");
    expect(classifyReport(null, due, due)).toBe("open");
  });
  it("a returned report that had been submitted is 'returned'; a head's return before submission is not", () => {
    expect(classifyReport({ status: "returned", late: false, submittedAt: before }, due, after)).toBe("returned");
    expect(classifyReport({ status: "returned", late: null, submittedAt: null }, due, after)).toBe("missing");
  });
  it("a closed task owes nothing", () => {
    expect(classifyReport(null, due, after, true)).toBe("closed");
  });
  it("counts each state and the lagging and blocked ones", () => {
    expect(
      countCompliance([
        { compliance: "on_time", progressState: "lagging" },
        { compliance: "missing", progressState: null },
        { compliance: "late", progressState: "blocked" },
        { compliance: "closed", progressState: "blocked" },
      ]),
    ).toEqual({ tasks: 4, on_time: 1, late: 1, missing: 1, returned: 0, open: 0, closed: 1, lagging: 1, blocked: 1 });
  });
});
