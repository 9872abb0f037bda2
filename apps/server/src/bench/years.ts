/**
 * pnpm bench:years — four years of a district's data, then every page's data and every export timed against a
 * real server process. Builds the database through the core actions (packages/core/src/bench/simulate: the
 * Banan demo data grown day by day on the context clock) or reuses a kept one, starts the server on it, logs
 * in as the account each page is for, and times each procedure a page calls when it opens (median of 5, size
 * of the answer) and each download, while a worker thread polls `/healthz` every 50 ms. Goals (issue 11):
 * every page's data < 300 ms and < 1 MB, every export < 2 s, `/healthz` < 100 ms throughout. The baseline for
 * ratios is the idle server's `/healthz`, measured in the same run.
 *
 *   pnpm bench:years [--days 1460] [--db PATH]   (PATH kept; an existing PATH is reused, not rebuilt)
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@relief/core";
import { simulateDistrict } from "@relief/core/bench";
import { migrateDatabase, openDatabase } from "@relief/db";
import { startServerProcess, stopServerProcess } from "./server-process";
import { epochNow, percentile, Session, startHealthPoller, type Timing } from "./years-http";

const { values } = parseArgs({
  options: { days: { type: "string", default: "1460" }, db: { type: "string" } },
});
const DAYS = Number(values.days);
const RUNS = 5;
/** A call slower than this is timed fewer times: five runs of a minute-long call would say nothing more. */
const BUDGET_MS = 30_000;
const TIMEOUT_MS = 180_000;
const GOAL = { pageMs: 300, pageBytes: 1024 * 1024, exportMs: 2000, healthMs: 100 };

type Account = "admin" | "minzheng" | "shangwu" | "diaodu" | "lingdao";

/** Records the pages open on: the busiest item, the largest document, the most-worked agreement… */
interface Sample {
  township: number;
  item: number;
  document: number;
  agreement: number;
  enterprise: number;
  count: number;
}

interface Call {
  procedure: string;
  input?: unknown;
}

interface PageLoad {
  page: string;
  account: Account;
  calls: Call[];
}

const call = (procedure: string, input?: unknown): Call => ({ procedure, input });
const ME = call("auth.me");
/** What every stock page reads for its pickers and names (useStockRefs). */
const STOCK_REFS = [call("items.list"), call("warehouses.list")];
const COVERAGE = { targetRatio: 0.1, countDeclared: false };

/**
 * THE TABLE: every page of the web app and what it asks the server for when it opens with its default
 * address (apps/web/src/router.tsx, apps/web/src/pages/**), with the inputs the web code sends. Keep it in
 * step with the pages: when a list moves to server paging, its input here changes with it.
 */
function pageLoads(s: Sample): PageLoad[] {
  const first = (pageSize: number, sort: string, order = "asc") => ({ page: 1, pageSize, sort, order });
  return [
    {
      page: "首页 /",
      account: "lingdao",
      calls: [
        ME,
        call("coverage.dashboard"),
        call("coverage.summary", COVERAGE),
        call("coverage.byTownship", COVERAGE),
        call("coverage.snapshots", { days: 365 }),
      ],
    },
    { page: "地区 /areas", account: "minzheng", calls: [ME, call("areas.list")] },
    {
      page: "地区 /areas, a township opened",
      account: "minzheng",
      calls: [call("areas.villages", { townshipId: s.township, page: 1, pageSize: 20 })],
    },
    {
      page: "库存 /stock",
      account: "minzheng",
      calls: [
        ME,
        ...STOCK_REFS,
        call("items.categories"),
        call("stock.balances", { includeEmpty: false, ...first(50, "warehouse") }),
      ],
    },
    {
      page: "库存 /stock?view=items",
      account: "minzheng",
      calls: [ME, ...STOCK_REFS, call("stock.itemTotals", { includeEmpty: false, ...first(50, "item") })],
    },
    {
      page: "批次登记 /stock?view=register",
      account: "minzheng",
      calls: [ME, ...STOCK_REFS, call("stock.lots", first(50, "item"))],
    },
    {
      page: "库存卡 /stock/card?itemId=…",
      account: "minzheng",
      calls: [
        ME,
        ...STOCK_REFS,
        call("stock.card", { itemId: s.item, ...first(100, "postedAt") }),
        call("stock.lots", { itemId: s.item, pageSize: 50, sort: "expiry", order: "desc" }),
      ],
    },
    { page: "记账 /stock/post", account: "minzheng", calls: [ME, ...STOCK_REFS] },
    { page: "入库导入 /stock/import", account: "minzheng", calls: [ME, ...STOCK_REFS] },
    {
      page: "效期 /expiry",
      account: "minzheng",
      calls: [
        ME,
        ...STOCK_REFS,
        call("stock.expiry", { withinDays: 90, list: "expiring", ...first(50, "expiry") }),
      ],
    },
    {
      page: "效期 /expiry?tab=expired",
      account: "minzheng",
      calls: [call("stock.expiry", { withinDays: 90, list: "expired", ...first(50, "expiry") })],
    },
    {
      page: "效期 /expiry?tab=rotation",
      account: "minzheng",
      calls: [call("stock.rotation", { withinDays: 90, rotationLeadDays: 30, ...first(50, "expiry") })],
    },
    {
      page: "预留 /reservations",
      account: "diaodu",
      calls: [
        ME,
        ...STOCK_REFS,
        call("stock.reservations", {}),
        call("stock.documents", { type: "reserve", pageSize: 20 }),
      ],
    },
    {
      page: "单据 /documents",
      account: "minzheng",
      calls: [
        ME,
        ...STOCK_REFS,
        call("stock.documents", { page: 1, pageSize: 20 }),
        call("stock.documents", { awaitingReceipt: true, pageSize: 1 }),
      ],
    },
    {
      page: "单据详情 /documents/:id",
      account: "minzheng",
      calls: [ME, ...STOCK_REFS, call("stock.document", { id: s.document })],
    },
    { page: "盘点 /counts", account: "minzheng", calls: [ME, ...STOCK_REFS, call("stock.counts", {})] },
    {
      page: "盘点单 /counts/:id",
      account: "minzheng",
      calls: [ME, ...STOCK_REFS, call("stock.count", { id: s.count })],
    },
    {
      page: "物资目录 /catalog",
      account: "admin",
      calls: [ME, call("items.list"), call("items.categories")],
    },
    { page: "仓库 /warehouses", account: "admin", calls: [ME, call("warehouses.list"), call("users.list")] },
    {
      page: "企业 /enterprises",
      account: "shangwu",
      calls: [ME, call("enterprises.list", first(50, "name"))],
    },
    {
      page: "企业详情 /enterprises/:id",
      account: "shangwu",
      calls: [ME, call("enterprises.get", { id: s.enterprise }), call("areas.list")],
    },
    {
      page: "协议 /agreements",
      account: "shangwu",
      calls: [
        ME,
        call("agreements.list", first(50, "endDate")),
        call("agreements.reminders", { limit: 1 }),
        call("enterprises.options", {}),
        call("items.list"),
      ],
    },
    {
      page: "调用 /agreements?tab=calloffs",
      account: "shangwu",
      calls: [ME, call("agreements.calloffs", { page: 1, pageSize: 50 }), call("enterprises.options", {})],
    },
    {
      page: "协议详情 /agreements/:id",
      account: "shangwu",
      calls: [
        ME,
        call("agreements.get", { id: s.agreement }),
        call("agreements.calloffs", { agreementId: s.agreement, page: 1, pageSize: 20 }),
        call("agreements.declarations", { agreementId: s.agreement, page: 1, pageSize: 10 }),
        call("agreements.verifications", { agreementId: s.agreement, page: 1, pageSize: 10 }),
        call("items.list"),
      ],
    },
    { page: "表格 /commerce/sheets", account: "shangwu", calls: [ME, call("enterprises.options", {})] },
    { page: "用户 /users", account: "admin", calls: [ME, call("users.list")] },
    {
      page: "审计 /audit",
      account: "admin",
      calls: [ME, call("users.list"), call("audit.list", { page: 1, pageSize: 20 })],
    },
    {
      page: "定额 /quotas",
      account: "admin",
      calls: [ME, call("quotas.list", {}), call("items.categories")],
    },
    {
      page: "避难场所 /shelters",
      account: "minzheng",
      calls: [ME, call("shelters.list"), call("coverage.byTownship", {}), call("coverage.summary", {})],
    },
    {
      page: "保障能力报表 /coverage/report",
      account: "lingdao",
      calls: [ME, call("coverage.summary", COVERAGE), call("coverage.snapshots", { days: 365 })],
    },
  ];
}

/** Every download the pages offer, and the ledger check (stock.verify) that runs beside the users. */
function downloads(s: Sample): Array<Call & { account: Account }> {
  const as = (account: Account, c: Call) => ({ ...c, account });
  return [
    as("minzheng", call("stock.exportBalances", { includeEmpty: false })),
    as("minzheng", call("stock.exportCard", { itemId: s.item })),
    as("minzheng", call("stock.receiptTemplate")),
    as("minzheng", call("areas.exportPopulation")),
    as("minzheng", call("areas.populationTemplate")),
    as("shangwu", call("enterprises.export")),
    as("shangwu", call("enterprises.template")),
    as("shangwu", call("agreements.export")),
    as("shangwu", call("agreements.template")),
    as("shangwu", call("agreements.exportDeclarations")),
    as("shangwu", call("agreements.declarationTemplate", {})),
    as("lingdao", call("coverage.exportReport", COVERAGE)),
    as("admin", call("stock.verify")),
  ];
}

/** The district's figures the issue describes, for comparison with what was built. */
const TARGETS: Record<string, number> = {
  ledger_lines: 1_230_000,
  stock_documents: 53_293,
  lots: 15_930,
  items: 609,
  warehouses: 82,
  areas: 3_001,
  agreements: 509,
  audit_log: 70_000,
};

async function buildDatabase(file: string): Promise<void> {
  console.log(`Building ${DAYS} simulated days into ${file} …`);
  const database = openDatabase(file);
  migrateDatabase(database.db);
  const started = performance.now();
  const result = await simulateDistrict(database, {
    days: DAYS,
    onDay: (day) => {
      if (day > 0 && day % 365 === 0) {
        console.log(`  day ${day}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  const seconds = (performance.now() - started) / 1000;
  database.sqlite.pragma("wal_checkpoint(TRUNCATE)");
  database.close();
  const refused = Object.entries(result.refused);
  console.log(
    `Built ${result.firstDay} to ${result.lastDay} in ${seconds.toFixed(0)} s (${(seconds / 60).toFixed(1)} min), ` +
      `${(statSync(file).size / 1e6).toFixed(0)} MB; ${refused.length === 0 ? "no action refused" : `refused: ${JSON.stringify(result.refused)}`}`,
  );
  const slowest = Object.entries(result.seconds)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([kind, s]) => `${kind} ${s.toFixed(0)} s (${result.done[kind] ?? 0}×)`);
  console.log(`Where the time went: ${slowest.join(", ")}\n`);
}

function describeDatabase(file: string): Sample {
  const { sqlite, close } = openDatabase(file);
  const one = (sql: string) => (sqlite.prepare(sql).get() as { id: number } | undefined)?.id ?? 1;
  const sample: Sample = {
    township: one(`SELECT parent_id AS id FROM areas WHERE level = 'village'
      GROUP BY parent_id ORDER BY COUNT(*) DESC LIMIT 1`),
    item: one("SELECT item_id AS id FROM ledger_lines GROUP BY item_id ORDER BY COUNT(*) DESC LIMIT 1"),
    document: one(
      "SELECT document_id AS id FROM ledger_lines GROUP BY document_id ORDER BY COUNT(*) DESC LIMIT 1",
    ),
    agreement: one(`SELECT l.agreement_id AS id FROM agreement_declarations d
      JOIN agreement_lines l ON l.id = d.line_id GROUP BY l.agreement_id ORDER BY COUNT(*) DESC LIMIT 1`),
    enterprise: one(
      "SELECT enterprise_id AS id FROM agreements GROUP BY enterprise_id ORDER BY COUNT(*) DESC LIMIT 1",
    ),
    count: one(
      "SELECT count_id AS id FROM stock_count_lines GROUP BY count_id ORDER BY COUNT(*) DESC LIMIT 1",
    ),
  };
  console.log("| table | rows | issue 11 |");
  console.log("| --- | --- | --- |");
  for (const table of Object.keys(TARGETS)) {
    const n = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    console.log(`| ${table} | ${n.toLocaleString("en")} | ${(TARGETS[table] ?? 0).toLocaleString("en")} |`);
  }
  console.log(`\nRecords the pages open on: ${JSON.stringify(sample)}\n`);
  close();
  return sample;
}

interface Measured {
  account: Account;
  procedure: string;
  input: unknown;
  runs: Timing[];
  median: number;
  bytes: number;
  error?: string;
  healthWorst: number;
  healthP99: number;
}

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`);
const size = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
const shown = (input: unknown) => {
  const text = input === undefined ? "—" : JSON.stringify(input);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}…` : text}\``;
};
const met = (ok: boolean) => (ok ? "met" : "**NOT met**");

async function main() {
  const keep = values.db ? path.resolve(values.db) : undefined;
  const dir = keep ? undefined : mkdtempSync(path.join(tmpdir(), "relief-years-"));
  const file = keep ?? path.join(dir as string, "relief.db");
  if (keep && existsSync(keep)) console.log(`Reusing ${keep} (delete it to build anew).\n`);
  else await buildDatabase(file);
  const sample = describeDatabase(file);

  const starting = performance.now();
  const { child, url } = await startServerProcess(file, { RELIEF_SEED: "none" });
  const startup = performance.now() - starting;
  const health = startHealthPoller(url, 50);
  const sessions = new Map<Account, Session>();
  for (const account of ["admin", "minzheng", "shangwu", "diaodu", "lingdao"] as const) {
    const session = new Session(url);
    await session.login(account, DEMO_PASSWORD);
    sessions.set(account, session);
  }
  const idleFrom = epochNow();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idle = health.during(idleFrom, epochNow());
  const baseline = percentile(idle, 50);

  const measured = new Map<string, Measured>();
  async function measure(account: Account, c: Call): Promise<Measured> {
    const key = `${account} ${c.procedure} ${JSON.stringify(c.input)}`;
    const known = measured.get(key);
    if (known) return known;
    const session = sessions.get(account) as Session;
    const from = epochNow();
    const runs: Timing[] = [];
    while (runs.length < RUNS && runs.reduce((sum, r) => sum + r.ms, 0) < BUDGET_MS) {
      const run = await session.query(c.procedure, c.input, TIMEOUT_MS);
      runs.push(run);
      if (!run.ok) break;
    }
    // Health checks still under way when the call ended show how long the server was held.
    await new Promise((resolve) => setTimeout(resolve, 120));
    const during = health.during(from, epochNow());
    const result: Measured = {
      account,
      procedure: c.procedure,
      input: c.input,
      runs,
      median: percentile(
        runs.map((r) => r.ms),
        50,
      ),
      bytes: runs[0]?.bytes ?? 0,
      ...(runs.some((r) => !r.ok) && { error: runs.find((r) => !r.ok)?.error }),
      healthWorst: Math.max(0, ...during),
      healthP99: percentile(during, 99),
    };
    measured.set(key, result);
    return result;
  }

  const started = performance.now();
  const pageRows: string[] = [];
  const goals = { pageMs: [0, 0], pageBytes: [0, 0], exportMs: [0, 0], health: [0, 0] };
  const tally = (goal: number[], ok: boolean) => {
    goal[1] = (goal[1] ?? 0) + 1;
    if (ok) goal[0] = (goal[0] ?? 0) + 1;
  };
  for (const page of pageLoads(sample)) {
    for (const c of page.calls) {
      const m = await measure(page.account, c);
      const fast = !m.error && m.median < GOAL.pageMs;
      const small = !m.error && m.bytes < GOAL.pageBytes;
      tally(goals.pageMs, fast);
      tally(goals.pageBytes, small);
      pageRows.push(
        `| ${page.page} | ${page.account} | ${c.procedure} | ${shown(c.input)} | ${m.error ? `error: ${m.error}` : ms(m.median)} | ${m.runs.length} | ${size(m.bytes)} | ${(m.median / baseline).toFixed(0)}× | < 300 ms, < 1 MB | ${met(fast && small)} |`,
      );
    }
  }
  const exportRows: string[] = [];
  for (const d of downloads(sample)) {
    const m = await measure(d.account, d);
    const check = d.procedure === "stock.verify";
    const fast = !m.error && m.median < GOAL.exportMs;
    if (!check) tally(goals.exportMs, fast);
    exportRows.push(
      `| ${d.procedure} | ${d.account} | ${shown(d.input)} | ${m.error ? `error: ${m.error}` : ms(m.median)} | ${m.runs.length} | ${size(m.bytes)} | ${(m.median / baseline).toFixed(0)}× | ${check ? "— (/healthz only)" : "< 2 s"} | ${check ? "—" : met(fast)} |`,
    );
  }
  const measuring = (performance.now() - started) / 1000;
  await health.stop();
  await stopServerProcess(child);

  console.log(
    `Server process started in ${ms(startup)}. Baseline: idle /healthz median ${ms(baseline)}, p99 ${ms(percentile(idle, 99))} (${idle.length} checks).\n`,
  );
  console.log(`Page data: what each page asks for when it opens (median of up to ${RUNS} runs)\n`);
  console.log(
    "| page | account | procedure | input | median | runs | size | ratio to idle /healthz | goal | goal met |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of pageRows) console.log(row);
  console.log("\nDownloads and the ledger check\n");
  console.log(
    "| procedure | account | input | median | runs | size | ratio to idle /healthz | goal | goal met |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const row of exportRows) console.log(row);
  console.log("\n/healthz (every 50 ms from another thread) while each call ran\n");
  console.log("| procedure | account | input | /healthz worst | /healthz p99 | goal | goal met |");
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const m of measured.values()) {
    const ok = m.healthWorst < GOAL.healthMs;
    tally(goals.health, ok);
    console.log(
      `| ${m.procedure} | ${m.account} | ${shown(m.input)} | ${ms(m.healthWorst)} | ${ms(m.healthP99)} | < 100 ms | ${met(ok)} |`,
    );
  }
  const line = (name: string, [ok, all]: number[]) => `${name} ${ok}/${all}`;
  const allMet = Object.values(goals).every(([ok, all]) => ok === all);
  console.log(
    `\nGoals (${measuring.toFixed(0)} s of measuring): ${[
      line("page data < 300 ms", goals.pageMs),
      line("page data < 1 MB", goals.pageBytes),
      line("exports < 2 s", goals.exportMs),
      line("/healthz < 100 ms throughout", goals.health),
    ].join("; ")} — ${allMet ? "all met" : "NOT all met"}`,
  );
  if (dir) rmSync(dir, { recursive: true, force: true });
  process.exitCode = allMet ? 0 : 1;
}

await main();
