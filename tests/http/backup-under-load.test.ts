import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { verifyBalances } from "@relief/core";
import { openDatabase } from "@relief/db";
import { prepareDatabase } from "@relief/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProcess } from "./process";
import { call, login } from "./raw";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** `pnpm relief backup` as an operator runs it, in its own process. */
function backup(target: string, db: string): Promise<{ code: number | null; output: string }> {
  const run = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    ["apps/server/src/cli.ts", "backup", target, "--db", db],
    {
      cwd: ROOT,
    },
  );
  let output = "";
  run.stdout.on("data", (chunk) => {
    output += chunk;
  });
  run.stderr.on("data", (chunk) => {
    output += chunk;
  });
  const timer = setTimeout(() => run.kill("SIGKILL"), 30_000);
  return new Promise((resolve) =>
    run.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe("online backup while the server posts receipts", { timeout: 120_000 }, () => {
  let dir: string;
  let server: ReturnType<typeof startProcess>;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-backup-"));
    // A few years of audit history (about 25 MB): a backup that copies page by page needs many steps,
    // and commits land between them.
    const { database } = await prepareDatabase(path.join(dir, "relief.db"), "banan");
    const history = database.sqlite.prepare(
      "INSERT INTO audit_log (at, username, action, target_type, target_ids, summary) VALUES (?, 'minzheng', 'stock.receive', 'stock_document', '[1]', ?)",
    );
    database.sqlite.transaction(() => {
      for (let i = 0; i < 40_000; i++)
        history.run(
          new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString(),
          JSON.stringify({ note: "入库".repeat(200), i }),
        );
    })();
    database.close();
    server = startProcess({ RELIEF_DB: path.join(dir, "relief.db") });
    url = await server.listening;
  });

  afterAll(async () => {
    server.child.kill("SIGTERM");
    await server.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it("produces a copy that opens, passes integrity_check and balances with its ledger", async () => {
    const cookie = await login(url, "admin");
    const warehouses = (await call(url, cookie, "warehouses.list", {}, "GET")).body.result?.data as Array<{
      id: number;
      kind: string;
    }>;
    const items = (await call(url, cookie, "items.list", {}, "GET")).body.result?.data as Array<{
      id: number;
    }>;
    const targets = warehouses.filter((w) => w.kind !== "enterprise");
    let writing = true;
    let posted = 0;
    // Four writers keep a commit landing every few milliseconds for the whole backup.
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let n = 0; writing; n++) {
        const warehouse = targets[(writer + n) % targets.length];
        const response = await call(
          url,
          cookie,
          "stock.receive",
          {
            warehouseId: warehouse?.id,
            source: { kind: "purchase" },
            lines: items.slice(0, 5).map((item) => ({
              itemId: item.id,
              lotCode: `BK-${writer}-${n % 20}`,
              productionDate: "2026-06-01",
              expiryDate: "2029-06-01",
              quantity: 3,
            })),
          },
          "POST",
        );
        expect(response.status, response.body.error?.message).toBe(200);
        posted++;
      }
    });
    // And a clerk's worth of audit rows from a second connection, committed every few milliseconds.
    const second = openDatabase(path.join(dir, "relief.db"));
    const audit = second.sqlite.prepare(
      "INSERT INTO audit_log (at, username, action, summary) VALUES (?, 'minzheng', 'areas.update', '{}')",
    );
    const ticker = setInterval(() => audit.run(new Date().toISOString()), 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const target = path.join(dir, "copy.db");
    const result = await backup(target, path.join(dir, "relief.db"));
    writing = false;
    clearInterval(ticker);
    second.close();
    await Promise.all(writers);

    expect(result, result.output).toMatchObject({ code: 0 });
    expect(result.output).toContain("已备份到");
    expect(posted).toBeGreaterThan(10);
    const copy = openDatabase(target);
    try {
      expect(copy.sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      const verify = verifyBalances(copy.db);
      expect(verify.differences).toEqual([]);
      expect(verify.checked).toBeGreaterThan(0);
    } finally {
      copy.close();
    }
  });
});
