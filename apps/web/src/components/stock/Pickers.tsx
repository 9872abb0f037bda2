import { Select, type SelectProps } from "antd";
import { useI18n } from "../../i18n";
import type { ItemView, WarehouseView } from "../../lib/api-types";

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
