import {
  adjustmentReasons,
  areas,
  itemCategories,
  itemPacks,
  items,
  lots,
  type ReceiptKind,
  type Tx,
  users,
  userWarehouses,
  type WarehouseKind,
  warehouses,
} from "@relief/db";
import { and, eq } from "drizzle-orm";
import reserves from "../../../../fixtures/banan/reserves.json" with { type: "json" };
import type { Actor, CoreContext } from "../context";
import { nowIso } from "../context";
import { setLotStatus } from "../stock/hold";
import { receiveStock } from "../stock/receive";
import { addMonths, localDate } from "../time";

/**
 * The reserve side of the Banan demo: material categories and items, the district, commerce, military and
 * township warehouses, adjustment reasons, and stock received as ordinary documents. Production dates are
 * relative to the day of seeding, so some lots are always close to expiry; one lot is quarantined.
 */
export function seedBananReserves(tx: Tx, ctx: CoreContext, admin: Actor): void {
  const at = nowIso(ctx);
  const today = localDate(at);
  const categoryIds = new Map<string, number>();
  reserves.categories.forEach((c, i) => {
    const row = tx
      .insert(itemCategories)
      .values({ ...c, sortOrder: i + 1 })
      .returning({ id: itemCategories.id })
      .get();
    categoryIds.set(c.code, row.id);
  });
  const itemIds = new Map<string, number>();
  for (const { packs, category, ...item } of reserves.items) {
    const row = tx
      .insert(items)
      .values({ ...item, categoryId: categoryIds.get(category) ?? 0, createdAt: at, updatedAt: at })
      .returning({ id: items.id })
      .get();
    itemIds.set(item.code, row.id);
    if (packs.length)
      tx.insert(itemPacks)
        .values(packs.map((p) => ({ ...p, itemId: row.id })))
        .run();
  }
  const warehouseIds = new Map<string, number>();
  for (const { township, kind, ...w } of reserves.warehouses) {
    const area = tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.name, township), eq(areas.level, "township")))
      .get();
    const row = tx
      .insert(warehouses)
      .values({ ...w, kind: kind as WarehouseKind, areaId: area?.id ?? 0, createdAt: at, updatedAt: at })
      .returning({ id: warehouses.id })
      .get();
    warehouseIds.set(w.code, row.id);
  }
  tx.insert(adjustmentReasons)
    .values(
      reserves.reasons.map((r) => ({ ...r, direction: r.direction as "increase" | "decrease" | "both" })),
    )
    .run();
  for (const [username, codes] of Object.entries(reserves.assignments)) {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get();
    if (!user) continue;
    tx.insert(userWarehouses)
      .values(codes.map((code) => ({ userId: user.id, warehouseId: warehouseIds.get(code) ?? 0 })))
      .run();
  }

  const asAdmin: CoreContext = { ...ctx, db: tx, actor: admin };
  for (const receipt of reserves.receipts) {
    receiveStock({
      ctx: asAdmin,
      input: {
        warehouseId: warehouseIds.get(receipt.warehouse) ?? 0,
        source: { kind: receipt.kind as ReceiptKind, reference: receipt.reference },
        lines: receipt.lines.map((line) => ({
          itemId: itemIds.get(line.item) ?? 0,
          lotCode: line.lot,
          productionDate: addMonths(today, -line.producedMonthsAgo),
          quantity: line.quantity,
        })),
      },
    });
  }
  for (const q of reserves.quarantined) {
    const lot = tx
      .select({ id: lots.id })
      .from(lots)
      .where(and(eq(lots.itemId, itemIds.get(q.item) ?? 0), eq(lots.lotCode, q.lot)))
      .get();
    if (lot) setLotStatus({ ctx: asAdmin, input: { lotId: lot.id, status: "quarantined", note: q.note } });
  }
}
