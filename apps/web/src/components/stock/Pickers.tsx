import { Select, type SelectProps } from "antd";
import { type Translate, useI18n } from "../../i18n";
import type { ItemView, LotView, WarehouseView } from "../../lib/api-types";

type PickerProps = Omit<SelectProps<number>, "options" | "mode">;

/** Chooses a material by code or name; inactive items only when asked for (reading history). */
export function ItemSelect({
  items,
  includeInactive = false,
  ...props
}: PickerProps & { items: readonly ItemView[]; includeInactive?: boolean }) {
  const { t } = useI18n();
  return (
    <Select<number>
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("stock.pickItem")}
      {...props}
      options={items
        .filter((i) => includeInactive || i.active)
        .map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
    />
  );
}

/** Chooses a warehouse by code or name. */
export function WarehouseSelect({
  warehouses,
  ...props
}: PickerProps & { warehouses: readonly WarehouseView[] }) {
  const { t } = useI18n();
  return (
    <Select<number>
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t("stock.pickWarehouse")}
      {...props}
      options={warehouses.map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }))}
    />
  );
}

/** A lot of the register as a choice: code, expiry, and its condition when it is not usable. */
export function lotChoiceLabel(
  lot: Pick<LotView, "lotCode" | "expiryDate" | "expired" | "status">,
  t: Translate,
): string {
  const parts = [
    lot.lotCode,
    lot.expiryDate ? t("stock.line.lotExpiry", { date: lot.expiryDate }) : t("stock.noExpiry"),
  ];
  if (lot.status !== "available") parts.push(t(`lotStatus.${lot.status}`));
  if (lot.expired) parts.push(t("stock.expired"));
  return parts.join(" · ");
}
