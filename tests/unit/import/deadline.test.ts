import { describe, expect, it } from "vitest";
import { formatDeadline, parseDeadline } from "@/lib/import/deadline";

const on = (date: string) => ({ date, continuous: false });
const ongoing = { date: null, continuous: true };

describe("parseDeadline: a month", () => {
  it.each([
    ["6月底前", "2022-06-30"],
    ["6月底", "2022-06-30"],
    ["6月", "2022-06-30"],
    ["6月前", "2022-06-30"],
    ["6月份", "2022-06-30"],
    ["六月底前", "2022-06-30"],
    ["6月末", "2022-06-30"],
    ["6月下旬", "2022-06-30"],
    ["12月底前", "2022-12-31"],
    ["4月底前", "2022-04-30"],
  ])("%s → the last day of that month", (text, date) => {
    expect(parseDeadline(text, 2022)).toEqual(on(date));
  });

  it("中旬 is the 20th and 上旬 the 10th", () => {
    expect(parseDeadline("6月中旬", 2022)).toEqual(on("2022-06-20"));
    expect(parseDeadline("6月上旬", 2022)).toEqual(on("2022-06-10"));
  });

  it("reads Chinese month numerals up to 十二", () => {
    expect(parseDeadline("一月", 2022)).toEqual(on("2022-01-31"));
    expect(parseDeadline("九月底前", 2022)).toEqual(on("2022-09-30"));
    expect(parseDeadline("十月", 2022)).toEqual(on("2022-10-31"));
    expect(parseDeadline("十一月底前", 2022)).toEqual(on("2022-11-30"));
    expect(parseDeadline("十二月", 2022)).toEqual(on("2022-12-31"));
  });

  it("February ends on the 29th in leap years and the 28th otherwise", () => {
    expect(parseDeadline("2月底前", 2024)).toEqual(on("2024-02-29"));
    expect(parseDeadline("2月底前", 2023)).toEqual(on("2023-02-28"));
    expect(parseDeadline("2000年2月", 2022)).toEqual(on("2000-02-29"));
    expect(parseDeadline("2100年2月", 2022)).toEqual(on("2100-02-28"));
  });

  it("a month number that does not exist is not understood", () => {
    expect(parseDeadline("13月底前", 2022)).toBeNull();
    expect(parseDeadline("2月30日", 2022)).toBeNull();
  });
});

describe("parseDeadline: a day", () => {
  it("needs the 月 and 日 markers", () => {
    expect(parseDeadline("6月15日前", 2022)).toEqual(on("2022-06-15"));
    expect(parseDeadline("6月15日", 2022)).toEqual(on("2022-06-15"));
    expect(parseDeadline("6月15号", 2022)).toEqual(on("2022-06-15"));
    expect(parseDeadline("六月十五日", 2022)).toEqual(on("2022-06-15"));
    expect(parseDeadline("十二月三十一日前", 2022)).toEqual(on("2022-12-31"));
  });

  it("a bare 6.15 or 6.30前 is not a date", () => {
    expect(parseDeadline("6.15", 2022)).toBeNull();
    expect(parseDeadline("6.30前", 2022)).toBeNull();
  });

  it("takes ISO and spreadsheet forms with a four-digit year", () => {
    expect(parseDeadline("2023-06-15", 2022)).toEqual(on("2023-06-15"));
    expect(parseDeadline("2023/6/15", 2022)).toEqual(on("2023-06-15"));
    expect(parseDeadline("2023.6.15", 2022)).toEqual(on("2023-06-15"));
    expect(parseDeadline("2023.6", 2022)).toEqual(on("2023-06-30"));
    expect(parseDeadline("2023-02", 2022)).toEqual(on("2023-02-28"));
  });

  it("passes a spreadsheet date through, with or without a time of day", () => {
    expect(parseDeadline("2022-06-30", 2030)).toEqual(on("2022-06-30"));
    expect(parseDeadline("2022-06-30 00:00:00", 2030)).toEqual(on("2022-06-30"));
    expect(parseDeadline("2022-06-30T00:00:00.000Z", 2030)).toEqual(on("2022-06-30"));
    expect(parseDeadline("2022/6/30 0:00", 2030)).toEqual(on("2022-06-30"));
  });
});

describe("parseDeadline: a year", () => {
  it("a month of a named year", () => {
    expect(parseDeadline("2023年12月", 2022)).toEqual(on("2023-12-31"));
    expect(parseDeadline("2023年12月底前", 2022)).toEqual(on("2023-12-31"));
    expect(parseDeadline("2023年6月底前", 2022)).toEqual(on("2023-06-30"));
    expect(parseDeadline("2023年6月15日前", 2022)).toEqual(on("2023-06-15"));
  });

  it.each(["2023年底", "2023年年底前", "2023年", "2023年末", "2023年内", "2023年度"])("%s → the end of 2023", (text) => {
    expect(parseDeadline(text, 2022)).toEqual(on("2023-12-31"));
  });

  it("a bare year in a deadline column is that year's end", () => {
    expect(parseDeadline("2024", 2022)).toEqual(on("2024-12-31"));
  });

  it.each(["年底前", "年内", "年底", "全年", "12月底前", "本年度", "年末", "今年"])("%s → the end of the plan year", (text) => {
    expect(parseDeadline(text, 2022)).toEqual(on("2022-12-31"));
  });

  it("明年 / 次年 count from the plan year", () => {
    expect(parseDeadline("明年6月底前", 2022)).toEqual(on("2023-06-30"));
    expect(parseDeadline("次年年底", 2022)).toEqual(on("2023-12-31"));
  });

  it("a span of years ends with its last year", () => {
    expect(parseDeadline("2023年—2025年", 2023)).toEqual(on("2025-12-31"));
    expect(parseDeadline("2023-2025年", 2023)).toEqual(on("2025-12-31"));
    expect(parseDeadline("2023年至2025年", 2023)).toEqual(on("2025-12-31"));
  });

  it("三年内 is a span, not this year", () => {
    expect(parseDeadline("三年内完成", 2022)).toBeNull();
  });
});

describe("parseDeadline: quarters and halves", () => {
  it.each([
    ["一季度", "2022-03-31"],
    ["第一季度", "2022-03-31"],
    ["一季度末", "2022-03-31"],
    ["1季度", "2022-03-31"],
    ["二季度", "2022-06-30"],
    ["第2季度", "2022-06-30"],
    ["三季度", "2022-09-30"],
    ["三季度末", "2022-09-30"],
    ["四季度", "2022-12-31"],
    ["2023年一季度", "2023-03-31"],
  ])("%s → %s", (text, date) => {
    expect(parseDeadline(text, 2022)).toEqual(on(date));
  });

  it("上半年 ends in June, 下半年 in December", () => {
    expect(parseDeadline("上半年", 2022)).toEqual(on("2022-06-30"));
    expect(parseDeadline("下半年", 2022)).toEqual(on("2022-12-31"));
    expect(parseDeadline("2023年上半年", 2022)).toEqual(on("2023-06-30"));
  });

  it("每季度 (a rhythm, not a deadline) is not understood", () => {
    expect(parseDeadline("每季度", 2022)).toBeNull();
  });
});

describe("parseDeadline: ongoing work", () => {
  it.each(["长期坚持", "持续推进", "长期", "持续", "常态化", "长期推进", "持续实施"])("%s is continuous", (text) => {
    expect(parseDeadline(text, 2022)).toEqual(ongoing);
  });
});

describe("parseDeadline: several parts", () => {
  it("the latest date named wins", () => {
    expect(parseDeadline("6月底前完成设计，年底前建成", 2022)).toEqual(on("2022-12-31"));
    expect(parseDeadline("年底前建成，6月底前完成设计", 2022)).toEqual(on("2022-12-31"));
    expect(parseDeadline("3月启动，9月底前完成", 2022)).toEqual(on("2022-09-30"));
  });

  it("a date beats 长期坚持: continuous only when nothing is dated", () => {
    expect(parseDeadline("2022年6月底前完成，长期坚持", 2022)).toEqual(on("2022-06-30"));
    expect(parseDeadline("持续推进，三季度见效", 2022)).toEqual(on("2022-09-30"));
  });

  it("a range of months ends with its last month", () => {
    expect(parseDeadline("3-6月", 2022)).toEqual(on("2022-06-30"));
    expect(parseDeadline("3月至6月", 2022)).toEqual(on("2022-06-30"));
  });
});

describe("parseDeadline: real wordings from published decomposition tables", () => {
  // 大竹县 2016年民生实事目标任务分解表 (完成时限 column)
  it("大竹县 2016: 12月底前 / 9月投入使用 / 5月底前动工", () => {
    expect(parseDeadline("12月底前", 2016)).toEqual(on("2016-12-31"));
    expect(parseDeadline("9月投入使用", 2016)).toEqual(on("2016-09-30"));
    expect(parseDeadline("5月底前动工", 2016)).toEqual(on("2016-05-31"));
  });

  // 紫阳县 2024 常务会议确定事项通报: "6月底前开工、12月底前完工"
  it("紫阳县 2024: 6月底前开工、12月底前完工", () => {
    expect(parseDeadline("6月底前开工、12月底前完工", 2024)).toEqual(on("2024-12-31"));
  });

  // 咸阳市 2022 营商环境工作要点: "2022年10月底前编制并公布"
  it("咸阳市 2022: 2022年10月底前", () => {
    expect(parseDeadline("2022年10月底前", 2022)).toEqual(on("2022-10-31"));
  });

  // 武汉市 2022: "于2022年2月15日前"; 杭州市 2024 民生实事: "11月前全面完成、12月查漏补缺" (the stored
  // copy of the 杭州 notice is a traditional-character mirror; quoted here in simplified characters)
  it("武汉市 2022 and 杭州市 2024", () => {
    expect(parseDeadline("2022年2月15日前", 2022)).toEqual(on("2022-02-15"));
    expect(parseDeadline("11月前全面完成、12月查漏补缺", 2024)).toEqual(on("2024-12-31"));
  });

  // 洋县 2024 十大民生实事项目清单: the 建设时间 column holds only "2024"
  it("洋县 2024: a bare 2024", () => {
    expect(parseDeadline("2024", 2024)).toEqual(on("2024-12-31"));
  });

  // 寿县 2022: "1-6月"; 大竹县 2016 notice: "每季度末月20日前" (a reporting rhythm)
  it("寿县 2022 1-6月, and a reporting rhythm that names no date", () => {
    expect(parseDeadline("1-6月", 2022)).toEqual(on("2022-06-30"));
    expect(parseDeadline("每季度末月20日前", 2016)).toBeNull();
  });
});

describe("parseDeadline: what it does not understand", () => {
  it("empty or blank text → null", () => {
    expect(parseDeadline("", 2022)).toBeNull();
    expect(parseDeadline("  \u3000\u00a0", 2022)).toBeNull();
  });

  it("garbage → null", () => {
    expect(parseDeadline("按上级要求", 2022)).toBeNull();
    expect(parseDeadline("立即整改", 2022)).toBeNull();
    expect(parseDeadline("每月一报", 2022)).toBeNull();
    expect(parseDeadline("abc", 2022)).toBeNull();
  });

  it("full-width digits and stray spaces are read like ASCII", () => {
    expect(parseDeadline("２０２３年６月底前", 2022)).toEqual(on("2023-06-30"));
    expect(parseDeadline(" 6 月 底前 ", 2022)).toEqual(on("2022-06-30"));
  });
});

describe("formatDeadline", () => {
  it("the date, then the words as written", () => {
    expect(formatDeadline({ dueOn: "2022-06-30", deadlineText: "6月底前" })).toBe("2022年6月30日（6月底前）");
    expect(formatDeadline({ dueOn: "2016-09-30", deadlineText: "9月投入使用" })).toBe("2016年9月30日（9月投入使用）");
  });

  it("the date alone when there are no words or they only repeat it", () => {
    expect(formatDeadline({ dueOn: "2022-06-30", deadlineText: null })).toBe("2022年6月30日");
    expect(formatDeadline({ dueOn: "2022-06-30", deadlineText: "2022-06-30" })).toBe("2022年6月30日");
    expect(formatDeadline({ dueOn: "2022-06-30", deadlineText: "2022年6月30日" })).toBe("2022年6月30日");
  });

  it("持续 for ongoing work", () => {
    expect(formatDeadline({ dueOn: null, deadlineText: "长期坚持" })).toBe("持续（长期坚持）");
    expect(formatDeadline({ dueOn: null, deadlineText: "持续" })).toBe("持续");
  });

  it("words it does not understand are shown as written; nothing → empty", () => {
    expect(formatDeadline({ dueOn: null, deadlineText: "按上级要求" })).toBe("按上级要求");
    expect(formatDeadline({ dueOn: null, deadlineText: null })).toBe("");
    expect(formatDeadline({ dueOn: null, deadlineText: "  " })).toBe("");
  });

  it("a deadline written on two lines is shown on one", () => {
    expect(formatDeadline({ dueOn: "2016-12-31", deadlineText: "5月底前动工\n12月底前" })).toBe("2016年12月31日（5月底前动工；12月底前）");
  });
});
