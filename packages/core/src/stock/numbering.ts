import { type DocumentType, preparedOnce, type Tx } from "@relief/db";
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
  const s = preparedOnce(tx, "stock.numbering", (client) => ({
    next: client.prepare<[string, string, number], { last: number }>(
      `INSERT INTO document_sequences (prefix, month, warehouse_id, last) VALUES (?, ?, ?, 1)
       ON CONFLICT (prefix, month, warehouse_id) DO UPDATE SET last = last + 1
       RETURNING last`,
    ),
    code: client.prepare<[number], { code: string }>("SELECT code FROM warehouses WHERE id = ?"),
  }));
  const prefix = DOCUMENT_PREFIX[kind];
  const month = localDate(at).slice(0, 7).replace("-", "");
  const sequence = s.next.get(prefix, month, warehouseId)?.last ?? 1;
  const code = s.code.get(warehouseId)?.code ?? String(warehouseId);
  return `${prefix}-${month}-${code}-${String(sequence).padStart(4, "0")}`;
}
