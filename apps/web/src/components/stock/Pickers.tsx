import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { Select, type SelectProps } from "antd";
import { useState } from "react";
import { type Translate, useI18n } from "../../i18n";
import type { ItemView, LotView, WarehouseView } from "../../lib/api-types";
import { trpc } from "../../trpc";

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
  if (lot.status !== "available") parts.push(t(`stock.lotStatus.${lot.status}`));
  if (lot.expired) parts.push(t("stock.expired"));
  return parts.join(" · ");
}

/** Lots offered at once: the newest by expiry; typing part of a code searches every lot of the item. */
const LOT_CHOICES = 50;

/**
 * Chooses a registered lot of one item, also one no warehouse holds any more. The server searches the
 * register as the user types, so an item with thousands of lots never sends them all.
 */
export function LotSearchSelect({
  itemId,
  value,
  ...props
}: PickerProps & { itemId: number | undefined; value?: number }) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const lots = useQuery(
    trpc.stock.lots.queryOptions(
      itemId
        ? { itemId, search: search.trim() || undefined, pageSize: LOT_CHOICES, sort: "expiry", order: "desc" }
        : skipToken,
      { placeholderData: keepPreviousData },
    ),
  );
  const listed = lots.data?.rows ?? [];
  const chosen = useQuery(
    trpc.stock.lots.queryOptions(
      itemId && value && !listed.some((lot) => lot.id === value)
        ? { itemId, lotId: value, pageSize: 1 }
        : skipToken,
    ),
  );
  const options = [...(chosen.data?.rows ?? []), ...listed].map((lot) => ({
    value: lot.id,
    label: lotChoiceLabel(lot, t),
    code: lot.lotCode,
  }));
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={lots.isFetching}
      notFoundContent={t(
        !itemId ? "stock.line.itemFirst" : search ? "stock.lots.none" : "stock.lots.noneForItem",
      )}
      popupMatchSelectWidth={false}
      labelRender={(option) => options.find((o) => o.value === option.value)?.code ?? option.label}
      {...props}
      value={value}
      onBlur={() => setSearch("")}
      options={options}
    />
  );
}
