import type { DbOrTx } from "@relief/db";
import { msg, zh } from "@relief/domain";
import { buildCountSheet, countSheetFileName } from "@relief/sheets";
import type { FileDownload } from "../areas/population-sheet";
import { itemsWithPacks } from "../items/packs";
import { localDateTime } from "../time";
import { getCount } from "./counts";
import { CountSheetInput } from "./schemas";

/**
 * 盘点表 as .xlsx, the same sheet as the printed one: the count as `stock.count` reads it (lines by item code,
 * then lot), each line's packs spelled out for counting whole packs, labels in Chinese from the catalog. Blind
 * by default: the expected quantity is on the sheet only when asked for.
 */
export function exportCountSheet(db: DbOrTx, input: CountSheetInput): FileDownload {
  const { countId, blind } = CountSheetInput.parse(input);
  const count = getCount(db, countId);
  const packs = itemsWithPacks(
    db,
    count.lines.map((l) => l.itemId),
  );
  return {
    fileName: countSheetFileName(count.number),
    content: buildCountSheet({
      number: count.number,
      warehouse: `${count.warehouseCode} ${count.warehouseName}`,
      openedAt: localDateTime(count.openedAt),
      openedBy: count.openedByName ?? "",
      blind,
      lines: count.lines.map((line) => ({
        itemCode: line.itemCode,
        itemName: line.itemName,
        specification: line.specification,
        lotCode: line.lotCode,
        productionDate: line.productionDate,
        expiryDate: line.expiryDate,
        ownership: zh(msg(`stock.ownership.${line.ownership}`)),
        baseUnit: line.baseUnit,
        packs: packs.get(line.itemId)?.packs ?? [],
        expected: line.expected,
      })),
    }),
  };
}
