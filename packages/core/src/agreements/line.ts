import { type AgreementKind, agreementLines, agreements, type Tx } from "@relief/db";
import { type Message, msg, zh } from "@relief/domain";
import { eq } from "drizzle-orm";
import { NotFoundError } from "../errors";
import { type ItemPack, itemsWithPacks } from "../items/packs";
import { toBaseQuantity } from "../limits";

export interface LineContext {
  id: number;
  lineNo: number;
  quantity: number;
  responseHours: number;
  agreementId: number;
  agreementNumber: string;
  enterpriseId: number;
  kind: AgreementKind;
  startDate: string;
  endDate: string;
  terminatedOn: string | null;
  /** The enterprise warehouse the line's stock is held in. */
  warehouseId: number | null;
  item: { name: string; baseUnit: string; packs: ItemPack[] } | null;
}

/** An agreement line with its agreement and item, for the records kept against it. */
export function loadLine(tx: Tx, lineId: number): LineContext {
  const row = tx
    .select({
      id: agreementLines.id,
      lineNo: agreementLines.lineNo,
      quantity: agreementLines.quantity,
      responseHours: agreementLines.responseHours,
      itemId: agreementLines.itemId,
      warehouseId: agreementLines.warehouseId,
      agreementId: agreements.id,
      agreementNumber: agreements.number,
      enterpriseId: agreements.enterpriseId,
      kind: agreements.kind,
      startDate: agreements.startDate,
      endDate: agreements.endDate,
      terminatedOn: agreements.terminatedOn,
    })
    .from(agreementLines)
    .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
    .where(eq(agreementLines.id, lineId))
    .get();
  if (!row) throw new NotFoundError(msg("agreements.error.lineNotFound", { id: String(lineId) }));
  const { itemId, ...line } = row;
  if (itemId === null) return { ...line, item: null };
  const item = itemsWithPacks(tx, [itemId]).get(itemId);
  if (!item) throw new NotFoundError(msg("agreements.error.itemNotFound", { id: String(itemId) }));
  return { ...line, item: { name: item.name, baseUnit: item.baseUnit, packs: item.packs } };
}

/** A quantity given in a pack of the line's item, in base units within the line ceiling; trucks have no packs. */
export function lineQuantity(
  line: LineContext,
  quantity: number,
  unit: string | undefined,
  place: { label: Message; field: string },
): number {
  // Trucks are counted one by one (no packs, within the schema's ceiling), so no message ever names them.
  const subject = line.item ?? {
    name: zh(msg("agreements.subject.transport")),
    baseUnit: zh(msg("agreements.unit.truck")),
    packs: [],
  };
  return toBaseQuantity(subject, quantity, line.item ? unit : undefined, { ...place, unitField: "unit" });
}
