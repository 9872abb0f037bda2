import { type DocumentType, documentSequences, type Tx, warehouses } from "@relief/db";
import { eq, sql } from "drizzle-orm";
import { localDate } from "../time";

/** Chinese-pinyin initials, as on the paper forms: 入库 RK, 出库 CK, 调拨 DB … */
export const DOCUMENT_PREFIX: Record<DocumentType | "count", string> = {
  receipt: "RK",
  issue: "CK",
  transfer_out: "DB",
  transfer_in: "DR",
  adjustment: "TZ",
  reversal: "CX",
  reserve: "YL",
  release: "SF",
  hold: "DJ",
  unhold: "JD",
  count: "PD",
};

/**
 * Next document number for a warehouse and month: `RK-202611-MZ01-0001`. Runs inside the posting
 * transaction, so numbers are gap-free per warehouse and month even under concurrent posting.
 */
export function nextDocumentNumber(
  tx: Tx,
  kind: DocumentType | "count",
  warehouseId: number,
  at: string,
): string {
  const prefix = DOCUMENT_PREFIX[kind];
  const month = localDate(at).slice(0, 7).replace("-", "");
  const row = tx
    .insert(documentSequences)
    .values({ prefix, month, warehouseId, last: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.prefix, documentSequences.month, documentSequences.warehouseId],
      set: { last: sql`${documentSequences.last} + 1` },
    })
    .returning({ last: documentSequences.last })
    .get();
  const code = tx
    .select({ code: warehouses.code })
    .from(warehouses)
    .where(eq(warehouses.id, warehouseId))
    .get()?.code;
  return `${prefix}-${month}-${code}-${String(row.last).padStart(4, "0")}`;
}
