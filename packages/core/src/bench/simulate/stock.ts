import { type IssueReason, items, ledgerLines, type ReceiptKind, warehouses } from "@relief/db";
import { and, eq, ne } from "drizzle-orm";
import { issueStock } from "../../stock/issue";
import { receiveStock } from "../../stock/receive";
import { reverseDocument } from "../../stock/reverse";
import { receiveTransfer, transferStock } from "../../stock/transfer";
import { addDays } from "../../time";
import { expiredKeys, freeByItem } from "./stock-reads";
import type { World } from "./world";

/**
 * Daily rates of the movements that make up most of the ledger. With the lines per document below, 1,460
 * days post about 53,000 documents and 1.2 million ledger lines (issue 11), with about 11 new lots a day.
 */
export const RATES = {
  receipts: 4.5,
  issues: 13,
  transfers: 3,
  newLotPerReceiptLine: 0.05,
  reversedReceipts: 0.1,
  reversedIssues: 0.02,
  shortTransferReceipts: 0.1,
} as const;

const RECEIPT_KINDS: Array<[ReceiptKind, number]> = [
  ["purchase", 0.6],
  ["central_allocation", 0.2],
  ["donation", 0.15],
  ["return", 0.05],
];

/** Issues other than write-offs (those follow expiry, below): mostly dispatches, as the simulation always had. */
const ISSUE_SHARES: Array<[IssueReason, number]> = [
  ["dispatch", 0.85],
  ["routine_relief", 0.05],
  ["rotation", 0.03],
  ["donation_out", 0.03],
  ["drill", 0.03],
  ["mutual_aid", 0.01],
];

export interface Site {
  id: number;
  central: boolean;
}

interface Item {
  id: number;
  shelfLifeMonths: number | null;
}

/** Receipts, issues, transfers and their receipt, reversals of mistakes, and the weekly write-off of expired stock. */
export class StockFlows {
  readonly sites: Site[];
  private readonly items: Item[];
  private readonly lots = new Map<number, { code: string; productionDate: string }>();
  private lotSequence = 0;
  private readonly transfers: Array<{ id: number; receiveOn: string }> = [];

  constructor(private readonly world: World) {
    const db = world.db;
    this.sites = db
      .select({ id: warehouses.id, kind: warehouses.kind })
      .from(warehouses)
      .where(and(ne(warehouses.kind, "enterprise"), eq(warehouses.active, true)))
      .orderBy(warehouses.id)
      .all()
      .map((w) => ({ id: w.id, central: w.kind !== "township_point" }));
    this.items = db
      .select({ id: items.id, shelfLifeMonths: items.shelfLifeMonths })
      .from(items)
      .orderBy(items.id)
      .all();
  }

  /** The lot an item's deliveries belong to now; now and then production moves on to a new one. */
  private lotOf(item: Item): { lotCode: string; productionDate: string } {
    let lot = this.lots.get(item.id);
    if (!lot || this.world.chance(RATES.newLotPerReceiptLine)) {
      lot = {
        code: `L${this.world.today.replaceAll("-", "")}-${++this.lotSequence}`,
        productionDate: this.world.daysFromToday(-this.world.int(0, 90)),
      };
      this.lots.set(item.id, lot);
    }
    return { lotCode: lot.code, productionDate: lot.productionDate };
  }

  /** The ordinary receipt lines, or for donations now and then goods near the end of their shelf life. */
  private receiptLine(item: Item, kind: ReceiptKind) {
    const { world } = this;
    const quantity = world.int(5, 200) * 10;
    if (kind === "donation" && item.shelfLifeMonths && world.chance(0.2)) {
      return {
        itemId: item.id,
        lotCode: `JZ-${world.today.replaceAll("-", "")}-${++this.lotSequence}`,
        expiryDate: addDays(world.today, world.int(1, 20)),
        quantity,
      };
    }
    return { itemId: item.id, ...this.lotOf(item), quantity };
  }

  receipt(site: Site = this.site(true), kind = this.receiptKind()): void {
    const { world } = this;
    const lines = world.sample(this.items, world.int(25, 50)).map((item) => this.receiptLine(item, kind));
    const posted = world.act("stock.receive", () =>
      receiveStock({
        ctx: world.ctx,
        input: { warehouseId: site.id, source: { kind, reference: `CG-${world.int(1000, 9999)}` }, lines },
      }),
    );
    if (posted && world.chance(RATES.reversedReceipts)) {
      world.act("stock.reverse", () =>
        reverseDocument({
          ctx: world.ctx,
          input: { documentId: posted.id, note: "录入错误，冲销后重新入库" },
        }),
      );
    }
  }

  /** Goods an enterprise delivered against a call-off, received into a central warehouse. */
  delivery(itemId: number, quantity: number, reference: string): void {
    const { world } = this;
    const item = this.items.find((i) => i.id === itemId);
    if (!item) return;
    world.act("stock.receive", () =>
      receiveStock({
        ctx: world.ctx,
        input: {
          warehouseId: this.site(true).id,
          source: { kind: "agreement_calloff", reference },
          lines: [{ itemId, ...this.lotOf(item), quantity }],
        },
      }),
    );
  }

  private receiptKind(): ReceiptKind {
    let roll = this.world.random();
    for (const [kind, share] of RECEIPT_KINDS) {
      roll -= share;
      if (roll < 0) return kind;
    }
    return "purchase";
  }

  /** A warehouse; central ones (district, commerce, military) receive and send more than township points. */
  site(preferCentral = false): Site {
    const central = this.sites.filter((s) => s.central);
    return preferCentral && this.world.chance(0.6) ? this.world.pick(central) : this.world.pick(this.sites);
  }

  /** Lines asking for a share of what a warehouse can give, item by item. */
  request(site: Site, count: number, share: [number, number]) {
    const { world } = this;
    return world
      .sample(freeByItem(world.db, site.id, world.today), count)
      .map((s) => ({
        itemId: s.itemId,
        quantity: Math.max(1, Math.floor(s.free * (share[0] + world.random() * (share[1] - share[0])))),
      }))
      .filter((line) => line.quantity >= 1);
  }

  issue(): void {
    const { world } = this;
    const site = this.site();
    const lines = this.request(site, world.int(10, 34), [0.05, 0.3]);
    if (lines.length === 0) return;
    const posted = world.act("stock.issue", () =>
      issueStock({
        ctx: world.ctx,
        input: {
          warehouseId: site.id,
          reason: this.issueReason(),
          reference: `FF-${world.int(1000, 9999)}`,
          lines,
        },
      }),
    );
    if (posted && world.chance(RATES.reversedIssues)) {
      world.act("stock.reverse", () =>
        reverseDocument({ ctx: world.ctx, input: { documentId: posted.id, note: "出库数量录错，冲销重开" } }),
      );
    }
  }

  /** One draw, as the dispatch-or-donation choice before it took, so the simulated years stay the same. */
  private issueReason(): IssueReason {
    let roll = this.world.random();
    for (const [reason, share] of ISSUE_SHARES) {
      roll -= share;
      if (roll < 0) return reason;
    }
    return "dispatch";
  }

  transfer(): void {
    const { world } = this;
    const from = this.site(true);
    const targets = this.sites.filter((s) => s.id !== from.id && (!from.central || !s.central));
    const to = world.pick(targets.length > 0 ? targets : this.sites.filter((s) => s.id !== from.id));
    if (!to) return;
    const lines = this.request(from, world.int(10, 30), [0.1, 0.4]);
    if (lines.length === 0) return;
    const posted = world.act("stock.transfer", () =>
      transferStock({
        ctx: world.ctx,
        input: {
          fromWarehouseId: from.id,
          toWarehouseId: to.id,
          reference: `DB-${world.int(100, 999)}`,
          lines,
        },
      }),
    );
    if (posted) this.transfers.push({ id: posted.id, receiveOn: world.daysFromToday(world.int(0, 2)) });
  }

  /** Transfers arriving today, some of them short with the difference explained. */
  receiveTransfers(): void {
    const { world } = this;
    for (const transfer of this.transfers.filter((t) => t.receiveOn <= world.today)) {
      this.transfers.splice(this.transfers.indexOf(transfer), 1);
      const short = world.chance(RATES.shortTransferReceipts)
        ? world.db
            .select()
            .from(ledgerLines)
            .where(and(eq(ledgerLines.documentId, transfer.id), ne(ledgerLines.inTransitDelta, 0)))
            .get()
        : undefined;
      world.act("stock.receiveTransfer", () =>
        receiveTransfer({
          ctx: world.ctx,
          input: {
            transferId: transfer.id,
            ...(short && {
              note: "运输途中破损，差异已拍照留存",
              lines: [
                {
                  itemId: short.itemId,
                  lotId: short.lotId,
                  ownership: short.ownership,
                  receivedQuantity: Math.floor(short.inTransitDelta * 0.9),
                },
              ],
            }),
          },
        }),
      );
    }
  }

  /** Each warehouse checks for expired stock once a week and writes it off. */
  writeOffs(): void {
    const { world } = this;
    this.sites.forEach((site, index) => {
      if ((world.dayIndex + index) % 7 !== 0) return;
      const expired = expiredKeys(world.db, site.id, world.today);
      for (let start = 0; start < expired.length; start += 500) {
        const lines = expired.slice(start, start + 500).map((k) => ({
          itemId: k.itemId,
          lotId: k.lotId,
          ownership: k.ownership,
          quantity: k.free,
        }));
        world.act("stock.issue (write-off)", () =>
          issueStock({
            ctx: world.ctx,
            input: { warehouseId: site.id, reason: "write_off", note: "过期报损", lines },
          }),
        );
      }
    });
  }

  day(): void {
    const { world } = this;
    this.writeOffs();
    this.receiveTransfers();
    for (let n = world.times(RATES.receipts); n > 0; n--) this.receipt();
    for (let n = world.times(RATES.transfers); n > 0; n--) this.transfer();
    for (let n = world.times(RATES.issues); n > 0; n--) this.issue();
  }
}
