export { createApp } from "./app";
export { configFromEnv, type ServerConfig } from "./config";
export { SESSION_COOKIE } from "./context";
export { prepareDatabase } from "./database";
export { type RunningServer, startServer } from "./server";
