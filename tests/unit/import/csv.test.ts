import { describe, expect, it } from "vitest";
import { parseDelimited } from "@/lib/import/csv";

function records(text: string, delimiter = ",") {
  const result = parseDelimited(text, delimiter);
  if (!result.ok) throw new Error(result.error.message);
  return result.records;
}

describe("parseDelimited", () => {
  it("reads plain records with LF or CRLF", () => {
    expect(records("a,b\r\nc,d\n")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["c", "d"] },
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    expect(records('1,"发改委,财政局","他说""好""",x\n2,"罗建勋\r\n柳天云",,\n')).toEqual([
      { line: 1, cells: ["1", "发改委,财政局", '他说"好"', "x"] },
      { line: 2, cells: ["2", "罗建勋\r\n柳天云", "", ""] },
    ]);
  });

  it("numbers records by the line they start on", () => {
    expect(records('a,"1\n2\n3"\nb,c').map((r) => r.line)).toEqual([1, 4]);
  });

  it("keeps a quote inside an unquoted field as text, and reads a last record without a line end", () => {
    expect(records('5寸"屏,b')).toEqual([{ line: 1, cells: ['5寸"屏', "b"] }]);
  });

  it("reads tab-separated text", () => {
    expect(records('序号\t任务\n1\t"a\tb"\n', "\t")).toEqual([
      { line: 1, cells: ["序号", "任务"] },
      { line: 2, cells: ["1", "a\tb"] },
    ]);
  });

  it("reports an unclosed quote with the line it opened on", () => {
    expect(parseDelimited('a,b\nc,"d\ne', ",")).toEqual({ ok: false, error: { line: 2, message: "引号没有闭合：从这一行开始的带引号单元格一直没有结束" } });
  });
});
