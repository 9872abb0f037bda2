import {
  agreementDeclarations,
  agreementLines,
  agreements,
  agreementVerifications,
  type DbOrTx,
  enterprises,
  items,
  warehouses,
} from "@relief/db";
import { msg, zh } from "@relief/domain";
import {
  AGREEMENT_HEADERS,
  buildAgreementExport,
  buildAgreementTemplate,
  buildDeclarationExport,
  buildDeclarationTemplate,
  DECLARATION_HEADERS,
  type DeclarationExportRow,
  parseAgreementSheet,
  parseDeclarationSheet,
} from "@relief/sheets";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { listItems } from "../items/list";
import { localDate } from "../time";
import { agreementViews } from "./list";
import { declareStock } from "./records";
import { createAgreement } from "./save";

/** The sheet column each field of an agreement's input comes from. */
const AGREEMENT_FIELD_COLUMNS: Record<string, string> = {
  number: AGREEMENT_HEADERS.number,
  enterpriseId: AGREEMENT_HEADERS.creditCode,
  kind: AGREEMENT_HEADERS.kind,
  startDate: AGREEMENT_HEADERS.startDate,
  endDate: AGREEMENT_HEADERS.endDate,
  signedOn: AGREEMENT_HEADERS.signedOn,
  itemId: AGREEMENT_HEADERS.item,
  vehicleType: AGREEMENT_HEADERS.vehicleType,
  quantity: AGREEMENT_HEADERS.quantity,
  unit: AGREEMENT_HEADERS.unit,
  responseHours: AGREEMENT_HEADERS.responseHours,
  warehouseId: AGREEMENT_HEADERS.warehouse,
  unitPriceFen: AGREEMENT_HEADERS.unitPrice,
  reserveFundFen: AGREEMENT_HEADERS.reserveFund,
  rotationDuty: AGREEMENT_HEADERS.rotationDuty,
  declarationMonths: AGREEMENT_HEADERS.declarationMonths,
};

/** The sheet column each field of a declaration's input comes from. */
const DECLARATION_FIELD_COLUMNS: Record<string, string> = {
  declaredOn: DECLARATION_HEADERS.declaredOn,
  quantity: DECLARATION_HEADERS.quantity,
  unit: DECLARATION_HEADERS.unit,
  note: DECLARATION_HEADERS.note,
  lineId: DECLARATION_HEADERS.lineNo,
};

function enterpriseWarehouses(db: DbOrTx) {
  return db
    .select({ id: warehouses.id, code: warehouses.code, name: warehouses.name, enterprise: enterprises.name })
    .from(warehouses)
    .innerJoin(enterprises, eq(enterprises.id, warehouses.enterpriseId))
    .where(eq(warehouses.kind, "enterprise"))
    .orderBy(asc(warehouses.code))
    .all();
}

export function agreementTemplate(db: DbOrTx): FileDownload {
  return {
    fileName: zh(msg("agreements.file.template")),
    content: buildAgreementTemplate({
      enterprises: db
        .select({ code: enterprises.creditCode, name: enterprises.name })
        .from(enterprises)
        .orderBy(asc(enterprises.name))
        .all()
        .map((e) => [e.code, e.name]),
      items: listItems(db)
        .filter((i) => i.active)
        .map((i) => [
          i.code,
          i.name,
          [i.baseUnit, ...i.packs.map((p) => `${p.name}（${p.baseQuantity}${i.baseUnit}）`)].join("、"),
        ]),
      warehouses: enterpriseWarehouses(db).map((w) => [w.code, w.name, w.enterprise]),
    }),
  };
}

export function exportAgreements(db: DbOrTx, now: string): FileDownload {
  const codes = new Map(
    db
      .select({ id: enterprises.id, code: enterprises.creditCode })
      .from(enterprises)
      .all()
      .map((e) => [e.id, e.code]),
  );
  const warehouseCodes = new Map(
    db
      .select({ id: warehouses.id, code: warehouses.code })
      .from(warehouses)
      .all()
      .map((w) => [w.id, w.code]),
  );
  return {
    fileName: zh(msg("agreements.file.export", { date: localDate(now) })),
    content: buildAgreementExport(
      agreementViews(db, {}, now).flatMap((a) =>
        a.lines.map((l) => ({
          number: a.number,
          creditCode: codes.get(a.enterpriseId) ?? "",
          enterpriseName: a.enterpriseName,
          kind: a.kind,
          startDate: a.startDate,
          endDate: a.endDate,
          signedOn: a.signedOn,
          declarationMonths: a.declarationMonths,
          status: a.status,
          itemCode: l.itemCode,
          vehicleType: l.vehicleType,
          quantity: l.quantity,
          unit: l.baseUnit,
          responseHours: l.responseHours,
          warehouseCode: l.warehouseId === null ? null : (warehouseCodes.get(l.warehouseId) ?? null),
          unitPriceFen: l.unitPriceFen,
          reserveFundFen: l.reserveFundFen,
          rotationDuty: l.rotationDuty,
          declared: l.latestDeclaration?.quantity ?? null,
          verified: l.latestVerification?.quantity ?? null,
        })),
      ),
    ),
  };
}

/**
 * Imports agreements, one sheet row per agreement line. Codes are resolved against the registers, and each
 * agreement then goes through the same checks as the form (a duplicate number, end before start, an
 * unknown item or unit, a warehouse of another enterprise…). Any problem rejects the file; nothing is
 * written.
 */
export async function importAgreements({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ agreements: number; lines: number }> {
  const parsed = await readUpload(parseAgreementSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const enterpriseByCode = new Map(
      tx
        .select({ id: enterprises.id, code: enterprises.creditCode })
        .from(enterprises)
        .all()
        .map((e) => [e.code, e.id]),
    );
    const itemByCode = new Map(listItems(tx).map((i) => [i.code, i.id]));
    const warehouseByCode = new Map(
      tx
        .select({ id: warehouses.id, code: warehouses.code })
        .from(warehouses)
        .all()
        .map((w) => [w.code, w.id]),
    );
    const inner = { ...ctx, db: tx };
    let lines = 0;
    for (const group of parsed.agreements) {
      const enterpriseId = enterpriseByCode.get(group.creditCode);
      let resolved = true;
      if (enterpriseId === undefined) {
        issues.push({
          row: group.row,
          column: AGREEMENT_HEADERS.creditCode,
          message: msg("agreements.error.enterpriseCodeUnknown", { code: group.creditCode }),
        });
        resolved = false;
      }
      for (const line of group.lines) {
        if (line.itemCode !== null && !itemByCode.has(line.itemCode)) {
          issues.push({
            row: line.row,
            column: AGREEMENT_HEADERS.item,
            message: msg("agreements.error.itemCodeUnknown", { code: line.itemCode }),
          });
          resolved = false;
        }
        if (line.warehouseCode !== null && !warehouseByCode.has(line.warehouseCode)) {
          issues.push({
            row: line.row,
            column: AGREEMENT_HEADERS.warehouse,
            message: msg("agreements.error.warehouseCodeUnknown", { code: line.warehouseCode }),
          });
          resolved = false;
        }
      }
      if (!resolved) continue;
      runRow(
        issues,
        { row: group.row, lineRows: group.lines.map((l) => l.row) },
        AGREEMENT_FIELD_COLUMNS,
        () => {
          createAgreement({
            ctx: inner,
            input: {
              number: group.number,
              enterpriseId: enterpriseId ?? 0,
              kind: group.kind,
              startDate: group.startDate,
              endDate: group.endDate,
              signedOn: group.signedOn,
              declarationMonths: group.declarationMonths,
              note: zh(msg("agreements.note.imported", { file: input.fileName })),
              lines: group.lines.map((l) => ({
                itemId: l.itemCode === null ? null : (itemByCode.get(l.itemCode) ?? null),
                vehicleType: l.vehicleType,
                quantity: l.quantity,
                ...(l.unit !== null && { unit: l.unit }),
                responseHours: l.responseHours,
                warehouseId: l.warehouseCode === null ? null : (warehouseByCode.get(l.warehouseCode) ?? null),
                unitPriceFen: l.unitPriceFen,
                reserveFundFen: l.reserveFundFen,
                rotationDuty: l.rotationDuty,
              })),
            },
          });
          lines += group.lines.length;
        },
      );
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "agreements.import",
      targetType: "agreement",
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        agreements: parsed.agreements.length,
        lines,
      },
    });
    return { agreements: parsed.agreements.length, lines };
  });
}

/** The lines of stock agreements (of one enterprise, or all), with what the declaration sheet shows of them. */
export function stockLines(db: DbOrTx, enterpriseId?: number) {
  return db
    .select({
      lineId: agreementLines.id,
      number: agreements.number,
      lineNo: agreementLines.lineNo,
      enterpriseId: agreements.enterpriseId,
      enterpriseName: enterprises.name,
      itemCode: items.code,
      itemName: items.name,
      baseUnit: items.baseUnit,
      warehouseName: warehouses.name,
      committed: agreementLines.quantity,
    })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
    .innerJoin(items, eq(items.id, agreementLines.itemId))
    .leftJoin(warehouses, eq(warehouses.id, agreementLines.warehouseId))
    .where(
      and(
        eq(agreements.kind, "stock"),
        enterpriseId === undefined ? undefined : eq(agreements.enterpriseId, enterpriseId),
      ),
    )
    .orderBy(enterprises.name, agreements.number, agreementLines.lineNo)
    .all();
}

/** The inspection that followed a declaration: the first on or after its date, of the same line. */
const v = alias(agreementVerifications, "v");

/** The declaration sheet for the enterprises to fill in: their agreement stock lines (of agreements not ended). */
/** A declaration row whose 物资编码, when given, names another item than its agreement line's. */
export function lineItemMismatch(
  row: { row: number; number: string; lineNo: number; itemCode: string | null },
  line: { itemCode: string; itemName: string },
): ErrorIssue | undefined {
  if (row.itemCode === null || row.itemCode === line.itemCode) return undefined;
  return {
    row: row.row,
    column: DECLARATION_HEADERS.item,
    message: msg("agreements.error.lineItemMismatch", {
      number: row.number,
      line: row.lineNo,
      code: line.itemCode,
      item: line.itemName,
      given: row.itemCode,
    }),
  };
}

export function declarationTemplate(
  db: DbOrTx,
  now: string,
  enterpriseId?: number,
  options: { withLots?: boolean } = {},
): FileDownload {
  const today = localDate(now);
  const open = new Set(
    agreementViews(db, enterpriseId === undefined ? {} : { enterpriseId }, now)
      .filter((a) => a.status !== "terminated" && a.endDate >= today)
      .map((a) => a.number),
  );
  const lines = stockLines(db, enterpriseId).filter((l) => open.has(l.number));
  const who =
    enterpriseId === undefined
      ? zh(msg("agreements.file.allEnterprises"))
      : (lines[0]?.enterpriseName ?? zh(msg("agreements.file.enterprise")));
  return {
    fileName: zh(msg("agreements.file.declarationTemplate", { who, date: today })),
    content: buildDeclarationTemplate(lines, options),
  };
}

export function exportDeclarations(db: DbOrTx, now: string): FileDownload {
  const d = agreementDeclarations;
  const rows: DeclarationExportRow[] = db
    .select({
      number: agreements.number,
      lineNo: agreementLines.lineNo,
      enterpriseName: enterprises.name,
      itemCode: items.code,
      itemName: items.name,
      committed: agreementLines.quantity,
      baseUnit: items.baseUnit,
      declaredOn: d.declaredOn,
      declared: d.quantity,
      source: d.source,
      status: d.status,
      verifiedOn: v.inspectedOn,
      verified: v.quantity,
    })
    .from(d)
    .innerJoin(agreementLines, eq(agreementLines.id, d.lineId))
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .innerJoin(enterprises, eq(enterprises.id, agreements.enterpriseId))
    .innerJoin(items, eq(items.id, agreementLines.itemId))
    .leftJoin(
      v,
      eq(
        v.id,
        sql`(SELECT id FROM agreement_verifications WHERE line_id = ${d.lineId} AND inspected_on >= ${d.declaredOn}
          ORDER BY inspected_on, id LIMIT 1)`,
      ),
    )
    .orderBy(enterprises.name, agreements.number, agreementLines.lineNo, desc(d.declaredOn))
    .all();
  return {
    fileName: zh(msg("agreements.file.declarations", { date: localDate(now) })),
    content: buildDeclarationExport(rows),
  };
}

/**
 * Imports the declaration sheet an enterprise filled in: each row names an agreement number and line
 * number; the item code, when given, must match the line. Every row is checked like a declaration typed
 * into the form; any problem rejects the file and nothing is written.
 */
export async function importDeclarations({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ declarations: number }> {
  const parsed = await readUpload(parseDeclarationSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const lines = new Map(stockLines(tx).map((l) => [`${l.number}#${l.lineNo}`, l]));
    const numbers = new Set([...lines.values()].map((l) => l.number));
    const inner = { ...ctx, db: tx };
    for (const row of parsed.rows) {
      const line = lines.get(`${row.number}#${row.lineNo}`);
      if (!line) {
        issues.push(
          numbers.has(row.number)
            ? {
                row: row.row,
                column: DECLARATION_HEADERS.lineNo,
                message: msg("agreements.error.noSuchLine", { number: row.number, line: row.lineNo }),
              }
            : {
                row: row.row,
                column: DECLARATION_HEADERS.number,
                message: msg("agreements.error.stockAgreementUnknown", { number: row.number }),
              },
        );
        continue;
      }
      const mismatch = lineItemMismatch(row, line);
      if (mismatch) {
        issues.push(mismatch);
        continue;
      }
      runRow(issues, row, DECLARATION_FIELD_COLUMNS, () =>
        declareStock({
          ctx: inner,
          source: "imported",
          input: {
            lineId: line.lineId,
            declaredOn: row.declaredOn,
            quantity: row.quantity,
            ...(row.unit !== null && { unit: row.unit }),
            note: row.note,
          },
        }),
      );
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "agreements.importDeclarations",
      targetType: "agreement",
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        declarations: parsed.rows.length,
      },
    });
    return { declarations: parsed.rows.length };
  });
}
