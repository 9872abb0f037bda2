import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  choose,
  chooseOption,
  fieldError,
  launchBrowser,
  login,
  newPage,
  pickDate,
  poll,
  refusedSave,
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

const TENTS = "巴南示例帐篷厂";
const SITE = { code: "QY77", name: "帐篷厂界石新仓" };

/** A date in the district's time zone, `days` from today, as the date pickers take it. */
function districtDate(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Uncaught errors and console errors of the page from now on: every form story must end with none. */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} ${message.location().url}`);
  });
  return errors;
}

/** The texts of the options an open antd Select lists. */
async function optionsOf(page: Page, testId: string): Promise<string[]> {
  await page.getByTestId(testId).click();
  const list = `${await page.getByTestId(testId).locator("input").getAttribute("id")}_list`;
  const open = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden):has([id="${list}"])`);
  await open.waitFor();
  const texts = await open.locator(".ant-select-item-option").allTextContents();
  await page.keyboard.press("Escape");
  return texts;
}

const modalGone = (page: Page, okTestId: string) => poll(() => page.getByTestId(okTestId).count()).toBe(0);

describe("forms that never block or crash", () => {
  it("the commerce bureau adds a partner's site and finds it in a new agreement at once; empty forms say what is required", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu");
    const errors = pageErrors(page);
    const tents = app.row<{ id: number }>("SELECT id FROM enterprises WHERE name = ?", TENTS);
    await page.goto(new URL(`/enterprises/${tents.id}`, app.url).href);
    await page.getByTestId("enterprise-detail-name").waitFor();

    // The agreement form's site list is loaded (and cached) before the site exists.
    await page.getByTestId("enterprise-new-agreement").click();
    expect((await optionsOf(page, "agreement-line-0-warehouse")).join()).not.toContain(SITE.code);
    await page.getByRole("button", { name: "取 消" }).click();
    await modalGone(page, "agreement-form-ok");

    await page.getByTestId("enterprise-tab-warehouses").click();
    await page.getByTestId("enterprise-site-add").click();
    // Prefilled as a site of this enterprise, operated by it; code and name are asked for.
    expect(await page.getByTestId("warehouse-form-kind").textContent()).toContain("企业代储点");
    expect(await page.getByTestId("warehouse-form-enterprise").textContent()).toContain(TENTS);
    await refusedSave(page, "warehouse-form-ok", "warehouse-form-code");
    expect(await fieldError(page, "warehouse-form-name").textContent()).toBeTruthy();
    const required = page.locator(".ant-modal .ant-form-item-required");
    expect(await required.allTextContents()).toEqual(
      expect.arrayContaining(["编码", "名称", "类型", "所属单位", "所在镇街", "所属企业"]),
    );
    // An optional field carries no required mark.
    expect(await required.allTextContents()).not.toContain("地址");

    await page.getByTestId("warehouse-form-code").fill(SITE.code);
    await page.getByTestId("warehouse-form-name").fill(SITE.name);
    await chooseOption(page, "warehouse-form-township", "界石镇", { search: "界石" });
    await page.getByTestId("warehouse-form-ok").click();
    await modalGone(page, "warehouse-form-ok");
    await page.getByTestId("enterprise-warehouses").getByText(SITE.name).waitFor();
    const site = app.row<{ id: number; kind: string; enterpriseId: number; organisation: string }>(
      "SELECT id, kind, enterprise_id AS enterpriseId, organisation FROM warehouses WHERE code = ?",
      SITE.code,
    );
    expect(site).toMatchObject({ kind: "enterprise", enterpriseId: tents.id, organisation: TENTS });

    // No reload: the new agreement offers the new site.
    await page.getByTestId("enterprise-new-agreement").click();
    await poll(async () => (await optionsOf(page, "agreement-line-0-warehouse")).join()).toContain(
      `${SITE.code} ${SITE.name}`,
    );
    // Saved empty: every required field says so, nothing reaches the page as an error.
    await refusedSave(page, "agreement-form-ok", "agreement-form-number");
    await fieldError(page, "agreement-line-0-item").waitFor();
    await fieldError(page, "agreement-form-start").waitFor();

    await page.getByTestId("agreement-form-number").fill("BNSW-XY-2026-177");
    await pickDate(page, "agreement-form-start", districtDate());
    await pickDate(page, "agreement-form-end", districtDate(365));
    await choose(page, "agreement-line-0-item", "ZP-12", "ZP-12");
    await page.getByTestId("agreement-line-0-quantity").fill("300");
    await chooseOption(page, "agreement-line-0-warehouse", `${SITE.code} ${SITE.name}`);
    // A second line added and left blank is dropped on save, not flagged.
    await page.getByTestId("agreement-line-add").click();
    await page.getByTestId("agreement-line-1").waitFor();
    await page.getByTestId("agreement-form-ok").click();
    await modalGone(page, "agreement-form-ok");
    const lines = app.rows<{ warehouseId: number }>(
      "SELECT l.warehouse_id AS warehouseId FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id WHERE a.number = ?",
      "BNSW-XY-2026-177",
    );
    expect(lines).toEqual([{ warehouseId: site.id }]);

    // The enterprise form: a contact row added and left blank does not stop the save.
    const contactsBefore = app.rows("SELECT id FROM enterprise_contacts WHERE enterprise_id = ?", tents.id);
    await page.getByTestId("enterprise-tab-info").click();
    await page.getByTestId("enterprise-detail-edit").click();
    await page.getByTestId("contact-add").click();
    await page.getByTestId("enterprise-form-ok").click();
    await modalGone(page, "enterprise-form-ok");
    expect(app.rows("SELECT id FROM enterprise_contacts WHERE enterprise_id = ?", tents.id)).toHaveLength(
      contactsBefore.length,
    );
    expect(errors).toEqual([]);
  });

  it("the administrator saves a warehouse with its optional fields empty, an item with an empty pack row and an incident with an empty area row", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "admin");
    const errors = pageErrors(page);

    await page.goto(new URL("/warehouses", app.url).href);
    await page.getByTestId("warehouse-create").click();
    await refusedSave(page, "warehouse-form-ok", "warehouse-form-township");
    await page.getByTestId("warehouse-form-code").fill("ZD77");
    await page.getByTestId("warehouse-form-name").fill("界石镇第二储备点");
    await page.locator("#warehouse_organisation").fill("界石镇人民政府");
    await chooseOption(page, "warehouse-form-township", "界石镇", { search: "界石" });
    await page.getByTestId("warehouse-form-ok").click();
    await modalGone(page, "warehouse-form-ok");
    expect(
      app.row("SELECT kind, address, capacity_m3 AS m3, manager FROM warehouses WHERE code = 'ZD77'"),
    ).toEqual({ kind: "township_point", address: "", m3: null, manager: "" });

    await page.goto(new URL("/catalog", app.url).href);
    await page.getByTestId("item-create").click();
    // Saved empty, the dialog scrolls to the first refused field and nothing reaches the page.
    await refusedSave(page, "item-form-ok", "item-form-code");
    await page.getByTestId("item-form-code").fill("ZD-77");
    await page.getByTestId("item-form-name").fill("折叠水桶");
    await choose(page, "item-form-category", "其他");
    await page.getByTestId("item-form-base-unit").fill("个");
    await page.getByTestId("pack-add").click();
    await page.getByTestId("pack-0-name").waitFor();
    await page.getByTestId("item-form-ok").click();
    await modalGone(page, "item-form-ok");
    const item = app.row<{ id: number }>("SELECT id FROM items WHERE code = 'ZD-77'");
    expect(app.rows("SELECT id FROM item_packs WHERE item_id = ?", item.id)).toEqual([]);

    // A new incident: its required area columns are marked; an area row added and left blank is dropped.
    await page.goto(new URL("/incidents", app.url).href);
    await page.getByTestId("incident-create").click();
    await refusedSave(page, "incident-form-ok", "incident-form-title");
    // Township, affected and relocated: each column marked required, each cell of the first row refused.
    expect(await page.locator(".ant-modal .required-title").count()).toBe(3);
    await poll(() =>
      page.getByTestId("incident-area-rows").locator(".ant-form-item-explain-error").count(),
    ).toBe(3);
    await page.getByTestId("incident-form-title").fill("表单演示洪涝");
    await chooseOption(page, "incident-area-township-0", "木洞镇", { search: "木洞" });
    await page.getByTestId("incident-area-affected-0").fill("600");
    await page.getByTestId("incident-area-relocated-0").fill("180");
    await page.getByTestId("incident-area-add").click();
    await page.getByTestId("incident-area-township-1").waitFor();
    await page.getByTestId("incident-form-ok").click();
    await page.waitForURL((url) => /^\/incidents\/\d+$/.test(url.pathname));
    expect(
      app.rows(
        "SELECT a.area_id FROM incident_report_areas a JOIN incident_reports r ON r.id = a.report_id JOIN incidents i ON i.id = r.incident_id WHERE i.title = '表单演示洪涝'",
      ),
    ).toHaveLength(1);

    // Other dialogs, saved empty: their required fields say so.
    for (const [path, open, ok, field] of [
      ["/users", "user-create", "user-form-ok", "user-form-username"],
      ["/shelters", "shelter-create", "shelter-form-ok", "shelter-form-name"],
      ["/vehicles", "vehicle-create", "vehicle-form-ok", "vehicle-form-plate"],
    ] as const) {
      await page.goto(new URL(path, app.url).href);
      await page.getByTestId(open).click();
      await page.getByTestId(ok).click();
      await fieldError(page, field).waitFor();
      await page.getByRole("button", { name: "取 消" }).click();
      await modalGone(page, ok);
    }
    expect(errors).toEqual([]);
  });
});
