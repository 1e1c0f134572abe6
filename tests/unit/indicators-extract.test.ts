/** Extraction of quantitative targets (量化指标) from task texts: the seed's real tasks, the traps, each comparator word. */
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/import/parse";
import { analyzeIndicators, extractIndicators } from "@/lib/indicators/extract";
import { isUncertain, type ExtractedIndicator } from "@/lib/indicators/types";
import { seedBytes } from "./import/helpers/seed";

let contents: Map<number, string>;

beforeAll(async () => {
  const result = await parseDocument({ bytes: seedBytes(), filename: "seed.txt" });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  contents = new Map(result.plan.tasks.map((t) => [t.seq, t.content]));
});

type Row = [name: string, comparator: string, target: number, unit: string];

function rows(indicators: readonly ExtractedIndicator[]): Row[] {
  return indicators.map((i) => [i.name, i.comparator, i.target, i.unit]);
}

function seed(seq: number): ExtractedIndicator[] {
  const text = contents.get(seq);
  if (text === undefined) throw new Error(`no task ${seq}`);
  return extractIndicators(text);
}

describe("extractIndicators on the seed document", () => {
  const expected: Record<number, Row[]> = {
    2: [
      ["签约项目", ">=", 20, "个"],
      ["协议总金额", ">=", 500, "亿元"],
    ],
    3: [["重点工业企业超低排放值改造和挥发性有机物治理项目", "=", 10, "个"]],
    12: [
      ["地区生产总值增长", "≈", 8, "%"],
      ["固定资产投资增长", "≈", 15, "%"],
      ["社会消费品零售总额增长", "≈", 6, "%"],
      ["一般公共预算收入增长", "≈", 6, "%"],
      ["城镇居民人均可支配收入", "=", 56200, "元"],
      ["农村居民人均可支配收入", "=", 25800, "元"],
      ["城镇居民人均可支配收入增长", ">=", 5, "%"],
      ["农村居民人均可支配收入增长", ">=", 7, "%"],
    ],
    13: [
      ["重大项目", ">=", 100, "个"],
      ["完成投资", ">=", 100, "亿元"],
    ],
    17: [["绿色矿山", ">=", 12, "家"]],
    23: [["饲料牧草储备基地", "=", 3, "处"]],
    24: [["农村路网建设", "=", 300, "公里"]],
    25: [
      ["市政道路", "=", 8, "公里"],
      ["地下管网", "=", 15, "公里"],
      ["新增绿地面积", "=", 10, "万平方米"],
      ["改造老旧小区", "=", 9, "个"],
      ["硬化背街小巷", "=", 15, "万平方米"],
      ["新建改造供热管网", "=", 12, "公里"],
    ],
    28: [["保障性租赁住房", ">=", 200, "套"]],
    29: [
      ["城镇新增就业", ">=", 1700, "人"],
      ["城镇调查失业率", "<=", 4, "%"],
    ],
    33: [
      ["旗财政安排“以工补农”产业扶持资金", "=", 1, "亿元"],
      ["向上争取资金", ">=", 1, "亿元"],
    ],
    34: [["现代化标准养殖示范基地", ">=", 5, "处"]],
    35: [["农牧产业化联合体", ">=", 6, "家"]],
    36: [["农牧业乡土人才、乡土专家和兽医服务人员", ">=", 100, "名"]],
    39: [["羊绒产业发展资金", ">=", 3000, "万元"]],
    40: [
      ["数字农业、智慧牧场", ">=", 30, "家"],
      ["高标准农田", "=", 6, "万亩"],
      ["新增绒山羊配种站", "=", 20, "个"],
      ["补贴发放优质绒山羊种公羊", "=", 1500, "只"],
      ["先进实用型农机具", ">=", 1000, "台"],
      ["农牧业综合机械化率", ">=", 85, "%"],
    ],
    43: [["沿河农旅、农企融合和特色养殖示范区", ">=", 3, "个"]],
    46: [
      ["森林抚育、植被恢复等林业重点项目", ">=", 40, "万亩"],
      ["草原生态保护修复治理等项目", ">=", 15, "万亩"],
      ["围栏封育", "=", 140, "万米"],
      ["红枣、沙棘、枸杞等林沙经济", "=", 10, "万亩"],
      ["生物治沙", "=", 25, "万亩"],
      ["网格化固沙", "=", 30, "万亩"],
    ],
    50: [["旗财政安排资金", ">=", 2, "亿元"]],
    52: [
      ["高素质教育人才", "=", 100, "名"],
      ["优秀教育团队", ">=", 2, "个"],
    ],
    54: [
      ["旗财政安排资金", ">=", 1, "亿元"],
      ["旗域内就诊率", ">=", 80, "%"],
    ],
    55: [
      ["医学人才", ">=", 150, "名"],
      ["外出培训", ">=", 1000, "人次"],
      ["定向委培", "=", 50, "人"],
    ],
    60: [["社区为老餐厅和居家、社区、机构养老服务综合体", ">=", 5, "处"]],
    61: [["检疫检测人员", ">=", 100, "名"]],
    64: [
      ["整合提升、转型提质焦化产能", "=", 370, "万吨"],
      ["战略性新兴产业占规模以上工业比重", ">", 10, "%"],
    ],
    65: [["平台交易额", ">=", 500, "亿元"]],
    66: [["电商网点", "=", 20, "个"]],
    69: [
      ["新建改造高低压线路", "=", 150, "公里"],
      ["变压器", "=", 100, "台套"],
    ],
    70: [["新增通讯网络站点", ">=", 50, "处"]],
    71: [["科技项目扶持资金", "=", 5000, "万元"]],
    72: [
      ["国家高新技术企业", ">=", 2, "家"],
      ["入库科技型中小企业", ">=", 5, "家"],
    ],
  };

  for (const [seq, want] of Object.entries(expected)) {
    it(`task ${seq}: ${want.map((r) => `${r[0]}${r[1]}${r[2]}${r[3]}`).join("，")}`, () => {
      expect(rows(seed(Number(seq)))).toEqual(want);
    });
  }

  it("finds no target in tasks whose numbers are all names, labels or durations", () => {
    for (const seq of [1, 4, 10, 11, 14, 19, 21, 22, 27, 42, 44, 53, 56, 57, 63]) {
      expect({ seq, found: rows(seed(seq)) }).toEqual({ seq, found: [] });
    }
  });

  it("every task with a target has it, and only those tasks (the whole document)", () => {
    const withTargets = [...contents.keys()].filter((seq) => seed(seq).length > 0);
    expect(withTargets).toEqual(Object.keys(expected).map(Number));
  });

  it("keeps the words each target was read from", () => {
    expect(seed(2).map((i) => i.source)).toEqual(["签约项目20个以上", "协议总金额500亿元以上"]);
    expect(seed(29)[1]?.source).toBe("城镇调查失业率控制在4%以内");
    expect(seed(24)[0]?.source).toBe("实施农村路网建设300公里");
  });

  it("is sure of plain targets and flags what it inferred", () => {
    const [gdp] = seed(12);
    expect(gdp).toMatchObject({ confidence: 0.9 });
    expect(gdp?.flags).toBeUndefined();
    expect(seed(24)[0]).toMatchObject({ confidence: 0.85 });
    const income = seed(12).slice(4);
    expect(income.map((i) => i.flags)).toEqual([
      ["split-name"],
      ["split-name"],
      ["inherited-name", "split-name", "shared-comparator"],
      ["inherited-name", "split-name"],
    ]);
    expect(income.every((i) => !isUncertain(i))).toBe(true);
  });
});

describe("traps: names and labels are not targets", () => {
  function ignored(text: string) {
    return analyzeIndicators(text).ignored.map((i) => [i.source, i.reason]);
  }

  it("a number inside a project's name (20GW单晶拉棒, 60万吨己二酸 … 等项目)", () => {
    const text = "美科20GW单晶拉棒及切片、平煤神马60万吨己二酸、鄂尔多斯微电网可再生能源替代等项目落地实施。";
    expect(extractIndicators(text)).toEqual([]);
    expect(ignored(text)).toEqual([
      ["20GW", "project-name"],
      ["60万吨", "project-name"],
    ]);
    // …and on task 13 only the two real targets remain.
    expect(ignored(contents.get(13)!)).toEqual([
      ["20GW", "project-name"],
      ["60万吨", "project-name"],
    ]);
  });

  it("a road number (省道216线) and a road code (G109国道)", () => {
    expect(extractIndicators("做好棋盘井至蒙西段省道216线和蒙三铁路项目前期")).toEqual([]);
    expect(ignored("做好棋盘井至蒙西段省道216线和蒙三铁路项目前期")).toEqual([["216线", "code"]]);
    expect(ignored("G109国道改造")).toEqual([["109国道", "code"]]);
  });

  it("a quoted scheme number (“1436”保种选育方案)", () => {
    const text = "落实羊绒产业发展资金3000万元以上，制定“1436”保种选育方案。";
    expect(rows(extractIndicators(text))).toEqual([["羊绒产业发展资金", ">=", 3000, "万元"]]);
    expect(ignored(text)).toEqual([["1436", "quoted"]]);
  });

  it("a service description (24小时)", () => {
    expect(extractIndicators(contents.get(19)!)).toEqual([]);
    expect(ignored("提供24小时“自助办、就近办、马上办”服务")).toEqual([["24小时", "duration"]]);
  });

  it("a programme's duration (三年行动, 五年提升行动)", () => {
    expect(ignored("深入开展安全生产专项整治三年行动")).toEqual([["三年", "duration"]]);
    expect(ignored("实施人居环境整治五年提升行动")).toEqual([["五年", "duration"]]);
    expect(extractIndicators("深化国有企业三年改革行动")).toEqual([]);
  });

  it("years, dates and ordinals", () => {
    expect(ignored("2022年6月底前完成")).toEqual([
      ["2022年", "year"],
      ["6月", "date"],
    ]);
    expect(ignored("推动旗人民医院、第二人民医院向甲级医院行列迈进")).toEqual([["二人", "ordinal"]]);
    expect(rows(extractIndicators("（1）城镇新增就业1700人以上"))).toEqual([["城镇新增就业", ">=", 1700, "人"]]);
    expect(rows(extractIndicators("1、城镇新增就业1700人以上"))).toEqual([["城镇新增就业", ">=", 1700, "人"]]);
  });

  it("Chinese numerals that are labels (十大, 六家龙头企业包联六个苏木镇, 五大中心)", () => {
    expect(extractIndicators("实施十大工程，完善提升“五大中心”")).toEqual([]);
    expect(ignored("强化六家龙头企业包联六个苏木镇的工作机制")).toEqual([
      ["六家", "modifier"],
      ["六个", "modifier"],
    ]);
  });

  it("a number that describes a noun (用好用活2亿元教育基金)", () => {
    const text = contents.get(50)!;
    expect(rows(extractIndicators(text))).toEqual([["旗财政安排资金", ">=", 2, "亿元"]]);
    expect(ignored(text)).toEqual([
      ["三年", "duration"],
      ["2亿元", "modifier"],
    ]);
  });

  it("letter codes (5G, PM2.5) are not numbers of their own", () => {
    expect(rows(extractIndicators("建设5G基站100个以上"))).toEqual([["5G基站", ">=", 100, "个"]]);
    expect(rows(extractIndicators("PM2.5浓度控制在30微克/立方米以内"))).toEqual([["PM2.5浓度", "<=", 30, "微克/立方米"]]);
  });

  it("规模以上 inside a name is not a comparator", () => {
    expect(rows(extractIndicators("战略性新兴产业占规模以上工业比重超10%"))).toEqual([["战略性新兴产业占规模以上工业比重", ">", 10, "%"]]);
  });
});

describe("uncertain targets are included with a low confidence and a flag", () => {
  it("a number before its noun after a building verb", () => {
    expect(extractIndicators("新建3个幼儿园。")).toEqual([
      { name: "幼儿园", comparator: "=", target: 3, unit: "个", source: "3个幼儿园", confidence: 0.5, flags: ["number-before-noun"] },
    ]);
  });

  it("a Chinese numeral target", () => {
    const [found] = extractIndicators("建成示范村五个。");
    expect(found).toMatchObject({ name: "示范村", comparator: "=", target: 5, unit: "个", flags: ["chinese-numeral"] });
    expect(isUncertain(found!)).toBe(true);
  });

  it("a number without a unit", () => {
    const [found] = extractIndicators("营商环境评价得分达到90以上");
    expect(found).toMatchObject({ name: "营商环境评价得分", comparator: ">=", target: 90, unit: "", flags: ["no-unit"], confidence: 0.4 });
  });

  it("a list whose name cannot be split", () => {
    expect(extractIndicators("居民收入分别增长6%和8%").map((i) => [i.name, i.target, i.flags])).toEqual([
      ["居民收入增长", 6, ["shared-name"]],
      ["居民收入增长", 8, ["shared-name"]],
    ]);
  });

  it("a clause with no subject and nothing to borrow from", () => {
    expect(extractIndicators("增长8%左右")[0]).toMatchObject({ name: "增长", flags: ["no-name"], confidence: 0.4 });
  });

  it("approximate numbers (20多家, 200余个)", () => {
    expect(rows(extractIndicators("培育龙头企业20多家，新增就业岗位200余个"))).toEqual([
      ["龙头企业", ">", 20, "家"],
      ["新增就业岗位", ">", 200, "个"],
    ]);
  });

  it("a time limit with a comparator", () => {
    expect(extractIndicators("审批时限压缩至3个工作日以内")[0]).toMatchObject({
      name: "审批时限",
      comparator: "<=",
      target: 3,
      unit: "个工作日",
      flags: ["duration"],
    });
  });
});

describe("each comparator word", () => {
  const cases: [string, Row][] = [
    ["签约项目20个以上", ["签约项目", ">=", 20, "个"]],
    ["签约项目20个及以上", ["签约项目", ">=", 20, "个"]],
    ["贫困人口不少于50户", ["贫困人口", ">=", 50, "户"]],
    ["引进人才不低于100名", ["人才", ">=", 100, "名"]],
    ["新增就业至少300人", ["新增就业", ">=", 300, "人"]],
    ["推动平台交易额突破500亿元", ["平台交易额", ">=", 500, "亿元"]],
    ["粮食产量达到30万吨以上", ["粮食产量", ">=", 30, "万吨"]],
    ["城镇调查失业率控制在4%以内", ["城镇调查失业率", "<=", 4, "%"]],
    ["城镇调查失业率控制在5.5%", ["城镇调查失业率", "<=", 5.5, "%"]],
    ["能耗控制在1.5万吨标准煤以内", ["能耗", "<=", 1.5, "万吨标准煤"]],
    ["单位能耗下降到3%以下", ["单位能耗", "<=", 3, "%"]],
    ["政府债务率不超过80%", ["政府债务率", "<=", 80, "%"]],
    ["增速超过5%", ["增速", ">", 5, "%"]],
    ["工业比重超10%", ["工业比重", ">", 10, "%"]],
    ["空气优良天数比例高于85%", ["空气优良天数比例", ">", 85, "%"]],
    ["万元GDP能耗低于0.5吨标准煤", ["万元GDP能耗", "<", 0.5, "吨标准煤"]],
    ["地区生产总值增长8%左右", ["地区生产总值增长", "≈", 8, "%"]],
    ["实施农村路网建设300公里", ["农村路网建设", "=", 300, "公里"]],
    ["绿化率达35%", ["绿化率", "=", 35, "%"]],
    ["农牧业综合机械化率提高到85%", ["农牧业综合机械化率", "=", 85, "%"]],
    ["农牧业综合机械化率提高到95%以上", ["农牧业综合机械化率", ">=", 95, "%"]],
    ["城镇调查失业率降低到4%以内", ["城镇调查失业率", "<=", 4, "%"]],
    ["城乡居民收入比缩小至2.1倍以内", ["城乡居民收入比", "<=", 2.1, "倍"]],
    ["新建改建高速公路通车里程约3万公里", ["新建改建高速公路通车里程", "≈", 3, "万公里"]],
    // 约 is "about" only on its own: 签约 is signing.
    ["年内新增签约10个", ["新增签约", "=", 10, "个"]],
    ["常住人口城镇化率提高2个百分点", ["常住人口城镇化率提高", "=", 2, "个百分点"]],
  ];
  for (const [text, want] of cases) {
    it(`${text} → ${want[1]}`, () => {
      expect(rows(extractIndicators(text))).toEqual([want]);
    });
  }
});

describe("numbers as written", () => {
  it("reads full-width digits, thousands separators and decimals", () => {
    expect(rows(extractIndicators("引进企业１０家，培训农民1,500人次，建设1.5万亩"))).toEqual([
      ["企业", "=", 10, "家"],
      ["培训农民", "=", 1500, "人次"],
      ["建设", "=", 1.5, "万亩"],
    ]);
  });

  it("keeps units with their magnitude (万千瓦, 台套, GW, MW)", () => {
    expect(rows(extractIndicators("新增装机容量100万千瓦，光伏装机2GW以上，储能200MW，变压器100台套"))).toEqual([
      ["新增装机容量", "=", 100, "万千瓦"],
      ["光伏装机", ">=", 2, "GW"],
      ["储能", "=", 200, "MW"],
      ["变压器", "=", 100, "台套"],
    ]);
  });
});

describe("numbers written before their noun", () => {
  it("改造提升50条背街小巷 is the target 改造提升背街小巷50条, written the other way round", () => {
    expect(rows(extractIndicators("改造提升50条背街小巷"))).toEqual([["改造提升背街小巷", "=", 50, "条"]]);
    expect(rows(extractIndicators("改造提升背街小巷50条"))).toEqual([["改造提升背街小巷", "=", 50, "条"]]);
    expect(extractIndicators("改造提升50条背街小巷")[0]).toMatchObject({ source: "50条背街小巷", confidence: 0.5, flags: ["number-before-noun"] });
  });

  it("keeps the verbs a name keeps when the noun comes first, and drops the generic ones and 新建 alone", () => {
    const cases: [string, Row][] = [
      ["新建5所学校", ["学校", "=", 5, "所"]],
      ["培育10家规上企业", ["规上企业", "=", 10, "家"]],
      ["完成1.2万户改造", ["完成改造", "=", 1.2, "万户"]],
      ["新增3000个以上就业岗位", ["新增就业岗位", ">=", 3000, "个"]],
      ["新建改造5个农贸市场", ["新建改造农贸市场", "=", 5, "个"]],
      ["新组建25个公办中小学教育集团", ["新组建公办中小学教育集团", "=", 25, "个"]],
      ["新建、改扩建20所公办幼儿园", ["新建、改扩建公办幼儿园", "=", 20, "所"]],
      ["更新改造66公里老旧市政供水管网", ["更新改造老旧市政供水管网", "=", 66, "公里"]],
    ];
    for (const [text, want] of cases) expect({ text, found: rows(extractIndicators(text)) }).toEqual({ text, found: [want] });
  });

  it("新增就业岗位3000个以上 and 新增3000个以上就业岗位 are the same target", () => {
    expect(rows(extractIndicators("新增就业岗位3000个以上"))).toEqual(rows(extractIndicators("新增3000个以上就业岗位")));
  });

  it("the next item of the list is counted by the same verbs", () => {
    expect(rows(extractIndicators("改造提升50条背街小巷、20个老旧小区"))).toEqual([
      ["改造提升背街小巷", "=", 50, "条"],
      ["改造提升老旧小区", "=", 20, "个"],
    ]);
  });

  it("approximate numbers before their noun (200余个, 2.1万余户)", () => {
    expect(rows(extractIndicators("新增200余个就业岗位"))).toEqual([["新增就业岗位", ">", 200, "个"]]);
    expect(extractIndicators("完成2.1万余户燃气改造")[0]).toMatchObject({
      name: "完成燃气改造",
      comparator: ">",
      target: 2.1,
      unit: "万户",
      flags: ["approximate", "number-before-noun"],
    });
  });

  it("a number with 以上 before a noun and no verb says which things are meant: not a target", () => {
    const text = "投资10亿元以上项目10个";
    expect(rows(extractIndicators(text))).toEqual([["投资10亿元以上项目", "=", 10, "个"]]);
    expect(analyzeIndicators(text).ignored).toEqual([{ source: "10亿元以上", reason: "project-name" }]);
    expect(analyzeIndicators("给予小微企业10%以上价格扣除评审优惠")).toEqual({ indicators: [], ignored: [{ source: "10%以上", reason: "modifier" }] });
    // …but a verb after the comparator word does not make the number a noun's size.
    expect(rows(extractIndicators("赤字率按3%左右安排"))).toEqual([["赤字率按", "≈", 3, "%"]]);
  });
});

describe("ranges (3—5个): at least the lower bound", () => {
  it("reads every way of writing a range the same", () => {
    for (const text of ["培育示范村3—5个", "培育示范村3-5个", "培育示范村3～5个", "培育示范村3~5个", "培育示范村3至5个", "培育示范村3到5个"]) {
      expect({ text, found: rows(extractIndicators(text)) }).toEqual({ text, found: [["示范村", ">=", 3, "个"]] });
    }
  });

  it("keeps the range in the source and flags it", () => {
    expect(extractIndicators("培育示范村3—5个")).toEqual([
      { name: "示范村", comparator: ">=", target: 3, unit: "个", source: "培育示范村3—5个", confidence: 0.8, flags: ["range"] },
    ]);
  });

  it("before its noun, in Chinese numerals, with the unit written twice", () => {
    expect(rows(extractIndicators("培育3-5个示范村"))).toEqual([["示范村", ">=", 3, "个"]]);
    expect(extractIndicators("培育三至五个示范村")[0]).toMatchObject({ target: 3, flags: ["chinese-numeral", "number-before-noun", "range"] });
    expect(rows(extractIndicators("利用外资增长6%—8%"))).toEqual([["利用外资增长", ">=", 6, "%"]]);
  });

  it("a range written as a ceiling is at most its upper bound", () => {
    expect(rows(extractIndicators("居民消费价格涨幅控制在2%—3%"))).toEqual([["居民消费价格涨幅", "<=", 3, "%"]]);
    expect(rows(extractIndicators("每个苏木镇试点3—5个以内"))).toEqual([["每个苏木镇试点", "<=", 5, "个"]]);
  });

  it("year, month and ordinal ranges are not targets", () => {
    expect(analyzeIndicators("2022至2025年实施").ignored).toEqual([{ source: "2022至2025年", reason: "year" }]);
    expect(analyzeIndicators("1—6月完成").ignored).toEqual([{ source: "1—6月", reason: "date" }]);
    expect(analyzeIndicators("保持全市第3至5名").ignored).toEqual([{ source: "3至5名", reason: "ordinal" }]);
    // A date written with hyphens is not a range of anything.
    expect(extractIndicators("于2022-06-30前完成")).toEqual([]);
  });
});

describe("real targets from other governments' reports", () => {
  // Each text is a clause as printed in the document named beside it.
  const cases: [source: string, text: string, want: Row[]][] = [
    [
      "国务院《政府工作报告》2024（十四届全国人大二次会议）",
      "国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；粮食产量1.3万亿斤以上；单位国内生产总值能耗降低2.5%左右",
      [
        ["国内生产总值增长", "≈", 5, "%"],
        ["城镇新增就业", ">=", 1200, "万人"],
        ["城镇调查失业率", "≈", 5.5, "%"],
        ["居民消费价格涨幅", "≈", 3, "%"],
        ["粮食产量", ">=", 1.3, "万亿斤"],
        ["单位国内生产总值能耗降低", "≈", 2.5, "%"],
      ],
    ],
    [
      "国务院《政府工作报告》2018（十三届全国人大一次会议）",
      "城镇新增就业1100万人以上，城镇调查失业率5.5%以内，城镇登记失业率4.5%以内；单位国内生产总值能耗下降3%以上",
      [
        ["城镇新增就业", ">=", 1100, "万人"],
        ["城镇调查失业率", "<=", 5.5, "%"],
        ["城镇登记失业率", "<=", 4.5, "%"],
        ["单位国内生产总值能耗下降", ">=", 3, "%"],
      ],
    ],
    [
      "国务院《政府工作报告》2016（“十三五”主要目标）",
      "全员劳动生产率从人均8.7万元提高到12万元以上。高铁营业里程达到3万公里、覆盖80%以上的大城市，新建改建高速公路通车里程约3万公里",
      [
        ["全员劳动生产率", ">=", 12, "万元"],
        ["高铁营业里程", "=", 3, "万公里"],
        ["覆盖大城市", ">=", 80, "%"],
        ["新建改建高速公路通车里程", "≈", 3, "万公里"],
      ],
    ],
    [
      "国务院《政府工作报告》2016（年度任务，中新社逐项盘点）",
      "完成1000万以上农村贫困人口脱贫任务。开工建设城市地下综合管廊2000公里以上",
      [
        ["完成农村贫困人口脱贫任务", ">=", 1000, "万"],
        ["开工建设城市地下综合管廊", ">=", 2000, "公里"],
      ],
    ],
    [
      "国务院《政府工作报告》2021“十四五”主要目标（全国人大常委会公报2021年第三号）",
      "森林覆盖率达到24.1%。劳动年龄人口平均受教育年限提高到11.3年。基本养老保险参保率提高到95%",
      [
        ["森林覆盖率", "=", 24.1, "%"],
        ["劳动年龄人口平均受教育年限", "=", 11.3, "年"],
        ["基本养老保险参保率", "=", 95, "%"],
      ],
    ],
    [
      "福建省《政府工作报告》2023（省十四届人大一次会议）",
      "城镇居民、农村居民人均可支配收入分别增长7%、7.5%，城镇调查失业率5.5%左右，居民消费价格涨幅3%左右，粮食总产量稳定在507万吨以上",
      [
        ["城镇居民人均可支配收入增长", "=", 7, "%"],
        ["农村居民人均可支配收入增长", "=", 7.5, "%"],
        ["城镇调查失业率", "≈", 5.5, "%"],
        ["居民消费价格涨幅", "≈", 3, "%"],
        ["粮食总产量", ">=", 507, "万吨"],
      ],
    ],
    [
      "漾濞县《政府工作报告》2023（主要预期目标）",
      "一般公共预算收入增长20%以上；规模以上固定资产投资增长6%以上；农村居民人均可支配收入增长9%以上。",
      [
        ["一般公共预算收入增长", ">=", 20, "%"],
        ["规模以上固定资产投资增长", ">=", 6, "%"],
        ["农村居民人均可支配收入增长", ">=", 9, "%"],
      ],
    ],
    [
      "延津县人民政府工作报告（2024年3月2日）",
      "粮食作物种植面积稳定在120万亩以上。引进推广农作物新品种2-3个。新增家庭农场10家以上",
      [
        ["粮食作物种植面积", ">=", 120, "万亩"],
        ["农作物新品种", ">=", 2, "个"],
        ["新增家庭农场", ">=", 10, "家"],
      ],
    ],
    [
      "黔东南州《政府工作报告》2025“十件民生实事”（州十五届人大四次会议）",
      "开展职业技能培训2.5万人次。引进100名以上省外校长、教师开展教育教学帮扶。打造16个示范性社区老年助餐点。新开工老旧小区改造8372户，新建改造城镇供排水管网180公里以上。",
      [
        ["职业技能培训", "=", 2.5, "万人次"],
        ["省外校长", ">=", 100, "名"],
        ["示范性社区老年助餐点", "=", 16, "个"],
        ["新开工老旧小区改造", "=", 8372, "户"],
        ["新建改造城镇供排水管网", ">=", 180, "公里"],
      ],
    ],
    [
      "深圳市《政府工作报告》2023（市七届人大四次会议）",
      "新建托幼一体化幼儿园50所，新增托位1.6万个。新组建25个公办中小学教育集团，打造10所以上国内一流特色高中。打通断头路20条",
      [
        ["新建托幼一体化幼儿园", "=", 50, "所"],
        ["新增托位", "=", 1.6, "万个"],
        ["新组建公办中小学教育集团", "=", 25, "个"],
        ["国内一流特色高中", ">=", 10, "所"],
        ["打通断头路", "=", 20, "条"],
      ],
    ],
    [
      "深圳市《政府工作报告》2025（市七届人大六次会议）",
      "新改扩建中小学校50所以上。引进2家国际一流外商独资医院。完成老旧小区改造100个以上，更新改造老旧市政供水管网66公里",
      [
        ["新改扩建中小学校", ">=", 50, "所"],
        ["国际一流外商独资医院", "=", 2, "家"],
        ["完成老旧小区改造", ">=", 100, "个"],
        ["更新改造老旧市政供水管网", "=", 66, "公里"],
      ],
    ],
    [
      "嘉兴市2023年市政府民生实事项目（市九届人大三次会议票决）",
      "全市新增社区托育机构100家、临时托育服务点100个，合计新增托位3500个；全市改造提升35所学校的公共厕所，惠及5万名以上学生。全市提供5000个错峰共用车位。",
      [
        ["新增社区托育机构", "=", 100, "家"],
        ["临时托育服务点", "=", 100, "个"],
        ["合计新增托位", "=", 3500, "个"],
        ["改造提升学校的公共厕所", "=", 35, "所"],
        ["错峰共用车位", "=", 5000, "个"],
      ],
    ],
    [
      "嘉兴市《2023年政府工作报告重点工作责任分解》（嘉政办发〔2023〕7号）",
      "全年为企业减负200亿元以上。政府采购项目预留给中小企业比例不低于40%，给予小微企业10%以上价格扣除评审优惠。",
      [
        ["为企业减负", ">=", 200, "亿元"],
        ["政府采购项目预留给中小企业比例", ">=", 40, "%"],
      ],
    ],
    [
      "武穴市《政府工作报告》2023年民生实事（市九届人大二次会议，2022年12月31日）",
      "启动7793户老旧小区改造。完成2.1万余户燃气改造。",
      [
        ["启动老旧小区改造", "=", 7793, "户"],
        ["完成燃气改造", ">", 2.1, "万户"],
      ],
    ],
    [
      "德州市《政府工作报告》（市十九届人大二次会议，2023年12月29日）",
      "新建和改造提升高标准农田54万亩以上。新增规上食品加工企业20家，主营业务收入突破700亿元。新改建农村公路600公里，改造农村供水管网5600公里",
      [
        ["新建和改造提升高标准农田", ">=", 54, "万亩"],
        ["新增规上食品加工企业", "=", 20, "家"],
        ["主营业务收入", ">=", 700, "亿元"],
        ["新改建农村公路", "=", 600, "公里"],
        ["改造农村供水管网", "=", 5600, "公里"],
      ],
    ],
    [
      "杭州市农业农村局 2023年“三农”工作主要指标（杭州市政府网，2023年7月28日）",
      "农林牧渔业增加值增长2.5%，力争3%；城乡居民收入比缩小至1.7以内。",
      [
        ["农林牧渔业增加值增长", "=", 2.5, "%"],
        ["农林牧渔业增加值增长", "=", 3, "%"],
        ["城乡居民收入比", "<=", 1.7, ""],
      ],
    ],
  ];
  for (const [source, text, want] of cases) {
    it(`${source}: ${text.slice(0, 24)}…`, () => {
      expect(rows(extractIndicators(text))).toEqual(want);
    });
  }

  it("splits 城镇和农村… like 城乡… (县政府工作报告 phrasing) and a list of names written with 、", () => {
    expect(extractIndicators("城镇和农村常住居民人均可支配收入分别增长8%左右和8.5%左右").map((i) => [i.name, i.comparator, i.target, i.flags])).toEqual([
      ["城镇常住居民人均可支配收入增长", "≈", 8, ["split-name"]],
      ["农村常住居民人均可支配收入增长", "≈", 8.5, ["split-name"]],
    ]);
    // 国务院《政府工作报告》2023 (过去五年回顾)
    expect(rows(extractIndicators("森林覆盖率、湿地保护率分别达到24%、50%以上"))).toEqual([
      ["森林覆盖率", "=", 24, "%"],
      ["湿地保护率", ">=", 50, "%"],
    ]);
    // …but not two subjects joined by 和, nor a short one (居民、企业收入 is one subject): the name is shared.
    expect(extractIndicators("单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%").map((i) => i.flags)).toEqual([["shared-name"], ["shared-name"]]);
    expect(extractIndicators("居民、企业收入分别增长6%、8%").map((i) => i.name)).toEqual(["居民、企业收入增长", "居民、企业收入增长"]);
  });

  it("力争 after a target borrows its whole name, flagged", () => {
    expect(extractIndicators("农林牧渔业增加值增长2.5%，力争3%")[1]).toMatchObject({
      name: "农林牧渔业增加值增长",
      flags: ["inherited-name"],
      confidence: 0.75,
    });
  });
});

describe("traps met in real reports", () => {
  function ignored(text: string) {
    return analyzeIndicators(text).ignored.map((i) => [i.source, i.reason]);
  }

  it("第14个五年规划 is an ordinal and a programme, not 14个", () => {
    expect(extractIndicators("编制国民经济和社会发展第14个五年规划")).toEqual([]);
    expect(ignored("编制国民经济和社会发展第14个五年规划")).toEqual([
      ["14个", "ordinal"],
      ["五年", "duration"],
    ]);
  });

  it("2个百分点 is a target (a change of a rate)", () => {
    expect(extractIndicators("常住人口城镇化率提高2个百分点")[0]).toMatchObject({ target: 2, unit: "个百分点", confidence: 0.85 });
  });

  it("a starting value (从人均8.7万元提高到12万元) is neither a target nor part of the name", () => {
    const text = "全员劳动生产率从人均8.7万元提高到12万元以上";
    expect(rows(extractIndicators(text))).toEqual([["全员劳动生产率", ">=", 12, "万元"]]);
    expect(ignored(text)).toEqual([["8.7万元", "modifier"]]);
  });

  it("ages and sizes of the people or places meant (黔东南州《政府工作报告》2025 民生实事)", () => {
    expect(extractIndicators("为全州7万名35-64岁妇女免费做宫颈癌筛查")).toEqual([]);
    expect(ignored("为全州7万名35-64岁妇女免费做宫颈癌筛查")).toEqual([
      ["7万名", "modifier"],
      ["35-64", "label"],
    ]);
    expect(ignored("完成超3.5万户50户以上木质房屋连片村寨农户“电改”")).toContainEqual(["50户以上", "modifier"]);
  });

  it("line numbers and a project's size (深圳市《政府工作报告》2023; 延津县2024)", () => {
    expect(extractIndicators("建成开通地铁8号线二期，加快13号线等12条线路建设")).toEqual([]);
    expect(ignored("建成开通地铁8号线二期，加快13号线等12条线路建设")).toEqual([
      ["8号线", "code"],
      ["13号线", "code"],
      ["12条", "modifier"],
    ]);
    expect(ignored("实施1.5万亩内陆养殖建设提升改造项目")).toEqual([["1.5万亩", "project-name"]]);
  });

  it("a duration is a target only with a comparator word (受教育年限提高到11.3年), never a programme (用3年时间)", () => {
    expect(extractIndicators("平均受教育年限达到10.5年以上")[0]).toMatchObject({ comparator: ">=", target: 10.5, unit: "年", flags: ["duration"] });
    expect(extractIndicators("审批时限压缩至3个工作日")[0]).toMatchObject({ name: "审批时限", comparator: "<=", target: 3, unit: "个工作日" });
    expect(ignored("用3年时间完成")).toEqual([["3年", "duration"]]);
    expect(ignored("连续3年保持")).toEqual([["3年", "duration"]]);
  });
});
