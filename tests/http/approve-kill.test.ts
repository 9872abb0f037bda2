import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { listReservations, verifyBalances } from "@relief/core";
import { openDatabase } from "@relief/db";
import { prepareDatabase } from "@relief/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProcess } from "./process";
import { signedIn } from "./trpc-client";

type Server = ReturnType<typeof startProcess>;

/** How long the approval's write lock must have been held before the kill: well into writing its orders. */
const INTO_THE_APPROVAL_MS = 5;

/**
 * Sends the approval, watches the database's write lock from this process (BEGIN IMMEDIATE with no busy wait
 * fails only while another connection writes: the approval's transaction, the one write of its request) and
 * kills the server with SIGKILL once the lock has been held for INTO_THE_APPROVAL_MS. Resolves with whether the
 * answer came first (the approval outran the watcher and committed).
 */
async function killDuringApproval(server: Server, file: string, approve: () => Promise<unknown>) {
  const watcher = openDatabase(file);
  watcher.sqlite.pragma("busy_timeout = 0");
  let answered = false;
  const call = approve().then(
    () => {
      answered = true;
    },
    () => undefined,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let lockedSince: number | null = null;
      const tick = () => {
        if (answered) return resolve();
        try {
          watcher.sqlite.exec("BEGIN IMMEDIATE");
          watcher.sqlite.exec("ROLLBACK");
          lockedSince = null;
        } catch (error) {
          if ((error as { code?: string }).code !== "SQLITE_BUSY") return reject(error);
          lockedSince ??= performance.now();
          if (performance.now() - lockedSince >= INTO_THE_APPROVAL_MS) {
            server.child.kill("SIGKILL");
            return resolve();
          }
        }
        // setImmediate rather than a loop: the request must leave this process while we watch.
        setImmediate(tick);
      };
      tick();
    });
  } finally {
    watcher.close();
  }
  await server.exited;
  await call;
  return { answeredBeforeKill: answered };
}

/** What the database holds of a plan's approval after the server died: all of it or none, and which. */
function approvalLeft(file: string, planId: number, expectedOrders: number): "all" | "none" {
  const database = openDatabase(file);
  try {
    const { db, sqlite } = database;
    expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(verifyBalances(db).differences).toEqual([]);
    const plan = sqlite
      .prepare("SELECT approved_at AS approvedAt FROM dispatch_plans WHERE id = ?")
      .get(planId) as {
      approvedAt: string | null;
    };
    const orders = sqlite
      .prepare("SELECT id, number FROM dispatch_orders WHERE plan_id = ?")
      .all(planId) as Array<{
      id: number;
      number: string;
    }>;
    const audits = sqlite
      .prepare("SELECT id FROM audit_log WHERE action = 'dispatch.approve' AND target_ids = ?")
      .all(JSON.stringify([planId]));
    if (orders.length === 0) {
      expect(plan.approvedAt).toBeNull();
      expect(audits).toHaveLength(0);
      expect(listReservations(db).filter((r) => r.dispatchRef.startsWith("DB-"))).toEqual([]);
      return "none";
    }
    expect(orders).toHaveLength(expectedOrders);
    expect(plan.approvedAt).not.toBeNull();
    expect(audits).toHaveLength(1);
    const lines = sqlite.prepare(
      "SELECT lot_id AS lotId, quantity FROM dispatch_order_lines WHERE order_id = ? AND lot_id IS NOT NULL",
    );
    for (const order of orders) {
      const held = listReservations(db, { dispatchRef: order.number }).map((h) => [h.lotId, h.reserved]);
      const carried = (lines.all(order.id) as Array<{ lotId: number; quantity: number }>).map((l) => [
        l.lotId,
        l.quantity,
      ]);
      expect(held.sort()).toEqual(carried.sort());
    }
    return "all";
  } finally {
    database.close();
  }
}

describe("a server killed in the middle of an approval", { timeout: 600_000 }, () => {
  let dir: string;
  let file: string;
  let server: Server | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-approve-kill-"));
    file = path.join(dir, "relief.db");
    const { database } = await prepareDatabase(file, "banan");
    database.close();
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves the whole approval or none of it, and the plan approves cleanly after a restart", async () => {
    const outcomes: Array<"all" | "none"> = [];
    // A kill lands after the commit only if the approval outruns the watcher; then try another incident.
    for (let attempt = 0; attempt < 3 && !outcomes.includes("none"); attempt++) {
      server = startProcess({ RELIEF_DB: file }, { direct: true });
      const diaodu = await signedIn(await server.listening, "diaodu");
      const townships = (await diaodu.areas.list.query()).areas.filter((a) => a.level === "township");
      const { id: incidentId } = await diaodu.incidents.create.mutate({
        type: "flood",
        title: `全区洪涝 ${attempt + 1}`,
        startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        areas: townships.map((t) => ({ areaId: t.id, affected: 3000, relocated: 1500 })),
      });
      const plan = await diaodu.dispatch.plan.mutate({ incidentId });
      const expected = plan.routes.flatMap((r) => r.stops.filter((s) => s.deliveries.length > 0)).length;
      expect(expected).toBeGreaterThan(10);

      const { answeredBeforeKill } = await killDuringApproval(server, file, () =>
        diaodu.dispatch.approve.mutate({ planId: plan.planId }),
      );
      const left = approvalLeft(file, plan.planId, expected);
      if (answeredBeforeKill) expect(left).toBe("all");
      outcomes.push(left);

      // The restarted server reads the same story: and a plan left unapproved approves in full.
      server = startProcess({ RELIEF_DB: file }, { direct: true });
      const url = await server.listening;
      const again = await signedIn(url, "diaodu");
      if (left === "none") {
        const { orders } = await again.dispatch.approve.mutate({ planId: plan.planId });
        expect(orders).toHaveLength(expected);
      }
      const admin = await signedIn(url, "admin");
      expect((await admin.stock.verify.query()).differences).toEqual([]);
      // Cancelling frees the trucks and the stock for the next attempt's plan.
      await again.dispatch.cancel.mutate({ planId: plan.planId, reason: "测试结束" });
      server.child.kill("SIGTERM");
      await server.exited;
    }
    console.info(`what each killed approval left: ${outcomes.join(", ")}`);
    expect(outcomes).toContain("none");
  });
});
