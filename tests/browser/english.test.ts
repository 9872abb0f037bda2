import { openReadOnlyDatabase } from "@relief/db";
import { SEEDED_ADJUSTMENT_REASONS } from "@relief/domain";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  choose,
  fieldError,
  launchBrowser,
  login,
  newPage,
  receiptWorkbook,
  settle,
  startApp,
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

/**
 * The columns that hold what people typed (names of places, items, warehouses, enterprises, people, units of
 * items, lot codes, numbers, descriptions and notes): an English page shows them as they were entered. Item
 * categories are absent on purpose: they carry an English name the English page must use.
 */
const DATA_COLUMNS: Record<string, string[]> = {
  areas: ["name", "population_basis", "contact_name"],
  users: ["display_name"],
  items: ["name", "specification", "base_unit"],
  item_packs: ["name"],
  lots: ["lot_code", "status_note"],
  warehouses: ["name", "organisation", "address", "manager"],
  stock_documents: ["number", "reference", "dispatch_ref", "note"],
  stock_counts: ["number", "note"],
  enterprises: ["name", "address", "note"],
  enterprise_contacts: ["name", "role"],
  agreements: ["number", "termination_reason", "note"],
  agreement_lines: ["vehicle_type", "rotation_duty"],
  agreement_declarations: ["note"],
  agreement_verifications: ["inspector", "findings"],
  agreement_calloffs: ["number", "confirmed_by", "dispatch_ref", "note"],
  credit_events: ["note"],
  quotas: ["unit_label", "source", "note"],
  // Reasons the district added; the ones the system seeds are labelled by the catalog (DATA_ROWS).
  adjustment_reasons: ["name"],
  shelters: ["name", "address", "note"],
  incidents: ["title", "description"],
  incident_reports: ["note"],
  incident_need_overrides: ["reason"],
  road_nodes: ["name"],
  road_edges: ["name"],
  road_status_events: ["reason"],
  vehicles: ["plate", "driver", "phone", "note"],
  dispatch_orders: [
    "number",
    "vehicle_label",
    "plate",
    "driver",
    "driver_phone",
    "authority",
    "authority_ref",
    "issuing_unit",
    "purpose",
    "receiver_name",
    "signer",
    "cancel_reason",
  ],
  dispatch_order_lines: ["discrepancy_reason", "note"],
  neighbours: ["name", "note"],
  neighbour_contacts: ["name", "post"],
  neighbour_lendable_lists: ["file_name"],
  neighbour_lendable_lines: ["note"],
  aid_requests: ["number", "note", "cancel_reason"],
  aid_replies: ["note"],
  aid_reply_trucks: ["plate", "driver"],
  risk_versions: ["basis", "note"],
  layout_prices: ["source"],
};

/** Rows of a data table that are the system's own words, labelled in the reader's language: not data. */
const DATA_ROWS: Record<string, string> = {
  adjustment_reasons: `code NOT IN (${SEEDED_ADJUSTMENT_REASONS.map((code) => `'${code}'`).join(", ")})`,
};

/** What a Chinese interface leaves behind: Han characters and the full-width punctuation around them. */
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60]+/gu;

/** Every string the database holds in a data column, plus the audit log's summaries' own strings. */
function dataStrings(extra: readonly string[] = []): string[] {
  const database = openReadOnlyDatabase(app.databasePath);
  try {
    const found = new Set<string>(extra);
    for (const [table, columns] of Object.entries(DATA_COLUMNS)) {
      for (const column of columns) {
        const rows = database.sqlite
          .prepare(
            `SELECT DISTINCT "${column}" AS value FROM "${table}" WHERE "${column}" IS NOT NULL AND ${DATA_ROWS[table] ?? "1 = 1"}`,
          )
          .all() as Array<{ value: unknown }>;
        for (const { value } of rows) if (typeof value === "string" && value.trim()) found.add(value.trim());
      }
    }
    const summaries = database.sqlite.prepare("SELECT summary FROM audit_log").all() as Array<{
      summary: string | null;
    }>;
    const leaves = (value: unknown): void => {
      if (typeof value === "string" && value.trim()) found.add(value.trim());
      else if (value && typeof value === "object") Object.values(value).forEach(leaves);
    };
    for (const { summary } of summaries) if (summary) leaves(JSON.parse(summary));
    return [...found];
  } finally {
    database.close();
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The Chinese left in `text` once the data is taken out: longer data strings are cut out wherever they appear
 * (a JSON string the audit log cuts short with “…” counts when a datum starts with it); a one-character datum
 * (a unit such as 顶) only where no other Han character touches it, so it cannot hide a UI word.
 */
function chineseOutsideData(text: string, data: readonly string[]): string[] {
  // Only data that holds Chinese can hide Chinese; the rest stays, so a printed failure reads as the page does.
  const chinese = data.filter((value) => value.match(CHINESE));
  const long = chinese.filter((value) => value.length > 1).sort((a, b) => b.length - a.length);
  let rest = text.replace(/"([^"\n]+)…/g, (whole, start: string) =>
    long.some((value) => value.startsWith(start)) ? '"…' : whole,
  );
  for (const value of long) rest = rest.split(value).join("‹data›");
  for (const value of chinese.filter((value) => value.length === 1)) {
    rest = rest.replace(
      new RegExp(`(?<!\\p{Script=Han})${escapeRegExp(value)}(?!\\p{Script=Han})`, "gu"),
      "‹data›",
    );
  }
  const offending: string[] = [];
  for (const match of rest.matchAll(CHINESE)) {
    const at = match.index ?? 0;
    offending.push(rest.slice(Math.max(0, at - 30), at + match[0].length + 30).replace(/\s+/g, " "));
  }
  return offending;
}

/** The visible text of the page and its inputs' placeholders, without the language switch (each language names itself). */
async function visibleText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what the reader sees, laid out, is what counts
  const languages = await page.getByTestId("language-switch").innerText();
  // biome-ignore lint/performance/useDomNodeTextContent: hidden elements (closed menus, tooltips) must not count
  const body = await page.locator("body").innerText();
  const placeholders = await page
    .locator("input[placeholder]:visible, textarea[placeholder]:visible")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).placeholder));
  return [body.split(languages).join(" "), ...placeholders].join("\n");
}

async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId("language-switch").getByText("English", { exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === "en-US");
}

/** Each page's Chinese outside the data, by path; printed whole when any is found. */
const failures = new Map<string, string[]>();

async function check(page: Page, label: string, data: readonly string[]): Promise<void> {
  await settle(page);
  const offending = chineseOutsideData(await visibleText(page), data);
  if (offending.length) failures.set(label, offending);
}

async function walk(page: Page, paths: readonly string[], role: string, data: readonly string[]) {
  for (const path of paths) {
    await page.goto(new URL(path, app.url).href);
    await page.getByTestId("current-user").waitFor();
    await check(page, `${role} ${path}`, data);
  }
}

function report(): string {
  return [...failures]
    .map(([page, texts]) => `${page}\n${texts.map((t) => `    «${t}»`).join("\n")}`)
    .join("\n");
}

function firstId(table: string, where = "1 = 1"): number {
  return app.row<{ id: number }>(`SELECT id FROM "${table}" WHERE ${where} ORDER BY id LIMIT 1`).id;
}

describe("the English interface", () => {
  it("shows no Chinese on any page outside the data people typed", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "admin");
    await toEnglish(page);
    await app.mutate(page, "stock.openCount", { warehouseId: firstId("warehouses"), note: "English walk" });
    // An adjustment under a seeded reason, for the document pages to name it.
    const lot = app.row<{ warehouseId: number; itemId: number; lotId: number; ownership: string }>(
      "SELECT warehouse_id AS warehouseId, item_id AS itemId, lot_id AS lotId, ownership FROM balances WHERE on_hand - reserved - on_hold > 0",
    );
    await app.mutate(page, "stock.adjust", {
      warehouseId: lot.warehouseId,
      reasonId: firstId("adjustment_reasons", "code = 'damage'"),
      note: "English walk",
      lines: [{ itemId: lot.itemId, lotId: lot.lotId, ownership: lot.ownership, quantity: -1 }],
    });
    // A reservation, for the issue form to start from.
    await app.mutate(page, "stock.reserve", {
      warehouseId: lot.warehouseId,
      dispatchRef: "EN-WALK-RES",
      lines: [{ itemId: lot.itemId, lotId: lot.lotId, quantity: 1 }],
    });
    // An incident with a plan, for the plan page to show its map, timeline, areas and unmet needs.
    const township = (name: string) => firstId("areas", `name = '${name}'`);
    await app.mutate(page, "incidents.create", {
      type: "flood",
      title: "English walk flood",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      areas: [
        { areaId: township("木洞镇"), affected: 6000, relocated: 1800 },
        { areaId: township("麻柳嘴镇"), affected: 3000, relocated: 900 },
      ],
    });
    const incidentId = firstId("incidents");
    await app.mutate(page, "dispatch.plan", { incidentId });
    // Its approval into dispatch orders; one order departs and is received with a line short, returned.
    await app.mutate(page, "dispatch.approve", { planId: firstId("dispatch_plans") });
    const orderId = firstId("dispatch_orders");
    await app.mutate(page, "dispatch.depart", { orderId });
    const lines = app.rows<{ id: number; quantity: number }>(
      `SELECT id, quantity FROM dispatch_order_lines WHERE order_id = ${orderId} ORDER BY line_no`,
    );
    await app.mutate(page, "dispatch.receive", {
      orderId,
      signer: "English walk",
      lines: lines.map((line, index) =>
        index === 0
          ? {
              lineId: line.id,
              quantity: line.quantity - 1,
              discrepancy: { outcome: "returned", reason: "English walk" },
            }
          : { lineId: line.id, quantity: line.quantity },
      ),
    });
    // A follow-up report, a need set by hand and a drill, for the incident pages to show them.
    await app.mutate(page, "incidents.report", {
      incidentId,
      kind: "follow_up",
      reportedAt: new Date().toISOString(),
      areas: [{ areaId: township("木洞镇"), affected: 6500, relocated: 2000 }],
      note: "English walk",
    });
    await app.mutate(page, "incidents.overrideNeed", {
      incidentId,
      areaId: township("木洞镇"),
      itemId: firstId("items"),
      quantity: 700,
      reason: "English walk",
    });
    await app.mutate(page, "incidents.create", {
      type: "landslide",
      title: "English walk drill",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      drill: true,
      areas: [{ areaId: township("丰盛镇"), affected: 100, relocated: 40 }],
    });

    // A closed road, for the roads page to show its status, reason and history.
    await app.mutate(page, "roads.setStatus", {
      edgeId: firstId("road_edges", "code = 'R056'"),
      status: "closed",
      reason: "English walk landslide",
      expectedReopenAt: new Date(Date.now() + 6 * 3_600_000).toISOString(),
    });

    // Mutual aid: tents asked of 南岸区 for the flood, promised and received as loan stock; a neighbour's request.
    const nanan = firstId("neighbours", "name = '南岸区'");
    const tent = firstId("items", "code = 'ZP-12'");
    const asked = await app.mutate<{ id: number }>(page, "aid.request", {
      neighbourId: nanan,
      incidentId,
      deliveryAreaId: township("木洞镇"),
      neededBy: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      lines: [{ itemId: tent, quantity: 20 }],
    });
    await app.mutate(page, "aid.reply", {
      requestId: asked.id,
      arriveAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      lines: [{ itemId: tent, quantity: 20 }],
      trucks: [{ plate: "渝B12345", driver: "English walk" }],
    });
    await app.mutate(page, "aid.receive", {
      requestId: asked.id,
      warehouseId: firstId("warehouses", "code = 'QJ01'"),
      lines: [{ itemId: tent, lotCode: "EN-WALK-AID", quantity: 20 }],
    });
    const helping = await app.mutate<{ id: number }>(page, "aid.request", {
      direction: "in",
      neighbourId: nanan,
      neededBy: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      lines: [{ itemId: tent, quantity: 10 }],
    });
    // Banan's planned answer to it: trips to the entry point on its page.
    await app.mutate(page, "aid.planOutbound", { requestId: helping.id });
    // Layout advice with transfers and purchases, accepted and checked by the planner: its reasons, map, check
    // and draft transfers in English.
    const advice = await app.mutate<{ adviceId: number }>(page, "layout.advise", {
      maxTruckloads: 10,
      budgetYuan: 500_000,
    });
    await app.mutate(page, "layout.accept", { adviceId: advice.adviceId });
    await app.mutate(page, "layout.confirm", { adviceId: advice.adviceId });

    const data = dataStrings();
    await walk(
      page,
      [
        "/",
        "/areas",
        "/stock",
        "/stock/post?type=receipt",
        "/stock/post?type=issue",
        "/stock/post?type=transfer",
        `/stock/post?type=transfer&draftId=${firstId("transfer_drafts")}`,
        "/stock/post?type=adjust",
        "/stock/import",
        `/stock/card?itemId=${firstId("items")}`,
        "/expiry",
        "/expiry?tab=rotation&days=365",
        "/reservations",
        "/documents",
        `/documents/${firstId("stock_documents")}`,
        `/documents/${firstId("stock_documents", "type = 'adjustment'")}`,
        "/counts",
        `/counts/${firstId("stock_counts")}`,
        `/counts/${firstId("stock_counts")}/print`,
        "/catalog",
        "/warehouses",
        "/enterprises",
        `/enterprises/${firstId("enterprises")}`,
        `/enterprises/${firstId("enterprises")}?tab=warehouses`,
        "/agreements",
        `/agreements/${firstId("agreements")}`,
        "/commerce/sheets",
        "/users",
        "/audit",
        "/settings",
        "/quotas",
        "/shelters",
        "/coverage/report",
        "/incidents",
        `/incidents/${incidentId}`,
        `/incidents/${incidentId}/plan`,
        `/incidents/${incidentId}/progress`,
        `/incidents/${incidentId}/summary/print`,
        `/incidents/${firstId("incidents", "drill = 1")}/progress`,
        `/dispatch/orders/${orderId}`,
        `/dispatch/orders/${orderId}/print`,
        "/vehicles",
        "/roads",
        "/roads?tab=nodes",
        "/aid",
        `/aid/${asked.id}`,
        `/aid/${asked.id}/print`,
        `/aid/${helping.id}`,
        "/aid/loans",
        "/neighbours",
        `/neighbours/${nanan}`,
        "/layout",
        `/layout?tab=advice&advice=${advice.adviceId}`,
        "/layout?tab=drafts",
        "/layout?tab=prices",
        "/risks",
        "/no-such-page",
      ],
      "admin",
      data,
    );
    await page.goto(new URL("/stock/post?type=adjust", app.url).href);
    await page.getByTestId("adjust-reason").click();
    await page.locator(".ant-select-dropdown .ant-select-item-option").first().waitFor();
    await check(page, "admin /stock/post?type=adjust (the reasons)", data);
    // The issue reasons with their explanations, and an issue started from the reservation.
    await page.goto(new URL("/stock/post?type=issue", app.url).href);
    await page.getByTestId("issue-reason").click();
    await page.locator(".ant-select-dropdown .ant-select-item-option").first().waitFor();
    await check(page, "admin /stock/post?type=issue (the reasons)", data);
    await page.keyboard.press("Escape");
    await page.getByTestId("issue-source").getByText("Issue from a reservation").click();
    const code = app.row<{ code: string }>("SELECT code FROM warehouses WHERE id = ?", lot.warehouseId).code;
    await choose(page, "issue-warehouse", code, code);
    await choose(page, "issue-reservation", "EN-WALK-RES", "EN-WALK");
    await page.getByTestId("line-0-lot-hint").waitFor();
    await check(page, "admin /stock/post?type=issue (from a reservation)", data);
    // A new mutual-aid request from the incident, its draft read from the plan's shortfalls.
    await page.goto(new URL(`/incidents/${incidentId}`, app.url).href);
    await page.getByTestId("aid-request-new").click();
    await page.getByTestId("aid-draft-note").waitFor();
    await check(page, "admin /incidents/:id (the mutual-aid request form)", data);
    await page.keyboard.press("Escape");
    // A hazard's versions on the risk register.
    await page.goto(new URL("/risks", app.url).href);
    await page.locator("[data-testid^='risk-history-']").first().click();
    await page.getByTestId("risk-history").locator(".ant-table-row").first().waitFor();
    await check(page, "admin /risks (a hazard's history)", data);
    await page.keyboard.press("Escape");
    // The roads page's status dialog and a road's history.
    await page.goto(new URL("/roads?status=closed", app.url).href);
    await page.getByTestId("road-history-R056").click();
    await page.getByTestId("road-history").locator(".ant-table-row").first().waitFor();
    await check(page, "admin /roads (a road's history)", data);
    await page.keyboard.press("Escape");
    await page.getByTestId("road-slow-R056").click();
    await page.getByTestId("road-factor").waitFor();
    await check(page, "admin /roads (the slow-road dialog)", data);
    await page.keyboard.press("Escape");
    // Why stock is reserved: the 调拨单 the plan's approval reserved it under, its incident, who and when.
    const reserved = app.row<{ warehouseId: number; itemId: number }>(
      "SELECT warehouse_id AS warehouseId, item_id AS itemId FROM balances WHERE reserved > 0",
    );
    await page.goto(
      new URL(`/stock?warehouseId=${reserved.warehouseId}&itemId=${reserved.itemId}`, app.url).href,
    );
    await page.getByTestId("explain-reserved").first().click();
    await page.getByTestId("explain-order").first().waitFor();
    await check(page, "admin /stock (why stock is reserved)", data);
    await page.context().close();

    const commerce = await newPage(browser);
    await login(commerce, app.url, "shangwu");
    await toEnglish(commerce);
    await walk(
      commerce,
      [
        "/",
        "/enterprises",
        `/enterprises/${firstId("enterprises", "status = 'suspended'")}`,
        "/agreements",
        "/agreements?tab=review",
        "/agreements?tab=overdue",
        `/agreements/${firstId("agreements", "kind = 'transport'")}`,
        `/agreements/${firstId("agreements", "kind = 'production'")}`,
        "/commerce/sheets",
        "/vehicles",
      ],
      "shangwu",
      data,
    );
    // The fleet form as commerce opens it: an agreement truck, its line named in the reader's language.
    await commerce.getByTestId("vehicle-edit-渝ASD001").click();
    await commerce.getByTestId("vehicle-form-line").waitFor();
    await check(commerce, "shangwu /vehicles (an agreement truck's form)", data);
    await commerce.keyboard.press("Escape");
    // A stock-reserve enterprise's delivery truck: its stock line, item and site named in English around the data.
    await commerce.getByTestId("vehicle-edit-渝ACS002").click();
    await commerce.getByTestId("vehicle-form-line").waitFor();
    await check(commerce, "shangwu /vehicles (a delivery truck's form)", data);
    // The partner portal as its enterprise user sees it, with a call-off to answer and a declaration to show;
    // a district page opened by address says it is not available to the account.
    const enterprise = await newPage(browser);
    await login(enterprise, app.url, "qiye");
    await toEnglish(enterprise);
    const ownLine = app.row<{ id: number }>(
      `SELECT l.id FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
        JOIN users u ON u.enterprise_id = a.enterprise_id WHERE u.username = 'qiye' AND a.kind = 'stock'`,
    ).id;
    await app.mutate(commerce, "agreements.calloff", { lineId: ownLine, quantity: 120 });
    await app.mutate(enterprise, "portal.declare", {
      declaredOn: new Date().toISOString().slice(0, 10),
      lines: [{ lineId: ownLine, quantity: 10, unit: "箱", lotCode: "EN-WALK" }],
    });
    const portalData = dataStrings();
    await walk(
      enterprise,
      ["/", "/portal/declare", "/portal/declarations", "/portal/calloffs", "/portal/credit", "/stock"],
      "qiye",
      portalData,
    );
    await enterprise.goto(new URL("/portal/calloffs", app.url).href);
    await enterprise.getByTestId("portal-calloffs").getByText("Cannot deliver").first().click();
    await enterprise.getByTestId("answer-reason").waitFor();
    await check(enterprise, "qiye /portal/calloffs (the cannot-deliver dialog)", portalData);
    await enterprise.context().close();

    await commerce.context().close();

    if (failures.size) console.error(`Chinese on English pages:\n${report()}`);
    expect(report()).toBe("");
    // The walk visits every page of every role in turn, and grows with them: a ceiling, not a speed goal.
  }, 300_000);

  it("shows the server's refusals in English: a form's field and an import's rows", async () => {
    failures.clear();
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/quotas");
    await toEnglish(page);
    const data = dataStrings();

    await page.getByTestId("quota-edit-quilt").click();
    await page.getByTestId("quota-form-quantity").fill("0");
    await page.getByTestId("quota-form-note").fill("District plan");
    await page.getByTestId("quota-form-ok").click();
    const quantityError = fieldError(page, "quota-form-quantity");
    await quantityError.waitFor();
    expect(await quantityError.textContent()).toMatch(/\w/);
    await check(page, "minzheng /quotas (a quota of 0)", data);

    await page.goto(new URL("/stock/import", app.url).href);
    await page.getByTestId("receipt-template").waitFor();
    await page
      .getByTestId("receipt-import")
      .locator('input[type="file"]')
      .setInputFiles({
        name: "receipts.xlsx",
        mimeType: XLSX_MIME,
        buffer: receiptWorkbook([
          ["SW01", "MB-01", "MB-IMP-01", null, null, 50, "床", "采购", null, null],
          ["QJ01", "NOPE-1", "X-1", null, null, 5, null, "采购", null, "Contract 2026-118"],
          ["QJ01", "MB-01", "MB-IMP-01", null, null, 3, "桶", "采购", null, "Contract 2026-118"],
        ]),
      });
    await page.getByTestId("import-issues").locator("tbody tr.ant-table-row").first().waitFor();
    // The file's own words: its column headers and the unit and source it names.
    const sheet = [
      "仓库编码",
      "物资编码",
      "批次号",
      "生产日期",
      "有效期至",
      "数量",
      "单位",
      "来源",
      "权属",
      "桶",
      "采购",
    ];
    await check(page, "minzheng /stock/import (bad rows)", [...data, ...sheet]);

    if (failures.size) console.error(`Chinese in English errors:\n${report()}`);
    expect(report()).toBe("");
    await page.context().close();
  });
});
