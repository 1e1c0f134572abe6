import { describe, expect, it } from "vitest";
import { DEFAULT_INTERVAL_MS, deliveryInterval, workerInApp } from "@/lib/delivery/worker-settings";

describe("where and how often the outbox worker runs", () => {
  it("in the app unless turned off", () => {
    for (const on of [undefined, "", "on", "1", "yes"]) expect(workerInApp(on)).toBe(true);
    for (const off of ["off", "OFF", " 0 ", "false", "no"]) expect(workerInApp(off)).toBe(false);
  });

  it("every 5 s unless a sane interval is given", () => {
    expect(deliveryInterval(undefined)).toBe(DEFAULT_INTERVAL_MS);
    expect(deliveryInterval("2000")).toBe(2000);
    for (const bad of ["10", "abc", "1.5", "9999999"]) expect(deliveryInterval(bad)).toBe(DEFAULT_INTERVAL_MS);
  });
});
