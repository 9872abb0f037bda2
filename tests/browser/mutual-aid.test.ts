import { LENDABLE_HEADERS } from "@relief/sheets";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import {
  choose,
  launchBrowser,
  login,
  newPage,
  pickDate,
  poll,
  printCount,
  settle,
  startApp,
  stubPrint,
  type TestApp,
  XLSX_MIME,
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

const TENT = "ZP-12";

/** An instant as the district's wall clock shows it, minutes only: how pickers take it and pages show it. */
const districtClock = (ms: number) =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

type Coverage = {
  headline: { peopleCovered: number };
  categories: Array<{
    code: string;
    governmentQuantity: number;
    peopleCovered: number;
    loanQuantity: number;
  }>;
};

/** The figures coverage counts: the headline and each category's own stock and people, not the loans beside. */
const counted = (c: Coverage) => ({
  headline: c.headline.peopleCovered,
  categories: c.categories.map((x) => [x.code, x.governmentQuantity, x.peopleCovered]),
});
const onLoan = (c: Coverage) => c.categories.reduce((sum, x) => sum + x.loanQuantity, 0);

describe("mutual aid: a shortfall of tents answered by 南岸区", () => {
  it("asks from the incident page, plans the promised tents from the entry point, receives them apart from coverage", async () => {
    const page: Page = await newPage(browser);
    await login(page, app.url, "diaodu");
    // 9,000 relocated need 3,000 tents: the district holds 1,800, so the plan leaves tents short.
    const township = app.row<{ id: number }>("SELECT id FROM areas WHERE name = '李家沱街道'").id;
    const incident = await app.mutate<{ id: number }>(page, "incidents.create", {
      type: "flood",
      title: "互助演示洪涝",
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      areas: [{ areaId: township, affected: 12_000, relocated: 9_000 }],
    });
    await app.mutate(page, "dispatch.plan", { incidentId: incident.id });

    // The request from the incident's page: the draft brings the unmet needs; only the tents are asked of 南岸区.
    await page.goto(new URL(`/incidents/${incident.id}`, app.url).href);
    await page.getByTestId("aid-request-new").click();
    await page.getByTestId("aid-draft-note").waitFor();
    await poll(() => page.locator(`[data-testid^="aid-line-"][data-item="${TENT}"]`).count()).toBe(1);
    await poll(() => page.getByTestId("aid-suggested").textContent()).toContain("南岸区");
    for (;;) {
      const other = page.locator(`[data-testid^="aid-line-"][data-item]:not([data-item="${TENT}"])`).first();
      if ((await other.count()) === 0) break;
      await other.locator('[data-testid$="-remove"]').click();
    }
    await page.getByTestId("aid-line-0-quantity").fill("200");
    await choose(page, "aid-neighbour", "南岸区", "南岸");
    await page.getByTestId("aid-request-ok").click();
    await page.getByTestId("aid-page").waitFor();
    const requestId = Number(new URL(page.url()).pathname.split("/").at(-1));
    const request = app.row<{ number: string; status: string }>(
      "SELECT number, status FROM aid_requests WHERE id = ?",
      requestId,
    );
    expect(request.status).toBe("open");
    expect(
      app.rows(
        "SELECT i.code, l.quantity FROM aid_request_lines l JOIN items i ON i.id = l.item_id WHERE request_id = ?",
        requestId,
      ),
    ).toEqual([{ code: TENT, quantity: 200 }]);

    // The reply: 200 tents at the entry point two hours from now, on two of 南岸区's trucks.
    const promised = Math.ceil((Date.now() + 2 * 3_600_000) / 60_000) * 60_000;
    await page.getByTestId("aid-reply").click();
    await pickDate(page, "aid-reply-arrive", districtClock(promised));
    await page.getByTestId("aid-truck-0-plate").fill("渝B12345");
    await page.getByTestId("aid-truck-0-driver").fill("陈师傅");
    await page.getByTestId("aid-truck-add").click();
    await page.getByTestId("aid-truck-1-plate").fill("渝B54321");
    await page.getByTestId("aid-reply-ok").click();
    await poll(() => page.getByTestId("aid-page-promised").textContent()).toBe(districtClock(promised));
    await poll(() => page.getByTestId("aid-status").getAttribute("data-value")).toBe("promised");
    expect(await page.getByTestId("aid-line-promised").getAttribute("data-value")).toBe("200");

    // The re-plan delivers tents from the entry point on the neighbour's trucks, none before the promised time.
    await page.goto(new URL(`/incidents/${incident.id}/plan`, app.url).href);
    await page.getByTestId("plan-run").click();
    const trips = page.getByTestId("plan-aid-trip");
    await trips.first().waitFor({ timeout: 120_000 });
    await settle(page);
    const departures = await trips.evaluateAll((rows) =>
      rows.map((r) => r.getAttribute("data-depart") ?? ""),
    );
    expect(departures.length).toBeGreaterThan(0);
    for (const depart of departures) expect(Date.parse(depart)).toBeGreaterThanOrEqual(promised);
    expect(await page.getByTestId("plan-aid-neighbour").first().textContent()).toBe("南岸区");
    expect(await trips.first().getAttribute("data-promised")).toBe(new Date(promised).toISOString());
    await page.context().close();

    // The tents arrive and a keeper books them into QJ01: loan stock, which coverage never counts.
    const keeper = await newPage(browser);
    await stubPrint(keeper);
    await login(keeper, app.url, "admin", `/aid/${requestId}`);
    const before = await app.query<Coverage>(keeper, "coverage.summary", {});
    await keeper.getByTestId("aid-receive").click();
    await choose(keeper, "aid-move-warehouse", "QJ01", "QJ01");
    await keeper.getByTestId("aid-move-line-0-lot").fill("NA-TENT-2026");
    await keeper.getByTestId("aid-move-ok").click();
    await poll(() => keeper.getByTestId("aid-status").getAttribute("data-value")).toBe("closed");
    expect(await keeper.getByTestId("aid-line-delivered").getAttribute("data-value")).toBe("200");
    const after = await app.query<Coverage>(keeper, "coverage.summary", {});
    expect(counted(after)).toEqual(counted(before));
    expect(onLoan(after) - onLoan(before)).toBe(200);
    expect(app.row<{ n: number }>("SELECT SUM(on_hand) AS n FROM balances WHERE ownership = 'loan'").n).toBe(
      200,
    );

    // The loans page: 200 tents still to return to 南岸区, and the dashboard shows them apart.
    await keeper.goto(new URL("/aid/loans", app.url).href);
    const loan = keeper.locator(
      `[data-testid="loan-row"][data-number="${request.number}"][data-item="${TENT}"]`,
    );
    await poll(() => loan.getByTestId("loan-outstanding").getAttribute("data-value")).toBe("200");
    await keeper.goto(new URL("/", app.url).href);
    await poll(() => keeper.getByTestId("category-loan").first().textContent()).toMatch(
      /^另有借用 200 .*（不计入）$/,
    );

    // The request document: 打印 on the request's page opens the A4 sheet and its print dialog.
    await keeper.goto(new URL(`/aid/${requestId}`, app.url).href);
    await keeper.getByTestId("aid-print").click();
    await poll(() => keeper.getByTestId("aid-sheet-line").getAttribute("data-item")).toBe(TENT);
    await poll(() => printCount(keeper)).toBe(1);
    await keeper.context().close();
  }, 300_000);

  it("keeps the register, answers a neighbour's request from the proposal, and settles a loan", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "diaodu", "/neighbours");
    const jiangjin = app.row<{ id: number }>("SELECT id FROM neighbours WHERE name = '江津区'").id;
    await page
      .locator('[data-testid="neighbour-row"][data-name="江津区"]')
      .getByTestId("neighbour-link")
      .click();
    await page.getByTestId("neighbour-page").waitFor();

    // A contact added in the register.
    await page.getByTestId("neighbour-edit").click();
    await page.getByTestId("contact-add").click();
    const last = (await page.locator('[data-testid^="contact-"][data-testid$="-name"]').count()) - 1;
    await page.getByTestId(`contact-${last}-name`).fill("王主任");
    await page.getByTestId(`contact-${last}-phone`).fill("023-47580000");
    await page.getByTestId("neighbour-form-ok").click();
    await poll(() => page.getByTestId("neighbour-contacts").textContent()).toContain("王主任");

    // Its lendable list: a row with an unknown item refuses the file beside its row, nothing written.
    const lists = () =>
      app.row<{ n: number }>(
        "SELECT COUNT(*) AS n FROM neighbour_lendable_lists WHERE neighbour_id = ?",
        jiangjin,
      ).n;
    const before = lists();
    const upload = (rows: unknown[][]) =>
      page
        .getByTestId("lendable-import")
        .locator('input[type="file"]')
        .setInputFiles({ name: "江津可借物资.xlsx", mimeType: XLSX_MIME, buffer: lendableWorkbook(rows) });
    await upload([
      ["ZP-12", "12平方米单帐篷", 150, "顶", ""],
      ["NO-SUCH", "", 5, "", ""],
    ]);
    const issue = page.getByTestId("import-issues").locator("tbody tr.ant-table-row").first();
    await poll(() => issue.textContent()).toContain("NO-SUCH");
    expect(await issue.textContent()).toContain("3");
    expect(lists()).toBe(before);
    await upload([["ZP-12", "12平方米单帐篷", 150, "顶", "江津仓库"]]);
    const tents = page.locator('[data-testid="lendable-row"][data-item="ZP-12"]');
    await poll(() => tents.getByTestId("lendable-quantity").textContent()).toMatch(/^150/);
    expect(lists()).toBe(before + 1);

    // 江津区 asks Banan for 50 tents: recorded on the requests page.
    await page.goto(new URL("/aid", app.url).href);
    await page.getByTestId("aid-record-in").click();
    await choose(page, "aid-neighbour", "江津区", "江津");
    await pickDate(page, "aid-needed-by", districtClock(Date.now() + 5 * 3_600_000));
    await choose(page, "aid-line-0-item", "ZP-12", "ZP-12");
    await page.getByTestId("aid-line-0-quantity").fill("50");
    await page.getByTestId("aid-request-ok").click();
    await page.getByTestId("aid-page").waitFor();
    const helpId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await page.context().close();

    // A keeper sends it from the fastest warehouse the proposal names, as an issue for mutual aid.
    const keeper = await newPage(browser);
    await login(keeper, app.url, "admin", `/aid/${helpId}`);
    await keeper.getByTestId("aid-outbound-issue").first().click();
    await keeper.getByTestId("aid-move-ok").click();
    await poll(() => keeper.getByTestId("aid-status").getAttribute("data-value")).toBe("closed");
    const number = app.row<{ number: string }>("SELECT number FROM aid_requests WHERE id = ?", helpId).number;
    expect(
      app.row<{ n: number }>(
        "SELECT -SUM(l.on_hand_delta) AS n FROM stock_documents d JOIN ledger_lines l ON l.document_id = d.id WHERE d.reference = ? AND d.issue_reason = 'mutual_aid'",
        number,
      ).n,
    ).toBe(50);

    // Of the 200 tents borrowed from 南岸区 (the first story), 80 go back from the loans page.
    await keeper.goto(new URL("/aid/loans?direction=out", app.url).href);
    const loan = keeper.locator('[data-testid="loan-row"][data-item="ZP-12"]').first();
    await poll(() => loan.getByTestId("loan-outstanding").getAttribute("data-value")).toBe("200");
    await loan.getByTestId("loan-return").click();
    await choose(keeper, "aid-move-warehouse", "QJ01", "QJ01");
    await keeper.getByTestId("aid-move-line-0-quantity").fill("80");
    await keeper.getByTestId("aid-move-ok").click();
    await poll(() => loan.getByTestId("loan-outstanding").getAttribute("data-value")).toBe("120");
    expect(app.row<{ n: number }>("SELECT SUM(on_hand) AS n FROM balances WHERE ownership = 'loan'").n).toBe(
      120,
    );
    await keeper.context().close();
  });
});

/** A lendable-items sheet as a neighbour fills in Banan's template: the header row, then one row per item. */
function lendableWorkbook(rows: unknown[][]): Buffer {
  const H = LENDABLE_HEADERS;
  const workbook = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([[H.item, H.itemName, H.quantity, H.unit, H.note], ...rows]);
  XLSX.utils.book_append_sheet(workbook, sheet, "可借物资");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
}
