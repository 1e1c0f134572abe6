/**
 * Issue 13, finding 6: a file a route handler sends keeps its own Content-Security-Policy
 * (`default-src 'none'; sandbox`) — the proxy's page policy is for pages — while pages still carry
 * the nonce policy. Over HTTP: an attachment download and each of the three exports.
 */
import postgres from "postgres";
import { expect, signIn, test } from "./fixtures";

const FILE_POLICY = "default-src 'none'; sandbox";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.describe.configure({ mode: "serial" });

test("a downloaded attachment carries its own policy, the report page the nonce policy", async ({ page, baseURL }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1, onnotice: () => {} });
  const [task] = await sql<{ id: number }[]>`
    select t.id from tasks t
    join task_units tu on tu.task_id = t.id and tu.role = 'lead'
    join units u on u.id = tu.unit_id
    where u.name = '水利局' order by t.id limit 1`;
  await sql.end();
  expect(task).toBeDefined();

  await signIn(page, "水利局-填报");
  const pageResponse = await page.goto(`/reports/${task!.id}/12`);
  expect(pageResponse?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);

  // A file goes on a saved draft.
  await page.getByLabel("本期工作进展").fill("完成水库除险加固工程初步设计。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("save-status")).toContainText("已保存");

  const upload = await page.request.post(`/api/reports/${task!.id}/12/attachments`, {
    headers: { Origin: baseURL! },
    multipart: { file: { name: "进展材料.pdf", mimeType: "application/pdf", buffer: PDF } },
  });
  expect(upload.status(), await upload.text()).toBe(201);
  const { attachment } = (await upload.json()) as { attachment: { id: number } };

  const download = await page.request.get(`/api/attachments/${attachment.id}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-security-policy"]).toBe(FILE_POLICY);
});

for (const [username, path] of [
  ["水利局", "/api/export/task-list"],
  ["ducha", "/api/export/overview?period=12"],
  ["ducha", "/api/export/indicators"],
] as const) {
  test(`${path} carries its own policy`, async ({ page }) => {
    await signIn(page, username);
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("spreadsheetml");
    expect(response.headers()["content-security-policy"]).toBe(FILE_POLICY);
  });
}

test("pages keep the nonce policy", async ({ page }) => {
  await signIn(page, "ducha");
  const response = await page.goto("/supervision");
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
});
