import { areas, type DbOrTx } from "@relief/db";
import { msg } from "@relief/domain";
import { buildPopulationWorkbook, type PopulationExportRow, parsePopulationSheet } from "@relief/sheets";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny } from "../import-rows";
import { localDate } from "../time";
import { allAreas, listAreas } from "./list";

export interface PopulationImportResult {
  updated: number;
  created: number;
  /** District figure and the sum of its townships after the import; they may legitimately differ. */
  districtPopulation: number | null;
  townshipTotal: number;
}

export interface FileDownload {
  fileName: string;
  content: Uint8Array;
}

/**
 * Applies a population spreadsheet. Every row is checked first; a single bad row rejects the whole file
 * with the complete list of problems, and nothing is written.
 */
export async function importPopulation({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: { fileName: string; content: Uint8Array };
}): Promise<PopulationImportResult> {
  const parsed = await readUpload(parsePopulationSheet, input.content);
  return withTransaction(ctx, (tx) => {
    const all = tx.select().from(areas).all();
    const townships = new Map(all.filter((a) => a.level === "township").map((a) => [a.name, a]));
    const villages = new Map(
      all.filter((a) => a.level === "village").map((a) => [`${a.parentId}/${a.name}`, a]),
    );
    const district = all.find((a) => a.level === "district")?.name ?? msg("areas.thisDistrict");
    const issues: ErrorIssue[] = [...parsed.issues];
    for (const row of parsed.rows) {
      if (!townships.has(row.township)) {
        issues.push({
          row: row.row,
          column: "镇街",
          message: msg("areas.error.noSuchTownship", { district, township: row.township }),
        });
      }
    }
    rejectIfAny(input.fileName, issues);

    const at = nowIso(ctx);
    let updated = 0;
    let created = 0;
    const touched: number[] = [];
    for (const row of parsed.rows) {
      const township = townships.get(row.township);
      if (!township) continue;
      const target = row.village ? villages.get(`${township.id}/${row.village}`) : township;
      const figures = {
        population: row.population,
        ...(row.year !== null && { populationYear: row.year }),
        ...(row.basis !== null && { populationBasis: row.basis }),
        ...(row.householdSize !== null && { householdSize: row.householdSize }),
        updatedAt: at,
      };
      if (target) {
        tx.update(areas).set(figures).where(eq(areas.id, target.id)).run();
        touched.push(target.id);
        updated += 1;
      } else {
        const inserted = tx
          .insert(areas)
          .values({
            parentId: township.id,
            level: "village",
            kind: /社区$/.test(row.village ?? "") ? "community" : "village",
            name: row.village ?? "",
            populationYear: township.populationYear,
            populationBasis: township.populationBasis,
            householdSize: township.householdSize,
            ...figures,
          })
          .returning({ id: areas.id })
          .get();
        touched.push(inserted.id);
        created += 1;
      }
    }
    recordAudit(tx, ctx, {
      action: "areas.importPopulation",
      targetType: "area",
      targetIds: touched,
      summary: {
        fileName: input.fileName,
        bytes: input.content.byteLength,
        rows: parsed.rows.length,
        updated,
        created,
      },
    });
    const overview = listAreas(tx);
    return {
      updated,
      created,
      districtPopulation: overview.district?.population ?? null,
      townshipTotal: overview.district?.childrenPopulation ?? 0,
    };
  });
}

function exportRows(db: DbOrTx, withFigures: boolean): PopulationExportRow[] {
  const list = allAreas(db);
  const byId = new Map(list.map((a) => [a.id, a]));
  const rows: PopulationExportRow[] = [];
  for (const township of list.filter((a) => a.level === "township")) {
    for (const area of [township, ...list.filter((a) => a.parentId === township.id)]) {
      const isVillage = area.level === "village";
      rows.push({
        township: isVillage ? (byId.get(area.parentId ?? -1)?.name ?? "") : area.name,
        village: isVillage ? area.name : null,
        population: withFigures ? area.population : null,
        year: withFigures ? area.populationYear : null,
        basis: withFigures ? area.populationBasis : null,
        householdSize: withFigures ? area.householdSize : null,
      });
    }
  }
  return rows;
}

/** Current figures of every township and village, in the import layout. */
export function exportPopulation(db: DbOrTx, today: Date = new Date()): FileDownload {
  const date = localDate(today);
  const district = listAreas(db).district?.name ?? "";
  return {
    fileName: `${district}常住人口_${date}.xlsx`,
    content: buildPopulationWorkbook(exportRows(db, true), `${district}常住人口（导出于 ${date}）`),
  };
}

/** The import template: the township names filled in, the figures left for the user. */
export function populationTemplate(db: DbOrTx): FileDownload {
  return {
    fileName: "常住人口导入模板.xlsx",
    content: buildPopulationWorkbook(exportRows(db, false), "常住人口导入模板"),
  };
}
