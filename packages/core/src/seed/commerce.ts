import {
  areas,
  type CreditEventKind,
  type EnterpriseKind,
  items,
  type Tx,
  type VehicleType,
} from "@relief/db";
import { and, eq } from "drizzle-orm";
import commerce from "../../../../fixtures/banan/commerce.json" with { type: "json" };
import { confirmCalloff, createCalloff } from "../agreements/calloffs";
import type { AgreementView } from "../agreements/list";
import { declareStock, verifyStock } from "../agreements/records";
import { createAgreement } from "../agreements/save";
import type { Actor, CoreContext } from "../context";
import { nowIso } from "../context";
import { recordCreditEvent } from "../enterprises/credit";
import { getEnterprise } from "../enterprises/list";
import { createEnterprise, updateEnterprise } from "../enterprises/save";
import { addDays, districtDayStart, localDate } from "../time";
import { createWarehouse } from "../warehouses/save";

/**
 * The commerce side of the Banan demo: fictitious partner enterprises, their warehouses, agreements (one
 * expiring within 30 days, one expired, capacity and transport reserves), declarations with and without
 * verification, past call-offs and credit events. Dates are relative to the day of seeding.
 */
export function seedBananCommerce(tx: Tx, ctx: CoreContext, admin: Actor): void {
  const at = nowIso(ctx);
  const today = localDate(at);
  const asAdmin: CoreContext = { ...ctx, db: tx, actor: admin };
  const day = (offset: number) => addDays(today, offset);
  /** 09:00 district time, `daysAgo` days before today. */
  const morning = (daysAgo: number) =>
    new Date(Date.parse(districtDayStart(day(-daysAgo))) + 9 * 3_600_000).toISOString();
  const townshipId = (name: string) =>
    tx
      .select({ id: areas.id })
      .from(areas)
      .where(and(eq(areas.name, name), eq(areas.level, "township")))
      .get()?.id ?? null;
  const itemId = (code: string) =>
    tx.select({ id: items.id }).from(items).where(eq(items.code, code)).get()?.id;

  const enterpriseIds = new Map<string, number>();
  for (const { key, township, kind, status: _, note, ...e } of commerce.enterprises) {
    const created = createEnterprise({
      ctx: asAdmin,
      input: { ...e, kind: kind as EnterpriseKind, areaId: townshipId(township), note: note ?? null },
    });
    enterpriseIds.set(key, created.id);
  }
  const warehouseIds = new Map<string, number>();
  for (const { enterprise, township, ...w } of commerce.warehouses) {
    const owner = commerce.enterprises.find((e) => e.key === enterprise);
    const created = createWarehouse({
      ctx: asAdmin,
      input: {
        ...w,
        kind: "enterprise",
        organisation: owner?.name ?? enterprise,
        enterpriseId: enterpriseIds.get(enterprise) ?? null,
        areaId: townshipId(township) ?? 0,
        address: owner?.address ?? "",
        manager: owner?.contacts[0]?.name ?? "",
        phone: owner?.contacts[0]?.mobile ?? "",
      },
    });
    warehouseIds.set(w.code, created.id);
  }

  const agreementsByNumber = new Map<string, AgreementView>();
  for (const a of commerce.agreements) {
    const created = createAgreement({
      ctx: asAdmin,
      input: {
        number: a.number,
        enterpriseId: enterpriseIds.get(a.enterprise) ?? 0,
        kind: a.kind as "stock" | "production" | "transport",
        startDate: day(a.start),
        endDate: day(a.end),
        signedOn: day(a.signed),
        lines: a.lines.map((l) => ({
          itemId: "item" in l && l.item ? (itemId(l.item) ?? 0) : null,
          vehicleType: "vehicleType" in l ? (l.vehicleType as VehicleType) : null,
          quantity: l.quantity,
          responseHours: l.responseHours,
          warehouseId: "warehouse" in l && l.warehouse ? (warehouseIds.get(l.warehouse) ?? 0) : null,
          unitPriceFen: "unitPriceFen" in l ? (l.unitPriceFen ?? null) : null,
          reserveFundFen: "reserveFundFen" in l ? (l.reserveFundFen ?? null) : null,
          rotationDuty: l.rotationDuty,
        })),
      },
    });
    agreementsByNumber.set(a.number, created);
    const lineId = (lineNo: number) => created.lines.find((l) => l.lineNo === lineNo)?.id ?? 0;
    const records = a as {
      declarations?: Array<{ line: number; daysAgo: number; quantity: number }>;
      verifications?: Array<{
        line: number;
        daysAgo: number;
        quantity: number;
        inspector: string;
        findings: string;
      }>;
    };
    for (const d of records.declarations ?? []) {
      declareStock({
        ctx: asAdmin,
        input: { lineId: lineId(d.line), declaredOn: day(-d.daysAgo), quantity: d.quantity },
      });
    }
    for (const v of records.verifications ?? []) {
      verifyStock({
        ctx: asAdmin,
        input: {
          lineId: lineId(v.line),
          inspectedOn: day(-v.daysAgo),
          quantity: v.quantity,
          inspector: v.inspector,
          findings: v.findings,
        },
      });
    }
  }

  for (const c of commerce.calloffs) {
    const agreement = agreementsByNumber.get(c.agreement);
    const line = agreement?.lines.find((l) => l.lineNo === c.line);
    const requestedAt = morning(c.requestedDaysAgo);
    const calloff = createCalloff({
      ctx: asAdmin,
      input: {
        lineId: line?.id ?? 0,
        quantity: c.quantity,
        requestedAt,
        dispatchRef: c.dispatchRef ?? null,
      },
    });
    confirmCalloff({
      ctx: asAdmin,
      input: {
        id: calloff.id,
        deliveredQuantity: c.deliveredQuantity,
        deliveredAt: new Date(Date.parse(requestedAt) + c.deliveredAfterHours * 3_600_000).toISOString(),
        confirmedBy: c.confirmedBy,
      },
    });
  }
  for (const e of commerce.creditEvents) {
    recordCreditEvent({
      ctx: asAdmin,
      input: {
        enterpriseId: enterpriseIds.get(e.enterprise) ?? 0,
        occurredOn: day(-e.daysAgo),
        kind: e.kind as CreditEventKind,
        note: e.note,
      },
    });
  }
  // Suspended last: a suspended enterprise may not sign new agreements, but keeps the ones it has.
  for (const e of commerce.enterprises) {
    if ("status" in e && e.status === "suspended") {
      const {
        id,
        contacts,
        createdAt: _c,
        updatedAt: _u,
        ...fields
      } = getEnterprise(tx, enterpriseIds.get(e.key) ?? 0);
      updateEnterprise({ ctx: asAdmin, input: { id, ...fields, contacts, status: "suspended" } });
    }
  }
}
