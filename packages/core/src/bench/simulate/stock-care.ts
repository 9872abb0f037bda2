import { adjustmentReasons, type Ownership } from "@relief/db";
import { adjustStock } from "../../stock/adjust";
import { getCount, openCount, recordCount, submitCount } from "../../stock/counts";
import { holdStock, unholdStock } from "../../stock/hold";
import { issueStock } from "../../stock/issue";
import { releaseReservation, reserveStock } from "../../stock/reserve";
import type { Site, StockFlows } from "./stock";
import { freeKeys, heldQuantity } from "./stock-reads";
import type { World } from "./world";

export const CARE_RATES = {
  reservations: 1.5,
  /** Share of reservations the dispatch then issues; the rest are released. */
  reservationsIssued: 0.7,
  holds: 0.7,
  adjustments: 1.5,
} as const;

interface Reservation {
  dispatchRef: string;
  site: Site;
  lines: Array<{ itemId: number; quantity: number }>;
  dueOn: string;
}

interface Hold {
  warehouseId: number;
  itemId: number;
  lotId: number;
  ownership: Ownership;
  quantity: number;
  releaseOn: string;
}

/**
 * The care of stock between receipt and issue: reservations for dispatches (then issued or released), holds
 * pending inspection, adjustments with their reasons, and each warehouse's yearly stocktake.
 */
export class StockCare {
  private readonly reservations: Reservation[] = [];
  private readonly holds: Hold[] = [];
  private readonly reasons: Map<string, number>;
  private dispatches = 0;

  constructor(
    private readonly world: World,
    private readonly flows: StockFlows,
  ) {
    this.reasons = new Map(
      world.db
        .select({ id: adjustmentReasons.id, code: adjustmentReasons.code })
        .from(adjustmentReasons)
        .all()
        .map((r) => [r.code, r.id]),
    );
  }

  private reserve(): void {
    const { world } = this;
    const site = this.flows.site();
    const lines = this.flows.request(site, world.int(3, 12), [0.1, 0.3]);
    if (lines.length === 0) return;
    const dispatchRef = `DD-${world.today.replaceAll("-", "")}-${++this.dispatches}`;
    const posted = world.act("stock.reserve", () =>
      reserveStock({ ctx: world.ctx, input: { warehouseId: site.id, dispatchRef, lines } }),
    );
    if (posted)
      this.reservations.push({ dispatchRef, site, lines, dueOn: world.daysFromToday(world.int(1, 4)) });
  }

  /** Reservations whose dispatch leaves today, or is called off. */
  private settleReservations(): void {
    const { world } = this;
    for (const r of this.reservations.filter((x) => x.dueOn <= world.today)) {
      this.reservations.splice(this.reservations.indexOf(r), 1);
      if (world.chance(CARE_RATES.reservationsIssued)) {
        world.act("stock.issue (dispatch)", () =>
          issueStock({
            ctx: world.ctx,
            input: { warehouseId: r.site.id, reason: "dispatch", dispatchRef: r.dispatchRef, lines: r.lines },
          }),
        );
      } else {
        world.act("stock.release", () =>
          releaseReservation({ ctx: world.ctx, input: { dispatchRef: r.dispatchRef, note: "调度取消" } }),
        );
      }
    }
  }

  private hold(): void {
    const { world } = this;
    const site = this.flows.site();
    const keys = world.sample(freeKeys(world.db, site.id, world.today), world.int(1, 5));
    const lines = keys
      .map((k) => ({ ...k, quantity: Math.floor(k.free * (0.1 + world.random() * 0.4)) }))
      .filter((k) => k.quantity >= 1)
      .map(({ itemId, lotId, ownership, quantity }) => ({ itemId, lotId, ownership, quantity }));
    if (lines.length === 0) return;
    const posted = world.act("stock.hold", () =>
      holdStock({ ctx: world.ctx, input: { warehouseId: site.id, note: "外包装受潮，待检", lines } }),
    );
    if (!posted) return;
    for (const line of lines) {
      this.holds.push({ ...line, warehouseId: site.id, releaseOn: world.daysFromToday(world.int(1, 10)) });
    }
  }

  /** Holds whose inspection is done; a write-off may have taken some of the held stock meanwhile. */
  private releaseHolds(): void {
    const { world } = this;
    for (const h of this.holds.filter((x) => x.releaseOn <= world.today)) {
      this.holds.splice(this.holds.indexOf(h), 1);
      const quantity = Math.min(h.quantity, heldQuantity(world.db, h));
      if (quantity < 1) continue;
      const { warehouseId, itemId, lotId, ownership } = h;
      world.act("stock.unhold", () =>
        unholdStock({
          ctx: world.ctx,
          input: { warehouseId, note: "检验合格，解除冻结", lines: [{ itemId, lotId, ownership, quantity }] },
        }),
      );
    }
  }

  private adjust(): void {
    const { world } = this;
    const site = this.flows.site();
    const code = world.pick(["stocktake", "found", "damage", "loss"]);
    const reasonId = this.reasons.get(code);
    if (!reasonId) return;
    const up = code === "found" || (code === "stocktake" && world.chance(0.5));
    const lines = world.sample(freeKeys(world.db, site.id, world.today), world.int(1, 5)).map((k) => ({
      itemId: k.itemId,
      lotId: k.lotId,
      ownership: k.ownership,
      quantity: up ? world.int(1, 10) : -Math.min(k.free, world.int(1, 10)),
    }));
    if (lines.length === 0) return;
    world.act("stock.adjust", () =>
      adjustStock({
        ctx: world.ctx,
        input: { warehouseId: site.id, reasonId, note: up ? "盘点发现" : "搬运损坏，已拍照", lines },
      }),
    );
  }

  /**
   * Each warehouse counts its stock once a year, on its own day. Nothing else posts in it meanwhile, so the
   * count finds what was expected, with a few units more here and there.
   */
  private stocktakes(): void {
    const { world } = this;
    this.flows.sites.forEach((site, index) => {
      if (world.dayIndex % 365 !== (index * 7 + 3) % 365) return;
      const count = world.act("stock.openCount", () =>
        openCount({ ctx: world.ctx, input: { warehouseId: site.id, note: "年度盘点" } }),
      );
      if (!count) return;
      const lines = getCount(world.db, count.id).lines.map((l) => ({
        lineId: l.id,
        counted: world.chance(0.02) ? l.expected + world.int(1, 3) : l.expected,
      }));
      for (let start = 0; start < lines.length; start += 5000) {
        world.act("stock.recordCount", () =>
          recordCount({
            ctx: world.ctx,
            input: { countId: count.id, lines: lines.slice(start, start + 5000) },
          }),
        );
      }
      world.act("stock.submitCount", () => submitCount({ ctx: world.ctx, input: { countId: count.id } }));
    });
  }

  day(): void {
    const { world } = this;
    this.settleReservations();
    this.releaseHolds();
    this.stocktakes();
    for (let n = world.times(CARE_RATES.reservations); n > 0; n--) this.reserve();
    for (let n = world.times(CARE_RATES.holds); n > 0; n--) this.hold();
    for (let n = world.times(CARE_RATES.adjustments); n > 0; n--) this.adjust();
  }
}
