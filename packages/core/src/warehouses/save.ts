import {
  agreementLines,
  agreements,
  areas,
  enterprises,
  type Tx,
  users,
  userWarehouses,
  type WarehouseKind,
  warehouses,
} from "@relief/db";
import { msg, nameList } from "@relief/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { getWarehouseView, type WarehouseView } from "./list";
import {
  assertMayManageWarehouse,
  managingActor,
  mayManageWarehouse,
  ROLE_PERSON_LABEL,
  warehouseOwnerLabel,
} from "./owner";
import { type AssignWarehouseUsersInput, CreateWarehouseInput, UpdateWarehouseInput } from "./schemas";

/** Each bureau registers warehouses of its own kinds only, so an edit cannot hand a warehouse across. */
function checkKindAllowed(ctx: CoreContext, kind: WarehouseKind): void {
  const actor = managingActor(ctx);
  if (mayManageWarehouse(actor.role, { kind })) return;
  const owner = warehouseOwnerLabel({ kind });
  throw new ForbiddenError(
    msg("warehouses.error.kindNotAllowed", { role: ROLE_PERSON_LABEL[actor.role], owner }),
    [{ field: "kind", message: msg("warehouses.error.kindOwnedBy", { owner }) }],
  );
}

/**
 * Agreement lines name the enterprise site holding their stock, and must name a site of their own
 * enterprise: a site they name keeps its kind and its enterprise.
 */
function checkAgreementSite(
  tx: Tx,
  before: typeof warehouses.$inferSelect,
  after: { kind: WarehouseKind; enterpriseId: number | null },
): void {
  if (before.kind !== "enterprise") return;
  if (after.kind === "enterprise" && after.enterpriseId === before.enterpriseId) return;
  const named = tx
    .selectDistinct({ number: agreements.number })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(eq(agreementLines.warehouseId, before.id))
    .orderBy(agreements.number)
    .all();
  if (named.length === 0) return;
  const numbers = nameList(named.map((a) => a.number));
  throw new ConflictError(
    msg("warehouses.error.holdsAgreementStock", { name: before.name, code: before.code, numbers }),
    [
      {
        field: after.kind === "enterprise" ? "enterpriseId" : "kind",
        message: msg("warehouses.error.agreementSite", { numbers }),
      },
    ],
  );
}

function checkWarehouse(
  tx: Tx,
  fields: { code: string; areaId: number; kind: WarehouseKind; enterpriseId: number | null },
  exceptId?: number,
): void {
  // A site no enterprise operates could hold no agreement's reserve and would appear on no enterprise's page.
  if (fields.kind === "enterprise" && fields.enterpriseId === null) {
    throw new ValidationError(msg("warehouses.error.enterpriseSiteNeedsEnterprise"), [
      { field: "enterpriseId", message: msg("warehouses.error.chooseOperatingEnterprise") },
    ]);
  }
  if (fields.enterpriseId !== null) {
    if (fields.kind !== "enterprise") {
      throw new ValidationError(msg("warehouses.error.enterpriseOnlyForEnterpriseKind"), [
        { field: "enterpriseId", message: msg("warehouses.error.notEnterpriseKind") },
      ]);
    }
    const enterprise = tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.id, fields.enterpriseId))
      .get();
    if (!enterprise) {
      throw new ValidationError(
        msg("warehouses.error.enterpriseNotFound", { id: String(fields.enterpriseId) }),
        [{ field: "enterpriseId", message: msg("warehouses.error.chooseRegisteredEnterprise") }],
      );
    }
  }
  const area = tx.select({ level: areas.level }).from(areas).where(eq(areas.id, fields.areaId)).get();
  if (area?.level !== "township") {
    throw new ValidationError(msg("areas.error.invalidTownship"), [
      { field: "areaId", message: msg("areas.error.chooseTownship") },
    ]);
  }
  const clash = tx
    .select({ id: warehouses.id })
    .from(warehouses)
    .where(and(eq(warehouses.code, fields.code), exceptId ? ne(warehouses.id, exceptId) : undefined))
    .get();
  if (clash)
    throw new ConflictError(msg("warehouses.error.codeTaken", { code: fields.code }), [
      { field: "code", message: msg("warehouses.error.codeExists") },
    ]);
}

export function createWarehouse({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateWarehouseInput;
}): WarehouseView {
  const fields = CreateWarehouseInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkKindAllowed(ctx, fields.kind);
    checkWarehouse(tx, fields);
    const at = nowIso(ctx);
    const row = tx
      .insert(warehouses)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: warehouses.id })
      .get();
    recordAudit(tx, ctx, {
      action: "warehouses.create",
      targetType: "warehouse",
      targetIds: [row.id],
      summary: fields,
    });
    return getWarehouseView(tx, row.id);
  });
}

export function updateWarehouse({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateWarehouseInput;
}): WarehouseView {
  const { id, ...fields } = UpdateWarehouseInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const before = tx.select().from(warehouses).where(eq(warehouses.id, id)).get();
    if (!before) throw new NotFoundError(msg("warehouses.error.notFound", { id: String(id) }));
    assertMayManageWarehouse(ctx, before);
    checkKindAllowed(ctx, fields.kind);
    checkWarehouse(tx, fields, id);
    checkAgreementSite(tx, before, fields);
    tx.update(warehouses)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(eq(warehouses.id, id))
      .run();
    recordAudit(tx, ctx, {
      action: "warehouses.update",
      targetType: "warehouse",
      targetIds: [id],
      summary: fields,
    });
    return getWarehouseView(tx, id);
  });
}

/** Sets which civil-affairs users may post in a warehouse (replacing the previous list). */
export function assignWarehouseUsers({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: AssignWarehouseUsersInput;
}): WarehouseView {
  return withTransaction(ctx, (tx) => {
    const warehouse = getWarehouseView(tx, input.warehouseId);
    const ids = [...new Set(input.userIds)];
    const found = ids.length ? tx.select().from(users).where(inArray(users.id, ids)).all() : [];
    const wrong = ids.filter((id) => found.find((u) => u.id === id)?.role !== "civil_affairs");
    if (wrong.length > 0) {
      throw new ValidationError(msg("warehouses.error.keepersCivilAffairsOnly"), [
        {
          field: "userIds",
          message: msg("warehouses.error.notCivilAffairsUsers", { ids: wrong.join("、#") }),
        },
      ]);
    }
    tx.delete(userWarehouses).where(eq(userWarehouses.warehouseId, warehouse.id)).run();
    if (ids.length)
      tx.insert(userWarehouses)
        .values(ids.map((userId) => ({ userId, warehouseId: warehouse.id })))
        .run();
    recordAudit(tx, ctx, {
      action: "warehouses.assignUsers",
      targetType: "warehouse",
      targetIds: [warehouse.id],
      summary: { warehouse: warehouse.code, userIds: ids },
    });
    return getWarehouseView(tx, warehouse.id);
  });
}
