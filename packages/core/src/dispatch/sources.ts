import type { DbOrTx } from "@relief/db";
import { type LendableOffer, lendableForPlanning, type PromisedAid, promisedAidFor } from "../aid/planning";
import { needsForPlanning } from "../incidents/needs";
import { assertIncidentOpen } from "../incidents/status";
import { roadNetworkForPlanning } from "../roads/planning";
import { agreementTrucksByLine, vehiclesForPlanning } from "../vehicles/planning";

/**
 * What planning reads from the roads, fleet and incidents domains, as far as planning relies on it. The
 * builder takes them as one object, so a test or the benchmark can hand it a network or a fleet of its own.
 */

export interface RoadNode {
  id: number;
  lat: number;
  lon: number;
  /** The warehouse a warehouse node stands for. */
  warehouseId: number | null;
  /** The township a node stands in. */
  areaId: number | null;
  /** A township seat: where its township's relief is delivered. */
  seat: boolean;
}

/** A road segment as it stands now: `closed` and `speedFactor` carry today's status. */
export interface RoadEdge {
  id: number;
  from: number;
  to: number;
  km: number;
  /** A fixed time (ferries); otherwise km ÷ speedKmh. */
  minutes: number | null;
  speedKmh: number;
  oneWay: boolean;
  closed: boolean;
  speedFactor: number;
}

export interface RoadNetwork {
  nodes: RoadNode[];
  edges: RoadEdge[];
}

export interface FleetVehicle {
  id: number;
  plate: string;
  homeWarehouseId: number;
  payloadKg: number;
  volumeM3: number;
  /** When the vehicle can start loading (an agreement truck's response time); null = at once. */
  availableFrom: string | null;
}

export interface IncidentNeeds {
  incident: { id: number; number: string; startedAt: string; drill: boolean; status: "open" | "closed" };
  areas: Array<{
    areaId: number;
    /** The township the area lies in (itself for a township): its seat is where trucks deliver. */
    townshipAreaId: number;
    /** Relocated people: who needs the relief package. */
    people: number;
    /** Base units per item id. */
    needs: Record<number, number>;
  }>;
}

export interface PlanningSources {
  roadNetwork(db: DbOrTx): RoadNetwork;
  vehicles(db: DbOrTx, input: { incidentRef: string }): FleetVehicle[];
  /** Available plated trucks per agreement line, called off or not (a stock line's delivery trucks). */
  agreementTrucks(db: DbOrTx): Map<number, number>;
  needs(db: DbOrTx, incidentId: number): IncidentNeeds;
  /** Throws the incidents domain's refusal when the incident is closed or unknown. */
  assertIncidentOpen(db: DbOrTx, incidentId: number): void;
  /** Goods neighbouring districts have promised for the incident, at their entry nodes, with their trucks. */
  mutualAid(db: DbOrTx, incidentId: number): PromisedAid[];
  /** What neighbours have said they can lend: whom a shortfall suggests asking. */
  lendable(db: DbOrTx): LendableOffer[];
}

export const PLANNING_SOURCES: PlanningSources = {
  roadNetwork: roadNetworkForPlanning,
  vehicles: vehiclesForPlanning,
  agreementTrucks: agreementTrucksByLine,
  needs: needsForPlanning,
  assertIncidentOpen,
  mutualAid: promisedAidFor,
  lendable: lendableForPlanning,
};
