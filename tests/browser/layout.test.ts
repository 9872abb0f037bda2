import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, poll, settle, startApp, type TestApp } from "./support";

/**
 * The screens clerks and leaders use most fit the two laptop sizes the district has (1366 × 768, 1440 × 900)
 * in both languages: no header, menu item, tag or card title is cut short, and the side menu's last item can
 * be reached. Screenshots of the dashboard and the stock page at 1366 × 768 go to tests/browser/.screenshots/
 * (not tracked) for a reviewer to look at.
 */

const SCREENSHOTS = path.join(import.meta.dirname, ".screenshots");
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
] as const;
const LANGUAGES = ["zh-CN", "en-US"] as const;
const PAGES = [
  { path: "/", name: "dashboard", ready: "coverage-category-table" },
  { path: "/stock", name: "stock", ready: "current-user" },
  { path: "/expiry", name: "expiry", ready: "current-user" },
  { path: "/expiry?tab=rotation", name: "rotation", ready: "expiry-rotation" },
] as const;

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function pageAt(
  viewport: { width: number; height: number },
  language: string,
  user = "admin",
  path = "/",
): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  await login(page, app.url, user, path);
  if (language === "en-US") {
    await page.getByTestId("language-switch").getByText("English", { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
  }
  return page;
}

/**
 * Visible elements whose text is cut: wider than their box (`scrollWidth > clientWidth + 1`) where the box
 * clips it (`text-overflow: ellipsis` or `overflow: hidden`). Only elements that hold text of their own or end in
 * an ellipsis count, so a clipping wrapper around a table that scrolls is not taken for cut text.
 */
function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const style = getComputedStyle(el);
      const ellipsis = style.textOverflow === "ellipsis";
      if (!ellipsis && style.overflowX !== "hidden" && style.overflow !== "hidden") continue;
      if (style.visibility === "hidden" || el.closest("[aria-hidden='true'], .ant-select-dropdown-hidden"))
        continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!ownText && !ellipsis) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: the text as laid out is what the reader misses
      const text = el.innerText.trim().replace(/\s+/g, " ");
      if (text) found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}: «${text}»`);
    }
    // A table wider than the page hides its last columns behind a sideways scroll: cut as well.
    for (const scroller of document.querySelectorAll<HTMLElement>(".ant-table-content, .ant-table-body")) {
      if (scroller.scrollWidth <= scroller.clientWidth + 1 || scroller.clientWidth === 0) continue;
      const table = scroller.closest(".ant-table-wrapper");
      const headers = [...(table?.querySelectorAll<HTMLElement>("thead th") ?? [])].map((th) =>
        // biome-ignore lint/performance/useDomNodeTextContent: header text as shown, without hidden sorter labels
        th.innerText.trim(),
      );
      found.push(`table ${scroller.scrollWidth} px in ${scroller.clientWidth} px: «${headers.join(" | ")}»`);
    }
    return found;
  });
}

/** The window as the clerk sees it, and the table below the fold that the review is about. */
async function screenshots(page: Page, name: string, language: string): Promise<void> {
  const file = (what: string) => path.join(SCREENSHOTS, `${what}-1366x768-${language}.png`);
  await page.screenshot({ path: file(name) });
  const table =
    name === "dashboard" ? page.getByTestId("coverage-categories") : page.locator(".ant-table").first();
  await table.screenshot({ path: file(`${name}-table`) });
}

describe("the pages fit the district's screens", () => {
  for (const viewport of VIEWPORTS) {
    for (const language of LANGUAGES) {
      it(`at ${viewport.width} × ${viewport.height} in ${language}: no text cut, the whole menu reachable`, async () => {
        const page = await pageAt(viewport, language);
        const cut = new Map<string, string[]>();
        for (const target of PAGES) {
          await page.goto(new URL(target.path, app.url).href);
          await page.getByTestId(target.ready).first().waitFor();
          await settle(page);
          const texts = await cutTexts(page);
          if (texts.length > 0) cut.set(target.path, texts);
          if (viewport.width === 1366) await screenshots(page, target.name, language);
        }
        expect(Object.fromEntries(cut)).toEqual({});

        // The last item of the side menu (the admin's menu is the longest) scrolls into view and opens its page.
        const items = page.getByTestId("side-menu").locator(".ant-menu-item");
        const last = items.last();
        await last.scrollIntoViewIfNeeded();
        const box = await last.boundingBox();
        expect(box && box.y >= 0 && box.y + box.height <= viewport.height).toBe(true);
        const testId = await last.locator("[data-testid^='nav-']").getAttribute("data-testid");
        await last.click();
        await poll(() => new URL(page.url()).pathname).toBe("/settings");
        expect(testId).toBe("nav-settings");
        await page.context().close();
      });
    }
  }
});

describe("the enterprise portal's declaration form fits the same screens", () => {
  for (const viewport of VIEWPORTS) {
    for (const language of LANGUAGES) {
      it(`at ${viewport.width} × ${viewport.height} in ${language}: every column of an agreement line in view`, async () => {
        const page = await pageAt(viewport, language, "qiye", "/portal/declare");
        await page.getByTestId("declare-row").first().waitFor();
        await settle(page);
        expect(await cutTexts(page)).toEqual([]);
        await page.context().close();
      });
    }
  }
});
