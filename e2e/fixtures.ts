/** Shared helpers for the end-to-end tests. */
import { test as base, type Browser, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Luoshi@2022";
export const SECOND_INSTANCE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

/** Signs in through the real sign-in form. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Records every alert/confirm/prompt and dismisses it: markup typed into a form must never run. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** A signed-in user in a browser context of their own (several users side by side in one test). */
export async function userPage(browser: Browser, username: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = watchDialogs(page);
  await signIn(page, username);
  return { page, dialogs, close: () => context.close() };
}

export const test = base;
export { expect };
