import { type DbOrTx, items, neighbourLendableLines, neighbourLendableLists } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildLendableTemplate, LENDABLE_HEADERS, parseLendableSheet } from "@relief/sheets";
import type { FileDownload } from "../areas/population-sheet";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import type { ErrorIssue } from "../errors";
import { readUpload, rejectIfAny, runRow } from "../import-rows";
import { listItems } from "../items/list";
import { itemsWithPacks } from "../items/packs";
import { assertDates, DATE_WINDOWS } from "../limits";
import { toBaseUnits } from "../stock/lines";
import { localDate } from "../time";
import { activeNeighbour, getNeighbour, type NeighbourView } from "./neighbours";
import { ImportLendableInput, NeighbourIdInput } from "./schemas";

/** The lendable-items template for one neighbour, listing Banan's item codes with their units. */
export function lendableTemplate(db: DbOrTx, input: NeighbourIdInput): FileDownload {
  const { id } = NeighbourIdInput.parse(input);
  const neighbour = activeNeighbour(db, id, "id");
  const itemList = listItems(db).filter((i) => i.active);
  return {
    fileName: zh(msg("aid.file.lendableTemplate", { neighbour: neighbour.name })),
    content: buildLendableTemplate({
      neighbour: neighbour.name,
      items: itemList.map((i) => [
        i.code,
        i.name,
        [i.baseUnit, ...i.packs.map((p) => `${p.name}（${p.baseQuantity}${i.baseUnit}）`)].join("、"),
      ]),
    }),
  };
}

const LENDABLE_FIELD_COLUMNS: Record<string, string> = {
  quantity: LENDABLE_HEADERS.quantity,
  unit: LENDABLE_HEADERS.unit,
};

/**
 * Imports the list a neighbour sent of what it can lend, with the date it bears. The file is read in the
 * sheet reader's worker; every row is checked (a known, active item; a whole quantity in its base unit or one
 * of its packs) and any problem rejects the file with the list, writing nothing. A valid file becomes a new
 * list: the latest by date is the one that counts, earlier lists stay as its history.
 */
export async function importLendable({
  ctx,
  input,
}: {
  ctx: CoreContext;
  input: Omit<ImportLendableInput, "contentBase64"> & { content: Uint8Array };
}): Promise<NeighbourView> {
  const { neighbourId, listDate, fileName } = ImportLendableInput.pick({
    neighbourId: true,
    listDate: true,
    fileName: true,
  }).parse(input);
  const parsed = await readUpload(parseLendableSheet, input.content);
  return withTransaction(ctx, (tx) => {
    activeNeighbour(tx, neighbourId);
    const at = nowIso(ctx);
    assertDates(localDate(at), [
      { value: listDate, window: DATE_WINDOWS.record, label: msg("aid.field.listDate"), field: "listDate" },
    ]);
    const issues: ErrorIssue[] = [...parsed.issues];
    const byCode = new Map(
      tx
        .select({ id: items.id, code: items.code, active: items.active })
        .from(items)
        .all()
        .map((i) => [i.code, i]),
    );
    const known = parsed.rows.flatMap((r) => {
      const item = byCode.get(r.itemCode);
      return item?.active ? [item.id] : [];
    });
    const withPacks = itemsWithPacks(tx, known);
    const lines: Array<{ itemId: number; quantity: number; note: string }> = [];
    for (const row of parsed.rows) {
      const found = byCode.get(row.itemCode);
      const item = found?.active ? withPacks.get(found.id) : undefined;
      if (!item) {
        issues.push({
          row: row.row,
          column: LENDABLE_HEADERS.item,
          message: msg(found ? "aid.error.itemInactive" : "aid.error.itemUnknown", { code: row.itemCode }),
        });
        continue;
      }
      runRow(issues, row, LENDABLE_FIELD_COLUMNS, () => {
        lines.push({
          itemId: item.id,
          quantity: toBaseUnits(item, row.quantity, row.unit ?? undefined, 0),
          note: row.note,
        });
      });
    }
    rejectIfAny(fileName, issues);
    const list = tx
      .insert(neighbourLendableLists)
      .values({ neighbourId, listDate, fileName, importedBy: ctx.actor?.userId ?? null, importedAt: at })
      .returning({ id: neighbourLendableLists.id })
      .get();
    tx.insert(neighbourLendableLines)
      .values(lines.map((l, i) => ({ ...l, listId: list.id, lineNo: i + 1 })))
      .run();
    recordAudit(tx, ctx, {
      action: "neighbours.importLendable",
      targetType: "neighbour",
      targetIds: [neighbourId],
      summary: { fileName, bytes: input.content.byteLength, listDate, rows: lines.length, listId: list.id },
    });
    return getNeighbour(tx, neighbourId);
  });
}
