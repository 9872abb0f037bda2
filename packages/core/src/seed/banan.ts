import { areas, enterprises, type Role, users } from "@relief/db";
import { msg } from "@relief/domain";
import { asc, count } from "drizzle-orm";
import bananAreas from "../../../../fixtures/banan/areas.json" with { type: "json" };
import { recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { seedBananCommerce } from "./commerce";
import { seedBananCoverage } from "./coverage";
import { seedBananFleet } from "./fleet";
import { seedBananLayout } from "./layout";
import { seedBananNeighbours } from "./neighbours";
import { seedBananReserves } from "./reserves";
import { seedBananRoads } from "./roads";

export const DEMO_PASSWORD = "relief-demo";

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; displayName: string; role: Role }> = [
  { username: "admin", displayName: "系统管理员", role: "admin" },
  { username: "minzheng", displayName: "区民政局 仓储管理员", role: "civil_affairs" },
  { username: "shangwu", displayName: "区商务委 储备管理员", role: "commerce" },
  { username: "diaodu", displayName: "区应急局 调度员", role: "dispatcher" },
  { username: "lingdao", displayName: "区政府 分管领导", role: "leader" },
  // Bound to the first demo enterprise once the commerce data exists.
  { username: "qiye", displayName: "示例企业 储备专员", role: "enterprise" },
];

/** True while nothing has been entered: the server seeds only such a database. */
export function isDatabaseEmpty(db: CoreContext["db"]): boolean {
  const a = db.select({ n: count() }).from(areas).get()?.n ?? 0;
  const u = db.select({ n: count() }).from(users).get()?.n ?? 0;
  return a === 0 && u === 0;
}

/**
 * Loads the Banan demo data set: the district, its 23 townships with population and the basis of each
 * figure (census, official, or estimate) and each one's fictitious relief receiving contact, one demo account
 * per role, and the demo reserves (catalog, warehouses, stock).
 */
export async function seedBanan({ ctx }: { ctx: CoreContext }): Promise<{ areas: number; users: number }> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(DEMO_PASSWORD)));
  return withTransaction(ctx, (tx) => {
    if (!isDatabaseEmpty(tx)) throw new ConflictError(msg("areas.error.seedNeedsEmptyDatabase"));
    const at = nowIso(ctx);
    const { district: d, townships } = bananAreas;
    const district = tx
      .insert(areas)
      .values({
        parentId: null,
        level: "district",
        kind: "district",
        name: d.name,
        population: d.population,
        populationYear: d.populationYear,
        populationBasis: d.populationBasis as "census",
        householdSize: d.householdSize,
        lat: d.lat,
        lon: d.lon,
        sortOrder: 0,
        updatedAt: at,
      })
      .returning({ id: areas.id })
      .get();
    tx.insert(areas)
      .values(
        townships.map((t, i) => ({
          parentId: district.id,
          level: "township" as const,
          kind: t.kind as "subdistrict" | "town",
          name: t.name,
          population: t.population,
          populationYear: t.populationYear,
          populationBasis: t.populationBasis as "census" | "official" | "estimate",
          householdSize: t.householdSize,
          lat: t.lat,
          lon: t.lon,
          contactName: t.contactName,
          contactPhone: t.contactPhone,
          sortOrder: i + 1,
          updatedAt: at,
        })),
      )
      .run();
    const account = (a: (typeof DEMO_ACCOUNTS)[number], enterpriseId: number | null = null) => ({
      ...a,
      enterpriseId,
      passwordHash: hashes[DEMO_ACCOUNTS.indexOf(a)] ?? "",
      createdAt: at,
      updatedAt: at,
    });
    const accounts = tx
      .insert(users)
      .values(DEMO_ACCOUNTS.filter((a) => a.role !== "enterprise").map((a) => account(a)))
      .returning()
      .all();
    const admin = accounts.find((a) => a.role === "admin");
    if (admin) {
      const actor = { userId: admin.id, username: admin.username, role: admin.role };
      seedBananReserves(tx, ctx, actor);
      seedBananCommerce(tx, ctx, actor);
      seedBananFleet(tx, ctx, actor);
      seedBananCoverage(tx, ctx);
      seedBananRoads(tx, ctx);
      seedBananLayout(tx, ctx);
      seedBananNeighbours(tx, ctx);
    }
    const first = tx.select({ id: enterprises.id }).from(enterprises).orderBy(asc(enterprises.id)).get();
    if (first) {
      tx.insert(users)
        .values(DEMO_ACCOUNTS.filter((a) => a.role === "enterprise").map((a) => account(a, first.id)))
        .run();
    }
    recordAudit(tx, ctx, {
      action: "seed.banan",
      summary: { areas: townships.length + 1, users: DEMO_ACCOUNTS.map((a) => a.username) },
    });
    return { areas: townships.length + 1, users: DEMO_ACCOUNTS.length };
  });
}
