import { describe, expect, it } from "vitest";
import { APPROX_TOLERANCE, completionOf, meetsTarget, PACE_TOLERANCE, standingOf, type IndicatorSpec } from "@/lib/indicators/completion";

const spec = (comparator: IndicatorSpec["comparator"], target: number, extra: Partial<IndicatorSpec> = {}): IndicatorSpec => ({
  comparator,
  target,
  baseline: null,
  measure: "cumulative",
  ...extra,
});

describe("meetsTarget at the edges", () => {
  it("以上 (≥) and a bare number (=) are met exactly at the target", () => {
    expect(meetsTarget(spec(">=", 300), 300)).toBe(true);
    expect(meetsTarget(spec(">=", 300), 299.9)).toBe(false);
    expect(meetsTarget(spec("=", 3), 3)).toBe(true);
    expect(meetsTarget(spec("=", 3), 2)).toBe(false);
  });
  it("超过 (>) is met only above the target", () => {
    expect(meetsTarget(spec(">", 500), 500)).toBe(false);
    expect(meetsTarget(spec(">", 500), 500.1)).toBe(true);
  });
  it("以内 (≤) is met at or under the target, lower is better", () => {
    expect(meetsTarget(spec("<=", 4), 4)).toBe(true);
    expect(meetsTarget(spec("<=", 4), 3.2)).toBe(true);
    expect(meetsTarget(spec("<=", 4), 4.01)).toBe(false);
    expect(meetsTarget(spec("<", 4), 4)).toBe(false);
    expect(meetsTarget(spec("<", 4), 3.99)).toBe(true);
  });
  it(`左右 (≈) is met within ±${APPROX_TOLERANCE * 100}% of the target`, () => {
    expect(meetsTarget(spec("≈", 8), 7.6)).toBe(true);
    expect(meetsTarget(spec("≈", 8), 8.4)).toBe(true);
    expect(meetsTarget(spec("≈", 8), 7.59)).toBe(false);
    expect(meetsTarget(spec("≈", 8), 8.41)).toBe(false);
  });
});

describe("completionOf", () => {
  it("a cumulative target counts from zero: 120 of 300 公里 is 40%", () => {
    expect(completionOf(spec(">=", 300), 120)).toBe(40);
    expect(completionOf(spec(">=", 300), 0)).toBe(0);
    expect(completionOf(spec(">=", 300), 300)).toBe(100);
    expect(completionOf(spec(">=", 20), 25)).toBe(125);
  });
  it("counts from the baseline when there is one", () => {
    // 人均可支配收入 from 52,000 to 56,200: 54,100 is half way.
    expect(completionOf(spec(">=", 56200, { baseline: 52000, measure: "level" }), 54100)).toBe(50);
    expect(completionOf(spec(">=", 56200, { baseline: 52000 }), 51000)).toBe(0);
  });
  it("a lower-is-better target is complete at or under it, and partly done above it", () => {
    expect(completionOf(spec("<=", 4), 4)).toBe(100);
    expect(completionOf(spec("<=", 4), 3)).toBe(100);
    expect(completionOf(spec("<=", 4), 5)).toBe(80);
    // From a baseline of 6 down to 4: at 5 half the way is gone.
    expect(completionOf(spec("<=", 4, { baseline: 6 }), 5)).toBe(50);
    expect(completionOf(spec("<=", 4, { baseline: 6 }), 7)).toBe(0);
  });
  it("左右 within the tolerance is complete; short of it is the share reached", () => {
    expect(completionOf(spec("≈", 8, { measure: "level" }), 7.7)).toBe(100);
    expect(completionOf(spec("≈", 8, { measure: "level" }), 6)).toBe(75);
  });
});

describe("standingOf against 序时进度", () => {
  it("no value reported is 未填报, not zero", () => {
    expect(standingOf(spec(">=", 300), null, 50)).toEqual({ completion: null, met: false, pace: "no_value" });
  });
  it(`a cumulative indicator is behind when it trails 序时进度 by more than ${PACE_TOLERANCE} points`, () => {
    expect(standingOf(spec(">=", 300), 120, 40).pace).toBe("on_pace");
    expect(standingOf(spec(">=", 300), 120, 45).pace).toBe("on_pace");
    expect(standingOf(spec(">=", 300), 120, 45.1).pace).toBe("behind");
    expect(standingOf(spec(">=", 300), 120, 35).pace).toBe("ahead");
    expect(standingOf(spec(">=", 300), 120, 35.1).pace).toBe("on_pace");
  });
  it("a met target is 已达标 whatever the pace", () => {
    expect(standingOf(spec(">=", 300), 300, 100)).toEqual({ completion: 100, met: true, pace: "met" });
    expect(standingOf(spec("<=", 4, { measure: "level" }), 3.8, 50).pace).toBe("met");
  });
  it("a level (a rate) is behind whenever it does not meet its target now", () => {
    expect(standingOf(spec("≈", 8, { measure: "level" }), 7, 10).pace).toBe("behind");
    expect(standingOf(spec("<=", 4, { measure: "level" }), 4.2, 10).pace).toBe("behind");
  });
});
