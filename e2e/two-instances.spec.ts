import { expect, SECOND_INSTANCE, signIn, test } from "./fixtures";

test.skip(process.env.E2E_DATABASE_KIND === "pglite", "the embedded database serves one app instance; several instances need Postgres");

test("a session started on one app instance works on the other", async ({ page }) => {
  await signIn(page, "柳天云"); // on the first instance (port 3100)
  await page.goto(`${SECOND_INSTANCE}/leader`);
  await expect(page).toHaveURL(`${SECOND_INSTANCE}/leader`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("柳天云，您好");
  await expect(page.getByTestId("task-count")).toHaveText("22");
});
