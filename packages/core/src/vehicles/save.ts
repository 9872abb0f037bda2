import { agreementLines, agreements, type Tx, type VehicleOwner, vehicles, warehouses } from "@relief/db";
import { mayEditVehicle, msg } from "@relief/domain";
import { and, count, eq, ne } from "drizzle-orm";
import { agreementStatus, isInForce } from "../agreements/status";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { localDate } from "../time";
import { managingActor, ROLE_PERSON_LABEL } from "../warehouses/owner";
import { getVehicle, type VehicleView } from "./list";
import { CreateVehicleInput, UpdateVehicleInput } from "./schemas";

type VehicleFields = ReturnType<typeof CreateVehicleInput.parse>;

/** Dispatchers edit the whole fleet, the commerce bureau only the trucks of its transport agreements. */
function assertMayEdit(ctx: CoreContext, owner: VehicleOwner, plate: string): void {
  const actor = managingActor(ctx);
  if (mayEditVehicle(actor.role, owner)) return;
  throw new ForbiddenError(msg("vehicles.error.mayNotEdit", { role: ROLE_PERSON_LABEL[actor.role], plate }), [
    { field: "owner", message: msg("vehicles.error.governmentOnlyByDispatchers") },
  ]);
}

function checkPlate(tx: Tx, plate: string, exceptId?: number): void {
  const clash = tx
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(and(eq(vehicles.plate, plate), exceptId ? ne(vehicles.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(msg("vehicles.error.plateTaken", { plate }), [
      { field: "plate", message: msg("vehicles.error.plateExists") },
    ]);
}

function checkHome(tx: Tx, warehouseId: number): void {
  const home = tx
    .select({ code: warehouses.code, name: warehouses.name, active: warehouses.active })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId))
    .get();
  if (!home)
    throw new ValidationError(msg("warehouses.error.notFound", { id: String(warehouseId) }), [
      { field: "homeWarehouseId", message: msg("vehicles.error.chooseActiveWarehouse") },
    ]);
  if (!home.active)
    throw new ValidationError(msg("vehicles.error.warehouseInactive", { name: home.name, code: home.code }), [
      { field: "homeWarehouseId", message: msg("vehicles.error.chooseActiveWarehouse") },
    ]);
}

/**
 * An agreement truck is held under a line of an agreement:
 * - a transport line: a truck of the line's truck class, and a line registers at most the trucks it commits;
 * - a stock line: one of the enterprise's delivery trucks, which carry its called-off goods from the line's
 *   site, so its home is that site; any truck class, as many as the enterprise has (the line commits goods,
 *   not trucks).
 * The agreement must be in force when a truck is put under it; a truck already under a line stays editable
 * after the agreement ends (to take it out of the fleet). A transport truck counts against its line's
 * commitment while it is active.
 */
function checkAgreementLine(
  tx: Tx,
  ctx: CoreContext,
  fields: VehicleFields,
  before?: { id: number; agreementLineId: number | null; active: boolean },
): void {
  const field = "agreementLineId";
  if (fields.owner === "government") {
    if (fields.agreementLineId !== null)
      throw new ValidationError(msg("vehicles.error.lineOnlyForAgreement"), [
        { field, message: msg("vehicles.error.lineOnlyForAgreement") },
      ]);
    return;
  }
  if (fields.agreementLineId === null)
    throw new ValidationError(msg("vehicles.error.lineRequired"), [
      { field, message: msg("vehicles.error.lineRequired") },
    ]);
  const line = tx
    .select({
      lineNo: agreementLines.lineNo,
      vehicleType: agreementLines.vehicleType,
      quantity: agreementLines.quantity,
      warehouseId: agreementLines.warehouseId,
      warehouseName: warehouses.name,
      number: agreements.number,
      kind: agreements.kind,
      startDate: agreements.startDate,
      endDate: agreements.endDate,
      terminatedOn: agreements.terminatedOn,
    })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .leftJoin(warehouses, eq(warehouses.id, agreementLines.warehouseId))
    .where(eq(agreementLines.id, fields.agreementLineId))
    .get();
  if (!line)
    throw new ValidationError(msg("agreements.error.lineNotFound", { id: String(fields.agreementLineId) }), [
      { field, message: msg("vehicles.error.lineRequired") },
    ]);
  const named = { number: line.number, line: String(line.lineNo) };
  const stock = line.kind === "stock" && line.warehouseId !== null;
  const committedType = line.kind === "transport" ? line.vehicleType : null;
  if (!stock && committedType === null)
    throw new ValidationError(msg("vehicles.error.lineCarriesNoTrucks", named), [
      { field, message: msg("vehicles.error.lineCarriesNoTrucks", named) },
    ]);
  if (stock && fields.homeWarehouseId !== line.warehouseId) {
    const problem = msg("vehicles.error.homeNotLineSite", { ...named, warehouse: line.warehouseName ?? "" });
    throw new ValidationError(problem, [{ field: "homeWarehouseId", message: problem }]);
  }
  if (committedType !== null && committedType !== fields.type) {
    const problem = msg("vehicles.error.typeMismatch", {
      ...named,
      expected: msg(`vehicles.type.${committedType}`),
      actual: msg(`vehicles.type.${fields.type}`),
    });
    throw new ValidationError(problem, [{ field: "type", message: problem }]);
  }
  const sameLine = before?.agreementLineId === fields.agreementLineId;
  const status = agreementStatus(line, localDate(nowIso(ctx)));
  if (!sameLine && !isInForce(status)) {
    const problem = msg("vehicles.error.agreementNotInForce", {
      number: line.number,
      status: msg(`agreements.status.${status}`),
    });
    throw new ConflictError(problem, [{ field, message: problem }]);
  }
  if (stock || !fields.active || (sameLine && before?.active)) return;
  const registered =
    tx
      .select({ n: count() })
      .from(vehicles)
      .where(
        and(
          eq(vehicles.agreementLineId, fields.agreementLineId),
          eq(vehicles.active, true),
          before ? ne(vehicles.id, before.id) : undefined,
        ),
      )
      .get()?.n ?? 0;
  if (registered >= line.quantity) {
    const problem = msg("vehicles.error.lineFull", { ...named, quantity: line.quantity, registered });
    throw new ConflictError(problem, [{ field, message: problem }]);
  }
}

export function createVehicle({ ctx, input }: { ctx: CoreContext; input: CreateVehicleInput }): VehicleView {
  const fields = CreateVehicleInput.parse(input);
  return withTransaction(ctx, (tx) => {
    assertMayEdit(ctx, fields.owner, fields.plate);
    checkPlate(tx, fields.plate);
    checkHome(tx, fields.homeWarehouseId);
    checkAgreementLine(tx, ctx, fields);
    const at = nowIso(ctx);
    const row = tx
      .insert(vehicles)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: vehicles.id })
      .get();
    recordAudit(tx, ctx, {
      action: "vehicles.create",
      targetType: "vehicle",
      targetIds: [row.id],
      summary: fields,
    });
    return getVehicle(tx, row.id);
  });
}

/** Changes a vehicle, its status included; the whole record is sent, as the form holds it. */
export function updateVehicle({ ctx, input }: { ctx: CoreContext; input: UpdateVehicleInput }): VehicleView {
  const { id, ...fields } = UpdateVehicleInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(vehicles).where(eq(vehicles.id, id)).get();
    if (!before) throw new NotFoundError(msg("vehicles.error.notFound", { id: String(id) }));
    // Both the vehicle as it is and as it would be: commerce neither edits nor takes over a government truck.
    assertMayEdit(ctx, before.owner, before.plate);
    assertMayEdit(ctx, fields.owner, fields.plate);
    checkPlate(tx, fields.plate, id);
    if (fields.homeWarehouseId !== before.homeWarehouseId) checkHome(tx, fields.homeWarehouseId);
    checkAgreementLine(tx, ctx, fields, before);
    tx.update(vehicles)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(eq(vehicles.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: "vehicles.update",
      targetType: "vehicle",
      targetIds: [id],
      summary: { ...fields, ...(before.status !== fields.status && { statusBefore: before.status }) },
    });
    return getVehicle(tx, id);
  });
}
