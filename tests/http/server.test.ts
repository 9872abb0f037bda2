import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppRouter } from "@relief/api";
import { type RunningServer, startServer } from "@relief/server";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A client with its own cookie jar, like one browser. */
function client(url: string) {
  const jar = new Map<string, string>();
  const trpc = createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        async fetch(input, init) {
          const headers = new Headers(init?.headers);
          if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
          const response = await fetch(input, { ...init, headers });
          for (const cookie of response.headers.getSetCookie()) {
            const [pair = ""] = cookie.split(";");
            const [name = "", value = ""] = pair.split("=");
            if (value) jar.set(name, value);
            else jar.delete(name);
          }
          return response;
        },
      }),
    ],
  });
  return { trpc, jar };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code;
    throw error;
  }
}

describe("HTTP server", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-http-"));
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      databasePath: path.join(dir, "nested", "relief.db"),
      seed: "banan",
      logLevel: "silent",
      webDist: path.join(dir, "no-web"),
      trustProxy: false,
    });
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers the health check after creating, migrating and seeding a new database file", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("sends security headers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("rejects anonymous calls with UNAUTHORIZED (HTTP 401)", async () => {
    const { trpc } = client(server.url);
    expect(await codeOf(trpc.areas.list.query())).toBe("UNAUTHORIZED");
    const raw = await fetch(`${server.url}/trpc/areas.list`);
    expect(raw.status).toBe(401);
  });

  it("logs in with an HttpOnly, SameSite=Lax session cookie and calls procedures with it", async () => {
    const response = await fetch(`${server.url}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "minzheng", password: "relief-demo" }),
    });
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^relief_session=[\w-]{20,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Expires=");

    const { trpc } = client(server.url);
    const { user } = await trpc.auth.login.mutate({ username: "minzheng", password: "relief-demo" });
    expect(user.role).toBe("civil_affairs");
    expect(await trpc.auth.me.query()).toMatchObject({ username: "minzheng" });
    const overview = await trpc.areas.list.query();
    expect(overview.areas.filter((a) => a.level === "township")).toHaveLength(23);
  });

  it("refuses a role without the right with FORBIDDEN (HTTP 403)", async () => {
    const { trpc } = client(server.url);
    await trpc.auth.login.mutate({ username: "lingdao", password: "relief-demo" });
    expect(await codeOf(trpc.areas.update.mutate({ id: 2, population: 1 }))).toBe("FORBIDDEN");
    expect(await codeOf(trpc.audit.list.query({}))).toBe("FORBIDDEN");
  });

  it("returns Chinese messages and field details for bad input", async () => {
    const { trpc } = client(server.url);
    await trpc.auth.login.mutate({ username: "admin", password: "relief-demo" });
    try {
      await trpc.users.create.mutate({ username: "X", displayName: "", role: "admin", password: "short" });
      expect.unreachable();
    } catch (error) {
      const e = error as TRPCClientError<AppRouter>;
      expect(e.data?.httpStatus).toBe(400);
      expect(e.data?.details?.code).toBe("INPUT");
      expect(e.data?.details?.issues.map((i) => i.field)).toEqual(["username", "displayName", "password"]);
      expect(e.message).toContain("密码至少 10 位");
      expect(e.data?.stack).toBeUndefined();
    }
  });

  it("serves the commerce bureau's agreements and names the bad agreement line over HTTP", async () => {
    const { trpc } = client(server.url);
    await trpc.auth.login.mutate({ username: "shangwu", password: "relief-demo" });
    const agreements = (await trpc.agreements.list.query({})).rows;
    expect(agreements.find((a) => a.status === "expiring")?.number).toBe("BNSW-XY-2026-002");
    const water = agreements.find((a) => a.number === "BNSW-XY-2026-001");
    try {
      await trpc.agreements.create.mutate({
        number: "HTTP-XY-001",
        enterpriseId: water?.enterpriseId ?? 0,
        kind: "stock",
        startDate: "2026-01-01",
        endDate: "2026-12-31",
        lines: [{ itemId: water?.lines[0]?.itemId ?? 0, quantity: 10, responseHours: 6 }],
      });
      expect.unreachable();
    } catch (error) {
      const e = error as TRPCClientError<AppRouter>;
      expect(e.data?.httpStatus).toBe(400);
      expect(e.data?.details?.issues).toEqual([
        {
          field: "lines.0.warehouseId",
          text: { key: "agreements.error.stockLineWarehouse" },
          message: "请选择存放协议物资的企业仓库",
        },
      ]);
    }
  });

  it("takes the day's coverage snapshot on start and serves the figure to a leader", async () => {
    const { trpc } = client(server.url);
    await trpc.auth.login.mutate({ username: "lingdao", password: "relief-demo" });
    const snapshots = await trpc.coverage.snapshots.query({});
    expect(snapshots.filter((s) => s.trigger === "daily")).toHaveLength(1);
    const summary = await trpc.coverage.summary.query({});
    expect(summary).toMatchObject({ population: 1_178_856, targetPeople: 117_886 });
    expect(snapshots[0]?.peopleCovered).toBe(summary.headline.peopleCovered);
    expect(await codeOf(trpc.coverage.takeSnapshot.mutate())).toBe("FORBIDDEN");
  });

  it("ends the session on logout", async () => {
    const { trpc, jar } = client(server.url);
    await trpc.auth.login.mutate({ username: "diaodu", password: "relief-demo" });
    const token = jar.get("relief_session");
    await trpc.auth.logout.mutate();
    expect(jar.has("relief_session")).toBe(false);
    const replay = await fetch(`${server.url}/trpc/auth.me`, {
      headers: { cookie: `relief_session=${token}` },
    });
    expect(replay.status).toBe(401);
  });

  it("refuses a body over the size limit with a clear message", async () => {
    const { jar, trpc } = client(server.url);
    await trpc.auth.login.mutate({ username: "minzheng", password: "relief-demo" });
    const response = await fetch(`${server.url}/trpc/areas.importPopulation`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: `relief_session=${jar.get("relief_session")}` },
      body: JSON.stringify({ fileName: "big.xlsx", contentBase64: "A".repeat(16 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      error: { message: "请求内容过大（上传文件最大 10 MB）", text: { key: "common.error.uploadTooLarge" } },
    });
  });
});
