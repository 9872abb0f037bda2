import { msg } from "@relief/domain";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ValidationError } from "../errors";
import { localDate } from "../time";
import { type PostedDocument, postDocument } from "./ledger";
import { inBaseUnits } from "./lines";
import { assertNotOrderReservation } from "./order-guard";
import { pickStock } from "./pick";
import { releaseRestAfter } from "./reserve";
import type { IssueInput } from "./schemas";
import { warehouseForPosting } from "./scope";

/** An issue, and the release of the rest of its dispatch's reservation when the clerk asked for it. */
export interface IssuedDocument extends PostedDocument {
  released: PostedDocument | null;
}

/**
 * 出库. What each reason may take (see ISSUE_REASONS): a write-off (报损) any lot — expired, damaged, on
 * hold — since that is what it is for; a dispatch issue with a dispatch reference that dispatch's reservation
 * first (lot by lot where a line names its lot), then usable stock; every other reason usable stock only,
 * first-expired-first-out, never what is reserved. `releaseRest` gives back what the dispatch still holds in the
 * warehouse afterwards: one transaction, so either both post or neither.
 */
export function issueStock({ ctx, input }: { ctx: CoreContext; input: IssueInput }): IssuedDocument {
  return withTransaction(ctx, (tx) => {
    if (input.releaseRest && input.reason !== "dispatch")
      throw new ValidationError(msg("stock.error.releaseNeedsDispatchReason"), [
        { field: "reason", message: msg("stock.error.releaseNeedsDispatchReason") },
      ]);
    assertNotOrderReservation(tx, input.dispatchRef);
    const warehouse = warehouseForPosting(tx, ctx, input.warehouseId);
    const { items: lineItems, lines: requests } = inBaseUnits(tx, input.lines, true);
    const allocations = pickStock(tx, requests, lineItems, {
      warehouseId: warehouse.id,
      warehouseName: warehouse.name,
      today: localDate(nowIso(ctx)),
      reservedFor: input.reason === "dispatch" ? input.dispatchRef : undefined,
      anyCondition: input.reason === "write_off",
    });
    const movements = allocations.map((a) => ({
      warehouseId: warehouse.id,
      itemId: a.itemId,
      lotId: a.lotId,
      ownership: a.ownership,
      onHand: -a.quantity,
      reserved: a.source === "reserved" ? -a.quantity : 0,
      onHold: a.source === "held" ? -a.quantity : 0,
    }));
    const document = postDocument(
      tx,
      ctx,
      {
        type: "issue",
        warehouseId: warehouse.id,
        issueReason: input.reason,
        dispatchRef: input.dispatchRef ?? null,
        reference: input.reference ?? null,
        note: input.note ?? null,
      },
      movements,
      { action: "stock.issue", summary: input },
    );
    const released = releaseRestAfter(tx, ctx, {
      warehouseId: warehouse.id,
      dispatchRef: input.dispatchRef,
      releaseRest: input.releaseRest,
      document,
    });
    return { ...document, released };
  });
}
