import {
  CROSSINGS,
  type MessageKey,
  m,
  msg,
  ROAD_CLASSES,
  ROAD_NODE_KINDS,
  ROAD_STATUSES,
} from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { PageFields, SortFields } from "../paging";
import { Instant } from "../schemas";

type FieldKey = Extract<MessageKey, `roads.field.${string}`>;
const required = (field: FieldKey) => m("common.error.required", { field: msg(field) });
const invalid = (field: FieldKey) => m("common.error.invalidChoice", { field: msg(field) });
const tooLong = (field: FieldKey, max: number) => m("common.error.fieldTooLong", { field: msg(field), max });
const Id = (field: FieldKey) =>
  z
    .number({ error: required(field) })
    .int(invalid(field))
    .positive(invalid(field));

/** Node and edge codes: what a spreadsheet row is matched by. */
const Code = (field: FieldKey) =>
  z
    .string({ error: required(field) })
    .trim()
    .min(1, required(field))
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$/, m("roads.error.codeFormat"));
const Name = (field: FieldKey) =>
  z
    .string({ error: required(field) })
    .trim()
    .min(1, required(field))
    .max(60, tooLong(field, 60));

export const SetRoadStatusInput = z.object({
  edgeId: Id("roads.field.edge"),
  status: z.enum(ROAD_STATUSES, { error: invalid("roads.field.status") }),
  /** Slow roads only: 0.5 = half the usual speed. */
  speedFactor: z
    .number({ error: m("roads.error.speedFactorRange") })
    .gt(0, m("roads.error.speedFactorRange"))
    .lt(1, m("roads.error.speedFactorRange"))
    .optional(),
  reason: z.string().trim().max(200, tooLong("roads.field.reason", 200)).default(""),
  /** When the change took effect on the road; now when omitted. */
  effectiveAt: Instant(DATE_WINDOWS.record, msg("roads.field.effectiveAt")).optional(),
  expectedReopenAt: Instant(DATE_WINDOWS.period, msg("roads.field.expectedReopenAt")).nullish(),
  incidentId: Id("roads.field.incident").nullish(),
});
export type SetRoadStatusInput = z.input<typeof SetRoadStatusInput>;

export const ROAD_EDGE_SORTS = ["code", "name", "km", "roadClass", "status"] as const;

export const ListRoadEdgesInput = z
  .object({
    roadClass: z.enum(ROAD_CLASSES, { error: invalid("roads.field.roadClass") }).optional(),
    status: z.enum(ROAD_STATUSES, { error: invalid("roads.field.status") }).optional(),
    /** Part of the road's name or code. */
    name: z
      .string()
      .trim()
      .max(60, m("common.error.fieldTooLong", { field: msg("common.field.search"), max: 60 }))
      .optional(),
    active: z.boolean().optional(),
    ...PageFields,
    ...SortFields(ROAD_EDGE_SORTS, "code"),
  })
  .prefault({});
export type ListRoadEdgesInput = z.input<typeof ListRoadEdgesInput>;

export const RoadHistoryInput = z
  .object({
    /** One edge's events; every edge's when omitted. */
    edgeId: Id("roads.field.edge").optional(),
    incidentId: Id("roads.field.incident").optional(),
    ...PageFields,
  })
  .prefault({});
export type RoadHistoryInput = z.input<typeof RoadHistoryInput>;

export const ClosuresForIncidentInput = z.object({ incidentId: Id("roads.field.incident") });
export type ClosuresForIncidentInput = z.input<typeof ClosuresForIncidentInput>;

const NodeFields = {
  code: Code("roads.field.code"),
  name: Name("roads.field.name"),
  kind: z.enum(ROAD_NODE_KINDS, { error: invalid("roads.field.nodeKind") }),
  lat: z
    .number({ error: required("roads.field.lat") })
    .min(-90, m("areas.error.latitudeRange"))
    .max(90, m("areas.error.latitudeRange")),
  lon: z
    .number({ error: required("roads.field.lon") })
    .min(-180, m("areas.error.longitudeRange"))
    .max(180, m("areas.error.longitudeRange")),
  areaId: Id("roads.field.township").nullable().default(null),
  warehouseId: Id("roads.field.warehouse").nullable().default(null),
  active: z.boolean().default(true),
};

export const CreateRoadNodeInput = z.object(NodeFields);
export type CreateRoadNodeInput = z.input<typeof CreateRoadNodeInput>;

export const UpdateRoadNodeInput = z.object({ id: Id("roads.field.node"), ...NodeFields });
export type UpdateRoadNodeInput = z.input<typeof UpdateRoadNodeInput>;

const EdgeFields = {
  code: Code("roads.field.code"),
  name: Name("roads.field.name"),
  fromNodeId: Id("roads.field.from"),
  toNodeId: Id("roads.field.to"),
  roadClass: z.enum(ROAD_CLASSES, { error: invalid("roads.field.roadClass") }),
  /**
   * A length the dispatcher enters is a surveyed one; null keeps the edge's length as it is, or estimates a
   * new edge's from its ends' coordinates.
   */
  km: z
    .number({ error: m("roads.error.kmRange") })
    .min(0.1, m("roads.error.kmRange"))
    .max(1000, m("roads.error.kmRange"))
    .nullable()
    .default(null),
  /** Null = the class's speed. */
  speedKmh: z
    .number({ error: m("roads.error.speedRange") })
    .gt(0, m("roads.error.speedRange"))
    .max(130, m("roads.error.speedRange"))
    .nullable()
    .default(null),
  /** A fixed crossing time (ferries). */
  minutes: z
    .number({ error: m("roads.error.minutesRange") })
    .gt(0, m("roads.error.minutesRange"))
    .max(24 * 60, m("roads.error.minutesRange"))
    .nullable()
    .default(null),
  crossing: z
    .enum(CROSSINGS, { error: invalid("roads.field.crossing") })
    .nullable()
    .default(null),
  oneWay: z.boolean().default(false),
  active: z.boolean().default(true),
};

export const CreateRoadEdgeInput = z.object(EdgeFields);
export type CreateRoadEdgeInput = z.input<typeof CreateRoadEdgeInput>;

export const UpdateRoadEdgeInput = z.object({ id: Id("roads.field.edge"), ...EdgeFields });
export type UpdateRoadEdgeInput = z.input<typeof UpdateRoadEdgeInput>;
