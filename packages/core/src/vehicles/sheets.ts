import { agreementLines, agreements, type DbOrTx, vehicles, warehouses } from "@relief/db";
import { msg, normalizePlate, zh } from "@relief/domain";
import { buildVehicleExport, parseVehicleSheet, VEHICLE_HEADERS } from "@relief/sheets";
import { and, eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { localDate } from "../time";
import { allVehicles } from "./list";
import { createVehicle, updateVehicle } from "./save";

/** The sheet column each field of a vehicle's input comes from. */
const VEHICLE_FIELD_COLUMNS: Record<string, string> = {
  plate: VEHICLE_HEADERS.plate,
  type: VEHICLE_HEADERS.type,
  payloadKg: VEHICLE_HEADERS.payloadKg,
  volumeM3: VEHICLE_HEADERS.volumeM3,
  homeWarehouseId: VEHICLE_HEADERS.warehouse,
  driver: VEHICLE_HEADERS.driver,
  phone: VEHICLE_HEADERS.phone,
  status: VEHICLE_HEADERS.status,
  owner: VEHICLE_HEADERS.owner,
  agreementLineId: VEHICLE_HEADERS.agreementNumber,
};

/** The vehicles in the fleet (those taken out are left out: importing the file back keeps them out). */
export function exportVehicles(db: DbOrTx, now: string): FileDownload {
  return {
    fileName: zh(msg("vehicles.file.export", { date: localDate(now) })),
    content: buildVehicleExport(
      allVehicles(db)
        .filter((v) => v.active)
        .map((v) => ({
          ...v,
          warehouseCode: v.homeWarehouseCode,
          agreement:
            v.agreementNumber !== null && v.agreementLineNo !== null
              ? { number: v.agreementNumber, lineNo: v.agreementLineNo }
              : null,
        })),
    ),
  };
}

/**
 * Imports the fleet sheet: a registered plate updates that vehicle (its note and whether it is in the fleet
 * kept), a new plate registers one. Every row goes through the same checks as the form, the caller's right to
 * edit the vehicle included; any problem rejects the whole file with the list, and nothing is written.
 */
export async function importVehicles({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ created: number; updated: number }> {
  const parsed = await readUpload(parseVehicleSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const warehouseIds = new Map(
      tx
        .select({ code: warehouses.code, id: warehouses.id })
        .from(warehouses)
        .all()
        .map((w) => [w.code, w.id]),
    );
    const seen = new Map<string, number>();
    let created = 0;
    let updated = 0;
    const inner = { ...ctx, db: tx };
    for (const row of parsed.rows) {
      const plate = normalizePlate(row.plate);
      const earlier = seen.get(plate);
      if (earlier !== undefined) {
        issues.push({
          row: row.row,
          column: VEHICLE_HEADERS.plate,
          message: msg("vehicles.error.duplicateRow", { row: String(earlier) }),
        });
        continue;
      }
      seen.set(plate, row.row);
      const homeWarehouseId = warehouseIds.get(row.warehouseCode);
      if (homeWarehouseId === undefined) {
        issues.push({
          row: row.row,
          column: VEHICLE_HEADERS.warehouse,
          message: msg("vehicles.error.warehouseUnknown", { code: row.warehouseCode }),
        });
        continue;
      }
      let agreementLineId: number | null = null;
      if (row.agreement) {
        const line = tx
          .select({ id: agreementLines.id })
          .from(agreementLines)
          .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
          .where(
            and(eq(agreements.number, row.agreement.number), eq(agreementLines.lineNo, row.agreement.lineNo)),
          )
          .get();
        if (!line) {
          issues.push({
            row: row.row,
            column: VEHICLE_HEADERS.agreementNumber,
            message: msg("vehicles.error.lineUnknown", {
              number: row.agreement.number,
              line: String(row.agreement.lineNo),
            }),
          });
          continue;
        }
        agreementLineId = line.id;
      }
      const fields = {
        plate: row.plate,
        type: row.type,
        payloadKg: row.payloadKg,
        volumeM3: row.volumeM3,
        homeWarehouseId,
        driver: row.driver,
        phone: row.phone,
        status: row.status,
        owner: row.owner,
        agreementLineId,
      };
      const existing = tx
        .select({ id: vehicles.id, note: vehicles.note, active: vehicles.active })
        .from(vehicles)
        .where(eq(vehicles.plate, plate))
        .get();
      runRow(issues, row, VEHICLE_FIELD_COLUMNS, () => {
        if (existing) {
          updateVehicle({ ctx: inner, input: { ...existing, ...fields } });
          updated += 1;
        } else {
          createVehicle({ ctx: inner, input: fields });
          created += 1;
        }
      });
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "vehicles.import",
      targetType: "vehicle",
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        rows: parsed.rows.length,
        created,
        updated,
        at: nowIso(ctx),
      },
    });
    return { created, updated };
  });
}
