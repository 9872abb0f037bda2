import { existsSync } from "node:fs";
import path from "node:path";
import { appRouter } from "@relief/api";
import type { ReliefDatabase } from "@relief/db";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type ErrorRequestHandler } from "express";
import helmet from "helmet";
import type { Logger } from "pino";
import { pinoHttp } from "pino-http";
import { createContextFactory } from "./context";

/** Uploads travel base64-encoded in JSON: a 10 MB spreadsheet needs about 14 MB. */
export const JSON_BODY_LIMIT = "15mb";

export interface AppOptions {
  database: ReliefDatabase;
  logger: Logger;
  webDist: string;
  trustProxy: string | false;
}

export function createApp({ database, logger, webDist, trustProxy }: AppOptions): express.Express {
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
    }),
  );
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
    express.json({ limit: JSON_BODY_LIMIT }),
    createExpressMiddleware({
      router: appRouter,
      createContext: createContextFactory(database.db),
      onError({ error, path: procedure }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          logger.error({ err: error, procedure }, "procedure failed");
      },
    }),
  );

  const index = path.join(webDist, "index.html");
  if (existsSync(index)) {
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes: every other GET gets the single-page app.
    app.get(/^(?!\/trpc\/).*/, (_req, res) =>
      res.sendFile(index, { headers: { "Cache-Control": "no-cache" } }),
    );
  } else {
    logger.warn({ webDist }, "web app not built: run `pnpm build`");
    app.get("/", (_req, res) => {
      res.type("text/plain; charset=utf-8").send("网页端尚未构建，请先运行 pnpm build。");
    });
  }

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === "number" ? error.status : 500;
    if (status >= 500) logger.error({ err: error }, "request failed");
    const message =
      status === 413
        ? "请求内容过大（上传文件最大 10 MB）"
        : status < 500
          ? "请求格式错误"
          : "服务器内部错误";
    res.status(status).json({ error: { message, code: status } });
  };
  app.use(onError);
  return app;
}
