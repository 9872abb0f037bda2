import {
  type AgreementKind,
  agreementCalloffs,
  agreementDeclarations,
  agreementLines,
  agreements,
  agreementVerifications,
  enterprises,
  type Tx,
  warehouses,
} from "@relief/db";
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

export const AGREEMENT_KIND_LABEL: Record<AgreementKind, string> = {
  stock: "协议储备",
  production: "产能储备",
  transport: "运力储备",
};

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
    throw new ConflictError(`协议编号 ${fields.number} 已存在`, [
      { field: "number", message: "协议编号已存在" },
    ]);
  }
  const enterprise = tx.select().from(enterprises).where(eq(enterprises.id, fields.enterpriseId)).get();
  if (!enterprise) throw new NotFoundError(`企业 #${fields.enterpriseId} 不存在`);
  if (enterprise.status === "suspended" && exceptId === undefined) {
    issues.push({ field: "enterpriseId", message: `企业“${enterprise.name}”已暂停合作，不能签订新协议` });
  }
  if (fields.signedOn !== null && fields.signedOn > fields.endDate) {
    issues.push({ field: "signedOn", message: "签订日期不能晚于结束日期" });
  }
  const signed = fields.signedOn && dateProblem(fields.signedOn, DATE_WINDOWS.record, "签订日期", today);
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
    const at = (field: string, message: string) => issues.push({ field: `lines.${index}.${field}`, message });
    const { unit, ...rest } = line;
    let quantity = line.quantity;
    if (goods) {
      if (line.itemId === null) at("itemId", "请选择物资");
      if (line.vehicleType !== null) at("vehicleType", "物资协议的行不填车型");
      const item = line.itemId === null ? undefined : lineItems.get(line.itemId);
      if (line.itemId !== null && !item) at("itemId", `物资 #${line.itemId} 不存在`);
      else if (item && !item.active && exceptId === undefined) at("itemId", `物资“${item.name}”已停用`);
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
      if (line.vehicleType === null) at("vehicleType", "请选择车型");
      if (line.itemId !== null) at("itemId", "运力协议的行不填物资");
      if (line.warehouseId !== null) at("warehouseId", "运力协议的行不填仓库");
    }
    if (fields.kind === "stock" && line.warehouseId === null)
      at("warehouseId", "请选择存放协议物资的企业仓库");
    if (line.warehouseId !== null) {
      const warehouse = lineWarehouses.get(line.warehouseId);
      if (!warehouse) at("warehouseId", `仓库 #${line.warehouseId} 不存在`);
      else if (warehouse.kind !== "enterprise") at("warehouseId", `“${warehouse.name}”不是企业仓库`);
      else if (warehouse.enterpriseId !== fields.enterpriseId) {
        at("warehouseId", `“${warehouse.name}”不属于企业“${enterprise.name}”`);
      }
    }
    const key = `${line.itemId ?? line.vehicleType}\u0000${line.warehouseId ?? ""}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) at(goods ? "itemId" : "vehicleType", `与第 ${earlier + 1} 行重复`);
    else seen.set(key, index);
    return { ...rest, quantity };
  });
  if (issues.length > 0) {
    throw new ValidationError(issues.map((i) => i.message).join("；"), issues);
  }
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
    if (!current) throw new NotFoundError(`协议 #${id} 不存在`);
    const lines = checkAgreement(tx, fields, localDate(nowIso(ctx)), id);
    const existing = tx.select().from(agreementLines).where(eq(agreementLines.agreementId, id)).all();
    const used = lineHistory(tx, id);
    const issues: ErrorIssue[] = [];
    if (used.size > 0 && current.enterpriseId !== fields.enterpriseId) {
      issues.push({ field: "enterpriseId", message: "协议已有申报、核查或调用记录，不能更换企业" });
    }
    if (used.size > 0 && current.kind !== fields.kind) {
      issues.push({ field: "kind", message: "协议已有申报、核查或调用记录，不能更改类型" });
    }
    const byId = new Map(existing.map((l) => [l.id, l]));
    lines.forEach((line, index) => {
      if (line.id === undefined) return;
      const before = byId.get(line.id);
      if (!before) {
        issues.push({ field: `lines.${index}.id`, message: `第 ${index + 1} 行不属于本协议` });
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
          message: `第 ${index + 1} 行已有申报、核查或调用记录，不能更换物资、车型或仓库`,
        });
      }
    });
    const kept = new Set(lines.map((l) => l.id).filter((lineId) => lineId !== undefined));
    for (const line of existing) {
      if (!kept.has(line.id) && used.has(line.id)) {
        issues.push({ field: "lines", message: `原第 ${line.lineNo} 行已有申报、核查或调用记录，不能删除` });
      }
    }
    if (issues.length > 0) throw new ValidationError(issues.map((i) => i.message).join("；"), issues);

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
    if (!current) throw new NotFoundError(`协议 #${fields.id} 不存在`);
    if (current.terminatedOn !== null) {
      throw new ConflictError(`协议 ${current.number} 已于 ${current.terminatedOn} 终止`);
    }
    if (fields.terminatedOn > current.endDate) {
      throw new ValidationError("终止日期不能晚于协议结束日期", [
        { field: "terminatedOn", message: `协议于 ${current.endDate} 结束` },
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
