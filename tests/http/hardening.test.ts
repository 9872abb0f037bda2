import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { brotliCompressSync, gzipSync } from "node:zlib";
import type { ReliefDatabase } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { createApp, prepareDatabase } from "@relief/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login } from "./raw";

/**
 * What a hostile or careless client sends at the HTTP layer: bodies and query inputs out of JSON's range,
 * cross-site form posts, login batches, and what the server says (and logs) when something breaks.
 */
describe("HTTP hardening", () => {
  let database: ReliefDatabase;
  let server: Server;
  let url: string;
  let dir: string;
  const log: string[] = [];
  const SCRIPT = "console.log('relief');".repeat(200);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-hardening-"));
    const web = path.join(dir, "web");
    mkdirSync(path.join(web, "assets"), { recursive: true });
    writeFileSync(path.join(web, "index.html"), "<!doctype html><title>救灾物资</title>");
    writeFileSync(path.join(web, "assets", "index-Ab12Cd.js"), SCRIPT);
    writeFileSync(path.join(web, "assets", "index-Ab12Cd.js.br"), brotliCompressSync(SCRIPT));
    writeFileSync(path.join(web, "assets", "index-Ab12Cd.js.gz"), gzipSync(SCRIPT));
    ({ database } = await prepareDatabase(":memory:", "banan"));
    const logger = pino(
      { level: "error" },
      new Writable({
        write(chunk, _encoding, done) {
          log.push(String(chunk));
          done();
        },
      }),
    );
    const app = createApp({ database, logger, webDist: web, trustProxy: "loopback" });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function post(procedure: string, cookie: string, body: string, headers: Record<string, string> = {}) {
    return fetch(`${url}/trpc/${procedure}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, ...headers },
      body,
    });
  }

  it("refuses non-finite numbers with 400 instead of storing null", async () => {
    const cookie = await login(url, "minzheng");
    const township = database.sqlite
      .prepare("SELECT id, household_size AS householdSize FROM areas WHERE level = 'township' LIMIT 1")
      .get() as { id: number; householdSize: number };
    const response = await post("areas.update", cookie, `{"id":${township.id},"householdSize":1e999}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("数值超出范围");
    const after = database.sqlite
      .prepare("SELECT household_size AS householdSize FROM areas WHERE id = ?")
      .get(township.id) as { householdSize: number };
    expect(after.householdSize).toBe(township.householdSize);

    const query = await fetch(`${url}/trpc/areas.list?input=${encodeURIComponent(`{"id":-1e999}`)}`, {
      headers: { cookie },
    });
    expect(query.status).toBe(400);
  });

  it("refuses deeply nested JSON with a clear message, not a stack overflow", async () => {
    const cookie = await login(url, "minzheng");
    const deep = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
    const response = await post("areas.update", cookie, `{"id":1,"name":${deep}}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.message).toBe("请求格式错误：嵌套层级超过 32 层");
    expect(renderMessage(body.error.data.text, "en-US")).toBe(
      "Malformed request: nested deeper than 32 levels",
    );
    expect(JSON.stringify(body)).not.toContain("Maximum call stack");
  });

  it("answers an unexpected error with a generic Chinese message and a correlation id that is in the log", async () => {
    const cookie = await login(url, "minzheng");
    database.sqlite.exec("ALTER TABLE shelters RENAME TO shelters_moved");
    try {
      const response = await fetch(`${url}/trpc/shelters.list?input=${encodeURIComponent("{}")}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(500);
      const body = await response.json();
      const incident = body.error.data.incident as string;
      expect(incident).toMatch(/^[0-9a-f]{10}$/);
      expect(body.error.message).toBe(
        `服务器内部错误，请稍后重试；如仍失败，请将编号 ${incident} 告知系统管理员`,
      );
      expect(JSON.stringify(body)).not.toMatch(/no such table|SqliteError|stack/i);
      const entry = log.find((line) => line.includes(incident));
      expect(entry).toContain("no such table");
      expect(JSON.parse(entry ?? "{}").err.stack).toContain("SqliteError");
    } finally {
      database.sqlite.exec("ALTER TABLE shelters_moved RENAME TO shelters");
    }
  });

  it("runs no mutation from a cross-site form post or a foreign origin", async () => {
    const cookie = await login(url, "minzheng");
    const snapshots = () =>
      (database.sqlite.prepare("SELECT COUNT(*) AS n FROM coverage_snapshots").get() as { n: number }).n;
    const before = snapshots();
    const form = new FormData();
    form.set("x", "1");
    const multipart = await fetch(`${url}/trpc/coverage.takeSnapshot`, {
      method: "POST",
      headers: { cookie, origin: "http://evil.example" },
      body: form,
    });
    expect(multipart.status).toBe(403);
    const plain = await fetch(`${url}/trpc/coverage.takeSnapshot`, {
      method: "POST",
      headers: { cookie, "content-type": "text/plain" },
      body: "{}",
    });
    expect(plain.status).toBe(415);
    expect((await plain.json()).error.message).toBe("请求格式错误：只接受 application/json");
    const foreign = await post("coverage.takeSnapshot", cookie, "", { origin: "http://evil.example" });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toBe("拒绝跨站请求");
    const crossSite = await post("coverage.takeSnapshot", cookie, "", { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const nullOrigin = await post("coverage.takeSnapshot", cookie, "", { origin: "null" });
    expect(nullOrigin.status).toBe(403);
    expect(snapshots()).toBe(before);

    // Behind a proxy that ends TLS and forwards the public host, the page's own origin is still this site.
    const proxied = await post("coverage.takeSnapshot", cookie, "", {
      origin: "https://relief.example.gov.cn",
      "x-forwarded-host": "relief.example.gov.cn",
      "x-forwarded-proto": "https",
    });
    expect(proxied.status).toBe(200);
    expect(snapshots()).toBe(before + 1);

    const sameOrigin = await post("coverage.takeSnapshot", cookie, "", {
      origin: url,
      "sec-fetch-site": "same-origin",
    });
    expect(sameOrigin.status).toBe(200);
    expect(snapshots()).toBe(before + 2);
  });

  it("refuses a batch holding auth.login, and batches over 10 calls", async () => {
    const loginAudits = () =>
      (
        database.sqlite
          .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'auth.login%'")
          .get() as {
          n: number;
        }
      ).n;
    const before = loginAudits();
    const guesses = JSON.stringify(
      Object.fromEntries([0, 1, 2].map((i) => [i, { username: "admin", password: "guess" }])),
    );
    const batch = await post("auth.login,auth.login,auth.login?batch=1", "", guesses);
    expect(batch.status).toBe(400);
    expect((await batch.json()).error.message).toBe("请求格式错误：登录请求不能批量发送");
    const single = await post(
      "auth.login?batch=1",
      "",
      JSON.stringify({ 0: { username: "a", password: "b" } }),
    );
    expect(single.status).toBe(400);
    // The refused batches never reached the login action: no attempt was checked or audited.
    expect(loginAudits()).toBe(before);

    const cookie = await login(url, "lingdao");
    const calls = (n: number) => Array.from({ length: n }, () => "auth.me").join(",");
    const tooMany = await fetch(`${url}/trpc/${calls(11)}?batch=1`, { headers: { cookie } });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.message).toBe("请求格式错误：一次批量请求最多 10 个调用");
    const fine = await fetch(`${url}/trpc/${calls(10)}?batch=1`, { headers: { cookie } });
    expect(fine.status).toBe(200);
    expect(await fine.json()).toHaveLength(10);
  });

  it("never lets API answers be cached, and sends HSTS only over HTTPS", async () => {
    const response = await fetch(`${url}/trpc/areas.list`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBeNull();
    const proxied = await fetch(`${url}/healthz`, { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });

  it("serves hashed assets precompressed and cached for a year, and the page itself revalidated", async () => {
    const br = await fetch(`${url}/assets/index-Ab12Cd.js`, { headers: { "accept-encoding": "br, gzip" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("content-type")).toMatch(/javascript/);
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(await br.text()).toBe(SCRIPT);

    const gzip = await fetch(`${url}/assets/index-Ab12Cd.js`, { headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(await gzip.text()).toBe(SCRIPT);

    const plain = await fetch(`${url}/assets/index-Ab12Cd.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await plain.text()).toBe(SCRIPT);

    const page = await fetch(`${url}/stock/documents`);
    expect(page.headers.get("cache-control")).toBe("no-cache");
    expect(await page.text()).toContain("救灾物资");
    expect((await fetch(`${url}/assets/index-Old999.js`)).status).toBe(404);
    expect((await fetch(`${url}/assets/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });
});
