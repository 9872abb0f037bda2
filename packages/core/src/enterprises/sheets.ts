import { areas, type DbOrTx, enterprises } from "@relief/db";
import { msg, zh } from "@relief/domain";
import {
  buildEnterpriseExport,
  buildEnterpriseTemplate,
  ENTERPRISE_HEADERS,
  parseEnterpriseSheet,
} from "@relief/sheets";
import { and, asc, eq } from "drizzle-orm";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { localDate } from "../time";
import { enterpriseSummaries } from "./list";
import { createEnterprise, updateEnterprise } from "./save";

/** The sheet column each field of an enterprise's input comes from. */
const ENTERPRISE_FIELD_COLUMNS: Record<string, string> = {
  name: ENTERPRISE_HEADERS.name,
  creditCode: ENTERPRISE_HEADERS.creditCode,
  kind: ENTERPRISE_HEADERS.kind,
  areaId: ENTERPRISE_HEADERS.township,
  address: ENTERPRISE_HEADERS.address,
  lat: ENTERPRISE_HEADERS.lat,
  lon: ENTERPRISE_HEADERS.lon,
  status: ENTERPRISE_HEADERS.status,
  mobile: ENTERPRISE_HEADERS.contactMobile,
  role: ENTERPRISE_HEADERS.contactRole,
};

function townships(db: DbOrTx) {
  return db
    .select({ id: areas.id, name: areas.name })
    .from(areas)
    .where(eq(areas.level, "township"))
    .orderBy(asc(areas.sortOrder))
    .all();
}

export function enterpriseTemplate(db: DbOrTx): FileDownload {
  return {
    fileName: zh(msg("enterprises.file.template")),
    content: buildEnterpriseTemplate(townships(db).map((t) => t.name)),
  };
}

export function exportEnterprises(db: DbOrTx, now: string): FileDownload {
  const names = new Map(townships(db).map((t) => [t.id, t.name]));
  return {
    fileName: zh(msg("enterprises.file.export", { date: localDate(now) })),
    content: buildEnterpriseExport(
      enterpriseSummaries(db, now).map((e) => ({
        ...e,
        township: e.areaId === null ? null : (names.get(e.areaId) ?? null),
        contact: e.contacts[0] ?? null,
        ...(e.grade === "unrated" ? { grade: zh(msg("enterprises.grade.unrated")), score: null } : {}),
      })),
    ),
  };
}

/**
 * Imports the enterprise sheet: a registered credit code updates that enterprise (its contacts replaced by
 * the row's contact), a new one registers an enterprise. Every row goes through the same checks as the
 * form; any problem rejects the whole file with the list, and nothing is written.
 */
export async function importEnterprises({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<{ created: number; updated: number }> {
  const parsed = await readUpload(parseEnterpriseSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const issues: ErrorIssue[] = [...parsed.issues];
    const areaIds = new Map(townships(tx).map((t) => [t.name, t.id]));
    const seen = new Map<string, number>();
    let created = 0;
    let updated = 0;
    const inner = { ...ctx, db: tx };
    for (const row of parsed.rows) {
      const earlier = seen.get(row.creditCode);
      if (earlier !== undefined) {
        issues.push({
          row: row.row,
          column: ENTERPRISE_HEADERS.creditCode,
          message: msg("enterprises.error.duplicateRow", { row: String(earlier) }),
        });
        continue;
      }
      seen.set(row.creditCode, row.row);
      const areaId = row.township === null ? null : areaIds.get(row.township);
      if (areaId === undefined) {
        issues.push({
          row: row.row,
          column: ENTERPRISE_HEADERS.township,
          message: msg("enterprises.error.townshipUnknown", { township: row.township ?? "" }),
        });
        continue;
      }
      const fields = {
        name: row.name,
        creditCode: row.creditCode,
        kind: row.kind,
        keySupplier: row.keySupplier,
        address: row.address,
        areaId,
        lat: row.lat,
        lon: row.lon,
        status: row.status,
        contacts: row.contact ? [row.contact] : [],
      };
      const existing = tx
        .select({ id: enterprises.id, note: enterprises.note })
        .from(enterprises)
        .where(and(eq(enterprises.creditCode, row.creditCode)))
        .get();
      runRow(issues, row, ENTERPRISE_FIELD_COLUMNS, () => {
        if (existing) {
          updateEnterprise({ ctx: inner, input: { id: existing.id, ...fields, note: existing.note } });
          updated += 1;
        } else {
          createEnterprise({ ctx: inner, input: fields });
          created += 1;
        }
      });
    }
    rejectIfAny(input.fileName, issues);
    recordAudit(tx, ctx, {
      action: "enterprises.import",
      targetType: "enterprise",
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
