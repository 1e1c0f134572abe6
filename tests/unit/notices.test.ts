import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { noticeDocument, paragraphsOf } from "@/lib/notices/document";
import { renderNoticeDocx } from "@/lib/notices/docx";
import {
  buildCriticismSnapshot,
  buildProgressSnapshot,
  criticismItemText,
  draftCriticismText,
  draftProgressText,
  type FindingFact,
  type StatusInput,
  type StatusRow,
} from "@/lib/notices/drafting";
import { chineseDate, chineseNumeral, describeLateness, formatNoticeNumber, noticeNumberText, seqList } from "@/lib/notices/format";
import { defaultRectificationDate, endOfShanghaiDay, isRectificationOverdue, rectificationStateText, shanghaiDateInput } from "@/lib/notices/rectification";
import { countCompliance } from "@/lib/reporting/compliance";

const DUE = new Date("2022-06-15T16:00:00Z"); // 6月15日 24:00 Shanghai
const AT = new Date("2022-06-20T02:00:00Z"); // 6月20日 10:00

const unit = (id: number, name: string) => ({ id, name });
const JT = unit(1, "交通局");
const ZJ = unit(2, "住建局");
const NM = unit(3, "农牧局");

function row(seq: number, leads: { id: number; name: string }[], over: Partial<StatusRow> = {}): StatusRow {
  return {
    taskId: seq,
    seq,
    content: `任务${seq}的内容，实施农村路网建设300公里以上`,
    leadUnits: leads,
    dueAt: DUE,
    compliance: "missing",
    progressState: null,
    submittedAt: null,
    returnReason: null,
    ...over,
  };
}

function statusOf(rows: StatusRow[]): StatusInput {
  const unitsFor = (kind: "late" | "missing" | "returned") => {
    const map = new Map<number, { unitId: number; unitName: string; seqs: number[] }>();
    for (const r of rows.filter((x) => x.compliance === kind))
      for (const u of r.leadUnits) {
        const e = map.get(u.id) ?? { unitId: u.id, unitName: u.name, seqs: [] };
        e.seqs.push(r.seq);
        map.set(u.id, e);
      }
    return [...map.values()];
  };
  return {
    periodIndex: 11,
    rows,
    counts: countCompliance(rows),
    unitsBy: { late: unitsFor("late"), missing: unitsFor("missing"), returned: unitsFor("returned") },
  };
}

const ROWS: StatusRow[] = [
  row(24, [JT], { compliance: "on_time", progressState: "lagging", submittedAt: new Date("2022-06-14T01:00:00Z") }),
  row(27, [JT], { compliance: "late", progressState: "on_track", submittedAt: AT }),
  row(28, [ZJ], { compliance: "returned", progressState: "blocked", submittedAt: new Date("2022-06-15T01:00:00Z"), returnReason: "内容过简" }),
  row(3, [NM]),
  row(5, [NM]),
  row(9, [NM], { compliance: "closed", progressState: "lagging" }),
];
const FINDINGS: FindingFact[] = [
  { rating: "poor", text: "农牧局报告内容空泛，照抄上期。", taskId: 3, taskSeq: 3, unitId: null, unitName: null },
  { rating: "good", text: "交通局每周一调度，台账清晰。", taskId: null, taskSeq: null, unitId: 1, unitName: "交通局" },
  { rating: "fair", text: "住建局进度表更新不及时。", taskId: null, taskSeq: null, unitId: 2, unitName: "住建局" },
];
const META = { year: 2022, periodIndex: 11, periodLabel: "2022年6月上半月", takenAt: AT };

describe("notice numbers and dates", () => {
  it("formats progress circulars by 期 and criticisms by 号, per year", () => {
    expect(formatNoticeNumber("progress", 2022, 5)).toBe("督查通报〔2022〕第5期");
    expect(formatNoticeNumber("criticism", 2022, 2)).toBe("通报批评〔2022〕第2号");
    expect(noticeNumberText({ kind: "progress", year: 2022, number: null })).toBe("（草稿，发布时编号）");
    expect(() => formatNoticeNumber("progress", 2022, 0)).toThrow(RangeError);
  });

  it("writes dates the official way, in Shanghai time", () => {
    expect(chineseDate(AT)).toBe("二〇二二年六月二十日");
    expect(chineseDate(new Date("2022-12-31T15:59:00Z"))).toBe("二〇二二年十二月三十一日");
    // 2023-01-01 00:30 in Shanghai is still 2022-12-31 in UTC.
    expect(chineseDate(new Date("2022-12-31T16:30:00Z"))).toBe("二〇二三年一月一日");
    expect(chineseDate(new Date("2020-10-10T04:00:00Z"))).toBe("二〇二〇年十月十日");
    expect([1, 10, 11, 19, 20, 21, 30].map(chineseNumeral)).toEqual(["一", "十", "十一", "十九", "二十", "二十一", "三十"]);
  });

  it("says how late and lists task numbers", () => {
    expect(describeLateness(DUE, AT)).toBe("4天10小时");
    expect(describeLateness(DUE, new Date(DUE.getTime() + 3 * 3600_000))).toBe("3小时");
    expect(describeLateness(DUE, new Date(DUE.getTime() + 2 * 86400_000))).toBe("2天");
    expect(describeLateness(DUE, new Date(DUE.getTime() + 60_000))).toBe("不到1小时");
    expect(seqList([7, 3, 5])).toBe("第3、5、7项");
  });

  it("rectification deadlines are the end of a Shanghai day, seven days on by default", () => {
    expect(defaultRectificationDate(AT)).toBe("2022-06-27");
    expect(endOfShanghaiDay("2022-06-27")?.toISOString()).toBe("2022-06-27T16:00:00.000Z");
    expect(shanghaiDateInput(endOfShanghaiDay("2022-06-27")!)).toBe("2022-06-27");
    expect(endOfShanghaiDay("2022-02-30")).toBeNull();
    const dueAt = endOfShanghaiDay("2022-06-27")!;
    expect(isRectificationOverdue({ status: "pending", dueAt }, new Date("2022-06-28T01:00:00Z"))).toBe(true);
    expect(isRectificationOverdue({ status: "returned", dueAt }, new Date("2022-06-28T01:00:00Z"))).toBe(true);
    expect(isRectificationOverdue({ status: "submitted", dueAt }, new Date("2022-06-28T01:00:00Z"))).toBe(false);
    expect(isRectificationOverdue({ status: "pending", dueAt }, AT)).toBe(false);
  });

  it("a rectification's state is said once: a returned one says by whom, when, why, and that a new one is owed", () => {
    const submittedAt = new Date("2022-06-21T01:30:00Z"); // 6月21日 09:30
    const decidedAt = new Date("2022-06-22T07:00:00Z"); // 6月22日 15:00
    const base = { submittedAt: null, submittedByName: null, decidedAt: null, decidedByName: null, returnReason: null };
    const filed = { ...base, submittedAt, submittedByName: "公安局填报人" };
    expect(rectificationStateText({ ...base, status: "pending" })).toBe("尚未报送");
    expect(rectificationStateText({ ...filed, status: "submitted" })).toBe("公安局填报人 于 2022-06-21 09:30 报送，待审核");
    const returned = rectificationStateText({ ...filed, status: "returned", decidedAt, decidedByName: "政府办督查室", returnReason: "未写明长效机制" });
    expect(returned).toBe(
      "公安局填报人 于 2022-06-21 09:30 报送的整改报告已被政府办督查室 于 2022-06-22 15:00 退回，退回理由：未写明长效机制。须重新报送整改报告",
    );
    expect(returned).not.toContain("尚未报送");
    expect(rectificationStateText({ ...filed, status: "submitted", decidedAt, decidedByName: "政府办督查室", returnReason: "未写明长效机制" })).toBe(
      "公安局填报人 于 2022-06-21 09:30 重新报送，待审核（前次报送被退回，理由：未写明长效机制）",
    );
    expect(rectificationStateText({ ...filed, status: "accepted", decidedAt, decidedByName: "政府办督查室" })).toBe(
      "公安局填报人 于 2022-06-21 09:30 报送，政府办督查室 于 2022-06-22 15:00 审核通过",
    );
  });
});

describe("drafting the progress circular", () => {
  const status = statusOf(ROWS);
  const snapshot = buildProgressSnapshot(status, FINDINGS, META);
  const { title, body } = draftProgressText(snapshot);

  it("freezes the period's counts exactly as computed", () => {
    expect(snapshot.counts).toEqual(status.counts);
    expect(snapshot.counts).toMatchObject({ tasks: 6, on_time: 1, late: 1, missing: 2, returned: 1, closed: 1, lagging: 1, blocked: 1 });
    expect(snapshot.dueAt).toBe(DUE.toISOString());
    // A closed task's state is not counted as lagging.
    expect(snapshot.lagging.map((t) => t.seq)).toEqual([24]);
  });

  it("states the counts and names the units for each failure", () => {
    expect(title).toBe("关于2022年6月上半月政府工作报告目标任务推进情况的通报");
    expect(body).toContain("报送截止时间为6月15日 24:00");
    expect(body).toContain("本期纳入督查的重点任务共6项，其中按时报送1项，逾期报送1项，未报送2项，报告被退回尚未重新报送1项，已办结销号1项。");
    expect(body).toContain("逾期报送的单位：交通局（第27项）。");
    expect(body).toContain("未报送的单位：农牧局（第3、5项）。");
    expect(body).toContain("报告被退回尚未重新报送的单位：住建局（第28项）。");
    expect(body).toContain("本期报告进展滞后的任务1项：第24项“任务24的内容，实施农村路网建设300公里以上”（交通局）。");
    expect(body).toContain("本期报告推进受阻的任务1项：第28项");
  });

  it("names 差 findings as problems and 好 as good practice", () => {
    const lines = body.split("\n");
    const at = (text: string) => lines.findIndex((l) => l.includes(text));
    expect(lines[0]).toBe("各苏木镇，旗直各部门、各单位：");
    expect(at("三、督查发现")).toBeGreaterThan(0);
    expect(at("（一）存在的问题")).toBeLessThan(at("农牧局报告内容空泛"));
    expect(body).toContain("1. 第3项任务（农牧局）：农牧局报告内容空泛，照抄上期。");
    expect(at("（三）好的做法")).toBeLessThan(at("交通局每周一调度"));
    expect(body).toContain("1. 交通局：交通局每周一调度，台账清晰。");
    expect(at("四、下步工作要求")).toBeGreaterThan(at("好的做法"));
  });

  it("says so when everything came in on time and there were no findings", () => {
    const clean = [row(1, [JT], { compliance: "on_time", progressState: "on_track" })];
    const text = draftProgressText(buildProgressSnapshot(statusOf(clean), [], META)).body;
    expect(text).toContain("各牵头单位均按时报送了本期进展报告。");
    expect(text).toContain("本期报告中没有进展滞后或推进受阻的任务。");
    expect(text).not.toContain("督查发现");
    expect(text).toContain("三、下步工作要求");
  });
});

describe("drafting a criticism", () => {
  const dueAt = endOfShanghaiDay("2022-06-27")!;
  const snapshot = buildCriticismSnapshot(statusOf(ROWS), [JT, NM], FINDINGS, META);
  const { title, body } = draftCriticismText(snapshot, dueAt);

  it("collects each unit's late, missing and returned reports and the findings about it", () => {
    expect(snapshot.units.map((u) => [u.unitName, u.items.map((i) => [i.seq, i.compliance])])).toEqual([
      ["交通局", [[27, "late"]]],
      [
        "农牧局",
        [
          [3, "missing"],
          [5, "missing"],
        ],
      ],
    ]);
    // 好 is not a criticism fact; a finding on a task counts against the unit leading it.
    expect(snapshot.units[0]!.findings).toEqual([]);
    expect(snapshot.units[1]!.findings.map((f) => f.text)).toEqual(["农牧局报告内容空泛，照抄上期。"]);
  });

  it("says which report, when it was due and how late", () => {
    expect(title).toBe("关于对交通局、农牧局的通报批评");
    expect(body).toContain("一、交通局");
    expect(body).toContain(
      "1. 第27项任务“任务27的内容，实施农村路网建设300公里以上”的2022年6月上半月进展报告应于6月15日 24:00前报送，实际于6月20日 10:00报送，逾期4天10小时。",
    );
    expect(body).toContain("二、农牧局");
    expect(body).toContain("截至6月20日 10:00仍未报送，已逾期4天10小时。");
    expect(body).toContain("督查发现（第3项任务）：农牧局报告内容空泛，照抄上期。");
    expect(body).toContain("决定对交通局、农牧局予以通报批评");
    expect(body).toContain("于2022年6月27日24:00前向旗政府督查室报送书面整改报告");
  });

  it("explains a returned report with its reason; many units are summarised in the title", () => {
    const returned = buildCriticismSnapshot(statusOf(ROWS), [ZJ], [], META).units[0]!.items[0]!;
    expect(criticismItemText(returned, "2022年6月上半月", AT)).toContain("被督查室退回（退回理由：内容过简），截至6月20日 10:00仍未重新报送。");
    const many = [1, 2, 3, 4].map((i) => unit(i, `单位${i}`));
    expect(draftCriticismText(buildCriticismSnapshot(statusOf([]), many, [], META), dueAt).title).toBe("关于对单位1、单位2、单位3等4个单位的通报批评");
    expect(draftCriticismText(buildCriticismSnapshot(statusOf([]), [JT], [], META), dueAt).body).toContain("1. （请填写具体事实）");
  });
});

/** The text of word/document.xml inside a DOCX (a zip). */
function documentXml(docx: Buffer): string {
  return docxPart(docx, "word/document.xml");
}

/** The text of one part of a DOCX (a zip). */
function docxPart(docx: Buffer, part: string): string {
  let at = 0;
  while (at < docx.length - 30 && docx.readUInt32LE(at) === 0x04034b50) {
    const method = docx.readUInt16LE(at + 8);
    const size = docx.readUInt32LE(at + 18);
    const nameLength = docx.readUInt16LE(at + 26);
    const extraLength = docx.readUInt16LE(at + 28);
    const name = docx.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const start = at + 30 + nameLength + extraLength;
    const data = docx.subarray(start, start + size);
    if (name === part) return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    at = start + size;
  }
  throw new Error(`no ${part}`);
}

describe("the document model and its DOCX", () => {
  const source = {
    kind: "progress" as const,
    status: "published" as const,
    year: 2022,
    number: 1,
    title: "关于2022年6月上半月政府工作报告目标任务推进情况的通报",
    body: "各苏木镇，旗直各部门、各单位：\n根据要求进行了督查。\n\n一、报告报送情况\n（一）存在的问题\n本期按时报送1项。",
    publishedAt: AT,
    at: new Date("2022-07-01T02:00:00Z"),
    corrects: null,
  };

  it("sorts the body into salutation, headings and indented text", () => {
    expect(paragraphsOf(source.body).map((p) => p.role)).toEqual(["salutation", "text", "heading", "subheading", "text"]);
    const doc = noticeDocument(source);
    expect(doc.numberText).toBe("督查通报〔2022〕第1期");
    expect(doc.dateText).toBe("二〇二二年六月二十日");
    expect(doc.issuer).toBe("鄂托克旗人民政府办公室");
    expect(doc.filename).toBe("督查通报〔2022〕第1期关于2022年6月上半月政府工作报告目标任务推进情况的通报.docx");
    const draft = noticeDocument({ ...source, status: "draft", number: null, publishedAt: null });
    expect(draft.draft).toBe(true);
    expect(draft.dateText).toBe("二〇二二年七月一日");
    expect(draft.filename.startsWith("草稿-")).toBe(true);
  });

  it("builds a DOCX with the red header, number, title, body and date", async () => {
    const docx = await renderNoticeDocx(noticeDocument({ ...source, corrects: { kind: "progress", year: 2022, number: 1, title: "原通报" }, number: 2 }));
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    const xml = documentXml(docx);
    for (const text of [
      "鄂托克旗人民政府办公室",
      "督查室",
      "督查通报〔2022〕第2期",
      source.title,
      "本期按时报送1项。",
      "二〇二二年六月二十日",
      "本通报更正督查通报〔2022〕第1期《原通报》",
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toMatch(/w:color w:val="D40000"/);
  });

  it("numbers its pages in the footer as official documents do: 「— 1 —」, 4号 宋体, odd right and even left", async () => {
    const docx = await renderNoticeDocx(noticeDocument(source));
    const xml = documentXml(docx);
    const rels = docxPart(docx, "word/_rels/document.xml.rels");
    // The section references a default (odd) and an even footer, and the settings turn even pages on.
    const refs = [...xml.matchAll(/<w:footerReference w:type="(default|even)" r:id="(rId\d+)"\/>/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(refs.map(([type]) => type).sort()).toEqual(["default", "even"]);
    expect(docxPart(docx, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    for (const [type, rId] of refs) {
      const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${rId}"`).exec(rels)?.[1];
      expect(target, type).toMatch(/^footer\d+\.xml$/);
      const footer = docxPart(docx, `word/${target}`);
      // An em dash and a space, the PAGE field, a space and an em dash: 「— 1 —」.
      const text = footer.replace(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/, "{PAGE}").replace(/<[^>]+>/g, "");
      expect(text, type).toBe("— {PAGE} —");
      expect(footer).toMatch(/<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>/);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
      expect(footer).toContain(`<w:jc w:val="${type === "default" ? "right" : "left"}"/>`);
    }
  });
});
