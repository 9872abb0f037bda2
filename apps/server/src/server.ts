import type { AddressInfo } from "node:net";
import { ensureDailySnapshot, LOGIN_THROTTLE, loginThrottle } from "@relief/core";
import { refreshStatistics } from "@relief/db";
import { type Logger, pino } from "pino";
import { createApp } from "./app";
import type { ServerConfig } from "./config";
import { prepareDatabase } from "./database";
import { readJobsFor } from "./read-jobs/pool";

export interface RunningServer {
  url: string;
  port: number;
  logger: Logger;
  /** Stops accepting connections, lets requests in flight finish (up to `graceMs`), then closes the database. */
  close(graceMs?: number): Promise<void>;
}

export async function startServer(config: ServerConfig, logger: Logger = pino({ level: config.logLevel })) {
  const { database, seeded } = await prepareDatabase(config.databasePath, config.seed);
  if (seeded) logger.info({ db: config.databasePath }, "new database: Banan demo data loaded");
  if (config.loginDelaySeconds !== undefined && config.loginDelaySeconds !== LOGIN_THROTTLE.firstDelaySeconds)
    loginThrottle(database.db, { ...LOGIN_THROTTLE, firstDelaySeconds: config.loginDelaySeconds });
  const readJobs = readJobsFor(database, { warm: true });
  const app = createApp({
    database,
    logger,
    webDist: config.webDist,
    trustProxy: config.trustProxy,
    readJobs,
  });
  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", (error) => {
      database.close();
      reject(error);
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  const url = `http://${shownHost}:${port}`;
  logger.info({ url, db: config.databasePath }, "relief server listening");

  // The coverage trend: one snapshot per district day while the server runs, checked at start and hourly.
  const snapshot = () => {
    try {
      const taken = ensureDailySnapshot({ db: database.db, actor: null });
      if (taken)
        logger.info({ peopleCovered: taken.peopleCovered, day: taken.day }, "daily coverage snapshot");
    } catch (error) {
      logger.error({ err: error }, "daily coverage snapshot failed");
    }
  };
  // The planner's statistics, gathered at start (prepareDatabase), follow the tables as they grow.
  const statistics = () => {
    try {
      refreshStatistics(database.sqlite, "periodic");
    } catch (error) {
      logger.error({ err: error }, "planner statistics refresh failed");
    }
  };
  snapshot();
  const snapshotTimer = setInterval(() => {
    snapshot();
    statistics();
  }, 3_600_000);
  snapshotTimer.unref();

  let closing: Promise<void> | undefined;
  const close = (graceMs = 10_000) => {
    clearInterval(snapshotTimer);
    closing ??= new Promise<void>((resolve) => {
      const force = setTimeout(() => server.closeAllConnections(), graceMs);
      server.close(() => {
        clearTimeout(force);
        void readJobs.close();
        database.close();
        logger.info("relief server stopped");
        resolve();
      });
      server.closeIdleConnections();
    });
    return closing;
  };
  return { url, port, logger, close } satisfies RunningServer;
}
