import { areas, enterpriseContacts, enterprises, type Tx } from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { type EnterpriseView, getEnterprise } from "./list";
import { CreateEnterpriseInput, UpdateEnterpriseInput } from "./schemas";

type Fields = ReturnType<typeof CreateEnterpriseInput.parse>;

function checkEnterprise(tx: Tx, fields: Fields, exceptId?: number): void {
  const clash = tx
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(
      and(eq(enterprises.creditCode, fields.creditCode), exceptId ? ne(enterprises.id, exceptId) : undefined),
    )
    .get();
  if (clash) {
    throw new ConflictError(
      msg("enterprises.error.creditCodeTaken", { code: fields.creditCode, enterprise: clash.name }),
      [{ field: "creditCode", message: msg("enterprises.error.registeredAs", { enterprise: clash.name }) }],
    );
  }
  if (fields.areaId !== null) {
    const area = tx.select({ level: areas.level }).from(areas).where(eq(areas.id, fields.areaId)).get();
    if (area?.level !== "township")
      throw new ValidationError(
        msg("common.error.invalidChoice", { field: msg("enterprises.field.township") }),
        [{ field: "areaId", message: msg("enterprises.error.chooseTownship") }],
      );
  }
}

function writeContacts(tx: Tx, enterpriseId: number, contacts: Fields["contacts"]): void {
  tx.delete(enterpriseContacts).where(eq(enterpriseContacts.enterpriseId, enterpriseId)).run();
  if (contacts.length > 0)
    tx.insert(enterpriseContacts)
      .values(contacts.map((c) => ({ ...c, enterpriseId })))
      .run();
}

/** Registers a partner enterprise; its credit code must be valid (GB 32100-2015) and not registered yet. */
export function createEnterprise({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: CreateEnterpriseInput;
}): EnterpriseView {
  const { contacts, ...fields } = CreateEnterpriseInput.parse(input);
  return withTransaction(ctx, (tx) => {
    checkEnterprise(tx, { ...fields, contacts });
    const at = nowIso(ctx);
    const row = tx
      .insert(enterprises)
      .values({ ...fields, createdAt: at, updatedAt: at })
      .returning({ id: enterprises.id })
      .get();
    writeContacts(tx, row.id, contacts);
    recordAudit(tx, ctx, {
      action: "enterprises.create",
      targetType: "enterprise",
      targetIds: [row.id],
      summary: input,
    });
    return getEnterprise(tx, row.id);
  });
}

export function updateEnterprise({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: UpdateEnterpriseInput;
}): EnterpriseView {
  const { id, contacts, ...fields } = UpdateEnterpriseInput.parse(input);
  return withTransaction(ctx, (tx) => {
    if (!tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, id)).get()) {
      throw new NotFoundError(msg("enterprises.error.notFound", { id: String(id) }));
    }
    checkEnterprise(tx, { ...fields, contacts }, id);
    tx.update(enterprises)
      .set({ ...fields, updatedAt: nowIso(ctx) })
      .where(eq(enterprises.id, id))
      .run();
    writeContacts(tx, id, contacts);
    recordAudit(tx, ctx, {
      action: "enterprises.update",
      targetType: "enterprise",
      targetIds: [id],
      summary: input,
    });
    return getEnterprise(tx, id);
  });
}
