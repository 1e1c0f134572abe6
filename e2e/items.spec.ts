/**
 * 督办事项 end to end, at the pinned clock 2022-06-20 10:00 (a Monday): the supervision office registers
 * a monthly item for 统计局 (a wrong submit keeps what was typed), the item gets its 立项号; 统计局 signs in,
 * finds it among its items, acknowledges it (签收) and files its report for period key 12; the office
 * accepts the report. The spec registers its own item (its text carries a unique mark).
 */
import { expect, test, userPage } from "./fixtures";

test("the office registers a monthly item; the lead unit acknowledges it and reports; the office accepts", async ({ browser }) => {
  test.setTimeout(180_000); // four accounts sign in and a dozen pages render, on a machine other builds share
  const mark = `E2E${Date.now().toString(36)}`;
  const content = `统计局牵头开展经济普查入户登记质量抽查（${mark}）`;

  const office = await userPage(browser, "ducha");
  await office.page.goto("/supervision");
  await office.page.getByRole("navigation").getByRole("button", { name: "督查", exact: true }).click();
  await office.page.getByRole("navigation").getByRole("link", { name: "督办事项" }).click();
  await expect(office.page).toHaveURL(/\/items$/);
  await office.page.getByRole("link", { name: "登记督办事项" }).click();
  await expect(office.page.getByRole("heading", { name: "登记督办事项" })).toBeVisible();

  const form = office.page.getByRole("form", { name: "登记督办事项" });
  await form.getByLabel("事项内容").fill(content);
  await form.getByLabel("来源").selectOption({ label: "会议议定事项" });
  await form.getByLabel("文号").fill("常务会议纪要〔2022〕5号");
  await expect(form.getByLabel("交办日期")).toHaveValue("2022-06-20");
  await form.getByLabel("报送频次").selectOption({ label: "每月报送" });
  // Submitted without a leader, a lead unit or a due date: Chinese messages, nothing typed lost.
  await form.getByRole("button", { name: "登记并编号" }).click();
  await expect(form.getByText("请至少选择一位责任领导")).toBeVisible();
  await expect(form.getByText("请至少选择一个牵头单位")).toBeVisible();
  await expect(form.getByText("请选择完成时限")).toBeVisible();
  await expect(form.getByLabel("事项内容")).toHaveValue(content);
  await expect(form.getByLabel("文号")).toHaveValue("常务会议纪要〔2022〕5号");

  await form.getByRole("group", { name: "责任领导" }).getByRole("checkbox", { name: "刘锐" }).check();
  const lead = form.getByRole("group", { name: "牵头单位" });
  await lead.getByLabel("筛选牵头单位").fill("统计局");
  await lead.getByRole("checkbox", { name: "统计局" }).check();
  const cooperating = form.getByRole("group", { name: "配合单位" });
  await cooperating.getByLabel("筛选配合单位").fill("统计局");
  await expect(cooperating.getByRole("checkbox", { name: "统计局" })).toBeDisabled();
  await form.getByLabel("完成时限").fill("2022-09-30");
  await office.page.screenshot({ path: "test-results/items-new.png", fullPage: true });
  await form.getByRole("button", { name: "登记并编号" }).click();
  await expect(form.getByRole("status")).toContainText(/已登记，立项号 督〔2022〕第\d+号/);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as the page shows it
  const seqLabel = (await form.getByRole("status").innerText()).match(/督〔2022〕第\d+号/)![0];

  await form.getByRole("link", { name: `查看 ${seqLabel}` }).click();
  await expect(office.page).toHaveURL(/\/tasks\/\d+$/);
  const taskId = Number(office.page.url().match(/\/tasks\/(\d+)$/)![1]);
  const panel = office.page.getByTestId("item-panel");
  await expect(panel.getByTestId("item-number")).toHaveText(seqLabel);
  await expect(panel).toContainText("会议议定事项");
  await expect(panel).toContainText("常务会议纪要〔2022〕5号");
  await expect(panel).toContainText("2022-06-20");
  await expect(panel.getByTestId("item-cadence")).toHaveText("每月报送");
  await expect(panel.getByTestId("item-acknowledge-state")).toHaveText("未签收");
  await expect(panel).toContainText("6月22日 24:00 前签收");
  await expect(office.page.getByTestId("task-number")).toHaveText(seqLabel);
  await expect(panel.getByRole("button", { name: "签收" })).toHaveCount(0);

  // On the office's list, filtered by source and state in the URL.
  await office.page.goto("/items?source=meeting&state=unacknowledged");
  const row = office.page.getByTestId("item-row").filter({ hasText: mark });
  await expect(row).toContainText(seqLabel);
  await expect(row).toContainText("统计局");
  await expect(row).toContainText("刘锐");
  await expect(row).toContainText("9月30日");
  await expect(row).toContainText("每月报送");
  await expect(row.getByTestId("item-state")).toHaveText("未签收");
  await office.page.screenshot({ path: "test-results/items-list.png", fullPage: true });
  await office.page.goto("/items?state=acknowledged");
  await expect(office.page.getByTestId("item-row").filter({ hasText: mark })).toHaveCount(0);

  // 统计局 sees it among its own items and acknowledges it.
  const unit = await userPage(browser, "统计局");
  await unit.page.goto("/items");
  await expect(unit.page.getByText("（本单位牵头或配合的事项）")).toBeVisible();
  await unit.page.getByTestId("item-row").filter({ hasText: mark }).getByRole("link").click();
  await expect(unit.page).toHaveURL(new RegExp(`/tasks/${taskId}$`));
  const unitPanel = unit.page.getByTestId("item-panel");
  await unitPanel.getByRole("button", { name: "签收" }).click();
  await expect(unitPanel.getByTestId("item-acknowledge-state")).toHaveText("已签收");
  await expect(unitPanel.getByTestId("item-acknowledge-note")).toContainText("2022-06-20 10:00 签收");
  await expect(unitPanel.getByRole("button", { name: "签收" })).toHaveCount(0);
  await unit.page.screenshot({ path: "test-results/items-task.png", fullPage: true });

  // Another unit does not find it.
  const other = await userPage(browser, "医保局");
  await other.page.goto("/items");
  await expect(other.page.getByTestId("item-row").filter({ hasText: mark })).toHaveCount(0);
  const response = await other.page.goto(`/tasks/${taskId}`);
  expect(response?.status()).toBe(404);
  await other.close();

  // The item is in 统计局's workspace beside its table tasks, labelled with its register and owing 2022年6月.
  await unit.page.goto("/unit");
  const workRow = unit.page.getByTestId("work-item").filter({ hasText: mark });
  await expect(workRow).toHaveCount(1);
  await expect(workRow).toContainText("2022年 督办事项");
  await expect(workRow).toContainText("2022年6月");
  await expect(unit.page.getByTestId("covered")).toContainText("2022年 督办事项");

  // The unit's head files the report for key 12 (2022年6月 under the monthly cadence).
  await unit.page.goto(`/reports/${taskId}/12`);
  const report = unit.page.getByRole("form", { name: "进展报告" });
  await report.getByLabel("本期工作进展").fill("完成 3 个苏木镇入户登记质量抽查，差错率 0.3%。");
  await report.getByLabel("完成进度").fill("30");
  await report.getByRole("radio", { name: "正常推进" }).check();
  await report.getByRole("button", { name: "报送" }).click();
  await expect(unit.page.getByTestId("report-state")).toHaveText("已报送");

  // The office accepts it in review.
  await office.page.goto(`/tasks/${taskId}/reports/12`);
  await expect(office.page.getByTestId("report-state")).toHaveText("已报送");
  await expect(office.page.getByText("差错率 0.3%")).toBeVisible();
  await office.page.getByRole("button", { name: "审核通过" }).click();
  await expect(office.page.getByTestId("report-state")).toHaveText("已审核");

  // And the office's list now shows it acknowledged.
  await office.page.goto("/items?state=acknowledged");
  await expect(office.page.getByTestId("item-row").filter({ hasText: mark }).getByTestId("item-state")).toHaveText("已签收");
  await unit.close();

  // Done: the office archives the spec's items register, so later specs see the demo's single live plan.
  await office.page.goto("/plans");
  const register = office.page.getByTestId("plan-row").filter({ hasText: "2022年督办事项" });
  await register.getByRole("button", { name: "归档" }).click();
  await register.getByRole("button", { name: "确认归档" }).click();
  await expect(register).toContainText("已归档");
  await office.close();
});
