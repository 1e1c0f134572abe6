import { describe, expect, it } from "vitest";
import { MAX_WORKERS, serverWorkers } from "@/lib/server/workers";

describe("serverWorkers (WEB_CONCURRENCY)", () => {
  it("runs one process when nothing is asked", () => {
    expect(serverWorkers(undefined, 8)).toBe(1);
    expect(serverWorkers("", 8)).toBe(1);
    expect(serverWorkers("  ", 8)).toBe(1);
  });

  it("runs the number asked", () => {
    expect(serverWorkers("1", 8)).toBe(1);
    expect(serverWorkers("3", 2)).toBe(3);
    expect(serverWorkers(` ${MAX_WORKERS} `, 2)).toBe(MAX_WORKERS);
  });

  it("runs one per core for auto, within the limit", () => {
    expect(serverWorkers("auto", 2)).toBe(2);
    expect(serverWorkers("auto", 0)).toBe(1);
    expect(serverWorkers("auto", 500)).toBe(MAX_WORKERS);
  });

  it("refuses anything else with a message in Chinese", () => {
    for (const bad of ["0", "-2", "2.5", "two", "65", "1e2"]) expect(() => serverWorkers(bad, 2)).toThrow(/WEB_CONCURRENCY 应为 1–64 之间的整数或 auto/);
  });
});
