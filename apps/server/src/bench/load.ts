/**
 * pnpm bench:load — a real server process on a temporary database with the Banan demo data, driven by
 * concurrent HTTP clients in the mix a district sees on a busy day: stock and coverage reads, receipts and
 * issues, a receipt import every minute, and one online backup (`pnpm relief backup`) while they write.
 * Prints requests/s and p50/p95/p99 latency per kind against the health check as the baseline measured in
 * the same run, the errors (the goal is none), then checks the ledger (`stock.verify`) and the backup copy.
 *
 *   pnpm bench:load [--clients 50] [--seconds 60]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { verifyBalances } from "@relief/core";
import { openDatabase } from "@relief/db";
import * as XLSX from "xlsx";
import { ROOT, startServerProcess, TSX } from "./server-process";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "60" },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);

const dir = mkdtempSync(path.join(tmpdir(), "relief-load-"));
const dbFile = path.join(dir, "relief.db");

interface Sample {
  kind: string;
  ms: number;
  ok: boolean;
  detail?: string;
}
const samples: Sample[] = [];

class Client {
  private cookie = "";
  constructor(private readonly url: string) {}

  async login(username: string) {
    const response = await fetch(`${this.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username, password: "relief-demo" }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    this.cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  }

  /** Calls a procedure and records its latency under `kind`; returns the data, or undefined on error. */
  async call<T>(kind: string, procedure: string, input?: unknown, mutation = false): Promise<T | undefined> {
    const started = performance.now();
    let ok = false;
    let detail: string | undefined;
    let data: T | undefined;
    try {
      const response = mutation
        ? await fetch(`${this.url}/trpc/${procedure}`, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: this.cookie },
            body: JSON.stringify(input ?? null),
          })
        : await fetch(
            `${this.url}/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
            { headers: { cookie: this.cookie } },
          );
      const body = (await response.json()) as { result?: { data: T }; error?: { message: string } };
      ok = response.ok;
      data = body.result?.data;
      if (!ok) detail = `${procedure} ${response.status} ${body.error?.message}`;
    } catch (error) {
      detail = `${procedure} ${(error as Error).message}`;
    }
    samples.push({ kind, ms: performance.now() - started, ok, ...(detail ? { detail } : {}) });
    return data;
  }
}

interface ItemRow {
  id: number;
  code: string;
}
interface WarehouseRow {
  id: number;
  code: string;
  kind: string;
  active: boolean;
}

function receiptWorkbook(warehouses: WarehouseRow[], items: ItemRow[], batch: number): string {
  const rows: unknown[][] = [["仓库编码", "物资编码", "批次号", "生产日期", "有效期至", "数量", "来源"]];
  for (let i = 0; i < 200; i++) {
    const warehouse = warehouses[i % warehouses.length] as WarehouseRow;
    const item = items[i % items.length] as ItemRow;
    rows.push([
      warehouse.code,
      item.code,
      `IMP-${batch}-${i}`,
      "2026-06-01",
      "2029-06-01",
      10 + (i % 7),
      "采购",
    ]);
  }
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), "入库");
  return Buffer.from(XLSX.write(workbook, { type: "array", bookType: "xlsx" })).toString("base64");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function main() {
  console.log(
    `Load benchmark: ${CLIENTS} clients for ${SECONDS} s against a server process (Banan demo data)`,
  );
  const { child, url } = await startServerProcess(dbFile);
  const setup = new Client(url);
  await setup.login("admin");
  const items = (await setup.call<ItemRow[]>("setup", "items.list")) ?? [];
  const warehouses = ((await setup.call<WarehouseRow[]>("setup", "warehouses.list")) ?? []).filter(
    (w) => w.active && w.kind !== "enterprise",
  );
  const random = (n: number) => Math.floor(Math.random() * n);
  const until = Date.now() + SECONDS * 1000;
  let sequence = 0;

  // Readers and writers: every client logs in as one of the demo roles and loops over its kind of work.
  const accounts = ["admin", "minzheng", "shangwu", "diaodu", "lingdao"];
  // One login at a time: the login throttle checks at most three parallel attempts for one user name from
  // one address and refuses the rest, as it would a password-guessing burst.
  let logins = Promise.resolve();
  async function worker(index: number) {
    const client = new Client(url);
    const account = accounts[index % accounts.length] as string;
    logins = logins.then(() => client.login(account));
    await logins;
    const writer = account === "admin";
    while (Date.now() < until) {
      const dice = random(100);
      const item = items[random(items.length)] as ItemRow;
      const warehouse = warehouses[random(warehouses.length)] as WarehouseRow;
      if (writer && dice < 30) {
        await client.call(
          "receipt",
          "stock.receive",
          {
            warehouseId: warehouse.id,
            source: { kind: "purchase", reference: "LOAD" },
            lines: Array.from({ length: 10 }, (_, i) => ({
              itemId: (items[(item.id + i) % items.length] as ItemRow).id,
              lotCode: `LOAD-${++sequence % 50}`,
              productionDate: "2026-06-01",
              expiryDate: "2029-06-01",
              quantity: 20,
            })),
          },
          true,
        );
      } else if (writer && dice < 45) {
        await client.call(
          "issue",
          "stock.issue",
          { warehouseId: warehouse.id, reason: "dispatch", lines: [{ itemId: item.id, quantity: 1 }] },
          true,
        );
      } else if (dice < 60) {
        await client.call("stock read", "stock.balances", { warehouseId: warehouse.id });
      } else if (dice < 70) {
        await client.call("stock read", "stock.documents", { page: 1 + random(3), pageSize: 50 });
      } else if (dice < 80) {
        await client.call("stock read", "stock.card", { itemId: item.id, warehouseId: warehouse.id });
      } else if (dice < 88) {
        await client.call("coverage", "coverage.summary", {});
      } else if (dice < 94) {
        await client.call("coverage", "coverage.byTownship", {});
      } else {
        if (random(2)) await client.call("register read", "warehouses.list");
        else await client.call("register read", "agreements.list", {});
      }
    }
  }

  // Issues only take what is there: seed every warehouse with the stock the writers will issue from.
  for (const warehouse of warehouses) {
    await setup.call(
      "setup",
      "stock.receive",
      {
        warehouseId: warehouse.id,
        source: { kind: "purchase", reference: "LOAD-SETUP" },
        lines: items.map((item) => ({
          itemId: item.id,
          lotCode: "LOAD-SETUP",
          productionDate: "2026-06-01",
          expiryDate: "2029-06-01",
          quantity: 100_000,
        })),
      },
      true,
    );
  }

  async function importer() {
    let batch = 0;
    while (Date.now() < until) {
      await setup.call(
        "import (200 rows)",
        "stock.importReceipts",
        { fileName: `load-${batch}.xlsx`, contentBase64: receiptWorkbook(warehouses, items, batch++) },
        true,
      );
      await new Promise((resolve) => setTimeout(resolve, Math.min(60_000, until - Date.now())));
    }
  }

  async function health() {
    while (Date.now() < until) {
      const started = performance.now();
      const response = await fetch(`${url}/healthz`).catch(() => undefined);
      samples.push({ kind: "/healthz (baseline)", ms: performance.now() - started, ok: !!response?.ok });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  const backupFile = path.join(dir, "backup.db");
  async function backup(): Promise<{ ms: number; output: string; code: number | null }> {
    await new Promise((resolve) => setTimeout(resolve, (SECONDS * 1000) / 2));
    const started = performance.now();
    const run = spawn(TSX, ["apps/server/src/cli.ts", "backup", backupFile, "--db", dbFile], { cwd: ROOT });
    let output = "";
    run.stdout.on("data", (c) => {
      output += c;
    });
    run.stderr.on("data", (c) => {
      output += c;
    });
    const code = await new Promise<number | null>((resolve) => run.on("exit", resolve));
    return { ms: performance.now() - started, output: output.trim(), code };
  }

  samples.length = 0;
  const started = performance.now();
  const [, , , backupRun] = await Promise.all([
    Promise.all(Array.from({ length: CLIENTS }, (_, i) => worker(i))),
    importer(),
    health(),
    backup(),
  ]);
  const elapsed = (performance.now() - started) / 1000;

  const verify = await setup.call<{ checked: number; differences: unknown[] }>("verify", "stock.verify");
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));

  const copy = openDatabase(backupFile);
  const integrity = copy.sqlite.pragma("integrity_check", { simple: true });
  const copyVerify = verifyBalances(copy.db);
  const copyLines = (copy.sqlite.prepare("SELECT COUNT(*) AS n FROM ledger_lines").get() as { n: number }).n;
  copy.close();

  const kinds = [...new Set(samples.map((s) => s.kind))];
  const baseline = samples.filter((s) => s.kind === "/healthz (baseline)").map((s) => s.ms);
  const baseP50 = percentile(
    baseline.sort((a, b) => a - b),
    50,
  );
  console.log(
    `\n${samples.length.toLocaleString()} requests in ${elapsed.toFixed(1)} s: ${(samples.length / elapsed).toFixed(0)} requests/s\n`,
  );
  console.log("| kind | requests | requests/s | p50 | p95 | p99 | p50 ratio to /healthz | errors |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const kind of kinds) {
    const of = samples.filter((s) => s.kind === kind);
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    const p50 = percentile(ms, 50);
    console.log(
      `| ${kind} | ${of.length.toLocaleString()} | ${(of.length / elapsed).toFixed(1)} | ${p50.toFixed(1)} ms | ${percentile(ms, 95).toFixed(1)} ms | ${percentile(ms, 99).toFixed(1)} ms | ${(p50 / baseP50).toFixed(1)} | ${of.filter((s) => !s.ok).length} |`,
    );
  }
  const errors = samples.filter((s) => !s.ok);
  for (const detail of [...new Set(errors.map((e) => e.detail))].slice(0, 10))
    console.log(`error: ${detail}`);
  console.log(
    `\nstock.verify after the run: ${verify ? `${verify.checked.toLocaleString()} balance keys, ${verify.differences.length} differences` : "FAILED"}`,
  );
  console.log(
    `backup during the run: exit ${backupRun.code} in ${(backupRun.ms / 1000).toFixed(1)} s (${backupRun.output}); ` +
      `copy integrity_check: ${integrity}; copy stock.verify: ${copyVerify.checked.toLocaleString()} keys, ` +
      `${copyVerify.differences.length} differences, ${copyLines.toLocaleString()} ledger lines`,
  );
  const clean =
    errors.length === 0 &&
    verify?.differences.length === 0 &&
    backupRun.code === 0 &&
    integrity === "ok" &&
    copyVerify.differences.length === 0;
  console.log(`\ngoal: 0 errors, clean ledger and backup — ${clean ? "met" : "NOT met"}`);
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = clean ? 0 : 1;
}

await main();
