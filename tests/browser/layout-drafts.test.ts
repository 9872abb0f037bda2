import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  choose,
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

interface Draft {
  id: number;
  fromWarehouseId: number;
  fromWarehouse: string;
  toWarehouseId: number;
  toWarehouse: string;
  lines: { itemId: number; itemName: string; quantity: number }[];
}

/** Accepted advice of 10 truckloads, through the API as civil affairs: its draft transfers. */
async function acceptedDrafts(page: Page): Promise<Draft[]> {
  const advice = await app.mutate<{ adviceId: number }>(page, "layout.advise", { maxTruckloads: 10 });
  return app.mutate<Draft[]>(page, "layout.accept", { adviceId: advice.adviceId });
}

const code = (warehouseId: number) =>
  app.row<{ code: string }>("SELECT code FROM warehouses WHERE id = ?", warehouseId).code;
const documents = () => app.row<{ n: number }>("SELECT COUNT(*) AS n FROM stock_documents").n;
const draftStatus = (id: number) =>
  app.row<{ status: string }>("SELECT status FROM transfer_drafts WHERE id = ?", id).status;

describe("a draft transfer adjusted in the transfer form (调整后调出)", () => {
  it("a keeper opens a draft in the transfer form, is refused another warehouse, lowers a line, drops one, picks a lot and posts it", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/");
    const drafts = await acceptedDrafts(page);
    const draft = drafts.find((d) => d.lines.length >= 2);
    if (!draft) throw new Error("a draft with two lines expected");

    await page.goto(new URL("/layout?tab=drafts", app.url).href);
    await page.getByTestId(`draft-edit-${draft.id}`).click();
    await poll(() => new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      `/stock/post?type=transfer&draftId=${draft.id}`,
    );
    const banner = page.getByTestId("transfer-draft");
    await poll(() => banner.textContent()).toContain(
      `按调拨草稿 #${draft.id} 调出：${draft.fromWarehouse} → ${draft.toWarehouse}`,
    );
    // The form starts from the draft: its warehouses and every line in base units.
    await poll(() => page.getByTestId("line-0-quantity").inputValue()).toBe(
      String(draft.lines[0]?.quantity ?? 0),
    );
    expect(await page.getByTestId("transfer-from").textContent()).toContain(draft.fromWarehouse);
    expect(await page.getByTestId("transfer-to").textContent()).toContain(draft.toWarehouse);
    expect(await page.locator('[data-testid^="line-"][data-testid$="-quantity"]').count()).toBe(
      draft.lines.length,
    );
    expect(await page.getByTestId("transfer-source").count()).toBe(0);
    await screenshot(page, "layout-draft-transfer.png");

    // Another destination than the draft's is refused beside the field, and nothing is written.
    const other = app.row<{ id: number; code: string; name: string }>(
      "SELECT id, code, name FROM warehouses WHERE active = 1 AND kind <> 'enterprise' AND id NOT IN (?, ?) ORDER BY id LIMIT 1",
      draft.fromWarehouseId,
      draft.toWarehouseId,
    );
    const before = documents();
    await choose(page, "transfer-to", other.name, other.code);
    await page.getByTestId("transfer-submit").click();
    await poll(() => fieldError(page, "transfer-to").textContent()).toBe(
      `草稿 ${draft.id} 调入${draft.toWarehouse}`,
    );
    expect(await page.getByTestId("form-error").textContent()).toContain(
      `调拨单与草稿 ${draft.id} 的调出、调入仓库不一致`,
    );
    expect(documents()).toBe(before);
    expect(draftStatus(draft.id)).toBe("draft");

    // Back to the draft's destination; the first line lowered to half from one lot, the last line dropped.
    await choose(page, "transfer-to", draft.toWarehouse, code(draft.toWarehouseId));
    const [first] = draft.lines;
    const dropped = draft.lines.at(-1);
    if (!first || !dropped) throw new Error("lines expected");
    const lowered = Math.max(1, Math.floor(first.quantity / 2));
    const lot = app.row<{ lotId: number; lotCode: string }>(
      `SELECT l.id AS lotId, l.lot_code AS lotCode FROM balances b JOIN lots l ON l.id = b.lot_id
       WHERE b.warehouse_id = ? AND b.item_id = ? AND l.status = 'available'
         AND (l.expiry_date IS NULL OR l.expiry_date >= date('now'))
       GROUP BY l.id HAVING SUM(b.on_hand - b.reserved - b.on_hold) >= ?
       ORDER BY SUM(b.on_hand - b.reserved - b.on_hold) DESC, l.id LIMIT 1`,
      draft.fromWarehouseId,
      first.itemId,
      lowered,
    );
    await page.getByTestId("line-0-quantity").fill(String(lowered));
    await choose(page, "line-0-lot", lot.lotCode, lot.lotCode);
    await page.getByTestId(`line-${draft.lines.length - 1}-remove`).click();
    await poll(() => page.locator('[data-testid^="line-"][data-testid$="-quantity"]').count()).toBe(
      draft.lines.length - 1,
    );
    await page.getByTestId("transfer-submit").click();
    await page.getByTestId("posted").waitFor();

    // The draft is posted by that transfer, which moved only what the form said.
    await poll(() => draftStatus(draft.id)).toBe("posted");
    const { documentId } = app.row<{ documentId: number }>(
      "SELECT document_id AS documentId FROM transfer_drafts WHERE id = ?",
      draft.id,
    );
    const sent = app.rows<{ itemId: number; lotId: number; quantity: number }>(
      `SELECT item_id AS itemId, lot_id AS lotId, -SUM(on_hand_delta) AS quantity FROM ledger_lines
       WHERE document_id = ? AND warehouse_id = ? GROUP BY item_id, lot_id ORDER BY item_id, lot_id`,
      documentId,
      draft.fromWarehouseId,
    );
    expect(sent.filter((s) => s.itemId === first.itemId)).toEqual([
      { itemId: first.itemId, lotId: lot.lotId, quantity: lowered },
    ]);
    expect(sent.some((s) => s.itemId === dropped.itemId)).toBe(false);
    // The form is an ordinary transfer again, and the draft list shows the draft posted with its document.
    await poll(() => new URL(page.url()).searchParams.get("draftId")).toBeNull();
    const next = drafts.find((d) => d.id !== draft.id);
    if (!next) throw new Error("a second draft expected");
    await page.goto(new URL("/layout?tab=drafts", app.url).href);
    await page.getByTestId(`draft-edit-${next.id}`).waitFor();
    expect(await page.getByTestId(`draft-edit-${draft.id}`).count()).toBe(0);

    // A draft discarded while its form is open: the post is refused at the top, nothing is written, and the
    // banner says why.
    await page.getByTestId(`draft-edit-${next.id}`).click();
    await poll(() => page.getByTestId("transfer-draft").textContent()).toContain(`按调拨草稿 #${next.id}`);
    await poll(() => page.getByTestId("line-0-quantity").inputValue()).toBe(
      String(next.lines[0]?.quantity ?? 0),
    );
    await app.mutate(page, "layout.discardDraft", { draftId: next.id });
    const beforeRefusal = documents();
    await page.getByTestId("transfer-submit").click();
    await poll(() => page.getByTestId("form-error").textContent()).toContain(
      `调拨草稿 ${next.id} 状态为已作废，不能再调拨`,
    );
    await poll(() => page.getByTestId("transfer-draft").textContent()).toContain(
      `调拨草稿 #${next.id} 已作废，不能再按它调出`,
    );
    expect(documents()).toBe(beforeRefusal);
    await page.context().close();
  });
});
