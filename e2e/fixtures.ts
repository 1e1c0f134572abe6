/** Shared helpers for the end-to-end tests. */
import { test as base, expect, type Page } from "@playwright/test";

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

export const test = base;
export { expect };
