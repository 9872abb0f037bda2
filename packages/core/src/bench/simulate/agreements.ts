import { type AgreementKind, enterprises, items, type VehicleType, warehouses } from "@relief/db";
import { and, eq } from "drizzle-orm";
import { confirmCalloff, createCalloff } from "../../agreements/calloffs";
import { declareStock, verifyStock } from "../../agreements/records";
import { createAgreement } from "../../agreements/save";
import { addDays } from "../../time";
import type { World } from "./world";

/**
 * Agreement streams: each is one enterprise's yearly agreement of one kind, renewed two weeks before it ends.
 * 100 streams over four years give about 500 agreements (issue 11: 509).
 */
const STREAMS = 100;
const CALLOFFS_PER_DAY = 0.4;
const VEHICLES: VehicleType[] = ["light", "medium", "heavy"];

interface Line {
  id: number;
  itemId: number | null;
  quantity: number;
  responseHours: number;
}

interface Agreement {
  id: number;
  kind: AgreementKind;
  startDate: string;
  endDate: string;
  lines: Line[];
}

interface Stream {
  index: number;
  enterpriseId: number;
  kind: AgreementKind;
  warehouseId: number | null;
  itemIds: number[];
  renewals: number;
  current: Agreement | null;
}

interface OpenCalloff {
  id: number;
  requestedAt: string;
  quantity: number;
  line: Line;
  confirmOn: string;
}

/** Delivered goods of a stock or production call-off, received into a government warehouse. */
export type Delivery = (itemId: number, quantity: number, reference: string) => void;

export class AgreementActivity {
  private readonly streams: Stream[] = [];
  private readonly open: OpenCalloff[] = [];

  constructor(
    private readonly world: World,
    private readonly deliver: Delivery,
  ) {}

  /** Registers the streams' first agreements, each begun some time in the year before the first day. */
  start(): void {
    const { world } = this;
    const db = world.ctx.db;
    const partners = db
      .select({ id: enterprises.id, kind: enterprises.kind, warehouseId: warehouses.id })
      .from(enterprises)
      .leftJoin(warehouses, and(eq(warehouses.enterpriseId, enterprises.id), eq(warehouses.active, true)))
      .where(eq(enterprises.status, "active"))
      .orderBy(enterprises.id)
      .all();
    const seen = new Set<number>();
    const unique = partners.filter((p) => !seen.has(p.id) && seen.add(p.id));
    const itemIds = db
      .select({ id: items.id })
      .from(items)
      .orderBy(items.id)
      .all()
      .map((i) => i.id);
    for (let index = 0; index < STREAMS; index++) {
      const partner = unique[index % unique.length];
      if (!partner) return;
      const kind: AgreementKind =
        partner.kind === "logistics"
          ? "transport"
          : partner.warehouseId !== null && index % 10 < 7
            ? "stock"
            : "production";
      const stream: Stream = {
        index,
        enterpriseId: partner.id,
        kind,
        warehouseId: kind === "stock" ? partner.warehouseId : null,
        itemIds: world.sample(itemIds, world.int(1, 5)),
        renewals: 0,
        current: null,
      };
      this.streams.push(stream);
      const startDate = addDays(world.today, -world.int(0, 330));
      this.sign(stream, startDate, addDays(startDate, -10));
    }
  }

  private sign(stream: Stream, startDate: string, signedOn: string): void {
    const { world } = this;
    const goods = stream.kind !== "transport";
    const lines = goods
      ? stream.itemIds.map((itemId) => ({
          itemId,
          quantity: world.int(10, 500) * 100,
          responseHours: world.pick([6, 12, 24, 48]),
          warehouseId: stream.warehouseId,
          unitPriceFen: world.int(100, 50_000),
        }))
      : world.sample(VEHICLES, world.int(1, 3)).map((vehicleType) => ({
          vehicleType,
          quantity: world.int(2, 20),
          responseHours: world.pick([2, 4, 6]),
        }));
    const endDate = addDays(startDate, 364);
    const detail = world.act("agreements.create", () =>
      createAgreement({
        ctx: world.ctx,
        input: {
          number: `BNSW-SIM-${String(stream.index).padStart(3, "0")}-${stream.renewals + 1}`,
          enterpriseId: stream.enterpriseId,
          kind: stream.kind,
          startDate,
          endDate,
          signedOn,
          lines,
        },
      }),
    );
    if (!detail) return;
    stream.renewals++;
    stream.current = {
      id: detail.id,
      kind: stream.kind,
      startDate,
      endDate,
      lines: [...detail.lines]
        .sort((a, b) => a.lineNo - b.lineNo)
        .map((l) => ({ id: l.id, itemId: l.itemId, quantity: l.quantity, responseHours: l.responseHours })),
    };
  }

  private inForce(): Agreement[] {
    const today = this.world.today;
    return this.streams
      .map((s) => s.current)
      .filter((a): a is Agreement => !!a && a.startDate <= today && today <= a.endDate);
  }

  /** One day: renewals, monthly declarations and quarterly inspections, call-offs and their deliveries. */
  day(): void {
    const { world } = this;
    const today = world.today;
    for (const stream of this.streams) {
      const current = stream.current;
      if (current && addDays(current.endDate, -14) === today) {
        this.sign(stream, addDays(current.endDate, 1), today);
      }
    }
    const dayOfMonth = Number(today.slice(8, 10));
    const month = Number(today.slice(5, 7));
    for (const agreement of this.inForce()) {
      if (agreement.kind !== "stock" || (agreement.id % 28) + 1 !== dayOfMonth) continue;
      for (const line of agreement.lines) {
        world.act("agreements.declare", () =>
          declareStock({
            ctx: world.ctx,
            input: {
              lineId: line.id,
              declaredOn: today,
              quantity: Math.round(line.quantity * (0.9 + world.random() * 0.15)),
            },
          }),
        );
        if (month % 3 !== agreement.id % 3) continue;
        world.act("agreements.verify", () =>
          verifyStock({
            ctx: world.ctx,
            input: {
              lineId: line.id,
              inspectedOn: today,
              quantity: Math.round(line.quantity * (0.85 + world.random() * 0.15)),
              inspector: "区商务委 模拟核查组",
              findings: world.chance(0.8) ? "账实相符" : "数量不足，已要求补足",
            },
          }),
        );
      }
    }
    this.calloffs();
  }

  private calloffs(): void {
    const { world } = this;
    const inForce = this.inForce();
    for (let n = world.times(CALLOFFS_PER_DAY); n > 0 && inForce.length > 0; n--) {
      const line = world.pick(world.pick(inForce).lines);
      const pending = this.open.filter((c) => c.line.id === line.id).reduce((sum, c) => sum + c.quantity, 0);
      const quantity = Math.floor((line.quantity - pending) * (0.05 + world.random() * 0.15));
      if (quantity < 1) continue;
      const calloff = world.act("agreements.calloff", () =>
        createCalloff({ ctx: world.ctx, input: { lineId: line.id, quantity, dispatchRef: null } }),
      );
      if (calloff) {
        this.open.push({
          id: calloff.id,
          requestedAt: calloff.requestedAt,
          quantity,
          line,
          confirmOn: world.daysFromToday(world.int(1, 3)),
        });
      }
    }
    for (const calloff of this.open.filter((c) => c.confirmOn === world.today)) {
      this.open.splice(this.open.indexOf(calloff), 1);
      const delivered = world.chance(0.05)
        ? 0
        : Math.round(calloff.quantity * (0.85 + world.random() * 0.15));
      const hours = calloff.line.responseHours * (0.5 + world.random() * 0.8);
      const ctx = world.ctx;
      const now = ctx.now?.().toISOString() ?? calloff.requestedAt;
      const arrived = new Date(Date.parse(calloff.requestedAt) + hours * 3_600_000).toISOString();
      const confirmed = world.act("agreements.confirmCalloff", () =>
        confirmCalloff({
          ctx,
          input: {
            id: calloff.id,
            deliveredQuantity: delivered,
            deliveredAt: arrived < now ? arrived : now,
            confirmedBy: "区商务委 模拟确认人",
          },
        }),
      );
      if (confirmed && delivered > 0 && calloff.line.itemId !== null) {
        this.deliver(calloff.line.itemId, delivered, confirmed.number);
      }
    }
  }
}
