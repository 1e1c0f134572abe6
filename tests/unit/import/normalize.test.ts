import { describe, expect, it } from "vitest";
import {
  chineseNumber,
  cleanName,
  normalizeContent,
  parseSeq,
  readSectionHeading,
  readSeqLabel,
  splitLeaderNames,
  splitUnitList,
} from "@/lib/import/normalize";

describe("cleanName", () => {
  it("removes ASCII spaces, U+00A0, U+3000 and tabs inside a name", () => {
    expect(cleanName("贾 \u00a0瑞")).toBe("贾瑞");
    expect(cleanName("崔\u3000婧")).toBe("崔婧");
    expect(cleanName("\t张  军\t")).toBe("张军");
    expect(cleanName(" 刘\u00a0\u00a0锐 ")).toBe("刘锐");
    expect(cleanName("文旅\n局")).toBe("文旅局");
  });

  it("drops a trailing 。 and 等, in either order", () => {
    expect(cleanName("各苏木镇。")).toBe("各苏木镇");
    expect(cleanName("财政局等")).toBe("财政局");
    expect(cleanName("财政局等。")).toBe("财政局");
    expect(cleanName("财政局。等")).toBe("财政局");
    expect(cleanName("等")).toBe("");
  });

  it("keeps 等 and 。 that are not at the end", () => {
    expect(cleanName("等级评定中心")).toBe("等级评定中心");
  });
});

describe("splitUnitList", () => {
  it.each([
    ["、", "发改委、自然资源局"],
    ["full-width ，", "发改委，自然资源局"],
    ["ASCII ,", "发改委,自然资源局"],
    ["full-width ；", "发改委；自然资源局"],
    ["ASCII ;", "发改委;自然资源局"],
    ["newline", "发改委\n自然资源局"],
    ["CRLF", "发改委\r\n自然资源局"],
  ])("splits on %s", (_separator, cell) => {
    expect(splitUnitList(cell)).toEqual(["发改委", "自然资源局"]);
  });

  it("cleans padding, drops empties, a trailing 等 and 。, and repeats (first wins)", () => {
    expect(splitUnitList(" 编办 、、人社局\u00a0，\u3000财政局等。")).toEqual(["编办", "人社局", "财政局"]);
    expect(splitUnitList("农牧局、林草局、农牧局")).toEqual(["农牧局", "林草局"]);
    expect(splitUnitList("\u00a0")).toEqual([]);
    expect(splitUnitList("")).toEqual([]);
  });
});

describe("splitLeaderNames", () => {
  it("joins padded two-character names and splits lists", () => {
    expect(splitLeaderNames("贾 \u00a0瑞").names).toEqual(["贾瑞"]);
    expect(splitLeaderNames("罗建勋\n柳天云").names).toEqual(["罗建勋", "柳天云"]);
    expect(splitLeaderNames("柳天云、刘  锐").names).toEqual(["柳天云", "刘锐"]);
  });

  it("splits full names separated by spaces, and reports repeats", () => {
    expect(splitLeaderNames("罗建勋  柳天云").names).toEqual(["罗建勋", "柳天云"]);
    expect(splitLeaderNames("崔婧，崔  婧")).toEqual({ names: ["崔婧"], duplicates: ["崔婧"] });
  });
});

describe("normalizeContent", () => {
  it("joins continuation lines and trims padding", () => {
    expect(normalizeContent("\u3000实施农村路网建设，\n 300公里。 ")).toBe("实施农村路网建设，300公里。");
  });

  it("removes padding between Chinese characters, keeps one plain space next to Latin text", () => {
    expect(normalizeContent("推广无汞 \u00a0生产\u3000技术")).toBe("推广无汞生产技术");
    expect(normalizeContent("推广PVC\u00a0\u00a0无汞生产技术")).toBe("推广PVC 无汞生产技术");
    expect(normalizeContent("美科20GW\nsingle crystal")).toBe("美科20GW single crystal");
  });
});

describe("parseSeq", () => {
  it("reads digits with an optional trailing mark", () => {
    expect(parseSeq("\t15")).toBe(15);
    expect(parseSeq("7．")).toBe(7);
    expect(parseSeq("8、")).toBe(8);
    expect(parseSeq("五")).toBeNull();
    expect(parseSeq("5a")).toBeNull();
    expect(parseSeq("")).toBeNull();
  });
});

describe("readSeqLabel: 序号 in the styles offices use", () => {
  it.each([
    ["12", { label: "12", number: 12, value: 12, style: "arabic" }],
    ["12、", { label: "12", number: 12, value: 12, style: "arabic" }],
    ["（三）", { label: "（三）", number: null, value: 3, style: "bracketed" }],
    ["(14)", { label: "(14)", number: null, value: 14, style: "bracketed" }],
    ["⑤", { label: "⑤", number: null, value: 5, style: "circled" }],
    ["二十三、", { label: "二十三", number: null, value: 23, style: "chinese" }],
    ["2.1", { label: "2.1", number: null, value: null, style: "dotted" }],
  ])("%s", (text, expected) => {
    expect(readSeqLabel(text)).toEqual(expected);
  });

  it("is null for what is no number of any style", () => {
    for (const text of ["", "5a", "合计", "实施农村路网建设"]) expect(readSeqLabel(text)).toBeNull();
  });

  it("reads Chinese numerals", () => {
    expect([chineseNumber("十"), chineseNumber("十二"), chineseNumber("九十九"), chineseNumber("一百零五"), chineseNumber("五a")]).toEqual([
      10,
      12,
      99,
      105,
      null,
    ]);
  });
});

describe("readSectionHeading", () => {
  it("knows 一、… and 第一部分 …, not a task text", () => {
    expect(readSectionHeading("一、稳住经济大盘")).toBe("一、稳住经济大盘");
    expect(readSectionHeading("  第二部分 民生保障 ")).toBe("第二部分 民生保障");
    expect(readSectionHeading("实施农村路网建设300公里。")).toBeNull();
  });
});

describe("unit lists as real documents write them", () => {
  it("never splits inside brackets", () => {
    expect(splitUnitList("市工业和信息化局,相关县(市、区)政府")).toEqual(["市工业和信息化局", "相关县(市、区)政府"]);
    expect(splitUnitList("各县（市、区）政府（管委会）、市卫生健康委")).toEqual(["各县（市、区）政府（管委会）", "市卫生健康委"]);
  });

  it("keeps 各县、市、区政府 one collective name", () => {
    expect(splitUnitList("市经信局、各县、市、区政府")).toEqual(["市经信局", "各县、市、区政府"]);
  });

  it("drops a bracketed note about who leads", () => {
    expect(splitUnitList("市财政局、市税务局(列第一位者为工作牵头单位或汇总单位,下同)")).toEqual(["市财政局", "市税务局"]);
  });
});

describe("units separated by a space", () => {
  it("splits whole unit names on a space, never a padded name", () => {
    expect(splitUnitList("市发展改革委 市商务局")).toEqual(["市发展改革委", "市商务局"]);
    expect(splitUnitList("工 科 局")).toEqual(["工科局"]);
    expect(splitUnitList("鄂托克经济开发区管委会")).toEqual(["鄂托克经济开发区管委会"]);
  });
});
