import { type CoreContext, nowIso, withTransaction } from "../context";
import { localDate } from "../time";
import { type PostedDocument, postDocument } from "./ledger";
import { inBaseUnits } from "./lines";
import { pickStock } from "./pick";
import type { IssueInput } from "./schemas";
import { warehouseForPosting } from "./scope";

/**
 * 出库. Dispatch and donation issues take usable stock only, first-expired-first-out; a dispatch issue
 * with a dispatch reference consumes that dispatch's reservation first. Write-offs (报损) may take any lot —
 * expired, damaged, on hold — since that is what they are for.
 */
export function issueStock({ ctx, input }: { ctx: CoreContext; input: IssueInput }): PostedDocument {
  return withTransaction(ctx, (tx) => {
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
    return postDocument(
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
  });
}
