import {
  agreementCalloffs,
  agreementLines,
  agreements,
  type DbOrTx,
  type FleetVehicleType,
  type VehicleOwner,
  vehicles,
} from "@relief/db";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";

/** A vehicle the dispatch engine may plan with. */
export interface PlanningVehicle {
  id: number;
  plate: string;
  type: FleetVehicleType;
  payloadKg: number;
  volumeM3: number;
  /** Where the vehicle starts and returns to: its depot in the plan. */
  homeWarehouseId: number;
  owner: VehicleOwner;
  /** For an agreement truck: the line it is held under and the agreement's number; null otherwise. */
  agreementLineId: number | null;
  agreementNumber: string | null;
  /** The line's 响应时限 in hours; 0 for a government vehicle. */
  responseHours: number;
  /**
   * The earliest moment the vehicle can start loading at its home, as an ISO instant: null for a government
   * vehicle (it can start at once); for an agreement truck the call-off's request time + the line's response
   * hours, or the time its arrival was confirmed. It may lie before the plan's time zero (the truck is there).
   */
  availableFrom: string | null;
}

/**
 * The fleet the dispatch engine plans an incident with, read at the moment of planning:
 *
 * - every active government vehicle whose status is `available` (never `on_task` nor `maintenance`);
 * - agreement trucks only when their line has been called off for this incident, i.e. a call-off of the line
 *   whose `dispatchRef` is `incidentRef` (the incident's number) and that was neither cancelled nor confirmed
 *   as delivering nothing. A line contributes at most as many trucks as its call-offs ask for (as many as
 *   were confirmed, once confirmed), chosen among its active, available, plated trucks by plate. Each starts
 *   no earlier than the line's response time after the call-off (`availableFrom`).
 *
 * Without `incidentRef`, government vehicles only. Sorted by home warehouse, then plate, so that a plan built
 * twice from the same data sees the same fleet in the same order.
 */
export function vehiclesForPlanning(
  db: DbOrTx,
  { incidentRef }: { incidentRef?: string } = {},
): PlanningVehicle[] {
  const columns = {
    id: vehicles.id,
    plate: vehicles.plate,
    type: vehicles.type,
    payloadKg: vehicles.payloadKg,
    volumeM3: vehicles.volumeM3,
    homeWarehouseId: vehicles.homeWarehouseId,
    owner: vehicles.owner,
    agreementLineId: vehicles.agreementLineId,
  };
  const ready = and(eq(vehicles.active, true), eq(vehicles.status, "available"));
  const government: PlanningVehicle[] = db
    .select(columns)
    .from(vehicles)
    .where(and(ready, eq(vehicles.owner, "government")))
    .all()
    .map((v) => ({ ...v, agreementNumber: null, responseHours: 0, availableFrom: null }));
  if (!incidentRef) return sortFleet(government);

  const calloffs = db
    .select({
      lineId: agreementCalloffs.lineId,
      agreementNumber: agreements.number,
      responseHours: agreementLines.responseHours,
      trucks: sql<number>`COALESCE(${agreementCalloffs.deliveredQuantity}, ${agreementCalloffs.quantity})`,
      requestedAt: agreementCalloffs.requestedAt,
      deliveredAt: agreementCalloffs.deliveredAt,
    })
    .from(agreementCalloffs)
    .innerJoin(agreementLines, eq(agreementLines.id, agreementCalloffs.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(
      and(
        eq(agreementCalloffs.dispatchRef, incidentRef),
        eq(agreements.kind, "transport"),
        isNull(agreementCalloffs.cancelledAt),
        or(isNull(agreementCalloffs.deliveredQuantity), sql`${agreementCalloffs.deliveredQuantity} > 0`),
      ),
    )
    .orderBy(asc(agreementCalloffs.requestedAt), asc(agreementCalloffs.id))
    .all();
  const agreementTrucks: PlanningVehicle[] = [];
  for (const lineId of new Set(calloffs.map((c) => c.lineId))) {
    const onLine = calloffs.filter((c) => c.lineId === lineId);
    const plated = db
      .select(columns)
      .from(vehicles)
      .where(and(ready, eq(vehicles.owner, "agreement"), eq(vehicles.agreementLineId, lineId)))
      .orderBy(asc(vehicles.plate))
      .all();
    // The earliest call-off's trucks come first: each plated truck takes the next truck a call-off asked for.
    const starts = onLine.flatMap((c) => {
      const at =
        c.deliveredAt ?? new Date(Date.parse(c.requestedAt) + c.responseHours * 3_600_000).toISOString();
      return Array.from({ length: c.trucks }, () => at);
    });
    plated.slice(0, starts.length).forEach((v, i) => {
      const first = onLine[0];
      agreementTrucks.push({
        ...v,
        agreementNumber: first?.agreementNumber ?? null,
        responseHours: first?.responseHours ?? 0,
        availableFrom: starts[i] ?? null,
      });
    });
  }
  return sortFleet([...government, ...agreementTrucks]);
}

function sortFleet(fleet: PlanningVehicle[]): PlanningVehicle[] {
  return fleet.sort(
    (a, b) => a.homeWarehouseId - b.homeWarehouseId || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0),
  );
}
