import path from "node:path";
import { LOGIN_THROTTLE } from "@relief/core";

export type SeedMode = "banan" | "none";

export interface ServerConfig {
  port: number;
  host: string;
  /** SQLite file path, or `:memory:`. */
  databasePath: string;
  /** What to load into a new, empty database. */
  seed: SeedMode;
  logLevel: string;
  /** Folder of the built web app. */
  webDist: string;
  /** Express `trust proxy` setting, for client addresses and secure cookies behind a reverse proxy. */
  trustProxy: string | false;
  /** Seconds of the first login delay after the free failures (it doubles with each further failure). */
  loginDelaySeconds?: number;
}

export const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, "../../web/dist");

export class ConfigError extends Error {}

/** Reads the environment documented in the README; a bad value stops the start with a clear message. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT 无效：${env.PORT}`);
  const seed = (env.RELIEF_SEED ?? "banan") as SeedMode;
  if (seed !== "banan" && seed !== "none") {
    throw new ConfigError(`RELIEF_SEED 只能是 banan 或 none，实际为 ${env.RELIEF_SEED}`);
  }
  const loginDelaySeconds = Number(env.RELIEF_LOGIN_DELAY_SECONDS ?? LOGIN_THROTTLE.firstDelaySeconds);
  if (!Number.isInteger(loginDelaySeconds) || loginDelaySeconds < 1 || loginDelaySeconds > 3600) {
    throw new ConfigError(
      `RELIEF_LOGIN_DELAY_SECONDS 应为 1–3600 的整数，实际为 ${env.RELIEF_LOGIN_DELAY_SECONDS}`,
    );
  }
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databasePath: env.RELIEF_DB ?? "./data/relief.db",
    seed,
    logLevel: env.LOG_LEVEL ?? "info",
    webDist: env.RELIEF_WEB_DIST ?? DEFAULT_WEB_DIST,
    trustProxy: env.RELIEF_TRUST_PROXY ?? false,
    loginDelaySeconds,
  };
}
