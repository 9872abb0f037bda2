import { type DbOrTx, warehouses } from "@relief/db";
import { msg } from "@relief/domain";
import {
  buildExpiryReport,
  buildRotationReport,
  expiryReportFileName,
  rotationReportFileName,
} from "@relief/sheets";
import { eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { localDate } from "../time";
import { allExpiry, allRotation } from "./expiry";
import { ExpiryExportInput, RotationExportInput } from "./schemas";

/** The filters of the expiry page in words, for the line above the table. */
function filterWords(db: DbOrTx, q: { warehouseId?: number | undefined; withinDays: number }): string[] {
  const warehouse = q.warehouseId
    ? db.select({ name: warehouses.name }).from(warehouses).where(eq(warehouses.id, q.warehouseId)).get()
    : undefined;
  return [warehouse ? `仓库 ${warehouse.name}` : "全部仓库", `${q.withinDays} 天内到期`];
}

/** 过期清单 / 临期清单 as .xlsx: the list the expiry page shows, with its filters and order, every row. */
export function exportExpiry(db: DbOrTx, input: ExpiryExportInput = {}, now = new Date()): FileDownload {
  const today = localDate(now);
  const q = ExpiryExportInput.parse(input);
  const rows = allExpiry(db, q, today);
  return {
    fileName: expiryReportFileName(q.list, today),
    content: buildExpiryReport(rows, {
      date: today,
      list: q.list,
      filters: q.list === "expired" ? filterWords(db, q).slice(0, 1) : filterWords(db, q),
    }),
  };
}

/** 轮换建议 as .xlsx: the rotation list the page shows, with its filters and order, every row. */
export function exportRotation(db: DbOrTx, input: RotationExportInput = {}, now = new Date()): FileDownload {
  const today = localDate(now);
  const q = RotationExportInput.parse(input);
  const rows = allRotation(db, q, today);
  return {
    fileName: rotationReportFileName(today),
    content: buildRotationReport(
      rows.map((r) => ({
        ...r,
        action: msg(`stock.rotationAction.${r.action}`),
        destinations: r.destinations.map((d) => d.name),
      })),
      { date: today, filters: [...filterWords(db, q), `提前 ${q.rotationLeadDays} 天轮换`] },
    ),
  };
}
