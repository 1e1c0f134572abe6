/**
 * Notices end to end: the supervision office drafts the period-11 progress circular (6月上半月),
 * edits and publishes it as 督查通报〔2022〕第1期; a unit finds it in its inbox and acknowledges it;
 * the office issues a circulated criticism of that unit; the unit files its rectification and the
 * office accepts it; the DOCX downloads and opens. Clock pinned at 2022-06-20 10:00.
 * The unit is 卫健委 (tasks 54–57 and 61), which no other spec signs in as or criticises: the criticism
 * puts it in the 问责台账, where the follow-up spec expects 交通局 alone to be of its own making.
 */
import { inflateRawSync } from "node:zlib";
import postgres from "postgres";
import { expect, test, userPage } from "./fixtures";

/** word/document.xml out of a DOCX (a zip), to prove the download opens. */
function documentXml(docx: Buffer): string {
  let at = 0;
  while (at < docx.length - 30 && docx.readUInt32LE(at) === 0x04034b50) {
    const method = docx.readUInt16LE(at + 8);
    const size = docx.readUInt32LE(at + 18);
    const nameLength = docx.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + docx.readUInt16LE(at + 28);
    const name = docx.subarray(at + 30, at + 30 + nameLength).toString("utf8");
    const data = docx.subarray(start, start + size);
    if (name === "word/document.xml") return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    at = start + size;
  }
  throw new Error("no word/document.xml in the download");
}

const TITLE = "关于2022年6月上半月重点任务推进情况的通报";

test("progress circular, acknowledgement, criticism, rectification and the DOCX", async ({ browser }) => {
  const office = await userPage(browser, "ducha");

  // 一键起草 the period-11 circular, edit its title, publish it.
  await office.page.goto("/supervision/notices");
  await office.page.getByLabel("半月期").selectOption({ label: "2022年6月上半月" });
  await office.page.getByRole("button", { name: "一键起草" }).click();
  await expect(office.page).toHaveURL(/\/supervision\/notices\/\d+$/);
  await expect(office.page.getByTestId("notice-status")).toHaveText("草稿");
  const editor = office.page.getByRole("form", { name: "编辑通报草稿" });
  // The circular covers the whole plan, which other specs file into (period 11 of their own tasks): the
  // figures must add up to the 71 tasks and agree with the snapshot, whatever ran before.
  const counts = /本期纳入督查的重点任务共71项，其中按时报送(\d+)项，逾期报送(\d+)项，未报送(\d+)项，报告被退回尚未重新报送(\d+)项/;
  await expect(editor.getByLabel("正文")).toHaveValue(counts);
  const [onTime, late, missing, returned] = counts
    .exec(await editor.getByLabel("正文").inputValue())!
    .slice(1)
    .map(Number) as [number, number, number, number];
  expect(onTime + late + missing + returned).toBe(71);
  expect(missing).toBeGreaterThan(60);
  await expect(office.page.getByTestId("snapshot-missing")).toHaveText(String(missing));
  await editor.getByLabel("标题").fill(TITLE);
  await editor.getByRole("button", { name: "保存草稿" }).click();
  await expect(editor.getByText("草稿已保存")).toBeVisible();
  await editor.getByRole("button", { name: "发布", exact: true }).click();
  await editor.getByRole("button", { name: "确认发布" }).click();
  await expect(office.page.getByTestId("notice-status")).toHaveText("督查通报〔2022〕第1期");
  const circularUrl = office.page.url();
  const circularId = circularUrl.split("/").pop()!;
  await expect(office.page.getByRole("article", { name: "通报正文" })).toContainText(TITLE);
  await expect(office.page.getByRole("article", { name: "通报正文" })).toContainText("二〇二二年六月二十日");

  // 卫健委 finds it in its inbox and acknowledges it (the filer signs for the unit).
  const unit = await userPage(browser, "卫健委-填报");
  await unit.page.goto("/notices");
  const row = unit.page.getByTestId("inbox-row").filter({ hasText: "督查通报〔2022〕第1期" });
  await expect(row).toContainText(TITLE);
  await row.getByRole("button", { name: /签收/ }).click();
  await expect(row).toContainText("已签收");
  await office.page.reload();
  await expect(office.page.getByTestId("ack-count")).toContainText("已签收 1 /");
  await expect(office.page.getByTestId("pending-units")).not.toContainText("卫健委");
  await expect(office.page.getByTestId("pending-units")).toContainText("农牧局");

  // The document page and its DOCX.
  await unit.page.goto(`/notices/${circularId}`);
  await expect(unit.page.getByTestId("notice-number")).toHaveText("督查通报〔2022〕第1期");
  await expect(unit.page.getByTestId("ack-state")).toContainText("已签收");
  const [download] = await Promise.all([unit.page.waitForEvent("download"), unit.page.getByRole("link", { name: "下载 DOCX" }).click()]);
  expect(download.suggestedFilename()).toBe(`督查通报〔2022〕第1期${TITLE}.docx`);
  const response = await unit.page.request.get(`/api/notices/${circularId}/docx`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const xml = documentXml(await response.body());
  for (const text of ["鄂托克旗人民政府办公室", "督查通报〔2022〕第1期", TITLE, "二〇二二年六月二十日"]) expect(xml).toContain(text);

  // The office issues a circulated criticism of 卫健委 for period 11.
  await office.page.goto("/supervision/notices/criticism?period=11");
  const form = office.page.getByRole("form", { name: "通报批评" });
  await form.getByRole("checkbox", { name: /^卫健委/ }).check();
  await form.getByRole("button", { name: "起草通报批评" }).click();
  await expect(office.page).toHaveURL(/\/supervision\/notices\/\d+$/);
  const criticismEditor = office.page.getByRole("form", { name: "编辑通报草稿" });
  await expect(criticismEditor.getByLabel("标题")).toHaveValue("关于对卫健委的通报批评");
  await expect(criticismEditor.getByLabel("正文")).toHaveValue(/第54项任务.*应于6月15日 24:00前报送，截至6月20日 10:00仍未报送/);
  await criticismEditor.getByRole("button", { name: "发布", exact: true }).click();
  await criticismEditor.getByRole("button", { name: "确认发布" }).click();
  await expect(office.page.getByTestId("notice-status")).toHaveText("通报批评〔2022〕第1号");
  const criticismUrl = office.page.url();

  // The unit (its head) finds it on its home, as prominent as a returned report, and files the rectification.
  const head = await userPage(browser, "卫健委");
  await head.page.goto("/unit");
  const owed = head.page.getByTestId("owed-rectifications");
  await expect(owed).toContainText("关于对卫健委的通报批评");
  await expect(owed.getByTestId("owed-rectification")).toContainText(/整改报告 \d+月\d+日 24:00 前报送/);
  await expect(owed.getByTestId("signal")).toContainText(/还剩 \d+ 天/);
  await expect(owed.getByRole("link", { name: "填写整改报告" })).toBeVisible();
  await head.page.goto("/rectifications");
  const rectification = head.page.getByTestId("rectification-row").filter({ hasText: "通报批评〔2022〕第1号" });
  await expect(rectification).toContainText("待报送");
  await rectification.getByRole("link").click();
  await head.page
    .getByRole("textbox", { name: "整改报告" })
    .fill("一、已于6月20日补报第54、55项任务进展报告。\n二、建立每周一调度、半月一报告台账，明确专人负责。");
  // The signed, stamped scan goes with it.
  await head.page
    .getByLabel("上传附件")
    .setInputFiles({ name: "整改报告（盖章）.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n% 盖章扫描件\n%%EOF\n") });
  await expect(head.page.getByRole("link", { name: "整改报告（盖章）.pdf" })).toBeVisible();
  await head.page.getByRole("button", { name: "报送整改报告" }).click();
  await expect(head.page.getByTestId("rectification-state")).toHaveText("已报送，待审核");

  // The office accepts it.
  await office.page.goto(criticismUrl);
  const report = office.page.getByRole("article", { name: "卫健委的整改报告" });
  await expect(report).toContainText("建立每周一调度、半月一报告台账");
  const scan = report.getByRole("link", { name: "整改报告（盖章）.pdf" });
  await expect(scan).toBeVisible();
  const scanHref = await scan.getAttribute("href");
  expect((await office.page.request.get(scanHref!)).status()).toBe(200);
  await report.getByRole("button", { name: "通过" }).click();
  await expect(report).toContainText("已通过");
  await head.page.reload();
  await expect(head.page.getByTestId("rectification-state")).toHaveText("已通过");

  // Another unit cannot open that rectification.
  const other = await userPage(browser, "农牧局");
  const rectificationPath = new URL(head.page.url()).pathname;
  const refused = await other.page.goto(rectificationPath);
  expect(refused?.status()).toBe(404);
  expect((await other.page.request.get(scanHref!)).status()).toBe(404);
  await other.close();
  await head.close();
  await unit.close();
  await office.close();
});

test("a unit's notices page by page: 类别 → page 2 → the filter kept → oldest first", async ({ browser }) => {
  const url = process.env.E2E_DATABASE_URL ?? "";
  test.skip(process.env.E2E_DATABASE_KIND === "pglite" || !url, "seeds through a Postgres connection");
  // 25 progress circulars and 5 criticisms of 2021 to 应急管理局 (no other spec signs in as it), a day apart.
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`
      with unit as (select id from units where name = '应急管理局'), plan as (select id from plans order by id limit 1),
      made as (
        insert into notices (plan_id, kind, status, year, number, title, body, created_by, published_at)
        select (select id from plan), case when n <= 25 then 'progress'::notice_kind else 'criticism'::notice_kind end, 'published', 2021,
               case when n <= 25 then n else n - 25 end, '分页测试通报-' || n, '正文', (select id from users where username = 'admin'),
               timestamptz '2021-01-01 09:00+08' + (n || ' days')::interval
        from generate_series(1, 30) as n
        returning id)
      insert into notice_recipients (notice_id, unit_id) select made.id, (select id from unit) from made`;
  } finally {
    await sql.end();
  }
  const unit = await userPage(browser, "应急管理局");
  const page = unit.page;
  await page.goto("/notices");
  // The 30 seeded, and the circulars the first test published to every unit if it ran before (and the
  // 考核结果通报 of the assessment spec, if it ran).
  await expect(page.getByTestId("notice-pending")).toContainText(/未签收 3[0-3] 份/);
  const filter = page.getByRole("form", { name: "筛选通报" });
  await filter.getByLabel("类别").selectOption({ label: "工作进展通报" });
  await filter.getByLabel("年度").selectOption({ label: "2021年" });
  await filter.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/\/notices\?kind=progress&year=2021/);
  await expect(page.getByTestId("pager-summary")).toHaveText("共 25 份");
  await page.getByRole("link", { name: "每页 20 条" }).click();
  await expect(page.getByTestId("pager-summary")).toHaveText("共 25 份，第 1 / 2 页");
  await expect(page.getByTestId("inbox-row")).toHaveCount(20);
  await expect(page.getByTestId("inbox-row").first()).toContainText("分页测试通报-25");
  await page.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/kind=progress&year=2021&page=2&size=20$/);
  await expect(page.getByTestId("pager-summary")).toHaveText("共 25 份，第 2 / 2 页");
  const rows = page.getByTestId("inbox-row");
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: "通报批评" })).toHaveCount(0);
  await expect(rows.last()).toContainText("分页测试通报-1");
  await expect(filter.getByLabel("类别")).toHaveValue("progress");
  await expect(filter.getByLabel("年度")).toHaveValue("2021");
  // Oldest first: back to page 1, the filter and the size kept.
  await page.getByRole("link", { name: "按发布时间升序排列" }).click();
  await expect(page).toHaveURL(/kind=progress&year=2021&size=20&sort=date$/);
  await expect(page.getByTestId("pager-summary")).toHaveText("共 25 份，第 1 / 2 页");
  await expect(rows.first()).toContainText("分页测试通报-1");
  await expect(rows.filter({ hasText: "通报批评" })).toHaveCount(0);
  await unit.close();
});
