import { VEHICLE_TYPES, type VehicleType } from "./agreements";
import { type Role, STAFF } from "./roles";

/**
 * Dispatch: the road network, the fleet, incidents and plans. The rules here are the ones the core, the API,
 * the web app and the fixtures must agree on; the figures marked [E] are estimates (domain reference §5).
 */

/** The plan's second target: initial relief within 10 hours of the disaster. */
export const RELIEF_DEADLINE_HOURS = 10;

/** Road classes of the network; a ferry is a crossing with a fixed time rather than a speed. */
export const ROAD_CLASSES = ["expressway", "national", "provincial", "county", "village", "ferry"] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

/** Truck speeds on Chongqing's hills by road class, km/h [E]. */
export const ROAD_SPEEDS_KMH: Readonly<Record<RoadClass, number>> = {
  expressway: 60,
  national: 40,
  provincial: 40,
  county: 30,
  village: 20,
  ferry: 10,
};

/** Road distance ≈ straight-line distance × this factor where no surveyed length exists [E]. */
export const DETOUR_FACTOR = 1.3;

/**
 * Where a length comes from: surveyed or published for the segment, apportioned from a published total
 * over its segments by their estimated lengths, or estimated from coordinates × DETOUR_FACTOR.
 */
export const KM_BASES = ["surveyed", "reported", "apportioned", "estimated"] as const;
export type KmBasis = (typeof KM_BASES)[number];

/** What a node of the network stands for. `boundary`: where a neighbouring district's roads enter Banan. */
export const ROAD_NODE_KINDS = ["township", "warehouse", "junction", "bridge", "ferry", "boundary"] as const;
export type RoadNodeKind = (typeof ROAD_NODE_KINDS)[number];

/** A river crossing on an edge: the Yangtze is crossed by bridges or ferries, never in a straight line. */
export const CROSSINGS = ["bridge", "ferry"] as const;
export type Crossing = (typeof CROSSINGS)[number];

export const ROAD_STATUSES = ["open", "closed", "slow"] as const;
export type RoadStatus = (typeof ROAD_STATUSES)[number];

/** The seed plan: trunk roads are reopened within 12 hours on average. */
export const TRUNK_REOPEN_HOURS = 12;
export const TRUNK_ROAD_CLASSES: readonly RoadClass[] = ["expressway", "national", "provincial"];

/** Straight-line distance in km between two points (haversine, mean Earth radius). */
export function straightKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The fleet's vehicle types: the three truck classes of the reference and any other vehicle. */
export const FLEET_VEHICLE_TYPES = [...VEHICLE_TYPES, "other"] as const;
export type FleetVehicleType = (typeof FLEET_VEHICLE_TYPES)[number];

/** Payload and load volume of each truck class [E] (domain reference §5), the defaults of a new vehicle. */
export const TRUCK_CLASSES: Readonly<Record<VehicleType, { payloadKg: number; volumeM3: number }>> = {
  light: { payloadKg: 2000, volumeM3: 14 },
  medium: { payloadKg: 8000, volumeM3: 40 },
  heavy: { payloadKg: 15000, volumeM3: 55 },
};

export const VEHICLE_STATUSES = ["available", "on_task", "maintenance"] as const;
export type VehicleStatus = (typeof VEHICLE_STATUSES)[number];

/** A government vehicle, or a truck held under a transport-reserve agreement of the commerce bureau. */
export const VEHICLE_OWNERS = ["government", "agreement"] as const;
export type VehicleOwner = (typeof VEHICLE_OWNERS)[number];

export const INCIDENT_TYPES = ["flood", "landslide", "earthquake", "fire", "other"] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** 初报 / 续报 / 核报: each report keeps its figures and time; the latest counts. */
export const INCIDENT_REPORT_KINDS = ["initial", "follow_up", "verified"] as const;
export type IncidentReportKind = (typeof INCIDENT_REPORT_KINDS)[number];

export const INCIDENT_STATUSES = ["open", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const PLAN_STATUSES = ["running", "done", "failed"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * A plan's default search budget. The iteration count is what makes a plan reproducible (same data and seed,
 * same plan on any machine); the time cap only stops a runaway search, and a plan cut by it says so.
 */
export const PLAN_BUDGET = { iterations: 2_000, timeLimitMs: 10_000 } as const;

/**
 * A dispatch order (调拨单) from its approval: stock reserved (or, in a drill, only marked), departed with the truck,
 * received by the township, or cancelled before departure.
 */
export const ORDER_STATUSES = ["reserved", "departed", "received", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/**
 * Who authorises a dispatch order (批准机关) unless the dispatcher names another body: the district's disaster
 * reduction committee, which directs relief across the district's departments. A document value, not a label.
 */
export const ORDER_AUTHORITY_DEFAULT = "巴南区减灾委员会";

/** What became of a quantity that departed but was not received: brought back to the warehouse, or lost. */
export const DISCREPANCY_OUTCOMES = ["returned", "lost"] as const;
export type DiscrepancyOutcome = (typeof DISCREPANCY_OUTCOMES)[number];

/** Why an area's need is not fully met by a plan (the planner's own codes). */
export const SHORTFALL_REASONS = ["no_stock", "unreachable", "deadline", "fleet"] as const;
export type ShortfallReasonCode = (typeof SHORTFALL_REASONS)[number];

/** Who writes incidents, road status, the fleet and plans. */
export const DISPATCHERS: readonly Role[] = ["admin", "dispatcher"];
/**
 * Who edits vehicles: dispatchers the whole fleet, the commerce bureau only the trucks of its transport
 * agreements (the core narrows it per vehicle).
 */
export const FLEET_EDITORS: readonly Role[] = ["admin", "dispatcher", "commerce"];
/** Civil affairs and commerce read incidents, roads, the fleet and plans; leaders read them too. */
export const DISPATCH_READERS: readonly Role[] = STAFF;

/** Whether a role may edit a vehicle of this owner. */
export function mayEditVehicle(role: Role, owner: VehicleOwner): boolean {
  if (DISPATCHERS.includes(role)) return true;
  return role === "commerce" && owner === "agreement";
}
