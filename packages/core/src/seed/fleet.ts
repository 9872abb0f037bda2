import {
  agreementLines,
  agreements,
  type FleetVehicleType,
  type Tx,
  type VehicleStatus,
  warehouses,
} from "@relief/db";
import { TRUCK_CLASSES } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import fleet from "../../../../fixtures/banan/fleet.json" with { type: "json" };
import type { Actor, CoreContext } from "../context";
import { createVehicle } from "../vehicles/save";

/**
 * The Banan demo fleet (fixtures/banan/fleet.json): government trucks across the district's warehouses and
 * plated trucks of the transport-reserve agreements, registered through the same action as the form, after
 * the warehouses and agreements they name.
 */
export function seedBananFleet(tx: Tx, ctx: CoreContext, admin: Actor): void {
  const asAdmin: CoreContext = { ...ctx, db: tx, actor: admin };
  for (const v of fleet.vehicles) {
    const type = v.type as Exclude<FleetVehicleType, "other">;
    const home = tx.select({ id: warehouses.id }).from(warehouses).where(eq(warehouses.code, v.home)).get();
    const line =
      "agreement" in v && v.agreement
        ? tx
            .select({ id: agreementLines.id })
            .from(agreementLines)
            .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
            .where(
              and(eq(agreements.number, v.agreement.number), eq(agreementLines.lineNo, v.agreement.line)),
            )
            .get()
        : undefined;
    createVehicle({
      ctx: asAdmin,
      input: {
        plate: v.plate,
        type,
        ...TRUCK_CLASSES[type],
        homeWarehouseId: home?.id ?? 0,
        driver: v.driver,
        phone: v.phone,
        status: v.status as VehicleStatus,
        owner: line ? "agreement" : "government",
        agreementLineId: line?.id ?? null,
        note: "note" in v ? (v.note ?? null) : null,
      },
    });
  }
}
