import { areas, type EnterpriseKind, enterprises, itemCategories, type WarehouseKind } from "@relief/db";
import { creditCodeCheckCharacter } from "@relief/domain";
import { eq } from "drizzle-orm";
import { createArea } from "../../areas/update";
import { createEnterprise } from "../../enterprises/save";
import { createItem } from "../../items/save";
import { createWarehouse } from "../../warehouses/save";
import type { World } from "./world";

/** Sizes of the registers a district has after a few years (issue 11: 609 items, 82 warehouses, 3,001 villages). */
export const REGISTER_SIZES = {
  items: 600,
  villages: 3000,
  governmentWarehouses: 40,
  enterprises: 28,
} as const;

/** Shelf lives by category: what expires and has to be rotated or written off. */
const SHELF_LIFE: Record<string, number[]> = {
  drinking_water: [12, 18, 24],
  ready_food: [12, 18, 24, 36],
  family_kit: [36],
  other: [24, 36, 60],
};

const GOVERNMENT_KINDS: Array<{ kind: WarehouseKind; prefix: string; count: number }> = [
  { kind: "township_point", prefix: "TP", count: 30 },
  { kind: "civil_affairs", prefix: "CA", count: 6 },
  { kind: "commerce", prefix: "CM", count: 4 },
];

export interface Registers {
  townshipIds: number[];
  enterpriseIds: number[];
}

function townships(world: World): Array<{ id: number; name: string; kind: string; population: number }> {
  return world.ctx.db
    .select({ id: areas.id, name: areas.name, kind: areas.kind, population: areas.population })
    .from(areas)
    .where(eq(areas.level, "township"))
    .orderBy(areas.sortOrder)
    .all();
}

function addItems(world: World): void {
  const categories = world.ctx.db.select().from(itemCategories).orderBy(itemCategories.sortOrder).all();
  for (let n = 0; n < REGISTER_SIZES.items; n++) {
    const category = categories[n % categories.length];
    if (!category) return;
    const lives = SHELF_LIFE[category.code];
    const packed = world.chance(0.4);
    world.act("items.create", () =>
      createItem({
        ctx: world.ctx,
        input: {
          code: `SIM-${category.id}-${String(n).padStart(4, "0")}`,
          name: `${category.name}（规格${Math.floor(n / categories.length) + 1}）`,
          categoryId: category.id,
          specification: `模拟物资 ${n + 1}`,
          baseUnit: "件",
          kgPerUnit: world.int(1, 400) / 10,
          m3PerUnit: world.int(1, 500) / 1000,
          shelfLifeMonths: lives ? world.pick(lives) : null,
          packs: packed ? [{ name: "箱", baseQuantity: world.pick([6, 12, 24]) }] : [],
        },
      }),
    );
  }
}

function addVillages(world: World, list: ReturnType<typeof townships>): void {
  const perTownship = Math.ceil(REGISTER_SIZES.villages / list.length);
  let made = 0;
  for (const township of list) {
    const each = Math.max(50, Math.round(township.population / perTownship));
    for (let n = 1; n <= perTownship && made < REGISTER_SIZES.villages; n++, made++) {
      const community = township.kind === "subdistrict";
      world.act("areas.create", () =>
        createArea({
          ctx: world.ctx,
          input: {
            parentId: township.id,
            kind: community ? "community" : "village",
            name: `${township.name.slice(0, 2)}${n}${community ? "社区" : "村"}`,
            population: Math.round(each * (0.6 + world.random() * 0.8)),
            populationYear: 2020,
            populationBasis: world.chance(0.7) ? "census" : "estimate",
          },
        }),
      );
    }
  }
}

function addWarehouses(world: World, townshipIds: number[]): void {
  for (const { kind, prefix, count } of GOVERNMENT_KINDS) {
    for (let n = 1; n <= count; n++) {
      world.act("warehouses.create", () =>
        createWarehouse({
          ctx: world.ctx,
          input: {
            code: `${prefix}-${String(n).padStart(2, "0")}`,
            name: `模拟${kind === "township_point" ? "镇街储备点" : kind === "commerce" ? "商务储备库" : "民政储备库"}${n}`,
            kind,
            organisation: kind === "commerce" ? "区商务委" : "区民政局",
            areaId: townshipIds[(n * 7 + prefix.length) % townshipIds.length] ?? 0,
            capacityM3: world.int(200, 5000),
          },
        }),
      );
    }
  }
}

/** A code that passes the GB 32100-2015 check, distinct from the demo enterprises' codes. */
function creditCode(n: number): string {
  const first17 = `91500113MA${String(9_000_000 + n)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

function addEnterprises(world: World, townshipIds: number[]): void {
  const kinds: EnterpriseKind[] = ["wholesale_retail", "manufacturer", "wholesale_retail", "logistics"];
  for (let n = 1; n <= REGISTER_SIZES.enterprises; n++) {
    const kind = n <= 22 ? (kinds[n % 3] as EnterpriseKind) : "logistics";
    const areaId = townshipIds[(n * 5) % townshipIds.length] ?? 0;
    const enterprise = world.act("enterprises.create", () =>
      createEnterprise({
        ctx: world.ctx,
        input: {
          name: `巴南示例模拟企业${n}有限公司`,
          creditCode: creditCode(n),
          kind,
          keySupplier: n % 4 === 0,
          address: `示例路 ${n} 号`,
          areaId,
          contacts: [{ name: `联系人${n}`, role: "应急联络人", mobile: `139${String(n).padStart(8, "0")}` }],
        },
      }),
    );
    if (!enterprise) continue;
    // Logistics firms keep trucks rather than stock; the register still names a yard for each.
    world.act("warehouses.create", () =>
      createWarehouse({
        ctx: world.ctx,
        input: {
          code: `EW-${String(n).padStart(2, "0")}`,
          name: `${enterprise.name}${kind === "logistics" ? "车场" : "仓库"}`,
          kind: "enterprise",
          organisation: enterprise.name,
          enterpriseId: enterprise.id,
          areaId,
          capacityM3: world.int(500, 8000),
        },
      }),
    );
  }
}

/** The registers a district fills in its first weeks: catalog, villages, warehouses, partner enterprises. */
export function buildRegisters(world: World): Registers {
  const list = townships(world);
  const townshipIds = list.map((t) => t.id);
  addItems(world);
  addVillages(world, list);
  addWarehouses(world, townshipIds);
  addEnterprises(world, townshipIds);
  const enterpriseIds = world.ctx.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.status, "active"))
    .all()
    .map((e) => e.id);
  return { townshipIds, enterpriseIds };
}
