import { useQuery } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useI18n } from "../../i18n";
import type { ItemView } from "../../lib/api-types";
import { formatQuantity } from "../../lib/quantity";
import { trpc } from "../../trpc";

export interface PlanNames {
  areaName(id: number): string;
  warehouseName(id: number): string;
  itemName(id: number): string;
  /** A quantity in an item's base units, in its largest whole pack with the base units beside it. */
  quantity(itemId: number, quantity: number): string;
  /** What a stop unloads: “棉被 200 床、帐篷 30 顶”. */
  deliveries(lines: ReadonlyArray<{ itemId: number; quantity: number }>): string;
}

/**
 * The names a plan's ids stand for: townships from the area register, villages from the incident's own areas,
 * warehouses and items from their registers. An id not (yet) loaded shows as “#id”.
 */
export function usePlanNames(incidentAreas: ReadonlyArray<{ areaId: number; name: string }>): PlanNames {
  const { formatNumber, aside, list } = useI18n();
  const areas = useQuery(trpc.areas.list.queryOptions());
  const warehouses = useQuery(trpc.warehouses.list.queryOptions());
  const items = useQuery(trpc.items.list.queryOptions());

  const areaNames = useMemo(() => {
    const names = new Map<number, string>((areas.data?.areas ?? []).map((a) => [a.id, a.name]));
    for (const a of incidentAreas) names.set(a.areaId, a.name);
    return names;
  }, [areas.data, incidentAreas]);
  const warehouseNames = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w.name] as const)),
    [warehouses.data],
  );
  const itemsById = useMemo(
    () => new Map<number, ItemView>((items.data ?? []).map((i) => [i.id, i])),
    [items.data],
  );

  const areaName = useCallback((id: number) => areaNames.get(id) ?? `#${id}`, [areaNames]);
  const warehouseName = useCallback((id: number) => warehouseNames.get(id) ?? `#${id}`, [warehouseNames]);
  const itemName = useCallback((id: number) => itemsById.get(id)?.name ?? `#${id}`, [itemsById]);
  const quantity = useCallback(
    (itemId: number, value: number) => {
      const item = itemsById.get(itemId);
      return item ? formatQuantity(value, item, { formatNumber, aside }) : formatNumber(value);
    },
    [itemsById, formatNumber, aside],
  );
  const deliveries = useCallback(
    (lines: ReadonlyArray<{ itemId: number; quantity: number }>) =>
      list(lines.map((l) => `${itemName(l.itemId)} ${quantity(l.itemId, l.quantity)}`)),
    [list, itemName, quantity],
  );
  return useMemo(
    () => ({ areaName, warehouseName, itemName, quantity, deliveries }),
    [areaName, warehouseName, itemName, quantity, deliveries],
  );
}
