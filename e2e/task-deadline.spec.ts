/**
 * 完成时限 in the browser, at the pinned clock 2022-06-20 10:00. Task 70 (新增通讯网络站点50处以上,
 * leader 刘锐, lead unit 工信和科技局; no other spec uses it) has none, so its 序时进度 counts to the
 * year's end. The administrator first types words the server cannot read (refused, the words stay),
 * then 「6月底前」: the task page shows 2022年6月30日（6月底前）, the task table 6月30日. 刘锐's
 * dashboard then measures the task to 30 June: 170 days 10 hours of 181 = 94.2%.
 */
import { expect, signIn, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const TASK = 70;

test("the administrator sets task 70's 完成时限 to 6月底前", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`/tasks/${TASK}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("新增通讯网络站点50处以上");
  await expect(page.getByTestId("task-number")).toHaveText(String(TASK));
  await expect(page.getByTestId("task-leaders")).toHaveText("刘锐");
  await expect(page.getByTestId("task-deadline")).toHaveText("未设定（按年底计）");

  const form = page.getByRole("form", { name: "完成时限" });
  await expect(form.getByRole("radio", { name: "按文件写法" })).toBeChecked();
  const words = form.getByRole("textbox", { name: "完成时限" });

  // Words nobody can date: refused with a clear message, and what was typed stays.
  await words.fill("等上级通知");
  await expect(form.getByTestId("deadline-preview")).toHaveText("无法识别这种写法");
  await form.getByRole("button", { name: "保存完成时限" }).click();
  await expect(form.getByRole("alert")).toContainText("无法识别完成时限「等上级通知」");
  await expect(words).toHaveValue("等上级通知");
  await expect(page.getByTestId("task-deadline")).toHaveText("未设定（按年底计）");

  await words.fill("6月底前");
  await expect(form.getByTestId("deadline-preview")).toHaveText("将记为：2022年6月30日（6月底前）");
  await form.getByRole("button", { name: "保存完成时限" }).click();
  await expect(form.getByRole("status")).toHaveText("已保存完成时限：2022年6月30日（6月底前）");
  await expect(page.getByTestId("task-deadline")).toHaveText("2022年6月30日（6月底前）");

  // Stored, not just shown: after a reload, and in the task table's short form.
  await page.reload();
  await expect(page.getByTestId("task-deadline")).toHaveText("2022年6月30日（6月底前）");
  await expect(page.getByRole("form", { name: "完成时限" }).getByRole("textbox", { name: "完成时限" })).toHaveValue("6月底前");
  await page.goto("/tasks?q=通讯网络站点");
  const row = page.getByTestId("task-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("task-deadline")).toHaveText("6月30日");
});

test("刘锐's dashboard measures task 70 against 30 June: 序时进度 94.2%", async ({ page }) => {
  await signIn(page, "刘锐");
  await expect(page).toHaveURL(/\/leader$/);
  await page
    .getByTestId("dashboard-tabs")
    .getByRole("link", { name: /全部任务/ })
    .click();
  const card = page.locator(`[data-testid="dashboard-task"][data-task="${TASK}"]`);
  await expect(card.getByTestId("task-link")).toContainText("新增通讯网络站点50处以上");
  await expect(card.getByTestId("expected")).toHaveText("94.2%");
  // The leader sees the 完成时限 on the task page, but may not change it.
  await card.getByTestId("task-link").click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${TASK}$`));
  await expect(page.getByTestId("task-deadline")).toHaveText("2022年6月30日（6月底前）");
  await expect(page.getByRole("form", { name: "完成时限" })).toHaveCount(0);
});
