import {
  agreementCalloffs,
  agreementDeclarations,
  agreementLines,
  agreements,
  agreementVerifications,
  enterprises,
  type Tx,
  warehouses,
} from "@relief/db";
import { type Message, msg } from "@relief/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, type ErrorIssue, NotFoundError, ValidationError } from "../errors";
import { type ItemWithPacks, itemsWithPacks } from "../items/packs";
import { convertQuantity, DATE_WINDOWS, dateProblem } from "../limits";
import { localDate } from "../time";
import { type AgreementView, getAgreement } from "./list";
import { CreateAgreementInput, TerminateAgreementInput, UpdateAgreementInput } from "./schemas";

type Fields = ReturnType<typeof CreateAgreementInput.parse>;
type LineFields = ReturnType<typeof CreateAgreementInput.parse>["lines"][number];

/** Every problem found, listed in one message as well as by field. */
function listedIssues(issues: ErrorIssue[]): ValidationError {
  return new ValidationError(msg("common.error.list", { items: issues.map((i) => i.message) }), issues);
}

/** The stored form of a line: quantities in base units, the subject fitting the agreement's kind. */
type StoredLine = Omit<LineFields, "unit" | "id"> & { id?: number };

/**
 * Checks an agreement against the registers and converts its lines; every problem is reported at once, by
 * field (`lines.2.warehouseId`), and nothing is written when there is any.
 */
function checkAgreement(tx: Tx, fields: Fields, today: string, exceptId?: number): StoredLine[] {
  const issues: ErrorIssue[] = [];
  const clash = tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.number, fields.number), exceptId ? ne(agreements.id, exceptId) : undefined))
    .get();
  if (clash) {
    throw new ConflictError(msg("agreements.error.numberTaken", { number: fields.number }), [
      { field: "number", message: msg("agreements.error.numberExists") },
    ]);
  }
  const enterprise = tx.select().from(enterprises).where(eq(enterprises.id, fields.enterpriseId)).get();
  if (!enterprise)
    throw new NotFoundError(msg("enterprises.error.notFound", { id: String(fields.enterpriseId) }));
  if (enterprise.status === "suspended" && exceptId === undefined) {
    issues.push({
      field: "enterpriseId",
      message: msg("agreements.error.enterpriseSuspended", { enterprise: enterprise.name }),
    });
  }
  if (fields.signedOn !== null && fields.signedOn > fields.endDate) {
    issues.push({ field: "signedOn", message: msg("agreements.error.signedAfterEnd") });
  }
  const signed =
    fields.signedOn &&
    dateProblem(fields.signedOn, DATE_WINDOWS.record, msg("agreements.field.signedOn"), today);
  if (signed) issues.push({ field: "signedOn", message: signed });

  const goods = fields.kind !== "transport";
  const itemIds = [...new Set(fields.lines.map((l) => l.itemId).filter((id): id is number => id !== null))];
  const lineItems = itemIds.length > 0 ? itemsWithPacks(tx, itemIds) : new Map<number, ItemWithPacks>();
  const warehouseIds = fields.lines.map((l) => l.warehouseId).filter((id): id is number => id !== null);
  const lineWarehouses = new Map(
    (warehouseIds.length > 0
      ? tx.select().from(warehouses).where(inArray(warehouses.id, warehouseIds)).all()
      : []
    ).map((w) => [w.id, w]),
  );

  const seen = new Map<string, number>();
  const stored = fields.lines.map((line, index): StoredLine => {
    const at = (field: string, message: Message) =>
      issues.push({ field: `lines.${index}.${field}`, message });
    const { unit, ...rest } = line;
    let quantity = line.quantity;
    if (goods) {
      if (line.itemId === null)
        at("itemId", msg("common.error.choose", { field: msg("agreements.field.item") }));
      if (line.vehicleType !== null) at("vehicleType", msg("agreements.error.goodsLineVehicle"));
      const item = line.itemId === null ? undefined : lineItems.get(line.itemId);
      if (line.itemId !== null && !item)
        at("itemId", msg("agreements.error.itemNotFound", { id: String(line.itemId) }));
      else if (item && !item.active && exceptId === undefined)
        at("itemId", msg("agreements.error.itemInactive", { item: item.name }));
      if (item) {
        const converted = convertQuantity(item, line.quantity, unit, {
          line: index,
          field: `lines.${index}.quantity`,
          unitField: `lines.${index}.unit`,
        });
        if (converted.issue) issues.push(converted.issue);
        else quantity = converted.quantity;
      }
    } else {
      if (line.vehicleType === null)
        at("vehicleType", msg("common.error.choose", { field: msg("agreements.field.vehicleType") }));
      if (line.itemId !== null) at("itemId", msg("agreements.error.transportLineItem"));
      if (line.warehouseId !== null) at("warehouseId", msg("agreements.error.transportLineWarehouse"));
    }
    if (fields.kind === "stock" && line.warehouseId === null)
      at("warehouseId", msg("agreements.error.stockLineWarehouse"));
    if (line.warehouseId !== null) {
      const warehouse = lineWarehouses.get(line.warehouseId);
      if (!warehouse)
        at("warehouseId", msg("agreements.error.warehouseNotFound", { id: String(line.warehouseId) }));
      else if (warehouse.kind !== "enterprise")
        at("warehouseId", msg("agreements.error.notEnterpriseWarehouse", { warehouse: warehouse.name }));
      else if (warehouse.enterpriseId !== fields.enterpriseId) {
        at(
          "warehouseId",
          msg("agreements.error.warehouseOfOtherEnterprise", {
            warehouse: warehouse.name,
            enterprise: enterprise.name,
          }),
        );
      }
    }
    const key = `${line.itemId ?? line.vehicleType}\u0000${line.warehouseId ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined)
      at(goods ? "itemId" : "vehicleType", msg("agreements.error.duplicateLine", { line: earlier + 1 }));
    else seen.set(key, index);
    return { ...rest, quantity };
  });
  if (issues.length > 0) throw listedIssues(issues);
  return stored;
}

/** The lines of an agreement that have declarations, verifications or call-offs against them. */
function lineHistory(tx: Tx, agreementId: number): Set<number> {
  const lineIds = tx
    .select({ id: agreementLines.id })
    .from(agreementLines)
    .where(eq(agreementLines.agreementId, agreementId));
  const used = new Set<number>();
  for (const table of [agreementDeclarations, agreementVerifications, agreementCalloffs]) {
    for (const row of tx
      .selectDistinct({ lineId: table.lineId })
      .from(table)
      .where(inArray(table.lineId, lineIds))
      .all())
      used.add(row.lineId);
  }
  return used;
}

/** Registers a reserve agreement with its lines. */
export function createAgreement({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateAgreementInput;
}): AgreementView {
  const fields = CreateAgreementInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const at = nowIso(ctx);
    const lines = checkAgreement(tx, fields, localDate(at));
    const { lines: _, ...header } = fields;
    const row = tx
      .insert(agreements)
      .values({ ...header, createdAt: at, updatedAt: at })
      .returning({ id: agreements.id })
      .get();
    tx.insert(agreementLines)
      .values(
        lines.map(({ id: _id, ...line }, index) => ({ ...line, agreementId: row.id, lineNo: index + 1 })),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.create",
      targetType: "agreement",
      targetIds: [row.id],
      summary: input,
    });
    return getAgreement(tx, row.id, at);
  });
}

/**
 * Edits an agreement (renewal of the end date, corrections). Lines that already carry declarations,
 * verifications or call-offs keep their item, truck type and warehouse and cannot be removed; the
 * enterprise and kind cannot change once any line has such records.
 */
export function updateAgreement({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateAgreementInput;
}): AgreementView {
  const { id, ...fields } = UpdateAgreementInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const current = tx.select().from(agreements).where(eq(agreements.id, id)).get();
    if (!current) throw new NotFoundError(msg("agreements.error.notFound", { id: String(id) }));
    const lines = checkAgreement(tx, fields, localDate(nowIso(ctx)), id);
    const existing = tx.select().from(agreementLines).where(eq(agreementLines.agreementId, id)).all();
    const used = lineHistory(tx, id);
    const issues: ErrorIssue[] = [];
    if (used.size > 0 && current.enterpriseId !== fields.enterpriseId) {
      issues.push({ field: "enterpriseId", message: msg("agreements.error.usedEnterprise") });
    }
    if (used.size > 0 && current.kind !== fields.kind) {
      issues.push({ field: "kind", message: msg("agreements.error.usedKind") });
    }
    const byId = new Map(existing.map((l) => [l.id, l]));
    lines.forEach((line, index) => {
      if (line.id === undefined) return;
      const before = byId.get(line.id);
      if (!before) {
        issues.push({
          field: `lines.${index}.id`,
          message: msg("agreements.error.lineNotInAgreement", { line: index + 1 }),
        });
        return;
      }
      if (
        used.has(line.id) &&
        (before.itemId !== line.itemId ||
          before.vehicleType !== line.vehicleType ||
          before.warehouseId !== line.warehouseId)
      ) {
        issues.push({
          field: `lines.${index}.itemId`,
          message: msg("agreements.error.usedLineSubject", { line: index + 1 }),
        });
      }
    });
    const kept = new Set(lines.map((l) => l.id).filter((lineId) => lineId !== undefined));
    for (const line of existing) {
      if (!kept.has(line.id) && used.has(line.id)) {
        issues.push({
          field: "lines",
          message: msg("agreements.error.usedLineRemoved", { line: line.lineNo }),
        });
      }
    }
    if (issues.length > 0) throw listedIssues(issues);

    const at = nowIso(ctx);
    const { lines: _, ...header } = fields;
    tx.update(agreements)
      .set({ ...header, updatedAt: at })
      .where(eq(agreements.id, id))
      .run();
    const removed = existing.filter((l) => !kept.has(l.id)).map((l) => l.id);
    if (removed.length > 0) tx.delete(agreementLines).where(inArray(agreementLines.id, removed)).run();
    let nextNo = existing.reduce((max, l) => Math.max(max, l.lineNo), 0) + 1;
    for (const { id: lineId, ...line } of lines) {
      if (lineId !== undefined)
        tx.update(agreementLines).set(line).where(eq(agreementLines.id, lineId)).run();
      else
        tx.insert(agreementLines)
          .values({ ...line, agreementId: id, lineNo: nextNo++ })
          .run();
    }
    recordAudit(tx, ctx, {
      action: "agreements.update",
      targetType: "agreement",
      targetIds: [id],
      summary: input,
    });
    return getAgreement(tx, id, at);
  });
}

/** Ends an agreement early; from the termination date its stock no longer counts. */
export function terminateAgreement({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: TerminateAgreementInput;
}): AgreementView {
  const fields = TerminateAgreementInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const current = tx.select().from(agreements).where(eq(agreements.id, fields.id)).get();
    if (!current) throw new NotFoundError(msg("agreements.error.notFound", { id: String(fields.id) }));
    if (current.terminatedOn !== null) {
      throw new ConflictError(
        msg("agreements.error.alreadyTerminated", { number: current.number, date: current.terminatedOn }),
      );
    }
    if (fields.terminatedOn > current.endDate) {
      throw new ValidationError(msg("agreements.error.terminatedAfterEnd"), [
        { field: "terminatedOn", message: msg("agreements.error.endsOn", { date: current.endDate }) },
      ]);
    }
    const at = nowIso(ctx);
    tx.update(agreements)
      .set({ terminatedOn: fields.terminatedOn, terminationReason: fields.reason, updatedAt: at })
      .where(eq(agreements.id, fields.id))
      .run();
    recordAudit(tx, ctx, {
      action: "agreements.terminate",
      targetType: "agreement",
      targetIds: [fields.id],
      summary: fields,
    });
    return getAgreement(tx, fields.id, at);
  });
}
