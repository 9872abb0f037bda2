/**
 * pnpm bench:web — the web app's first load in Debian's Chromium, with the built assets sent plain (the
 * baseline, measured in the same run) and precompressed with long-lived caching (what the server does), on
 * this machine's loopback and on an emulated 10 Mbit/s link with 150 ms latency. Needs `pnpm build` first.
 *
 *   pnpm bench:web [--runs 3]
 */
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { type Browser, chromium } from "playwright-core";
import { createApp } from "../app";
import { prepareDatabase } from "../database";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const RUNS = Number(values.runs);
const WEB_DIST = path.resolve(import.meta.dirname, "../../../web/dist");
const SLOW_LINK = { latency: 150, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8 };

if (!existsSync(path.join(WEB_DIST, "index.html"))) {
  console.error(`the web app is not built (${WEB_DIST}): run \`pnpm build\` first`);
  process.exit(1);
}

const { database } = await prepareDatabase(":memory:", "banan");
const logger = pino({ level: "silent" });

async function serve(precompressed: boolean): Promise<{ server: Server; url: string }> {
  const app = createApp({ database, logger, webDist: WEB_DIST, trustProxy: false, precompressed });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface Load {
  ms: number;
  bytes: number;
}

type Phase = "login page" | "dashboard after login" | "next visit";
const PHASES: Phase[] = ["login page", "dashboard after login", "next visit"];

/**
 * A fresh context (empty cache): the login page until its form shows, then logging in until the dashboard
 * shows its figures; then the page again in the same context, as a user does the next morning.
 */
async function visit(browser: Browser, url: string, slow: boolean): Promise<Record<Phase, Load>> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (slow) await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_LINK });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
  });
  const measure = async (steps: () => Promise<unknown>): Promise<Load> => {
    bytes = 0;
    const started = performance.now();
    await steps();
    return { ms: performance.now() - started, bytes };
  };
  const dashboard = () => page.getByTestId("stat-population").waitFor();
  const result = {
    "login page": await measure(async () => {
      await page.goto(url);
      await page.getByTestId("login-submit").waitFor();
    }),
    "dashboard after login": await measure(async () => {
      await page.getByTestId("login-username").fill("lingdao");
      await page.getByTestId("login-password").fill("relief-demo");
      await page.getByTestId("login-submit").click();
      await dashboard();
    }),
    "next visit": await measure(async () => {
      await page.goto(url);
      await dashboard();
    }),
  };
  await context.close();
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run"],
});
const plain = await serve(false);
const compressed = await serve(true);
const rows: string[] = [];
for (const slow of [false, true]) {
  const link = slow ? "10 Mbit/s, 150 ms" : "loopback";
  const runs = { plain: [] as Array<Record<Phase, Load>>, precompressed: [] as Array<Record<Phase, Load>> };
  for (let run = 0; run < RUNS; run++) {
    runs.plain.push(await visit(browser, plain.url, slow));
    runs.precompressed.push(await visit(browser, compressed.url, slow));
  }
  for (const phase of PHASES) {
    const base = median(runs.plain.map((r) => r[phase].ms));
    for (const [name, of] of Object.entries(runs)) {
      const ms = median(of.map((r) => r[phase].ms));
      const bytes = median(of.map((r) => r[phase].bytes));
      rows.push(
        `| ${link} | ${phase} | ${name === "plain" ? "plain (baseline)" : name} | ${(ms / 1000).toFixed(2)} s | ${(bytes / 1024).toFixed(0)} KB | ${(ms / base).toFixed(2)} |`,
      );
    }
  }
}
console.log(`\nWeb app first load, median of ${RUNS} runs each (Debian Chromium, fresh context per run)\n`);
console.log("| link | what | assets | time | transferred | ratio to baseline |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const row of rows) console.log(row);
await browser.close();
plain.server.close();
compressed.server.close();
database.close();
