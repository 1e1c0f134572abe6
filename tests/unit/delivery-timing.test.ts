import { describe, expect, it } from "vitest";
import { DEFAULT_QUIET_HOURS, dayStart, digestDueAt, isQuiet, MAX_ATTEMPTS, nextMinuteOfDay, retryAt, smsDueAt } from "@/lib/delivery/timing";

const bj = (local: string) => new Date(`${local}+08:00`);

describe("quiet hours (Beijing time)", () => {
  it("22:00–07:00 by default, across midnight", () => {
    expect(isQuiet(bj("2022-06-20T21:59"), DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuiet(bj("2022-06-20T22:00"), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(bj("2022-06-21T03:30"), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(bj("2022-06-21T06:59"), DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuiet(bj("2022-06-21T07:00"), DEFAULT_QUIET_HOURS)).toBe(false);
  });

  it("a window within one day, and none when from equals until", () => {
    const noon = { from: 12 * 60, until: 14 * 60 };
    expect(isQuiet(bj("2022-06-20T11:59"), noon)).toBe(false);
    expect(isQuiet(bj("2022-06-20T13:00"), noon)).toBe(true);
    expect(isQuiet(bj("2022-06-20T14:00"), noon)).toBe(false);
    expect(isQuiet(bj("2022-06-20T03:00"), { from: 0, until: 0 })).toBe(false);
  });

  it("holds an SMS written in them until 07:00, the same night or the next morning", () => {
    expect(smsDueAt(bj("2022-06-20T23:10"), DEFAULT_QUIET_HOURS)).toEqual(bj("2022-06-21T07:00"));
    expect(smsDueAt(bj("2022-06-21T05:00"), DEFAULT_QUIET_HOURS)).toEqual(bj("2022-06-21T07:00"));
    expect(smsDueAt(bj("2022-06-21T10:15"), DEFAULT_QUIET_HOURS)).toEqual(bj("2022-06-21T10:15"));
  });
});

describe("the day and the digest", () => {
  it("a Beijing day starts at 00:00 +08:00, which is 16:00 UTC the day before", () => {
    expect(dayStart(bj("2022-06-21T00:30"))).toEqual(new Date("2022-06-20T16:00:00Z"));
    expect(dayStart(bj("2022-06-20T23:59"))).toEqual(new Date("2022-06-19T16:00:00Z"));
  });

  it("the digest goes at the next end of the quiet hours", () => {
    expect(digestDueAt(bj("2022-06-20T09:00"), DEFAULT_QUIET_HOURS)).toEqual(bj("2022-06-21T07:00"));
    expect(digestDueAt(bj("2022-06-21T06:00"), DEFAULT_QUIET_HOURS)).toEqual(bj("2022-06-21T07:00"));
    expect(nextMinuteOfDay(bj("2022-06-21T07:00"), 7 * 60)).toEqual(bj("2022-06-21T07:00"));
    // Their own quiet hours' end; 07:00 for one who has none.
    expect(digestDueAt(bj("2022-06-20T09:00"), { from: 21 * 60, until: 8 * 60 })).toEqual(bj("2022-06-21T08:00"));
    expect(digestDueAt(bj("2022-06-20T09:00"), { from: 0, until: 0 })).toEqual(bj("2022-06-21T07:00"));
  });
});

describe("retries", () => {
  it("back off 30 s, 1, 2, 4, 8 minutes, then stop", () => {
    const at = bj("2022-06-20T10:00");
    const gaps = [1, 2, 3, 4, 5].map((n) => (retryAt(at, n)!.getTime() - at.getTime()) / 1000);
    expect(gaps).toEqual([30, 60, 120, 240, 480]);
    expect(retryAt(at, MAX_ATTEMPTS)).toBeNull();
  });
});
