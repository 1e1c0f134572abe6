import path from "node:path";
import { expect, signIn, test } from "./fixtures";

const SEED = path.resolve("db/seed/2022-ordos-otog-work-report.txt");

test("the administrator imports the seed through the page: preview of 72 rows, then commit", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "导入分解表" }).first().click();
  await page.getByLabel(/分解表文件/).setInputFiles(SEED);
  await page.getByRole("button", { name: "解析并预览" }).click();

  await expect(page.getByTestId("preview-count")).toHaveText("72");
  await expect(page.getByTestId("preview-row")).toHaveCount(72);
  // Aliases resolved, collective names shown with what they expand to, warnings highlighted.
  const row13 = page.getByTestId("preview-row").filter({ hasText: "美科20GW单晶拉棒" });
  await expect(row13).toContainText("工信和科技局");
  await expect(row13).not.toContainText("工科局、");
  const row24 = page.getByTestId("preview-row").filter({ hasText: "实施农村路网建设300公里" });
  await expect(row24).toContainText("各苏木镇＝乌兰镇、棋盘井镇、蒙西镇、木凯淖尔镇、苏米图苏木、阿尔巴斯苏木");
  const row9 = page.getByTestId("preview-row").filter({ hasText: "可爱鄂托克" });
  await expect(row9).toHaveClass(/bg-amber-50/);

  // The demo database already holds this plan: importing it again updates, never duplicates.
  await page.getByRole("button", { name: "确认导入 72 项任务" }).click();
  await expect(page.getByRole("status")).toContainText("新增 0 项，更新 72 项");
  await page.getByRole("link", { name: "查看任务总表" }).click();
  // Other specs may add tasks of their own to the live plans; the seed's tasks are there once each.
  await expect(page.getByTestId("task-total")).toHaveText(/^共 \d+ 项/);
  expect(Number((await page.getByTestId("task-total").textContent())!.match(/共 (\d+) 项/)![1])).toBeGreaterThanOrEqual(72);
  for (const text of ["实施农村路网建设300公里", "可爱鄂托克", "签约项目20个以上", "城镇调查失业率控制在4%以内"]) {
    await page.goto(`/tasks?q=${encodeURIComponent(text)}`);
    await expect(page.getByTestId("task-row").filter({ hasText: text }), text).toHaveCount(1);
  }
});

test("pasted text with an error is refused with the line and nothing is written", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/import");
  await page.getByRole("tab", { name: "粘贴文本" }).click();
  await page
    .getByLabel(/分解表内容/)
    .fill("2022年政府工作报告目标任务分解表\n序号\t重点工作任务\t责任领导\t牵头单位\t责任单位\n1a\t某项任务\t张军\t交通局\t各苏木镇\n");
  await page.getByRole("button", { name: "解析并预览" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("未写入任何数据");
  await expect(alert).toContainText(/第 \d+ 行/);
});
