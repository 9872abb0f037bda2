import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launchBrowser, login, newPage, poll, startApp, type TestApp } from "./support";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("enterprise accounts", () => {
  it("the commerce bureau creates an enterprise user bound to its enterprise, and sees only such accounts", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu");
    await page.getByTestId("side-menu").getByTestId("nav-users").click();
    await page.getByTestId("users-table").waitFor();
    // The bureau's list holds the enterprise users only: the demo's qiye, none of the staff.
    await poll(() => page.getByTestId("users-table").textContent()).toContain("qiye");
    expect(await page.getByTestId("users-table").textContent()).not.toContain("minzheng");

    await page.getByTestId("user-create").click();
    await page.getByTestId("user-form-username").fill("tent.keeper");
    await page.getByTestId("user-form-display-name").fill("帐篷厂 库管");
    await choose(page, "user-form-enterprise", "巴南示例帐篷厂", "帐篷");
    await page.getByTestId("user-form-password").fill("tent-warehouse-2026");
    await page.getByTestId("user-form-ok").click();
    await poll(() => page.getByTestId("users-table").textContent()).toContain("tent.keeper");
    const row = app.row<{ role: string; enterprise: string }>(
      `SELECT u.role, e.name AS enterprise FROM users u JOIN enterprises e ON e.id = u.enterprise_id
       WHERE u.username = 'tent.keeper'`,
    );
    expect(row).toEqual({ role: "enterprise", enterprise: "巴南示例帐篷厂" });
  });

  it("an enterprise user is shown none of the district's pages", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "qiye");
    expect(await page.getByTestId("current-role").textContent()).toBe("企业用户");
    const menu = page.getByTestId("side-menu");
    for (const entry of [
      "nav-home",
      "nav-areas",
      "nav-stock",
      "nav-enterprises",
      "nav-agreements",
      "nav-users",
    ]) {
      expect(await menu.getByTestId(entry).count(), entry).toBe(0);
    }
  });
});
