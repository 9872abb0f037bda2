import { ConfigError, configFromEnv } from "./config";
import { startServer } from "./server";

try {
  const server = await startServer(configFromEnv());
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.logger.info({ signal }, "shutting down");
      server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
}
