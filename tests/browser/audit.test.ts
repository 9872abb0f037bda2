import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, startApp, type TestApp } from "./support";

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

describe("审计日志", () => {
  it("an administrator filters the log; the filter lives in the address and survives a reload", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "admin", "/audit");
    const codes = page.getByTestId("audit-table").locator("tbody tr.ant-table-row .audit-code");
    await codes.first().waitFor();

    await page.getByTestId("audit-filter-action").locator("input").first().fill("auth.");
    await page.getByTestId("audit-search").click();
    await page.waitForURL((url) => url.searchParams.get("action") === "auth.");
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="audit-table"] tbody tr.ant-table-row')].every((tr) =>
        tr.textContent?.includes("auth."),
      ),
    );
    expect(await codes.count()).toBeGreaterThan(0);

    await page.reload();
    await codes.first().waitFor();
    expect(new URL(page.url()).searchParams.get("action")).toBe("auth.");
    expect(await page.getByTestId("audit-filter-action").locator("input").first().inputValue()).toBe("auth.");
    // A list without sort columns keeps neither sort nor order in its address.
    expect([...new URL(page.url()).searchParams.keys()]).toEqual(["action"]);
  });
});
