export {
  type Db,
  type DbOrTx,
  openDatabase,
  openReadOnlyDatabase,
  type ReliefDatabase,
  type Tx,
} from "./client";
export { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";
export { preparedOnce, rawClient } from "./raw";
export * from "./schema";
export { refreshStatistics } from "./statistics";
