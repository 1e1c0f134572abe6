/** Nested section headings: a task stands under the path of headings above it. */
import { describe, expect, it } from "vitest";
import { sectionTrail } from "@/lib/import/sections";

describe("sectionTrail", () => {
  it("nests by numbering style in the order the document uses them, replacing a heading of the same level", () => {
    const trail = sectionTrail();
    expect(trail.current).toBeNull();
    trail.enter("一、稳住经济大盘");
    expect(trail.current).toBe("一、稳住经济大盘");
    trail.enter("（一）扩大有效投资");
    expect(trail.current).toBe("一、稳住经济大盘 / （一）扩大有效投资");
    trail.enter("（二）促进消费");
    expect(trail.current).toBe("一、稳住经济大盘 / （二）促进消费");
    trail.enter("二、民生保障");
    expect(trail.current).toBe("二、民生保障");
    trail.enter("第三部分 生态");
    expect(trail.current).toBe("二、民生保障 / 第三部分 生态");
  });
});
