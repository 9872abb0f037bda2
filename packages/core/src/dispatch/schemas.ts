import { DISCREPANCY_OUTCOMES, type Message, m, msg, PLAN_BUDGET } from "@relief/domain";
import { z } from "zod";
import { DATE_WINDOWS } from "../limits";
import { Instant, Quantity } from "../schemas";

/** Bounds of a dispatcher's time cap: at least a first plan, at most what a person waits for. */
const TIME_LIMIT = { min: 100, max: 60_000 } as const;

const Id = z.number().int().positive();
const Ids = z.array(Id).max(1000).default([]);

export const PlanOptionsInput = z.object({
  pinnedWarehouseIds: Ids,
  excludedWarehouseIds: Ids,
  pinnedVehicleIds: Ids,
  excludedVehicleIds: Ids,
  pinnedEdgeIds: Ids,
  excludedEdgeIds: Ids,
});

export const PlanInput = z.object({
  incidentId: Id,
  options: PlanOptionsInput.prefault({}),
  seed: z
    .number()
    .int(m("dispatch.error.seedInteger"))
    .min(0, m("dispatch.error.seedInteger"))
    .max(2 ** 31 - 1, m("dispatch.error.seedInteger"))
    .default(1),
  timeLimitMs: z
    .number()
    .int()
    .min(TIME_LIMIT.min, m("dispatch.error.timeLimitRange", TIME_LIMIT))
    .max(TIME_LIMIT.max, m("dispatch.error.timeLimitRange", TIME_LIMIT))
    .default(PLAN_BUDGET.timeLimitMs),
});
export type PlanInput = z.input<typeof PlanInput>;

export const PlanIdInput = z.object({ planId: Id });
export const PlansInput = z.object({ incidentId: Id });
export const CompareInput = z.object({ a: Id, b: Id });

const orderText = (max: number) => z.string().trim().max(max, m("common.error.tooLong", { max }));
/** A moment of an order's life as typed or defaulted: recorded, so never in the future (the action checks). */
const OrderInstant = (label: Message) => Instant(DATE_WINDOWS.record, label);

/** The warehouse confirms loading and departure; the truck's plate and driver may be corrected now. */
export const DepartOrderInput = z.object({
  orderId: Id,
  departedAt: OrderInstant(msg("orders.field.departedAt")).optional(),
  vehicleId: Id.optional(),
  plate: orderText(20).optional(),
  driver: orderText(60).optional(),
  driverPhone: orderText(30).optional(),
});
export type DepartOrderInput = z.input<typeof DepartOrderInput>;

/** The township's receipt, line by line; a shortfall says what became of it and why. */
export const ReceiveOrderInput = z.object({
  orderId: Id,
  receivedAt: OrderInstant(msg("orders.field.receivedAt")).optional(),
  signer: orderText(60).min(1, m("common.error.required", { field: msg("orders.field.signer") })),
  lines: z
    .array(
      z.object({
        lineId: Id,
        quantity: Quantity(msg("orders.field.receivedQuantity"), { min: 0 }),
        note: orderText(500).optional(),
        discrepancy: z
          .object({
            outcome: z.enum(DISCREPANCY_OUTCOMES, {
              error: m("common.error.choose", { field: msg("orders.field.discrepancyOutcome") }),
            }),
            reason: orderText(500).min(
              1,
              m("common.error.required", { field: msg("orders.field.discrepancyReason") }),
            ),
          })
          .optional(),
      }),
    )
    .min(1, m("common.error.atLeastOneLine"))
    .max(1000, m("common.error.tooManyLines", { max: 1000 })),
});
export type ReceiveOrderInput = z.input<typeof ReceiveOrderInput>;
