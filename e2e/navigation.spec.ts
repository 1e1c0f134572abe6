/**
 * The supervision office's header menu: at 1280 px one line (督查首页 and three menus), the current
 * page marked on its link and its group, every former link one click away, and the menus work by
 * keyboard (Enter opens, Escape closes) and close on an outside click. Read-only: owns no data.
 */
import { expect, signIn, test } from "./fixtures";

const OFFICE_LINKS: [string, string][] = [
  ["督查首页", "/supervision"],
  ["进展总览", "/supervision/overview"],
  ["报送矩阵", "/supervision/matrix"],
  ["负担监测", "/supervision/burden"],
  ["目标跟踪", "/indicators"],
  ["任务总表", "/tasks"],
  ["分解表", "/plans"],
  ["督办事项", "/items"],
  ["催办", "/supervision/reminders"],
  ["督查发现", "/supervision/findings"],
  ["通报", "/supervision/notices"],
  ["问责台账", "/supervision/escalations"],
  ["延期与销号", "/supervision/requests"],
  ["全局视图", "/dashboard"],
  ["需协调事项", "/leader/coordination"],
  ["调度记录", "/leader/dispatches"],
];

test("at 1280 px the office's menu is one line, marks the current page and reaches every former link", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, "ducha");
  await page.goto("/supervision/escalations");
  const nav = page.getByRole("navigation", { name: "主导航" });
  const home = nav.getByRole("link", { name: "督查首页" });
  const rowHeight = (await home.boundingBox())!.height;
  const navBox = (await nav.boundingBox())!;
  expect(navBox.height).toBeLessThanOrEqual(rowHeight + 4);
  // The header itself is one row too: 落实, the menu and the account links side by side.
  const header = (await page.getByRole("banner").first().boundingBox())!;
  expect(header.height).toBeLessThan(rowHeight * 2 + 24);
  await page.screenshot({ path: "test-results/navigation-office-1280.png" });

  // The current page: its link inside the open group and the group's button are marked.
  const group = nav.getByRole("button", { name: "通报与问责" });
  await expect(group).toHaveAttribute("data-current", "true");
  await expect(nav.getByRole("button", { name: "督查", exact: true })).not.toHaveAttribute("data-current", "true");
  await group.click();
  await expect(group).toHaveAttribute("aria-expanded", "true");
  const current = nav.locator('[aria-current="page"]');
  await expect(current).toHaveCount(1);
  await expect(current).toHaveText("问责台账");
  await page.screenshot({ path: "test-results/navigation-office-open.png" });

  // Outside click closes.
  await page.getByRole("heading", { level: 1 }).click();
  await expect(group).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "问责台账" })).toBeHidden();

  // Keyboard: Enter opens, Escape closes and gives the focus back.
  await group.focus();
  await page.keyboard.press("Enter");
  await expect(nav.getByRole("link", { name: "催办" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav.getByRole("link", { name: "催办" })).toBeHidden();
  await expect(group).toBeFocused();

  // Every former link is reachable: directly or one click on its group.
  for (const [label, href] of OFFICE_LINKS) {
    let link = nav.getByRole("link", { name: label, exact: true });
    if (!(await link.isVisible())) {
      const owner = nav.locator("div", { has: page.locator(`a[href="${href}"]`) }).getByRole("button");
      await owner.click();
      link = nav.getByRole("link", { name: label, exact: true });
    }
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute("href", href);
    await page.keyboard.press("Escape");
  }

  // A page inside a group: 进展总览 marks itself and 督查.
  await page.goto("/supervision/overview");
  await expect(nav.getByRole("button", { name: "督查", exact: true })).toHaveAttribute("data-current", "true");
  await expect(nav.locator('[aria-current="page"]')).toHaveAttribute("href", "/supervision/overview");
});

test("on a phone (390 px) an open menu stays on the screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await signIn(page, "ducha");
  await page.goto("/supervision");
  const nav = page.getByRole("navigation", { name: "主导航" });
  for (const name of ["督查", "通报与问责", "统计与领导"]) {
    await nav.getByRole("button", { name, exact: true }).click();
    const menu = nav.locator("ul:visible");
    await expect(menu).toHaveCount(1);
    const box = (await menu.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  }
  await page.screenshot({ path: "test-results/navigation-office-phone.png" });
  await context.close();
});
