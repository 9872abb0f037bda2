import {
  agreementCalloffs,
  agreementLines,
  agreements,
  type DbOrTx,
  type FleetVehicleType,
  type VehicleOwner,
  vehicles,
} from "@relief/db";
import { and, asc, count, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";

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
 *   as delivering nothing. Only active, available, plated trucks join, and each starts no earlier than the
 *   line's response time after the call-off, or the confirmed arrival (`availableFrom`):
 *   - a transport line contributes at most as many trucks as its call-offs ask for (as many as were
 *     confirmed, once confirmed), chosen by plate, the earliest call-off's trucks first;
 *   - a stock line's trucks are the enterprise's own delivery trucks, homed at the line's site: the call-off
 *     asks for goods, not trucks, so every one of them joins, from the line's earliest call-off.
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
      kind: agreements.kind,
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
        inArray(agreements.kind, ["transport", "stock"]),
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
    const first = onLine[0];
    const readyAt = (c: (typeof calloffs)[number]) =>
      c.deliveredAt ?? new Date(Date.parse(c.requestedAt) + c.responseHours * 3_600_000).toISOString();
    // Transport: each plated truck takes the next truck a call-off asked for, the earliest call-off's first.
    // Stock: every delivery truck, ready when the first call-off's goods are.
    const firstReady = onLine.map(readyAt).sort()[0] ?? null;
    const starts =
      first?.kind === "stock"
        ? plated.map(() => firstReady)
        : onLine.flatMap((c) => Array.from({ length: c.trucks }, () => readyAt(c)));
    plated.slice(0, starts.length).forEach((v, i) => {
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

/**
 * Per agreement line, the active, available plated trucks registered under it, called off or not: whether
 * calling off a stock line would bring delivery trucks to carry its goods.
 */
export function agreementTrucksByLine(db: DbOrTx): Map<number, number> {
  const rows = db
    .select({ lineId: vehicles.agreementLineId, n: count() })
    .from(vehicles)
    .where(
      and(
        eq(vehicles.active, true),
        eq(vehicles.status, "available"),
        eq(vehicles.owner, "agreement"),
        isNotNull(vehicles.agreementLineId),
      ),
    )
    .groupBy(vehicles.agreementLineId)
    .all();
  return new Map(rows.map((r) => [r.lineId as number, r.n]));
}

function sortFleet(fleet: PlanningVehicle[]): PlanningVehicle[] {
  return fleet.sort(
    (a, b) => a.homeWarehouseId - b.homeWarehouseId || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0),
  );
}
