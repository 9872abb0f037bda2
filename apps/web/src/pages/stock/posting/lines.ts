import type { FormInstance } from "antd";
import type { Dayjs } from "dayjs";
import type { StockRefs } from "../../../components/stock/useStockRefs";
import type { Ownership } from "../../../lib/api-types";

// A posting form's lines as the form holds them, and what turns them into the API's input.

export interface LineValues {
  itemId?: number;
  /** An existing lot; `"new"` (adjustments) books found stock to the lot code typed in. */
  lotId?: number | "new";
  lotCode?: string;
  productionDate?: Dayjs | null;
  expiryDate?: Dayjs | null;
  ownership?: Ownership;
  quantity?: number;
  unit?: string;
}

export const NEW_LOT = "new" as const;

/** Server issues naming a line field (`lines.2.quantity`) go beside that field. */
export function isLineField(field: string): boolean {
  return /^lines\.\d+\.(itemId|lotId|lotCode|productionDate|expiryDate|ownership|quantity|unit)$/.test(field);
}

/** Another warehouse has other lots: lots chosen on the lines no longer apply (a new lot code does). */
export function clearLineLots(form: FormInstance): void {
  const lines = form.getFieldValue("lines") as LineValues[] | undefined;
  if (!lines?.some((line) => typeof line.lotId === "number")) return;
  form.setFieldValue(
    "lines",
    lines.map((line) => (typeof line.lotId === "number" ? { ...line, lotId: undefined } : line)),
  );
}

/** `YYYY-MM-DD` for the API, or nothing. */
export function isoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format("YYYY-MM-DD") : undefined;
}

/** Trimmed text, or nothing for an empty field (optional API texts). */
export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Quantity and unit of a line as the API takes them; the base unit is left out. */
export function quantityOf(line: LineValues, refs: StockRefs): { quantity: number; unit?: string } {
  const item = refs.item(line.itemId);
  const unit = line.unit && item && line.unit !== item.baseUnit ? line.unit : undefined;
  return { quantity: line.quantity ?? 0, ...(unit && { unit }) };
}
