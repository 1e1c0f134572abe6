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
    expect(extractIndicators("审批时限压缩至3个工作日以内")[0]).toMatchObject({ name: "审批时限", comparator: "<=", target: 3, unit: "个工作日", flags: ["duration"] });
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
