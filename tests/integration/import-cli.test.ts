/** The CLI, spawned as an administrator would run it (dry runs only: nothing touches a database). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SEED_PATH } from "../unit/import/helpers/seed";

function run(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/import.ts", ...args], { cwd: process.cwd(), encoding: "utf8", timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface DryRunJson {
  title: string;
  year: number;
  tasks: {
    seq: number;
    content: string;
    leaders: string[];
    leadUnits: string[];
    units: string[];
    indicators: { name: string; comparator: string; target: number; unit: string }[];
  }[];
  warnings: { line: number | null; seq?: number; message: string }[];
}

describe("scripts/import.ts", () => {
  it("prints the parsed seed as JSON with --dry-run --json", () => {
    const { status, stdout, stderr } = run("--dry-run", "--json", SEED_PATH);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as DryRunJson;
    expect(Object.keys(json)).toEqual(["title", "year", "tasks", "warnings"]);
    expect(json.title).toBe("2022年政府工作报告目标任务分解表");
    expect(json.year).toBe(2022);
    expect(json.tasks).toHaveLength(72);
    expect(Object.keys(json.tasks[0] ?? {})).toEqual([
      "seq",
      "seqLabel",
      "section",
      "content",
      "leaders",
      "leadUnits",
      "units",
      "deadline",
      "deadlineText",
      "indicators",
    ]);
    expect(json.tasks[0]).toMatchObject({ seqLabel: null, section: null, deadline: null, deadlineText: null });
    expect(json.tasks[0]?.indicators).toEqual([]);
    expect(json.tasks[1]?.indicators).toEqual([
      { name: "签约项目", comparator: ">=", target: 20, unit: "个" },
      { name: "协议总金额", comparator: ">=", target: 500, unit: "亿元" },
    ]);
    expect(json.tasks[23]?.indicators).toEqual([{ name: "农村路网建设", comparator: "=", target: 300, unit: "公里" }]);
    expect(json.tasks[28]?.indicators).toEqual([
      { name: "城镇新增就业", comparator: ">=", target: 1700, unit: "人" },
      { name: "城镇调查失业率", comparator: "<=", target: 4, unit: "%" },
    ]);
    expect(json.tasks[12]?.indicators.map((i) => i.unit)).toEqual(["个", "亿元"]);
    expect(json.tasks[14]).toMatchObject({ seq: 15, leaders: ["罗建勋", "柳天云"], leadUnits: ["发改委"] });
    expect(json.tasks[50]).toMatchObject({ seq: 51, units: [] });
    expect(json.warnings).toContainEqual({ line: 65, seq: 9, message: "文旅局 同时列为第 9 项的牵头单位和责任单位" });
  }, 60_000);

  it("prints a summary with --dry-run alone", () => {
    const { status, stdout } = run("--dry-run", SEED_PATH);
    expect(status).toBe(0);
    expect(stdout).toContain("分解表：2022年政府工作报告目标任务分解表\n年度：2022\n文号：（无）\n任务：72 项（其中全面负责 1 项）\n警告：20 条\n");
    expect(stdout).toContain("  第3行：正文提到 2020 年，与标题年份 2022 年不一致");
  }, 60_000);

  it("exits 1 with a Chinese message for an empty file", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "luoshi-import-")), "empty.txt");
    writeFileSync(file, "");
    const { status, stdout, stderr } = run("--dry-run", "--json", file);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(`文件为空：没有任何内容\n未导入：${file} 中发现 1 处错误\n`);
  }, 60_000);

  it("names the line of a bad row", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "luoshi-import-"));
    const file = path.join(dir, "bad.txt");
    writeFileSync(file, "2022年分解表\n\t序号\n\t重点工作任务\n\t责任领导\n\t牵头单位\n\t责任单位\n\n\t1a\n\t任务\n\t张军\n\t交通局\n\t各苏木镇\n");
    const { status, stderr } = run("--dry-run", "--json", file);
    expect(status).toBe(1);
    expect(stderr).toContain("第8行：序号「1a」不是数字，无法识别这一行任务\n");
  }, 60_000);

  it("exits 1 for a missing file and 2 for bad usage", () => {
    const missing = run("--dry-run", "--json", "/nonexistent/分解表.txt");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe("无法读取文件 /nonexistent/分解表.txt：文件不存在\n");
    const noFile = run("--dry-run");
    expect(noFile.status).toBe(2);
    expect(noFile.stderr).toMatch(/^缺少要导入的文件路径\n用法：/);
    expect(run("--force", SEED_PATH).status).toBe(2);
  }, 60_000);
});
