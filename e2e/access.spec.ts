import { expect, signIn, test } from "./fixtures";

test("a unit opening another unit's page by URL is refused", async ({ page }) => {
  await signIn(page, "交通局");
  // Its own page works…
  await page
    .getByRole("link", { name: /实施农村路网建设300公里/ })
    .first()
    .click();
  await page.getByRole("link", { name: "交通局" }).click();
  await page.waitForURL(/\/units\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("交通局");
  const ownUrl = page.url();
  const ownId = Number(ownUrl.split("/").pop());

  // …another unit's page by id is not found, and shows nothing of it.
  for (const otherId of [ownId + 1, ownId - 1]) {
    const response = await page.goto(`/units/${otherId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("未找到该页面")).toBeVisible();
  }
});

test("a unit cannot open a task that does not concern it, nor the admin pages", async ({ browser, page }) => {
  // The supervision office finds task 2 (招商, led by the development zone).
  const office = await browser.newPage();
  await signIn(office, "ducha");
  await office.goto("/tasks?q=2");
  await office.getByRole("link", { name: /启动重点项目“招商链”/ }).click();
  await office.waitForURL(/\/tasks\/\d+$/);
  const taskUrl = new URL(office.url()).pathname;
  expect(taskUrl).toMatch(/^\/tasks\/\d+$/);
  await office.close();

  await signIn(page, "交通局");
  await page.goto("/tasks?q=%E6%8B%9B%E5%95%86"); // 招商
  await expect(page.getByTestId("task-row")).toHaveCount(0);
  expect((await page.goto(taskUrl))?.status()).toBe(404);
  await expect(page.getByText("启动重点项目")).toHaveCount(0);
  expect((await page.goto("/admin/import"))?.status()).toBe(404);
  expect((await page.goto("/admin/users"))?.status()).toBe(404);
});
