import { type DbOrTx, warehouses } from "@relief/db";
import { msg } from "@relief/domain";
import { DECLARATION_HEADERS, parseDeclarationSheet } from "@relief/sheets";
import { and, eq } from "drizzle-orm";
import { declarationTemplate, lineItemMismatch, stockLines } from "../agreements/sheets";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { submitDeclarations } from "./declare";
import { PortalDeclarationLine } from "./schemas";
import { portalEnterpriseId } from "./scope";

/** The sheet column each field of a declared line comes from. */
const COLUMNS: Record<string, string> = {
  declaredOn: DECLARATION_HEADERS.declaredOn,
  lineId: DECLARATION_HEADERS.lineNo,
  quantity: DECLARATION_HEADERS.quantity,
  unit: DECLARATION_HEADERS.unit,
  note: DECLARATION_HEADERS.note,
  lotCode: DECLARATION_HEADERS.lotCode,
  productionDate: DECLARATION_HEADERS.productionDate,
  expiryDate: DECLARATION_HEADERS.expiryDate,
  warehouseId: DECLARATION_HEADERS.warehouse,
};

/** The declaration sheet of the enterprise's own stock lines, with the lot and site columns. */
export function portalDeclarationTemplate({ ctx }: { ctx: CoreContext }): FileDownload {
  return declarationTemplate(ctx.db, nowIso(ctx), portalEnterpriseId(ctx.db, ctx), { withLots: true });
}

/**
 * Declarations of many lines from the enterprise's sheet, each row through the same checks as the portal's
 * form; any bad row rejects the file with every problem listed, and nothing is submitted. Agreement numbers
 * are looked up among the enterprise's own agreements only, so another enterprise's number reads as unknown.
 */
export async function importPortalDeclarations({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ declarations: number }> {
  const parsed = await readUpload(parseDeclarationSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const enterpriseId = portalEnterpriseId(tx, ctx);
    const issues: ErrorIssue[] = [...parsed.issues];
    const lines = new Map(stockLines(tx, enterpriseId).map((l) => [`${l.number}#${l.lineNo}`, l]));
    const sites = siteCodes(tx, enterpriseId);
    const inner = { ...ctx, db: tx };
    const ids: number[] = [];
    for (const row of parsed.rows) {
      const line = lines.get(`${row.number}#${row.lineNo}`);
      if (!line) {
        issues.push({
          row: row.row,
          column: DECLARATION_HEADERS.number,
          message: msg("portal.error.noOwnLine", { number: row.number, lineNo: row.lineNo }),
        });
        continue;
      }
      const mismatch = lineItemMismatch(row, line);
      if (mismatch) {
        issues.push(mismatch);
        continue;
      }
      const warehouseId = row.warehouseCode === null ? null : sites.get(row.warehouseCode);
      if (warehouseId === undefined) {
        issues.push({
          row: row.row,
          column: DECLARATION_HEADERS.warehouse,
          message: msg("portal.error.notOwnSite"),
        });
        continue;
      }
      runRow(issues, row, COLUMNS, () => {
        const fields = PortalDeclarationLine.parse({
          lineId: line.lineId,
          quantity: row.quantity,
          ...(row.unit !== null && { unit: row.unit }),
          lotCode: row.lotCode,
          productionDate: row.productionDate,
          expiryDate: row.expiryDate,
          warehouseId,
          note: row.note,
        });
        ids.push(
          ...submitDeclarations(tx, inner, {
            declaredOn: row.declaredOn,
            lines: [fields],
            source: "imported",
            numbered: false,
          }),
        );
      });
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "portal.importDeclarations",
      targetType: "declaration",
      targetIds: ids,
      summary: { fileName: input.fileName, bytes: input.content.byteLength, declarations: ids.length },
    });
    return { declarations: ids.length };
  });
}

/** The enterprise's own sites by code. */
function siteCodes(db: DbOrTx, enterpriseId: number): Map<string, number> {
  return new Map(
    db
      .select({ id: warehouses.id, code: warehouses.code })
      .from(warehouses)
      .where(and(eq(warehouses.enterpriseId, enterpriseId), eq(warehouses.kind, "enterprise")))
      .all()
      .map((w) => [w.code, w.id]),
  );
}
