import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  fieldError,
  launchBrowser,
  login,
  newPage,
  poll,
  screenshot,
  startApp,
  type TestApp,
} from "./support";

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

const NAME = "重庆巴南粮油食品有限公司";
const BAD_CODE = "91350100M000100Y44";
const GOOD_CODE = "91350100M000100Y43";

const enterpriseRow = (page: Page, code: string) =>
  page.locator(`tr[data-testid="enterprise-row"][data-code="${code}"]`);

describe("企业", () => {
  it("the commerce bureau registers an enterprise, is told which position of the credit code is wrong, then saves", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu");
    expect(await page.getByTestId("current-role").textContent()).toBe("商务");

    await page.getByTestId("side-menu").getByTestId("nav-enterprises").click();
    await page.waitForURL((url) => url.pathname === "/enterprises");
    await page.getByTestId("enterprises-table").waitFor();
    // The demo register (fixtures/banan/commerce.json) is there from the start.
    await page.getByTestId("enterprise-row").first().waitFor();
    const seeded = await page.getByTestId("enterprise-row").count();
    expect(await enterpriseRow(page, GOOD_CODE).count()).toBe(0);

    await page.getByTestId("enterprise-create").click();
    await page.getByTestId("enterprise-form-name").fill(NAME);
    // Typed in lower case: the field turns it into capitals.
    await page.getByTestId("enterprise-form-code").fill(BAD_CODE.toLowerCase());
    expect(await page.getByTestId("enterprise-form-code").inputValue()).toBe(BAD_CODE);
    // Checked as it is typed, with the server's own message, before any save.
    const codeError = fieldError(page, "enterprise-form-code");
    await codeError.waitFor();
    expect(await codeError.textContent()).toContain("第 18 位应为“3”");
    await chooseOption(page, "enterprise-form-township", "莲花街道", { search: "莲花" });
    await page.getByTestId("enterprise-form-key").click();
    await page.getByTestId("contact-0-name").fill("张伟");
    await page.getByTestId("contact-0-role").fill("总经理");
    await page.getByTestId("contact-0-mobile").fill("13800138000");
    // A second contact row left blank is dropped on save, never an error.
    await page.getByTestId("contact-add").click();
    await page.getByTestId("contact-1-name").waitFor();
    await page.getByTestId("enterprise-form-ok").click();

    // The refused save keeps the check beside the field, in Chinese, and writes nothing.
    expect(await codeError.textContent()).toContain("校验位错误");
    expect(await codeError.textContent()).toContain("第 18 位应为“3”");
    expect(await enterpriseRow(page, BAD_CODE).count()).toBe(0);

    await page.getByTestId("enterprise-form-code").fill(GOOD_CODE);
    await page.getByTestId("enterprise-form-ok").click();
    const row = enterpriseRow(page, GOOD_CODE);
    await row.waitFor();
    expect(await page.getByTestId("enterprise-form-ok").count()).toBe(0);
    expect(await row.getByTestId("enterprise-name").textContent()).toBe(NAME);
    expect(await row.getByTestId("enterprise-code").textContent()).toBe(GOOD_CODE);
    expect(await row.getByTestId("enterprise-key").count()).toBe(1);
    expect(await row.getByTestId("enterprise-kind-manufacturer").textContent()).toBe("生产企业");
    expect(await row.getByTestId("enterprise-township").textContent()).toBe("莲花街道");
    expect(await row.getByTestId("enterprise-status-active").textContent()).toBe("正常");
    const contact = (await row.getByTestId("enterprise-contact").textContent()) ?? "";
    expect(contact).toContain("张伟");
    expect(contact).toContain("13800138000");

    // Search by a part of the code (the server searches when Enter is pressed), and the kind filter.
    const search = async (text: string) => {
      await page.getByTestId("enterprises-search").locator("input").fill(text);
      await page.getByTestId("enterprises-search").locator("input").press("Enter");
    };
    await search("m000100");
    await poll(() => page.getByTestId("enterprise-row").count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("search")).toBe("m000100");
    await search("不存在");
    await poll(() => page.getByTestId("enterprise-row").count()).toBe(0);
    await search("");
    await poll(() => page.getByTestId("enterprise-row").count()).toBe(seeded + 1);
    await page.getByTestId("enterprises-kind-filter").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "物流企业" }).click();
    await poll(() => row.count()).toBe(0);
    const logistics = await page.getByTestId("enterprise-row").count();
    expect(await page.getByTestId("enterprise-kind-logistics").count()).toBe(logistics);
    await page.getByTestId("enterprises-kind-filter").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "生产企业" }).click();
    await row.waitFor();
    const manufacturers = await page.getByTestId("enterprise-row").count();
    expect(await page.getByTestId("enterprise-kind-manufacturer").count()).toBe(manufacturers);
    // A new enterprise has no credit history: not yet rated (no grade, no points), no agreements yet.
    expect(await row.getByTestId("enterprise-grade").textContent()).toBe("未评级");
    expect(await row.getByTestId("enterprise-in-force").textContent()).toBe("0");

    await page.keyboard.press("Escape");
    await page.locator(".ant-select-dropdown:visible").waitFor({ state: "hidden" });
    await screenshot(page, "enterprises.png");
    await page.context().close();
  });

  it("a leader reads the register but gets no create or edit button", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "lingdao");
    expect(await page.getByTestId("current-role").textContent()).toBe("领导");
    await page.getByTestId("side-menu").getByTestId("nav-enterprises").click();
    await enterpriseRow(page, GOOD_CODE).waitFor();
    expect(await page.getByTestId("enterprise-create").count()).toBe(0);
    expect(await page.locator('[data-testid^="enterprise-edit-"]').count()).toBe(0);
    await page.context().close();
  });
});
