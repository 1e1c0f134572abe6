/**
 * 意见建议 in Chromium. This spec's own data: a filer account of 交通局 the administrator creates through the
 * form (a name no other spec knows), its two complaints, and the office's answer; no other spec sends any.
 * The filer opens the form from a task page through the header's link, is told what is wrong without losing
 * it, and sends an anonymous complaint; the office finds it with no trace of the sender in the page (the
 * name, the username, the unit), answers; the filer reads the answer and the message; the counts per month
 * show. The same form works without JavaScript.
 */
import { expect, signIn, test } from "./fixtures";

test.slow();

const stamp = Date.now();
const USERNAME = `意见-${stamp}`;
const DISPLAY = `意见测试填报人${stamp}`;
const UNIT = "交通局";
const INITIAL = "e2e-initial-pass-1";
const PASSWORD = "grassland-spring-7";
const COMPLAINT = `每半月要把同样的进展在三张表里重复填报，加重基层负担。${stamp}`;
const ANSWER = "已取消重复的两张表，今后只填半月进展报告。";
const SHOTS = process.env.FEEDBACK_SCREENSHOTS;

test("a filer sends an anonymous complaint from a task page; the office sees no sender and answers; the filer reads the answer", async ({ page, browser }) => {
  // The account, created by the administrator.
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  const create = page.getByRole("form", { name: "新建账号" });
  await create.getByLabel("用户名").fill(USERNAME);
  await create.getByLabel("显示名称").fill(DISPLAY);
  await create.getByLabel("角色").selectOption({ label: "单位" });
  await create.getByLabel("单位", { exact: true }).selectOption({ label: UNIT });
  await create.getByLabel("单位内身份").selectOption({ label: "填报人" });
  await create.getByLabel("初始密码").fill(INITIAL);
  await create.getByRole("button", { name: "创建账号" }).click();
  await page.waitForURL(/\/admin\/users\/\d+/);

  // The filer signs in, sets a password of their own, and opens a task of 交通局.
  const filerContext = await browser.newContext();
  const filer = await filerContext.newPage();
  await signIn(filer, USERNAME, INITIAL);
  const change = filer.getByRole("form", { name: "修改密码" });
  await change.getByLabel("当前密码").fill(INITIAL);
  await change.getByLabel("新密码", { exact: true }).fill(PASSWORD);
  await change.getByLabel("再次输入新密码").fill(PASSWORD);
  await change.getByRole("button", { name: "修改密码" }).click();
  await expect(filer).toHaveURL(/\/unit$/);
  await filer.goto("/tasks/24");
  await expect(filer.getByRole("heading", { level: 1 })).toContainText("农村路网");

  // 意见建议 in the header opens the form with the page it came from.
  await filer.getByTestId("feedback-link").click();
  await expect(filer).toHaveURL(/\/feedback\/new\?from=%2Ftasks%2F24$/);
  await expect(filer.getByTestId("feedback-from")).toHaveText("来源页面：/tasks/24");
  const form = filer.getByRole("form", { name: "提交意见建议" });
  await expect(form.getByRole("radio", { name: /^意见/ })).toBeChecked();

  // Too short: said in Chinese, beside the field, and what was typed stays.
  await form.getByRole("radio", { name: /^意见/ }).check();
  await form.getByLabel("内容").fill("表太多");
  await form.getByLabel("匿名提交").check();
  await form.getByRole("button", { name: "提交" }).click();
  await expect(form.locator("#feedback-body-error")).toHaveText("意见建议的内容至少 5 个字，请写清楚");
  await expect(form.getByLabel("内容")).toHaveValue("表太多");
  await expect(form.getByLabel("匿名提交")).toBeChecked();
  await form.getByLabel("内容").fill(COMPLAINT);
  if (SHOTS) await filer.screenshot({ path: `${SHOTS}/feedback-form.png`, fullPage: true });
  await form.getByRole("button", { name: "提交" }).click();
  await expect(filer).toHaveURL(/\/feedback\?sent=1$/);
  await expect(filer.getByTestId("feedback-sent")).toContainText("已提交");
  const mine = filer.getByTestId("my-feedback-item").filter({ hasText: COMPLAINT });
  await expect(mine).toContainText("匿名");
  await expect(mine).toContainText("来自 /tasks/24");
  await expect(mine).toContainText("等待答复");

  // The office finds it under 统计与领导 → 收到的意见建议, unanswered, with no trace of who sent it.
  const officeContext = await browser.newContext();
  const office = await officeContext.newPage();
  await signIn(office, "ducha");
  await office.getByRole("navigation").getByRole("button", { name: "统计与领导", exact: true }).click();
  await office.getByRole("link", { name: "收到的意见建议" }).click();
  await expect(office).toHaveURL(/\/feedback\/received$/);
  await office.getByLabel("状态").selectOption({ label: "未答复" });
  await office.getByRole("button", { name: "筛选" }).click();
  await expect(office).toHaveURL(/\/feedback\/received\?state=unanswered$/);
  const row = office.getByTestId("received-feedback-row").filter({ hasText: COMPLAINT });
  await expect(row).toHaveAttribute("data-anonymous", "true");
  await expect(row).toContainText("匿名");
  await expect(row).toContainText("/tasks");
  await expect(row).toContainText("未答复");
  if (SHOTS) await office.screenshot({ path: `${SHOTS}/feedback-received.png`, fullPage: true });
  for (const trace of [DISPLAY, USERNAME, UNIT, "/tasks/24"]) expect(await office.content(), trace).not.toContain(trace);
  // On a phone the list scrolls inside its box; the page does not scroll sideways.
  await office.setViewportSize({ width: 390, height: 844 });
  expect(await office.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await office.setViewportSize({ width: 1280, height: 720 });

  await row.getByRole("link", { name: "答复" }).click();
  await expect(office).toHaveURL(/\/feedback\/received\/\d+$/);
  await expect(office.getByTestId("feedback-body")).toHaveText(COMPLAINT);
  for (const trace of [DISPLAY, USERNAME, UNIT, "/tasks/24"]) expect(await office.content(), trace).not.toContain(trace);
  const answer = office.getByRole("form", { name: "答复意见建议" });
  await answer.getByRole("button", { name: "答复" }).click();
  await expect(answer.locator("#feedback-answer-error")).toHaveText("请填写答复内容");
  await answer.getByLabel("答复内容").fill(ANSWER);
  await answer.getByRole("button", { name: "答复" }).click();
  await expect(office.getByTestId("feedback-answer")).toContainText(ANSWER);
  await expect(office.getByRole("form", { name: "答复意见建议" })).toHaveCount(0);
  if (SHOTS) await office.screenshot({ path: `${SHOTS}/feedback-answered.png`, fullPage: true });
  await officeContext.close();

  // The filer is told, reads the answer, and sees the month's counts.
  await filer.goto("/feedback");
  await expect(filer.getByTestId("unread-badge")).toBeVisible();
  await expect(mine.getByTestId("my-feedback-answer")).toContainText(ANSWER);
  const june = filer.getByTestId("feedback-month").filter({ hasText: "2022年6月" });
  await expect(june).toBeVisible();
  expect(Number(await june.getByTestId("feedback-month-received").textContent())).toBeGreaterThanOrEqual(1);
  expect(Number(await june.getByTestId("feedback-month-answered").textContent())).toBeGreaterThanOrEqual(1);
  if (SHOTS) await filer.screenshot({ path: `${SHOTS}/feedback-mine.png`, fullPage: true });
  await filer.goto("/inbox");
  await expect(filer.getByText("您提交的意见建议已有答复").first()).toBeVisible();
  await filerContext.close();

  // Without JavaScript the same form posts to the server: refused, it comes back with what was typed; sent, to 我的意见建议.
  const plainContext = await browser.newContext({ javaScriptEnabled: false });
  const plain = await plainContext.newPage();
  await signIn(plain, USERNAME, PASSWORD);
  await plain.goto("/tasks/24");
  await plain.getByTestId("feedback-link").click();
  await expect(plain).toHaveURL(/\/feedback\/new\?from=%2Ftasks%2F24$/);
  const plainForm = plain.getByRole("form", { name: "提交意见建议" });
  await plainForm.getByRole("radio", { name: /^建议/ }).check();
  await plainForm.getByLabel("内容").fill("合并表");
  await plainForm.getByRole("button", { name: "提交" }).click();
  await expect(plainForm.getByRole("alert")).toHaveText("意见建议的内容至少 5 个字，请写清楚");
  await expect(plainForm.getByLabel("内容")).toHaveValue("合并表");
  await expect(plainForm.getByRole("radio", { name: /^建议/ })).toBeChecked();
  await plainForm.getByLabel("内容").fill(`建议把月报和半月报合并。${stamp}`);
  await plainForm.getByRole("button", { name: "提交" }).click();
  await expect(plain).toHaveURL(/\/feedback\?sent=1$/);
  await expect(plain.getByTestId("my-feedback-item").filter({ hasText: `建议把月报和半月报合并。${stamp}` })).toContainText("等待答复");
  await plainContext.close();
});
