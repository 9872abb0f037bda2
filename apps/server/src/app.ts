import { existsSync } from "node:fs";
import path from "node:path";
import { appRouter, incidentId } from "@relief/api";
import type { ReadJobRunner } from "@relief/core";
import type { ReliefDatabase } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { createContextFactory } from "./context";
import { readJobsFor } from "./read-jobs/pool";
import { guardTrpcRequests, RequestRefused, sendRefusal, strictJsonBody } from "./request-guards";
import { webAppHandlers } from "./static-files";

/** Uploads travel base64-encoded in JSON: a 10 MB spreadsheet needs about 14 MB. */
export const JSON_BODY_LIMIT = "15mb";

export interface AppOptions {
  database: ReliefDatabase;
  logger: Logger;
  webDist: string;
  trustProxy: string | false;
  /** Serve the web app's brotli/gzip files (default); off only to measure what they save. */
  precompressed?: boolean;
  /** Where verify and the large exports run; by default worker threads on the database file. */
  readJobs?: ReadJobRunner;
}

export function createApp({
  database,
  logger,
  webDist,
  trustProxy,
  precompressed = true,
  readJobs = readJobsFor(database),
}: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'"],
          // antd writes its styles at run time.
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "connect-src": ["'self'"],
          // Served over plain HTTP on district intranets: never rewrite requests to HTTPS.
          "upgrade-insecure-requests": null,
        },
      },
      // HSTS is set below, and only on HTTPS responses: over plain HTTP it is meaningless at best.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000");
    next();
  });
  app.use(
    pinoHttp({
      logger,
      redact: ["req.headers.cookie", 'res.headers["set-cookie"]'],
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
    }),
  );

  app.get("/healthz", (_req, res) => {
    try {
      database.sqlite.prepare("SELECT 1").get();
      res.json({ ok: true });
    } catch (error) {
      logger.error({ err: error }, "health check failed");
      res.status(503).json({ ok: false });
    }
  });

  app.use(
    "/trpc",
    guardTrpcRequests,
    strictJsonBody(JSON_BODY_LIMIT),
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory(database.db, readJobs),
      onError({ error, path: procedure }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ err: error, procedure, incident: incidentId(error) }, "procedure failed");
      },
    }),
  );

  if (existsSync(path.join(webDist, "index.html"))) {
    app.use(webAppHandlers(webDist, { precompressed }));
  } else {
    logger.warn({ webDist }, "web app not built: run `pnpm build`");
    app.get("/", (_req, res) => {
      res.type("text/plain; charset=utf-8").send("网页端尚未构建，请先运行 pnpm build。");
    });
  }

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    if (error instanceof RequestRefused) return sendRefusal(res, error);
    const status = typeof error?.status === "number" ? error.status : 500;
    let text = msg(status === 413 ? "common.error.uploadTooLarge" : "common.error.badRequest");
    if (status >= 500) {
      const incident = incidentId(error);
      logger.error({ err: error, incident }, "request failed");
      text = msg("common.error.internal", { incident });
    }
    res.status(status).json({ error: { message: zh(text), text, code: status } });
  };
  app.use(onError);
  return app;
}
