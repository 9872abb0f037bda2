import { type DbOrTx, type Ownership, warehouses } from "@relief/db";
import {
  buildReceiptTemplate,
  buildStockCard,
  buildStockReport,
  OWNERSHIP_LABELS,
  parseReceiptSheet,
  type ReceiptRow,
} from "@relief/sheets";
import { asc, eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { type ErrorIssue, UnauthorizedError } from "../errors";
import { readUpload, rejectIfAny } from "../import-rows";
import { listItems } from "../items/list";
import { convertQuantity } from "../limits";
import { localDate, localDateTime } from "../time";
import { listBalances } from "./balances";
import { stockCard } from "./card";
import type { PostedDocument } from "./ledger";
import { checkLot, LOT_STATUS_LABEL } from "./lots";
import { receiveStock } from "./receive";
import { type BalancesInput, type CardInput, MAX_DOCUMENT_LINES } from "./schemas";
import { canPostIn, type WarehouseRow } from "./scope";

const DOCUMENT_TYPE_LABEL: Record<string, string> = {
  receipt: "入库",
  issue: "出库",
  transfer_out: "调出",
  transfer_in: "调入",
  adjustment: "调整",
  reversal: "冲销",
  reserve: "预留",
  release: "释放预留",
  hold: "冻结",
  unhold: "解冻",
};

/** The receipt import template, with the warehouse and item codes of this installation listed. */
export function receiptTemplate(db: DbOrTx): FileDownload {
  const whs = db
    .select()
    .from(warehouses)
    .where(eq(warehouses.active, true))
    .orderBy(asc(warehouses.code))
    .all();
  const itemList = listItems(db).filter((i) => i.active);
  return {
    fileName: "入库导入模板.xlsx",
    content: buildReceiptTemplate({
      warehouses: whs.map((w) => [w.code, w.name]),
      items: itemList.map((i) => [
        i.code,
        i.name,
        [i.baseUnit, ...i.packs.map((p) => `${p.name}（${p.baseQuantity}${i.baseUnit}）`)].join("、"),
      ]),
    }),
  };
}

/** The template column of each lot field `checkLot` may fault. */
const LOT_COLUMN: Record<string, string> = {
  lotCode: "批次号",
  productionDate: "生产日期",
  expiryDate: "有效期至",
};

/**
 * Imports a receipt sheet: every row is checked against the registers first (warehouse, the right to post
 * there, item, unit, lot dates, one source per warehouse); any problem rejects the file with the full list and
 * writes nothing. A valid file posts one receipt document per warehouse, or several when a warehouse has more
 * rows than one document may hold (MAX_DOCUMENT_LINES, the forms' cap), all in one transaction, and records
 * the import itself in the audit log beside each document's own entry.
 */
export async function importReceipts({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ documents: Array<PostedDocument & { warehouseId: number }> }> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthorizedError();
  const parsed = await readUpload(parseReceiptSheet, input.content);
  const today = localDate(nowIso(ctx));
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const whByCode = new Map(
      tx
        .select()
        .from(warehouses)
        .all()
        .map((w) => [w.code, w]),
    );
    const itemByCode = new Map(listItems(tx).map((i) => [i.code, i]));
    const firstOfWarehouse = new Map<string, ReceiptRow>();
    const lotDates = new Map<string, ReceiptRow>();
    // The right to post is the warehouse's, not the row's: asked once per warehouse, not once per row.
    const mayPost = new Map<number, boolean>();
    const canPost = (warehouse: WarehouseRow) => {
      let allowed = mayPost.get(warehouse.id);
      if (allowed === undefined) {
        allowed = canPostIn(tx, actor, warehouse);
        mayPost.set(warehouse.id, allowed);
      }
      return allowed;
    };
    for (const row of parsed.rows) {
      const problem = (column: string, message: string) => issues.push({ row: row.row, column, message });
      const warehouse = whByCode.get(row.warehouseCode);
      if (!warehouse) problem("仓库编码", `没有编码为“${row.warehouseCode}”的仓库`);
      else if (!warehouse.active) problem("仓库编码", `仓库“${warehouse.name}”已停用`);
      else if (!canPost(warehouse)) problem("仓库编码", `您无权在仓库“${warehouse.name}”记账`);
      const first = firstOfWarehouse.get(row.warehouseCode);
      if (!first) firstOfWarehouse.set(row.warehouseCode, row);
      else if (first.source !== row.source || first.reference !== row.reference) {
        problem("来源", `同一仓库的各行来源和单据参考号须一致（与第 ${first.row} 行不同）`);
      }
      const item = itemByCode.get(row.itemCode);
      if (!item) {
        problem("物资编码", `物资目录中没有编码为“${row.itemCode}”的物资`);
        continue;
      }
      if (!item.active) problem("物资编码", `物资“${item.name}”已停用`);
      const converted = convertQuantity(item, row.quantity, row.unit, { field: "数量", unitField: "单位" });
      if (converted.issue) problem(converted.issue.field ?? "数量", converted.issue.message);
      const lot = checkLot(tx, item, row, today);
      if (lot.problem) problem(LOT_COLUMN[lot.problem.field] ?? "有效期至", lot.problem.message);
      const lotKey = `${row.itemCode}\u0000${row.lotCode}`;
      const same = lotDates.get(lotKey);
      if (same && (same.productionDate !== row.productionDate || same.expiryDate !== row.expiryDate)) {
        problem("批次号", `与第 ${same.row} 行同一批次但日期不同`);
      }
      lotDates.set(lotKey, same ?? row);
    }
    rejectIfAny(input.fileName, issues);
    const byWarehouse = new Map<string, ReceiptRow[]>();
    for (const row of parsed.rows) {
      const rows = byWarehouse.get(row.warehouseCode);
      if (rows) rows.push(row);
      else byWarehouse.set(row.warehouseCode, [row]);
    }
    const documents = [...byWarehouse].flatMap(([code, rows]) => {
      const warehouseId = whByCode.get(code)?.id ?? 0;
      const head = rows[0] as ReceiptRow;
      const parts = Math.ceil(rows.length / MAX_DOCUMENT_LINES);
      return Array.from({ length: parts }, (_, part) => {
        const document = receiveStock({
          ctx: { ...ctx, db: tx },
          input: {
            warehouseId,
            source: { kind: head.source, ...(head.reference && { reference: head.reference }) },
            note:
              parts === 1
                ? `由文件“${input.fileName}”导入`
                : `由文件“${input.fileName}”导入（第 ${part + 1} 张，共 ${parts} 张）`,
            lines: rows.slice(part * MAX_DOCUMENT_LINES, (part + 1) * MAX_DOCUMENT_LINES).map((r) => ({
              itemId: itemByCode.get(r.itemCode)?.id ?? 0,
              lotCode: r.lotCode,
              ...(r.productionDate && { productionDate: r.productionDate }),
              ...(r.expiryDate && { expiryDate: r.expiryDate }),
              quantity: r.quantity,
              ...(r.unit && { unit: r.unit }),
              ...(r.ownership && { ownership: r.ownership }),
            })),
          },
        });
        return { ...document, warehouseId };
      });
    });
    recordAudit(tx, ctx, {
      action: "stock.importReceipts",
      targetType: "stock_document",
      targetIds: documents.map((d) => d.id),
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        rows: parsed.rows.length,
        documents: documents.map((d) => d.number),
      },
    });
    return { documents };
  });
}

/** 库存报表 as .xlsx, with the same filters as the stock overview. */
export function exportBalances(db: DbOrTx, input: BalancesInput = {}, now = new Date()): FileDownload {
  const today = localDate(now);
  const rows = listBalances(db, input, today);
  const filters = [
    input.warehouseId && `仓库 ${rows[0]?.warehouseName ?? input.warehouseId}`,
    input.itemId && `物资 ${rows[0]?.itemName ?? input.itemId}`,
    input.ownership && `权属 ${OWNERSHIP_LABELS[input.ownership]}`,
  ].filter(Boolean);
  return {
    fileName: `库存报表_${today}.xlsx`,
    content: buildStockReport(
      rows.map((r) => ({
        ...r,
        ownership: OWNERSHIP_LABELS[r.ownership],
        status: r.expired ? "已过期" : LOT_STATUS_LABEL[r.lotStatus],
      })),
      {
        title: "救灾物资库存报表",
        generatedAt: `${today}（北京时间）`,
        filters: filters.join("，") || "全部",
      },
    ),
  };
}

/** 库存卡 as .xlsx. */
export function exportCard(db: DbOrTx, input: CardInput, now = new Date()): FileDownload {
  const card = stockCard(db, input);
  const warehouse = input.warehouseId
    ? db.select({ name: warehouses.name }).from(warehouses).where(eq(warehouses.id, input.warehouseId)).get()
        ?.name
    : "全部仓库";
  const range = input.from || input.to ? `${input.from ?? "…"} 至 ${input.to ?? "…"}` : "全部日期";
  return {
    fileName: `库存卡_${card.item.code}_${localDate(now)}.xlsx`,
    content: buildStockCard(
      card.rows.map((r) => ({
        postedAt: localDateTime(r.postedAt),
        number: r.number,
        type: DOCUMENT_TYPE_LABEL[r.type] ?? r.type,
        warehouseName: r.warehouseName,
        lotCode: r.lotCode,
        ownership: OWNERSHIP_LABELS[r.ownership as Ownership],
        received: Math.max(0, r.onHandDelta),
        issued: Math.max(0, -r.onHandDelta),
        balance: r.balance,
      })),
      {
        title: "救灾物资库存卡",
        item: `${card.item.code} ${card.item.name}`,
        unit: card.item.baseUnit,
        scope: `${warehouse}，${range}`,
        opening: card.opening,
        closing: card.closing,
      },
    ),
  };
}
