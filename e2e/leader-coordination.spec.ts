/**
 * The leader's path through coordination and dispatch, at the pinned clock 2022-06-20 10:00
 * (period 12 = 2022年6月下半月). 教体局 leads task 53 (教育硬件设施建设工程, leader 崔婧) and needs its
 * head's sign-off. Other specs do not touch 教体局 or task 53.
 *
 * 1. The filer raises a 需协调事项 in the period-12 report and sends it to the head, who approves.
 * 2. 崔婧 finds it on 需协调事项 (/leader/coordination), gives an instruction (批示).
 * 3. The unit reads the instruction on the task's page.
 * 4. 崔婧 records a dispatch with a follow-up for 教体局; the unit sees it on its home page and closes
 *    it on 调度事项; 崔婧 sees it closed on the printable record. Another unit gets 404 on the record.
 */
import { expect, test, userPage } from "./fixtures";

test.describe.configure({ mode: "serial" });
// Several users in several browser contexts on a shared 2-core machine: give each path room.
test.setTimeout(150_000);

const ASK = "棋盘井第五小学建设用地需自然资源局协调办理划拨手续";
const INSTRUCTION = "请自然资源局6月底前办结划拨手续，教体局做好对接";
const FOLLOW_UP = "6月30日前完成第五小学用地划拨";
const SCRIPT = "<img src=x onerror=alert(1)>";

test("a unit raises a coordination request; the leader answers it; the unit reads the answer", async ({ browser }) => {
  // The filer writes the report with a 需协调事项 and sends it to the head.
  const filer = await userPage(browser, "教体局-填报");
  await filer.page.goto("/reports/53/12");
  await expect(filer.page.getByText("2022年6月下半月")).toBeVisible();
  const form = filer.page.getByRole("form", { name: "进展报告" });
  await form.getByLabel("本期工作进展").fill("棋盘井第四小学主体完工，第五小学完成设计招标。");
  await form.getByLabel("完成进度").fill("45");
  await form.getByRole("radio", { name: "正常推进" }).check();
  await form.getByLabel("需协调事项").fill(ASK);
  await form.getByRole("button", { name: "提交单位负责人审阅" }).click();
  await expect(filer.page.getByTestId("report-state")).toHaveText("待负责人审阅");

  // Not yet submitted: the leader has nothing to answer.
  const leader = await userPage(browser, "崔婧");
  // The page's old address (/leader/requests) still leads to it.
  await leader.page.goto("/leader/requests");
  await expect(leader.page).toHaveURL(/\/leader\/coordination$/);
  await expect(leader.page.getByRole("heading", { level: 1, name: "需协调事项" })).toBeVisible();
  await expect(leader.page.getByTestId("coordination-request")).toHaveCount(0);

  // The head signs off: the submission that counts raises the request.
  const head = await userPage(browser, "教体局");
  await head.page.goto("/reports/53/12");
  await head.page.getByRole("button", { name: "同意报送" }).click();
  await expect(head.page.getByTestId("report-state")).toHaveText("已报送");
  await head.close();

  // 崔婧: the request in her inbox — unit, task, period, content, its age — and she answers it.
  await leader.page.reload();
  const card = leader.page.getByTestId("coordination-request");
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("data-status", "open");
  await expect(card.getByTestId("coordination-unit")).toHaveText("教体局");
  await expect(card).toContainText("第 53 项");
  await expect(card).toContainText("2022年6月下半月");
  await expect(card.getByTestId("coordination-content")).toHaveText(ASK);
  await expect(card.getByTestId("coordination-age")).toHaveText("今天提出");
  await card.getByLabel(/批示意见/).fill(INSTRUCTION);
  await card.getByRole("button", { name: "批示", exact: true }).click();
  await expect(card).toHaveAttribute("data-status", "answered");
  await expect(card.getByTestId("coordination-reply")).toContainText(INSTRUCTION);
  await expect(card.getByTestId("coordination-reply")).toContainText("崔婧批示");

  // The unit reads the instruction on its task and replies (情况反馈); markup stays text.
  await filer.page.goto("/tasks/53");
  const section = filer.page.getByTestId("task-coordination");
  await expect(section.getByTestId("coordination-content")).toHaveText(ASK);
  await expect(section.getByTestId("coordination-reply")).toContainText(INSTRUCTION);
  await expect(section.getByRole("button", { name: "批示", exact: true })).toHaveCount(0);
  await section.getByLabel(/情况反馈/).fill(`已与自然资源局对接 ${SCRIPT}`);
  await section.getByRole("button", { name: "提交情况反馈" }).click();
  await expect(section.getByTestId("coordination-reply")).toHaveCount(2);
  await expect(section.getByText(`已与自然资源局对接 ${SCRIPT}`)).toBeVisible();

  // The leader sees the thread grow.
  await leader.page.reload();
  await expect(leader.page.getByTestId("coordination-reply")).toHaveCount(2);
  expect([...filer.dialogs, ...leader.dialogs]).toEqual([]);
  await filer.close();
  await leader.close();
});

test("the leader records a dispatch with a follow-up; the unit closes it; the leader sees it closed", async ({ browser }) => {
  const leader = await userPage(browser, "崔婧");
  await leader.page.goto("/leader/dispatches");
  await leader.page.getByRole("link", { name: "记录调度" }).click();
  await expect(leader.page).toHaveURL(/\/leader\/dispatches\/new$/);
  const form = leader.page.getByRole("form", { name: "记录调度" });
  await expect(form.getByLabel("调度日期")).toHaveValue("2022-06-20");
  await form.getByLabel("地点").fill("旗政府三楼会议室");
  // Only her own tasks are offered.
  await expect(form.getByLabel("第 24 项")).toHaveCount(0);
  await form.getByLabel("第 53 项").check();
  // The task's lead and cooperating units come to the meeting ticked (教体局 among them).
  const suggested = form.getByTestId("suggested-units");
  await expect(suggested.getByLabel("教体局")).toBeChecked();
  const attendees = (await suggested.locator("label").allInnerTexts()).map((t) => t.trim());
  expect(attendees.length).toBeGreaterThan(0);
  for (let i = 0; i < attendees.length; i++) await expect(suggested.getByRole("checkbox").nth(i)).toBeChecked();
  await form.getByLabel("其他参会人员").fill("旗政府办副主任");
  await form.getByLabel("存在问题").fill("第五小学建设用地划拨手续滞后");
  await form.getByLabel("议定事项").fill("自然资源局6月底前办结划拨；教体局同步推进施工准备");
  await form.getByRole("button", { name: "＋ 添加调度事项" }).click();
  await form.getByLabel("调度事项 1").fill(FOLLOW_UP);
  await form.getByLabel("责任单位").selectOption({ label: "教体局" });
  await form.getByLabel("办结时限").fill("2022-06-30");
  await form.getByRole("button", { name: "保存调度记录" }).click();

  // The printable minutes.
  await expect(leader.page).toHaveURL(/\/leader\/dispatches\/\d+$/);
  const recordUrl = new URL(leader.page.url()).pathname;
  const record = leader.page.getByTestId("dispatch-record");
  await expect(record.getByRole("heading", { name: "调度会议纪要" })).toBeVisible();
  await expect(record).toContainText("2022年6月20日");
  await expect(record).toContainText("崔婧");
  for (const name of attendees) await expect(record).toContainText(name);
  await expect(record).toContainText("；旗政府办副主任");
  await expect(record.getByTestId("dispatch-task")).toContainText("53.");
  await expect(record.getByTestId("dispatch-follow-up")).toHaveAttribute("data-status", "open");
  await expect(leader.page.getByRole("button", { name: "打印" })).toBeVisible();

  // Another unit cannot read it.
  const other = await userPage(browser, "交通局");
  const response = await other.page.goto(recordUrl);
  expect(response?.status()).toBe(404);
  await other.close();

  // 教体局: the follow-up on its home page, closed on 调度事项 with a note.
  const unit = await userPage(browser, "教体局");
  await unit.page.goto("/unit");
  await expect(unit.page.getByTestId("open-follow-ups")).toContainText(FOLLOW_UP);
  await unit.page.getByRole("link", { name: "到调度事项中办结" }).click();
  const item = unit.page.getByTestId("follow-up-item").filter({ hasText: FOLLOW_UP });
  await expect(item.getByTestId("follow-up-status")).toHaveText(/办理中 · 还剩 10 天/);
  await item.getByLabel("办结说明").fill("划拨手续已办结，6月25日取得批复");
  await item.getByRole("button", { name: "办结" }).click();
  await expect(unit.page.getByRole("heading", { name: "已办结（1）" })).toBeVisible();
  await expect(item.getByTestId("follow-up-status")).toHaveText("已办结");
  await unit.page.goto("/unit");
  await expect(unit.page.getByTestId("open-follow-ups")).toHaveCount(0);

  // The leader sees it closed, with the note, on the record and in the list.
  await leader.page.reload();
  await expect(record.getByTestId("dispatch-follow-up")).toHaveAttribute("data-status", "closed");
  await expect(record.getByTestId("closing-note")).toHaveText("划拨手续已办结，6月25日取得批复");
  await leader.page.goto("/leader/dispatches");
  await expect(leader.page.getByTestId("dispatch-row").first()).toContainText("均已办结");
  expect([...leader.dialogs, ...unit.dialogs]).toEqual([]);
  await leader.close();
  await unit.close();
});
