import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openReadOnlyDatabase } from "@relief/db";
import { startServer } from "@relief/server";
import { type APIResponse, type Browser, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import * as XLSX from "xlsx";

export const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const WEB_DIST = path.join(REPO_ROOT, "apps/web/dist");
export const ARTIFACTS = path.join(REPO_ROOT, "tests/artifacts");
export const DEMO_PASSWORD = "relief-demo";

export interface TestApp {
  url: string;
  /** The server's SQLite file, for tests that read what the database holds. */
  databasePath: string;
  /** Rows of a query on the server's database, read on a connection of their own. */
  rows<Row>(query: string, ...params: unknown[]): Row[];
  /** The first row of a query; a test that expects one fails when there is none. */
  row<Row>(query: string, ...params: unknown[]): Row;
  /** A procedure called through HTTP as the page's signed-in user (its cookies): the set-up a story skips. */
  mutate<T = unknown>(page: Page, path: string, input: unknown): Promise<T>;
  query<T>(page: Page, path: string, input?: unknown): Promise<T>;
  close(): Promise<void>;
}

async function resultOf<T>(response: APIResponse): Promise<T> {
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** The real server on a free port with a fresh Banan database, serving the built web app. */
/**
 * How long a story's direct API call may take. Playwright's default (30 s) is too short for the few calls that
 * solve in a worker pool — layout advice with a budget, the planner's check — on a loaded two-core machine, where
 * the first such call also starts the pool's thread; the server bounds them itself (the pools' timeouts).
 */
const API_CALL_MS = 120_000;

export async function startApp(): Promise<TestApp> {
  if (!existsSync(path.join(WEB_DIST, "index.html"))) {
    throw new Error(`The web app is not built (${WEB_DIST} is missing): run \`pnpm build\` first.`);
  }
  const dir = await mkdtemp(path.join(tmpdir(), "relief-browser-"));
  const databasePath = path.join(dir, "relief.db");
  const server = await startServer({
    port: 0,
    host: "127.0.0.1",
    databasePath,
    seed: "banan",
    logLevel: "silent",
    webDist: WEB_DIST,
    trustProxy: false,
  });
  const rows = <Row>(query: string, ...params: unknown[]): Row[] => {
    const database = openReadOnlyDatabase(databasePath);
    try {
      return database.sqlite.prepare(query).all(...params) as Row[];
    } finally {
      database.close();
    }
  };
  return {
    url: server.url,
    databasePath,
    rows,
    row<Row>(query: string, ...params: unknown[]): Row {
      const [first] = rows<Row>(query, ...params);
      if (!first) throw new Error(`no row for ${query}`);
      return first;
    },
    async mutate<T>(page: Page, procedure: string, input: unknown) {
      return resultOf<T>(
        await page.request.post(new URL(`/trpc/${procedure}`, server.url).href, {
          data: input,
          timeout: API_CALL_MS,
        }),
      );
    },
    async query<T>(page: Page, procedure: string, input?: unknown) {
      const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      return resultOf<T>(
        await page.request.get(new URL(`/trpc/${procedure}${search}`, server.url).href, {
          timeout: API_CALL_MS,
        }),
      );
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context (own cookies), Chinese UI, desktop-sized window, no animations (reduced motion). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: "zh-CN",
    viewport: { width: 1440, height: 900 },
    reducedMotion: "reduce",
  });
  return context.newPage();
}

/**
 * Replaces the page's `window.print` (for every document the page loads) by a counter, so a test sees that a
 * 打印 button opened the print dialog without a real one blocking the browser; `printCount` reads it.
 */
export async function stubPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const counted = window as unknown as { __printed: number };
    counted.__printed = 0;
    window.print = () => {
      counted.__printed++;
    };
  });
}

export function printCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __printed: number }).__printed);
}

export async function login(page: Page, baseUrl: string, username: string, path = "/"): Promise<void> {
  await page.goto(new URL(path, baseUrl).href);
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
}

/**
 * Opens an antd Select (by its test id), types to narrow it down when it searches, picks the option and waits
 * until the select shows it (`shown`, by default the option's text). On a busy machine a click can land while
 * the list is still opening; the pick is then tried again.
 */
export async function chooseOption(
  page: Page,
  testId: string,
  option: string,
  { search, shown = option }: { search?: string; shown?: string } = {},
): Promise<void> {
  const select = page.getByTestId(testId);
  for (let attempt = 1; ; attempt += 1) {
    // This select's own list: another select's may still be closing after the previous pick.
    if (!(await select.evaluate((el) => el.classList.contains("ant-select-open")))) await select.click();
    const input = select.locator("input");
    if (search !== undefined) await input.fill(search);
    const list = `${await input.getAttribute("id")}_list`;
    const open = page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden):has([id="${list}"])`);
    await open.locator(".ant-select-item-option").filter({ hasText: option }).first().click();
    const picked = async () => ((await select.textContent()) ?? "").includes(shown);
    for (let wait = 0; wait < 20 && !(await picked()); wait += 1) await page.waitForTimeout(100);
    if (await picked()) return;
    if (attempt === 3) throw new Error(`${testId}: “${option}” was not picked`);
  }
}

/** Picks an option of an antd Select (by its test id), typing `search` first when the select searches. */
export function choose(page: Page, testId: string, option: string, search?: string): Promise<void> {
  return chooseOption(page, testId, option, { search });
}

/** Types a date into an antd DatePicker and confirms it. */
export async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}

/** The error antd shows under the form field that holds the given input. */
export function fieldError(page: Page, testId: string): Locator {
  return page
    .locator(".ant-form-item")
    .filter({ has: page.getByTestId(testId) })
    .locator(".ant-form-item-explain-error");
}

/**
 * Saves a dialog that must be refused and waits for `fieldTestId`'s error. On a busy machine the first click
 * can land while the dialog is still zooming open (the button moves under the pointer and the click hits the
 * dialog's body); a refused save has no effect, so it is simply tried again.
 */
export async function refusedSave(page: Page, okTestId: string, fieldTestId: string): Promise<Locator> {
  const error = fieldError(page, fieldTestId);
  await expect
    .poll(
      async () => {
        if (!(await error.first().isVisible())) await page.getByTestId(okTestId).click();
        return error.first().isVisible();
      },
      { timeout: 30_000, interval: 1_500 },
    )
    .toBe(true);
  return error;
}

/** `expect.poll` with room for a busy machine (two CPUs shared with other work). */
export function poll<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: 20_000, interval: 100 });
}

/** Waits until no request is running and no table shows its loading veil, so a screenshot shows the data. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
}

/** A population workbook in the import layout: a header row, then one row per array. */
export function populationWorkbook(rows: unknown[][]): Buffer {
  const workbook = XLSX.utils.book_new();
  const header = ["镇街", "村/社区", "常住人口", "统计年份", "数据依据", "户均人口"];
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([header, ...rows]), "人口");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/** A receipt import workbook in the template's layout: a header row, then one row per array. */
export function receiptWorkbook(rows: unknown[][]): Buffer {
  const workbook = XLSX.utils.book_new();
  const header = [
    "仓库编码",
    "物资编码",
    "批次号",
    "生产日期",
    "有效期至",
    "数量",
    "单位",
    "来源",
    "权属",
    "单据参考号",
  ];
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([header, ...rows]), "入库明细");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
