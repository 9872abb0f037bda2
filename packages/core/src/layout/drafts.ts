import {
  type DbOrTx,
  items,
  layoutAdvice,
  type TransferDraftStatus,
  type Tx,
  transferDraftLines,
  transferDrafts,
  warehouses,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { type Page, pageWindow } from "../paging";
import { adviceFingerprint, getAdvice } from "./advice";
import { readLayoutInputs } from "./problem";
import { AdviceRefInput, DraftRefInput, DraftsInput } from "./schemas";

export interface TransferDraftView {
  id: number;
  adviceId: number | null;
  fromWarehouseId: number;
  fromWarehouse: string;
  toWarehouseId: number;
  toWarehouse: string;
  status: TransferDraftStatus;
  documentId: number | null;
  createdAt: string;
  lines: { itemId: number; itemCode: string; itemName: string; baseUnit: string; quantity: number }[];
}

/**
 * Accepts an advice: its transfers become draft transfers, one per warehouse pair, for approval. Nothing moves
 * in the ledger; each draft is posted the usual way (stock.transfer with its `draftId`). Refused when the
 * advice was accepted before or when its inputs have changed since (the moves may no longer hold).
 */
export function acceptAdvice({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: AdviceRefInput;
}): TransferDraftView[] {
  const { adviceId } = AdviceRefInput.parse(input);
  const now = nowIso(ctx);
  return withTransaction(ctx, (tx) => {
    const advice = getAdvice(tx, { adviceId });
    if (advice.acceptedAt)
      throw new ConflictError(
        msg("layout.error.adviceAccepted", { id: String(adviceId), at: advice.acceptedAt }),
      );
    if (advice.transfers.length === 0)
      throw new ValidationError(msg("layout.error.nothingToAccept", { id: String(adviceId) }));
    const row = tx.select().from(layoutAdvice).where(eq(layoutAdvice.id, adviceId)).get();
    const current = adviceFingerprint(readLayoutInputs(tx, now), advice.maxTruckloads, advice.budgetYuan);
    if (row?.fingerprint !== current)
      throw new ConflictError(msg("layout.error.adviceOutdated", { id: String(adviceId) }));
    const pairs = new Map<string, typeof advice.transfers>();
    for (const t of advice.transfers) {
      const key = `${t.fromWarehouseId}|${t.toWarehouseId}`;
      pairs.set(key, [...(pairs.get(key) ?? []), t]);
    }
    const ids: number[] = [];
    for (const lines of pairs.values()) {
      const [first] = lines;
      if (!first) continue;
      const draft = tx
        .insert(transferDrafts)
        .values({
          adviceId,
          fromWarehouseId: first.fromWarehouseId,
          toWarehouseId: first.toWarehouseId,
          createdBy: ctx.actor?.userId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: transferDrafts.id })
        .get();
      tx.insert(transferDraftLines)
        .values(lines.map((l) => ({ draftId: draft.id, itemId: l.itemId, quantity: l.quantity })))
        .run();
      ids.push(draft.id);
    }
    tx.update(layoutAdvice)
      .set({ acceptedAt: now, acceptedBy: ctx.actor?.userId ?? null })
      .where(eq(layoutAdvice.id, adviceId))
      .run();
    recordAudit(tx, ctx, {
      action: "layout.accept",
      targetType: "layout_advice",
      targetIds: [adviceId],
      summary: { drafts: ids, transfers: advice.transfers.length },
    });
    return draftViews(tx, ids);
  });
}

function draftViews(db: DbOrTx, ids: number[]): TransferDraftView[] {
  if (ids.length === 0) return [];
  const from = alias(warehouses, "from_warehouse");
  const to = alias(warehouses, "to_warehouse");
  const drafts = db
    .select({
      id: transferDrafts.id,
      adviceId: transferDrafts.adviceId,
      fromWarehouseId: transferDrafts.fromWarehouseId,
      fromWarehouse: from.name,
      toWarehouseId: transferDrafts.toWarehouseId,
      toWarehouse: to.name,
      status: transferDrafts.status,
      documentId: transferDrafts.documentId,
      createdAt: transferDrafts.createdAt,
    })
    .from(transferDrafts)
    .innerJoin(from, eq(from.id, transferDrafts.fromWarehouseId))
    .innerJoin(to, eq(to.id, transferDrafts.toWarehouseId))
    .where(inArray(transferDrafts.id, ids))
    .orderBy(desc(transferDrafts.id))
    .all();
  const lines = db
    .select({
      draftId: transferDraftLines.draftId,
      itemId: transferDraftLines.itemId,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      quantity: transferDraftLines.quantity,
    })
    .from(transferDraftLines)
    .innerJoin(items, eq(items.id, transferDraftLines.itemId))
    .where(inArray(transferDraftLines.draftId, ids))
    .orderBy(transferDraftLines.id)
    .all();
  return drafts.map((d) => ({
    ...d,
    lines: lines.filter((l) => l.draftId === d.id).map(({ draftId, ...l }) => l),
  }));
}

/** Draft transfers, newest first, a page at a time. */
export function listDrafts(db: DbOrTx, input: DraftsInput): Page<TransferDraftView> {
  const q = DraftsInput.parse(input);
  const where = q.status ? eq(transferDrafts.status, q.status) : undefined;
  const total = db.select({ n: count() }).from(transferDrafts).where(where).get()?.n ?? 0;
  const { limit, offset } = pageWindow(q);
  const ids = db
    .select({ id: transferDrafts.id })
    .from(transferDrafts)
    .where(where)
    .orderBy(desc(transferDrafts.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id);
  return { total, rows: draftViews(db, ids) };
}

/** One draft transfer, as the transfer form opens it. */
export function getDraft(db: DbOrTx, input: DraftRefInput): TransferDraftView {
  const { draftId } = DraftRefInput.parse(input);
  const [view] = draftViews(db, [draftId]);
  if (!view) throw new NotFoundError(msg("layout.error.draftNotFound", { id: String(draftId) }));
  return view;
}

/**
 * Refuses a transfer carrying a draft unless the draft is still open and the transfer runs between the draft's
 * warehouses; a changed warehouse is named on its field with the draft's. Checked by stock.transfer before it
 * picks any stock, so the clerk reads this rather than a shortage in a warehouse the draft never named.
 */
export function assertDraftOpen(
  tx: Tx,
  draftId: number,
  route: { fromWarehouseId: number; toWarehouseId: number },
): void {
  const draft = tx.select().from(transferDrafts).where(eq(transferDrafts.id, draftId)).get();
  if (!draft) throw new NotFoundError(msg("layout.error.draftNotFound", { id: String(draftId) }));
  if (draft.status !== "draft")
    throw new ConflictError(
      msg("layout.error.draftNotOpen", {
        id: String(draftId),
        status: msg(`layout.draftStatus.${draft.status}`),
      }),
    );
  const label = { fromWarehouseId: "layout.error.draftFrom", toWarehouseId: "layout.error.draftTo" } as const;
  const issues = (["fromWarehouseId", "toWarehouseId"] as const)
    .filter((field) => draft[field] !== route[field])
    .map((field) => {
      const warehouse = tx
        .select({ name: warehouses.name })
        .from(warehouses)
        .where(eq(warehouses.id, draft[field]))
        .get();
      return {
        field,
        message: msg(label[field], {
          id: String(draftId),
          warehouse: warehouse?.name ?? String(draft[field]),
        }),
      };
    });
  if (issues.length > 0)
    throw new ValidationError(msg("layout.error.draftMismatch", { id: String(draftId) }), issues);
}

/**
 * Marks a draft posted by the transfer document that carried it out, inside the transfer's transaction, after
 * stock.transfer checked it with assertDraftOpen in the same transaction.
 */
export function markDraftPosted(tx: Tx, draftId: number, transfer: { documentId: number; at: string }): void {
  tx.update(transferDrafts)
    .set({ status: "posted", documentId: transfer.documentId, updatedAt: transfer.at })
    .where(and(eq(transferDrafts.id, draftId), eq(transferDrafts.status, "draft")))
    .run();
}

/** Discards a draft transfer that will not be carried out; a posted one stays posted. */
export function discardDraft({ ctx, input }: { ctx: CoreContext; input: DraftRefInput }): TransferDraftView {
  const { draftId } = DraftRefInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const draft = tx.select().from(transferDrafts).where(eq(transferDrafts.id, draftId)).get();
    if (!draft) throw new NotFoundError(msg("layout.error.draftNotFound", { id: String(draftId) }));
    if (draft.status !== "draft")
      throw new ConflictError(
        msg("layout.error.draftNotOpen", {
          id: String(draftId),
          status: msg(`layout.draftStatus.${draft.status}`),
        }),
      );
    tx.update(transferDrafts)
      .set({ status: "discarded", updatedAt: nowIso(ctx) })
      .where(eq(transferDrafts.id, draftId))
      .run();
    recordAudit(tx, ctx, {
      action: "layout.discardDraft",
      targetType: "transfer_draft",
      targetIds: [draftId],
    });
    const [view] = draftViews(tx, [draftId]);
    if (!view) throw new NotFoundError(msg("layout.error.draftNotFound", { id: String(draftId) }));
    return view;
  });
}
