import postgres from "postgres";
import readXlsxFile from "read-excel-file/node";
import { expect, signIn, test } from "./fixtures";

// This spec's own data: an account the administrator creates through the form, one failed sign-in
// in its name, and 55 report drafts of it written into the log (the log is append-only, so they stay,
// under an account no other spec knows).
const url = process.env.E2E_DATABASE_URL ?? "";
test.skip(process.env.E2E_DATABASE_KIND === "pglite" || !url, "seeds through a Postgres connection");
// Many steps (and four sign-ins in the second test): three times the usual time.
test.slow();

const stamp = Date.now();
const USERNAME = `审计-${stamp}`;
const DISPLAY = `审计测试填报人${stamp}`;

test("the administrator filters the log by an account and an action, pages, opens the details and exports the selection", async ({ page, browser }) => {
  // The account, created through the form (a real user.create row).
  await signIn(page, "admin");
  await page.goto("/admin/users/new");
  const form = page.getByRole("form", { name: "新建账号" });
  await form.getByLabel("用户名").fill(USERNAME);
  await form.getByLabel("显示名称").fill(DISPLAY);
  await form.getByLabel("角色").selectOption({ label: "单位" });
  await form.getByLabel("单位", { exact: true }).selectOption({ label: "交通局" });
  await form.getByLabel("单位内身份").selectOption({ label: "填报人" });
  await form.getByLabel("初始密码").fill("e2e-initial-pass-1");
  await form.getByRole("button", { name: "创建账号" }).click();
  await page.waitForURL(/\/admin\/users\/\d+/);
  const userId = Number(new URL(page.url()).pathname.split("/").pop());

  // Someone guesses its password (a real auth.sign_in_failed, 未登录, the username typed).
  const stranger = await browser.newContext();
  const guess = await stranger.newPage();
  await guess.goto("/login");
  await guess.getByLabel("用户名").fill(USERNAME);
  await guess.getByLabel("密码").fill("not-the-password");
  await guess.getByRole("button", { name: "登录" }).click();
  await expect(guess.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await stranger.close();

  // 55 drafts saved by the account, one a second, the newest on draft 1055.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`insert into audit_log (at, actor_user_id, actor_role, actor_unit_id, action, entity, entity_id, after, ip)
      select now() - make_interval(secs => g), ${userId}, 'unit', (select unit_id from users where id = ${userId}), 'report.save_draft', 'progress_report',
             (1055 - g + 1)::text, jsonb_build_object('progress', '完成路基 ' || g || ' 公里'), '10.20.30.40'
      from generate_series(1, 55) g`;
  } finally {
    await sql.end();
  }

  // 操作日志 is in the administrator's 设置 menu.
  await page.goto("/admin");
  await page.getByRole("button", { name: "设置" }).click();
  await page.getByRole("link", { name: "操作日志" }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("操作日志");

  // The account's events: its drafts and the failed guess in its name.
  await page.getByLabel("用户").selectOption({ label: `${DISPLAY}（${USERNAME}）` });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("audit-total")).toHaveText("共 56 条符合条件的记录，按时间从新到旧排列");
  await page.getByLabel("操作").selectOption({ label: "登录失败" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("audit-total")).toContainText("共 1 条");
  const failed = page.getByTestId("audit-row");
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("未登录");
  await expect(failed).toContainText(`输入的用户名：${USERNAME}`);
  await expect(failed).toContainText("登录失败");

  // Its drafts: 55, 50 on the first page, newest first.
  await page.getByLabel("操作").selectOption({ label: "保存报告草稿" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${userId}&action=report.save_draft`));
  await expect(page.getByTestId("audit-total")).toHaveText("共 55 条符合条件的记录，按时间从新到旧排列");
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(DISPLAY);
  await expect(rows.first()).toContainText("报告 1055");
  await expect(rows.first()).toContainText("10.20.30.40");

  // 详情: before and after, readable.
  await rows.first().getByText("详情").click();
  await expect(rows.first().locator("pre").nth(1)).toHaveText('{\n  "progress": "完成路基 1 公里"\n}');

  // The second page, then back by its number.
  const pager = page.getByRole("navigation", { name: "分页" });
  await pager.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(5);
  await expect(rows.last()).toContainText("报告 1001");
  await expect(pager.getByText("2", { exact: true })).toHaveAttribute("aria-current", "page");
  await pager.getByRole("link", { name: "第 1 页" }).click();
  await expect(page).not.toHaveURL(/page=/);
  await expect(rows).toHaveCount(50);

  // 导出: the same selection, as XLSX.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "导出" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^操作日志_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [sheet] = await readXlsxFile((await download.path())!);
  expect(sheet!.data[0]).toEqual(["时间", "账号", "名称", "角色", "操作", "操作代码", "对象", "对象编号", "IP 地址", "变更前", "变更后"]);
  expect(sheet!.data).toHaveLength(56);
  expect(sheet!.data.slice(1).map((r) => r[7])).toEqual(Array.from({ length: 55 }, (_, i) => String(1055 - i)));
  expect(sheet!.data[1]!.slice(1, 6)).toEqual([USERNAME, DISPLAY, "单位", "保存报告草稿", "report.save_draft"]);

  // The export is in the log too.
  await page.goto("/admin/audit?action=audit.export");
  await expect(page.getByTestId("audit-row").first()).toContainText("导出操作日志");
  await expect(page.getByTestId("audit-row").first()).toContainText("系统管理员");
});

test("the administrator alone finds the page and the export; the office, a leader and a unit find neither", async ({ browser }) => {
  for (const [username, status] of [
    ["admin", 200],
    ["ducha", 404],
    ["张军", 404],
    ["交通局", 404],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, username);
    const response = await page.goto("/admin/audit");
    expect(response!.status(), username).toBe(status);
    await expect(page.getByTestId("audit-total")).toHaveCount(status === 200 ? 1 : 0);
    const exported = await page.request.get("/api/export/audit?user=anonymous&action=group:auth");
    expect(exported.status(), username).toBe(status);
    expect((exported.headers()["content-type"] ?? "").includes("spreadsheetml"), username).toBe(status === 200);
    await context.close();
  }
});
