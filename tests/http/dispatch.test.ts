import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AppRouter } from "@relief/api";
import { type RunningServer, startServer } from "@relief/server";
import { createTRPCClient, httpLink } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/** A client that keeps its session cookie. */
function client(url: string) {
  let cookie = "";
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${url}/trpc`,
        async fetch(input, init) {
          const headers = new Headers(init?.headers);
          if (cookie) headers.set("cookie", cookie);
          const response = await fetch(input, { ...init, headers });
          const set = response.headers.getSetCookie()[0];
          if (set) cookie = set.split(";")[0] ?? "";
          return response;
        },
      }),
    ],
  });
}

describe("planning off the request thread", () => {
  let server: RunningServer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "relief-dispatch-"));
    server = await startServer({
      port: 0,
      host: "127.0.0.1",
      databasePath: path.join(dir, "relief.db"),
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

  it("answers /healthz while a district-wide plan runs", async () => {
    const trpc = client(server.url);
    await trpc.auth.login.mutate({ username: "diaodu", password: "relief-demo" });
    const townships = (await trpc.areas.list.query()).areas.filter((a) => a.level === "township");
    expect(townships).toHaveLength(23);
    const { id: incidentId } = await trpc.incidents.create.mutate({
      type: "flood",
      title: "全区洪涝演练",
      drill: true,
      startedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      areas: townships.map((t) => ({ areaId: t.id, affected: 3000, relocated: 1500 })),
    });

    const order: string[] = [];
    const planning = trpc.dispatch.plan.mutate({ incidentId }).then((view) => {
      order.push("plan");
      return view;
    });
    // Ask once the plan request is on its way, and again until the health check has answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const health = await fetch(`${server.url}/healthz`);
    order.push("healthz");
    expect(await health.json()).toEqual({ ok: true });
    const view = await planning;
    expect(view.status).toBe("done");
    expect(view.drill).toBe(true);
    expect(order).toEqual(["healthz", "plan"]);
  });

  it("answers the dashboard's figure while layout advice is being solved", async () => {
    const trpc = client(server.url);
    await trpc.auth.login.mutate({ username: "minzheng", password: "relief-demo" });
    const order: string[] = [];
    const advising = trpc.layout.advise.mutate({ maxTruckloads: 20 }).then((advice) => {
      order.push("advice");
      return advice;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const summary = await trpc.coverage.summary.query({});
    order.push("coverage");
    expect(summary.targetPeople).toBe(117_886);
    const advice = await advising;
    expect(advice.adviceId).toBeGreaterThan(0);
    expect(order).toEqual(["coverage", "advice"]);
  });

  it("answers the progress of layout advice while it is being solved", async () => {
    const trpc = client(server.url);
    await trpc.auth.login.mutate({ username: "minzheng", password: "relief-demo" });
    const runId = crypto.randomUUID();
    let ended = false;
    const advising = trpc.layout.advise.mutate({ maxTruckloads: 21, runId }).finally(() => {
      ended = true;
    });
    // Asked until the engine has reported a stage; the advice takes seconds, so it is still solving then.
    let progress = await trpc.layout.progress.query({ runId });
    while (progress?.state !== "running" && !ended) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      progress = await trpc.layout.progress.query({ runId });
    }
    expect(progress?.state).toBe("running");
    if (progress?.state === "running") expect(progress.done).toBeLessThanOrEqual(progress.total);
    expect((await advising).adviceId).toBeGreaterThan(0);
    expect(await trpc.layout.progress.query({ runId })).toBeNull();
  });
});
